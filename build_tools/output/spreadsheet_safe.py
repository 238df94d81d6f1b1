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

    Numeric columns are left alone; in text columns only the cells that may start a formula go
    through Python, so a million-row download is not slowed down.
    """
    out = table.rename(columns=lambda name: safe_cell(str(name)))
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        text = column.astype("string")
        risky = text.str.lstrip(" \u00a0").str[:1].isin(FORMULA_STARTS).fillna(False)
        if risky.any():
            column = column.astype("object").copy()
            column[risky.to_numpy()] = column[risky.to_numpy()].map(safe_cell)
            out.isetitem(position, column)
    return out
