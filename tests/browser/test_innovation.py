"""Innovation projects in the browser, built on the fixed date of the sample (2026-11-23).

The states are those the sample's dates give on that day: the first project's diagnostic stage
ended in June 2026 with no results recorded, so it is overdue.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_search import panel_counts, shown_titles, tick
from tests.browser.test_site import BROWSER, goto_tab, published, wait_for_search

pytestmark = pytest.mark.browser

OVERDUE_PROJECT = "vzaimnye-stazhirovki-upravlencheskih-komand-vsevolozhskogo-rayona"


def test_the_project_timeline_shows_the_states_of_the_build_date(page: Page,
                                                                 site_server) -> None:
    page.goto(site_server.url(f"innovation/{OVERDUE_PROJECT}/"))
    timeline = page.locator("main ol.kb-timeline")
    expect(timeline).to_be_visible()
    stages = timeline.locator("> li")
    expect(stages).to_have_count(4)
    expected = [("done", "выполнено", "Подготовительный"),
                ("overdue", "просрочено", "Диагностический"),
                ("current", "идёт", "Внедренческий"),
                ("upcoming", "предстоит", "Аналитический")]
    for stage, (state, label, title) in zip(stages.all(), expected, strict=True):
        expect(stage).to_have_attribute("data-state", state)
        expect(stage.locator(".kb-state")).to_have_text(label)  # in words, not colour only
        expect(stage.locator("h3")).to_contain_text(title)
    expect(stages.nth(1)).to_contain_text("Результаты пока не записаны.")
    expect(page.locator("main")).to_contain_text("Состояние этапов на 23 ноября 2026 г.")
    expect(page.locator("main .kb-phase")).to_have_text("реализуется (на 23 ноября 2026 г.)")


def test_the_listing_filters_projects_by_district_phase_and_site(page: Page,
                                                                 site_server) -> None:
    projects = published("innovation")
    assert len(projects) == 2
    page.goto(site_server.url())
    goto_tab(page, "Инновационные проекты")
    expect(page).to_have_url(site_server.url("innovation/"))
    assert wait_for_search(page) == 2
    assert panel_counts(page, "district") == {"Всеволожский район": 1, "Гатчинский округ": 1}
    assert panel_counts(page, "phase") == {"реализуется": 2}
    assert panel_counts(page, "site") == {"региональная инновационная площадка": 1,
                                          "муниципальная инновационная площадка": 1}
    tick(page, "district", "Гатчинский округ")
    language = next(p for p in projects if p.meta["schools"][0] == "gatchina-mayak")
    assert shown_titles(page) == [language.title]
    expect(page.locator(BROWSER)).to_be_visible()


def test_the_timeline_page_leads_to_the_overdue_stage(page: Page, site_server) -> None:
    page.goto(site_server.url("timeline/"))
    overdue = page.locator("main ul.kb-steps").first
    step = overdue.locator("li", has_text="Диагностический")
    expect(step).to_have_attribute("data-state", "overdue")
    expect(step.locator(".kb-state")).to_have_text("просрочено")
    step.get_by_role("link", name="Диагностический").click()
    expect(page).to_have_url(site_server.url(f"innovation/{OVERDUE_PROJECT}/#etap-proekta-2"))
    expect(page.locator("#etap-proekta-2")).to_be_in_viewport()
    # The recommendation's plan marks its rows on the same date.
    page.goto(site_server.url("recommendations/vzaimnye-stazhirovki-upravlencheskih-komand/"))
    rows = page.locator("main table.kb-plan tbody tr")
    expect(rows.nth(0)).to_have_attribute("data-state", "done")
    expect(rows.nth(1)).to_have_attribute("data-state", "overdue")
    expect(rows.nth(2)).to_have_attribute("data-state", "current")
