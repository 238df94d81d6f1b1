"""Reading monitoring tables as people send them: CSV in UTF-8 or Windows-1251, `,` or `;`, XLSX.

The result is a table of text cells with the file's own row numbers, so every later problem can
name the row; numbers are parsed later, in one vectorised step. Whatever the bytes, reading ends
in a table or in problems, never in an exception: a damaged file must not stop the build or
freeze the preview.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics.problems import Problem
from .xlsx import read_xlsx

MAX_TABLE_BYTES = 200_000_000

_DELIMITERS = (";", ",", "\t")
_DELIMITER_NAMES = {";": "точка с запятой", ",": "запятая", "\t": "табуляция"}


@dataclass
class RawTable:
    """Header and rows of one file, all cells as text."""

    dialect: str
    """How the file was read, for messages: «CSV, Windows-1251, разделитель — точка с запятой»."""
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    """The file row of each entry in `rows` (1-based; the header is row 1 in a plain file)."""


def read_table(path: Path) -> tuple[RawTable | None, list[Problem]]:
    """The file's cells, or None with problems located at its first row."""
    table, problems = _read(path)
    return table, [p.located("", p.line or 1, p.column or 1) for p in problems]


def _read(path: Path) -> tuple[RawTable | None, list[Problem]]:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv", ".txt"):
        return None, [Problem(
            "BadFileType",
            f"файл «{path.name}» не похож на таблицу: принимаются CSV (.csv) и Excel (.xlsx). "
            "Старый формат .xls сохраните из Excel как .xlsx.",
        )]
    try:
        size = path.stat().st_size
    except OSError:
        return None, [_unreadable()]
    if size > MAX_TABLE_BYTES:
        return None, [Problem("FileTooLarge", "таблица больше 200 МБ: разделите её по периодам.")]
    if size == 0:
        return None, [Problem("EmptyFile", "таблица пуста: в файле нет ни одного байта.")]
    if suffix == ".xlsx":
        found = read_xlsx(path)
        if isinstance(found, Problem):
            return None, [found]
        sheet, header, rows, lines = found
        return RawTable(f"Excel (.xlsx), лист «{sheet}»", header, rows, lines), []
    try:
        raw = path.read_bytes()
    except OSError:
        return None, [_unreadable()]
    return _read_csv(raw)


def _unreadable() -> Problem:
    return Problem("UnreadableTable",
                   "файл не удалось открыть для чтения: проверьте, что это обычный файл, "
                   "а не папка или ссылка, и что у него есть права на чтение.")


def decode_table_text(raw: bytes) -> tuple[str, str] | Problem:
    """Text and the encoding's name; UTF-8 first, then Windows-1251, the usual Excel export."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 с BOM"
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start + 3) + 1
            return Problem("WrongEncoding", f"файл помечен как UTF-8 (начинается с метки BOM), "
                           f"но в строке {line} есть байты, которые в UTF-8 не читаются: "
                           "сохраните таблицу заново как «CSV UTF-8».").located("", line, 1)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000], cp_isolation=["cp1251", "koi8_r", "cp866", "utf_16"]).best()
    if best is None:
        return _unknown_encoding()
    names = {"cp1251": "Windows-1251", "koi8_r": "KOI8-R", "cp866": "CP866 (DOS)",
             "utf_16": "UTF-16"}
    try:  # the guess looked at the start only: the rest may not fit it
        return raw.decode(best.encoding), names.get(best.encoding, best.encoding)
    except (UnicodeDecodeError, LookupError):
        return _unknown_encoding()


def _unknown_encoding() -> Problem:
    return Problem("WrongEncoding", "не удалось определить кодировку файла: "
                                    "сохраните таблицу как «CSV UTF-8».")


def _read_csv(raw: bytes) -> tuple[RawTable | None, list[Problem]]:
    decoded = decode_table_text(raw)
    if isinstance(decoded, Problem):
        return None, [decoded]
    text, encoding = decoded
    if not text.strip():
        return None, [Problem("EmptyFile", "таблица пуста: в ней нет ни заголовка, ни строк.")]
    first_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    if first_line.count(delimiter) == 0:
        return None, [Problem(
            "NoDelimiter",
            f"в первой строке не найден разделитель столбцов (;, запятая или табуляция); "
            f"файл прочитан как {encoding}. Сохраните таблицу из Excel как CSV.",
        )]
    dialect = f"CSV, {encoding}, разделитель — {_DELIMITER_NAMES[delimiter]}"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table: RawTable | None = None
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if table is None:
                table = RawTable(dialect, [cell.strip() for cell in cells])
            elif any(cell.strip() for cell in cells):
                table.rows.append(cells)
                table.lines.append(start)
    except csv.Error:
        # The only error the csv module raises here: a cell over its field size limit
        # (131 072 characters), usually an unclosed quote that swallowed the rest of the file.
        return None, [Problem(
            "CellTooLong",
            f"ячейка, которая начинается в строке {line + 1}, длиннее {csv.field_size_limit()} "
            f"символов (файл прочитан как {dialect}). Обычно это незакрытая кавычка: "
            "проверьте кавычки в этой строке.",
        ).located("", line + 1, 1)]
    assert table is not None  # the text is not blank, so there is a first row
    return table, []
