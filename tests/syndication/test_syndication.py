"""Feeds, the events calendar and open data, read back with independent parsers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import frontmatter
import icalendar
import pandas as pd
import pytest
import yaml

from build_tools.checks.loader import Project, load_library
from build_tools.content.russian import format_range
from build_tools.syndication import events
from build_tools.syndication.syndication import PublicationSettings, Syndication
from tests.helpers import ROOT
from tests.syndication.datasets import dataset_frame

CONTENT = ROOT / "content"
SITE_URL = "https://example.org/bank/"  # mkdocs.yml's site_url
PUBLIC = {"опубликовано", "рекомендовано к тиражированию"}


def front_matters(folder: str) -> dict[str, dict]:
    return {p.stem: frontmatter.load(p).metadata
            for p in sorted((CONTENT / folder).glob("*.md"))}


def public(folder: str) -> dict[str, dict]:
    return {slug: meta for slug, meta in front_matters(folder).items()
            if meta["status"] in PUBLIC}


def sample_events() -> list[tuple[dict, dict]]:
    """(item, event) for every event announced in a published digest, read independently."""
    found = []
    for meta in public("digests").values():
        for rubric in meta["rubrics"]:
            for item in rubric["items"]:
                if "event" in item:
                    found.append((item, item["event"]))
    return found


# --- feeds ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, folder", [("digests", "digests"), ("practices", "practices"),
                                          ("recommendations", "recommendations")])
def test_feeds_are_valid_atom_with_absolute_links(sample_site: Path, name: str,
                                                  folder: str) -> None:
    feed = feedparser.parse((sample_site / "feeds" / f"{name}.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title and feed.feed.updated
    assert feed.feed.id == f"{SITE_URL}feeds/{name}.xml"
    self_link = next(link for link in feed.feed.links if link.rel == "self")
    assert self_link.href == f"{SITE_URL}feeds/{name}.xml"
    expected = public(folder)
    assert len(feed.entries) == len(expected)
    for entry in feed.entries:
        assert entry.id == entry.link and entry.link.startswith(f"{SITE_URL}{folder}/")
        slug = entry.link[len(f"{SITE_URL}{folder}/"):].strip("/")
        assert slug in expected
        assert entry.updated and entry.published and entry.author
        if folder != "digests":
            assert entry.title == expected[slug]["title"]
            assert entry.summary == expected[slug]["summary"]
            assert {t.term for t in entry.tags} == set(expected[slug]["topics"])
        # Every link in a feed resolves to a file of the built site.
        page = sample_site / urlsplit(entry.link).path.removeprefix("/bank/") / "index.html"
        assert page.is_file(), page


def test_sites_feed_announces_each_decision_with_a_link_to_its_site(sample_site: Path) -> None:
    feed = feedparser.parse((sample_site / "feeds" / "sites.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    rows = yaml.safe_load((CONTENT / "_data/internship_sites.yml").read_text("utf-8"))
    assert len(feed.entries) == len(rows)
    page = (sample_site / "sites/index.html").read_text("utf-8")
    for entry in feed.entries:
        assert entry.id == entry.link
        assert entry.link.startswith(f"{SITE_URL}sites/#ploshchadka-")
        assert f'id="{entry.link.split("#")[1]}"' in page  # lands on the site's card
        assert entry.author and entry.summary.startswith("Статус с ")
    published = [dt.date(*e.published_parsed[:3]) for e in feed.entries]
    assert published == sorted(published, reverse=True)
    assert published[0] == max(r["decision"]["date"] for r in rows)  # the newest decision


def test_feed_entries_are_newest_first(sample_site: Path) -> None:
    feed = feedparser.parse((sample_site / "feeds" / "practices.xml").read_bytes())
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)


def test_feed_escapes_markup_and_follows_site_url(tmp_path: Path) -> None:
    """Another address, deeper sub-path: every link follows it; titles stay text."""
    library, _ = load_library(Project(CONTENT, ROOT))
    practice = library.practices[0]
    practice.data["title"] = '<script>alert("x")</script> & «кавычки»'
    site_url = "https://kb.example.net/institut/bank/"
    outputs = {o.src_uri: o.content for o in Syndication(
        library, PublicationSettings(site_url=site_url,
                                     built=dt.datetime(2026, 11, 23, tzinfo=dt.UTC))).outputs()}
    feed = feedparser.parse(outputs["feeds/practices.xml"])
    assert not feed.bozo
    titles = {entry.title for entry in feed.entries}
    assert '<script>alert("x")</script> & «кавычки»' in titles
    assert b"<script>" not in outputs["feeds/practices.xml"]
    links = [link.href for entry in feed.entries for link in entry.links]
    links += [link.href for link in feed.feed.links]
    assert links and all(link.startswith(site_url) for link in links)
    calendar = icalendar.Calendar.from_ical(outputs["events/events.ics"])
    for vevent in calendar.walk("VEVENT"):
        assert str(vevent["UID"]).endswith("@kb.example.net")
        assert site_url + "digests/" in str(vevent["DESCRIPTION"])


def test_pages_announce_feeds_for_readers(sample_site: Path) -> None:
    html = (sample_site / "practices" / "index.html").read_text("utf-8")
    assert 'type="application/atom+xml"' in html
    assert 'href="../feeds/practices.xml"' in html
    digests = (sample_site / "digests" / "index.html").read_text("utf-8")
    assert 'href="../feeds/digests.xml"' in digests and 'href="../events/events.ics"' in digests


# --- calendar ---------------------------------------------------------------------------

def test_ics_holds_every_event_with_required_properties(sample_site: Path) -> None:
    raw = (sample_site / "events" / "events.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    vevents = calendar.walk("VEVENT")
    expected = {event.get("title") or item["title"]: event for item, event in sample_events()}
    assert len(vevents) == len(expected) > 0
    assert len({str(v["UID"]) for v in vevents}) == len(vevents)
    for vevent in vevents:
        event = expected[str(vevent["SUMMARY"])]
        assert vevent["DTSTART"].dt == event["start"]
        # All-day events: DTEND is the day after the last day.
        assert vevent["DTEND"].dt == (event.get("end") or event["start"]) + dt.timedelta(days=1)
        assert vevent["DTSTAMP"].dt.tzinfo is not None
        if event.get("place"):
            assert event["place"] in str(vevent["LOCATION"])
        elif event.get("online"):
            assert str(vevent["LOCATION"]) == "онлайн"
        assert str(vevent["URL"]).startswith("https://")


def test_ics_text_is_escaped_and_folded_without_breaking_letters() -> None:
    line = "SUMMARY:" + "Школа, семинар; итоги\\новости " * 6
    folded = events._fold(line)
    pieces = folded.split("\r\n ")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert "".join(pieces) == line
    assert events._text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_calendar_splits_upcoming_and_past_around_build_date() -> None:
    library, _ = load_library(Project(CONTENT, ROOT))
    found = events.collect_events(library.digests)
    upcoming, past = events.split_by_date(found, dt.date(2026, 11, 23))
    assert [e.start for e in upcoming] == sorted(e.start for e in upcoming)
    assert all(e.end >= dt.date(2026, 11, 23) for e in upcoming)
    assert all(e.end < dt.date(2026, 11, 23) for e in past)
    assert [e.start for e in past] == sorted((e.start for e in past), reverse=True)
    assert len(upcoming) + len(past) == len(sample_events())


def test_russian_date_ranges() -> None:
    assert format_range(dt.date(2026, 12, 16), dt.date(2026, 12, 16)) == "16 декабря 2026 г."
    assert format_range(dt.date(2026, 12, 16), dt.date(2026, 12, 17)) == "16–17 декабря 2026 г."
    assert (format_range(dt.date(2026, 11, 30), dt.date(2026, 12, 2))
            == "30 ноября – 2 декабря 2026 г.")
    assert (format_range(dt.date(2026, 12, 30), dt.date(2027, 1, 2))
            == "30 декабря 2026 г. – 2 января 2027 г.")


# --- open data --------------------------------------------------------------------------

def test_practices_dataset_matches_content(sample_site: Path) -> None:
    expected = public("practices")
    table = dataset_frame(sample_site, "practices", keep_default_na=False)
    records = pd.read_json(sample_site / "data" / "practices.json", orient="records",
                           dtype=False)
    assert sorted(table["id"]) == sorted(expected) == sorted(records["id"])
    for row in table.to_dict(orient="records"):
        meta = expected[row["id"]]
        assert row["title"] == meta["title"]
        assert row["summary"] == meta["summary"]
        assert row["school"] == meta["school"]
        assert row["topics"].split("; ") == meta["topics"]
        assert row["date"] == meta["date"].isoformat()
        assert row["license"] == meta["license"]
        assert row["url"] == f"{SITE_URL}practices/{row['id']}/"
    for record in records.to_dict(orient="records"):
        meta = expected[record["id"]]
        assert list(record["levels"]) == meta["levels"]
        assert [a.split(" (")[0] for a in record["authors"]] == [a["name"] for a in
                                                                   meta["authors"]]


def test_recommendations_and_schools_datasets_match_content(sample_site: Path) -> None:
    recommendations = dataset_frame(sample_site, "recommendations")
    assert sorted(recommendations["id"]) == sorted(public("recommendations"))
    for row in recommendations.to_dict(orient="records"):
        assert row["title"] == public("recommendations")[row["id"]]["title"]
        assert row["plan_rows"] == len(public("recommendations")[row["id"]].get("plan") or [])
    schools = yaml.safe_load((CONTENT / "_data" / "schools.yml").read_text("utf-8"))
    table = pd.read_json(sample_site / "data" / "schools.json", orient="records", dtype=False)
    assert sorted(table["id"]) == sorted(s["id"] for s in schools)
    by_id = {s["id"]: s for s in schools}
    for row in table.to_dict(orient="records"):
        assert row["name"] == by_id[row["id"]]["name"]
        assert row["district"] == by_id[row["id"]]["district"]
        assert row["type"] == by_id[row["id"]].get("type", "школа")
        assert row["practices"] == sum(m["school"] == row["id"]
                                       for m in public("practices").values())


def test_data_passport_describes_every_column(sample_site: Path) -> None:
    meta = json.loads((sample_site / "data" / "meta.json").read_text("utf-8"))
    assert meta["license"] and meta["publisher"]
    assert [d["id"] for d in meta["datasets"]] == ["practices", "recommendations", "schools",
                                                   "internship_sites", "partners", "networks",
                                                   "courses", "conference",
                                                   "innovation", "innovation_stages",
                                                   "normative_documents"]
    for dataset in meta["datasets"]:
        columns = list(dataset_frame(sample_site, dataset["id"], nrows=0))
        assert [f["name"] for f in dataset["fields"]] == columns
        assert all(f["meaning"] and f["type"] and f["title"] for f in dataset["fields"])
        assert dataset["records"] == len(dataset_frame(sample_site, dataset["id"]))
        assert dataset["csv"] == {"bom": True, "delimiter": ";", "decimal": ",",
                                  "header": "title"}
        dt.date.fromisoformat(dataset["modified"])
        assert {f["url"] for f in dataset["files"]} == {
            f"{SITE_URL}data/{dataset['id']}.csv", f"{SITE_URL}data/{dataset['id']}.json"}
    page = (sample_site / "data" / "index.html").read_text("utf-8")
    assert 'href="../data/practices.csv"' in page and 'href="../data/meta.json"' in page
    assert "Дата последнего изменения" in page
    assert 'href="data/"' in (sample_site / "index.html").read_text("utf-8")
