"""End-to-end tests: what a teacher does on the built site, in headless Chromium.

Expectations are read from content/ (front matter and the _data registries), not copied here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from build_tools.content.russian import plural

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
PUBLIC_STATUSES = {"опубликовано", "рекомендовано к тиражированию"}
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                   "сентября", "октября", "ноября", "декабря")
RU_DATE = re.compile(r"\b\d{1,2} (" + "|".join(MONTHS_GENITIVE) + r") \d{4} г\.")
LATIN_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WAIT = 10_000
"""Milliseconds to wait for a page element; search gets SEARCH_WAIT (WebAssembly start-up)."""
SEARCH_WAIT = 15_000
BROWSER = "#kb-browser"
"""The search-and-filter browser that build_tools/assets/kb-search.js builds on Pagefind."""
RESULT_LINK = f"{BROWSER} ol.kb-browser__list > li.kb-result > .kb-result__title > a"
FOUND = re.compile(r"^Найдено: (\d+) (практик[аи]?|материал(?:а|ов)?)$")

# ---------------------------------------------------------------- content read from content/


@dataclass(frozen=True)
class Entry:
    """One Markdown file of content/: its folder, file stem, front matter and body."""

    folder: str
    slug: str
    meta: dict[str, Any]
    body: str
    raw: str
    """The whole file, lower-cased: digests keep their text in the front matter."""

    @property
    def url(self) -> str:
        return f"{self.folder}/{self.slug}/"

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def public(self) -> bool:
        return self.meta.get("status") in PUBLIC_STATUSES

    @property
    def text(self) -> str:
        """Everything a reader of the page sees from this file, lower-cased."""
        return f"{self.title}\n{self.meta.get('summary', '')}\n{self.body}".lower()


def _read_entry(path: Path) -> Entry:
    raw = path.read_text("utf-8")
    match = re.match(r"---\s*\n(.*?)\n---\s*\n(.*)", raw, re.DOTALL)
    assert match, f"{path} has no front matter"
    return Entry(path.parent.name, path.stem, yaml.safe_load(match[1]), match[2], raw.lower())


@cache
def entries(folder: str) -> tuple[Entry, ...]:
    return tuple(_read_entry(p) for p in sorted((CONTENT / folder).glob("*.md")))


def published(folder: str) -> list[Entry]:
    return [e for e in entries(folder) if e.public]


@cache
def registry(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((CONTENT / "_data" / f"{name}.yml").read_text("utf-8"))


def school(school_id: str) -> dict[str, Any]:
    return next(s for s in registry("schools") if s["id"] == school_id)


def ru_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year} г."


def site_name() -> str:
    for line in (ROOT / "mkdocs.yml").read_text("utf-8").splitlines():
        if line.startswith("site_name:"):
            return str(yaml.safe_load(line.split(":", 1)[1])).strip()
    raise AssertionError("mkdocs.yml has no site_name")


def practice_for_card() -> Entry:
    """The published practice with the most facts to check (topics, authors, updated)."""
    return max(published("practices"),
               key=lambda e: (len(e.meta["topics"]), len(e.meta["authors"]),
                              "updated" in e.meta, e.slug))


# ---------------------------------------------------------------------------- page helpers


def fact(page: Page, label: str) -> Locator:
    """The <dd> of the practice card's fact list whose <dt> is exactly `label`, the facts
    unfolded first as a reader does («Подробнее о практике»)."""
    more = page.locator("main details.kb-more")
    if more.count() and not more.evaluate("details => details.open"):
        more.locator("> summary").click()
    exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
    term = page.locator("dl.kb-facts > dt").filter(has_text=exact)
    return term.locator("xpath=following-sibling::dd[1]")


def heading_text(heading: Locator) -> str:
    """A heading's text without the ¶ permalink that the toc extension appends."""
    return heading.evaluate(
        "h => Array.from(h.childNodes)"
        ".filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()")


def search_results(page: Page) -> Locator:
    """Title links of the results the browser shows."""
    return page.locator(RESULT_LINK)


def run_search(page: Page, query: str) -> Locator:
    """Type `query` into the browser's «Что ищем» field and wait for its results."""
    box = page.locator(BROWSER).get_by_label("Что ищем")
    expect(box).to_be_editable(timeout=SEARCH_WAIT)
    box.fill(query)
    wait_for_search(page, query)
    return search_results(page)


def wait_for_search(page: Page, query: str | None = None) -> int:
    """Wait until the browser is ready and idle (showing `query`, if given); return its count.

    The result region is aria-busy from the first keystroke until the results are shown.
    """
    browser = page.locator(BROWSER)
    expect(browser).to_have_attribute("data-kb-ready", "true", timeout=SEARCH_WAIT)
    if query is not None:
        expect(browser.get_by_label("Что ищем")).to_have_value(query)
    expect(browser.locator(".kb-browser__results")).to_have_attribute(
        "aria-busy", "false", timeout=SEARCH_WAIT)
    count = browser.locator(".kb-browser__count")
    expect(count).to_have_text(FOUND)
    match = FOUND.match(count.inner_text().strip())
    assert match, count.inner_text()
    return int(match[1])


def result_titles(page: Page, query: str | None = None) -> list[str]:
    """Titles of every result, in order, after «Показать ещё» as often as needed."""
    count = wait_for_search(page, query)
    more = page.locator(BROWSER).get_by_role("button", name="Показать ещё")
    for _ in range(count):
        if not more.is_visible():
            break
        more.click()
        wait_for_search(page, query)
    expect(search_results(page)).to_have_count(count, timeout=SEARCH_WAIT)
    return [t.strip() for t in search_results(page).all_inner_texts()]


def open_home(page: Page, base: str) -> None:
    page.goto(base)
    expect(page.locator("h1")).to_have_text(site_name(), timeout=WAIT)


GROUPED_TABS = ("Школы Ассоциации", "Ещё")
"""The tabs whose pages (members, sites, courses …; monitoring, topics, data …) are listed in
the sidebar."""


def goto_tab(page: Page, name: str) -> None:
    """Click a section in Material's top navigation tabs, or in the sidebar of a grouped tab
    when the section is one of its pages."""
    tabs = page.locator("nav.md-tabs")
    link = tabs.get_by_role("link", name=name, exact=True)
    if link.count():
        link.click()
        return
    # The sidebar holds the whole navigation, folded: only the open group's links are visible.
    sidebar = page.locator("nav.md-nav--primary")
    for group in GROUPED_TABS:
        tab = tabs.get_by_role("link", name=group, exact=True)
        target = tab.evaluate("a => a.href")
        tab.click()
        page.wait_for_url(target)
        shown = sidebar.get_by_role("link", name=name, exact=True).locator("visible=true")
        if shown.count():
            shown.first.click()
            return
    raise AssertionError(f"«{name}» is in no tab and no group of tabs")


# ------------------------------------------------------------------------------ home page


def test_home_page_language_title_and_numbers(page: Page, site_server) -> None:
    """Home: Russian document language, the site's title, the bank in numbers (none zero).
    The rest of the home page: tests/browser/test_layout.py."""
    open_home(page, site_server.url())
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page).to_have_title(re.compile(re.escape(site_name())))
    figures = page.locator("ul.kb-figures > li > a")
    expected = {
        "practices/": plural(len(published("practices")), "практика", "практики", "практик"),
        "recommendations/": plural(len(published("recommendations")),
                                   "документ", "документа", "документов"),
        "digests/": plural(len(published("digests")), "выпуск", "выпуска", "выпусков"),
        "schools/": plural(len(registry("schools")), "участник", "участника", "участников"),
    }
    shown = {a.get_attribute("href"): a.locator("strong").inner_text() for a in figures.all()}
    for href, text in expected.items():
        assert shown.get(href) == text, (href, shown)
    assert all(not t.startswith("0 ") for t in shown.values()), shown


def test_home_page_title_names_the_site_once(page: Page, site_server) -> None:
    """The home tab title is the site name, not the site name twice."""
    open_home(page, site_server.url())
    assert page.title().count(site_name()) == 1, page.title()


def test_top_navigation_opens_bank_with_published_practices_only(page: Page,
                                                                  site_server) -> None:
    """«Банк практик» in the tabs lists every published practice and no draft or review."""
    open_home(page, site_server.url())
    goto_tab(page, "Банк практик")
    expect(page).to_have_url(site_server.url("practices/"))
    public = published("practices")
    hidden = [e for e in entries("practices") if not e.public]
    assert public and hidden, "sample content should hold both published and hidden practices"
    titles = page.locator("main ul.kb-list a.kb-item__title")
    expect(titles).to_have_count(len(public), timeout=WAIT)
    assert sorted(titles.all_inner_texts()) == sorted(e.title for e in public)
    main_text = page.locator("main").inner_text()
    for entry in hidden:
        assert entry.title not in main_text, f"{entry.meta['status']}: {entry.title}"
    expect(page.locator("main p.kb-count").first).to_contain_text(str(len(public)))


# ----------------------------------------------------------------------- a practice's card


def test_practice_card_shows_its_facts(page: Page, site_server) -> None:
    """Clicking a title in the bank opens a card with school, levels, topics, dates..."""
    entry = practice_for_card()
    meta = entry.meta
    page.goto(site_server.url("practices/"))
    page.locator("main a.kb-item__title", has_text=entry.title).click()
    expect(page).to_have_url(site_server.url(entry.url))
    expect(page.locator("main h1").first).to_have_text(entry.title)
    page.locator("main details.kb-more > summary").click()  # the facts are folded

    home_school = school(meta["school"])
    expect(fact(page, "Школа")).to_have_text(home_school["name"])
    expect(fact(page, "Район")).to_have_text(home_school["district"])
    for level in meta["levels"]:
        expect(fact(page, "Уровни образования")).to_contain_text(level)
    expect(fact(page, "Темы").get_by_role("link")).to_have_text(meta["topics"])
    for author in meta["authors"]:
        expect(fact(page, "Авторы")).to_contain_text(f"{author['name']} — {author['role']}")
    expect(fact(page, "Доказанность")).to_have_text(meta["evidence"])
    expect(fact(page, "Статус")).to_contain_text(meta["status"])
    dates = fact(page, "Даты")
    expect(dates).to_contain_text(ru_date(meta["date"]))
    if "updated" in meta:
        expect(dates).to_contain_text(ru_date(meta["updated"]))
    assert RU_DATE.search(dates.inner_text()), dates.inner_text()
    assert not re.search(r"\d{4}-\d{2}-\d{2}", page.locator("dl.kb-facts").inner_text())


def test_practice_topic_link_opens_topic_listing_it(page: Page, site_server) -> None:
    """A topic in the card leads to the topic page, which lists the practice."""
    entry = practice_for_card()
    page.goto(site_server.url(entry.url))
    topic = entry.meta["topics"][-1]
    fact(page, "Темы").get_by_role("link", name=topic, exact=True).click()
    expect(page).to_have_url(re.compile(r"/topics/[a-z0-9-]+/$"))
    expect(page.locator("main h1")).to_contain_text(topic)
    expect(page.locator("main a.kb-item__title", has_text=entry.title)).to_have_count(1)


def test_practice_school_link_opens_school_listing_it(page: Page, site_server) -> None:
    """The school in the card leads to the school page, which lists the practice."""
    entry = practice_for_card()
    home_school = school(entry.meta["school"])
    page.goto(site_server.url(entry.url))
    fact(page, "Школа").get_by_role("link").click()
    expect(page).to_have_url(site_server.url(f"schools/{home_school['id']}/"))
    expect(page.locator("main h1")).to_have_text(home_school["short_name"])
    # The list may sit in the [data-kb-static] wrapper that practice_list.html puts around it.
    own = page.locator("#praktiki-shkoly ~ ul.kb-list a.kb-item__title, "
                       "#praktiki-shkoly ~ [data-kb-static] ul.kb-list a.kb-item__title")
    expect(own.filter(has_text=entry.title)).to_have_count(1)
    expected = [e.title for e in published("practices") if e.meta["school"] == home_school["id"]]
    assert sorted(own.all_inner_texts()) == sorted(expected)


# ----------------------------------------------------------------------- heading anchors


@pytest.mark.parametrize("folder", ["practices", "recommendations"])
def test_heading_anchors_are_latin_slugs(page: Page, site_server, folder: str) -> None:
    """Body headings get transliterated ids (#problema), never Python-Markdown's #_1."""
    entry = next(e for e in published(folder) if re.search(r"^## ", e.body, re.MULTILINE))
    page.goto(site_server.url(entry.url))
    headings = page.locator("article.md-content__inner :is(h2, h3, h4)[id]")
    expect(headings.first).to_be_attached(timeout=WAIT)
    ids = [h.get_attribute("id") or "" for h in headings.all()]
    assert len(ids) == len(set(ids)), f"duplicate heading ids: {ids}"
    bad = [i for i in ids if not LATIN_SLUG.match(i)]
    assert not bad, f"non-Latin or _N heading ids on {entry.url}: {bad}"
    by_text = {heading_text(h): h.get_attribute("id") for h in headings.all()}
    for title in re.findall(r"^## (.+?)\s*$", entry.body, re.MULTILINE):
        assert title in by_text, f"heading «{title}» missing on {entry.url}"
    if "Проблема" in by_text:
        assert by_text["Проблема"] == "problema"
    toc = page.locator("nav.md-nav--secondary a.md-nav__link")
    targets = [(a.get_attribute("href") or "").split("#", 1)[-1] for a in toc.all()]
    assert targets and all(LATIN_SLUG.match(t) for t in targets), targets


def test_practice_heading_problem_is_problema(page: Page, site_server) -> None:
    """An h2 «Проблема» has the id `problema` and a working permalink."""
    entry = next(e for e in published("practices")
                 if re.search(r"^## Проблема\s*$", e.body, re.MULTILINE))
    page.goto(site_server.url(entry.url))
    heading = page.locator("h2#problema")
    expect(heading).to_contain_text("Проблема")
    expect(heading.locator("a.headerlink")).to_have_attribute("href", "#problema")


# ------------------------------------------------------------------------ recommendations


def test_recommendation_plan_table(page: Page, site_server) -> None:
    """A recommendation with a plan shows it as a table with an «Мероприятие» column."""
    entry = next(e for e in published("recommendations") if e.meta.get("plan"))
    page.goto(site_server.url())
    goto_tab(page, "Рекомендации")
    expect(page).to_have_url(site_server.url("recommendations/"))
    items = page.locator("main a.kb-item__title")
    expect(items).to_have_count(len(published("recommendations")))
    items.filter(has_text=entry.title).click()
    expect(page).to_have_url(site_server.url(entry.url))
    table = page.locator("main table").filter(
        has=page.get_by_role("columnheader", name="Мероприятие", exact=True))
    expect(table).to_have_count(1)
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(entry.meta["plan"]))
    for row, item in zip(rows.all(), entry.meta["plan"], strict=True):
        expect(row).to_contain_text(item["activity"])


# ---------------------------------------------------------------------------------- digests


def _digests_by_year() -> dict[int, list[Entry]]:
    years: dict[int, list[Entry]] = {}
    for entry in published("digests"):
        years.setdefault(entry.meta["year"], []).append(entry)
    return years


def test_digest_archive_groups_issues_by_year(page: Page, site_server) -> None:
    """The archive lists every issue under «<year> год», with Russian month names."""
    page.goto(site_server.url())
    goto_tab(page, "Дайджест")
    expect(page).to_have_url(site_server.url("digests/"))
    years = _digests_by_year()
    assert 2026 in years and len(years[2026]) == 6, "sample content has six 2026 issues"
    year_headings = page.locator("main h2").filter(has_text=re.compile(r"^\d{4} год$"))
    expect(year_headings).to_have_text([f"{y} год" for y in sorted(years, reverse=True)])
    for year, issues in years.items():
        heading = page.locator("main h2", has_text=f"{year} год")
        items = heading.locator("xpath=following-sibling::ul[1]/li/a[@class='kb-item__title']")
        expect(items).to_have_count(len(issues))
        texts = items.all_inner_texts()
        for issue in issues:
            month = MONTHS[issue.meta["month"] - 1].capitalize()
            assert any(t.startswith(f"{month} {year}") and f"№ {issue.meta['issue']}" in t
                       for t in texts), (month, texts)


def _rubric_label(name: str) -> str:
    return name[:1].upper() + name[1:]


def _opened_digest(page: Page, site_server) -> tuple[Entry, list[str]]:
    """Open the latest issue from the archive; return it and its rubrics in registry order."""
    entry = max(published("digests"), key=lambda e: (e.meta["year"], e.meta["month"]))
    page.goto(site_server.url("digests/"))
    page.locator("main a.kb-item__title", has_text=f"№ {entry.meta['issue']}").click()
    expect(page).to_have_url(site_server.url(entry.url))
    order = [r["name"] for r in registry("rubrics")]
    rubrics = sorted((r["rubric"] for r in entry.meta["rubrics"]), key=order.index)
    return entry, rubrics


def test_digest_issue_shows_rubrics_as_headings(page: Page, site_server) -> None:
    """An issue shows its rubrics as h2 in the registry's order, each with its items."""
    entry, rubrics = _opened_digest(page, site_server)
    headings = page.locator("main .kb-rubric > h2")
    expect(headings).to_have_count(len(rubrics))
    shown = [t.strip().lower() for t in headings.all_inner_texts()]
    assert shown == [r.lower() for r in rubrics]
    for rubric in entry.meta["rubrics"]:
        for item in rubric["items"]:
            expect(page.locator("main .kb-digest-item h3", has_text=item["title"])).to_have_count(1)
    expect(page.locator("main .kb-digest-item time").first).to_have_text(RU_DATE)


def test_digest_rubric_headings_keep_proper_nouns(page: Page, site_server) -> None:
    """Only the first letter of a rubric name is raised; «Ассоциации» keeps its capital."""
    _, rubrics = _opened_digest(page, site_server)
    expect(page.locator("main .kb-rubric > h2")).to_have_text(
        [_rubric_label(r) for r in rubrics])


# ------------------------------------------------------------------------------ who is who


def test_members_group_schools_by_district(page: Page, site_server) -> None:
    """«Школы Ассоциации» lists every school under its district, districts in registry order;
    kindergartens and other organisations follow in their own groups."""
    page.goto(site_server.url())
    goto_tab(page, "Школы Ассоциации")
    expect(page).to_have_url(site_server.url("schools/"))
    schools = [s for s in registry("schools") if s.get("type", "школа") == "школа"]
    districts = [d["name"] for d in registry("districts")
                 if any(s["district"] == d["name"] for s in schools)]
    expect(page.locator("main h2").first).to_have_text("Школы")
    expect(page.locator("main h3")).to_have_text(districts)
    for district in districts:
        heading = page.locator("main h3", has_text=re.compile(rf"^{re.escape(district)}$"))
        names = heading.locator("xpath=following-sibling::ul[1]/li/a[@class='kb-item__title']")
        expected = sorted(s["short_name"] for s in schools if s["district"] == district)
        expect(names).to_have_count(len(expected))
        assert sorted(names.all_inner_texts()) == expected, district


# ---------------------------------------------------------------------------------- search


# «стажировки» → «стажировочная площадка», «ёлка»/«елка», «ОВЗ» and the filters of the bank:
# tests/browser/test_search.py.


def test_search_finds_inflected_forms(page: Page, site_server) -> None:
    """«стажировки» finds pages that only use other cases of the word (e.g. «стажировках»)."""
    query = "стажировки"
    targets = [e for folder in ("practices", "recommendations", "digests")
               for e in published(folder)
               if re.search(r"стажировк[а-яё]*|стажировок", e.raw) and query not in e.raw]
    assert targets, "sample content should use «стажировка» in other cases only somewhere"
    page.goto(site_server.url("search/"))
    run_search(page, query)
    result_titles(page, query)
    found = set(search_results(page).evaluate_all("links => links.map(a => a.pathname)"))
    missing = [e.url for e in targets if urlsplit(site_server.url(e.url)).path not in found]
    assert not missing, f"not found by «{query}»: {missing}; results: {sorted(found)}"


def test_search_result_opens_the_practice(page: Page, site_server) -> None:
    """Clicking a search result opens that practice's page."""
    query = "стажировочная площадка"
    entry = next(e for e in published("practices") if "стажировочн" in e.title.lower())
    page.goto(site_server.url("search/"))
    run_search(page, query)
    assert entry.title in result_titles(page, query)
    link = search_results(page).filter(has_text=entry.title)
    expect(link).to_have_attribute("href", urlsplit(site_server.url(entry.url)).path)
    link.click()
    expect(page).to_have_url(site_server.url(entry.url))
    expect(page.locator("main h1").first).to_have_text(entry.title)


def test_search_results_have_no_permalink_sign(page: Page, site_server) -> None:
    """Titles and excerpts of results show text only, never the headings' «¶» permalinks."""
    query = "стажировочная площадка"
    page.goto(site_server.url("search/"))
    run_search(page, query)
    assert result_titles(page, query)
    text = page.locator(f"{BROWSER} ol.kb-browser__list").inner_text()
    assert "¶" not in text, text


def test_home_search_form_lands_on_results(page: Page, site_server) -> None:
    """The home-page search form opens /search/?q=… with the results already shown."""
    query = "наставничество"
    expected = [e.title for e in published("practices") if query in e.title.lower()]
    assert expected, f"sample content should hold a practice titled with «{query}»"
    open_home(page, site_server.url())
    page.get_by_label("Найти практику").fill(query)
    page.locator("form.kb-home-search").get_by_role("button", name="Найти").click()
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    assert urlsplit(page.url).path == urlsplit(site_server.url("search/")).path
    titles = result_titles(page, query)
    assert all(t in titles for t in expected), (expected, titles)


# -------------------------------------------------------- privacy and errors over a tour


@dataclass
class TourLog:
    """What the browser did during a tour of the site."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _tour(page: Page, server) -> None:
    """Home → bank → a practice → a recommendation → a digest → search with a query."""
    practice = practice_for_card()
    open_home(page, server.url())
    goto_tab(page, "Банк практик")
    expect(page).to_have_url(server.url("practices/"))
    page.locator("main a.kb-item__title", has_text=practice.title).click()
    expect(page.locator("main h1").first).to_have_text(practice.title)
    page.goto(server.url(published("recommendations")[0].url))
    expect(page.locator("main h1").first).to_be_visible()
    page.goto(server.url(published("digests")[-1].url))
    expect(page.locator("main h1").first).to_be_visible()
    page.goto(server.url("search/?q=" + "наставничество"))
    wait_for_search(page, "наставничество")
    expect(search_results(page).first).to_be_visible()
    page.wait_for_load_state("networkidle")


@pytest.fixture(scope="module")
def tour(browser, site_server) -> TourLog:
    """One tour in a fresh tab, recording every request, console error and failed load."""
    log = TourLog()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.set_default_timeout(WAIT)
    context.on("request", lambda request: log.requests.append(request.url))
    tab = context.new_page()
    tab.on("console", lambda m: log.errors.append(f"console: {m.text} @ {tab.url}")
           if m.type == "error" else None)
    tab.on("pageerror", lambda e: log.errors.append(f"pageerror: {e} @ {tab.url}"))
    tab.on("response", lambda r: log.failed.append(f"{r.status} {r.url}")
           if r.status >= 400 else None)
    try:
        _tour(tab, site_server)
    finally:
        context.close()
    return log


def test_no_request_leaves_the_machine(tour: TourLog) -> None:
    """Every request made while browsing goes to 127.0.0.1 (no fonts, CDNs, analytics)."""
    assert any("/pagefind/" in u for u in tour.requests), "the tour should have loaded Pagefind"
    assert any(u.endswith(".css") for u in tour.requests), "the tour should have loaded CSS"
    outside = [u for u in tour.requests
               if urlsplit(u).scheme not in ("data", "blob")
               and urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"requests to other hosts: {outside}"


def test_no_console_errors(tour: TourLog) -> None:
    """No console errors, no uncaught exceptions, no failed loads on the pages of the tour."""
    assert tour.requests, "the tour should have loaded pages"
    assert not tour.errors, "\n".join(tour.errors)
    assert not tour.failed, "\n".join(tour.failed)


# ------------------------------------------------------------------------------- sub-path


def test_sub_path_server_serves_only_under_bank(page: Page, sub_path_server) -> None:
    """The /bank/ server answers 404 outside /bank/, so stray absolute links would show."""
    root = sub_path_server.url().removesuffix("bank/")
    assert page.request.get(root + "practices/").status == 404
    assert page.request.get(root + "pagefind/pagefind-ui.js").status == 404
    assert page.request.get(sub_path_server.url("practices/")).status == 200
    assert page.request.get(sub_path_server.url("pagefind/pagefind-ui.js")).status == 200


def test_sub_path_navigation(page: Page, sub_path_server) -> None:
    """Published under /bank/: home → bank → practice works through relative links."""
    missing: list[str] = []
    page.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400
            else None)
    entry = practice_for_card()
    open_home(page, sub_path_server.url())
    goto_tab(page, "Банк практик")
    expect(page).to_have_url(sub_path_server.url("practices/"))
    expect(page.locator("main a.kb-item__title")).to_have_count(len(published("practices")))
    page.locator("main a.kb-item__title", has_text=entry.title).click()
    expect(page).to_have_url(sub_path_server.url(entry.url))
    expect(page.locator("main h1").first).to_have_text(entry.title)
    fact(page, "Школа").get_by_role("link").click()
    expect(page).to_have_url(sub_path_server.url(f"schools/{entry.meta['school']}/"))
    assert not missing, "\n".join(missing)


def test_sub_path_search(page: Page, sub_path_server) -> None:
    """Under /bank/ Pagefind loads from /bank/pagefind/ and its results open the practice."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    entry = next(e for e in published("practices") if "стажировочн" in e.title.lower())
    open_home(page, sub_path_server.url())
    # No «Поиск» tab: the header's field leads to the search page.
    header = page.locator("header.md-header").get_by_role("searchbox")
    header.fill("стажировочная площадка")
    header.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(sub_path_server.url("search/")) + r"\?q="))
    run_search(page, "стажировочная площадка")
    pagefind = [p for p in requested if "pagefind" in p]
    assert pagefind and all(p.startswith("/bank/pagefind/") for p in pagefind), pagefind
    link = search_results(page).filter(has_text=entry.title)
    expect(link).to_have_count(1, timeout=SEARCH_WAIT)
    link.click()
    expect(page).to_have_url(sub_path_server.url(entry.url))
    expect(page.locator("main h1").first).to_have_text(entry.title)


# --------------------------------------------------------------------------------- mobile

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const invisible = e => {
    for (let a = e; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.opacity === '0' || s.visibility === 'hidden') return true;
    }
    return false;
  };
  const scrolledInside = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible'
          && a.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const wide = Array.from(document.body.querySelectorAll('*'))
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .filter(e => !invisible(e) && !scrolledInside(e));
  const leaves = wide.filter(e => !wide.some(o => o !== e && e.contains(o)));
  return {
    width,
    scrollWidth: document.documentElement.scrollWidth,
    wide: leaves.slice(0, 5).map(e => e.tagName.toLowerCase() + ' «'
      + e.textContent.trim().slice(0, 50) + '» right=' + Math.round(
        e.getBoundingClientRect().right)),
  };
}"""
"""Where a page overflows a narrow screen: visible elements past the right edge that no
scrolling wrapper (e.g. a table's overflow-x:auto box) contains."""


HIDDEN_HEADER_TITLE = ".md-header__topic + .md-header__topic { display: none !important; }"


def _mobile_cases() -> list[Any]:
    """Every published practice and each recommendation with a plan table."""
    pages = published("practices") + [e for e in published("recommendations")
                                      if e.meta.get("plan")]
    return [pytest.param(e, id=e.slug, marks=MOBILE_BUGS.get(e.slug, ())) for e in pages]


MOBILE_BUGS: dict[str, Any] = {}


@pytest.mark.parametrize("entry", _mobile_cases())
def test_mobile_page_does_not_scroll_sideways(mobile_page: Page, site_server,
                                              entry: Entry) -> None:
    """At 360×740 the page is no wider than the screen (wide tables scroll in a wrapper)."""
    mobile_page.goto(site_server.url(entry.url))
    expect(mobile_page.locator("main h1").first).to_have_text(entry.title)
    # Material's header keeps the page title off-screen (opacity 0, translateX) until one
    # scrolls down, clipped by html{overflow-x:hidden}; that invisible title alone makes
    # documentElement 13px wider on long titles. Take it out, then measure the page.
    mobile_page.add_style_tag(content=HIDDEN_HEADER_TITLE)
    found = mobile_page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["width"] + 1, found
    assert not found["wide"], found
    assert mobile_page.evaluate("window.scrollX") == 0


FONT_STATE = """() => document.fonts.ready.then(() => ({
  text: getComputedStyle(document.querySelector('.md-typeset')).fontFamily,
  code: getComputedStyle(document.body).getPropertyValue('--md-code-font').trim(),
  loaded: Array.from(document.fonts).filter(f => f.status === 'loaded')
    .map(f => f.family.replace(/"/g, '') + ' ' + f.weight),
}))"""


def test_text_is_drawn_in_the_sites_own_fonts(page: Page, site_server) -> None:
    """Golos Text (regular and bold) comes from the site itself, whatever fonts the machine has."""
    fonts: list[str] = []
    page.on("request", lambda r: fonts.append(r.url) if r.resource_type == "font" else None)
    page.goto(site_server.url(published("practices")[0].url))
    state = page.evaluate(FONT_STATE)
    assert state["text"].startswith('"Golos Text"'), state
    assert state["code"].startswith('"PT Mono"'), state
    assert {"Golos Text 400", "Golos Text 700"} <= set(state["loaded"]), state
    assert fonts and all(url.startswith(site_server.url("assets/fonts/")) for url in fonts), fonts
