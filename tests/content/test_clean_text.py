"""Control characters, bidi controls and stray BOMs never reach a generated page or file.

Front-matter and registry values holding them are refused (tests/content/test_yaml_source.py); an
entry's body loses them with a warning. Here a body full of them is built through the site
builder, and every page, feed, calendar, dataset and download is searched for them.
"""

from __future__ import annotations

from pathlib import Path

from build_tools.checks.loader import Project, load_library
from build_tools.content.characters import FORBIDDEN
from build_tools.content.sources import read_text
from build_tools.pages.pages import SiteBuilder
from build_tools.syndication.syndication import PublicationSettings

DIRTY = "".join(chr(c) for c in [*range(0, 9), *range(11, 32), *range(127, 160)]) + \
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def test_a_dirty_body_is_published_clean(project: Path) -> None:
    path = project / "content/practices/roditelskiy-universitet.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## Суть практики", f"Грязная{DIRTY}строка.\n\n## Суть практики"
                                 ).replace("\r", ""), encoding="utf-8")
    library, problems = load_library(Project(project / "content", project))
    assert not problems.has_errors(), [p.render() for p in problems.errors]
    assert [p.code for p in problems.warnings] == ["CharacterRemoved"]
    builder = SiteBuilder(library, publication=PublicationSettings(
        site_url="https://example.org/bank/"))
    outputs = {p.src_uri: f"{p.before}{p.markdown}{p.after}" for p in builder.pages()}
    for static in builder.static_files():
        if isinstance(static.content, str):  # XLSX is a zip: its text is checked by its owner
            # A CSV starts with a BOM on purpose, so that Excel reads it as UTF-8.
            outputs[static.src_uri] = static.content.removeprefix("\ufeff")
    assert "Грязнаястрока." in outputs["practices/roditelskiy-universitet.md"]
    dirty = {uri: repr(FORBIDDEN.search(text).group(0))  # type: ignore[union-attr]
             for uri, text in outputs.items() if FORBIDDEN.search(text)}
    assert not dirty


def test_a_nul_past_the_binary_sniff_is_text_and_a_scan_is_binary(tmp_path: Path) -> None:
    text_file = tmp_path / "text.md"
    text_file.write_bytes(("---\ntitle: a\n---\n" + "абзац\n" * 2000).encode() + b"x\x00y\n")
    text, problems = read_text(text_file)
    assert problems == [] and text is not None and "x\x00y" in text
    scan = tmp_path / "scan.md"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert [p.code for p in read_text(scan)[1]] == ["BinaryFile"]
    pasted = tmp_path / "pasted.md"
    pasted.write_bytes("---\ntitle: Проба\n---\nОтзыв: ".encode() + "полезно".encode("cp1251"))
    problem = read_text(pasted)[1][0]
    assert (problem.code, problem.line, problem.column) == ("WrongEncoding", 4, 8)
    assert "файл в кодировке UTF-8, но здесь байты EF EE EB E5" in problem.message
