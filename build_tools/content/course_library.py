"""Courses and conference editions in the loaded library: their order, their dates as of a
day, and the digest items that mention them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .course_fields import COURSE_FORMATS
from .library import Entry, Library
from .russian import format_date
from .slugs import slugify


@dataclass(frozen=True)
class Period:
    """When one group of a course (or the whole course) is taught."""

    name: str
    """The group's name; empty for a course with one group."""
    start: dt.date
    end: dt.date
    place: str = ""
    enrolment_until: dt.date | None = None


WHEN = (("upcoming", "идут и предстоящие"), ("past", "прошедшие"),
        ("on-request", "по заявке"))
"""The «Сроки» filter of the courses page: key (in addresses) and label."""


def courses(library: Library) -> list[Entry]:
    """Courses, the newest announcement first."""
    found = [e for e in library.entries if e.type.name == "course"]
    return sorted(found, key=lambda e: (e.date, e.title), reverse=True)


def editions(library: Library) -> list[Entry]:
    """Conference editions, the newest year first."""
    found = [e for e in library.entries if e.type.name == "conference"]
    return sorted(found, key=lambda e: (e.data["year"], e.slug), reverse=True)


def periods(course: Entry) -> list[Period]:
    """The course's groups, or the course itself when it has its own dates; none when it is
    taught on request."""
    data = course.data
    if data.get("groups"):
        return sorted((Period(g["name"], g["start"], g.get("end") or g["start"],
                              g.get("place") or "", g.get("enrolment_until"))
                       for g in data["groups"]), key=lambda p: (p.start, p.name))
    if data.get("start"):
        return [Period("", data["start"], data.get("end") or data["start"],
                       data.get("place") or "", data.get("enrolment_until"))]
    return []


def when(course: Entry, today: dt.date) -> str:
    """upcoming (a group has not ended yet), past or on-request, as of `today`."""
    found = periods(course)
    if not found:
        return "on-request"
    return "upcoming" if any(p.end >= today for p in found) else "past"


def state(course: Entry, today: dt.date) -> str:
    """The course's standing in words, for its card and page."""
    found = periods(course)
    if not found:
        return "по заявке: сроки согласуются с заказчиком"
    running = [p for p in found if p.start <= today <= p.end]
    coming = [p for p in found if p.start > today]
    if running:
        return f"идут занятия, до {format_date(running[0].end)}"
    if coming:
        return f"начало {format_date(coming[0].start)}"
    return "завершён"


def enrolment_open(course: Entry, today: dt.date) -> bool:
    """The enrolment link is worth showing: the course is not over and the enrolment has not
    closed (a course on request takes applications at any time)."""
    if not course.data.get("enrolment"):
        return False
    until = course.data.get("enrolment_until")
    open_groups = [p for p in periods(course)
                   if p.start > today and (p.enrolment_until is None or p.enrolment_until >= today)]
    if until is not None and until < today:
        return False
    return when(course, today) == "on-request" or bool(open_groups)


def format_key(name: str) -> str:
    """A course format as a Latin key for addresses: очно → ochno."""
    return slugify(name) if name in COURSE_FORMATS else ""


def mentions_of(item: dict[str, Any]) -> dict[str, str]:
    """What a digest item points to: {"course": slug, "conference": year, "project": name}."""
    return {key: str(item[key]) for key in ("course", "conference", "project") if item.get(key)}
