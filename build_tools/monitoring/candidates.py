"""The internship-site lists: new candidates, sites that confirm their status and those that do
not, and the support programme's schools against the others."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import pandas as pd

from ..content.registries import School, Schools
from ..content.russian import plural
from .captions import shown, shown_change, signed, text
from .disclosure import Disclosure
from .indicators import Indicator
from .periods import Period
from .selection import Assessment, SelectionRule


@dataclass(frozen=True)
class Change:
    """One indicator's change over the judged periods, in its own unit («+5,1 баллы»)."""

    indicator: Indicator
    text: str
    start: Period
    end: Period
    improved: bool
    """It met the rule: every step improved by at least the meaningful change."""


@dataclass
class SchoolVerdict:
    school: School
    score: float | None
    """Mean change of its learning results in standard deviations of the region's schools."""
    changes: list[Change] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    """Why a site does not confirm its status; empty for those that qualify."""

    @property
    def score_text(self) -> str:
        if self.score is None or pd.isna(self.score):
            return "—"
        value = round(self.score, 2) + 0.0  # + 0.0: no «−0,00»
        body = f"{abs(value):.2f}".replace(".", ",")
        return ("+" if value > 0 else "\u2212" if value < 0 else "") + body


@dataclass
class Lists:
    candidates: list[SchoolVerdict]
    confirmed: list[SchoolVerdict]
    not_confirmed: list[SchoolVerdict]


def internship_lists(assessment: Assessment, schools: Schools,
                     indicators: Mapping[str, Indicator], rule: SelectionRule,
                     disclosure: Disclosure, sites: Collection[str]) -> Lists:
    """New candidates (best score first), sites that still qualify, sites that no longer do.

    `sites`: the schools that are internship sites on the build date (a record of
    internship_sites.yml in force, `SiteRegistries.site_schools`)."""
    per_school = {str(k): part for k, part in assessment.indicators.groupby("school")}
    lists = Lists([], [], [])
    assessed = set()
    for row in assessment.schools.itertuples(index=False):
        school = schools.items.get(str(row.school))  # rows are checked: a guard only
        if school is None:
            continue
        assessed.add(school.id)
        verdict = SchoolVerdict(school, None if pd.isna(row.score) else float(row.score),
                                _changes(per_school[school.id], indicators, assessment))
        if row.qualifies:
            (lists.confirmed if school.id in sites else lists.candidates).append(verdict)
        elif school.id in sites:
            verdict.reasons = _reasons(per_school[school.id], int(row.improved), indicators,
                                       rule, disclosure)
            lists.not_confirmed.append(verdict)
    for school in schools:
        if school.id in sites and school.id not in assessed:
            lists.not_confirmed.append(SchoolVerdict(school, None, [], [
                "нет данных мониторинга по результатам обучения за эти периоды"]))
    return lists


def _changes(part: pd.DataFrame, indicators: Mapping[str, Indicator],
             assessment: Assessment) -> list[Change]:
    out = []
    learning = part[part["learning"].to_numpy() & part["change"].notna().to_numpy()]
    for key, first, last, improved in zip(learning["indicator"].tolist(),
                                          learning["first"].tolist(), learning["last"].tolist(),
                                          learning["improved"].tolist(), strict=True):
        indicator = indicators[str(key)]
        start, end = assessment.windows[indicator.id]
        text = indicator.change_amount(signed(shown_change(first, last)))
        out.append(Change(indicator, text, start, end, bool(improved)))
    return out


def _reasons(part: pd.DataFrame, improved: int, indicators: Mapping[str, Indicator],
             rule: SelectionRule, disclosure: Disclosure) -> list[str]:
    reasons = []
    if improved < rule.min_indicators:
        done = plural(improved, "показателю", "показателям", "показателям")
        reasons.append(f"результаты обучения улучшились достаточно по {done} из "
                       f"{rule.min_indicators} нужных")
    for row in part[part["fell"]].itertuples(index=False):
        indicator = indicators[str(row.indicator)]
        how = ""
        if disclosure.school_values:
            last = indicator.value_amount(text(shown(row.last)))
            how = f": с {text(shown(row.first))} до {last}"
        reasons.append(f"ухудшился показатель «{indicator.name}»{how}")
    return reasons


@dataclass(frozen=True)
class ProgrammeRow:
    indicator: Indicator
    start: Period
    end: Period
    programme: str
    """The mean change of programme schools as shown, or why it is not."""
    programme_schools: int
    other: str
    other_schools: int


def programme_rows(table: pd.DataFrame, indicators: Mapping[str, Indicator],
                   disclosure: Disclosure) -> list[ProgrammeRow]:
    """The comparison as the page shows it; with school values unpublished a group of fewer
    than `min_group` schools is hidden, as a district would be."""
    out = []
    order = {key: n for n, key in enumerate(indicators)}  # the registry's order, as elsewhere
    for row in sorted(table.itertuples(index=False), key=lambda r: order[str(r.indicator)]):
        indicator = indicators[str(row.indicator)]
        out.append(ProgrammeRow(
            indicator, row.start, row.end,
            _mean(row.programme_mean, int(row.programme_schools), indicator, disclosure),
            int(row.programme_schools),
            _mean(row.other_mean, int(row.other_schools), indicator, disclosure),
            int(row.other_schools)))
    return out


def _mean(value: float, schools: int, indicator: Indicator, disclosure: Disclosure) -> str:
    if not schools or pd.isna(value):
        return "—"
    if not disclosure.school_values and schools < disclosure.min_group:
        return "скрыто"
    return indicator.change_amount(signed(shown_change(0, value)))
