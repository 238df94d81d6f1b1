"""Measure the editor's loop: how long `kb serve` takes to start and to show a saved edit.

For each size N the script generates the build benchmark's corpus (N practices), starts
`kb serve` on a free port and measures, in wall seconds and in the server's CPU seconds (user +
system, Pagefind's process included once it has been waited for):

* start: from launch until the home page is served;
* body edit: from saving a paragraph added to one practice until its page shows it;
* title edit: from saving a new title until the practice's page shows it (the same rebuild
  writes every listing that shows the title).

The same is measured for the baseline a user would pick, stock `mkdocs serve --dirty` on plain
Material with a section-only nav over the same Markdown (body edit only: its listing pages are
hand-written, so a title is not shown anew there). This is a script, not a test: run it by
hand, once, on a quiet machine, e.g.

    python benchmarks/serve_benchmark.py --sizes 1000
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_benchmark import (  # noqa: E402
    MKDOCS_YML,
    kb_config_text,
    plain_config_text,
    write_corpus,
    write_plain_docs,
)

TIMEOUT_SECONDS = 600
SETTLE_SECONDS = 3
"""Between the start and the first edit, for both servers: an editor looks at the page before
saving a change, and the servers' start-up work is over by then (kb serve collects garbage once,
a second after its first build: engine/memory.py)."""
TICKS = os.sysconf("SC_CLK_TCK")
Row = tuple[str, float, float]


def mount_path() -> str:
    """`kb serve` serves the site at the path of mkdocs.yml's site_url (e.g. /bank/)."""
    for line in MKDOCS_YML.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path or "/"
    return "/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system seconds of the process and of the children it has waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / TICKS


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


class Server:
    """A serve command running in `project`, measured from its launch."""

    def __init__(self, command: Sequence[str], project: Path, log: Path) -> None:
        self.log = log.open("w", encoding="utf-8")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=project, stdout=self.log,
                                        stderr=subprocess.STDOUT)

    def until(self, condition: Callable[[], bool], since: float) -> Row:
        """Wall and CPU seconds from `since` (a perf_counter reading) until `condition`."""
        cpu = cpu_seconds(self.process.pid) if since != self.started else 0.0
        while not condition():
            if self.process.poll() is not None:
                raise SystemExit(f"the server stopped; see {self.log.name}")
            if time.perf_counter() - since > TIMEOUT_SECONDS:
                raise SystemExit(f"timed out; see {self.log.name}")
            time.sleep(0.05)
        return "", time.perf_counter() - since, cpu_seconds(self.process.pid) - cpu

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def edit(path: Path, change: Callable[[str], str]) -> float:
    """Save the changed file; the moment it was saved."""
    text = change(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return time.perf_counter()


def measure(label: str, command: Sequence[str], project: Path, practice: Path, root: str,
            titles: bool) -> list[Row]:
    server = Server(command, project, project.parent / f"{label}.log")
    try:
        _, wall, cpu = server.until(lambda: bool(fetch(root)), server.started)
        rows = [(f"{label}: start", wall, cpu)]
        page = f"{root}practices/{practice.stem}/"
        time.sleep(SETTLE_SECONDS)
        saved = edit(practice, lambda text: text + "\nАбзац, дописанный при правке.\n")
        _, wall, cpu = server.until(lambda: "Абзац, дописанный при правке" in fetch(page), saved)
        rows.append((f"{label}: body edit visible", wall, cpu))
        if titles:
            saved = edit(practice, lambda text: text.replace("\ntitle: ", "\ntitle: Правка — ", 1))
            _, wall, cpu = server.until(lambda: "Правка — " in fetch(page), saved)
            rows.append((f"{label}: title edit visible", wall, cpu))
        return rows
    finally:
        server.stop()


def bench(size: int, work: Path, search: bool, baseline: bool) -> list[Row]:
    project = work / "project"
    project.mkdir(parents=True)
    content = project / "content"
    write_corpus(size, content)
    (project / "mkdocs.yml").write_text(
        kb_config_text(MKDOCS_YML, content, project / "site", search=search), encoding="utf-8")
    practice = sorted((content / "practices").glob("*.md"))[size // 2]
    rows: list[Row] = []
    if baseline:  # first, before the kb run edits the practice
        plain = work / "plain"
        write_plain_docs(content, plain / "docs")
        (plain / "mkdocs.yml").write_text(
            plain_config_text(plain / "docs", plain / "site"), encoding="utf-8")
        port = free_port()
        rows += measure("mkdocs serve --dirty (plain Material)",
                        [sys.executable, "-m", "mkdocs", "serve", "--dirty",
                         "-a", f"127.0.0.1:{port}"],
                        plain, plain / "docs/practices" / practice.name,
                        f"http://127.0.0.1:{port}/", False)
    port = free_port()
    rows += measure("kb serve", [sys.executable, "-m", "build_tools.engine.cli", "serve",
                                 "-a", f"127.0.0.1:{port}"],
                    project, practice, f"http://127.0.0.1:{port}{mount_path()}", True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--no-search", action="store_true",
                        help="start kb serve without building the Pagefind index")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip stock mkdocs serve --dirty on plain Material")
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="kb-serve-bench-") as folder:
            rows = bench(size, Path(folder), not args.no_search, not args.no_baseline)
        print(f"\n{size} practices (Pagefind {'off' if args.no_search else 'on'} at start)")
        print(f"{'step':<58} {'wall s':>8} {'CPU s':>8}")
        for label, wall, cpu in rows:
            print(f"{label:<58} {wall:>8.2f} {cpu:>8.2f}")


if __name__ == "__main__":
    main()
