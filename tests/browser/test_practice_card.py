"""The practice page as a replication instrument: headline strip, «Хочу внедрить», phone view.

Expectations are read from content/, not copied here.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 360, "height": 640}


def practices() -> list[tuple[str, dict]]:
    """(slug, front matter) of every practice in content/practices/."""
    out = []
    for path in sorted((ROOT / "content/practices").glob("*.md")):
        meta = yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])
        out.append((path.stem, meta))
    return out


def recommended() -> tuple[str, dict]:
    return next((slug, meta) for slug, meta in practices()
                if meta["status"] == "рекомендовано к тиражированию")


def test_headline_strip_shows_on_a_recommended_practice(page: Page, site_server) -> None:
    slug, meta = recommended()
    page.goto(site_server.url(f"practices/{slug}/"))
    strip = page.locator("main ul.kb-headline")
    expect(strip).to_be_visible()
    expect(strip.locator(".kb-headline__badge")).to_have_text("Рекомендовано к тиражированию")
    locks = strip.locator("a.kb-locks")
    expect(locks).to_have_text(re.compile(r"^Сила доказательств:\s*[0-5] из 5$"))
    assert urlsplit(locks.get_attribute("href") or "").path.endswith("bank/evidence/")
    expect(strip).to_contain_text(meta["passport"]["resources"]["cost"])
    expect(strip).to_contain_text(meta["passport"]["launch"])
    expect(strip).to_contain_text(f"Переняли: {len(meta['adoptions'])} школ")
    # The facts are folded, not lost: closed by default and opened without a script.
    details = page.locator("main details.kb-more")
    assert details.get_attribute("open") is None
    details.locator("summary").click()
    expect(details.locator("dl.kb-facts")).to_be_visible()


def test_want_to_adopt_names_the_practice(page: Page, site_server) -> None:
    slug, meta = recommended()
    page.goto(site_server.url(f"practices/{slug}/"))
    link = page.get_by_role("link", name="Хочу внедрить")
    expect(link).to_be_visible()
    query = parse_qs(urlsplit(link.get_attribute("href") or "").query)
    assert meta["title"] in query["title"][0]
    assert f"practices/{slug}/" in query["practice"][0]
    expect(page.locator("main .kb-adopt__next")).to_contain_text("с названием практики")


@pytest.mark.parametrize("slug", [slug for slug, meta in practices()
                                  if meta["status"] in ("опубликовано",
                                                        "рекомендовано к тиражированию")])
def test_text_starts_on_a_phones_first_screen(browser, site_server, slug: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="ru-RU",
                                  service_workers="block")
    try:
        tab = context.new_page()
        tab.goto(site_server.url(f"practices/{slug}/"))
        first = tab.locator("main header.kb-card ~ p").first
        expect(first).to_be_attached()
        box = first.bounding_box()
        assert box is not None and box["y"] < PHONE["height"], (slug, box)
    finally:
        context.close()
