"""Every published table as CSV (UTF-8) and XLSX, built in memory at build time.

Both pass through `spreadsheet_safe`: district, school and indicator names come from registries
that anyone can change by pull request, so no cell may open as a formula.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from ..output.reproducible import build_time, with_fixed_entry_times
from ..output.spreadsheet_safe import safe_frame


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a BOM, `;` separators and decimal commas: opens correctly in Russian Excel."""
    text = safe_frame(table).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def xlsx_bytes(table: pd.DataFrame, sheet: str) -> bytes:
    """The first sheet holds the table; every time inside the file is the build time."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.writer.excel import ExcelWriter

    table = _without_illegal_characters(safe_frame(table), ILLEGAL_CHARACTERS_RE)
    book = Workbook()
    worksheet = book.active
    worksheet.title = sheet[:31]
    worksheet.append([str(column) for column in table.columns])
    for row in table.itertuples(index=False):
        worksheet.append([None if pd.isna(v) else v for v in row])
    for cells in worksheet.columns:
        width = max(len(str(c.value or "")) for c in cells)
        worksheet.column_dimensions[cells[0].column_letter].width = min(60, width + 2)
    # openpyxl's own save() stamps «modified» with the current time; its writer does not.
    stamp = build_time()
    book.properties.created = book.properties.modified = stamp.replace(tzinfo=None)
    buffer = io.BytesIO()
    ExcelWriter(book, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return with_fixed_entry_times(buffer.getvalue(), stamp)


def _without_illegal_characters(table: pd.DataFrame, illegal: re.Pattern[str]) -> pd.DataFrame:
    """XML cannot hold control characters, and openpyxl would stop the build on one."""
    table = table.rename(columns=lambda name: illegal.sub("", str(name)))
    for position in range(table.shape[1]):
        column = table.iloc[:, position]
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        text = column.astype("string")
        if text.str.contains(illegal.pattern, regex=True).fillna(False).any():
            table.isetitem(position, column.map(
                lambda v: illegal.sub("", v) if isinstance(v, str) else v))
    return table
