"""Internship sites, networks and the calendar's format filter, as a reader uses them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_calendar_filters_events_by_format(page: Page, site_server) -> None:
    page.goto(site_server.url("events/"))
    events = page.locator("main li.kb-event")
    total = events.count()
    assert total > 3
    form = page.locator("form.kb-list-filter")
    expect(form).to_be_visible()  # shown by the script; hidden without it
    form.get_by_label("Формат").select_option(label="стажировка")
    visible = page.locator("main li.kb-event:visible")
    expect(visible).to_have_count(2)
    for title in visible.locator(".kb-event__format").all_inner_texts():
        assert title == "стажировка"
    expect(page.locator("[data-kb-filter-status]")).to_have_text(f"Показано 2 из {total} записей")
    assert "format=stazhirovka" in page.url
    # a copied link opens the same view
    page.goto(page.url)
    expect(page.locator("main li.kb-event:visible")).to_have_count(2)
    page.locator("form.kb-list-filter").get_by_label("Формат").select_option(label="все")
    expect(page.locator("main li.kb-event:visible")).to_have_count(total)


def test_sites_page_filters_by_level(page: Page, site_server) -> None:
    page.goto(site_server.url("sites/"))
    expect(page.locator("main h1")).to_have_text("Стажировочные площадки")
    page.get_by_label("Уровень").select_option(label="региональная")
    cards = page.locator("main li.kb-site:visible")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Школа «Маяк»")
    expect(page.locator("#prezhnie-sroki ~ ul[data-kb-group]")).to_be_hidden()


def test_from_a_school_page_a_reader_reaches_its_site_and_partners(page: Page,
                                                                   site_server) -> None:
    page.goto(site_server.url("schools/shlisselburg-ladoga/"))
    page.get_by_role("link", name="муниципальная площадка").click()
    expect(page).to_have_url(site_server.url("sites/#ploshchadka-ladoga-partnerstvo-s-shkolami"))
    expect(page.locator("#ploshchadka-ladoga-partnerstvo-s-shkolami")).to_contain_text(
        "Партнёрство с сельской школой")
    page.goto(site_server.url("schools/shlisselburg-ladoga/"))
    page.get_by_role("link", name="Пара «Ладога» — «Созидание»").click()
    expect(page).to_have_url(site_server.url("networks/#set-ladoga-sozidanie"))
    pair = page.locator("#set-ladoga-sozidanie")
    expect(pair.locator("table.kb-monitoring thead th")).to_have_count(3)
    pair.get_by_role("link", name="Горбунковская школа").first.click()
    expect(page).to_have_url(site_server.url("schools/gorbunki-sozidanie/"))
    expect(page.locator("main")).to_contain_text("Пара «Ладога» — «Созидание»")
