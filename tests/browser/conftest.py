"""Browser fixtures: the built site, local HTTP servers and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "/bank"
CHROMIUM_FALLBACK = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
BUILD_EPOCH = 1795435200
"""2026-11-23 12:00 UTC: the day the sample content describes as today."""
MOBILE = {"width": 360, "height": 740}
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core, pinned in package.json / package-lock.json and installed from the npm registry."""


@dataclass(frozen=True)
class SiteServer:
    """A running local server: `url("practices/")` gives an absolute address on it."""

    base_url: str
    """Ends with "/": http://127.0.0.1:PORT/ or http://127.0.0.1:PORT/bank/."""

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class SubPathHandler(QuietHandler):
    """Serves the site under SUB_PATH only, as a host that publishes it at /bank/ would."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = urlsplit(self.path).path
        if path != SUB_PATH and not path.startswith(SUB_PATH + "/"):
            self.send_error(404, "Not under " + SUB_PATH)
            return None
        # Directory redirects keep using self.path, so /bank → /bank/ keeps the prefix.
        return super().send_head()

    def translate_path(self, path: str) -> str:
        stripped = urlsplit(path).path[len(SUB_PATH):] or "/"
        return super().translate_path(stripped)


def serving(directory: Path, handler: type[SimpleHTTPRequestHandler],
             path: str) -> Iterator[SiteServer]:
    """`directory` served at http://127.0.0.1:PORT{path}/ until the fixture ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler,
                                                                     directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="kb-site-server", daemon=True).start()
    yield SiteServer(f"http://127.0.0.1:{server.server_address[1]}{path}/")
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built once per session with `kb build --site-dir <tmp>/site`."""
    site = tmp_path_factory.mktemp("kb-browser") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "build_tools.engine.cli", "build", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        # A fixed build date: which events are upcoming does not depend on the day CI runs.
        env={**os.environ, "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)},
    )
    assert result.returncode == 0, (
        f"kb build failed with exit code {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )
    assert (site / "index.html").is_file(), f"kb build produced no index.html in {site}"
    assert (site / "pagefind" / "pagefind-ui.js").is_file(), "kb build produced no Pagefind UI"
    return site


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    """The built site at the root of http://127.0.0.1:PORT/."""
    yield from serving(built_site, QuietHandler, "")


@pytest.fixture(scope="session")
def sub_path_server(built_site: Path) -> Iterator[SiteServer]:
    """The same site published under http://127.0.0.1:PORT/bank/ (anything else is 404)."""
    yield from serving(built_site, SubPathHandler, SUB_PATH)


def _chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return CHROMIUM_FALLBACK if os.access(CHROMIUM_FALLBACK, os.X_OK) else None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium, never a downloaded browser."""
    executable = _chromium_path()
    if executable is None:
        if os.environ.get("KB_SKIP_BROWSER") == "1":
            pytest.skip("Chromium not found and KB_SKIP_BROWSER=1: browser tests skipped")
        pytest.fail(
            f"Chromium not found (neither `chromium` on PATH nor {CHROMIUM_FALLBACK}). "
            "Install Debian's package: apt-get install chromium. "
            "Set KB_SKIP_BROWSER=1 to skip the browser tests deliberately.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True,
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh desktop-sized tab in its own context (no shared storage between tests)."""
    context = browser.new_context(viewport=DESKTOP, locale="ru-RU",
                                  service_workers="block")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def mobile_page(browser):  # type: ignore[no-untyped-def]
    """A fresh phone-sized tab: 360×740, touch, device scale 2."""
    context = browser.new_context(viewport=MOBILE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="ru-RU",
                                  service_workers="block")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js, installed with `npm ci` on first use; the accessibility tests fail without it.

    Installing here keeps the README's single test command working on a fresh machine.
    """
    if not AXE_SCRIPT.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("axe-core is not installed and `npm` is not on PATH: install Node.js "
                        "and npm (apt-get install npm), or run `npm ci` in the project folder.",
                        pytrace=False)
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT,
                                capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not AXE_SCRIPT.is_file():
            pytest.fail(f"`npm ci` could not install axe-core (exit code {result.returncode}); "
                        f"the accessibility tests need it:\n{result.stdout}\n{result.stderr}",
                        pytrace=False)
    return AXE_SCRIPT
