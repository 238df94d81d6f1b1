"""Spelling correction and the empty state of search, in Chromium on the built sample site.

The correction algorithm is the real `assets/kb-spelling.js`, imported into a page of the
built site; the end-to-end cases type what a teacher on a phone types, at the site root and
under /bank/, and watch the network for the dictionary.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_site import BROWSER, SEARCH_WAIT, published, run_search, search_results

pytestmark = pytest.mark.browser

DICTIONARY = "pagefind/kb-spelling.json"
NOTICE = f"{BROWSER} .kb-browser__spelling"
SUGGEST = f"{BROWSER} .kb-browser__suggest"


def title_of(slug: str) -> str:
    return next(e.title for e in published("practices") if e.slug == slug)


MENTORING = "nastavnichestvo-molodyh-uchiteley-novoy-shkoly"
AUTISM = "vizualnaya-podderzhka-detey-s-ras"

# ------------------------------------------------------------------- the algorithm itself

WORDS = {"version": 1, "suggestions": ["ОВЗ"],
         "words": "аутизм:4 инвалидность:2 наставник:3 наставничество:12 настольный "
                  "ежик еще:9 рас:2 раз:40 нас:30 педагог:20 педагоги:5 учитель:8"}


def spelling(page: Page, server: Any, script: str, *args: Any) -> Any:
    """Run `script` (an async arrow taking the module, then `args`) in a page of the site."""
    page.goto(server.url(""))
    module = server.url("assets/kb-spelling.js")
    return page.evaluate(
        "async ([module, script, args]) => (eval(script))(await import(module), ...args)",
        [module, script, args])


CORRECT = """async (m, data, words) => {
  const d = new m.SpellingDictionary(data);
  return Object.fromEntries(words.map((w) => [w, d.correct(w)]));
}"""


def test_a_typo_a_layout_slip_and_yo_are_corrected_a_known_word_never(page: Page,
                                                                        site_server) -> None:
    words = ["наставничиство", "yfcnfdybxtcndj", "НАСТАВНИЧЕСТВО", "наставнечиство",
             "инволидность", "ёжик", "наставн", "аутизмм", "hfc", "педагок", "учитель",
             "ывапролджэ", "рпс"]
    assert spelling(page, site_server, CORRECT, WORDS, words) == {
        "наставничиство": "наставничество",     # one letter wrong
        "yfcnfdybxtcndj": "наставничество",     # typed in the Latin layout
        "НАСТАВНИЧЕСТВО": None,                 # known: never corrected
        "наставнечиство": "наставничество",     # two letters wrong
        "инволидность": "инвалидность",
        "ёжик": None,                           # ё is е: known
        "наставн": None,                        # the beginning of a word being typed
        "аутизмм": "аутизм",
        "hfc": "рас",                           # a short word only as a layout slip
        "педагок": "педагог",                   # the nearest, not the more frequent
        "учитель": None,
        "ывапролджэ": None,                     # nothing within two edits
        "рпс": None,                            # three letters: no guessing
    }


def test_distance_counts_a_transposition_as_one_edit(page: Page, site_server) -> None:
    pairs = [["наставник", "нсатавник"], ["школа", "школа"], ["школа", "шкала"],
             ["школа", "школы"], ["педагог", "пдеагго"], ["аутизм", "а"]]
    script = "async (m, pairs) => pairs.map(([a, b]) => m.distance(a, b))"
    assert spelling(page, site_server, script, pairs) == [1, 0, 1, 1, 2, 3]


def test_among_equal_edits_the_more_frequent_word_wins(page: Page, site_server) -> None:
    data = {"version": 1, "words": "школы:2 школа:50"}
    # «школу» is one edit from «школа» and from «школы»: frequency decides.
    assert spelling(page, site_server, CORRECT, data, ["школу"]) == {"школу": "школа"}


# ------------------------------------------------------------------------ end to end


def open_search(page: Page, server: Any) -> list[str]:
    """Open /search/ and record every request the page makes from then on."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server.url("search/"))
    expect(page.locator(BROWSER)).to_have_attribute("data-kb-ready", "true", timeout=SEARCH_WAIT)
    return requests


def top_titles(page: Page, query: str, limit: int = 5) -> list[str]:
    return [t.strip() for t in run_search(page, query).all_inner_texts()[:limit]]


@pytest.mark.parametrize("where", ["site_server", "sub_path_server"])
@pytest.mark.parametrize(("query", "meant", "slug"), [
    ("наставничиство", "наставничество", MENTORING),
    ("yfcnfdybxtcndj", "наставничество", MENTORING),
])
def test_a_misspelt_word_finds_what_was_meant_and_says_so(page: Page, request, where: str,
                                                          query: str, meant: str,
                                                          slug: str) -> None:
    open_search(page, request.getfixturevalue(where))
    assert title_of(slug) in top_titles(page, query)
    notice = page.locator(NOTICE)
    expect(notice).to_have_text(f"Показаны результаты для «{meant}». Искать «{query}»?")
    href = notice.get_by_role("link", name=query).get_attribute("href") or ""
    assert href.startswith("?") and parse_qs(href[1:]) == {"q": [query], "spell": ["0"]}


@pytest.mark.parametrize("where", ["site_server", "sub_path_server"])
@pytest.mark.parametrize("query", ["инвалидность", "РАС", "наставничество молодых"])
def test_known_words_are_searched_as_typed_without_the_dictionary(page: Page, request,
                                                                  where: str,
                                                                  query: str) -> None:
    requests = open_search(page, request.getfixturevalue(where))
    titles = top_titles(page, query)
    expected = MENTORING if query.startswith("наставничество") else AUTISM
    assert title_of(expected) in titles
    expect(page.locator(NOTICE)).to_be_hidden()
    assert not [url for url in requests if "kb-spelling" in url]


def test_a_short_known_word_is_not_a_prefix_of_others(page: Page, site_server) -> None:
    """«РАС» finds pages with the word РАС, not every page with «расписание»."""
    schedules = [e.title for e in published("practices")
                 if "расписани" in e.raw and not re.search(r"\bрас\b|аутист", e.raw)]
    assert schedules, "the sample has practices that speak of a timetable, not of РАС"
    open_search(page, site_server)
    titles = top_titles(page, "РАС", limit=100)
    assert title_of(AUTISM) in titles[:5]
    assert not set(schedules) & set(titles)


def test_the_link_searches_the_words_as_typed(page: Page, site_server) -> None:
    open_search(page, site_server)
    run_search(page, "наставничиство")
    page.locator(NOTICE).get_by_role("link", name="наставничиство").click()
    expect(page.locator(NOTICE)).to_be_hidden(timeout=SEARCH_WAIT)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["наставничиство"], "spell": ["0"]}
    expect(search_results(page)).to_have_count(0, timeout=SEARCH_WAIT)
    expect(page.locator(f"{BROWSER} .kb-browser__count")).to_have_text("Найдено: 0 материалов")
    expect(page.locator(NOTICE)).to_be_hidden()
    # The address reproduces the view: still as typed after a reload.
    page.reload()
    expect(page.locator(f"{BROWSER} .kb-browser__count")).to_have_text(
        "Найдено: 0 материалов", timeout=SEARCH_WAIT)
    expect(page.locator(NOTICE)).to_be_hidden()


@pytest.mark.parametrize("where", ["site_server", "sub_path_server"])
def test_a_nonsense_word_shows_the_empty_state_with_suggestions(page: Page, request,
                                                                where: str) -> None:
    server = request.getfixturevalue(where)
    open_search(page, server)
    assert top_titles(page, "ывапролджэ") == []
    suggest = page.locator(SUGGEST)
    expect(suggest).to_contain_text("Слов из запроса «ывапролджэ» нет ни в одном материале")
    expect(suggest).to_contain_text("Популярные темы:")
    topic = suggest.locator("a[href^='?topic=']").first
    expect(topic).to_be_visible()
    words = json.loads(page.request.get(server.url(DICTIONARY)).text())["suggestions"]
    assert words, "the sample's synonyms give the empty state something to offer"
    link = suggest.get_by_role("link", name=words[0], exact=True)
    expect(link).to_be_visible()
    link.click()
    expect(search_results(page).first).to_be_visible(timeout=SEARCH_WAIT)
    expect(page.locator(SUGGEST)).to_be_hidden()
