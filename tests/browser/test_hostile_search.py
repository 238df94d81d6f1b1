"""A search result whose title, summary and school carry an HTML payload shows it as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import QuietHandler, SiteServer, serving
from tests.browser.test_site import BROWSER, search_results, wait_for_search
from tests.pages.test_xss import PAYLOAD, hostile_site  # noqa: F401  (module-scoped build)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Iterator[SiteServer]:  # noqa: F811
    yield from serving(hostile_site, QuietHandler, "")


def test_search_results_show_the_payload_as_text(page: Page, hostile_server: SiteServer) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server.url("search/?q=Зловредный"))
    wait_for_search(page, "Зловредный")
    titles = search_results(page).all_inner_texts()
    assert any(PAYLOAD in title for title in titles), titles
    browser = page.locator(BROWSER)
    assert PAYLOAD.split(" ", 1)[1] in browser.inner_text()
    assert browser.locator("img[src='x'], script:not(.kb-facets)").count() == 0
    assert dialogs == []
