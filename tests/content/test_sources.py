"""Reading content files: encodings, line endings, size and the front-matter block."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.content.sources import read_text, split_front_matter


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "bom_crlf.md", "\ufeff---\r\ntitle: Тест\r\n---\r\nТекст\r\n"
                 .encode("utf-8"))
    text, problems = read_text(path)
    assert problems == []
    assert text == "---\ntitle: Тест\n---\nТекст\n"


def test_windows_1251_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "cp1251.md", "---\ntitle: Практика школы\n---\n".encode("cp1251"))
    text, [problem] = read_text(path)
    assert text is None
    assert problem.code == "WrongEncoding"
    assert (problem.line, problem.column) == (2, 1)
    assert "(похоже на Windows-1251)" in problem.message


def test_utf16_binary_and_oversized_files_are_refused(tmp_path: Path) -> None:
    utf16 = write(tmp_path, "utf16.md", "---\ntitle: x\n---\n".encode("utf-16"))
    binary = write(tmp_path, "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    large = write(tmp_path, "large.md", b"---\ntitle: long enough\n---\n")
    assert read_text(utf16)[1][0].code == "WrongEncoding"
    assert read_text(binary)[1][0].code == "BinaryFile"
    assert read_text(large, max_bytes=10)[1][0].code == "FileTooLarge"
    assert read_text(large)[1] == []  # the default limit, 1 MB


@pytest.mark.parametrize(("text", "code", "line"), [
    ("", "EmptyFile", 0),
    ("Просто текст\n", "NoFrontMatter", 1),
    ("---\ntitle: x\n\nТекст\n", "UnclosedFrontMatter", 1),
    ("---\n- a\n- b\n---\n", "FrontMatterNotMapping", 2),
    ("---\nsummary: y\ntitle: 'x\nlevels: []\n---\n", "YamlSyntax", 3),
])
def test_broken_front_matter(text: str, code: str, line: int) -> None:
    _, problems = split_front_matter(text)
    assert [(p.code, p.line) for p in problems] == [(code, line)]


def test_body_starts_after_the_closing_fence() -> None:
    source, problems = split_front_matter("---\ntitle: x\n---\n## Заголовок\n")
    assert problems == [] and source is not None
    assert source.body == "## Заголовок\n"
    assert source.body_line == 4
    assert source.document.data == {"title": "x"}
