"""The relevance set (relevance.yml) and how a search is scored on it, in the browser.

Shared by tests/browser/test_relevance.py and benchmarks/relevance_benchmark.py. A query is run
two ways on a served site: «ours» through the site's own search page (/search/?q=…, with the
query normalisation, synonyms and whatever correction the page does), «stock» through
Pagefind's default JavaScript API with the query as typed, as Pagefind's own UI sends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

RELEVANCE_FILE = Path(__file__).with_name("relevance.yml")
KINDS = ("word", "everyday", "abbreviation", "two-word", "typo", "layout")
"""What a query tests; «typo» and «layout» need the spelling correction."""
NEEDS_CORRECTION = frozenset({"typo", "layout"})
TOP = 5
WAIT_MS = 15_000
_FOUND_PATTERN = re.compile(r"Найдено: \d+")


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    relevant: dict[str, int]
    """Page ("practices/<slug>") → grade: 2 what the reader meant, 1 also useful."""
    broad: bool = False
    """Every indexed page really matches, so more than half of them may be returned."""

    @property
    def needs_correction(self) -> bool:
        return self.kind in NEEDS_CORRECTION


@dataclass
class Outcome:
    total: int
    top: list[str] = field(default_factory=list)
    """The first TOP result pages, as "section/slug"."""


def load_queries(path: Path = RELEVANCE_FILE) -> list[Query]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(row["query"]), str(row["kind"]),
                  {str(k): int(v) for k, v in row["relevant"].items()},
                  bool(row.get("broad", False))) for row in rows]


def page_key(url: str, base_path: str) -> str:
    """"practices/x" for …/bank/practices/x/ or …/practices/x/index.html."""
    path = urlsplit(url).path
    if path.startswith(base_path):
        path = path[len(base_path):]
    path = path.removesuffix("index.html").strip("/")
    return path


def run_ours(page: Any, base_url: str, query: str) -> Outcome:
    """The site's search page: its count and first results."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}search/?q={quote(query)}")
    browser = page.locator("#kb-browser")
    expect(browser).to_have_attribute("data-kb-ready", "true", timeout=WAIT_MS)
    expect(browser.locator(".kb-browser__results")).to_have_attribute(
        "aria-busy", "false", timeout=WAIT_MS)
    expect(browser.locator(".kb-browser__count")).to_have_text(
        _FOUND_PATTERN, timeout=WAIT_MS)
    count = browser.locator(".kb-browser__count").inner_text()
    total = int("".join(ch for ch in count.split(":", 1)[1] if ch.isdigit()) or 0)
    hrefs = browser.locator(".kb-result__title a").evaluate_all(
        "links => links.map(a => a.href)")
    base_path = urlsplit(base_url).path
    return Outcome(total, [page_key(h, base_path) for h in hrefs[:TOP]])


STOCK_SEARCH = """async ([bundle, query, top]) => {
  const pagefind = await import(bundle + 'pagefind.js');
  await pagefind.options({ baseUrl: new URL(bundle + '..', location.href).pathname });
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
  return { total: search.results.length, urls: data.map((d) => d.url) };
}"""


def run_stock(page: Any, base_url: str, query: str) -> Outcome:
    """Pagefind's default API on the site's bundle, the query as typed."""
    if not page.url.startswith(base_url):
        page.goto(base_url)
    found = page.evaluate(STOCK_SEARCH, [f"{base_url}pagefind/", query, TOP])
    base_path = urlsplit(base_url).path
    return Outcome(int(found["total"]), [page_key(u, base_path) for u in found["urls"]])


def recall_at_5(query: Query, outcome: Outcome) -> float:
    """Share of the relevant pages (at most TOP of them) among the first TOP results."""
    wanted = set(query.relevant)
    return len(wanted & set(outcome.top[:TOP])) / min(len(wanted), TOP)


def reciprocal_rank(query: Query, outcome: Outcome) -> float:
    """1 / the rank of the first page the reader meant (grade 2) among the first results."""
    meant = {key for key, grade in query.relevant.items() if grade >= 2}
    for rank, key in enumerate(outcome.top, start=1):
        if key in meant:
            return 1 / rank
    return 0.0


def too_broad(query: Query, outcome: Outcome, pages: int) -> bool:
    """More than half of all indexed pages for a query that not every page matches."""
    return outcome.total > pages / 2 and not query.broad


@dataclass
class Score:
    recall: float
    mrr: float
    queries: int


def score(pairs: list[tuple[Query, Outcome]]) -> Score:
    if not pairs:
        return Score(0.0, 0.0, 0)
    return Score(sum(recall_at_5(q, o) for q, o in pairs) / len(pairs),
                 sum(reciprocal_rank(q, o) for q, o in pairs) / len(pairs), len(pairs))


