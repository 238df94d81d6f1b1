"""«Версия для печати / PDF»: a practice printed to PDF in Chromium keeps its title, its first
section, the folded facts and its links' addresses, and none of the screen's controls."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.test_site import published

pytestmark = pytest.mark.browser

SITE_URL = "https://example.org/bank/"  # mkdocs.yml's site_url
SCREEN_ONLY = ("Поиск по сайту", "Версия для слабовидящих", "Обычная версия", "Размер шрифта",
               "Версия для печати", "Хочу внедрить", "Банк практик\nРекомендации")


def pdf_text(page: Page) -> tuple[str, int]:
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    pages = [p.extract_text() for p in reader.pages]
    return "\n".join(pages), len(pages)


def first_section(body: str) -> str:
    return re.search(r"^## (.+)$", body, re.MULTILINE).group(1)  # type: ignore[union-attr]


def test_a_practice_prints_to_a_pdf_with_its_text_and_without_the_controls(
        page: Page, site_server) -> None:
    practice = next(p for p in published("practices") if "## " in p.body)
    page.goto(site_server.url(practice.url))
    control = page.get_by_role("button", name="Версия для печати / PDF")
    expect(control).to_be_visible()
    text, count = pdf_text(page)
    flat = " ".join(text.split())
    assert " ".join(practice.meta["title"].split()) in flat
    assert " ".join(first_section(practice.body).split()) in flat
    assert "Подробнее о практике" in flat and "Уровни образования" in flat  # folded facts open
    card = flat.split("Уровни образования")[0]
    assert "Главная" not in flat and "(http" not in card  # no breadcrumbs, no card addresses
    for word in SCREEN_ONLY:
        assert word not in text, word
    # The site's address and the version's date on every page, the page's own address once.
    assert text.count(f"{SITE_URL} · версия сайта от") == count
    assert f"{SITE_URL}{practice.url}" in re.sub(r"\s", "", text)
    assert re.search(r"стр\. 1 из \d+", text)


def test_printed_links_carry_their_address(page: Page, site_server) -> None:
    practice = next(p for p in published("practices") if "## " in p.body)
    page.goto(site_server.url(practice.url))
    school = page.locator("article .kb-entry-footer a[href]").first
    href = school.evaluate("a => a.href")
    assert school.get_attribute("data-kb-href") == href
    after = school.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == "none"  # on screen: nothing added
    page.emulate_media(media="print")
    after = school.evaluate("a => getComputedStyle(a, '::after').content")
    assert href in after


@pytest.mark.parametrize("section", ["recommendations", "digests"])
def test_recommendations_and_digests_offer_the_print_version(
        page: Page, site_server, section: str) -> None:
    entry = published(section)[0]
    page.goto(site_server.url(entry.url))
    expect(page.get_by_role("button", name="Версия для печати / PDF")).to_be_visible()
    text, _ = pdf_text(page)
    heading = re.sub(r"\s", "", page.locator("main h1").inner_text())
    assert heading and heading in re.sub(r"\s", "", text)
    assert "Главная" not in text  # breadcrumbs are navigation
    assert "Поиск по сайту" not in text and "Версия для слабовидящих" not in text
