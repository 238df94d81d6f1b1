"""Steps with dates: innovation stages, plan rows and road-map stages, and their state on a day.

A step is done when its end date has passed and a result is recorded, overdue when it has
passed without one, current between its start and end dates, upcoming before it starts. The
day is the build date (`output/reproducible.build_time()`), handed in by the pages.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class StepState(enum.Enum):
    DONE = "выполнено"
    CURRENT = "идёт"
    UPCOMING = "предстоит"
    OVERDUE = "просрочено"

    @property
    def css(self) -> str:
        """The Latin modifier the page's classes and tests use: done, current, ..."""
        return self.name.lower()


def step_state(start: dt.date, end: dt.date, has_result: bool, today: dt.date) -> StepState:
    if today > end:
        return StepState.DONE if has_result else StepState.OVERDUE
    return StepState.CURRENT if today >= start else StepState.UPCOMING


class Phase(enum.Enum):
    """Where a whole project or road map stands, for its listing and filter."""

    NOT_STARTED = "не начат"
    RUNNING = "реализуется"
    FINISHED = "завершён"


def phase_of(states: Iterable[StepState]) -> Phase:
    states = list(states)
    if states and all(s is StepState.DONE for s in states):
        return Phase.FINISHED
    if all(s is StepState.UPCOMING for s in states):
        return Phase.NOT_STARTED
    return Phase.RUNNING


@dataclass(frozen=True)
class Step:
    """One dated step, wherever it is written."""

    title: str
    start: dt.date
    end: dt.date
    has_result: bool
    kind: str
    """What the step is, in Russian: «этап инновационного проекта», «строка плана», ..."""
    source_title: str = ""
    source_url: str = ""
    """The page the step is on, with the anchor of the step: innovation/x/#etap-2."""

    def state(self, today: dt.date) -> StepState:
        return step_state(self.start, self.end, self.has_result, today)


def dated(rows: Sequence[object]) -> list[tuple[int, dict[str, dt.date]]]:
    """(index, row) of the rows that are mappings with a start and an end date, for rules."""
    out = []
    for index, row in enumerate(rows):
        if isinstance(row, dict) and isinstance(row.get("start"), dt.date) \
                and isinstance(row.get("end"), dt.date):
            out.append((index, row))
    return out


RESULT_FIELDS = {"stages": "results", "roadmap": "results", "plan": "achieved"}
"""Which field of a row records what was achieved: a passed row without it is overdue."""


def row_states(data: dict[str, object], field: str, today: dt.date) -> list[StepState]:
    """The state of every dated row of `data[field]` (stages, roadmap or plan)."""
    rows = data.get(field)
    result = RESULT_FIELDS[field]
    return [step_state(row["start"], row["end"], bool(row.get(result)), today)
            for _, row in dated(rows if isinstance(rows, list) else [])]
