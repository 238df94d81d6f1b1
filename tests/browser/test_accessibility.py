"""WCAG 2.1 AA on the built site: axe-core in every colour scheme, reflow at 320 px and 200 %.

axe-core comes from the npm registry (package.json, see the `axe_script` fixture) and runs
inside Debian's Chromium on the pages a teacher meets: the home page, the practice bank with
its filters open, a practice, a recommendation with a plan table, a digest and a monitoring
indicator page, in the normal look and in each low-vision colour scheme.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from build_tools.pages.low_vision import SETTINGS
from tests.browser.conftest import DESKTOP
from tests.browser.test_site import BROWSER, OVERFLOW, WAIT, published, wait_for_search

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = [c.value for s in SETTINGS if s.key == "scheme" for c in s.choices]
""""" (the site's own look) and every low-vision colour scheme."""
STORAGE_KEY = "kb-low-vision"
"""Where kb-low-vision.js keeps the visitor's settings."""
ALLOWED_VIOLATIONS: dict[str, str] = {}
"""axe rule id → why it cannot be fixed here. Empty: every page passes without exceptions."""


def page_set() -> dict[str, str]:
    """Name → address of the pages every check visits, read from content/."""
    with_plan = [e for e in published("recommendations") if e.meta.get("plan")]
    assert with_plan, "sample content should hold a recommendation with a plan table"
    indicators = yaml.safe_load((ROOT / "content/_data/indicators.yml").read_text("utf-8"))
    return {
        "home": "",
        "bank": "practices/",
        "practice": published("practices")[0].url,
        "recommendation": with_plan[0].url,
        "digest": published("digests")[-1].url,
        "monitoring": f"monitoring/{indicators[0]['id']}/",
        # Beyond the list: the pages added with the calendar, open data and the guide.
        "events": "events/",
        "open data": "data/",
        "guide": "guide/",
        # Courses and the conference: the list with its filters, a course with groups, an edition.
        "courses": "courses/",
        "course": "courses/upravlenie-razvitiem-obrazovatelnoy-organizatsii/",
        "edition": "conference/2026/",
        # Stage timelines with states in words and colour (issue 15).
        "innovation project": published("innovation")[0].url,
        "timeline": "timeline/",
        # The Association's own pages: sites with their filter, networks with monitoring side by
        # side, «Об Ассоциации», a project and a member school (site status, partners).
        "sites": "sites/",
        "networks": "networks/",
        "about": "about/",
        "project": "projects/kapsula-vremeni/",
        "school": "schools/kudrovo-gorizont/",
    }


PAGES = page_set()


def open_page(tab: Page, server, name: str) -> None:
    """Open a page of the set and wait until what axe should see is there."""
    tab.goto(server.url(PAGES[name]))
    expect(tab.locator("main h1").first).to_be_visible()
    # The site's own fonts set the final line breaks: measure after they have loaded.
    tab.evaluate("document.fonts.ready.then(() => null)")
    if name == "bank":
        wait_for_search(tab)
        # Filters open: always on a wide screen; on a narrow one behind «Фильтры», opened here.
        toggle = tab.locator(f"{BROWSER} .kb-filters__toggle")
        if toggle.is_visible():
            toggle.click()
            expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(tab.locator(f"{BROWSER} fieldset.kb-facet input").first).to_be_visible()


def store_settings(tab: Page, settings: dict[str, str]) -> None:
    tab.evaluate("([key, value]) => localStorage.setItem(key, value)",
                 [STORAGE_KEY, json.dumps(settings)])


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    """One desktop tab for the whole module: 36 axe runs navigate, they do not relaunch."""
    context = browser.new_context(viewport=DESKTOP, locale="ru-RU", service_workers="block")
    context.set_default_timeout(WAIT)
    yield context.new_page()
    context.close()


def axe_violations(tab: Page, axe_script: Path) -> list[dict]:
    tab.add_script_tag(path=str(axe_script))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [v for v in result["violations"] if v["id"] not in ALLOWED_VIOLATIONS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s or "normal")
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_wcag21aa_violation(tab: Page, site_server, axe_script: Path,
                                          name: str, scheme: str) -> None:
    """Zero axe-core violations at WCAG 2.1 AA; in a colour scheme with the panel open too."""
    tab.goto(site_server.url())
    store_settings(tab, {"scheme": scheme} if scheme else {})
    open_page(tab, site_server, name)
    if scheme:
        expect(tab.locator("html")).to_have_attribute("data-kb-lv-scheme", scheme)
        # The panel opens only when asked, on every page anew: the reader asks here.
        tab.get_by_role("button", name="Версия для слабовидящих").click()
        expect(tab.locator("#kb-lv-panel")).to_be_visible()
    else:
        expect(tab.locator("html")).not_to_have_attribute("data-kb-lv-scheme", re.compile(""))
    violations = axe_violations(tab, axe_script)
    assert not violations, f"{PAGES[name] or 'home'} ({scheme or 'normal'}):\n" + describe(
        violations)


REFLOW = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    # A 1280 px wide window at 200 % zoom lays the page out 640 CSS pixels wide.
    "zoom200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}
LOW_VISION_EXTREME = {"font": "3", "letters": "3", "lines": "3", "scheme": "wb"}


@pytest.mark.parametrize("settings", [{}, LOW_VISION_EXTREME], ids=["normal", "largest-text"])
@pytest.mark.parametrize("size", list(REFLOW))
def test_no_horizontal_scrolling(browser, site_server, size: str,  # type: ignore[no-untyped-def]
                                 settings: dict[str, str]) -> None:
    """At 320 px and at 200 % zoom no page scrolls sideways (tables scroll in their own box),
    in the normal look and with the largest text, spacing and the panel open."""
    context = browser.new_context(locale="ru-RU", service_workers="block", **REFLOW[size])
    context.set_default_timeout(WAIT)
    tab = context.new_page()
    try:
        tab.goto(site_server.url())
        store_settings(tab, settings)
        wide: dict[str, object] = {}
        for name in PAGES:
            open_page(tab, site_server, name)
            if settings:  # the panel opens only when asked: the reader asks on every page
                drawer_close = tab.locator(".kb-drawer__close").locator("visible=true")
                if drawer_close.count():  # the filters' drawer is modal: closed first
                    drawer_close.first.click()
                tab.get_by_role("button", name="Версия для слабовидящих").click()
                expect(tab.locator("#kb-lv-panel")).to_be_visible()
            found = tab.evaluate(OVERFLOW)
            if found["scrollWidth"] > found["width"] or found["wide"]:
                wide[PAGES[name] or "home"] = found
        assert not wide, wide
    finally:
        context.close()
