"""Cells that a spreadsheet cannot run: the one rule for every CSV and XLSX the site publishes.

Excel and LibreOffice treat a cell that starts with `=`, `+`, `-` or `@` (also after spaces, and
in their full-width forms, which some input methods type) as a formula, and a tab or carriage
return at the start can hide one. A district or school name such as `=WEBSERVICE("https://…")`
would then send the reader's data to another host. Following OWASP's CSV-injection guidance, such
text gets a leading apostrophe, which spreadsheets show as plain text. Numbers are not text: a
negative number stays a number. XLSX cells are always written as text (`data_type` "s"), so
openpyxl never turns a string into a formula.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
"""A text cell starting with one of these (after any leading spaces) is read as a formula."""
ESCAPE = "'"


def needs_escape(text: str) -> bool:
    """True when a spreadsheet would read `text` as a formula.

    A cell of dashes only («-», «--») is a common placeholder for «no value» and cannot call
    anything, so it stays as written.
    """
    stripped = text.lstrip(" \u00a0")
    if not stripped or stripped[0] not in FORMULA_STARTS:
        return False
    return stripped.strip("-\uff0d ") != ""


def safe_cell(value: Any) -> Any:
    """The value to write into a published CSV or XLSX cell.

    Text is escaped when a spreadsheet would run it; numbers, dates, booleans and empty values
    are returned as they are (a non-finite number becomes empty: no spreadsheet reads «inf»).
    """
    if isinstance(value, str):
        return ESCAPE + value if needs_escape(value) else value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def safe_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell and column name passed through `safe_cell`.

    Numeric columns are left alone; a text column is checked once per distinct value (a million
    rows of monitoring repeat a few hundred schools, periods and indicators), so a large
    download is not slowed down.
    """
    out = table.rename(columns=lambda name: safe_cell(str(name)))
    for position in text_columns(out):
        column = out.iloc[:, position]
        safe = _safe_column(column)
        if safe is not column:
            out.isetitem(position, safe)
    return out


def text_columns(table: pd.DataFrame) -> list[int]:
    """Positions of the columns that may hold text, read from the dtypes at once: a district
    table has a numeric column per period, and taking each out to ask costs more than the
    rest of its download."""
    return [position for position, dtype in enumerate(table.dtypes)
            if not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype))]


def _safe_column(column: pd.Series) -> pd.Series:
    """`column` itself when no cell needs escaping, else a copy with those cells escaped."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = list(column.cat.categories)
        escaped = [safe_cell(value) for value in categories]
        if escaped == categories:
            return column
        if len(set(escaped)) == len(escaped):
            return column.cat.rename_categories(escaped)
        column = column.astype("object")
    codes, distinct = pd.factorize(column)
    escaped = [safe_cell(value) for value in distinct]
    changed = [index for index, (old, new) in enumerate(zip(distinct, escaped, strict=True))
               if old is not new and old != new]
    if not changed:
        return column
    values = column.to_numpy(dtype="object", copy=True)
    for index in changed:
        values[codes == index] = escaped[index]
    return pd.Series(values, index=column.index, name=column.name, dtype="object")
