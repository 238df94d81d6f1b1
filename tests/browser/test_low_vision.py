"""The low-vision version as a visitor uses it: the header button, the panel, every setting,
remembered from page to page, search and filters in that mode, and «Обычная версия».

Expected colours are the ones the stylesheet declares; sizes are measured against the same
page in the normal look, so the tests follow the design rather than copy pixel values.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from tests.browser.test_search import checkbox, having, practices
from tests.browser.test_site import (
    BROWSER,
    goto_tab,
    published,
    result_titles,
    wait_for_search,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PANEL = "#kb-lv-panel"
SCHEME_COLOURS = {  # text, ground: ГОСТ Р 52872-2019 schemes as kb-low-vision.css draws them
    "Чёрный на белом": ("rgb(0, 0, 0)", "rgb(255, 255, 255)"),
    "Белый на чёрном": ("rgb(255, 255, 255)", "rgb(0, 0, 0)"),
    "Тёмно-синий на голубом": ("rgb(6, 52, 98)", "rgb(157, 209, 255)"),
    "Коричневый на бежевом": ("rgb(77, 75, 67)", "rgb(247, 243, 214)"),
    "Зелёный на тёмно-коричневом": ("rgb(169, 228, 77)", "rgb(59, 39, 22)"),
}
IMAGE = "main .md-content img[alt]"
"""The practice about recreation zones shows a schematic plan with a text alternative."""


def picture_practice() -> str:
    found = [e for e in published("practices") if "![" in e.body]
    assert found, "sample content should hold a practice with an image"
    return found[0].url


def first_indicator() -> str:
    indicators = yaml.safe_load((ROOT / "content/_data/indicators.yml").read_text("utf-8"))
    return str(indicators[0]["id"])


def toggle(page: Page) -> Locator:
    return page.get_by_role("button", name="Версия для слабовидящих")


def open_panel(page: Page) -> Locator:
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-expanded", "true")
    panel = page.locator(PANEL)
    expect(panel).to_be_visible()
    return panel


def group(page: Page, legend: str) -> Locator:
    return page.locator(PANEL).get_by_role("group", name=legend)


def choose(page: Page, legend: str, name: str | re.Pattern[str]) -> None:
    radio = group(page, legend).get_by_role("radio", name=name)
    radio.check()
    expect(radio).to_be_checked()


def style(locator: Locator, prop: str) -> str:
    return locator.evaluate("(e, p) => getComputedStyle(e).getPropertyValue(p)", prop)


def px(value: str) -> float:
    return float(value.removesuffix("px"))


def text_size(page: Page) -> float:
    return px(style(page.locator("main .md-typeset").first, "font-size"))


def colours(page: Page) -> tuple[str, str]:
    body = page.locator("body")
    return style(page.locator("main h1").first, "color"), style(body, "background-color")


def expect_colours(page: Page, fg: str, bg: str) -> None:
    """Text and ground colours, waited for: the theme eases colour changes in."""
    expect(page.locator("main h1").first).to_have_css("color", fg)
    expect(page.locator("body")).to_have_css("background-color", bg)


def test_button_on_every_kind_of_page(page: Page, site_server) -> None:
    """A visible, labelled button in the header of every page, collapsed at first."""
    for url in ("", "practices/", picture_practice(), "digests/", "monitoring/", "search/"):
        page.goto(site_server.url(url))
        button = toggle(page)
        expect(button).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(page.locator("header.md-header .kb-lv-toggle")).to_have_count(1)
        expect(page.locator(PANEL)).to_be_hidden()


def test_large_white_on_black_follows_to_the_next_page_and_resets(page: Page,
                                                                  site_server) -> None:
    """A++ and «Белый на чёрном» on one page hold on the next; «Обычная версия» undoes all."""
    page.goto(site_server.url(picture_practice()))
    normal_size, normal_colours = text_size(page), colours(page)
    panel = open_panel(page)
    expect(panel.get_by_role("group")).to_have_count(5)
    choose(page, "Размер шрифта", re.compile(r"^A\+\+"))
    choose(page, "Цвета", "Белый на чёрном")
    assert text_size(page) == pytest.approx(2 * normal_size)
    assert SCHEME_COLOURS["Белый на чёрном"] != normal_colours
    expect_colours(page, *SCHEME_COLOURS["Белый на чёрном"])

    goto_tab(page, "Рекомендации")
    expect(page).to_have_url(site_server.url("recommendations/"))
    assert text_size(page) == pytest.approx(2 * normal_size)
    expect_colours(page, *SCHEME_COLOURS["Белый на чёрном"])
    # The settings follow; the panel does not: it opens only when asked.
    expect(toggle(page)).to_have_attribute("aria-expanded", "false")
    expect(page.locator(PANEL)).to_be_hidden()
    open_panel(page)
    expect(group(page, "Цвета").get_by_role("radio", name="Белый на чёрном")).to_be_checked()

    page.locator(PANEL).get_by_role("button", name="Обычная версия").click()
    expect(page.locator(PANEL)).to_be_hidden()
    expect(toggle(page)).to_be_focused()
    assert page.evaluate("localStorage.getItem('kb-low-vision')") is None
    page.goto(site_server.url(picture_practice()))
    assert text_size(page) == pytest.approx(normal_size)
    expect_colours(page, *normal_colours)


@pytest.mark.parametrize("scheme", list(SCHEME_COLOURS))
def test_each_colour_scheme(page: Page, site_server, scheme: str) -> None:
    """Each scheme colours the text, the ground, the header and the links."""
    page.goto(site_server.url(picture_practice()))
    open_panel(page)
    choose(page, "Цвета", scheme)
    fg, bg = SCHEME_COLOURS[scheme]
    expect_colours(page, fg, bg)
    link = page.locator("main .kb-facts a").first
    expect(link).to_have_css("color", fg)
    expect(link).to_have_css("text-decoration-line", "underline")
    # The header turns round: text colour as its ground, so it stands out from the page.
    expect(page.locator("header.md-header")).to_have_css("background-color", fg)
    expect(page.locator("header.md-header")).to_have_css("color", bg)


def test_search_and_filters_keep_working_in_low_vision_mode(page: Page, site_server) -> None:
    """With A++ in blue the bank still searches and filters (the panel folds behind «Фильтры»)."""
    page.goto(site_server.url("practices/"))
    open_panel(page)
    choose(page, "Размер шрифта", re.compile(r"^A\+\+"))
    choose(page, "Цвета", "Тёмно-синий на голубом")
    assert wait_for_search(page) == len(practices())
    target = next(e for e in practices() if "наставничеств" in e.title.lower())
    topic = target.meta["topics"][0]
    filters = page.locator(BROWSER).get_by_role("button", name=re.compile(r"^Фильтры"))
    filters.click()
    checkbox(page, "topic", topic).check()
    with_topic = having(practices(), "topic", [topic])
    assert wait_for_search(page) == len(with_topic)
    expect(page).to_have_url(re.compile(r"[?&]topic="))
    # Big text narrows the bank: the filters opened as a drawer, closed by «Показать N практик».
    drawer = page.locator("dialog.kb-drawer[open]")
    if drawer.count():
        drawer.locator(".kb-drawer__show").click()
        expect(drawer).to_have_count(0)
    page.locator(BROWSER).get_by_label("Что ищем").fill("наставничество")
    wait_for_search(page, "наставничество")
    titles = result_titles(page)
    assert target.title in titles
    assert set(titles) <= {e.title for e in with_topic}, titles
    expect_colours(page, *SCHEME_COLOURS["Тёмно-синий на голубом"])


def test_images_off_show_their_description_and_greyscale(page: Page, site_server) -> None:
    """«Отключить» hides pictures and shows their text; «Чёрно-белые» turns them grey."""
    page.goto(site_server.url(picture_practice()))
    image = page.locator(IMAGE)
    expect(image).to_be_visible()
    alt = image.get_attribute("alt")
    assert alt
    open_panel(page)
    choose(page, "Изображения", re.compile(r"^Отключить"))
    expect(image).to_be_hidden()
    expect(page.locator("main").get_by_text(f"Изображение: {alt}", exact=True)).to_be_visible()
    choose(page, "Изображения", "Чёрно-белые")
    expect(image).to_be_visible()
    assert style(image, "filter") == "grayscale(1)"
    expect(page.locator("main").get_by_text(f"Изображение: {alt}")).to_be_hidden()

    # The settings follow to a monitoring page and its chart: an image (role="img") whose
    # words are HTML around an SVG plot. The panel starts closed there.
    page.goto(site_server.url(f"monitoring/{first_indicator()}/"))
    chart = page.locator("main .kb-chart[role=img]")
    assert style(chart.locator("svg").first, "filter") == "grayscale(1)"
    expect(page.locator(PANEL)).to_be_hidden()
    open_panel(page)
    choose(page, "Изображения", re.compile(r"^Отключить"))
    expect(chart).to_be_hidden()
    name = chart.get_attribute("aria-label")
    assert name
    expect(page.locator("main").get_by_text(f"Изображение: {name}")).to_be_visible()


def test_letter_and_line_spacing(page: Page, site_server) -> None:
    page.goto(site_server.url(picture_practice()))
    paragraph = page.locator("main .md-typeset p").nth(2)
    assert style(paragraph, "letter-spacing") == "normal"
    normal_line = px(style(paragraph, "line-height"))
    open_panel(page)
    choose(page, "Расстояние между буквами", "Большое")
    size = px(style(paragraph, "font-size"))
    assert px(style(paragraph, "letter-spacing")) == pytest.approx(0.2 * size, abs=0.05)
    choose(page, "Расстояние между строками", "Большое")
    assert px(style(paragraph, "line-height")) == pytest.approx(2.5 * size, abs=0.5)
    assert px(style(paragraph, "line-height")) > normal_line


def test_keyboard_only(page: Page, site_server) -> None:
    """Tab to the button, Enter opens, arrows change the font step, Escape closes."""
    page.goto(site_server.url("digests/"))
    normal = text_size(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('kb-lv-toggle')"):
            break
    expect(toggle(page)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(PANEL)).to_be_visible()
    page.keyboard.press("Tab")  # into the first group: the checked «A»
    expect(group(page, "Размер шрифта").get_by_role("radio", name=re.compile(r"^A —"))
           ).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(group(page, "Размер шрифта").get_by_role("radio", name=re.compile(r"^A\+ —"))
           ).to_be_checked()
    assert text_size(page) == pytest.approx(1.5 * normal)
    page.keyboard.press("Escape")
    expect(page.locator(PANEL)).to_be_hidden()
    expect(toggle(page)).to_be_focused()
    expect(toggle(page)).to_have_attribute("aria-expanded", "false")
    assert text_size(page) == pytest.approx(1.5 * normal)


def test_panel_opens_only_when_asked(page: Page, site_server) -> None:
    """Open on one page, closed on the next (also after an older visit stored it as open),
    while a setting chosen in it stays applied; changing a setting keeps the panel open."""
    page.goto(site_server.url("practices/"))
    open_panel(page)
    choose(page, "Цвета", "Белый на чёрном")
    expect(page.locator(PANEL)).to_be_visible()
    stored = page.evaluate("JSON.parse(localStorage.getItem('kb-low-vision'))")
    assert stored == {"scheme": "wb"}
    page.goto(site_server.url("digests/"))
    expect(page.locator("html")).to_have_attribute("data-kb-lv-scheme", "wb")
    expect(page.locator(PANEL)).to_be_hidden()
    expect(toggle(page)).to_have_attribute("aria-expanded", "false")
    page.evaluate("localStorage.setItem('kb-low-vision', "
                  "JSON.stringify({scheme: 'wb', panel: 'open'}))")
    page.goto(site_server.url("recommendations/"))
    expect(page.locator(PANEL)).to_be_hidden()
    expect(page.locator("html")).to_have_attribute("data-kb-lv-scheme", "wb")
    expect(page.locator("html")).not_to_have_attribute("data-kb-lv-panel", "open")


def test_settings_apply_before_the_page_is_drawn(page: Page, site_server) -> None:
    """The stored scheme is on <html> at the first frame: no flash of the normal colours."""
    page.goto(site_server.url())
    page.evaluate("localStorage.setItem('kb-low-vision', JSON.stringify({scheme: 'wb'}))")
    # The first animation frame runs just before the first paint.
    page.add_init_script("""
      requestAnimationFrame(() => {
        window.kbSchemeAtFirstFrame = document.documentElement.getAttribute('data-kb-lv-scheme');
      });
    """)
    page.goto(site_server.url("practices/"))
    page.wait_for_function("'kbSchemeAtFirstFrame' in window")
    assert page.evaluate("window.kbSchemeAtFirstFrame") == "wb"
    # And structurally: a plain (blocking) script in <head>, run before <body> is parsed.
    head = page.locator("head script[src$='assets/kb-low-vision.js']")
    expect(head).to_have_count(1)
    assert head.evaluate("s => !s.async && !s.defer && s.type === ''")


def test_works_under_a_sub_path(page: Page, sub_path_server) -> None:
    """Under /bank/ the script loads relatively and the setting follows to the next page."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(sub_path_server.url(picture_practice()))
    open_panel(page)
    choose(page, "Цвета", "Чёрный на белом")
    goto_tab(page, "Главная")
    expect(page).to_have_url(sub_path_server.url())
    expect(page.locator("html")).to_have_attribute("data-kb-lv-scheme", "bw")
    assert not failed, failed


def test_the_404_page_has_the_control_and_the_search_form(page: Page, sub_path_server) -> None:
    """404.html is served for any missing address, so its links start at the site's path."""
    page.goto(sub_path_server.url("404.html"))
    open_panel(page).get_by_role("radio", name="Белый на чёрном").check()
    expect(page.locator("html")).to_have_attribute("data-kb-lv-scheme", "wb")
    form = page.locator("header form[role=search]")
    form.locator("input").fill("наставничество")
    form.locator("input").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(sub_path_server.url("search/")) + r"\?q="))
    # The setting chosen on the 404 page is remembered on the next one.
    expect(page.locator("html")).to_have_attribute("data-kb-lv-scheme", "wb")
