"""Retake the editors' guide's screenshots of the web editor.

Runs `kb edit` on a temporary copy of the sample project (mkdocs.yml and content/), drives the
self-hosted Decap CMS in Debian's Chromium through Playwright, and writes the pictures that
`build_tools/pages/guide_shots.py` declares into `build_tools/assets/guide/`, each cropped to
the part of the window the step is about. Nothing leaves this computer: the editor, its local
backend and the browser all run on 127.0.0.1.

    npm ci                                   # once: Decap CMS and decap-server
    .venv/bin/python docs_tools/guide_screenshots.py [--chromium /usr/bin/chromium]

Needs the test extras (Playwright) and, for smaller files, Pillow. Commit the changed PNGs
together with the guide's text they show; if a file or its name changes, change
`guide_shots.py` (alt text, caption) too.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.pages.guide_shots import SHOTS  # noqa: E402

OUT = ROOT / "build_tools" / "assets" / "guide"
VIEWPORT = {"width": 1100, "height": 700}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCHOOL = "МОУ «Лужская средняя общеобразовательная школа № 8 «Луч» (luga-luch)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def preferred_port(port: int) -> int:
    """The guide's own port when it is free, so the pictures show the address the guide names."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return free_port()
    return port


def site_path(project: Path) -> str:
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path or "/"
    return "/"


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@contextlib.contextmanager
def kb_edit(project: Path) -> Iterator[str]:
    """`kb edit` in `project` on free ports; yields the editor's address."""
    port, backend = preferred_port(8000), free_port()
    with (project.parent / "kb-edit.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "build_tools.engine.cli", "edit", "-a", f"127.0.0.1:{port}",
             "--backend-port", str(backend)], cwd=project, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True)
        address = f"http://127.0.0.1:{port}{site_path(project)}admin/"
        try:
            wait_for(address + "config.yml", 300)
            yield address
        finally:
            process.terminate()  # kb edit stops its decap-server on the way out
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def choose(page: Any, label: str, *options: str) -> None:
    """Pick options of the select under the field label `label`, by typing as a person would."""
    field = page.locator(f"label:text-is('{label}')").first.get_attribute("for")
    for option in options:
        page.locator(f"[id='{field}']").fill(option)
        page.get_by_role("option", name=option, exact=True).click()


def save(page: Any, key: str, clip: dict[str, float]) -> None:
    """The window's area `clip`, as a 64-colour palette PNG when Pillow is installed (a
    screenshot of a form has few colours; the file is a third of the size), else as taken."""
    png = page.screenshot(clip=clip, animations="disabled", caret="hide")
    target = OUT / SHOTS[key].file
    try:
        from PIL import Image
    except ImportError:
        target.write_bytes(png)
    else:
        image = Image.open(io.BytesIO(png)).convert("RGB")
        image.quantize(colors=64, method=Image.Quantize.MEDIANCUT,
                       dither=Image.Dither.NONE).save(target, optimize=True)
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} КБ")


def plain_plus(page: Any) -> None:
    """Decap's Russian «＋ практика» uses the full-width plus, which Debian's default fonts lack
    (an editor's own system draws it): the picture shows the ordinary one instead of a box."""
    page.evaluate("""() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.nodeValue.includes("\\uff0b")) {
                node.nodeValue = node.nodeValue.replaceAll("\\uff0b", "+");
            }
        }
    }""")


def guide_address(page: Any, address: str) -> None:
    """When the guide's port 8000 was taken, the editor's header names another one: the picture
    shows the address the guide tells the editor to open instead."""
    shown = urlsplit(address).netloc
    if shown != "127.0.0.1:8000":
        page.evaluate("""shown => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                node.nodeValue = node.nodeValue.replaceAll(shown, "127.0.0.1:8000");
            }
        }""", shown)


def take(browser: Any, address: str, project: Path) -> None:
    width = VIEWPORT["width"]
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, locale="ru-RU")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(address)
    page.get_by_role("button", name="Войти").click()
    page.get_by_text("Практика", exact=True).first.wait_for()
    page.wait_for_timeout(1500)
    plain_plus(page)
    guide_address(page, address)
    save(page, "collections", {"x": 0, "y": 0, "width": width, "height": 450})

    page.goto(address + "#/collections/practice/new")
    page.get_by_label("Название практики").fill("Клуб юных экскурсоводов школьного музея")
    page.get_by_label("Краткое описание в 1–2 предложениях").fill(
        "Ученики пятых–девятых классов готовят экскурсии по школьному музею для младших "
        "школьников и гостей посёлка.")
    school = page.locator("label:text-is('Школа-автор')").first.get_attribute("for")
    page.locator(f"[id='{school}']").fill("Лужская")
    page.get_by_role("option", name=SCHOOL, exact=True).wait_for()
    page.wait_for_timeout(500)
    guide_address(page, address)
    save(page, "form", {"x": 0, "y": 0, "width": width, "height": 640})
    page.get_by_role("option", name=SCHOOL, exact=True).click()

    page.get_by_role("button", name="Добавить авторы практики").click()
    page.get_by_label("Фамилия, имя, отчество").fill("Берёзкина Алла Викторовна")
    page.get_by_label("Должность").fill("руководитель школьного музея")
    choose(page, "Уровни образования", "основное общее")
    choose(page, "Темы из словаря тем", "школьные музеи")
    levels = page.locator("label:text-is('Уровни образования')").first
    topics = page.locator("label:text-is('Темы из словаря тем')").first
    page.locator(f"[id='{topics.get_attribute('for')}']").fill("восп")
    page.get_by_role("option", name="воспитание и социализация", exact=True).wait_for()
    page.wait_for_timeout(500)
    top = max(levels.bounding_box()["y"] - 12, 0)
    bottom = min(topics.bounding_box()["y"] + 190, VIEWPORT["height"])  # the open list too
    save(page, "topics", {"x": 0, "y": top, "width": 552, "height": bottom - top})
    page.get_by_role("option", name="воспитание и социализация", exact=True).click()

    choose(page, "Уровень доказанности результатов, от слабого к сильному", "апробирована")
    choose(page, "Лицензия, на условиях которой публикуется практика", "CC BY 4.0")
    before = set((project / "content" / "practices").iterdir())
    page.get_by_role("button", name="Опубликовать", exact=True).click()
    page.get_by_text("Опубликовать сейчас").click()
    deadline = time.monotonic() + 60
    while not set((project / "content" / "practices").iterdir()) - before:
        if time.monotonic() > deadline:
            raise SystemExit("Редактор не сохранил практику: файл не появился.")
        time.sleep(0.5)
    # kb serve rebuilds and reloads the editor; the entry then shows its saved state.
    page.wait_for_timeout(4000)
    page.get_by_text("Изменения сохранены").first.wait_for()
    page.get_by_role("link", name="Просмотр").wait_for()
    page.wait_for_timeout(1000)
    guide_address(page, address)
    save(page, "saved", {"x": 0, "y": 0, "width": width, "height": 210})
    context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary) / "project"
        project.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "content", project / "content")
        with kb_edit(project) as address, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium,
                                                 args=CHROMIUM_ARGS, headless=True)
            try:
                take(browser, address, project)
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
