"""Every published table as CSV (the site's dialect, output/csv_dialect.py) and XLSX, built in
memory at build time.

Both pass through `spreadsheet_safe`: district, school and indicator names come from registries
that anyone can change by pull request, so no cell may open as a formula.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd

from ..output.csv_dialect import DECIMAL, LINE_END, SEPARATOR, decimal_text, with_bom
from ..output.reproducible import build_time, with_fixed_entry_times
from ..output.spreadsheet_safe import safe_frame, text_columns

ALL_ROWS_HEADERS = ("Школа (идентификатор)", "Период", "Волна", "Показатель (идентификатор)",
                    "Значение")
"""The all-rows table's header for people; its columns are school, period, wave, indicator
and value, the ids as in schools.yml and indicators.yml."""


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a BOM, `;` separators and decimal commas: opens correctly in Russian Excel."""
    table = _decimal_commas(safe_frame(table))
    text = _joined_categories(table)
    if text is None:
        text = table.to_csv(index=False, sep=SEPARATOR, decimal=DECIMAL, lineterminator=LINE_END)
    return with_bom(text)


_QUOTED = re.compile(r'[;"\r\n]')
"""What makes the csv module quote a cell (QUOTE_MINIMAL with `;`)."""


def _joined_categories(table: pd.DataFrame) -> str | None:
    """The CSV text pandas would write, joined from each column's distinct cells when every
    column is categorical and no cell needs quotes (the all-rows table: a million rows of a few
    thousand distinct cells, written three times faster); None otherwise."""
    columns = []
    for name, column in table.items():
        if not isinstance(column.dtype, pd.CategoricalDtype) or _QUOTED.search(str(name)):
            return None
        cells = [str(value) for value in column.cat.categories]
        if any(_QUOTED.search(cell) for cell in cells):
            return None
        # A missing cell (code -1) takes the last one: empty, as pandas writes it.
        columns.append(np.array([*cells, ""], dtype=object)[column.cat.codes.to_numpy()])
    if not columns or len(table) < DISTINCT_FORMATTING_ROWS:
        return None
    rows = map(SEPARATOR.join, zip(*columns, strict=True))
    lines = [SEPARATOR.join(str(name) for name in table.columns), *rows, ""]
    return LINE_END.join(lines)


DISTINCT_FORMATTING_ROWS = 10_000
"""Tables at least this long have their floats formatted once per distinct value."""


def _decimal_commas(table: pd.DataFrame) -> pd.DataFrame:
    """Float columns as the text pandas would write («63,9»), formatted once per distinct value:
    pandas formats each of a million cells in Python, the slowest part of the largest CSV."""
    out = table
    if len(table) < DISTINCT_FORMATTING_ROWS:
        return table  # a district table: pandas' own formatting is as quick
    for position in range(table.shape[1]):
        column = table.iloc[:, position]
        if not pd.api.types.is_float_dtype(column):
            continue
        codes, distinct = pd.factorize(column)
        # A -0.0 and a 0.0 share one code; both are written «0,0».
        texts = [decimal_text(value) for value in distinct]
        if out is table:
            out = table.copy(deep=False)
        out.isetitem(position, pd.Series(pd.Categorical.from_codes(codes, texts),
                                         index=column.index, name=column.name))
    return out


def xlsx_bytes(table: pd.DataFrame, sheet: str) -> bytes:
    """The first sheet holds the table; every time inside the file is the build time.

    The sheet is streamed (openpyxl's write-only mode): a million rows are written as they
    come instead of being held as a million cell objects.
    """
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    table = _without_illegal_characters(safe_frame(table), ILLEGAL_CHARACTERS_RE)
    header = [str(column) for column in table.columns]
    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet[:31])
    # A streamed sheet writes its column widths before the first row: measured beforehand.
    cells = _cells(table)
    rows = cells.tolist()
    for position, width in enumerate(_column_widths(cells, header), start=1):
        worksheet.column_dimensions[get_column_letter(position)].width = min(60, width + 2)
    worksheet.append(header)
    for row in rows:
        worksheet.append(row)
    # openpyxl's own save() stamps «modified» with the current time; its writer does not.
    stamp = build_time()
    book.properties.created = book.properties.modified = stamp.replace(tzinfo=None)
    buffer = io.BytesIO()
    ExcelWriter(book, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return with_fixed_entry_times(buffer.getvalue(), stamp)


def _cells(table: pd.DataFrame) -> np.ndarray:
    """Python values in a 2-D object array, None for a missing one (openpyxl writes no NaN);
    converted in one step, not column by column: a wide table has a column per period."""
    values = table.astype("object")
    return values.where(table.notna(), None).to_numpy()


def _column_widths(cells: np.ndarray, header: list[str]) -> list[int]:
    """The longest text of each column, its name included; an empty or zero cell counts 0."""
    widths = []
    for position, name in enumerate(header):
        # Distinct values only: a million rows repeat a few hundred schools and periods.
        values = pd.unique(cells[:, position]) if len(cells) else ()
        widths.append(max([len(name), *(len(str(v)) for v in values if v)]))
    return widths


def _without_illegal_characters(table: pd.DataFrame, illegal: re.Pattern[str]) -> pd.DataFrame:
    """XML cannot hold control characters, and openpyxl would stop the build on one."""
    table = table.rename(columns=lambda name: illegal.sub("", str(name)))
    for position in text_columns(table):
        column = table.iloc[:, position]
        text = column.astype("string")
        if text.str.contains(illegal.pattern, regex=True).fillna(False).any():
            table.isetitem(position, column.map(
                lambda v: illegal.sub("", v) if isinstance(v, str) else v))
    return table
