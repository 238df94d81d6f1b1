"""A large CSV formats each distinct value once, and writes what pandas itself would write."""

from __future__ import annotations

import numpy as np
import pandas as pd

from build_tools.monitoring.downloads import DISTINCT_FORMATTING_ROWS, csv_bytes
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
