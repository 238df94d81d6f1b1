"""The editor's loop: after a save `kb serve` re-checks only the edited file, writes again only
the pages the edit changed and keeps Pagefind's index instead of building it again."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import material

from tests.helpers import copy_sample, fetch, free_port, serve_path

REBUILT = re.compile(r"предпросмотр: пересобрано страниц (\d+) из (\d+)(?: \(([^)]*)\))?")



FAVICON = "assets/images/favicon.png"
THEME_FAVICON = (Path(material.__file__).parent / "templates" / FAVICON).read_bytes()


def _bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return bytes(response.read())


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def _wait_for(condition: Callable[[], bool], deadline: float, log: Path) -> None:
    while not condition():
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.5)


def _rebuilds(log: Path) -> list[tuple[int, int, list[str]]]:
    """Each rebuild's line: pages written again, pages in all, and their names when few."""
    return [(int(n), int(m), names.split(", ") if names else [])
            for n, m, names in REBUILT.findall(log.read_text(encoding="utf-8"))]


def test_an_edit_rewrites_only_the_pages_it_changed(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    practices = project / "content/practices"
    practice = practices / "roditelskiy-universitet.md"
    untouched = "rekreatsii-kak-uchebnoe-prostranstvo"
    removed = practices / "smennaya-ekspozitsiya-shkolnogo-muzeya.md"
    port = free_port()
    log = tmp_path / "serve.log"
    temp = tmp_path / "tmp"  # where `kb serve` keeps its site, so the test can read mtimes
    temp.mkdir()
    # A content file under a theme file's name (refused, and only logged under `kb serve`):
    # the theme's own file must be served, before and after a rebuild.
    shadow = project / "content" / FAVICON
    shadow.parent.mkdir(parents=True)
    shadow.write_bytes(b"not the theme's icon")
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "build_tools.engine.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "TMPDIR": str(temp)})
    try:
        root = f"http://127.0.0.1:{port}{serve_path()}"
        page = f"{root}practices/{practice.stem}/"
        deadline = time.monotonic() + 180
        assert "Абзац, дописанный при правке" not in fetch(page, deadline)
        assert _bytes(f"{root}{FAVICON}") == THEME_FAVICON
        (site,) = temp.glob("mkdocs_*")
        other = site / "practices" / untouched / "index.html"
        other_mtime = other.stat().st_mtime_ns
        edited_mtime = (site / "practices" / practice.stem / "index.html").stat().st_mtime_ns

        # The body: only the practice's own page is written again.
        practice.write_text(practice.read_text(encoding="utf-8")
                            + "\nАбзац, дописанный при правке.\n", encoding="utf-8")
        _wait_for(lambda: "Абзац, дописанный при правке" in fetch(page, deadline), deadline, log)
        _wait_for(lambda: len(_rebuilds(log)) >= 2, deadline, log)
        assert _bytes(f"{root}{FAVICON}") == THEME_FAVICON
        first, body_edit = _rebuilds(log)[:2]
        assert first[0] == first[1] > 50  # the start writes every page
        assert body_edit[:2] == (1, first[1]) and body_edit[2] == [
            f"practices/{practice.name}"]
        assert (site / "practices" / practice.stem / "index.html").stat().st_mtime_ns \
            > edited_mtime
        assert other.stat().st_mtime_ns == other_mtime

        # The title: the listings that show it are written again too.
        practice.write_text(practice.read_text(encoding="utf-8").replace(
            "title: Родительский университет", "title: Родительский клуб", 1), encoding="utf-8")
        _wait_for(lambda: "Родительский клуб" in fetch(f"{root}practices/", deadline),
                  deadline, log)
        _wait_for(lambda: len(_rebuilds(log)) >= 3, deadline, log)
        count, total, names = _rebuilds(log)[2]
        assert 1 < count < total // 4
        assert f"practices/{practice.name}" in names or not names
        assert other.stat().st_mtime_ns == other_mtime

        # A removed practice is no longer served.
        assert _status(f"{root}practices/{removed.stem}/") == 200
        removed.unlink()
        _wait_for(lambda: _status(f"{root}practices/{removed.stem}/") == 404, deadline, log)
        assert other.stat().st_mtime_ns == other_mtime

        search = f"{root}pagefind/pagefind.js"
        assert fetch(search, deadline)  # the kept index is still served
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text
    assert "A 'dirty' build" not in text  # MkDocs' warning means nothing to an editor here
    first_check, _, rebuild = text.partition("проверено заново 1, ")
    assert "материалы: проверено заново" in first_check  # the start checked everything
    assert rebuild.startswith("без изменений ") and f"({practice.relative_to(project)})" in rebuild
    assert text.count("Pagefind: проиндексировано страниц") == 1
    assert "по индексу, построенному при запуске kb serve" in rebuild
