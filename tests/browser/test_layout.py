"""Navigation, the home page, practice cards and the bank on a phone and a wide screen.

At 1280 px and 360 px, on the built sample site: the top navigation fits without cutting a word,
the home page never says «0», a card tells whose practice it is, where, for which levels and
how proven, and on a phone the filters open as a drawer whose «Показать N практик» leads to
results that start on the first screen. Expectations are read from content/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from build_tools.content.russian import plural
from tests.browser.test_accessibility import axe_violations, describe
from tests.browser.test_search import having, practices, tick, topics_by_size
from tests.browser.test_site import (
    BROWSER,
    Entry,
    published,
    registry,
    school,
    search_results,
    wait_for_search,
)

pytestmark = pytest.mark.browser

CLIPPED = """nodes => nodes
  .filter(n => n.getClientRects().length && getComputedStyle(n).visibility !== 'hidden')
  .filter(n => n.scrollWidth > n.clientWidth + 1 || n.getBoundingClientRect().right
                 > document.documentElement.clientWidth + 1)
  .map(n => `${n.textContent.trim()} (${n.scrollWidth} > ${n.clientWidth})`)"""
"""Shown navigation items whose text is wider than their box, or that end past the screen."""
MAX_TABS = 7
RECOMMENDED = "рекомендовано к тиражированию"


def drawer(page: Page) -> Locator:
    return page.locator("dialog.kb-drawer[open]")


def show_button(page: Page) -> Locator:
    return drawer(page).locator(".kb-drawer__show")


def open_filters(page: Page) -> Locator:
    """Press «Фильтры» on a phone and wait for the drawer."""
    toggle = page.locator(BROWSER).get_by_role("button", name=re.compile(r"^Фильтры"))
    toggle.click()
    expect(drawer(page)).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    return toggle


def card_of(entry: Entry, cards: Locator) -> Locator:
    return cards.filter(has=cards.page.get_by_role("link", name=entry.title, exact=True))


def expect_practice_facts(card: Locator, entry: Entry) -> None:
    """The card names the school and its district, the levels and the evidence in locks."""
    author = school(entry.meta["school"])
    expect(card).to_contain_text(f"{author['short_name']}, {author['district']}")
    expect(card).to_contain_text(", ".join(entry.meta["levels"]))
    expect(card).to_contain_text(re.compile(r"сила доказательств\s*\d из 5"))
    expect(card.locator("svg.kb-lock")).to_have_count(5)


# ------------------------------------------------------------------------------ navigation


def test_top_navigation_fits_a_wide_screen(page: Page, site_server) -> None:
    """At 1280 px: seven tabs at most, «Школы Ассоциации» and «Ещё», no «Поиск» tab beside the
    header's field, and no tab (nor the site's name) cut."""
    page.goto(site_server.url())
    tabs = page.locator("nav.md-tabs .md-tabs__link")
    names = [t.strip() for t in tabs.all_inner_texts()]
    assert len(names) <= MAX_TABS, names
    assert "Школы Ассоциации" in names and "Ещё" in names, names
    assert "Поиск" not in names and "Кто есть кто" not in names, names
    assert page.evaluate(CLIPPED, tabs.element_handles()) == []
    listing = page.locator("nav.md-tabs .md-tabs__list")
    assert listing.evaluate("l => l.scrollWidth <= l.clientWidth"), "the tabs scroll sideways"
    title = page.locator(".md-header__title .md-header__topic .md-ellipsis").first
    assert page.evaluate(CLIPPED, [title.element_handle()]) == []


def test_navigation_fits_a_phone(mobile_page: Page, site_server) -> None:
    """At 360 px: the header keeps no cut title, and every item of the menu fits its line."""
    page = mobile_page
    page.goto(site_server.url("practices/"))
    titles = page.locator(".md-header__title .md-ellipsis")
    assert page.evaluate(CLIPPED, titles.element_handles()) == []
    page.locator("label.md-header__button[for='__drawer']").click()
    menu = page.locator("nav.md-nav--primary > ul > li > .md-nav__link")
    expect(menu.first).to_be_visible()
    names = [t.strip() for t in menu.all_inner_texts()]
    assert "Школы Ассоциации" in names and "Поиск" not in names, names
    assert page.evaluate(CLIPPED, menu.element_handles()) == []


def test_more_tab_lists_the_other_sections(page: Page, site_server) -> None:
    """«Ещё» opens «Другие разделы», which leads to monitoring, topics, open data, the guide
    and the search page (no longer a tab)."""
    page.goto(site_server.url())
    page.locator("nav.md-tabs").get_by_role("link", name="Ещё", exact=True).click()
    expect(page).to_have_url(site_server.url("more/"))
    expect(page.locator("main h1")).to_have_text("Другие разделы")
    main = page.locator("main article")
    for href in ("monitoring/", "topics/", "data/", "guide/", "search/", "bank/polozhenie/"):
        expect(main.locator(f'a[href="../{href}"]')).to_have_count(1)


# ------------------------------------------------------------------------------ home page


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_home_page_leads_with_search_and_never_says_zero(page: Page, mobile_page: Page,
                                                         site_server, size: str) -> None:
    """Search comes first, then the newest recommended practices, the next events and the bank
    in numbers; no number and no topic count reads «0»."""
    tab = page if size == "desktop" else mobile_page
    tab.goto(site_server.url())
    search = tab.locator("main form.kb-home-search")
    expect(search).to_be_visible()
    if size == "phone":
        box = search.bounding_box()
        assert box and box["y"] + box["height"] <= tab.viewport_size["height"], box
    headings = [h.strip() for h in tab.locator("main h2").all_inner_texts()]
    assert headings[:3] == ["Рекомендовано к тиражированию", "Ближайшие события",
                            "Банк в цифрах"], headings
    recommended = [e for e in published("practices") if e.meta["status"] == RECOMMENDED]
    shown = tab.locator("main .kb-recommended a.kb-item__title").all_inner_texts()
    assert shown and set(shown) <= {e.title for e in recommended}, shown
    counts = tab.locator("main :is(.kb-figures strong, .kb-count)").all_inner_texts()
    assert counts and not [c for c in counts if re.match(r"^0(\D|$)", c.strip())], counts
    used = {t for e in published("practices") for t in e.meta["topics"]}
    topics = tab.locator("main ul.kb-terms--inline > li > a").all_inner_texts()
    assert set(topics) == used, set(topics) ^ used
    assert len(used) < len(registry("topics")), "a sample topic without practices is the case"


# ---------------------------------------------------------------------------------- cards


def test_static_cards_show_school_district_levels_and_evidence(page: Page, site_server) -> None:
    """A topic's list: every card gives the school, its district, the levels and the locks;
    a recommended practice says so, and cost shows where the passport gives it."""
    entry = next(e for e in published("practices") if e.meta["status"] == RECOMMENDED)
    topic = entry.meta["topics"][0]
    page.goto(site_server.url("topics/"))
    page.locator("main").get_by_role("link", name=topic, exact=True).click()
    card = card_of(entry, page.locator("main li.kb-item"))
    expect(card).to_have_count(1)
    expect_practice_facts(card, entry)
    expect(card.locator(".kb-item__badge")).to_have_text(RECOMMENDED)
    cost = entry.meta.get("passport", {}).get("resources", {}).get("cost")
    if cost:
        expect(card).to_contain_text(f"затраты: {cost}")
    expect(card).not_to_contain_text("практика ·")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_bank_results_show_the_card_facts_without_the_kind(page: Page, mobile_page: Page,
                                                           site_server, size: str) -> None:
    """In the bank (JavaScript on) a result says whose practice it is, where, for which levels
    and how proven; «практика» is not repeated on every card."""
    tab = page if size == "desktop" else mobile_page
    tab.goto(site_server.url("practices/"))
    wait_for_search(tab)
    results = tab.locator(f"{BROWSER} li.kb-result")
    for entry in published("practices")[:3]:
        card = card_of(entry, results)
        expect(card).to_have_count(1)
        expect_practice_facts(card, entry)
        expect(card).not_to_contain_text("практика ·")
        assert not card.locator(".kb-result__facts").inner_text().startswith("практика")


# ------------------------------------------------------------------------------ wide screen


@pytest.mark.parametrize("url", ["practices/", "search/", "topics/nastavnichestvo-i-tyutorstvo/"])
def test_listing_pages_use_the_width(page: Page, site_server, url: str) -> None:
    """At 1280 px a listing has no empty sidebar beside a narrow column."""
    page.goto(site_server.url(url))
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-sidebar--secondary")).to_be_hidden()
    width = page.locator("main article").evaluate("a => a.getBoundingClientRect().width")
    assert width > 1000, width


# ------------------------------------------------------------------------------ the phone


def test_first_result_of_a_filtered_search_is_on_the_first_screen(mobile_page: Page,
                                                                  site_server) -> None:
    """At 360×740 a bank address with a filter shows its first result without scrolling."""
    page = mobile_page
    topic = topics_by_size()[0]
    page.goto(site_server.url("practices/?topic=" + topic))
    assert wait_for_search(page) == len(having(practices(), "topic", [topic]))
    title = search_results(page).first.bounding_box()
    assert title and title["y"] + title["height"] <= 740, title
    assert page.evaluate("window.scrollY") == 0


def test_filters_open_as_a_drawer_with_a_show_button(mobile_page: Page, site_server) -> None:
    """«Фильтры» opens a drawer; ticking a value keeps «Показать N практик» in reach and in
    step; pressing it closes the drawer and brings the first result into view, focused."""
    page = mobile_page
    page.goto(site_server.url("practices/"))
    total = wait_for_search(page)
    toggle = open_filters(page)
    expect(show_button(page)).to_have_text(
        "Показать " + plural(total, "практику", "практики", "практик"))
    topic = topics_by_size()[0]
    tick(page, "topic", topic)
    chosen = len(having(practices(), "topic", [topic]))
    expect(show_button(page)).to_have_text(
        "Показать " + plural(chosen, "практику", "практики", "практик"))
    button = show_button(page).bounding_box()
    assert button and button["y"] + button["height"] <= 740, button
    show_button(page).click()
    expect(page.locator("dialog.kb-drawer")).to_have_count(0)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_text("Фильтры (выбрано: 1)")
    first = search_results(page).first
    expect(first).to_be_focused()
    box = first.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 740, box


def test_drawer_closes_with_escape_and_keeps_the_filters(mobile_page: Page, site_server) -> None:
    """Esc closes the drawer; the filters are back in the page and still work."""
    page = mobile_page
    page.goto(site_server.url("practices/"))
    wait_for_search(page)
    toggle = open_filters(page)
    page.keyboard.press("Escape")
    expect(page.locator("dialog.kb-drawer")).to_have_count(0)
    expect(toggle).to_be_focused()
    assert page.locator(f"{BROWSER} .kb-filters fieldset.kb-facet").count() > 0


def test_list_filter_opens_as_a_drawer_on_a_phone(mobile_page: Page, site_server) -> None:
    """The internship sites' filter (kb-filter.js) opens the same way, with «Показать N
    площадок» following the choice."""
    page = mobile_page
    page.goto(site_server.url("sites/"))
    form = page.locator("form.kb-list-filter")
    items = page.locator("#kb-sites [data-kb-item]")
    total = items.count()
    form.get_by_role("button", name="Фильтры").click()
    expect(drawer(page)).to_be_visible()
    expect(show_button(page)).to_have_text(
        "Показать " + plural(total, "площадку", "площадки", "площадок"))
    select = drawer(page).locator("select").first
    value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(value)
    shown = page.locator("#kb-sites [data-kb-item]:not([hidden])").count()
    expect(show_button(page)).to_have_text(
        "Показать " + plural(shown, "площадку", "площадки", "площадок"))
    show_button(page).click()
    expect(page.locator("dialog.kb-drawer")).to_have_count(0)
    expect(page.locator("#kb-sites [data-kb-item]:not([hidden])")).to_have_count(shown)


@pytest.mark.parametrize("url", ["practices/", "search/?q=наставничество"])
def test_axe_finds_nothing_with_the_drawer_open(mobile_page: Page, site_server,
                                                axe_script: Path, url: str) -> None:
    """axe-core (WCAG 2.1 AA) on the bank and the search page at 360 px, the drawer open."""
    page = mobile_page
    page.goto(site_server.url(url))
    wait_for_search(page)
    open_filters(page)
    page.wait_for_timeout(300)  # the backdrop's colour settles before contrast is measured
    violations = axe_violations(page, axe_script)
    assert not violations, describe(violations)

