"""Courses and the conference on the site: a page per course and per edition, the courses
list with its filters, the conference's page, and the links between them and the digest."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..content.course_fields import CONFERENCE_SERIES, COURSE_FORMATS
from ..content.course_library import (
    WHEN,
    courses,
    editions,
    enrolment_open,
    format_key,
    mentions_of,
    periods,
    state,
    when,
)
from ..content.library import Entry
from ..syndication.events import event_uid, item_anchor

if TYPE_CHECKING:
    from .pages import PageSpec, SiteBuilder

COURSES_URL = "courses/"
CONFERENCE_URL = "conference/"


@dataclass(frozen=True)
class Link:
    """Where a digest item points: «Курс: …» with the page, or plain text when unpublished."""

    label: str
    title: str
    url: str


@dataclass(frozen=True)
class Mention:
    """A digest item that mentions a course, an edition or a project."""

    digest: Entry
    title: str
    date: dt.date
    anchor: str

    @property
    def url(self) -> str:
        return f"{self.digest.url}#{self.anchor}"


@dataclass(frozen=True)
class Option:
    key: str
    label: str


@dataclass(frozen=True)
class Filter:
    """A select of the courses list: its name in the address, its label and options."""

    key: str
    label: str
    options: tuple[Option, ...]


def digest_anchor(item: dict[str, Any]) -> str:
    """The id of a digest item on its issue's page: an announced event keeps its calendar
    anchor; an item that names a course, an edition or a project gets one of its own."""
    if item.get("event"):
        return item_anchor(item)
    if mentions_of(item):
        return f"item-{event_uid(item['title'], item['date'])}"
    return ""


class CourseSite:
    """What the courses and the conference add to one build of the site."""

    def __init__(self, site: SiteBuilder) -> None:
        self.site = site
        self.today = site.syndication.settings.today
        self.courses = courses(site.library)
        self.editions = editions(site.library)
        self._pages = {("course", e.slug): e for e in self.courses}
        self._pages.update({("conference", e.slug): e for e in self.editions})
        self._mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for digest in site.library.digests:  # newest first
            for rubric in digest.data["rubrics"]:
                for item in rubric["items"]:
                    for kind, key in mentions_of(item).items():
                        self._mentions[(kind, key)].append(
                            Mention(digest, item["title"], item["date"], digest_anchor(item)))

    def mentions(self, kind: str, key: str) -> list[Mention]:
        """Digest items naming a course (slug), an edition (year) or a project (its name)."""
        return self._mentions.get((kind, key), [])

    def digest_links(self, digest: Entry) -> dict[str, list[Link]]:
        """Each mentioning item's links, by its anchor, for the digest's page."""
        links: dict[str, list[Link]] = {}
        for rubric in digest.data["rubrics"]:
            for item in rubric["items"]:
                found = mentions_of(item)
                if found:
                    links[digest_anchor(item)] = [self._link(k, v) for k, v in found.items()]
        return links

    def _link(self, kind: str, key: str) -> Link:
        if kind == "project":
            return Link("Проект Ассоциации", key, self.site.term_url("projects", key))
        entry = self._pages.get((kind, key))
        if kind == "course":
            return Link("Курс", entry.title if entry else key, entry.url if entry else "")
        return Link("Конференция", entry.title if entry else f"{CONFERENCE_SERIES} — {key}",
                    entry.url if entry else "")

    def pages(self) -> Iterator[PageSpec]:
        for course in self.courses:
            yield self.site._entry_page(
                course, "course.html", periods=periods(course),
                state=state(course, self.today),
                enrolment_open=enrolment_open(course, self.today),
                mentions=self.mentions("course", course.slug))
        yield self._listing(COURSES_URL, "Курсы повышения квалификации", "courses.html",
                            "Курсы института для педагогов и руководителей школ Ассоциации: "
                            "объём, формат, сроки и запись.",
                            cards=[self.card(c) for c in self.courses],
                            filters=[(f.key, f.label, [(o.key, o.label) for o in f.options])
                                     for f in self.filters()])
        for edition in self.editions:
            yield self.site._entry_page(edition, "conference.html",
                                        mentions=self.mentions("conference", edition.slug))
        yield self._listing(CONFERENCE_URL, f"Конференция «{CONFERENCE_SERIES}»",
                            "conference_index.html",
                            "Ежегодная конференция Ассоциации новых школ: темы, секции и "
                            "материалы каждого года.", editions=self.editions,
                            series=CONFERENCE_SERIES)

    def _listing(self, url: str, title: str, template: str, description: str,
                 **context: Any) -> PageSpec:
        from .pages import PageSpec  # pages.py builds this class: imported when it runs

        return PageSpec(f"{url}index.md", title, self.site._render(template, url, **context),
                        description=description)

    def card(self, course: Entry) -> dict[str, Any]:
        """A course in the list, with the keys its filters match."""
        data = course.data
        departments = self.site.library.registry.vocabularies["departments"]
        audiences = self.site.library.registry.vocabularies["audiences"]
        department = departments.find(data["department"])
        return {
            "entry": course,
            "state": state(course, self.today),
            "keys": {
                "department": _term_id(departments, department),
                "audience": " ".join(_term_id(audiences, a) for a in data["audience"]),
                "format": format_key(data["format"]),
                "when": when(course, self.today),
            },
        }

    def filters(self) -> list[Filter]:
        """Only values some course has: an option that empties the list helps nobody."""
        registry = self.site.library.registry
        used_departments = {c.data["department"] for c in self.courses}
        used_audiences = {a for c in self.courses for a in c.data["audience"]}
        used_formats = {c.data["format"] for c in self.courses}
        used_when = {when(c, self.today) for c in self.courses}
        return [
            Filter("department", "Кафедра", tuple(
                Option(t.id, t.name) for t in registry.vocabularies["departments"]
                if t.name in used_departments)),
            Filter("audience", "Для кого", tuple(
                Option(t.id, t.name) for t in registry.vocabularies["audiences"]
                if t.name in used_audiences)),
            Filter("format", "Формат", tuple(
                Option(format_key(f), f) for f in COURSE_FORMATS if f in used_formats)),
            Filter("when", "Сроки", tuple(Option(k, label) for k, label in WHEN
                                          if k in used_when)),
        ]


def _term_id(vocabulary: Any, name: str | None) -> str:
    term = next((t for t in vocabulary if t.name == name), None)
    return str(term.id) if term else ""
