"""Dated steps and their state on a day: done, current, upcoming, overdue."""

from __future__ import annotations

import datetime as dt

import pytest

from build_tools.content.timeline import Phase, StepState, phase_of, row_states, step_state

START, END = dt.date(2026, 1, 12), dt.date(2026, 6, 30)


@pytest.mark.parametrize(("today", "has_result", "state"), [
    (dt.date(2026, 1, 11), False, StepState.UPCOMING),
    (START, False, StepState.CURRENT),
    (END, False, StepState.CURRENT),  # the last day still belongs to the step
    (END, True, StepState.CURRENT),  # an interim result does not close the step early
    (dt.date(2026, 7, 1), True, StepState.DONE),
    (dt.date(2026, 7, 1), False, StepState.OVERDUE),
])
def test_the_state_of_a_step_on_a_day(today: dt.date, has_result: bool,
                                      state: StepState) -> None:
    assert step_state(START, END, has_result, today) is state


def test_a_project_phase_follows_its_stages() -> None:
    assert phase_of([StepState.UPCOMING, StepState.UPCOMING]) is Phase.NOT_STARTED
    assert phase_of([StepState.DONE, StepState.DONE]) is Phase.FINISHED
    assert phase_of([StepState.DONE, StepState.OVERDUE]) is Phase.RUNNING
    assert phase_of([StepState.DONE, StepState.UPCOMING]) is Phase.RUNNING


def test_each_kind_of_row_records_its_result_in_its_own_field() -> None:
    day = dt.date(2026, 11, 23)
    passed = {"start": dt.date(2026, 9, 1), "end": dt.date(2026, 10, 30)}
    data = {
        "stages": [{**passed, "results": ["отчёт"]}, passed],
        "plan": [{**passed, "achieved": "карта дефицитов"}, {**passed, "result": "ожидается"}],
        "roadmap": [{**passed, "results": []}, "not a row"],
    }
    assert row_states(data, "stages", day) == [StepState.DONE, StepState.OVERDUE]
    # An expected result is a plan, not an achievement: the row is still overdue.
    assert row_states(data, "plan", day) == [StepState.DONE, StepState.OVERDUE]
    assert row_states(data, "roadmap", day) == [StepState.OVERDUE]
