"""Atom feeds (RFC 4287): new digests, practices, recommendations, courses and internship
sites, absolute links.

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
class FeedItem:
    """One entry of a feed, whatever it announces: a page of the site or a registry record."""

    url: str
    """Site-relative address: practices/x/ or sites/#ploshchadka-x."""
    title: str
    published: dt.date
    updated: dt.date
    author: str
    categories: tuple[str, ...] = ()
    summary: str = ""
    content_html: str = ""
    """Escaped HTML, or empty."""


@dataclass(frozen=True)
class Feed:
    src_uri: str
    """Where the feed lives on the site: feeds/practices.xml."""
    title: str
    subtitle: str
    page: str
    """The site page the feed mirrors (its HTML alternate)."""
    entries: Callable[[Library], Sequence[Entry]] = lambda library: ()
    records: Callable[[Library], Sequence[FeedItem]] = lambda library: ()
    """Items that are not pages of their own (internship sites from their registry)."""


def _sites(library: Library) -> list[FeedItem]:
    """Internship sites by the date of their decision: a new site, or a new term, is news."""
    schools = library.registry.schools
    return [FeedItem(
        f"sites/#ploshchadka-{site.id}",
        f"{schools.get(site.school).short_name}: {site.level} стажировочная площадка "
        f"«{site.theme}»", site.decision_date, site.decision_date, "Ассоциация новых школ",
        tuple(site.topics),
        f"Статус с {site.since:%d.%m.%Y} по {site.until:%d.%m.%Y}: {site.decision_document}. "
        f"{site.description}".strip()) for site in library.registry.sites.sites]


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
    Feed("feeds/sites.xml", "Новые стажировочные площадки",
         "Решения о статусе стажировочных площадок Ассоциации.", "sites/", records=_sites),
)


def _timestamp(value: dt.date) -> str:
    return f"{value:%Y-%m-%d}T00:00:00Z"


def _updated(entry: Entry) -> dt.date:
    updated = entry.data.get("updated")
    return updated if isinstance(updated, dt.date) else entry.date


def atom_feed(feed: Feed, library: Library, *, site_url: str, stamp: dt.datetime) -> bytes:
    """The feed as UTF-8 XML; `stamp` is used only when the feed has no entries."""
    ET.register_namespace("", ATOM)
    items = [*(_item(e, library) for e in feed.entries(library)), *feed.records(library)]
    items = sorted(items, key=lambda i: (i.updated, i.published, i.url),
                   reverse=True)[:FEED_SIZE]
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ru"})
    _add(root, "id", site_url + feed.src_uri)
    _add(root, "title", feed.title)
    _add(root, "subtitle", feed.subtitle)
    _add(root, "link", rel="self", type="application/atom+xml", href=site_url + feed.src_uri)
    _add(root, "link", rel="alternate", type="text/html", href=site_url + feed.page)
    newest = max((i.updated for i in items), default=None)
    _add(root, "updated", _timestamp(newest) if newest else
         f"{stamp.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%SZ}")
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _add(author, "name", "Ассоциация новых школ")
    _add(root, "generator", "kb-build-tools")
    for item in items:
        _entry(root, item, site_url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _item(entry: Entry, library: Library) -> FeedItem:
    return FeedItem(entry.url, entry.title, entry.date, _updated(entry), _author(entry, library),
                    tuple(entry.terms("topics")), entry.summary or "",
                    _digest_html(entry) if entry.type.name == "digest" else "")


def _entry(root: ET.Element, item: FeedItem, site_url: str) -> None:
    node = ET.SubElement(root, f"{{{ATOM}}}entry")
    url = site_url + item.url
    _add(node, "id", url)
    _add(node, "title", item.title)
    _add(node, "link", rel="alternate", type="text/html", href=url)
    _add(node, "published", _timestamp(item.published))
    _add(node, "updated", _timestamp(item.updated))
    author = ET.SubElement(node, f"{{{ATOM}}}author")
    _add(author, "name", item.author)
    for term in item.categories:
        _add(node, "category", term=term)
    if item.summary:
        _add(node, "summary", item.summary)
    if item.content_html:
        _add(node, "content", item.content_html, type="html")


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
