"""How strong a practice's evidence is, in «замки» from 0 to 5, computed from its own records.

The idea is the EEF Toolkit's padlocks, made honest for evidence that grows in schools rather
than in trials: it counts what an editor cannot simply claim — in how many schools the
practice works, how long and on how many people it was measured, and whether the region's
monitoring shows it. The page «Как мы оцениваем доказанность» explains the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from ..content.russian import plural
from . import Monitoring

MAX_LOCKS = 5
MANY_SCHOOLS = 4
"""Schools (author and adopters) for the second lock of spread."""
LONG_PERIOD_YEARS = 2
"""A result measured over at least this many years shows more than one good year."""
LARGE_SAMPLE = {"pupils": 100, "teachers": 20}
"""A result measured on at least this many pupils (or teachers) is not a single class's story."""
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass(frozen=True)
class Strength:
    """The locks and what earned them, for the card, the filters and the explanation."""

    locks: int
    schools: int
    """The author school and every school that adopted the practice."""
    years: int
    """The longest period over which a result was measured, in years (0: none given)."""
    pupils: int
    teachers: int
    confirmed: bool
    """A result is linked to a monitoring indicator that has data for one of the schools."""

    @property
    def label(self) -> str:
        return f"{self.locks} из {MAX_LOCKS}"

    def reasons(self) -> list[str]:
        """What each lock stands for, in the reader's words; an unearned one says why not."""
        spread = ("практика работает в одной школе" if self.schools == 1 else
                  f"практика работает в {self.schools} школах")
        return [
            spread,
            (f"результат измерен за {plural(self.years, 'год', 'года', 'лет')}" if self.years
             else "период измерения не указан"),
            (f"выборка: {plural(self.pupils, 'обучающийся', 'обучающихся', 'обучающихся')}"
             if self.pupils else
             f"выборка: {plural(self.teachers, 'педагог', 'педагога', 'педагогов')}"
             if self.teachers else "выборка не указана"),
            ("результат виден в региональном мониторинге" if self.confirmed
             else "результат не связан с данными мониторинга"),
        ]


def schools_with_data(monitoring: Monitoring | None) -> frozenset[tuple[str, str]]:
    """(school, indicator) pairs the monitoring tables have at least one value for."""
    return frozenset() if monitoring is None else monitoring.reported


def evidence_strength(data: dict[str, Any], with_data: Collection[tuple[str, str]]) -> Strength:
    """The strength of one practice from its validated fields; `with_data` from above."""
    adoptions = [a for a in data.get("adoptions") or [] if isinstance(a, dict)]
    schools = {data.get("school"), *(a.get("school") for a in adoptions)} - {None}
    results = [r for r in data.get("results") or [] if isinstance(r, dict)]
    years = max((_span(str(r.get("period") or "")) for r in results), default=0)
    samples = [r.get("sample") or {} for r in results]
    pupils = max((int(s.get("pupils") or 0) for s in samples), default=0)
    teachers = max((int(s.get("teachers") or 0) for s in samples), default=0)
    linked = {str(r["monitoring"]) for r in results if r.get("monitoring")}
    confirmed = any((str(school), indicator) in with_data
                    for school in schools for indicator in linked)
    locks = (
        (1 if len(schools) > 1 else 0) + (1 if len(schools) >= MANY_SCHOOLS else 0)
        + (1 if years >= LONG_PERIOD_YEARS else 0)
        + (1 if pupils >= LARGE_SAMPLE["pupils"] or teachers >= LARGE_SAMPLE["teachers"] else 0)
        + (1 if confirmed else 0)
    )
    return Strength(locks, max(1, len(schools)), years, pupils, teachers, confirmed)


def _span(period: str) -> int:
    """«2022–2025» → 3, «2024/25 учебный год» → 1 (25 is not a year), «весна» → 0."""
    years = [int(match.group(0)) for match in _YEAR.finditer(period)]
    if not years:
        return 0
    return max(1, max(years) - min(years))

