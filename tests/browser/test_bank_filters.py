"""The bank's filters for replication (issue 13): recommended for replication and cost band.

Expected results and counts are computed from the sample content's front matter.
"""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import Page

from tests.browser.test_search import (
    open_bank,
    panel_counts,
    practices,
    shown_titles,
    tick,
    titles_of,
)
from tests.browser.test_site import Entry, result_titles, wait_for_search

pytestmark = pytest.mark.browser

RECOMMENDED = "рекомендовано к тиражированию"


def cost_of(entry: Entry) -> str | None:
    return ((entry.meta.get("passport") or {}).get("resources") or {}).get("cost")


def cost_counts(entries: list[Entry]) -> dict[str, int]:
    """What the «Затраты в год» group shows: every band used in the bank, counted in `entries`."""
    counts = Counter(cost_of(e) for e in entries if cost_of(e))
    return {band: counts.get(band, 0) for band in {cost_of(e) for e in practices()} - {None}}


def test_recommended_and_cost_narrow_the_bank_with_correct_counts(
        page: Page, site_server) -> None:
    recommended = [e for e in practices() if e.meta["status"] == RECOMMENDED]
    assert 0 < len(recommended) < len(practices()), "samples need recommended and other ones"
    open_bank(page, site_server)
    assert panel_counts(page, "recommended") == {RECOMMENDED: len(recommended)}
    assert panel_counts(page, "cost") == cost_counts(practices())

    tick(page, "recommended", RECOMMENDED)
    assert shown_titles(page) == titles_of(recommended)
    # Another group's counts follow the selection; the ticked group's own counts do not.
    assert panel_counts(page, "cost") == cost_counts(recommended)
    assert panel_counts(page, "recommended") == {RECOMMENDED: len(recommended)}

    band = sorted(c for c in {cost_of(e) for e in recommended} if c)[0]
    tick(page, "cost", band)
    both = [e for e in recommended if cost_of(e) == band]
    assert 0 < len(both) < len(recommended), "pick a band that narrows the recommended ones"
    assert shown_titles(page) == titles_of(both)
    with_band = [e for e in practices() if cost_of(e) == band]
    assert panel_counts(page, "recommended") == {RECOMMENDED: len(both)}
    assert len(with_band) > len(both), "the band alone should hold more practices"


def test_bank_sorts_by_evidence_strength_and_adoptions(page: Page, site_server) -> None:
    """The two practice-only sorts are offered in the bank and order by the adoptions count."""
    open_bank(page, site_server, "?sort=adoptions-desc")
    titles = result_titles(page)
    adoptions = {e.title: len(e.meta.get("adoptions") or []) for e in practices()}
    assert [adoptions[t] for t in titles] == sorted(adoptions.values(), reverse=True), titles
    options = page.locator("#kb-browser select.kb-browser__sort option").all_inner_texts()
    assert "По силе доказательств" in options
    page.goto(site_server.url("search/?sort=adoptions-desc"))
    wait_for_search(page)
    options = page.locator("select.kb-browser__sort option").all_inner_texts()
    assert "По силе доказательств" not in options
