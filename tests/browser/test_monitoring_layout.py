"""Monitoring pages on a desktop and a phone: tables and charts fit or scroll in a box that says
so, labels are readable and grow with the low-vision font, legends show in every colour scheme,
and axe-core finds nothing on them in any scheme."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP
from tests.browser.test_accessibility import SCHEMES, axe_violations, describe

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WAIT = 10_000
SIZES = {"1280": DESKTOP, "360": {"width": 360, "height": 640}}
MIN_TEXT_PX = 12
STORAGE_KEY = "kb-low-vision"


def monitoring_pages(site: Path) -> dict[str, str]:
    """The overview, the first indicator, the candidates and the first school with data."""
    first = yaml.safe_load((ROOT / "content/_data/indicators.yml").read_text("utf-8"))[0]
    schools = sorted(p.parent.name for p in (site / "schools").glob("*/index.html")
                     if 'id="monitoring"' in p.read_text("utf-8"))
    assert schools, "the sample build should hold a school page with monitoring data"
    return {"index": "monitoring/", "indicator": f"monitoring/{first['id']}/",
            "candidates": "monitoring/candidates/", "school": f"schools/{schools[0]}/"}


FIT = """() => {
  const boxes = [...document.querySelectorAll('main table.kb-monitoring, main .kb-chart')];
  const column = document.querySelector('main .md-content__inner')
    || document.querySelector('main');
  const right = column.getBoundingClientRect().right;
  const shown = e => e && e.getClientRects().length > 0
    && getComputedStyle(e).visibility !== 'hidden';
  return {
    page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
    boxes: boxes.map(e => {
      const wrap = e.closest('.kb-table-wrap');
      const scrolls = !!wrap && wrap.scrollWidth > wrap.clientWidth + 1;
      const hint = wrap && wrap.querySelector(':scope > .kb-table-hint');
      return {
        what: e.tagName.toLowerCase() + ' '
          + (e.querySelector('caption') || e).textContent.trim().slice(0, 40),
        overflows: e.getBoundingClientRect().right > right + 1,
        scrolls, hinted: !!shown(hint),
        region: !!wrap && wrap.getAttribute('role') === 'region' && wrap.tabIndex === 0
          && !!(wrap.getAttribute('aria-label') || wrap.getAttribute('aria-labelledby')),
        wrapFits: !wrap || wrap.getBoundingClientRect().right <= right + 1,
      };
    }),
  };
}"""


def visit(tab: Page, server, path: str, settings: dict[str, str] | None = None) -> None:
    tab.goto(server.url(""))
    tab.evaluate("([k, v]) => localStorage.setItem(k, v)",
                 [STORAGE_KEY, json.dumps(settings or {})])
    tab.goto(server.url(path))
    expect(tab.locator("main h1").first).to_be_visible()
    tab.evaluate("document.fonts.ready.then(() => null)")


@pytest.fixture(scope="module")
def tabs(browser) -> Iterator[dict[str, Page]]:  # type: ignore[no-untyped-def]
    contexts = {name: browser.new_context(viewport=size, locale="ru-RU", service_workers="block")
                for name, size in SIZES.items()}
    for context in contexts.values():
        context.set_default_timeout(WAIT)
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_no_table_or_chart_is_cut_off(tabs: dict[str, Page], site_server, built_site: Path,
                                      size: str) -> None:
    """Each table and chart fits its column, or scrolls in a labelled, focusable box whose hint
    is visible; a box that does not scroll shows no hint; the page never scrolls sideways."""
    tab, found = tabs[size], {}
    for name, path in monitoring_pages(built_site).items():
        visit(tab, site_server, path)
        state = tab.evaluate(FIT)
        assert state["boxes"], f"{path}: no monitoring table or chart found"
        found[name] = state
        assert state["page"][0] <= state["page"][1] + 1, (path, state["page"])
        for box in state["boxes"]:
            assert box["wrapFits"], (path, box)
            if box["overflows"]:
                assert box["scrolls"] and box["hinted"] and box["region"], (path, box)
            assert box["hinted"] == box["scrolls"], (path, box)
    charts = [b for s in found.values() for b in s["boxes"] if b["what"].startswith("div")]
    assert charts and not any(b["overflows"] for b in charts), charts


SMALLEST_TEXT = """() => {
  let smallest = 1000, where = '';
  const roots = 'main .kb-figure, main table.kb-monitoring, main .kb-table-hint';
  for (const root of document.querySelectorAll(roots)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.getClientRects().length
          || el.closest('.kb-visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < smallest) { smallest = size; where = n.textContent.trim().slice(0, 30); }
    }
  }
  return [smallest, where];
}"""


def test_no_monitoring_text_under_12px_on_a_phone(tabs: dict[str, Page], site_server,
                                                  built_site: Path) -> None:
    for path in monitoring_pages(built_site).values():
        visit(tabs["360"], site_server, path)
        smallest, where = tabs["360"].evaluate(SMALLEST_TEXT)
        assert smallest >= MIN_TEXT_PX, (path, smallest, where)


LABEL_SIZES = """() => ['.kb-chart__y li', '.kb-chart__x li', '.kb-chart__unit', 'ul.kb-legend li']
  .map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""


def test_chart_labels_grow_with_the_low_vision_font(tabs: dict[str, Page], site_server,
                                                    built_site: Path) -> None:
    path = monitoring_pages(built_site)["indicator"]
    visit(tabs["360"], site_server, path)
    body = tabs["360"].evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('main .md-typeset')).fontSize)")
    normal = tabs["360"].evaluate(LABEL_SIZES)
    assert all(size >= body - 0.5 for size in normal), (normal, body)  # body-text size
    visit(tabs["360"], site_server, path, {"font": "3"})
    large = tabs["360"].evaluate(LABEL_SIZES)
    assert all(big >= 1.9 * small for big, small in zip(large, normal, strict=True)), (
        normal, large)
    assert not any(b["overflows"] for b in tabs["360"].evaluate(FIT)["boxes"]
                   if b["what"].startswith("div"))


CONTRAST = """() => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
                            return (x + 0.05) / (y + 0.05); };
  const ground = e => { for (let a = e; a; a = a.parentElement) {
      const c = rgb(getComputedStyle(a).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c; }
    return [255, 255, 255]; };
  return [...document.querySelectorAll('ul.kb-legend > li')].map(li => {
    const bg = ground(li);
    const line = li.querySelector('.kb-chart__line');
    return {label: li.textContent.trim(),
            text: ratio(rgb(getComputedStyle(li).color), bg),
            swatch: ratio(rgb(getComputedStyle(line).stroke), bg)};
  });
}"""


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s or "normal")
def test_legend_is_visible_in_every_colour_scheme(tabs: dict[str, Page], site_server,
                                                  built_site: Path, scheme: str) -> None:
    """Legend text ≥ 4.5:1 and each sample line ≥ 3:1 against the ground it is drawn on
    (white-on-black is where the region's black sample used to vanish)."""
    visit(tabs["1280"], site_server, monitoring_pages(built_site)["indicator"],
          {"scheme": scheme} if scheme else {})
    items = tabs["1280"].evaluate(CONTRAST)
    assert items and any(i["label"] == "Все районы" for i in items), items
    for item in items:
        assert item["text"] >= 4.5 and item["swatch"] >= 3, (scheme, item)


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s or "normal")
def test_axe_finds_nothing_on_monitoring_pages(tabs: dict[str, Page], site_server,
                                               built_site: Path, axe_script: Path,
                                               scheme: str) -> None:
    tab = tabs["1280"]
    failures = []
    for path in monitoring_pages(built_site).values():
        visit(tab, site_server, path, {"scheme": scheme} if scheme else {})
        violations = axe_violations(tab, axe_script)
        if violations:
            failures.append(f"{path} ({scheme or 'normal'}):\n{describe(violations)}")
    assert not failures, "\n".join(failures)
