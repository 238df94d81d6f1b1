"""A school page's last change compares like with like: a final diagnostic with last year's."""

from __future__ import annotations

import pandas as pd

from build_tools.monitoring.periods import period_column
from build_tools.monitoring.site import _school_grid


def grid(rows: list[tuple[str, str, float]]) -> tuple[list[str], float | None, float | None]:
    periods = period_column(pd.Series([p for p, _, _ in rows]), pd.Series([w for _, w, _ in rows]))
    dynamics = pd.DataFrame({"school": "a", "indicator": "kim", "period": periods,
                             "value": [v for _, _, v in rows]})
    ordered = dynamics.sort_values("period", ignore_index=True)
    return _school_grid(ordered, list(periods.cat.categories))[("a", "kim")]


def test_the_last_final_wave_is_compared_with_the_previous_final_wave() -> None:
    values, before, last = grid([("2023/2024", "входной", 40.0), ("2023/2024", "итоговый", 60.0),
                                 ("2024/2025", "входной", 45.0), ("2024/2025", "итоговый", 70.0)])
    assert (before, last) == (60.0, 70.0)  # not 45 → 70 across waves
    assert values == ["40,0", "60,0", "45,0", "70,0"]


def test_without_waves_the_previous_period_counts_and_a_single_value_has_no_change() -> None:
    assert grid([("2023/2024", "", 3.5), ("2024/2025", "", 4.0)])[1:] == (3.5, 4.0)
    assert grid([("2024/2025", "итоговый", 70.0), ("2024/2025", "входной", 50.0)])[1:] \
        == (None, 70.0)
