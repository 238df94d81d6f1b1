"""Monitoring aggregation against values computed by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from build_tools.monitoring.aggregate import (
    ALL_DISTRICTS,
    district_summary,
    school_dynamics,
    with_districts,
)
from build_tools.monitoring.indicators import Aggregation, Direction, Indicator
from build_tools.monitoring.periods import period_column

SHARE = Indicator("share", "Доля", "%", Direction.HIGHER, 0, 100, Aggregation.SHARE, "1")
LOSS = Indicator("loss", "Отток", "чел.", Direction.LOWER, 0, 500, Aggregation.SUM, "1")
INDICATORS = {"share": SHARE, "loss": LOSS}
DISTRICTS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B"}


def rows(values: dict[tuple[str, str, int], float]) -> pd.DataFrame:
    data = pd.DataFrame([{"school": s, "indicator": i, "period": f"{y}/{y + 1}", "value": v}
                         for (s, i, y), v in values.items()])
    return with_districts(data.assign(period=period_column(data["period"])), DISTRICTS)


def test_district_summary_by_hand() -> None:
    table = rows({("a1", "share", 2024): 50, ("a2", "share", 2024): 70,
                  ("a3", "share", 2024): 90, ("b1", "share", 2024): 10,
                  ("b2", "share", 2024): 30})
    summary = district_summary(table, {"A": 3, "B": 4}, min_group=3)
    district_a = summary[summary["district"] == "A"].iloc[0]
    assert (district_a["mean"], district_a["median"], district_a["min"], district_a["max"]) == (
        70, 70, 50, 90)
    assert district_a["schools"] == 3 and district_a["coverage"] == 1.0
    assert "B" not in set(summary["district"])  # two schools: too small to show
    region = summary[summary["district"] == ALL_DISTRICTS].iloc[0]
    assert region["mean"] == 50 and region["sum"] == 250
    assert region["coverage"] == pytest.approx(5 / 7)


def test_dynamics_are_direction_aware() -> None:
    table = rows({("a1", "share", 2023): 40, ("a1", "share", 2024): 55,
                  ("a1", "loss", 2023): 20, ("a1", "loss", 2024): 12})
    dynamics = school_dynamics(table, INDICATORS)
    dynamics = dynamics.set_index([dynamics["indicator"], dynamics["period"].map(str)])
    assert dynamics.loc[("share", "2024/2025"), "change"] == 15
    assert dynamics.loc[("share", "2024/2025"), "improvement"] == 15
    assert dynamics.loc[("loss", "2024/2025"), "change"] == -8
    assert dynamics.loc[("loss", "2024/2025"), "improvement"] == 8
    assert pd.isna(dynamics.loc[("share", "2023/2024"), "change"])
