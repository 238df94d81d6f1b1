"""Events announced in the digests: the calendar page and the iCalendar (.ics) feed.

An event is a digest item with an `event:` block. The calendar gathers them from every
published issue; the .ics file lets readers subscribe from any calendar application.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..content.event_rules import event_name
from ..content.library import Entry
from ..content.months import YearMonth
from ..content.registries import Term


def event_uid(title: str, start: dt.date) -> str:
    """Stable across builds and issues: the same title and start give the same event."""
    return hashlib.sha256(f"{start.isoformat()}|{title}".encode()).hexdigest()[:20]


def item_anchor(item: dict[str, Any]) -> str:
    """The anchor of a digest item that announces an event, on the digest's page."""
    return f"event-{event_uid(event_name(item), item['event']['start'])}"


def event_file(item: dict[str, Any]) -> str:
    """The .ics file of one event («Добавить в календарь»), beside the whole calendar."""
    start: dt.date = item["event"]["start"]
    return _ics_path(start, event_uid(event_name(item), start))


def _ics_path(start: dt.date, uid: str) -> str:
    return f"events/{start.isoformat()}-{uid[:10]}.ics"


@dataclass(frozen=True)
class Event:
    title: str
    """What the event is called (content/event_rules.py): true before and after it."""
    summary: str
    link: str
    start: dt.date
    end: dt.date
    place: str
    online: bool
    registration_until: dt.date | None
    digest: Entry
    """The issue that announced the event."""
    rubric: str
    format: str = ""
    """A term of event_formats.yml, or "" when the item names none."""
    block: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The item's `event:` block as written (validated), for copying into a new issue."""
    headline: str = ""
    """The announcing item's own title, a headline of its month."""

    @property
    def uid(self) -> str:
        return event_uid(self.title, self.start)

    @property
    def anchor(self) -> str:
        return f"event-{self.uid}"

    @property
    def file(self) -> str:
        """Its own .ics file: `event_file` of the item that announced it."""
        return _ics_path(self.start, self.uid)

    @property
    def where(self) -> str:
        if self.place and self.online:
            return f"{self.place}; онлайн"
        return self.place or ("онлайн" if self.online else "")

    @property
    def month_key(self) -> tuple[int, int]:
        return self.start.year, self.start.month

    def is_past(self, today: dt.date) -> bool:
        return self.end < today


def collect_events(digests: Iterable[Entry]) -> list[Event]:
    """Every event of the given issues, by start date; an event repeated in a later issue
    (an announcement, then a reminder) is kept once, as the latest issue describes it."""
    by_uid: dict[str, Event] = {}
    for digest in sorted(digests, key=lambda d: d.date):
        for event in _events_of(digest):
            by_uid[event.uid] = event
    return sorted(by_uid.values(), key=lambda e: (e.start, e.end, e.title))


def _events_of(digest: Entry) -> Iterator[Event]:
    for rubric in digest.data["rubrics"]:
        for item in rubric["items"]:
            data = item.get("event")
            if not data:
                continue
            start = data["start"]
            yield Event(
                title=event_name(item), headline=item["title"], summary=item["summary"],
                link=item.get("link") or "",
                start=start, end=data.get("end") or start, place=data.get("place") or "",
                online=bool(data.get("online")),
                registration_until=data.get("registration_until"),
                digest=digest, rubric=rubric["rubric"], format=data.get("format") or "",
                block={key: value for key, value in data.items() if value is not None},
            )


def format_filter(events: Iterable[Event], formats: Iterable[Term] | None) -> dict[str, Any]:
    """The calendar's filter by format: the formats its events use, in the vocabulary's order
    (`formats`, as (id, name)), and each name's id for the events' data attributes."""
    used = {e.format for e in events if e.format}
    terms = [t for t in formats or () if t.name in used]
    return {"formats": [(t.id, t.name) for t in terms],
            "format_ids": {t.name: t.id for t in terms}}


@dataclass(frozen=True)
class MonthGroup(YearMonth):
    events: list[Event]

    @property
    def anchor(self) -> str:
        return self.slug


def by_month(events: Iterable[Event], *, newest_first: bool = False) -> list[MonthGroup]:
    groups: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        groups.setdefault(event.month_key, []).append(event)
    keys = sorted(groups, reverse=newest_first)
    return [MonthGroup(year, month, groups[(year, month)]) for year, month in keys]


def split_by_date(events: list[Event], today: dt.date) -> tuple[list[Event], list[Event]]:
    """(upcoming or running, soonest first; past, latest start first)."""
    upcoming = [e for e in events if not e.is_past(today)]
    past = sorted((e for e in events if e.is_past(today)),
                  key=lambda e: (e.start, e.end, e.title), reverse=True)
    return upcoming, past


# --- iCalendar (RFC 5545) ---------------------------------------------------------------

def event_files(events: Iterable[Event], *, site_url: str,
                stamp: dt.datetime) -> Iterator[tuple[str, bytes]]:
    """One .ics per event, for «Добавить в календарь»: the same VEVENT as in the whole
    calendar (same UID, so a subscriber's calendar does not show it twice)."""
    for event in events:
        yield event.file, ics_calendar([event], site_url=site_url, calendar_name=event.title,
                                       stamp=stamp)


def ics_calendar(events: Iterable[Event], *, site_url: str, calendar_name: str,
                 stamp: dt.datetime) -> bytes:
    """A VCALENDAR with one all-day VEVENT per event, CRLF lines folded at 75 octets.

    `stamp` (DTSTAMP) is the build time; with SOURCE_DATE_EPOCH the file is byte-stable.
    """
    host = urlsplit(site_url).hostname or "kb.invalid"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ассоциация новых школ//Календарь событий//RU",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(calendar_name)}",
        "X-WR-TIMEZONE:Europe/Moscow",
    ]
    for event in events:
        page = f"{site_url}{event.digest.url}#{event.anchor}"
        description = event.summary
        if event.registration_until:
            description += f"\nРегистрация до {event.registration_until:%d.%m.%Y}."
        description += f"\nИз дайджеста: {page}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}@{host}",
            f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            # All-day events end on the day after the last one (the end is exclusive).
            f"DTEND;VALUE=DATE:{event.end + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_text(event.title)}",
            f"DESCRIPTION:{_text(description)}",
        ]
        if event.where:
            lines.append(f"LOCATION:{_text(event.where)}")
        lines.append(f"URL:{_uri(event.link or page)}")
        lines.append(f"CATEGORIES:{_text(event.rubric)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _uri(value: str) -> str:
    """URI values are not escaped; control characters would break the line structure."""
    return "".join(ch for ch in value if ch >= " ")


def _fold(line: str) -> str:
    """Split a content line into 75-octet pieces without cutting a UTF-8 character."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += ch
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
