"""Reading content files from disk: encoding, size and the front-matter block."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics.problems import Problem
from .yaml_source import Document, read_yaml

MAX_FILE_BYTES = 1024 * 1024
"""Larger content files are refused: a practice is text, attachments go beside it."""

_FENCE = "---"


def _kilobytes(size: int) -> int:
    return -(-size // 1024)  # rounded up: a file 1 byte over the limit is not shown as equal


@dataclass
class SourceFile:
    """A Markdown file split into its front-matter document and body."""

    document: Document
    body: str
    body_line: int
    """The 1-based line of the file on which the body starts."""


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8 (a BOM is accepted), naming the likely encoding when it is not."""
    raw = path.read_bytes()
    if len(raw) > max_bytes:
        return None, [Problem(
            "FileTooLarge",
            f"файл занимает {_kilobytes(len(raw))} КБ, а допускается не больше "
            f"{_kilobytes(max_bytes)} КБ (настройка max_file_kb плагина kb в mkdocs.yml). "
            "Вынесите таблицы и изображения в отдельные файлы.",
        )]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(
            "WrongEncoding",
            "файл сохранён в кодировке UTF-16. Сохраните его в UTF-8 "
            "(в VS Code: «Сохранить с кодировкой» → UTF-8).",
        )]
    if _looks_binary(raw[:8192]):
        return None, [Problem(
            "BinaryFile",
            "это не текстовый файл. В папке материалов ожидается Markdown (.md) в UTF-8.",
        )]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [_not_utf8(raw, error.start)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _looks_binary(head: bytes) -> bool:
    """An image or a document renamed to .md: NUL bytes in a start that is not UTF-8 text.

    A stray NUL in a text file (anywhere, not only in the first 8 KB) is a text problem:
    the front-matter reader refuses it and a body loses it with a warning, each with its line.
    """
    if b"\x00" not in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # a character cut at the 8 KB boundary is no sign
            return True
    return head.count(b"\x00") > len(head) // 100


def _not_utf8(raw: bytes, start: int) -> Problem:
    """Where UTF-8 reading stopped, and whether the whole file or only a piece is foreign."""
    before = raw[:start].decode("utf-8-sig", errors="replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    if any(ord(ch) > 127 for ch in before):  # Russian text read fine up to here: a piece
        found = raw[start:start + 4].hex(" ").upper()
        return Problem(
            "WrongEncoding",
            f"файл в кодировке UTF-8, но здесь байты {found} не читаются как UTF-8: сюда "
            "вставлен кусок текста в другой кодировке, или файл повреждён.",
            hint="Наберите этот фрагмент заново или вставьте его из исходного документа "
                 "ещё раз.",
        ).located("", line, column)
    guess = " (похоже на Windows-1251)" if _looks_like_cp1251(raw) else ""
    return Problem(
        "WrongEncoding",
        f"файл не в кодировке UTF-8{guess}. Сохраните его в UTF-8 "
        "(в VS Code: «Сохранить с кодировкой» → UTF-8).",
    ).located("", line, 1)


def _looks_like_cp1251(raw: bytes) -> bool:
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        return False
    letters = sum(1 for ch in text if "а" <= ch.lower() <= "я")
    return letters > len(text) * 0.2


def split_front_matter(text: str) -> tuple[SourceFile | None, list[Problem]]:
    """Split `---` front-matter from the body and parse it; never guess past a broken block."""
    lines = text.split("\n")
    if not text.strip():
        return None, [Problem("EmptyFile", "файл пуст: в нём должны быть front-matter и текст.")]
    if lines[0].rstrip() != _FENCE:
        return None, [Problem(
            "NoFrontMatter",
            "файл должен начинаться со строки «---», за которой идут поля (front-matter), "
            "и ещё одной строки «---». Начните с шаблона: kb new.",
        ).located("", 1, 1)]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            end = index
            break
    else:
        return None, [Problem(
            "UnclosedFrontMatter",
            "блок полей открыт строкой «---», но не закрыт: добавьте строку «---» после "
            "последнего поля.",
        ).located("", 1, 1)]
    yaml_text = "\n".join(lines[1:end])
    document = read_yaml(yaml_text, line_offset=1)
    body = "\n".join(lines[end + 1 :])
    problems = list(document.problems)
    if document.data is None and not problems:
        document = Document({}, document.source_map, [])
    elif not isinstance(document.data, dict) and document.data is not None:
        problems.append(Problem(
            "FrontMatterNotMapping",
            "front-matter должен состоять из строк «поле: значение», а здесь другой вид данных.",
        ).located("", 2, 1))
        document = Document(None, document.source_map, problems)
    return SourceFile(document, body, end + 2), problems


def read_data_file(path: Path) -> tuple[Document | None, list[Problem]]:
    """Read a YAML registry file with the same strictness as front-matter."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    document = read_yaml(text)
    return document, list(document.problems)
