"""`kb serve` shows a broken file's errors where the editor looks: at the page's address."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import copy_sample, fetch, kb_serve

pytestmark = pytest.mark.browser

PRACTICE = "roditelskiy-universitet"
DRAFT = "tsifrovoy-kabinet-klassnogo-rukovoditelya"


def test_a_broken_practice_shows_its_located_errors_and_comes_back(page: Page,
                                                                   tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    source = project / "content/practices" / f"{PRACTICE}.md"
    good = source.read_text(encoding="utf-8")
    with kb_serve(project) as served:
        address = f"{served.base}practices/{PRACTICE}/"
        deadline = time.monotonic() + 180
        fetch(address, deadline)
        page.goto(address)
        expect(page.locator("h1").first).to_contain_text("Родительский университет")

        school = next(n for n, line in enumerate(good.splitlines(), 1)
                      if line.startswith("school:"))
        source.write_text(re.sub(r"(?m)^school: .*$", "school: kudrovo-gorizon", good, count=1),
                          encoding="utf-8")
        errors = page.locator(".kb-file-error")
        _reload_until(page, address, lambda: errors.count() > 0, deadline)
        expect(page.locator("h1").first).to_have_text(
            f"Ошибки в файле content/practices/{PRACTICE}.md")
        expect(errors.first.locator(".kb-file-error__place")).to_have_text(
            f"content/practices/{PRACTICE}.md:{school}:9")
        expect(errors.first.locator(".kb-file-error__field")).to_have_text("school")
        expect(errors.first.locator(".kb-file-error__message")).to_contain_text(
            "Возможно, вы имели в виду «kudrovo-gorizont».")
        expect(errors.first.locator(".kb-file-error__fix")).to_contain_text("Как исправить.")
        guide = errors.first.get_by_role("link", name=re.compile(r"\[UnknownSchool\]"))
        href = guide.get_attribute("href")
        assert href is not None and href.endswith("guide/#UnknownSchool")
        guide.click()
        expect(page.locator("#UnknownSchool")).to_be_visible()

        source.write_text(good, encoding="utf-8")
        _reload_until(page, address,
                      lambda: page.locator(".kb-file-error").count() == 0, deadline)
        expect(page.locator("h1").first).to_contain_text("Родительский университет")


def test_the_404_page_is_russian_with_search_and_links(page: Page, tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    with kb_serve(project) as served:
        fetch(served.base, time.monotonic() + 180)
        response = page.goto(f"{served.base}practices/net-takoy-praktiki/")
        assert response is not None and response.status == 404
        expect(page.locator("h1").first).to_have_text("Страница не найдена")
        assert "Not found" not in page.content()
        expect(page.locator(".kb-header-search input")).to_have_count(1)
        bank = page.get_by_role("link", name="Банк лучших практик", exact=True).last
        bank.click()
        expect(page).to_have_url(f"{served.base}practices/")

        page.goto(f"{served.base}practices/{DRAFT}/")  # a draft: shown, marked in Russian
        expect(page.locator(".kb-draft-marker")).to_have_text("Черновик — не опубликовано")
        assert "DRAFT" not in page.content()
        assert page.locator("[data-pagefind-body]").count() == 0


def _reload_until(page: Page, address: str, done, deadline: float) -> None:  # type: ignore[no-untyped-def]
    while True:
        page.goto(address)
        if done():
            return
        assert time.monotonic() < deadline, page.content()[:2000]
        time.sleep(1)
