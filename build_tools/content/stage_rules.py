"""Single-file rules for dated steps: a step ends after it starts; stages follow one another."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..diagnostics.problems import Problem, Severity
from .timeline import dated


def _day(value: dt.date) -> str:
    return f"{value:%Y-%m-%d}"


def ends_after_start(data: dict[str, Any], field: str, noun: str) -> list[Problem]:
    """Every row of `data[field]` whose end date is before its start date, at its `end`."""
    problems = []
    for index, row in dated(data.get(field) or []):
        if row["end"] < row["start"]:
            problems.append(Problem(
                "StageEndsBeforeStart",
                f"{noun} № {index + 1} заканчивается ({_day(row['end'])}) раньше, чем "
                f"начинается ({_day(row['start'])}): проверьте даты start и end.",
                field=(field, index, "end")))
    return problems


def stages_in_sequence(data: dict[str, Any], field: str) -> list[Problem]:
    """Stages are listed in the order they start and do not overlap: warnings, since a
    passport may plan a stage to begin before the last one is closed."""
    problems = []
    rows = [(i, r) for i, r in dated(data.get(field) or []) if r["end"] >= r["start"]]
    for (before, previous), (index, row) in zip(rows, rows[1:], strict=False):
        if row["start"] < previous["start"]:
            problems.append(Problem(
                "StagesOutOfOrder",
                f"этап № {index + 1} начинается ({_day(row['start'])}) раньше этапа "
                f"№ {before + 1} ({_day(previous['start'])}): перечислите этапы в том "
                "порядке, в каком они начинаются.",
                field=(field, index, "start"), severity=Severity.WARNING))
        elif row["start"] <= previous["end"]:
            problems.append(Problem(
                "StagesOverlap",
                f"этап № {index + 1} начинается {_day(row['start'])}, а этап № {before + 1} "
                f"заканчивается только {_day(previous['end'])}: сроки этапов пересекаются. "
                "Сдвиньте даты или объедините этапы.",
                field=(field, index, "start"), severity=Severity.WARNING))
    return problems
