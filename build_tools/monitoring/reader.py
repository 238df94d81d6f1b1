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

import numpy as np
import pandas as pd

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
    columns: pd.DataFrame | None = None
    """Instead of `rows` and `lines`, for a plain CSV read in one vectorised step: one text
    column per header cell (0, 1, …) and `line`, every row as wide as the header."""

    def row_count(self) -> int:
        return len(self.rows) if self.columns is None else len(self.columns)


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
    plain = _read_plain_csv(raw, text, delimiter, encoding)
    if plain is not None:
        return RawTable(dialect, first_line.rstrip("\r").split(delimiter), columns=plain), []
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


_ASCII_SAFE = ("UTF-8", "UTF-8 с BOM", "Windows-1251", "KOI8-R", "CP866 (DOS)")
"""Encodings in which a byte `;` or a line break is always that character."""


def _read_plain_csv(raw: bytes, text: str, delimiter: str,
                    encoding: str) -> pd.DataFrame | None:
    """The rows of a file without quotes, blank lines or ragged rows, read by pandas' C parser;
    None for any other file, which the csv module reads row by row (and reports exactly)."""
    if encoding not in _ASCII_SAFE or '"' in text or "\x00" in text:
        return None
    body = text.replace("\r\n", "\n")
    if "\r" in body or "\n\n" in body.rstrip("\n") or body.startswith("\n"):
        return None
    # Each line's separators, counted on the bytes: a short or long row takes the slow path.
    data = np.frombuffer(raw, dtype=np.uint8)
    ends = np.flatnonzero(data == ord("\n"))
    if not len(ends) or ends[-1] != len(data) - 1:
        ends = np.append(ends, len(data))
    separators = np.flatnonzero(data == ord(delimiter))
    per_line = np.diff(np.searchsorted(separators, ends), prepend=0)
    if (per_line != per_line[0]).any():
        return None
    width = int(per_line[0]) + 1
    start = body.find("\n") + 1
    if not start or start >= len(body):
        return None  # a header alone: the row-by-row path says the table is empty
    cells = pd.read_csv(io.StringIO(body[start:]), sep=delimiter, header=None,
                        names=range(width), dtype=object, na_filter=False,
                        quoting=csv.QUOTE_NONE, skip_blank_lines=False, engine="c")
    cells["line"] = np.arange(2, len(cells) + 2)
    # A row of separators only is blank, as the csv module path treats it; compared on the
    # distinct cells, which a million rows repeat.
    blank = pd.Series(True, index=cells.index)
    for position in range(width):
        column = cells[position]
        blank &= column.isin([v for v in pd.unique(column) if not str(v).strip()])
        if not blank.any():
            return cells
    return cells[~blank].reset_index(drop=True)
