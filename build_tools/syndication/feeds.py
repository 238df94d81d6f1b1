"""Atom feeds (RFC 4287): new digests, practices, recommendations and courses, absolute links.

Feeds hold the newest entries only, so their size does not grow with the bank. Links are
absolute and built from `site_url`, sub-path included (https://example.org/bank/...).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import markupsafe

from ..content.course_library import courses
from ..content.library import Entry, Library

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 30
"""Entries per feed: readers poll the newest; the archive is on the site."""


@dataclass(frozen=True)
class Feed:
    src_uri: str
    """Where the feed lives on the site: feeds/practices.xml."""
    title: str
    subtitle: str
    page: str
    """The site page the feed mirrors (its HTML alternate)."""
    entries: Callable[[Library], Sequence[Entry]]


FEEDS = (
    Feed("feeds/digests.xml", "Дайджест Ассоциации новых школ",
         "Ежемесячные выпуски дайджеста Ассоциации новых школ.", "digests/",
         lambda library: library.digests),
    Feed("feeds/practices.xml", "Новые практики в банке лучших практик",
         "Практики школ Ассоциации, принятые в банк.", "practices/",
         lambda library: library.practices),
    Feed("feeds/recommendations.xml", "Новые методические рекомендации",
         "Методические рекомендации института для школ Ассоциации.", "recommendations/",
         lambda library: library.recommendations),
    Feed("feeds/courses.xml", "Новые курсы повышения квалификации",
         "Курсы института для педагогов и руководителей школ Ассоциации.", "courses/",
         courses),
)


def _timestamp(value: dt.date) -> str:
    return f"{value:%Y-%m-%d}T00:00:00Z"


def _updated(entry: Entry) -> dt.date:
    updated = entry.data.get("updated")
    return updated if isinstance(updated, dt.date) else entry.date


def atom_feed(feed: Feed, library: Library, *, site_url: str, stamp: dt.datetime) -> bytes:
    """The feed as UTF-8 XML; `stamp` is used only when the feed has no entries."""
    ET.register_namespace("", ATOM)
    entries = sorted(feed.entries(library), key=lambda e: (_updated(e), e.date, e.slug),
                     reverse=True)[:FEED_SIZE]
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ru"})
    _add(root, "id", site_url + feed.src_uri)
    _add(root, "title", feed.title)
    _add(root, "subtitle", feed.subtitle)
    _add(root, "link", rel="self", type="application/atom+xml", href=site_url + feed.src_uri)
    _add(root, "link", rel="alternate", type="text/html", href=site_url + feed.page)
    newest = max((_updated(e) for e in entries), default=None)
    _add(root, "updated", _timestamp(newest) if newest else
         f"{stamp.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%SZ}")
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _add(author, "name", "Ассоциация новых школ")
    _add(root, "generator", "kb-build-tools")
    for entry in entries:
        _entry(root, entry, library, site_url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(root: ET.Element, entry: Entry, library: Library, site_url: str) -> None:
    node = ET.SubElement(root, f"{{{ATOM}}}entry")
    url = site_url + entry.url
    _add(node, "id", url)
    _add(node, "title", entry.title)
    _add(node, "link", rel="alternate", type="text/html", href=url)
    _add(node, "published", _timestamp(entry.date))
    _add(node, "updated", _timestamp(_updated(entry)))
    author = ET.SubElement(node, f"{{{ATOM}}}author")
    _add(author, "name", _author(entry, library))
    for term in entry.terms("topics"):
        _add(node, "category", term=term)
    if entry.summary:
        _add(node, "summary", entry.summary)
    if entry.type.name == "digest":
        _add(node, "content", _digest_html(entry), type="html")


def _author(entry: Entry, library: Library) -> str:
    if entry.type.name == "practice":
        return library.school_of(entry).name
    if entry.type.name in ("recommendation", "course"):
        return str(entry.data["department"])
    return "Ассоциация новых школ"


def _digest_html(entry: Entry) -> str:
    """The issue's table of contents: rubrics and item titles with their links, escaped."""
    parts = []
    for rubric in entry.data["rubrics"]:
        items = "".join(
            markupsafe.Markup("<li><a href=\"{}\">{}</a></li>").format(item["link"], item["title"])
            if item.get("link") else markupsafe.Markup("<li>{}</li>").format(item["title"])
            for item in rubric["items"])
        parts.append(markupsafe.Markup("<h3>{}</h3><ul>{}</ul>").format(
            rubric["rubric"], markupsafe.Markup(items)))
    return str(markupsafe.Markup("").join(parts))


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        node.text = text
    return node
