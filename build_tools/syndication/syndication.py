"""What readers take away from the site: feeds, the events calendar and open data.

`Syndication` turns the library into the calendar and open-data pages and into the files
behind them (Atom feeds, the .ics calendar, CSV/JSON datasets and their passport).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..content.library import Library
from ..output.reproducible import build_time
from . import events as ev
from . import feeds, open_data, site_data
from .course_data import course_datasets
from .innovation_data import innovation_datasets

CALENDAR_FILE = "events/events.ics"
CALENDAR_NAME = "События Ассоциации новых школ"
PAST_EVENTS_DAYS = 366
"""The calendar page shows a year of past events: older ones stay in the digest archive."""


@dataclass(frozen=True)
class PublicationSettings:
    site_url: str = ""
    """The site's public address ending with "/", e.g. https://example.org/bank/; feeds and
    the calendar need it for absolute links and are left out without it."""
    built: dt.datetime | None = None
    data_license: str = "CC BY 4.0"
    publisher: str = "Ассоциация новых школ"

    @property
    def today(self) -> dt.date:
        return (self.built or build_time()).astimezone(MOSCOW).date()

    @property
    def stamp(self) -> dt.datetime:
        return self.built or build_time()

    @property
    def absolute(self) -> bool:
        return self.site_url.startswith(("https://", "http://"))


MOSCOW = dt.timezone(dt.timedelta(hours=3), "MSK")


@dataclass(frozen=True)
class Output:
    src_uri: str
    content: bytes


class Syndication:
    def __init__(self, library: Library, settings: PublicationSettings,
                 memo: open_data.RowMemo | None = None) -> None:
        self.library = library
        self.settings = settings
        self.events = ev.collect_events(library.digests)
        self.datasets = [
            *open_data.published_datasets(library, site_url=settings.site_url,
                                          today=settings.today,
                                          **({"memo": memo} if memo else {})),
            *site_data.site_datasets(library, site_url=settings.site_url, today=settings.today),
            *course_datasets(library, site_url=settings.site_url, today=settings.today),
            *innovation_datasets(library, site_url=settings.site_url, today=settings.today)]

    # --- what pages show ---

    @property
    def feeds(self) -> list[feeds.Feed]:
        return list(feeds.FEEDS) if self.settings.absolute else []

    @property
    def calendar_file(self) -> str:
        return CALENDAR_FILE if self.settings.absolute else ""

    @functools.cached_property
    def split(self) -> tuple[list[ev.Event], list[ev.Event]]:
        """(upcoming, past) as of the build date: the calendar page and the home page agree."""
        return ev.split_by_date(self.events, self.settings.today)

    def calendar_context(self) -> dict[str, Any]:
        today = self.settings.today
        upcoming, past = self.split
        recent = [e for e in past if (today - e.end).days <= PAST_EVENTS_DAYS]
        return {
            "today": today,
            "upcoming": ev.by_month(upcoming),
            "past": ev.by_month(recent, newest_first=True),
            "older_past": len(past) - len(recent),
            "calendar_file": self.calendar_file,
            **ev.format_filter(self.events,
                               self.library.registry.vocabularies.get("event_formats")),
        }

    def open_data_context(self) -> dict[str, Any]:
        return {"datasets": self.datasets, "license": self.settings.data_license}

    # --- files ---

    def outputs(self) -> Iterator[Output]:
        site_url, stamp = self.settings.site_url, self.settings.stamp
        for feed in self.feeds:
            yield Output(feed.src_uri, feeds.atom_feed(feed, self.library, site_url=site_url,
                                                        stamp=stamp))
        if self.calendar_file:
            yield Output(self.calendar_file, ev.ics_calendar(
                self.events, site_url=site_url, calendar_name=CALENDAR_NAME, stamp=stamp))
            for path, content in ev.event_files(self.events, site_url=site_url, stamp=stamp):
                yield Output(path, content)
        for published in self.datasets:
            csv_path, json_path = published.dataset.files()
            yield Output(csv_path, published.csv_bytes())
            yield Output(json_path, published.json_bytes())
        meta = open_data.passport(self.datasets, site_url=site_url,
                                  license_name=self.settings.data_license,
                                  publisher=self.settings.publisher)
        yield Output(f"{open_data.DATA_FOLDER}/meta.json",
                     (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

    def head_links(self, prefix: Callable[[str], str]) -> str:
        """<link> tags for feed autodiscovery; `prefix` makes hrefs relative.

        rel is "alternate feed", not the bare "alternate": Material's script fetches a
        sitemap.xml next to every link[rel=alternate] (meant for language versions), which for
        a feed address is a request for a file that does not exist. Feed readers split rel
        into tokens, so "alternate" still reaches them.
        """
        return "".join(
            f'<link rel="alternate feed" type="application/atom+xml" '
            f'title="{html.escape(feed.title)}" href="{prefix(feed.src_uri)}">'
            for feed in self.feeds)
