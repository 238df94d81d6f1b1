"""The editor's loop: after a save `kb serve` re-checks only the edited file and keeps Pagefind's
index instead of building it again."""

from __future__ import annotations

import time
from pathlib import Path

from tests.helpers import copy_sample, fetch, kb_serve


def test_an_edit_is_served_after_checking_only_the_edited_file(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    practice = project / "content/practices/roditelskiy-universitet.md"
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output, kb_serve(project, output) as served:
        page = f"{served.base}practices/{practice.stem}/"
        deadline = time.monotonic() + 120
        assert "Абзац, дописанный при правке" not in fetch(page, deadline)
        practice.write_text(practice.read_text(encoding="utf-8")
                            + "\nАбзац, дописанный при правке.\n", encoding="utf-8")
        while "Абзац, дописанный при правке" not in fetch(page, deadline):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.5)
        assert fetch(f"{served.base}pagefind/pagefind.js", deadline)  # the kept index is served
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text
    first, _, rebuild = text.partition("проверено заново 1, ")
    assert "материалы: проверено заново" in first  # the start checked everything
    assert rebuild.startswith("без изменений ") and f"({practice.relative_to(project)})" in rebuild
    assert text.count("Pagefind: проиндексировано страниц") == 1
    assert "по индексу, построенному при запуске kb serve" in rebuild
