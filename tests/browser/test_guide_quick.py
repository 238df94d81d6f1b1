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


def test_the_reference_is_searchable_within_the_page(page: Page, site_server) -> None:
    """«Найти в справочнике» leaves the field rows and messages that contain every word."""
    page.goto(site_server.url("guide/"))
    form = page.locator("form.kb-guide-find")
    expect(form).to_be_visible()
    rows = page.locator("table.kb-guide-fields tbody tr")
    messages = page.locator("section.kb-guide-error")
    everything = rows.locator("visible=true").count() + messages.locator("visible=true").count()
    form.get_by_label("Найти в справочнике: поле, значение или код сообщения").fill(
        "DuplicateTitle")
    expect(messages.locator("visible=true")).to_have_count(1)
    expect(page.locator("#DuplicateTitle")).to_be_visible()
    expect(form.locator("[data-kb-guide-status]")).to_have_text(
        "Найдено строк и сообщений: 1.")
    # Two words, in another case and with ё written as е: a row of the practice's fields.
    form.get_by_label("Найти в справочнике: поле, значение или код сообщения").fill(
        "SCHOOL идентификатор")
    expect(form.locator("[data-kb-guide-status]")).not_to_have_text(
        "Найдено строк и сообщений: 1.")
    shown = rows.locator("visible=true")
    assert 0 < shown.count() < everything
    for text in shown.all_inner_texts():
        assert "school" in text.lower() and "идентификатор" in text.lower(), text
    form.get_by_label("Найти в справочнике: поле, значение или код сообщения").fill("жзщъ")
    expect(form.locator("[data-kb-guide-status]")).to_have_text("Ничего не найдено.")
    form.get_by_label("Найти в справочнике: поле, значение или код сообщения").fill("")
    expect(messages.locator("visible=true")).to_have_count(messages.count())
