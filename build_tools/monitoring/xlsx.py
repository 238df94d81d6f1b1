"""Reading the first sheet of an XLSX book, defensively.

An XLSX file is a ZIP archive of XML parts. Before openpyxl sees it, the archive is checked: it
must be a ZIP, hold a workbook, and stay within a size when unpacked (a small file can unpack to
gigabytes). Rows are read with a fixed width, so a sheet that claims a million columns or rows
costs nothing; formulas give the values Excel saved with them.
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from pathlib import Path
from typing import Any

from ..diagnostics.problems import Problem

MAX_UNPACKED_BYTES = 1_000_000_000
"""All parts of a book together, unpacked; a sheet of a million rows takes about 100 MB."""
MAX_COLUMNS = 64
"""Header cells read; a monitoring table has five columns."""

Sheet = tuple[str, list[str], list[list[str]], list[int]]
"""The sheet's name, header, rows of text cells and the row number of each."""

_RESAVE = "Откройте его в Excel и сохраните заново как «Книга Excel (.xlsx)»."


def read_xlsx(path: Path) -> Sheet | Problem:
    problem = check_archive(path)
    if problem is not None:
        return problem
    try:
        return _read_first_sheet(path)
    except Exception:  # openpyxl raises many kinds for a damaged part
        return Problem("BadXlsx", f"файл Excel повреждён: его части не читаются. {_RESAVE}")


def check_archive(path: Path) -> Problem | None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return Problem("BadXlsx", "файл с расширением .xlsx — не книга Excel: внутри нет "
                                  f"архива, в котором Excel хранит листы. {_RESAVE}")
    if not any(p.filename == "xl/workbook.xml" for p in parts):
        return Problem("BadXlsx", "файл — архив ZIP, но в нём нет книги Excel "
                                  f"(части xl/workbook.xml). {_RESAVE}")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        return Problem("FileTooLarge", f"книга Excel в распакованном виде занимает "
                                       f"{unpacked // 1_000_000} МБ, допустимо не больше "
                                       f"{MAX_UNPACKED_BYTES // 1_000_000} МБ: разделите "
                                       "таблицу по периодам.")
    return None


def _read_first_sheet(path: Path) -> Sheet | Problem:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [s for s in book.worksheets if hasattr(s, "iter_rows")]
        if not sheets:
            return Problem("EmptyFile", "в книге Excel нет ни одного листа с таблицей.")
        sheet = sheets[0]
        # The stored dimension may claim any size; read only what the sheet holds.
        sheet.reset_dimensions()
        first = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), None)
        header = [cell_text(c).strip() for c in first or ()]
        while header and not header[-1]:
            header.pop()
        if not header:
            return _no_header(sheet)
        rows, lines = [], []
        # One cell more than the header: a value beside the table is reported as a ragged row.
        for number, values in enumerate(
                sheet.iter_rows(min_row=2, max_col=len(header) + 1, values_only=True), start=2):
            cells = [cell_text(value) for value in values]
            while len(cells) > len(header) and not cells[-1].strip():
                cells.pop()
            if any(cell.strip() for cell in cells):
                rows.append(cells)
                lines.append(number)
        return sheet.title, header, rows, lines
    finally:
        book.close()


def _no_header(sheet: Any) -> Problem:
    """An empty first row: the sheet is empty, or the table starts lower (a title above it)."""
    rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
    start = next((number for number, values in enumerate(rows, start=1)
                  if any(cell_text(v).strip() for v in values)), None)
    if start is None:
        return Problem("EmptyFile", f"лист «{sheet.title}» пуст: в нём нет ни заголовка, "
                                    "ни строк.")
    return Problem("MissingColumn", f"первая строка листа «{sheet.title}» пуста, а заполнение "
                                    f"начинается со строки {start}: названия столбцов (школа, "
                                    "период, показатель, значение) должны стоять в первой "
                                    "строке. Удалите строки над заголовком.")


def cell_text(value: object) -> str:
    """A cell as the text a person sees, numbers without exponents."""
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer():
            return str(int(value))
        import numpy as np

        return str(np.format_float_positional(value, trim="-"))
    if isinstance(value, dt.datetime):
        # Excel turns «2025-09» into a date: the month is what was meant.
        return f"{value.year}-{value.month:02d}"
    return str(value)
