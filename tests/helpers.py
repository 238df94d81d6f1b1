"""Helpers shared by tests: paths, a copy of the sample project, a free port, the `kb` type,
`kb serve` running in the background."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

KbRunner = Callable[..., subprocess.CompletedProcess[str]]


def copy_sample(target: Path) -> Path:
    """mkdocs.yml and the sample content/ copied into `target` (created here), ready for kb."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "content", target / "content")
    return target


def edit(project: Path, shown: str, find: str, replace: str) -> None:
    """Replace the first `find` in the project's file `shown` (relative to the project); the
    text must be there, so a changed sample fails the test instead of testing nothing."""
    path = project / shown
    text = path.read_text(encoding="utf-8")
    assert find in text, f"«{find}» not in {shown}"
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")


def line_of(project: Path, shown: str, text: str) -> int:
    """The first line (from 1) of the project's file `shown` that contains `text`."""
    lines = (project / shown).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def free_port() -> int:
    """A local TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_path() -> str:
    """`kb serve` mounts the site at the path of mkdocs.yml's site_url, e.g. /bank/."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path or "/"
    return "/"


def fetch(url: str, deadline: float) -> str:
    """The page, waiting while the server starts or rebuilds (it holds requests meanwhile)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@dataclass
class Served:
    base: str
    """The site's address, e.g. http://127.0.0.1:PORT/bank/."""
    log: str = ""
    """What `kb serve` wrote to stderr, once it stopped (unless its output went to a file)."""


@contextlib.contextmanager
def kb_serve(project: Path, output: IO[str] | None = None) -> Iterator[Served]:
    """`kb serve` on a free port in `project`, stopped on leaving; its stdout and stderr go to
    `output` when given, else its stderr is kept in `Served.log`."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "build_tools.engine.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=output or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if output else subprocess.PIPE, text=True)
    served = Served(f"http://127.0.0.1:{port}{serve_path()}")
    try:
        yield served
    finally:
        server.terminate()
        try:
            _, log = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            _, log = server.communicate()
        served.log = log or ""
