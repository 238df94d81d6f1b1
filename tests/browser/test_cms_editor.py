"""The web editor end to end: `kb edit` on a copy of the sample project, a practice created
through the generated form (school and topics chosen from the lists), saved by Decap's local
backend into content/practices/, and accepted by `kb validate`."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, KbRunner, copy_sample, fetch, free_port, serve_path

pytestmark = pytest.mark.browser

DECAP = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"


@pytest.fixture(scope="module")
def decap_installed() -> None:
    """Decap CMS and decap-server from package.json, installed with `npm ci` on first use."""
    if DECAP.is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("Decap CMS is not installed and `npm` is not on PATH: apt-get install npm, "
                    "or run `npm ci` in the project folder.", pytrace=False)
    result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    if result.returncode != 0 or not DECAP.is_file():
        pytest.fail(f"`npm ci` could not install Decap CMS:\n{result.stdout}\n{result.stderr}",
                    pytrace=False)


@contextlib.contextmanager
def kb_edit(project: Path) -> Iterator[str]:
    """`kb edit` in `project` on free ports; yields the editor's address."""
    port, backend = free_port(), free_port()
    log = (project.parent / "kb-edit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "build_tools.engine.cli", "edit", "-a", f"127.0.0.1:{port}",
         "--backend-port", str(backend)], cwd=project, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True)
    address = f"http://127.0.0.1:{port}{serve_path()}admin/"
    try:
        fetch(address + "config.yml", time.monotonic() + 240)
        yield address
    finally:
        process.terminate()  # kb edit stops its decap-server on the way out
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def choose(page, label: str, *options: str) -> None:  # type: ignore[no-untyped-def]
    """Pick options of the select under the field label `label`, by typing as a person would."""
    field = page.locator(f"label:text-is('{label}')").first.get_attribute("for")
    for option in options:
        page.locator(f"[id='{field}']").fill(option)
        page.get_by_role("option", name=option, exact=True).click()


def test_a_practice_created_in_the_web_editor_passes_validation(
        decap_installed: None, browser, tmp_path: Path, kb: KbRunner) -> None:  # type: ignore[no-untyped-def]
    project = copy_sample(tmp_path / "project")
    before = {p.name for p in (project / "content" / "practices").iterdir()}
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.set_default_timeout(20_000)
    page = context.new_page()
    with kb_edit(project) as address:
        page.goto(address)
        page.get_by_role("button", name="Войти").click()
        page.get_by_text("Практика", exact=True).first.wait_for()
        page.goto(address + "#/collections/practice/new")
        page.get_by_label("Название практики").fill("Клуб юных экскурсоводов школьного музея")
        page.get_by_label("Краткое описание в 1–2 предложениях").fill(
            "Ученики пятых–девятых классов готовят и проводят экскурсии по школьному музею "
            "для младших школьников и гостей посёлка.")
        choose(page, "Школа-автор", "МОУ «Лужская средняя общеобразовательная школа № 8 "
                                    "«Луч» (luga-luch)")
        page.get_by_role("button", name="Добавить авторы практики").click()
        page.get_by_label("Фамилия, имя, отчество").fill("Берёзкина Алла Викторовна")
        page.get_by_label("Должность").fill("руководитель школьного музея")
        choose(page, "Уровни образования", "основное общее")
        choose(page, "Темы из словаря тем", "школьные музеи", "воспитание и социализация")
        choose(page, "Уровень доказанности результатов, от слабого к сильному", "апробирована")
        choose(page, "Лицензия, на условиях которой публикуется практика", "CC BY 4.0")
        page.get_by_role("button", name="Опубликовать", exact=True).click()
        page.get_by_text("Опубликовать сейчас").click()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            created = {p.name for p in (project / "content" / "practices").iterdir()} - before
            if created:
                break
            time.sleep(0.5)
        shown = page.inner_text("body")  # a refused save names the missing field here
        context.close()
    assert len(created) == 1, f"no new file in content/practices/: {shown[:3000]}"
    text = (project / "content" / "practices" / created.pop()).read_text(encoding="utf-8")
    assert "school: luga-luch" in text
    assert "школьные музеи" in text and "status: черновик" in text
    result = kb("validate", cwd=project)
    assert result.returncode == 0, result.stderr
