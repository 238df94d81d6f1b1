"""The editor's loop: after a save `kb serve` re-checks only the edited file and keeps Pagefind's
index instead of building it again."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.authoring.test_drafts import serve_path
from tests.helpers import copy_sample, free_port


def _get(url: str, deadline: float) -> str:
    """The page, waiting while the server starts or rebuilds (it holds requests meanwhile)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_an_edit_is_served_after_checking_only_the_edited_file(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    practice = project / "content/practices/roditelskiy-universitet.md"
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "build_tools.engine.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, text=True)
    try:
        page = f"http://127.0.0.1:{port}{serve_path()}practices/{practice.stem}/"
        deadline = time.monotonic() + 120
        assert "Абзац, дописанный при правке" not in _get(page, deadline)
        practice.write_text(practice.read_text(encoding="utf-8")
                            + "\nАбзац, дописанный при правке.\n", encoding="utf-8")
        while "Абзац, дописанный при правке" not in _get(page, deadline):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.5)
        search = f"http://127.0.0.1:{port}{serve_path()}pagefind/pagefind.js"
        assert _get(search, deadline)  # the kept index is still served
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text
    first, _, rebuild = text.partition("проверено заново 1, ")
    assert "материалы: проверено заново" in first  # the start checked everything
    assert rebuild.startswith("без изменений ") and f"({practice.relative_to(project)})" in rebuild
    assert text.count("Pagefind: проиндексировано страниц") == 1
    assert "по индексу, построенному при запуске kb serve" in rebuild
