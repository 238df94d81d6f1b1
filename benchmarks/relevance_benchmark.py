"""Relevance of the site search on the sample content: recall@5 and MRR, ours against stock.

Builds the sample site twice with `kb build` (SOURCE_DATE_EPOCH fixed): as published, and a
«stock» copy without `content/_data/synonyms.yml`. Serves both, opens them in headless Chromium
(Debian's `chromium`, as the browser tests do) and runs every query of
`tests/search/relevance.yml`:

* ours: the site's search page (`/search/?q=…`): query normalisation, synonyms and whatever
  spelling correction the page does;
* stock: Pagefind's default JavaScript API with the query as typed, on the stock copy.

Prints recall@5 and MRR side by side — for the queries that do not need spelling correction,
for the typo and keyboard-layout queries (they depend on the correction), and for all — then
every query with its rank, and flags any query that returns more than half of all pages
although not every page matches. A script, not a test:

    python benchmarks/relevance_benchmark.py [--verbose] [--json out.json]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.search.pagefind_bundle import PagefindBundle  # noqa: E402
from tests.search.relevance import (  # noqa: E402
    Outcome,
    Query,
    load_queries,
    reciprocal_rank,
    run_ours,
    run_stock,
    score,
    too_broad,
)

EPOCH = "1795435200"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--no-first-run"]


def build(target: Path, *, synonyms: bool) -> Path:
    """The sample project copied into `target` and built there; the site folder."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "content", target / "content")
    if not synonyms:
        (target / "content" / "_data" / "synonyms.yml").unlink()
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"],
                            cwd=target, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    if result.returncode != 0:
        raise SystemExit(f"kb build failed:\n{result.stdout}\n{result.stderr}")
    return target / "site"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium() -> str:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.access(found, os.X_OK):
        raise SystemExit("Debian's chromium is needed: apt-get install chromium")
    return found


def run(queries: list[Query]) -> tuple[list[tuple[Query, Outcome, Outcome]], int]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kb-relevance-") as tmp:
        ours_site = build(Path(tmp) / "ours", synonyms=True)
        stock_site = build(Path(tmp) / "stock", synonyms=False)
        pages = PagefindBundle.read(ours_site / "pagefind").page_count
        with serve(ours_site) as ours_url, serve(stock_site) as stock_url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(),
                                                 args=CHROMIUM_ARGS, headless=True)
            context = browser.new_context(locale="ru-RU", service_workers="block")
            ours_tab, stock_tab = context.new_page(), context.new_page()
            rows = [(q, run_ours(ours_tab, ours_url, q.text),
                     run_stock(stock_tab, stock_url, q.text)) for q in queries]
            browser.close()
    return rows, pages


def report(rows: list[tuple[Query, Outcome, Outcome]], pages: int, verbose: bool) -> dict:
    groups = {
        "без исправления опечаток": [r for r in rows if not r[0].needs_correction],
        "опечатки и раскладка": [r for r in rows if r[0].needs_correction],
        "все запросы": rows,
    }
    summary = {}
    print(f"{'запросы':<26} {'N':>3}  {'recall@5 сток / наш':>22}  {'MRR сток / наш':>18}")
    for name, part in groups.items():
        stock = score([(q, s) for q, _, s in part])
        ours = score([(q, o) for q, o, _ in part])
        summary[name] = {"queries": len(part), "stock": vars(stock), "ours": vars(ours)}
        print(f"{name:<26} {len(part):>3}  {stock.recall:>10.2f} / {ours.recall:<9.2f}"
              f"  {stock.mrr:>8.2f} / {ours.mrr:<7.2f}")
    broad = [(q.text, o.total) for q, o, _ in rows if too_broad(q, o, pages)]
    print(f"\nстраниц в индексе: {pages}; запросы, вернувшие больше половины: "
          + (", ".join(f"«{t}» ({n})" for t, n in broad) or "нет"))
    if verbose:
        print(f"\n{'запрос':<34} {'вид':<12} {'сток':>9} {'наш':>9}")
        for q, o, s in rows:
            print(f"{q.text:<34} {q.kind:<12} {_rank(q, s):>9} {_rank(q, o):>9}")
            if reciprocal_rank(q, o) < 1:
                print("    наш: " + ", ".join(key.split("/")[-1][:28] for key in o.top))
    return {"pages": pages, "summary": summary, "too_broad": broad,
            "queries": [{"query": q.text, "kind": q.kind, "ours": vars(o), "stock": vars(s)}
                        for q, o, s in rows]}


def _rank(query: Query, outcome: Outcome) -> str:
    rr = reciprocal_rank(query, outcome)
    return f"{round(1 / rr)}/{outcome.total}" if rr else f"—/{outcome.total}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="every query with its rank")
    parser.add_argument("--json", type=Path, help="write the numbers into this file")
    args = parser.parse_args()
    rows, pages = run(load_queries())
    result = report(rows, pages, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
