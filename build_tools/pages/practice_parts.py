"""The parts of a practice page built from its records: card, review, results, adoptions.

Each part is plain data (frozen dataclasses of text and numbers) so that `kb serve`'s page
memo can fingerprint it; templates only place and escape it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ..content.library import Entry, Library
from ..content.registries import School
from ..content.russian import plural
from ..content.statuses import Status
from ..monitoring.evidence import Strength, evidence_strength
from ..monitoring.indicators import Indicator

SAMPLE_WORDS = (
    ("pupils", ("обучающийся", "обучающихся", "обучающихся")),
    ("teachers", ("педагог", "педагога", "педагогов")),
    ("classes", ("класс", "класса", "классов")),
    ("schools", ("школа", "школы", "школ")),
)
"""The sample's counts in the order a reader expects them: «240 обучающихся, 8 классов»."""


@dataclass(frozen=True)
class Headline:
    """The strip at the top of a practice page: what a school weighs first."""

    strength: Strength
    cost: str
    launch: str
    adopters: int
    """Schools other than the author's that took the practice up."""
    recommended: bool


@dataclass(frozen=True)
class Score:
    criterion: str
    score: int
    max: int
    meaning: str
    """What the score means on the criterion's scale (criteria.yml `levels`)."""


@dataclass(frozen=True)
class Decision:
    status: str
    date: dt.date | None
    by: str
    document: str


@dataclass(frozen=True)
class Review:
    reviewer: str
    date: dt.date | None
    scores: tuple[Score, ...]
    conclusion: str
    decision: Decision | None


@dataclass(frozen=True)
class Result:
    indicator: str
    unit: str
    before: str
    """The value as the page prints it, with its unit: «6,1 балла из 10», «54 %»."""
    after: str
    period: str
    source: str
    sample: str
    better: str
    """The registry's direction («больше — лучше») when the row links an indicator."""
    monitoring: str
    """The linked indicator's id, "" when the row is the editor's own."""


@dataclass(frozen=True)
class Adoption:
    school: School
    year: int
    adapted: str
    result: str


def headline(entry: Entry, with_data: Collection[tuple[str, str]]) -> Headline:
    data = entry.data
    passport = data.get("passport") or {}
    return Headline(
        strength=evidence_strength(data, with_data),
        cost=str((passport.get("resources") or {}).get("cost") or ""),
        launch=str(passport.get("launch") or ""),
        adopters=len(data.get("adoptions") or []),
        recommended=entry.status is Status.RECOMMENDED,
    )


def review(entry: Entry, library: Library) -> Review | None:
    """The review and the decision as the page shows them; None before any review."""
    data = entry.data.get("review") or {}
    if not data:
        return None
    bank = library.registry.bank
    given = data.get("scores") or {}
    scores = tuple(
        Score(c.name, int(given[c.id]), c.max, c.levels.get(int(given[c.id]), ""))
        for c in bank.criteria if c.id in given)
    reviewer = reviewer_name(str(data.get("reviewer") or ""), library)
    return Review(reviewer, data.get("date"), scores, str(data.get("conclusion") or ""),
                  decision(entry.data.get("decision") or {}, library))


def reviewer_name(reviewer: str, library: Library) -> str:
    """The reviewer as readers know them: an expert's name and position, or a department."""
    registry = library.registry
    expert = registry.bank.experts.get(reviewer)
    if expert is not None:
        return f"{expert.name}, {expert.position}"
    department = registry.vocabularies["departments"].by_id(reviewer)
    return department.name if department else reviewer


def decision(data: Mapping[str, Any], library: Library) -> Decision | None:
    if not data:
        return None
    by = str(data.get("by") or "")
    department = library.registry.vocabularies["departments"].by_id(by)
    return Decision(str(data.get("status") or ""), data.get("date"),
                    department.name if department else by, str(data.get("document") or ""))


def results(entry: Entry, indicators: Mapping[str, Indicator]) -> list[Result]:
    """Result rows; a linked indicator gives its registry name, unit and direction."""
    out = []
    for row in entry.data.get("results") or []:
        linked = indicators.get(row.get("monitoring") or "")
        out.append(Result(
            indicator=str(linked.name if linked else row.get("indicator") or ""),
            unit=str(linked.unit if linked else row.get("unit") or ""),
            before=_amount(row.get("before"), linked, row.get("unit")),
            after=_amount(row.get("after"), linked, row.get("unit")),
            period=str(row.get("period") or ""), source=str(row.get("source") or ""),
            sample=sample_text(row.get("sample") or {}),
            better=linked.better.value if linked else "",
            monitoring=linked.id if linked else ""))
    return out


def _amount(value: Any, linked: Indicator | None, unit: Any) -> str:
    """A result's value in Russian notation (6,1, not 6.1) with its unit; a linked indicator's
    unit agrees with the number («6,1 балла из 10»), an editor's own unit is kept as written."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return "—"
    written = f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")  # as the editor wrote it
    if linked is not None:
        return linked.value_amount(written)
    return f"{written} {unit}" if unit else written


def sample_text(sample: Mapping[str, Any]) -> str:
    """{"pupils": 240, "classes": 8} → «240 обучающихся, 8 классов»."""
    return ", ".join(plural(int(sample[key]), *words) for key, words in SAMPLE_WORDS
                     if sample.get(key) is not None)


def adoptions(entry: Entry, library: Library) -> list[Adoption]:
    schools = library.registry.schools
    return [Adoption(schools.get(a["school"]), int(a["year"]), str(a.get("adapted") or ""),
                     str(a.get("result") or ""))
            for a in entry.data.get("adoptions") or [] if a.get("school") in schools.items]


def named_indicators(entry: Entry) -> set[str]:
    """The monitoring indicators the practice's results link."""
    return {str(r["monitoring"]) for r in entry.data.get("results") or [] if r.get("monitoring")}


def grades_text(grades: Mapping[str, Any] | None) -> str:
    """{"from": 5, "to": 9} → «5–9 классы»; 0 is the pre-school group."""
    if not grades:
        return ""
    low, high = int(grades.get("from", 0)), int(grades.get("to", 0))
    if low == high:
        return "дошкольная группа" if low == 0 else f"{low} класс"
    return f"дошкольная группа – {high} класс" if low == 0 else f"{low}–{high} классы"
