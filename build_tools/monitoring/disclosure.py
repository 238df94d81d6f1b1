"""The one disclosure policy of monitoring: what every page may publish, and what it says it hid."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..content.russian import plural
from .aggregate import ALL_DISTRICTS


@dataclass(frozen=True)
class Disclosure:
    """Set once in mkdocs.yml (`monitoring_min_group`, `monitoring_school_values`)."""

    min_group: int = 3
    """District aggregates of fewer reporting schools are hidden."""
    school_values: bool = True
    """Whether any page or download shows a single school's values."""

    @property
    def small_group_reason(self) -> str:
        """Why a small district is hidden. With school values published the privacy reason
        would be false (the school pages show the same values), so it is not claimed."""
        if self.school_values:
            return ("потому что среднее по так малому числу школ не описывает район, а значения "
                    "самих школ есть на их страницах")
        return "чтобы нельзя было узнать отдельные школы"

    def school_values_note(self, what: str = "значения показателей отдельных школ") -> str:
        """The sentence a page shows where it leaves school values out; "" when it does not."""
        if self.school_values:
            return ""
        return (f"Скрыто: {what}. Сайт публикует только сводные данные по районам, где "
                f"данные сдали не меньше {plural(self.min_group, 'школы', 'школ', 'школ')}, "
                "чтобы нельзя было узнать отдельные школы.")


@dataclass(frozen=True)
class HiddenDistrict:
    """A district whose aggregate an indicator page leaves out, in some or all periods."""

    district: str
    schools: int
    """The most schools that reported in a hidden period."""
    periods: tuple[str, ...]
    """The hidden periods; empty when the district is hidden in every period."""
    secondary: bool = False
    """Hidden although large enough: the region's total would give away a smaller one."""


def disclose(summary: pd.DataFrame, policy: Disclosure) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The summary rows a page may publish, and the rows it hides (with a `secondary` flag).

    `summary` comes from `district_summary(..., min_group=1)`: every district and the region
    per indicator and period, with the number of reporting schools.
    """
    district = summary["district"] != ALL_DISTRICTS
    small = district & (summary["schools"] < policy.min_group)
    secondary = pd.Series(False, index=summary.index)
    if not policy.school_values:
        secondary = _complementary(summary, small, policy.min_group)
    hidden = small | secondary
    return (summary[~hidden].reset_index(drop=True),
            summary[hidden].assign(secondary=secondary[hidden]).reset_index(drop=True))


def _complementary(summary: pd.DataFrame, small: pd.Series, min_group: int) -> pd.Series:
    """More rows to hide where the hidden districts together have fewer than `min_group`
    schools: the region's sum minus the shown districts would reveal them. The smallest
    shown districts go first; when none is left, the region's own figure goes."""
    keys = [summary["indicator"], summary["period"]]
    residual = summary["schools"].where(small, 0).groupby(keys, observed=True).transform("sum")
    extra = pd.Series(False, index=summary.index)
    at_risk = (residual > 0) & (residual < min_group)
    # Few groups are ever at risk: a loop over them costs nothing next to the aggregation.
    for _, group in summary[at_risk].groupby(["indicator", "period"], sort=False, observed=True):
        left = int(residual[group.index[0]])
        shown = group[~small[group.index] & (group["district"] != ALL_DISTRICTS)]
        for index in shown.sort_values(["schools", "district"]).index:
            if left >= min_group:
                break
            extra[index] = True
            left += int(summary.at[index, "schools"])
        if left < min_group:
            extra[group.index[group["district"] == ALL_DISTRICTS]] = True
    return extra


def hidden_districts(hidden: pd.DataFrame, shown: pd.DataFrame,
                     indicator: str) -> list[HiddenDistrict]:
    """One record per hidden district of an indicator, the region's own figure included;
    the periods are named when the district is shown in others."""
    part = hidden[hidden["indicator"] == indicator]
    visible = set(shown.loc[shown["indicator"] == indicator, "district"])
    out = []
    for district, rows in part.groupby("district", sort=True):
        periods = (tuple(str(p) for p in rows.sort_values("period")["period"])
                   if district in visible else ())
        out.append(HiddenDistrict(str(district), int(rows["schools"].max()), periods,
                                  bool(rows["secondary"].any())))
    return out


def hidden_note(hidden: list[HiddenDistrict], policy: Disclosure) -> list[str]:
    """Sentences for the page: «Скрыто: Лодейнопольский район — 2 школы (меньше 3), …»."""
    notes = []
    small = [h for h in hidden if not h.secondary]
    if small:
        listed = "; ".join(_described(h) for h in small)
        notes.append(f"Скрыто: {listed} (меньше {policy.min_group}), "
                     f"{policy.small_group_reason}.")
    extra = [h for h in hidden if h.secondary]
    if extra:
        listed = "; ".join(_described(h) for h in extra)
        notes.append(f"Скрыто также: {listed}, иначе значение скрытых районов можно было бы "
                     "вычислить из итога по всем районам.")
    return notes


def _described(hidden: HiddenDistrict) -> str:
    count = plural(hidden.schools, "школа", "школы", "школ")
    when = f" за {', '.join(hidden.periods)}" if hidden.periods else ""
    return f"{hidden.district} — {count}{when}"
