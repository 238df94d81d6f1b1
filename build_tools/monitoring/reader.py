"""Reading monitoring tables as people send them: CSV in UTF-8 or Windows-1251, `,` or `;`, XLSX.

The result is a table of text cells with the file's own row numbers, so every later problem can
name the row; numbers are parsed later, in one vectorised step.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem

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
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    return None, [Problem(
        "BadFileType",
        f"файл «{path.name}» не похож на таблицу: принимаются CSV (.csv) и Excel (.xlsx). "
        "Старый формат .xls сохраните из Excel как .xlsx.",
    )]


def _decode(raw: bytes) -> tuple[str, str] | None:
    """Text and the encoding's name; UTF-8 first, then Windows-1251, the usual Excel export."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 с BOM"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000], cp_isolation=["cp1251", "koi8_r", "cp866", "utf_16"]).best()
    if best is None:
        return None
    names = {"cp1251": "Windows-1251", "koi8_r": "KOI8-R", "cp866": "CP866 (DOS)",
             "utf_16": "UTF-16"}
    return raw.decode(best.encoding), names.get(best.encoding, best.encoding)


def _read_csv(path: Path) -> tuple[RawTable | None, list[Problem]]:
    raw = path.read_bytes()
    if len(raw) > MAX_TABLE_BYTES:
        return None, [Problem("FileTooLarge", "таблица больше 200 МБ: разделите её по периодам.")]
    decoded = _decode(raw)
    if decoded is None:
        return None, [Problem("WrongEncoding", "не удалось определить кодировку файла: "
                              "сохраните таблицу как «CSV UTF-8».")]
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
        ).located("", 1, 1)]
    dialect = f"CSV, {encoding}, разделитель — {_DELIMITER_NAMES[delimiter]}"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader)]
    table = RawTable(dialect, header)
    line = reader.line_num
    for cells in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        table.rows.append(cells)
        table.lines.append(start)
    return table, []


def _read_xlsx(path: Path) -> tuple[RawTable | None, list[Problem]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        return None, [Problem("BadXlsx", f"файл Excel не читается ({type(error).__name__}): "
                                         "откройте его в Excel и сохраните заново как .xlsx.")]
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header_row = next(rows, None)
    if header_row is None:
        return None, [Problem("EmptyFile", "в первом листе книги нет данных.")]
    table = RawTable(f"Excel (.xlsx), лист «{sheet.title}»",
                     [_cell_text(c).strip() for c in header_row])
    for number, values in enumerate(rows, start=2):
        cells = [_cell_text(value) for value in values]
        while cells and not cells[-1].strip() and len(cells) > len(table.header):
            cells.pop()
        if any(cell.strip() for cell in cells):
            table.rows.append(cells)
            table.lines.append(number)
    workbook.close()
    return table, []


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        # Excel turns «2025-09» into a date: the month is what was meant.
        return f"{value.year}-{value.month:02d}"
    return str(value)
