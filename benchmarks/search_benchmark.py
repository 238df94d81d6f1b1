"""Measure, in the browser, how many bytes a visitor downloads to search.

The script generates one synthetic corpus (see `build_benchmark.write_corpus`) and builds it
twice: with our pipeline (the `kb` plugin, Pagefind on) and as a plain MkDocs + Material site
with Material's built-in `search` plugin. It serves each site from a local static server without
compression, opens a practice page in headless Chromium and runs two searches:

* our site: the Pagefind JS API in the page, as our UI does it (init, search, data of the
  first five results);
* Material: its own search box (type the query, wait for the result list).

Every response the browser receives is recorded with the phase it belongs to (page load, first
query, second query). It prints a table and writes `search_benchmark.json` into the output
folder. This is a script, not a test: run it by hand, e.g.

    python benchmarks/search_benchmark.py --size 200
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_benchmark as bb  # noqa: E402

DEFAULT_SIZE = 5000
DEFAULT_QUERIES = ("наставничество", "родители")
PRACTICE_PAGE = "practices/p-00001/"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"
GZIP_LEVEL = 6
PAGEFIND_RESULTS_SHOWN = 5
"""Our UI shows the data of the first five results; the benchmark loads as many."""
QUIET_MS = 750
"""The network counts as idle after this long without any request in flight."""
IDLE_TIMEOUT_MS = 600_000
RESULT_TIMEOUT_MS = 600_000
GOAL_FIRST_QUERY_BYTES = 300 * bb.KB
GOAL_RATIO = 100.0

PAGE_LOAD, FIRST_QUERY, SECOND_QUERY = "page load", "first query", "second query"

# Requests that belong to search even when the page makes them before any query: Material
# fetches its index and starts its worker on every page load.
SEARCH_PATHS = {
    "kb": ("/pagefind/",),
    "plain": ("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/"),
}

# --------------------------------------------------------------------------- builds


def enable_search_index(config_text: str) -> str:
    """Turn Pagefind back on in the config written by `bb.kb_config_text` (staging stays off)."""
    pattern = r"^([ \t]*)search_index:[ \t]*false[ \t]*$"
    new_text, count = re.subn(pattern, r"\1search_index: true", config_text, flags=re.MULTILINE)
    if count != 1:
        raise SystemExit(f"kb config: expected one 'search_index: false' line, found {count}")
    return new_text


def build_site(name: str, config_text: str, work: Path, settings: bb.Settings) -> float:
    """Write the config, run `mkdocs build` and return its wall seconds; abort on failure."""
    config_file = work / f"mkdocs-{name}.yml"
    config_file.write_text(config_text, encoding="utf-8")
    log_file = settings.logs / f"search-{name}.log"
    print(f"building the {name} site (log: {log_file})", file=sys.stderr)
    run = bb.run_mkdocs(config_file, log_file, settings)
    if run.returncode != 0 or run.timed_out:
        bb.failed_build(run, log_file)
        raise SystemExit(f"the {name} build failed")
    return run.timing.wall


def build_kb(content_dir: Path, work: Path, settings: bb.Settings) -> tuple[Path, float]:
    """Our pipeline with the Pagefind index built by the plugin at the end of the build."""
    site_dir = work / "site-kb"
    text = bb.kb_config_text(settings.code / "mkdocs.yml", content_dir, site_dir)
    seconds = build_site("kb", enable_search_index(text), work, settings)
    if not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise SystemExit(f"no Pagefind bundle in {site_dir}")
    return site_dir, seconds


def build_plain(content_dir: Path, work: Path, settings: bb.Settings) -> tuple[Path, float]:
    """Plain MkDocs + Material with its built-in search over the same Markdown files."""
    docs_dir, site_dir = work / "docs-plain", work / "site-plain"
    bb.write_plain_docs(content_dir, docs_dir)
    seconds = build_site("plain", bb.plain_config_text(docs_dir, site_dir), work, settings)
    if not (site_dir / "search" / "search_index.json").is_file():
        raise SystemExit(f"no search/search_index.json in {site_dir}")
    return site_dir, seconds


# --------------------------------------------------------------------------- static server


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files as they are on disk (no compression) without logging every request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve site_dir on 127.0.0.1 (free port) in a thread; yields the base URL."""
    handler = partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --------------------------------------------------------------------------- recording


@dataclass
class Transfer:
    """One response the browser received, with the phase in which it was requested."""

    url: str
    resource_type: str
    phase: str
    search: bool
    status: int | None = None
    body_bytes: int = 0
    header_bytes: int = 0
    body_source: str = "request.sizes()"
    disk_bytes: int | None = None
    """Size of the served file, to check the body size against."""
    gzip_bytes: int | None = None
    failure: str | None = None

    @property
    def bytes(self) -> int:
        """Bytes on the wire: response headers + body (the server does not compress)."""
        return self.header_bytes + self.body_bytes


class Recorder:
    """Collects every request of a browser context; sizes are read once a phase has ended."""

    def __init__(self, search_paths: tuple[str, ...]) -> None:
        self.phase = PAGE_LOAD
        self.search_paths = search_paths
        self.transfers: list[Transfer] = []
        self._requests: dict[Any, Transfer] = {}
        self._pending: set[Any] = set()
        self._finished: list[Any] = []
        self.last_activity = time.monotonic()

    def attach(self, context: Any) -> None:
        context.on("request", self._on_request)
        context.on("requestfinished", self._on_finished)
        context.on("requestfailed", self._on_failed)

    def _on_request(self, request: Any) -> None:
        path = urlsplit(request.url).path
        search = any(path.startswith(prefix) for prefix in self.search_paths)
        transfer = Transfer(request.url, request.resource_type, self.phase, search)
        self._requests[request] = transfer
        self.transfers.append(transfer)
        self._pending.add(request)
        self.last_activity = time.monotonic()

    def _on_finished(self, request: Any) -> None:
        self._pending.discard(request)
        self._finished.append(request)
        self.last_activity = time.monotonic()

    def _on_failed(self, request: Any) -> None:
        self._pending.discard(request)
        self._requests[request].failure = request.failure or "failed"
        self.last_activity = time.monotonic()

    def wait_idle(self, page: Any) -> None:
        """Let the event loop run until no request has been in flight for QUIET_MS."""
        deadline = time.monotonic() + IDLE_TIMEOUT_MS / 1000
        while self._pending or time.monotonic() - self.last_activity < QUIET_MS / 1000:
            if time.monotonic() > deadline:
                pending = [r.url for r in self._pending]
                raise TimeoutError(f"network not idle; pending: {pending}")
            page.wait_for_timeout(100)
        self._read_sizes()

    def _read_sizes(self) -> None:
        """Fill in status and sizes of the requests that finished since the last call.

        Chromium reports a body size of 0 for a worker's own script; the server does not
        compress, so the length of the body the browser received is the same number.
        """
        finished, self._finished = self._finished, []
        for request in finished:
            transfer = self._requests[request]
            sizes = request.sizes()
            response = request.response()
            transfer.status = response.status if response else None
            transfer.body_bytes = sizes["responseBodySize"]
            transfer.header_bytes = sizes["responseHeadersSize"]
            if transfer.body_bytes == 0 and response is not None:
                transfer.body_bytes = len(response.body())
                transfer.body_source = "response body"


# --------------------------------------------------------------------------- searching


@dataclass
class QueryResult:
    """What one search returned, to check that it found something."""

    query: str
    results: int
    first_results: list[str] = field(default_factory=list)
    seconds: float = 0.0
    summary: str = ""
    """Material's own result summary (its counts above 999 are rounded); empty for Pagefind."""


PAGEFIND_QUERY_JS = """
async ([bundle, query, shown]) => {
  if (!window.__benchPagefind) {
    window.__benchPagefind = await import(bundle + "pagefind.js");
    await window.__benchPagefind.init();
  }
  const search = await window.__benchPagefind.search(query);
  const data = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
  return {count: search.results.length, first: data.map((d) => d.url)};
}
"""


def pagefind_query(page: Any, base_url: str, query: str) -> QueryResult:
    """Search as our UI does: import the bundle, init, search, load the first results' data."""
    start = time.monotonic()
    found = page.evaluate(
        PAGEFIND_QUERY_JS, [f"{base_url}pagefind/", query, PAGEFIND_RESULTS_SHOWN]
    )
    return QueryResult(query, found["count"], found["first"], time.monotonic() - start)


MATERIAL_INPUT = "input.md-search__input"
MATERIAL_ITEM = ".md-search-result__item"
MATERIAL_META = ".md-search-result__meta"


def material_query(page: Any, base_url: str, query: str) -> QueryResult:
    """Search as a visitor does: open Material's search, type the query, wait for results.

    A space follows the query: Material searches the last word as a prefix, and for a Cyrillic
    word that finds nothing («Начните печатать для поиска») until the word is ended.
    """
    del base_url  # Material's search needs no URL: it runs in the page
    start = time.monotonic()
    search_input = page.locator(MATERIAL_INPUT)
    if not search_input.is_visible():  # narrow screens show an icon instead of the box
        page.locator("label.md-header__button[for='__search']").click()
    search_input.click()
    search_input.fill("")
    page.locator(MATERIAL_ITEM).first.wait_for(state="detached", timeout=RESULT_TIMEOUT_MS)
    search_input.press_sequentially(f"{query} ", delay=20)
    page.locator(MATERIAL_ITEM).first.wait_for(timeout=RESULT_TIMEOUT_MS)
    meta = page.locator(MATERIAL_META).inner_text()
    links = page.locator(f"{MATERIAL_ITEM} > a").evaluate_all(
        f"(links) => links.slice(0, {PAGEFIND_RESULTS_SHOWN}).map((a) => a.href)"
    )
    seconds = time.monotonic() - start
    return QueryResult(query, material_count(meta), links, seconds, summary=meta)


def material_count(meta: str) -> int:
    """The number in Material's result summary: «Найдено совпадений: 27», «… 1.5k», «… 1 …».

    Material rounds counts above 999 to thousands («3k»); the JSON keeps its text as well.
    """
    found = re.search(r"(\d+(?:\.\d+)?)(k?)", meta)
    if found is None:
        return 0  # «Совпадений не найдено», or the placeholder shown before a search
    number = float(found.group(1))
    return round(number * 1000) if found.group(2) else int(number)


Searcher = Callable[[Any, str, str], QueryResult]


# --------------------------------------------------------------------------- measuring


@dataclass
class SiteRun:
    """Everything measured for one site."""

    name: str
    page_url: str
    queries: list[QueryResult]
    transfers: list[Transfer]
    load_seconds: float


def launch_browser(playwright: Any) -> Any:
    if not CHROMIUM.is_file():
        raise SystemExit(f"Chromium not found at {CHROMIUM}")
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


def run_site(
    browser: Any, name: str, site_dir: Path, searcher: Searcher, queries: tuple[str, str]
) -> SiteRun:
    """Open a practice page in a fresh context (empty cache), then run both queries."""
    with serve(site_dir) as base_url:
        context = browser.new_context()
        context.set_default_timeout(RESULT_TIMEOUT_MS)  # a plain-MkDocs page of N links is slow
        recorder = Recorder(SEARCH_PATHS[name])
        recorder.attach(context)
        page = context.new_page()
        start = time.monotonic()
        page.goto(base_url + PRACTICE_PAGE, wait_until="load")
        recorder.wait_idle(page)
        load_seconds = time.monotonic() - start
        results = []
        for phase, query in zip((FIRST_QUERY, SECOND_QUERY), queries, strict=True):
            recorder.phase = phase
            results.append(searcher(page, base_url, query))
            recorder.wait_idle(page)
        context.close()
    add_file_sizes(recorder.transfers, base_url, site_dir)
    return SiteRun(name, base_url + PRACTICE_PAGE, results, recorder.transfers, load_seconds)


def local_file(url: str, base_url: str, site_dir: Path) -> Path | None:
    """The file a local URL was served from, or None for other hosts."""
    if not url.startswith(base_url):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site_dir / path
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def add_file_sizes(transfers: list[Transfer], base_url: str, site_dir: Path) -> None:
    """Disk size of each served file and an estimate of what a compressing server would send.

    The estimate is the file after gzip -6 when that is smaller (Pagefind's index files are
    compressed already, and a server would send them as they are), plus the same headers.
    """
    cache: dict[Path, int] = {}
    for transfer in transfers:
        target = local_file(transfer.url, base_url, site_dir)
        if target is None or not target.is_file() or transfer.status != 200:
            continue
        if target not in cache:
            cache[target] = gzip_size(target)
        transfer.disk_bytes = target.stat().st_size
        transfer.gzip_bytes = min(cache[target], transfer.body_bytes) + transfer.header_bytes


def query_cost(transfers: list[Transfer], phase: str) -> dict[str, Any]:
    """Bytes and requests of one query.

    The first query also counts search files the page fetched while loading (Material loads its
    index and worker on every page load); the page's own HTML, CSS and JS are not counted.
    """
    counted = [
        t
        for t in transfers
        if t.phase == phase or (phase == FIRST_QUERY and t.phase == PAGE_LOAD and t.search)
    ]
    return {
        "bytes": sum(t.bytes for t in counted),
        "body_bytes": sum(t.body_bytes for t in counted),
        "gzip_estimate_bytes": sum(t.gzip_bytes or t.bytes for t in counted),
        "requests": len(counted),
        "prefetched_on_page_load_bytes": sum(t.bytes for t in counted if t.phase == PAGE_LOAD),
        "files": [t.url.split("/", 3)[-1] for t in counted],
    }


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL))


GOAL_DICTIONARY_GZIP_BYTES = 150 * bb.KB


def dictionary_record(path: Path) -> dict[str, Any]:
    """The spelling dictionary: fetched only when a query word is not in the index, so it is
    not part of the first query of known words (the benchmark's queries)."""
    data = json.loads(path.read_text("utf-8"))
    gzip_bytes = gzip_size(path)
    return {"bytes": path.stat().st_size, "gzip_bytes": gzip_bytes,
            "words": len(data["words"].split()),
            "gzip_within_goal": gzip_bytes <= GOAL_DICTIONARY_GZIP_BYTES}


def disk_record(name: str, site_dir: Path) -> dict[str, Any]:
    """The search files on disk: the whole Pagefind bundle, or Material's search index."""
    if name == "kb":
        bundle = site_dir / "pagefind"
        files = [p for p in bundle.rglob("*") if p.is_file()]
        return {
            "kind": "Pagefind bundle (pagefind/)",
            "bytes": bb.tree_bytes(bundle),
            "files": len(files),
            "spelling_dictionary": dictionary_record(bundle / "kb-spelling.json"),
        }
    index = site_dir / "search" / "search_index.json"
    return {
        "kind": "search/search_index.json",
        "bytes": index.stat().st_size,
        "files": 1,
        "gzip_bytes": gzip_size(index),
    }


def site_record(run: SiteRun, site_dir: Path) -> dict[str, Any]:
    page_load = [t for t in run.transfers if t.phase == PAGE_LOAD and not t.search]
    return {
        "practice_page": run.page_url,
        "first_query": query_cost(run.transfers, FIRST_QUERY),
        "second_query": query_cost(run.transfers, SECOND_QUERY),
        "page_own_bytes_not_counted": sum(t.bytes for t in page_load),
        "queries": [asdict(q) for q in run.queries],
        "other_hosts": sorted(
            {t.url for t in run.transfers if urlsplit(t.url).hostname not in (LOCAL_HOST, None)}
        ),
        "failed_requests": [(t.url, t.failure) for t in run.transfers if t.failure],
        "search_files_on_disk": disk_record(run.name, site_dir),
        "page_load_seconds": run.load_seconds,
        "transfers": [{**asdict(t), "bytes": t.bytes} for t in run.transfers],
    }


def measure_in_browser(sites: dict[str, Path], queries: tuple[str, str]) -> dict[str, Any]:
    """Run the scenario on both sites in one headless Chromium."""
    from playwright.sync_api import sync_playwright

    searchers: dict[str, Searcher] = {"kb": pagefind_query, "plain": material_query}
    records = {}
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            for name, site_dir in sites.items():
                print(f"measuring search on the {name} site", file=sys.stderr)
                run = run_site(browser, name, site_dir, searchers[name], queries)
                records[name] = site_record(run, site_dir)
        finally:
            browser.close()
    return records


# --------------------------------------------------------------------------- report


def summary(sites: dict[str, Any]) -> dict[str, Any]:
    """Ratios Material / ours and whether the issue's goals are met."""
    ours, plain = sites["kb"]["first_query"], sites["plain"]["first_query"]
    ratio = plain["bytes"] / ours["bytes"] if ours["bytes"] else None
    gzip_ratio = (
        plain["gzip_estimate_bytes"] / ours["gzip_estimate_bytes"]
        if ours["gzip_estimate_bytes"]
        else None
    )
    found = all(q["results"] > 0 for site in sites.values() for q in site["queries"])
    return {
        "first_query_ratio_material_to_ours": ratio,
        "first_query_ratio_gzip_estimate": gzip_ratio,
        "goal_first_query_at_most_bytes": GOAL_FIRST_QUERY_BYTES,
        "goal_ratio_at_least": GOAL_RATIO,
        "first_query_within_goal": ours["bytes"] <= GOAL_FIRST_QUERY_BYTES,
        "ratio_within_goal": ratio is not None and ratio >= GOAL_RATIO,
        "all_queries_found_results": found,
        "no_other_hosts": not any(site["other_hosts"] for site in sites.values()),
    }


def kilobytes(value: float) -> str:
    return f"{value / bb.KB:,.1f}"


def results_cell(query: dict[str, Any]) -> str:
    """A result count; «~» marks Material's counts rounded to thousands («1.5k»)."""
    approximate = query["summary"].rstrip().endswith("k")
    return f"{'~' if approximate else ''}{query['results']:,}"


def table_rows() -> list[tuple[str, Callable[[dict[str, Any]], str]]]:
    """Label and cell of each table row; a cell reads one site's record."""
    return [
        ("first query, kB", lambda s: kilobytes(s["first_query"]["bytes"])),
        (
            "  of it fetched on page load, kB",
            lambda s: kilobytes(s["first_query"]["prefetched_on_page_load_bytes"]),
        ),
        ("  gzip -6 estimate, kB", lambda s: kilobytes(s["first_query"]["gzip_estimate_bytes"])),
        ("first query, requests", lambda s: str(s["first_query"]["requests"])),
        ("second query, kB", lambda s: kilobytes(s["second_query"]["bytes"])),
        ("  gzip -6 estimate, kB", lambda s: kilobytes(s["second_query"]["gzip_estimate_bytes"])),
        ("second query, requests", lambda s: str(s["second_query"]["requests"])),
        (
            "results (1st / 2nd query)",
            lambda s: " / ".join(results_cell(q) for q in s["queries"]),
        ),
        ("search files on disk, kB", lambda s: kilobytes(s["search_files_on_disk"]["bytes"])),
        ("page's own load (not counted), kB", lambda s: kilobytes(s["page_own_bytes_not_counted"])),
        ("requests to other hosts", lambda s: str(len(s["other_hosts"]))),
    ]


def report_text(results: dict[str, Any]) -> str:
    sites, total = results["sites"], results["summary"]
    corpus = results["corpus"]
    queries = " / ".join(f"«{q}»" for q in results["queries"])
    width, column = 36, 18
    lines = [
        f"N = {results['size']:,} practices (+{corpus['recommendations']} recommendations, "
        f"{corpus['digests']} digests); queries {queries}",
        "bytes on the wire (headers + body), server without compression; 1 kB = 1000 bytes",
        f"{'':{width}} {'ours (Pagefind)':>{column}} {'Material search':>{column}}",
    ]
    for label, getter in table_rows():
        lines.append(
            f"{label:{width}} {getter(sites['kb']):>{column}} {getter(sites['plain']):>{column}}"
        )
    lines += footer_lines(sites, total)
    return "\n".join(lines) + "\n"


def ratio_text(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}x"


def footer_lines(sites: dict[str, Any], total: dict[str, Any]) -> list[str]:
    """Search files on disk, the ratio Material / ours and the issue's goals."""
    bundle, index = sites["kb"]["search_files_on_disk"], sites["plain"]["search_files_on_disk"]
    ratio = ratio_text(total["first_query_ratio_material_to_ours"])
    gzip_ratio = ratio_text(total["first_query_ratio_gzip_estimate"])
    within = "met" if total["first_query_within_goal"] else "NOT met"
    ratio_ok = "met" if total["ratio_within_goal"] else "NOT met"
    words = bundle["spelling_dictionary"]
    return [
        f"Pagefind bundle on disk: {kilobytes(bundle['bytes'])} kB in {bundle['files']:,} files",
        f"spelling dictionary: {kilobytes(words['bytes'])} kB (gzip -6: "
        f"{kilobytes(words['gzip_bytes'])} kB), {words['words']:,} words; goal gzip <= "
        f"{kilobytes(GOAL_DICTIONARY_GZIP_BYTES)} kB: "
        f"{'met' if words['gzip_within_goal'] else 'NOT met'}",
        f"search_index.json on disk: {kilobytes(index['bytes'])} kB "
        f"(gzip -6: {kilobytes(index['gzip_bytes'])} kB)",
        f"first query, Material / ours: {ratio} (gzip -6 estimate: {gzip_ratio})",
        f"goal: ours <= {kilobytes(GOAL_FIRST_QUERY_BYTES)} kB: {within}; "
        f"Material / ours >= {GOAL_RATIO:.0f}x: {ratio_ok}",
        f"all queries found results: {total['all_queries_found_results']}; "
        f"requests to other hosts: {'none' if total['no_other_hosts'] else 'SOME (see JSON)'}",
    ]


def save(results: dict[str, Any], out_dir: Path) -> Path:
    target = out_dir / "search_benchmark.json"
    target.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


# --------------------------------------------------------------------------- main


def parse_args(argv: Iterable[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size",
        type=int,
        default=DEFAULT_SIZE,
        help=f"number of practices to generate (default {DEFAULT_SIZE})",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=bb.DEFAULT_OUT,
        help="where to write the JSON and the build logs",
    )
    parser.add_argument(
        "--queries",
        nargs=2,
        default=list(DEFAULT_QUERIES),
        metavar=("FIRST", "SECOND"),
        help="the two queries, in order",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="folder for the corpus and the sites (default: a temporary folder)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=7200.0,
        help="seconds after which one mkdocs build is stopped (default 7200)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the corpus and the built sites instead of deleting them",
    )
    return parser.parse_args(None if argv is None else list(argv))


def run(args: argparse.Namespace, root: Path, settings: bb.Settings) -> dict[str, Any]:
    """Generate the corpus, build both sites, measure them in the browser."""
    print(f"generating {args.size} practices in {root}", file=sys.stderr)
    content_dir = root / "content"
    shutil.rmtree(content_dir, ignore_errors=True)
    corpus = bb.write_corpus(args.size, content_dir)
    kb_site, kb_seconds = build_kb(content_dir, root, settings)
    plain_site, plain_seconds = build_plain(content_dir, root, settings)
    queries = (args.queries[0], args.queries[1])
    sites = measure_in_browser({"kb": kb_site, "plain": plain_site}, queries)
    sites["kb"]["build_seconds"], sites["plain"]["build_seconds"] = kb_seconds, plain_seconds
    return {
        "size": args.size,
        "queries": list(queries),
        "corpus": asdict(corpus),
        "method": {
            "server": "http.server.ThreadingHTTPServer on 127.0.0.1, no compression",
            "browser": "headless Chromium, fresh context (empty cache) per site",
            "bytes": "response headers + body per request (Playwright request.sizes())",
            "first_query": "requests made during the first query, plus search files fetched "
            "while the page loaded (Material preloads its index); the page's "
            "own HTML/CSS/JS are not counted",
            "gzip_estimate": f"served files compressed with Python gzip level {GZIP_LEVEL} "
            "+ the same headers",
            "ours": "Pagefind JS API in the page: import pagefind.js, init(), search(q), "
            f"data() of the first {PAGEFIND_RESULTS_SHOWN} results",
            "material": "open the search box, type the query, wait for .md-search-result__item",
        },
        "machine": bb.machine_info(),
        "code": {"snapshot": bb.code_fingerprint(settings.code)},
        "sites": sites,
        "summary": summary(sites),
    }


def main(argv: Iterable[str] | None = None) -> int:
    args = parse_args(argv)
    out_dir = args.out.resolve()
    logs = out_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    root = (args.work or Path(tempfile.mkdtemp(prefix="kb-search-benchmark-"))).resolve()
    root.mkdir(parents=True, exist_ok=True)
    settings = bb.Settings(bb.snapshot_code(root), logs, args.timeout)
    try:
        results = run(args, root, settings)
    finally:
        if not args.keep:
            shutil.rmtree(root if args.work is None else settings.code, ignore_errors=True)
            for name in ("content", "docs-plain", "site-kb", "site-plain"):
                shutil.rmtree(root / name, ignore_errors=True)
    target = save(results, out_dir)
    print(report_text(results), end="")
    print(f"Written: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
