"""The editors' guide opens with «Как предложить практику за 5 шагов» on one screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (360, 740)])
def test_five_steps_are_the_first_screen(page: Page, site_server, width: int,
                                         height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_server.url("guide/"))
    quick = page.locator("#za-5-shagov")
    expect(quick.get_by_role("heading", name="Как предложить практику за 5 шагов")).to_be_visible()
    expect(quick.locator("ol > li")).to_have_count(5)
    box = quick.bounding_box()
    assert box is not None
    # On a desktop the five steps fit the first screen; on a phone, within two.
    screens = 1 if width >= 1280 else 2
    assert box["y"] + box["height"] <= screens * height, box
    # The reference comes below: the field tables and the schools' table with names.
    schools = page.locator("#identifikatory-shkol")
    assert schools.bounding_box()["y"] > box["y"] + box["height"]  # type: ignore[index]
    page.locator("#za-5-shagov").get_by_role("link", name="таблицы школ").click()
    expect(page).to_have_url(site_server.url("guide/") + "#identifikatory-shkol")
