"""A large CSV formats each distinct value once, and writes what pandas itself would write."""

from __future__ import annotations

import numpy as np
import pandas as pd

from build_tools.monitoring.downloads import (
    DISTINCT_FORMATTING_ROWS,
    _decimal_commas,
    _joined_categories,
    csv_bytes,
)
from build_tools.output.spreadsheet_safe import safe_frame


def test_a_large_table_is_written_as_pandas_writes_it() -> None:
    size = DISTINCT_FORMATTING_ROWS * 2
    rng = np.random.default_rng(7)
    values = np.round(rng.normal(50, 20, size), 1) + 0.0  # no -0.0: see the last test
    values[::97] = np.nan
    values[1:4] = [1e-5, 70.0, 123456789.125]
    schools = pd.Categorical(["=cmd", "школа", "+7 школа", "x"] * (size // 4))
    table = pd.DataFrame({"school": schools, "value": values, "line": np.arange(size)})
    expected = safe_frame(table).to_csv(index=False, sep=";", decimal=",",
                                        lineterminator="\r\n")
    written = csv_bytes(table).decode("utf-8")
    assert written == "\ufeff" + expected
    assert "\r\n'=cmd;" in written and "\r\n'+7 школа;" in written
    assert ";1e-05;" in written and ";70,0;" in written


def test_a_negative_zero_is_written_as_zero() -> None:
    table = pd.DataFrame({"value": [-0.0, 0.0, 1.5] * DISTINCT_FORMATTING_ROWS})
    lines = csv_bytes(table).decode("utf-8").splitlines()
    assert lines[1:4] == ["0,0", "0,0", "1,5"]


def _all_categorical(schools: list[str]) -> tuple[pd.DataFrame, str]:
    """A table as large as the all-rows download, every column categorical (the path that
    joins distinct cells), and what pandas itself writes for it."""
    size = DISTINCT_FORMATTING_ROWS * 2
    rng = np.random.default_rng(11)
    values = np.round(rng.normal(50, 20, size), 2) + 0.0
    values[::89] = np.nan
    period = pd.Categorical(["2024/2025", "2025/2026", None, "2023"] * (size // 4))
    table = pd.DataFrame({"Школа": pd.Categorical(schools * (size // len(schools))),
                          "Период": period, "Значение": values})
    expected = safe_frame(table).to_csv(index=False, sep=";", decimal=",",
                                        lineterminator="\r\n")
    return table, "\ufeff" + expected


def test_an_all_categorical_table_is_joined_as_pandas_writes_it() -> None:
    table, expected = _all_categorical(["=cmd", "школа", "@SUM(1)", "x"])
    assert _joined_categories(_decimal_commas(safe_frame(table))) is not None
    written = csv_bytes(table).decode("utf-8")
    assert written == expected
    assert "\r\n'=cmd;2024/2025;" in written and "\r\nx;2023;" in written
    assert "\r\nшкола;2025/2026;" in written and "\r\n'@SUM(1);;" in written  # no period


def test_cells_that_need_quotes_are_written_by_pandas() -> None:
    table, expected = _all_categorical(['Школа «Маяк»; корпус 2', 'Школа "Исток"',
                                        "строка\nперенос", "x"])
    assert _joined_categories(_decimal_commas(safe_frame(table))) is None
    written = csv_bytes(table).decode("utf-8")
    assert written == expected
    assert '\r\n"Школа «Маяк»; корпус 2";' in written and '\r\n"Школа ""Исток""";' in written
