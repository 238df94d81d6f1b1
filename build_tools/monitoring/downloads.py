"""Every published table as CSV (UTF-8) and XLSX, built in memory at build time."""

from __future__ import annotations

import io

import pandas as pd

from ..reproducible import build_time, with_fixed_entry_times


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a BOM, `;` separators and decimal commas: opens correctly in Russian Excel."""
    text = table.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def xlsx_bytes(table: pd.DataFrame, sheet: str) -> bytes:
    """The first sheet holds the table; every time inside the file is the build time."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

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
