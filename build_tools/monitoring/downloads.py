"""Every published table as CSV (UTF-8) and XLSX, built in memory at build time."""

from __future__ import annotations

import datetime as dt
import io
import os

import pandas as pd


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a BOM, `;` separators and decimal commas: opens correctly in Russian Excel."""
    text = table.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def xlsx_bytes(table: pd.DataFrame, sheet: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    worksheet = book.active
    worksheet.title = sheet[:31]
    worksheet.append([str(column) for column in table.columns])
    for row in table.itertuples(index=False):
        worksheet.append([None if pd.isna(v) else v for v in row])
    for cells in worksheet.columns:
        width = max(len(str(c.value or "")) for c in cells)
        worksheet.column_dimensions[cells[0].column_letter].width = min(60, width + 2)
    # Fixed timestamps: the same data gives the same file.
    stamp = dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), dt.UTC)
    book.properties.created = book.properties.modified = stamp.replace(tzinfo=None)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
