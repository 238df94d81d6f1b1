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
