"""The events calendar as a reader uses it: upcoming first, past below, links that work."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BUILD_EPOCH
from tests.browser.test_site import published

pytestmark = pytest.mark.browser

TODAY = dt.datetime.fromtimestamp(BUILD_EPOCH, dt.UTC).date()


def sample_events() -> list[dict]:
    """Every event announced in a published digest, read from content/."""
    found = {}
    for digest in published("digests"):
        for rubric in digest.meta["rubrics"]:
            for item in rubric["items"]:
                if "event" in item:
                    event = item["event"]
                    # The event's own name; the item's headline announced it.
                    title = event.get("title") or item["title"]
                    found[title] = {
                        "title": title, "start": event["start"],
                        "end": event.get("end") or event["start"], "digest": digest}
    return list(found.values())


def test_calendar_lists_upcoming_then_past_events_in_order(page: Page, site_server) -> None:
    events = sample_events()
    upcoming = sorted((e for e in events if e["end"] >= TODAY),
                      key=lambda e: (e["start"], e["end"], e["title"]))
    past = sorted((e for e in events if e["end"] < TODAY),
                  key=lambda e: (e["start"], e["end"], e["title"]), reverse=True)
    assert len(upcoming) >= 3 and len(past) >= 3, "the sample content announces both kinds"

    page.goto(site_server.url())
    page.locator(".md-tabs__link", has_text="События").click()
    expect(page).to_have_url(site_server.url("events/"))
    expect(page.locator("main h1")).to_have_text("Календарь событий")

    soon = page.locator("main h2#predstoyashchie ~ section ul.kb-events:not(.kb-events--past) "
                        ".kb-event__title")
    expect(soon).to_have_text([e["title"] for e in upcoming])
    before = page.locator("main ul.kb-events--past .kb-event__title")
    expect(before).to_have_text([e["title"] for e in past])
    # Month headings in Russian, soonest month first.
    first_month = page.locator("main h2#predstoyashchie ~ section h3").first
    expect(first_month).to_have_text("Декабрь 2026")


def test_calendar_event_leads_to_its_digest_item(page: Page, site_server) -> None:
    event = min((e for e in sample_events() if e["end"] >= TODAY), key=lambda e: e["start"])
    page.goto(site_server.url("events/"))
    card = page.locator("li.kb-event", has_text=event["title"])
    card.get_by_role("link", name=f"Дайджест № {event['digest'].meta['issue']}").click()
    expect(page).to_have_url(f"{site_server.url(event['digest'].url)}#{card_anchor(page)}")
    target = page.locator("article.kb-digest-item:target")
    expect(target).to_contain_text(event["title"])
    expect(target).to_contain_text("Когда:")


def card_anchor(page: Page) -> str:
    return page.url.split("#", 1)[1]


def test_home_page_shows_the_next_events(page: Page, site_server) -> None:
    upcoming = sorted((e for e in sample_events() if e["end"] >= TODAY),
                      key=lambda e: (e["start"], e["end"], e["title"]))[:3]
    page.goto(site_server.url())
    heading = page.locator("main h2", has_text="Ближайшие события")
    items = heading.locator("xpath=following-sibling::ul[1]/li/a")
    expect(items).to_have_text([e["title"] for e in upcoming])


def test_calendar_file_and_feeds_download(page: Page, sub_path_server) -> None:
    """Under a sub-path the subscription links still point at files that exist."""
    page.goto(sub_path_server.url("digests/"))
    for name in ("Календарь событий Ассоциации", "Дайджест Ассоциации новых школ"):
        href = page.get_by_role("link", name=name, exact=True).get_attribute("href")
        assert href
        response = page.request.get(page.url + href if not href.startswith("/") else href)
        assert response.ok, (name, href, response.status)
        assert response.body().startswith((b"BEGIN:VCALENDAR", b"<?xml"))
