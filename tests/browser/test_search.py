"""End-to-end tests of the search-and-filter browser (build_tools/assets/kb-search.js).

The practice bank (/practices/) and the site search (/search/) build their result list, filter
panel and sort order on Pagefind. Expected results are computed from content/ front matter.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from build_tools.search.search_data import KIND_LABELS
from tests.browser.test_site import (
    BROWSER,
    HIDDEN_HEADER_TITLE,
    OVERFLOW,
    SEARCH_WAIT,
    Entry,
    published,
    result_titles,
    run_search,
    search_results,
    wait_for_search,
)

pytestmark = pytest.mark.browser

FACET_FIELDS = {"topic": "topics", "level": "levels"}
"""Facets whose values are front-matter lists of a practice, by Pagefind filter key."""


# ------------------------------------------------------------------ content-derived answers


def practices() -> list[Entry]:
    return published("practices")


def having(entries: Iterable[Entry], key: str, values: Iterable[str]) -> list[Entry]:
    """Entries with at least one of `values` in facet `key` (values of a group are OR-ed)."""
    wanted = set(values)
    return [e for e in entries if wanted & set(e.meta.get(FACET_FIELDS[key]) or [])]


def matching(selected: dict[str, list[str]], except_key: str | None = None) -> list[Entry]:
    """Published practices the bank shows for `selected` (groups AND-ed), one group left out."""
    found = practices()
    for key, values in selected.items():
        if key != except_key and values:
            found = having(found, key, values)
    return found


def expected_counts(selected: dict[str, list[str]], key: str) -> dict[str, int]:
    """What the panel should show next to each value of `key`: the results one would get by
    adding that value, i.e. the other groups' selection AND that value."""
    base = matching(selected, except_key=key)
    counts = Counter(v for e in base for v in set(e.meta.get(FACET_FIELDS[key]) or []))
    every = {v for e in practices() for v in e.meta.get(FACET_FIELDS[key]) or []}
    return {value: counts.get(value, 0) for value in every}


def titles_of(entries: Iterable[Entry]) -> list[str]:
    return sorted(e.title for e in entries)


def title_key(title: str) -> str:
    """«По названию» orders case-insensitively, with ё as е."""
    return " ".join(title.lower().replace("ё", "е").split())


# ------------------------------------------------------------------------------ page helpers


def facet(page: Page, key: str) -> Locator:
    return page.locator(f'{BROWSER} fieldset.kb-facet[data-facet="{key}"]')


def checkbox(page: Page, key: str, value: str) -> Locator:
    quoted = json.dumps(value, ensure_ascii=False)  # a CSS string: no quotes in the values
    return facet(page, key).locator(f"input[type=checkbox][value={quoted}]")


def panel_counts(page: Page, key: str) -> dict[str, int]:
    """Value → the count shown next to it, for every value of a group (shown or folded)."""
    return facet(page, key).evaluate(
        "f => Object.fromEntries(Array.from(f.querySelectorAll('li'), li => ["
        "li.querySelector('input').value, Number(li.querySelector('.kb-facet__count')"
        ".textContent)]))")


def tick(page: Page, key: str, value: str) -> None:
    """Tick a value (unfolding its group first if needed) and wait for the new results."""
    box = checkbox(page, key, value)
    if not box.is_visible():
        facet(page, key).get_by_role("button", name=re.compile(r"^Показать все")).click()
    box.check()
    wait_for_search(page)


def shown_titles(page: Page) -> list[str]:
    return sorted(result_titles(page))


def open_bank(page: Page, server, query: str = "") -> int:
    page.goto(server.url("practices/" + query))
    return wait_for_search(page)


def topics_by_size() -> list[str]:
    """Topics of published practices, the most used first (ties by name)."""
    counts = Counter(t for e in practices() for t in e.meta["topics"])
    return sorted(counts, key=lambda t: (-counts[t], t))


# ----------------------------------------------------------------------- word forms, synonyms


def _mentioning(pattern: str) -> list[Entry]:
    """Published entries of every kind whose file matches `pattern` (lower-case text)."""
    return [e for folder in ("practices", "recommendations", "digests")
            for e in published(folder) if re.search(pattern, e.raw)]


@pytest.mark.parametrize("server_name", ["site_server", "sub_path_server"])
def test_stazhirovki_finds_the_stazhirovochnaya_ploshchadka_practice(
        page: Page, request, server_name: str) -> None:
    """«стажировки» finds the practice that only says «стажировочная площадка»."""
    server = request.getfixturevalue(server_name)
    targets = [e for e in practices() if "стажировочн" in e.text and "стажировк" not in e.text]
    assert targets, "sample content should hold a practice saying only «стажировочная»"
    page.goto(server.url("search/?q=стажировки"))
    titles = result_titles(page, "стажировки")
    missing = [e.title for e in targets if e.title not in titles]
    assert not missing, f"not found: {missing}; results: {titles}"


def test_museum_is_found(page: Page, site_server) -> None:
    """A short word is sent as typed: «музей» finds the practice about the school museum."""
    targets = [e for e in practices() if "музе" in e.title.lower()]
    assert targets, "sample content should hold a practice about a museum"
    page.goto(site_server.url("search/"))
    run_search(page, "музей")
    titles = result_titles(page, "музей")
    assert all(e.title in titles for e in targets), titles


def test_yo_and_ye_find_the_same(page: Page, site_server) -> None:
    """«ёлка» and «елка» give the same results, among them the practice that says «ёлка»."""
    targets = [e for e in practices() if re.search(r"(?<![а-я])ёлк", e.text)]
    assert targets, "sample content should hold a practice mentioning «ёлка»"
    page.goto(site_server.url("search/"))
    found = {}
    for query in ("ёлка", "елка"):
        run_search(page, query)
        found[query] = shown_titles(page)
        assert all(e.title in found[query] for e in targets), (query, found[query])
    assert found["ёлка"] == found["елка"], found


def test_abbreviation_and_expansion_find_each_other(page: Page, site_server) -> None:
    """«ОВЗ» finds what says «ограниченными возможностями здоровья», and the other way round."""
    targets = _mentioning(r"(?<![а-яё])овз(?![а-яё])|ограниченн\w* возможност\w* здоровья")
    assert targets, "sample content should mention «ограниченные возможности здоровья»"
    page.goto(site_server.url("search/"))
    for query in ("ОВЗ", "ограниченные возможности здоровья",
                  "ограниченными возможностями здоровья"):
        run_search(page, query)
        titles = result_titles(page, query)
        missing = [e.title for e in targets if e.title not in titles]
        assert not missing, f"«{query}» did not find {missing}; results: {titles}"


# ------------------------------------------------------------------------- the bank browser


def test_bank_lists_every_published_practice_newest_first(page: Page, site_server) -> None:
    """No query, no filter: every published practice, newest first, the fallback hidden."""
    count = open_bank(page, site_server)
    assert count == len(practices())
    titles = result_titles(page)
    assert sorted(titles) == titles_of(practices())
    dates = {e.title: e.meta["date"] for e in practices()}
    assert [dates[t] for t in titles] == sorted(dates.values(), reverse=True), titles
    expect(page.locator("[data-kb-static]")).to_be_hidden()
    sort = page.locator(BROWSER).get_by_label("Сортировка")
    expect(sort).to_have_value("date-desc")
    assert "По релевантности" not in sort.locator("option").all_inner_texts()
    # The kind of material is fixed on the bank page, so its group is not offered.
    expect(facet(page, "type")).to_have_count(0)
    assert panel_counts(page, "topic") == expected_counts({}, "topic")
    assert panel_counts(page, "level") == expected_counts({}, "level")


def test_bank_topic_values_are_ordered_by_count(page: Page, site_server) -> None:
    """Values by count, most first, then alphabetically; long groups folded after eight."""
    open_bank(page, site_server)
    values = facet(page, "topic").locator("input[type=checkbox]")
    names = values.evaluate_all("inputs => inputs.map(i => i.value)")
    assert names == topics_by_size()
    if len(names) > 8:
        more = facet(page, "topic").get_by_role("button", name=f"Показать все ({len(names)})")
        expect(more).to_have_attribute("aria-expanded", "false")
        expect(values.nth(7)).to_be_visible()
        expect(values.nth(8)).to_be_hidden()
        more.click()
        expect(values.nth(len(names) - 1)).to_be_visible()


def test_bank_filters_or_within_a_group_and_across_groups(page: Page, site_server) -> None:
    """One topic narrows the list; a second topic adds (OR); a level intersects (AND)."""
    first, second = [t for t in topics_by_size() if len(having(practices(), "topic", [t]))
                     < len(practices())][:2]
    open_bank(page, site_server)

    tick(page, "topic", first)
    selected = {"topic": [first]}
    expected = having(practices(), "topic", [first])
    assert shown_titles(page) == titles_of(expected)
    assert panel_counts(page, "topic")[first] == len(expected)
    assert panel_counts(page, "topic") == expected_counts(selected, "topic")
    assert panel_counts(page, "level") == expected_counts(selected, "level")

    tick(page, "topic", second)
    selected = {"topic": [first, second]}
    union = having(practices(), "topic", [first, second])
    assert len(union) > len(expected), "the two topics should not cover the same practices"
    assert shown_titles(page) == titles_of(union)
    assert panel_counts(page, "topic") == expected_counts(selected, "topic")

    levels = Counter(v for e in union for v in e.meta["levels"])
    level = min(levels, key=lambda v: (levels[v] == len(union), -levels[v], v))
    tick(page, "level", level)
    selected["level"] = [level]
    both = matching(selected)
    assert both and {e.slug for e in both} <= {e.slug for e in union}
    assert shown_titles(page) == titles_of(both)
    assert panel_counts(page, "topic") == expected_counts(selected, "topic")
    assert panel_counts(page, "level") == expected_counts(selected, "level")
    assert panel_counts(page, "level")[level] == len(both)
    # A value that would give nothing stays listed but cannot be ticked.
    for value, count in panel_counts(page, "level").items():
        box = checkbox(page, "level", value)
        if count == 0:
            expect(box).to_be_disabled()
        else:
            expect(box).to_be_enabled()

    page.locator(BROWSER).get_by_role("button", name="Сбросить фильтры").click()
    assert wait_for_search(page) == len(practices())
    assert parse_qs(urlsplit(page.url).query) == {}


def test_copied_link_reproduces_filters_and_order(page: Page, site_server) -> None:
    """Filter + «По названию» → the address alone gives the same results in the same order."""
    topic = topics_by_size()[0]
    open_bank(page, site_server)
    tick(page, "topic", topic)
    page.locator(BROWSER).get_by_label("Сортировка").select_option(label="По названию")
    wait_for_search(page)
    titles = result_titles(page)
    expected = having(practices(), "topic", [topic])
    assert titles == sorted((e.title for e in expected), key=title_key)
    params = parse_qs(urlsplit(page.url).query)
    assert params == {"topic": [topic], "sort": ["title"]}, page.url

    other = page.context.new_page()
    other.goto(page.url)
    assert result_titles(other) == titles
    expect(checkbox(other, "topic", topic)).to_be_checked()
    expect(other.locator(BROWSER).get_by_label("Сортировка")).to_have_value("title")
    other.close()


def test_query_sorts_by_relevance_and_goes_into_the_address(page: Page, site_server) -> None:
    """Typing offers and selects «По релевантности» and writes ?q= (after a pause)."""
    query = "наставничество"
    open_bank(page, site_server)
    run_search(page, query)
    sort = page.locator(BROWSER).get_by_label("Сортировка")
    expect(sort).to_have_value("relevance")
    assert sort.locator("option").first.inner_text() == "По релевантности"
    expect(page).to_have_url(re.compile(r"[?&]q=%D0%BD%D0%B0%D1%81"))
    expected = [e.title for e in practices() if query in e.title.lower()]
    assert expected and all(t in result_titles(page, query) for t in expected)


def test_header_search_from_a_practice_lands_on_results(page: Page, site_server) -> None:
    """The header form of any page: type, Enter → /search/?q=… with the results."""
    query = "наставничество"
    expected = [e.title for e in practices() if query in e.title.lower()]
    assert expected, f"sample content should hold a practice titled with «{query}»"
    page.goto(site_server.url(practices()[0].url))
    box = page.get_by_label("Поиск по сайту")
    box.fill(query)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    assert urlsplit(page.url).path == urlsplit(site_server.url("search/")).path
    titles = result_titles(page, query)
    assert all(t in titles for t in expected), (expected, titles)
    expect(page.locator(BROWSER).get_by_label("Что ищем")).to_have_value(query)


def test_search_page_browses_everything_and_loads_more(page: Page, site_server) -> None:
    """/search/ without a query lists every kind of material, 20 at a time, with a kind filter."""
    everything = [e for f in ("practices", "recommendations", "digests", "courses", "conference",
                                   "innovation")
                  for e in published(f)]
    page.goto(site_server.url("search/"))
    assert wait_for_search(page) == len(everything)
    size = int(page.locator(BROWSER).get_attribute("data-page-size"))
    expect(search_results(page)).to_have_count(min(size, len(everything)))
    if len(everything) > size:
        page.locator(BROWSER).get_by_role("button", name="Показать ещё").click()
        wait_for_search(page)
        expect(search_results(page)).to_have_count(min(2 * size, len(everything)))
        expect(search_results(page).nth(size)).to_be_focused()
    counts = panel_counts(page, "type")
    assert counts == {"практика": len(practices()),
                      "рекомендации": len(published("recommendations")),
                      "дайджест": len(published("digests")),
                      "курс": len(published("courses")),
                      "конференция": len(published("conference")),
                      "инновационный проект": len(published("innovation"))}
    tick(page, "type", "рекомендации")
    assert shown_titles(page) == titles_of(published("recommendations"))


def test_keyboard_ticks_a_filter(page: Page, site_server) -> None:
    """A filter value can be reached with Tab-focus and ticked with Space."""
    topic = topics_by_size()[0]
    open_bank(page, site_server)
    box = checkbox(page, "topic", topic)
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    assert wait_for_search(page) == len(having(practices(), "topic", [topic]))


def test_result_metadata_is_text(page: Page, site_server) -> None:
    """Each result: title link, «kind · source · date» line, excerpt with only <mark> markup."""
    page.goto(site_server.url("search/?q=стажировки"))
    result_titles(page, "стажировки")
    items = page.locator(f"{BROWSER} ol.kb-browser__list > li.kb-result")
    meta = items.first.locator(".kb-result__meta").inner_text()
    kinds = "|".join(map(re.escape, KIND_LABELS.values()))
    assert re.match(rf"^({kinds}) · .+ · .+$", meta), meta
    tags = items.locator(".kb-result__excerpt *").evaluate_all(
        "nodes => nodes.map(n => n.tagName.toLowerCase())")
    assert tags and set(tags) == {"mark"}, tags


# ------------------------------------------------------------------------ sub-path, fallbacks


def test_bank_under_sub_path(page: Page, sub_path_server) -> None:
    """Under /bank/: Pagefind from /bank/pagefind/, a filter works, links stay under /bank/."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    topic = topics_by_size()[0]
    assert open_bank(page, sub_path_server) == len(practices())
    tick(page, "topic", topic)
    expected = having(practices(), "topic", [topic])
    assert shown_titles(page) == titles_of(expected)
    pagefind = [p for p in requested if "pagefind" in p]
    assert pagefind and all(p.startswith("/bank/pagefind/") for p in pagefind), pagefind
    hrefs = search_results(page).evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {h for h in hrefs} == {urlsplit(sub_path_server.url(e.url)).path for e in expected}
    search_results(page).first.click()
    expect(page.locator("main h1").first).to_have_text(re.compile(".+"))
    assert urlsplit(page.url).path.startswith("/bank/practices/")


def test_bank_without_javascript_shows_the_static_list(browser, site_server) -> None:
    """With JavaScript off the bank is the static list of practices; the browser stays hidden."""
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    try:
        page = context.new_page()
        page.goto(site_server.url("practices/"))
        static = page.locator("[data-kb-static]")
        expect(static).to_be_visible()
        expect(page.locator(BROWSER)).to_be_hidden()
        titles = static.locator("a.kb-item__title")
        expect(titles.first).to_be_visible()
        total = len(practices())
        shown = titles.count()
        assert 0 < shown <= total
        assert set(titles.all_inner_texts()) <= {e.title for e in practices()}
        expect(static.locator("p.kb-count")).to_contain_text(str(total))
    finally:
        context.close()


def test_pagefind_failure_keeps_the_static_list(page: Page, site_server) -> None:
    """If Pagefind cannot load, a message says so and the static list stays."""
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto(site_server.url("practices/"))
    expect(page.locator(BROWSER)).to_contain_text("Поиск временно недоступен",
                                                  timeout=SEARCH_WAIT)
    expect(page.locator("[data-kb-static]")).to_be_visible()
    expect(page.locator("[data-kb-static] a.kb-item__title").first).to_be_visible()


# ---------------------------------------------------------------------------------- phone


def test_bank_on_a_phone(mobile_page: Page, site_server) -> None:
    """At 360 px: filters fold behind «Фильтры» above the results; nothing scrolls sideways."""
    page = mobile_page
    topic = topics_by_size()[0]
    open_bank(page, site_server)
    toggle = page.locator(BROWSER).get_by_role("button", name=re.compile(r"^Фильтры"))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(facet(page, "topic")).to_be_hidden()
    toggle_box = toggle.bounding_box()
    first_result = search_results(page).first.bounding_box()
    assert toggle_box and first_result and toggle_box["y"] < first_result["y"]
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    tick(page, "topic", topic)
    assert shown_titles(page) == titles_of(having(practices(), "topic", [topic]))
    expect(toggle).to_have_text("Фильтры (выбрано: 1)")
    page.add_style_tag(content=HIDDEN_HEADER_TITLE)
    found = page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["width"] + 1, found
    assert not found["wide"], found
