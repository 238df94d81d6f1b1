"""Monitoring pages as a methodologist uses them: overview → indicator → chart, table, download."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.browser.test_site import goto_tab

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WAIT = 10_000


def indicators() -> list[dict]:
    return yaml.safe_load((ROOT / "content/_data/indicators.yml").read_text("utf-8"))


def test_overview_leads_to_an_indicator_with_chart_table_and_downloads(
    page: Page, site_server  # type: ignore[no-untyped-def]
) -> None:
    page.goto(site_server.url(""))
    goto_tab(page, "Мониторинг")
    expect(page.locator("h1")).to_have_text("Мониторинг развития школ", timeout=WAIT)
    first = indicators()[0]
    page.get_by_role("link", name=first["name"], exact=True).first.click()
    expect(page.locator("h1")).to_have_text(first["name"], timeout=WAIT)
    chart = page.get_by_role("img", name=f"{first['name']} по районам и периодам")
    expect(chart).to_be_visible()
    expect(page.locator("figcaption")).to_contain_text("Все районы:")
    table = page.locator("table.kb-monitoring")
    expect(table.locator("tbody th").first).to_have_text("Все районы")
    link = page.get_by_role("link", name="CSV", exact=True)
    with urllib.request.urlopen(link.evaluate("a => a.href")) as response:  # noqa: S310
        body = response.read().decode("utf-8-sig")
    assert body.splitlines()[0].startswith("Район;")


def test_candidates_state_the_rule_and_link_schools(
    page: Page, site_server  # type: ignore[no-untyped-def]
) -> None:
    page.goto(site_server.url("monitoring/candidates/"))
    expect(page.locator("#pravilo")).to_have_text("Правило отбора")
    expect(page.locator(".kb-lead")).to_contain_text("Школа становится кандидатом")
    new = page.locator("table.kb-monitoring", has=page.locator(
        "caption", has_text="Новые кандидаты"))
    first_school = new.locator("tbody th a").first
    name = first_school.inner_text()
    first_school.click()
    expect(page.locator("h1")).to_have_text(name, timeout=WAIT)
    expect(page.locator("#monitoring")).to_be_visible()


def test_monitoring_page_fits_a_phone(mobile_page: Page, site_server) -> None:  # type: ignore[no-untyped-def]
    mobile_page.goto(site_server.url(f"monitoring/{indicators()[0]['id']}/"))
    expect(mobile_page.locator("figure .kb-chart")).to_be_visible()
    width = mobile_page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1] + 1, width
