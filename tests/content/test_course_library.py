"""A course's groups and its standing as of a day: upcoming, running, past or on request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from build_tools.content.content_types import COURSE
from build_tools.content.course_library import enrolment_open, periods, state, when
from build_tools.content.library import Entry

D = dt.date


def course(**data: Any) -> Entry:
    fields = {"title": "Курс", "enrolment": "https://institute.example/zapis", **data}
    return Entry(COURSE, "kurs", Path("kurs.md"), "content/courses/kurs.md", fields, "", 1)


TWO_GROUPS = course(groups=[
    {"name": "Поток 2", "start": D(2027, 2, 2), "end": D(2027, 3, 27), "enrolment_until":
     D(2027, 1, 22)},
    {"name": "Поток 1", "start": D(2026, 10, 5), "end": D(2026, 11, 20)},
])


def test_groups_come_in_order_of_their_start() -> None:
    assert [p.name for p in periods(TWO_GROUPS)] == ["Поток 1", "Поток 2"]
    single = course(start=D(2026, 9, 14))
    assert [(p.name, p.start, p.end) for p in periods(single)] == [
        ("", D(2026, 9, 14), D(2026, 9, 14))]


def test_standing_as_of_a_day() -> None:
    assert (when(TWO_GROUPS, D(2026, 10, 1)), state(TWO_GROUPS, D(2026, 10, 1))) == (
        "upcoming", "начало 5 октября 2026 г.")
    assert state(TWO_GROUPS, D(2026, 11, 20)) == "идут занятия, до 20 ноября 2026 г."
    assert (when(TWO_GROUPS, D(2026, 11, 23)), state(TWO_GROUPS, D(2026, 11, 23))) == (
        "upcoming", "начало 2 февраля 2027 г.")
    assert (when(TWO_GROUPS, D(2027, 3, 28)), state(TWO_GROUPS, D(2027, 3, 28))) == (
        "past", "завершён")
    assert when(course(), D(2026, 1, 1)) == "on-request"


def test_enrolment_link_is_shown_while_a_group_can_still_be_joined() -> None:
    assert enrolment_open(TWO_GROUPS, D(2027, 1, 22))
    assert not enrolment_open(TWO_GROUPS, D(2027, 1, 23))  # group 2 closed its enrolment
    assert enrolment_open(course(), D(2030, 1, 1))  # on request: apply at any time
    assert not enrolment_open(course(start=D(2026, 9, 14), enrolment_until=D(2026, 9, 10)),
                              D(2026, 9, 11))
    assert not enrolment_open(course(enrolment=None), D(2026, 1, 1))
