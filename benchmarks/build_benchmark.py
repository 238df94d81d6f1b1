"""Measure how the site build scales with the number of practices.

For each size N the script generates a synthetic corpus (the real registries, recommendations
and digests plus N practices cycled from the sample practices), checks it with the project's
loader and builds it the ways a user would:

* `kb build`: the project's command, exactly as an editor runs it (checks, pages, Pagefind);
* `kb build` without the search step (`search_index: false`), then the search step on its own
  in a process of its own, so that Pagefind's time and memory are seen apart;
* the baseline a user would pick: plain Material for MkDocs over the same Markdown, with its
  own search and a section-only `nav:` (home, practices, recommendations, digests; each section
  an index page listing its entries).

Every build is a child process: its wall and CPU time and the peak memory of its whole process
tree (Pagefind's included) are recorded. It prints a table and writes `build_benchmark.json`
(all numbers plus machine info) into the output folder. This is a script, not a test: run it by
hand, e.g.

    python benchmarks/build_benchmark.py --sizes 50
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from processes import ProcessRun, Timing, run_measured  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONTENT = PROJECT_ROOT / "content"
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
DEFAULT_OUT = PROJECT_ROOT / "benchmarks" / "out"
DEFAULT_SIZES = (1000, 5000)

PUBLISHED = "опубликовано"
FALLBACK_REVIEWER = "kafedra-pedagogiki-i-psihologii"
PUBLIC_STATUS = re.compile(r"^status: (опубликовано|рекомендовано к тиражированию)\s*$", re.M)
"""Reviewer given to copies of samples that have none (drafts), so that they can be published."""
VARIANT_SUFFIX = " (вариант {number})"
COPIED_TYPES = ("recommendations", "digests", "courses", "conference", "innovation")
"""Copied as they are (related practices remapped); the bank's practices are generated."""
PRACTICES = "practices"
ATTACHMENTS = "attachments"
AGREEMENTS = "partnerships"
"""Agreements networks.yml names."""

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):(?:\s|$)")
_FENCE = "---"

SECTIONS = (("Банк практик", PRACTICES), ("Рекомендации", "recommendations"),
            ("Дайджест", "digests"), ("Курсы", "courses"), ("Конференция", "conference"),
            ("Инновационные проекты", "innovation"))
"""The baseline's nav: the sections of our mkdocs.yml that hold entries."""

VERSIONED_PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "pagefind_bin", "markdown", "jinja2")

MB = 1_000_000
KB = 1_000

# --------------------------------------------------------------------------- corpus


@dataclass
class Block:
    """One top-level key of a front-matter block with its continuation lines, kept as text."""

    key: str | None
    lines: list[str]

    def value(self) -> Any:
        """The key's value as YAML reads it (used only for title, date and related)."""
        loaded = yaml.safe_load("\n".join(self.lines))
        return loaded.get(self.key) if isinstance(loaded, dict) else None


@dataclass
class CorpusInfo:
    """What was generated for one size."""

    practices: int
    recommendations: int
    digests: int
    markdown_bytes: int
    entries_loaded: int = 0
    warnings: int = 0


def split_front_matter(text: str) -> tuple[list[str], str]:
    """Front-matter lines and the rest of the file (body with its leading newline)."""
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        raise ValueError("no front-matter")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == _FENCE:
            return lines[1:index], "\n".join(lines[index + 1 :])
    raise ValueError("front-matter is not closed")


def split_blocks(lines: list[str]) -> list[Block]:
    """Group front-matter lines by top-level key; comments before the first key get key None."""
    blocks: list[Block] = []
    for line in lines:
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            blocks.append(Block(match.group(1), [line]))
        elif blocks:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(None, [line]))
    return blocks


def join_document(blocks: list[Block], body: str) -> str:
    lines = [line for block in blocks for line in block.lines]
    return "\n".join([_FENCE, *lines, _FENCE, body])


def practice_slug(number: int) -> str:
    return f"p-{number:05d}"


def remap_related(block: Block, related_map: dict[str, str]) -> Block | None:
    """Point `related` at the synthetic copies of the same samples; drop it when none exist."""
    targets = [related_map[slug] for slug in block.value() or [] if slug in related_map]
    if not targets:
        return None
    return Block("related", [f"related: [{', '.join(targets)}]"])


def synthesize_practice(text: str, number: int, related_map: dict[str, str]) -> str:
    """A published copy of a sample practice with a numbered title and valid references."""
    head, body = split_front_matter(text)
    blocks = split_blocks(head)
    by_key = {block.key: block for block in blocks}
    out: list[Block] = []
    for block in blocks:
        if block.key == "title":
            title = f"{block.value()}{VARIANT_SUFFIX.format(number=number)}"
            block = Block("title", [f"title: {json.dumps(title, ensure_ascii=False)}"])
        elif block.key == "status" and not PUBLIC_STATUS.search("\n".join(block.lines)):
            block = Block("status", [f"status: {PUBLISHED}"])
        elif block.key == "related":
            remapped = remap_related(block, related_map)
            if remapped is None:
                continue
            block = remapped
        out.append(block)
        if block.key == "status":
            out.extend(review_blocks(by_key))
    return join_document(out, body)


def review_blocks(by_key: dict[str | None, Block]) -> list[Block]:
    """A review for a sample that lacks one, dated on submission."""
    if "review" in by_key:
        return []
    submitted = by_key["date"].value()
    return [Block("review", ["review:", f"  reviewer: {FALLBACK_REVIEWER}",
                             f"  date: {submitted}"])]


def copy_with_related(source: Path, target: Path, related_map: dict[str, str]) -> None:
    """Copy a recommendation or digest, keeping only `related` links that resolve."""
    head, body = split_front_matter(source.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    for block in split_blocks(head):
        if block.key == "related":
            remapped = remap_related(block, related_map)
            if remapped is None:
                continue
            block = remapped
        blocks.append(block)
    target.write_text(join_document(blocks, body), encoding="utf-8")


def sample_practices() -> list[Path]:
    """The published samples: a draft may lack what a public practice needs (review, data)."""
    return sorted(p for p in (CONTENT / PRACTICES).glob("*.md") if p.name != "index.md"
                  and PUBLIC_STATUS.search(p.read_text(encoding="utf-8")))


def write_corpus(size: int, content_dir: Path) -> CorpusInfo:
    """content_dir/_data, monitoring/, practices/p-*.md (+ attachments), recommendations/,
    digests/. The monitoring tables come along: «подтверждена мониторингом» is checked
    against them."""
    samples = sample_practices()
    if not samples:
        raise SystemExit(f"no sample practices in {CONTENT / PRACTICES}")
    shutil.copytree(CONTENT / "_data", content_dir / "_data")
    if (CONTENT / "monitoring").is_dir():
        shutil.copytree(CONTENT / "monitoring", content_dir / "monitoring")
    related_map = {s.stem: practice_slug(i + 1) for i, s in enumerate(samples) if i < size}
    practices_dir = content_dir / PRACTICES
    practices_dir.mkdir(parents=True)
    if (CONTENT / PRACTICES / ATTACHMENTS).is_dir():
        shutil.copytree(CONTENT / PRACTICES / ATTACHMENTS, practices_dir / ATTACHMENTS)
    texts = [s.read_text(encoding="utf-8") for s in samples]
    for number in range(1, size + 1):
        text = synthesize_practice(texts[(number - 1) % len(texts)], number, related_map)
        (practices_dir / f"{practice_slug(number)}.md").write_text(text, encoding="utf-8")
    counts = {}
    for folder in COPIED_TYPES:
        # the whole folder (an edition's materials lie beside it), then its entries remapped
        shutil.copytree(CONTENT / folder, content_dir / folder)
        sources = sorted((CONTENT / folder).glob("*.md"))
        for source in sources:
            copy_with_related(source, content_dir / folder / source.name, related_map)
        counts[folder] = len(sources)
    if (CONTENT / AGREEMENTS).is_dir():
        shutil.copytree(CONTENT / AGREEMENTS, content_dir / AGREEMENTS)
    _remap_registry_practices(content_dir / "_data" / "internship_sites.yml", related_map)
    markdown = sum(p.stat().st_size for p in content_dir.rglob("*.md"))
    return CorpusInfo(size, counts["recommendations"], counts["digests"], markdown)


def _remap_registry_practices(path: Path, related_map: dict[str, str]) -> None:
    """A registry that names sample practices (internship sites) names their generated copies."""
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    for old, new in related_map.items():
        text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
    path.write_text(text, encoding="utf-8")


class Stopwatch:
    """Measures a Timing from creation to `stop()`."""

    def __init__(self) -> None:
        self._wall = time.perf_counter()
        self._cpu = cpu_seconds()

    def stop(self) -> Timing:
        return Timing(time.perf_counter() - self._wall, cpu_seconds() - self._cpu)


def cpu_seconds() -> float:
    """CPU time of this process (all threads) plus that of its reaped children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def load_and_validate(content_dir: Path, display_root: Path) -> tuple[Timing, int, int]:
    """Run the project's loader; abort on any error. Returns its timing, entries, warnings."""
    from build_tools.checks.loader import Project, load_library
    from build_tools.diagnostics.problems import render_text

    watch = Stopwatch()
    library, problems = load_library(Project(content_dir, display_root))
    timing = watch.stop()
    if problems.has_errors():
        raise SystemExit("generated corpus does not validate:\n" + render_text(problems))
    return timing, len(library.entries), len(problems.warnings)


def code_fingerprint(base: Path) -> str:
    """A short hash of base/build_tools/ and base/mkdocs.yml."""
    digest = hashlib.sha256()
    files = [p for p in (base / "build_tools").rglob("*") if p.is_file()]
    for path in sorted(files + [base / "mkdocs.yml"]):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def snapshot_code(root: Path) -> Path:
    """Copy build_tools/ and mkdocs.yml to root/code and import build_tools from the copy.

    Others may edit the working tree during a long run; a frozen copy keeps every phase and
    every size of one run on the same code. The mkdocs subprocesses get it via PYTHONPATH.
    """
    code = root / "code"
    shutil.rmtree(code, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(PROJECT_ROOT / "build_tools", code / "build_tools", ignore=ignore)
    shutil.copy2(MKDOCS_YML, code / "mkdocs.yml")
    sys.path.insert(0, str(code))
    return code


# --------------------------------------------------------------------------- configs


def replace_line(text: str, pattern: str, replacement: str) -> str:
    """Replace exactly one line matching `pattern`; fail loudly when mkdocs.yml has changed."""
    new_text, count = re.subn(pattern, lambda _: replacement, text, flags=re.MULTILINE)
    if count != 1:
        raise SystemExit(f"mkdocs.yml: expected one line matching {pattern!r}, found {count}")
    return new_text


def kb_config_text(mkdocs_yml: Path, docs_dir: Path, site_dir: Path, *, search: bool = False,
                   staged: bool = False) -> str:
    """The project's mkdocs.yml, as text, pointed at the corpus (Pagefind and staging off
    unless asked for)."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = replace_line(text, r"^docs_dir:.*$", f"docs_dir: {json.dumps(str(docs_dir))}")
    text = replace_line(text, r"^site_dir:.*$", f"site_dir: {json.dumps(str(site_dir))}")
    # `- kb` or `- kb:` with options of its own below, which stay.
    match = re.search(r"^([ \t]*)- kb:?[ \t]*$", text, flags=re.MULTILINE)
    indent = match.group(1) if match else ""
    plugin = (f"{indent}- kb:\n{indent}    search_index: {str(search).lower()}\n"
              f"{indent}    staged: {str(staged).lower()}")
    return replace_line(text, r"^[ \t]*- kb:?[ \t]*$", plugin)


def plain_config_text(docs_dir: Path, site_dir: Path) -> str:
    """Plain MkDocs + Material with its own search and a section-only nav.

    Without `nav:` MkDocs lists every page in the navigation of every page, which makes a
    bank of thousands of pages slow and large; nobody would publish it so.
    """
    nav = [{"Главная": "index.md"}, *({title: f"{folder}/index.md"} for title, folder in SECTIONS)]
    config = {
        "site_name": "Банк лучших практик (plain MkDocs baseline)",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material", "language": "ru", "font": False},
        "plugins": ["search"],
        "nav": nav,
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def write_plain_docs(content_dir: Path, docs_dir: Path) -> None:
    """The same Markdown files (front-matter as MkDocs reads it), without the registries; each
    section gets an index page linking its entries, as a plain site's editor would write."""
    for title, folder in SECTIONS:
        shutil.copytree(content_dir / folder, docs_dir / folder)
        entries = sorted(p for p in (docs_dir / folder).glob("*.md") if p.name != "index.md")
        links = [f"- [{entry_title(path)}]({path.name})" for path in entries]
        (docs_dir / folder / "index.md").write_text(
            "\n".join([f"# {title}", "", *links, ""]), encoding="utf-8")
    (docs_dir / "index.md").write_text("# Банк лучших практик\n", encoding="utf-8")


def entry_title(path: Path) -> str:
    head, _ = split_front_matter(path.read_text(encoding="utf-8"))
    data = yaml.safe_load("\n".join(head)) or {}
    title = str(data.get("title") or path.stem)
    return title.replace("[", "(").replace("]", ")")


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Settings:
    """What every build of one run shares."""

    code: Path
    """The snapshot folder holding build_tools/ and mkdocs.yml."""
    logs: Path
    timeout: float


@dataclass
class SiteMetrics:
    total_bytes: int
    files: int
    html_pages: int
    mean_html_bytes: float
    median_practice_bytes: float
    practice_pages: int
    largest_html: list[tuple[str, int]] = field(default_factory=list)


def child_env(settings: Settings) -> dict[str, str]:
    """The environment of every build: the code snapshot first on the import path."""
    python_path = filter(None, [str(settings.code), os.environ.get("PYTHONPATH")])
    # NO_MKDOCS_2_WARNING only silences Material's end-of-life banner in the logs.
    return {**os.environ, "PYTHONPATH": os.pathsep.join(python_path), "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs(config_file: Path, log_file: Path, settings: Settings) -> ProcessRun:
    """`python -m mkdocs build` in a subprocess: its wall and CPU time and its peak RSS."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file)]
    return run_measured(command, log_file, cwd=config_file.parent, env=child_env(settings),
                        timeout=settings.timeout)


def run_kb_build(config_file: Path, log_file: Path, settings: Settings) -> ProcessRun:
    """`kb build`, the command editors run (checks, then MkDocs with the kb plugin)."""
    command = [sys.executable, "-m", "build_tools.engine.cli", "-f", str(config_file), "build"]
    return run_measured(command, log_file, cwd=config_file.parent, env=child_env(settings),
                        timeout=settings.timeout)


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure_site(site_dir: Path) -> SiteMetrics:
    """Sizes of everything under site_dir, of its HTML pages and of the practice pages."""
    total = files = 0
    html: list[tuple[str, int]] = []
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        if path.suffix == ".html":
            html.append((path.relative_to(site_dir).as_posix(), size))
    practice = [p.stat().st_size for p in site_dir.glob(f"{PRACTICES}/p-*/index.html")]
    largest = sorted(html, key=lambda item: item[1], reverse=True)[:5]
    return SiteMetrics(
        total_bytes=total,
        files=files,
        html_pages=len(html),
        mean_html_bytes=statistics.fmean(s for _, s in html) if html else 0.0,
        median_practice_bytes=statistics.median(practice) if practice else 0.0,
        practice_pages=len(practice),
        largest_html=largest,
    )


def failed_build(run: ProcessRun, log_file: Path) -> dict[str, Any]:
    """A result record for a build that timed out or failed, with the end of its log."""
    tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
    reason = "timed out" if run.timed_out else f"exit code {run.returncode}"
    seconds = run.timing.wall
    print(f"  build {reason} after {seconds:.1f} s; log: {log_file}", file=sys.stderr)
    print("\n".join(f"    {line}" for line in tail), file=sys.stderr)
    return {"ok": False, "error": reason, "seconds": seconds, "log": str(log_file)}


def phase_record(phases: dict[str, Timing]) -> dict[str, Any]:
    """Wall and CPU seconds per phase, with their totals."""
    return {
        "phases_seconds": {name: t.wall for name, t in phases.items()},
        "phases_cpu_seconds": {name: t.cpu for name, t in phases.items()},
        "total_seconds": sum(t.wall for t in phases.values()),
        "total_cpu_seconds": sum(t.cpu for t in phases.values()),
    }


def memory_record(runs: list[ProcessRun]) -> dict[str, Any]:
    """Peaks over the runs of one build: the whole tree, its largest process, Pagefind's."""
    pagefind = [mb for run in runs for name, mb in run.peaks_by_name.items() if "pagefind" in name]
    return {"peak_rss_mb": max(run.peak_rss_mb for run in runs),
            "tree_peak_rss_mb": max(run.tree_peak_rss_mb for run in runs),
            "pagefind_peak_rss_mb": max(pagefind) if pagefind else None}


def bench_kb(content_dir: Path, work: Path, settings: Settings, *, search: bool,
             ) -> dict[str, Any]:
    """`kb build` with Pagefind inside it, or without it and then the search step alone."""
    name = "kb" if search else "kb-nosearch"
    site_dir = work / f"site-{name}"
    config_file = work / f"mkdocs-{name}.yml"
    # Staged as editors build: into a folder next to site/, swapped in at the end.
    config_file.write_text(kb_config_text(settings.code / "mkdocs.yml", content_dir, site_dir,
                                          search=search, staged=True), encoding="utf-8")
    log_file = settings.logs / f"{name}-{content_dir.parent.name}.log"
    run = run_kb_build(config_file, log_file, settings)
    if run.returncode != 0 or run.timed_out:
        return failed_build(run, log_file)
    phases, runs = {"kb_build": run.timing}, [run]
    record: dict[str, Any] = {}
    if search:
        record["pagefind_pages"] = pagefind_pages(log_file)
    else:
        step = bench_search_step(site_dir, settings)
        if not step.get("ok"):
            return step
        phases["search_step"] = step.pop("timing")
        runs.append(step.pop("run"))
        record["search_step"] = step
        record["pagefind_pages"] = step["pages"]
    return {
        "ok": True,
        **phase_record(phases),
        **memory_record(runs),
        **record,
        "site": asdict(measure_site(site_dir)),
        "search_index_bytes": tree_bytes(site_dir / "pagefind"),
        "search_index_kind": "Pagefind bundle (site/pagefind/)",
    }


def pagefind_pages(log_file: Path) -> int | None:
    """Pages indexed, as the build's own log line says."""
    found = re.search(r"Pagefind: .*?(\d+) за", log_file.read_text(encoding="utf-8"))
    return int(found.group(1)) if found else None


def bench_search_step(site_dir: Path, settings: Settings) -> dict[str, Any]:
    """The search step alone in a process of its own: its time, its memory and Pagefind's."""
    log_file = settings.logs / f"search-step-{site_dir.parent.name}.log"
    command = [sys.executable, str(Path(__file__).resolve()), "--index-only", str(site_dir)]
    run = run_measured(command, log_file, cwd=site_dir.parent, env=child_env(settings),
                       timeout=settings.timeout)
    if run.returncode != 0 or run.timed_out:
        return failed_build(run, log_file)
    report = json.loads(log_file.read_text(encoding="utf-8").splitlines()[-1])
    return {"ok": True, "timing": run.timing, "run": run, **report, **memory_record([run])}


def index_only(site_dir: Path) -> int:
    """Child process of `bench_search_step`: index the entry pages as the plugin does."""
    from build_tools.search.search_index import entry_glob, index_site

    report = index_site(site_dir, glob=entry_glob([folder for _, folder in SECTIONS]))
    print(json.dumps({"pages": report.pages}))
    return 0


def bench_plain(content_dir: Path, work: Path, settings: Settings) -> dict[str, Any]:
    """Plain MkDocs + Material over the same Markdown files."""
    docs_dir, site_dir = work / "docs-plain", work / "site-plain"
    write_plain_docs(content_dir, docs_dir)
    config_file = work / "mkdocs-plain.yml"
    config_file.write_text(plain_config_text(docs_dir, site_dir), encoding="utf-8")
    log_file = settings.logs / f"plain-{content_dir.parent.name}.log"
    run = run_mkdocs(config_file, log_file, settings)
    if run.returncode != 0 or run.timed_out:
        return failed_build(run, log_file)
    index = site_dir / "search" / "search_index.json"
    return {
        "ok": True,
        **phase_record({"mkdocs_build": run.timing}),
        **memory_record([run]),
        "site": asdict(measure_site(site_dir)),
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
        "search_index_kind": "search/search_index.json",
    }


# --------------------------------------------------------------------------- report


def machine_info() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_gb": memory_gb(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": {name: package_version(name) for name in VERSIONED_PACKAGES},
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def memory_gb() -> float | None:
    meminfo = Path("/proc/meminfo")
    if not meminfo.is_file():
        return None
    for line in meminfo.read_text(encoding="utf-8").splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


Row = tuple[str, Callable[[dict[str, Any]], Any]]
TOTAL_LABEL = "total, s"
COLUMN = 20
BUILDS = (("kb", "kb build"), ("kb_nosearch", "kb, no search"), ("plain", "plain Material"))


def _phase(name: str) -> Callable[[dict[str, Any]], Any]:
    """(wall, CPU) seconds of one phase, or None when the build has no such phase."""

    def get(result: dict[str, Any]) -> tuple[float, float] | None:
        if name not in result["phases_seconds"]:
            return None
        return result["phases_seconds"][name], result["phases_cpu_seconds"][name]

    return get


def _total(result: dict[str, Any]) -> tuple[float, float]:
    return result["total_seconds"], result["total_cpu_seconds"]


def _search_step(field: str) -> Callable[[dict[str, Any]], Any]:
    return lambda result: result.get("search_step", {}).get(field)


TABLE_ROWS: tuple[Row, ...] = (
    ("kb build / mkdocs build, s", lambda r: _phase("kb_build")(r) or _phase("mkdocs_build")(r)),
    ("search step alone, s", _phase("search_step")),
    (TOTAL_LABEL, _total),
    ("peak RSS, process tree, MB", lambda r: r["tree_peak_rss_mb"]),
    ("peak RSS, largest process, MB", lambda r: r["peak_rss_mb"]),
    ("  Pagefind's own peak, MB", lambda r: r.get("pagefind_peak_rss_mb")),
    ("  search step alone, tree, MB", _search_step("tree_peak_rss_mb")),
    ("pages indexed by Pagefind", lambda r: r.get("pagefind_pages")),
    ("site size, MB", lambda r: r["site"]["total_bytes"] / MB),
    ("files in site", lambda r: r["site"]["files"]),
    ("HTML pages", lambda r: r["site"]["html_pages"]),
    ("mean HTML page, kB", lambda r: r["site"]["mean_html_bytes"] / KB),
    ("typical practice page, kB", lambda r: r["site"]["median_practice_bytes"] / KB),
    ("largest HTML page, kB", lambda r: r["site"]["largest_html"][0][1] / KB),
    ("search index, MB", lambda r: r["search_index_bytes"] / MB),
)


def format_cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value.split(":")[0]
    if isinstance(value, tuple):
        return " (".join(format_cell(v) for v in value) + ")"
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.1f}"
    return f"{value:,}"


def cell(result: dict[str, Any], label: str, getter: Callable[[dict[str, Any]], Any]) -> str:
    """One table cell; a failed or skipped build shows its reason in the total row."""
    if not result.get("ok"):
        return str(result.get("error", "skipped")) if label == TOTAL_LABEL else "—"
    return format_cell(getter(result))


def size_table(entry: dict[str, Any]) -> str:
    """One side-by-side table for one corpus size, with the CPU ratios to the baseline."""
    corpus, load = entry["corpus"], entry["load_average"]
    lines = [
        f"N = {entry['size']:,} practices (+{corpus['recommendations']} recommendations, "
        f"{corpus['digests']} digests; {corpus['markdown_bytes'] / MB:.1f} MB of Markdown)",
        "times: wall seconds (CPU seconds in brackets); "
        f"1-min load average before/after: {load[0]:.2f} / {load[1]:.2f}",
        f"{'':30}" + "".join(f" {title:>{COLUMN}}" for _, title in BUILDS),
    ]
    for label, getter in TABLE_ROWS:
        cells = (cell(entry.get(key, {}), label, getter) for key, _ in BUILDS)
        lines.append(f"{label:30}" + "".join(f" {c:>{COLUMN}}" for c in cells))
    lines.extend(ratio_lines(entry))
    lines.append("search index = Pagefind bundle (ours) / search/search_index.json (plain)")
    return "\n".join(lines)


def ratio_lines(entry: dict[str, Any]) -> list[str]:
    """CPU of our builds over the baseline's, the figure the issue's goals are set in."""
    plain, lines = entry.get("plain", {}), []
    if not plain.get("ok"):
        return lines
    base = plain["total_cpu_seconds"]
    nosearch = entry.get("kb_nosearch", {})
    if nosearch.get("ok"):
        build = nosearch["phases_cpu_seconds"]["kb_build"]
        search = nosearch["phases_cpu_seconds"]["search_step"]
        lines.append(f"CPU ratio, kb build without search / plain: {build / base:.2f}× "
                     f"({build:.1f} s / {base:.1f} s); search step alone {search:.1f} s "
                     f"({search / base:.2f}× plain)")
    if entry.get("kb", {}).get("ok"):
        full = entry["kb"]["total_cpu_seconds"]
        lines.append(f"CPU ratio, kb build / plain: {full / base:.2f}× "
                     f"({full:.1f} s / {base:.1f} s)")
    return lines


def full_report(results: dict[str, Any]) -> str:
    machine = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in machine["versions"].items() if v)
    header = (
        f"{machine['cpu_count']} CPU ({machine['cpu_model']}), "
        f"{machine['memory_gb']} GB RAM, Python {machine['python']}; {versions}\n"
        f"code measured: snapshot {results['code']['snapshot']} of build_tools/ + mkdocs.yml"
    )
    return "\n\n".join([header, *(size_table(e) for e in results["sizes"])]) + "\n"


def save(results: dict[str, Any], out_dir: Path) -> None:
    """Write the JSON and the printed table; called after every size so partial runs count."""
    (out_dir / "build_benchmark.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (out_dir / "build_benchmark.txt").write_text(full_report(results), encoding="utf-8")


# --------------------------------------------------------------------------- main


def bench_size(
    size: int, root: Path, settings: Settings, args: argparse.Namespace
) -> dict[str, Any]:
    """Generate, validate and build one corpus size; the work folder is removed afterwards."""
    work = root / f"n{size}"
    content_dir = work / "content"
    load_before = os.getloadavg()[0]
    shutil.rmtree(work, ignore_errors=True)  # a leftover of an earlier --keep run
    work.mkdir(parents=True)
    results: dict[str, Any] = {}
    try:
        print(f"[N={size}] generating corpus in {work}", file=sys.stderr)
        corpus = write_corpus(size, content_dir)
        _, corpus.entries_loaded, corpus.warnings = load_and_validate(content_dir, work)
        for key, title in BUILDS:
            if key.replace("_", "-") not in args.builds:
                results[key] = {"ok": False, "error": "skipped"}
                continue
            print(f"[N={size}] {title}", file=sys.stderr)
            results[key] = (bench_plain(content_dir, work, settings) if key == "plain" else
                            bench_kb(content_dir, work, settings, search=key == "kb"))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return {
        "size": size,
        "corpus": asdict(corpus),
        **results,
        "load_average": (load_before, os.getloadavg()[0]),
    }


def parse_args(argv: Iterable[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(DEFAULT_SIZES),
        help="numbers of practices to generate (default: 1000 5000)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="where to write the JSON, the table and build logs",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="folder for corpora and sites (default: a new temporary folder)",
    )
    parser.add_argument(
        "--builds",
        nargs="+",
        choices=("kb", "kb-nosearch", "plain"),
        default=["kb", "kb-nosearch", "plain"],
        help="which builds to run: kb build with the search step, kb build without it "
        "followed by the search step alone, the baseline (default: all three)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=3600.0,
        help="seconds after which one mkdocs build is stopped (default 3600)",
    )
    parser.add_argument("--index-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep generated corpora and sites instead of deleting them",
    )
    return parser.parse_args(None if argv is None else list(argv))


def clean_up(root: Path, code: Path, args: argparse.Namespace) -> None:
    """Remove the temporary work folder, or only the code snapshot from a --work folder."""
    if not args.keep:
        shutil.rmtree(root if args.work is None else code, ignore_errors=True)


def main(argv: Iterable[str] | None = None) -> int:
    args = parse_args(argv)
    if args.index_only:
        return index_only(args.index_only)
    out_dir = args.out.resolve()
    logs = out_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    root = (args.work or Path(tempfile.mkdtemp(prefix="kb-benchmark-"))).resolve()
    root.mkdir(parents=True, exist_ok=True)
    settings = Settings(snapshot_code(root), logs, args.timeout)
    results: dict[str, Any] = {
        "machine": machine_info(),
        "code": {"snapshot": code_fingerprint(settings.code)},
        "sizes": [],
    }
    try:
        for size in args.sizes:
            results["sizes"].append(bench_size(size, root, settings, args))
            save(results, out_dir)
    finally:
        clean_up(root, settings.code, args)
    results["code"]["working_tree_at_end"] = code_fingerprint(PROJECT_ROOT)
    save(results, out_dir)
    print(full_report(results))
    print(f"Written: {out_dir / 'build_benchmark.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
