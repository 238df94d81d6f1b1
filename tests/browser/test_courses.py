"""Courses and the conference as a reader uses them: from a digest item to the course and back,
the courses list filtered by its selects, from a digest item to a conference edition."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_site import goto_tab

pytestmark = pytest.mark.browser

COURSE_TITLE = ("Управление развитием образовательной организации в условиях открытия и "
                "реновации")
ONLINE_TITLE = "Управленческая компетентность руководителя: развитие мягких навыков"
ON_REQUEST_TITLE = "Управление образовательной организацией в условиях образовательного комплекса"


def errors_of(page: Page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found.append(str(e)))
    return found


def test_reader_goes_from_a_digest_item_to_the_course_and_back(page: Page, site_server) -> None:
    errors = errors_of(page)
    page.goto(site_server.url("digests/2026-11/"))
    item = page.locator("article.kb-digest-item", has_text="Открыта запись во второй поток")
    item.get_by_role("link", name=COURSE_TITLE).click()
    expect(page).to_have_url(site_server.url(
        "courses/upravlenie-razvitiem-obrazovatelnoy-organizatsii/"))
    expect(page.locator("main h1").first).to_have_text(COURSE_TITLE)
    expect(page.locator("main .kb-course-state")).to_have_text("начало 2 февраля 2027 г.")
    expect(page.get_by_role("link", name="Записаться на курс")).to_be_visible()
    mentions = page.locator("main section.kb-mentions")
    mentions.get_by_role("link", name=re.compile("Открыта запись во второй поток")).click()
    expect(page).to_have_url(re.compile(r"/digests/2026-11/#item-[0-9a-f]{20}$"))
    anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"article#{anchor}")).to_contain_text("Открыта запись во второй поток")
    expect(page.locator(f"article#{anchor}")).to_be_in_viewport()
    assert not errors, errors


def test_reader_goes_from_a_digest_item_to_the_conference_edition(page: Page,
                                                                  site_server) -> None:
    page.goto(site_server.url("digests/2026-10/"))
    item = page.locator("article.kb-digest-item", has_text="Открыта регистрация на конференцию")
    item.locator(".kb-digest-item__links a").click()
    expect(page).to_have_url(site_server.url("conference/2026/"))
    expect(page.locator("main h1").first).to_have_text(
        "Конференция «Школа, устремлённая в будущее» — 2026")
    expect(page.locator("main .kb-list--sections > li")).to_have_count(4)
    goto_tab(page, "Конференция")
    expect(page.locator("main .kb-list--editions a.kb-item__title")).to_have_text(
        ["2026: Новая школа как центр территории",
         "2025: Первые три года новой школы — что показывают данные"])


def visible_titles(page: Page) -> list[str]:
    return page.locator("#kb-course-list > li:visible a.kb-item__title").all_inner_texts()


def test_courses_list_filters_by_its_selects_and_keeps_them_in_the_address(
    page: Page, site_server
) -> None:
    errors = errors_of(page)
    page.goto(site_server.url())
    goto_tab(page, "Курсы")
    expect(page).to_have_url(site_server.url("courses/"))
    form = page.locator("form.kb-list-filter")
    expect(form).to_be_visible()
    assert visible_titles(page) == [ON_REQUEST_TITLE, COURSE_TITLE, ONLINE_TITLE]

    form.get_by_label("Формат").select_option(label="дистанционно")
    expect(page.locator("#kb-course-list > li:visible")).to_have_count(1)
    assert visible_titles(page) == [ONLINE_TITLE]
    expect(form.locator("[data-kb-filter-status]")).to_have_text("Показано 1 из 3 записей")
    expect(page).to_have_url(site_server.url("courses/?format=distantsionno"))

    form.get_by_label("Сроки").select_option(label="идут и предстоящие")
    expect(page.locator("#kb-course-list > li:visible")).to_have_count(0)
    expect(page.locator("[data-kb-filter-empty]")).to_be_visible()

    # A copied address opens the same choice.
    page.goto(site_server.url("courses/?when=upcoming&department=kafedra-upravleniya"))
    expect(page.locator("#kb-course-list > li:visible")).to_have_count(1)
    assert visible_titles(page) == [COURSE_TITLE]
    expect(form.get_by_label("Кафедра")).to_have_value("kafedra-upravleniya")
    form.get_by_label("Кафедра").select_option(value="")
    form.get_by_label("Сроки").select_option(label="по заявке")
    assert visible_titles(page) == [ON_REQUEST_TITLE]
    form.get_by_label("Сроки").select_option(label="все")
    form.get_by_label("Для кого").select_option(label="педагоги")
    assert visible_titles(page) == [ONLINE_TITLE]
    assert not errors, errors


def test_courses_list_without_javascript_shows_every_course(browser, site_server) -> None:
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    try:
        page = context.new_page()
        page.goto(site_server.url("courses/"))
        expect(page.locator("form.kb-list-filter")).to_be_hidden()
        expect(page.locator("#kb-course-list > li")).to_have_count(3)
        expect(page.locator("[data-kb-filter-empty]")).to_be_hidden()
    finally:
        context.close()
