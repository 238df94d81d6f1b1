"""Aggregation of monitoring rows: pure, vectorised DataFrame → DataFrame functions.

Input rows have the columns school, period (an ordered categorical of `periods.Period`, its wave
included: a value of the entry wave and one of the final wave are two periods), indicator and
value, plus district where the functions need it (`with_districts`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .indicators import Indicator

ALL_DISTRICTS = "Все районы"


def with_districts(rows: pd.DataFrame, school_districts: Mapping[str, str]) -> pd.DataFrame:
    return rows.assign(district=rows["school"].map(school_districts))


def district_summary(
    rows: pd.DataFrame, members_per_district: Mapping[str, int], *, min_group: int = 3
) -> pd.DataFrame:
    """Per indicator × period × district (and for the region as a whole): mean, median, min,
    max, sum, number of reporting schools and coverage = reporting ÷ member schools.

    Groups of fewer than `min_group` schools are left out: a district figure from one or two
    schools would identify them.
    """
    # Grouped by the typed period (category codes): periods of different kinds or waves never
    # fall into one group.
    keys = ["indicator", "period"]
    rows = rows.assign(district=rows["district"].astype("category"))
    by_district = _stats(rows, [*keys, "district"])
    region = _stats(rows, keys).assign(district=ALL_DISTRICTS)
    summary = pd.concat([by_district.astype({"district": "object"}), region],
                        ignore_index=True)
    summary["indicator"] = summary["indicator"].astype("object")
    members = dict(members_per_district)
    members[ALL_DISTRICTS] = sum(members_per_district.values())
    summary["members"] = summary["district"].map(members)
    summary["coverage"] = summary["schools"] / summary["members"]
    summary = summary[summary["schools"] >= min_group]
    return summary.sort_values(["indicator", "period", "district"], ignore_index=True)


def _stats(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    grouped = rows.groupby(keys, observed=True, sort=False)["value"]
    return grouped.agg(
        mean="mean", median="median", min="min", max="max", sum="sum", schools="count",
    ).reset_index()


def school_dynamics(rows: pd.DataFrame, indicators: Mapping[str, Indicator]) -> pd.DataFrame:
    """Each school's value per indicator and period with the change from its previous period;
    `improvement` is the change in the indicator's better direction (positive = better)."""
    ordered = rows.sort_values(["school", "indicator", "period"], ignore_index=True)
    previous = ordered.groupby(["school", "indicator"], sort=False)["value"].shift()
    sign = ordered["indicator"].map({key: i.better.sign() for key, i in indicators.items()})
    return ordered.assign(change=ordered["value"] - previous,
                          improvement=(ordered["value"] - previous) * sign)


def stable_improvement(dynamics: pd.DataFrame, *, periods: int = 3) -> pd.DataFrame:
    """Schools whose indicator improved in each of the last `periods` consecutive periods (or
    more), with the total improvement over that run, best first."""
    # Integer group keys: grouping by them is many times faster than by text columns.
    series = dynamics.groupby(["school", "indicator"], sort=False, observed=True).ngroup()
    improved = dynamics["improvement"] > 0
    # A new run starts at every period without improvement; count improvements within a run.
    run = (~improved).groupby(series).cumsum()
    run_key = series * (len(dynamics) + 1) + run
    streak = improved.groupby(run_key).cumsum()
    gained = dynamics["improvement"].where(improved, 0).groupby(run_key).cumsum()
    frame = dynamics.assign(streak=streak, gained=gained)
    latest = frame[~series.duplicated(keep="last")]  # rows are in period order per series
    found = latest[latest["streak"] >= periods]
    columns = ["school", "indicator", "period", "value", "streak", "gained"]
    return found[columns].sort_values(["gained", "streak"], ascending=False, ignore_index=True)
