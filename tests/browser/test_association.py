"""The Association as a reader walks it: from a school to its projects, a project's page with
its participants, and «Об Ассоциации» built from the registries."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_site import goto_tab, registry

pytestmark = pytest.mark.browser


def project(project_id: str) -> dict:
    return next(p for p in registry("projects") if p["id"] == project_id)


def short_name(school_id: str) -> str:
    return next(s["short_name"] for s in registry("schools") if s["id"] == school_id)


def test_from_a_school_page_a_reader_reaches_its_projects(page: Page, site_server) -> None:
    page.goto(site_server.url("schools/murino-ekvator/"))
    section = page.locator("main h2#proekty-shkoly + ul")
    expect(section.locator("a.kb-item__title")).to_have_text(
        ["Формула новой школы", "Школа, дружественная детям"])
    expect(section.locator(".kb-item__meta").first).to_have_text("в проекте с 2023 г.")
    section.get_by_role("link", name="Формула новой школы").click()
    expect(page).to_have_url(site_server.url("projects/formula-novoy-shkoly/"))
    expect(page.locator("main h1")).to_have_text("Проекты Ассоциации: Формула новой школы")


def test_a_project_page_shows_its_department_participants_and_products(
    page: Page, site_server
) -> None:
    data = project("formula-novoy-shkoly")
    page.goto(site_server.url("projects/formula-novoy-shkoly/"))
    facts = page.locator("main dl.kb-facts")
    expect(facts).to_contain_text("кафедра управления и экономики образования")
    expect(facts).to_contain_text(f"{len(data['participants'])} школ")
    products = page.locator("main h2#produkty-proekta + ul > li")
    expect(products).to_have_text(data["products"])
    participants = page.locator("main h2#uchastniki-proekta + ul a.kb-item__title")
    joined = sorted(data["participants"], key=lambda p: p["since"])
    expect(participants).to_have_text([short_name(p["school"]) for p in joined])
    # The recommendations written for the project are on its page too.
    expect(page.locator("main h2#rekomendatsii + ul")).to_contain_text(
        "взаимных стажировок управленческих команд")
    participants.first.click()
    expect(page).to_have_url(site_server.url(f"schools/{joined[0]['school']}/"))


def test_preschool_members_have_their_own_group(page: Page, site_server) -> None:
    page.goto(site_server.url("schools/"))
    group = page.locator("main h2#doshkolnoe-otdelenie + ul a.kb-item__title")
    expect(group).to_have_text(["Горбунковская школа — дошкольное отделение",
                                "Детский сад «Солнечный круг»"])
    group.last.click()
    expect(page.locator("main dl.kb-facts")).to_contain_text("детский сад")


def test_about_page_counts_members_by_year_and_lists_projects_and_services(
    page: Page, site_server
) -> None:
    page.goto(site_server.url())
    goto_tab(page, "Об Ассоциации")
    expect(page).to_have_url(site_server.url("about/"))
    schools = registry("schools")
    last = page.locator("main h2#uchastniki-po-godam + div tbody tr").last
    expect(last.locator("td").last).to_have_text(str(len(schools)))
    expect(last.locator("th")).to_have_text(str(max(s["member_since"] for s in schools)))
    projects = page.locator("main h2#proekty + ul a.kb-item__title")
    expect(projects).to_have_text([p["name"] for p in registry("projects")])
    services = registry("services")
    expect(page.locator("main h3")).to_have_text([s["name"] for s in services])
    # Schools write to a department, never to a person.
    mail = page.locator("main a[href^='mailto:']")
    expect(mail).to_have_count(len(services))
    for address in mail.all_inner_texts():
        assert re.fullmatch(r"[a-z]+@institute\.example", address), address
