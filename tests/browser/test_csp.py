"""The built site under the sample nginx headers: zero Content-Security-Policy violations.

The server sends exactly the headers parsed from deploy/nginx/kb-security-headers.conf, on
every response (404 included), at the root and under /bank/, as the sample nginx site does.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page

from tests.browser.conftest import SUB_PATH, QuietHandler, SiteServer, SubPathHandler
from tests.browser.test_site import run_search
from tests.project.test_deploy import security_headers

pytestmark = pytest.mark.browser

HEADERS = security_headers()


class _WithHeaders:
    """Adds the sample configuration's headers to every response, errors included."""

    def end_headers(self) -> None:
        for name, value in HEADERS.items():
            self.send_header(name, value)  # type: ignore[attr-defined]
        super().end_headers()  # type: ignore[misc]


class HeadersHandler(_WithHeaders, QuietHandler):
    pass


class SubPathHeadersHandler(_WithHeaders, SubPathHandler):
    pass


@pytest.fixture(scope="module", params=["root", "sub-path"])
def csp_server(request: pytest.FixtureRequest, built_site: Path) -> Iterator[SiteServer]:
    handler = HeadersHandler if request.param == "root" else SubPathHeadersHandler
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(handler, directory=str(built_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prefix = "/" if request.param == "root" else SUB_PATH + "/"
    yield SiteServer(f"http://127.0.0.1:{server.server_address[1]}{prefix}")
    server.shutdown()
    server.server_close()


def watch_csp(page: Page) -> list[str]:
    """Every CSP violation on any page this tab opens: DOM events and console reports."""
    violations: list[str] = []
    page.expose_function("kbReportViolation", lambda text: violations.append(text))
    page.add_init_script("""
        document.addEventListener("securitypolicyviolation", (event) => {
            window.kbReportViolation(`${event.violatedDirective} ${event.blockedURI} `
                                     + `${event.sourceFile}:${event.lineNumber}`);
        });
    """)

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    return violations


def test_searching_and_browsing_cause_no_csp_violation(page: Page, csp_server: SiteServer) -> None:
    violations = watch_csp(page)
    response = page.goto(csp_server.url("search/"))
    assert response is not None
    assert response.headers["content-security-policy"] == HEADERS["Content-Security-Policy"]

    # The policy is in force and the watch sees it: an injected inline script is refused.
    ran = page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.kbInlineRan = true";
        document.head.appendChild(script);
        return window.kbInlineRan === true;
    }""")
    assert ran is False
    page.wait_for_timeout(200)
    assert any("script-src" in v for v in violations), violations
    violations.clear()

    results = run_search(page, "наставничество")
    assert results.count() > 0
    results.first.click()
    page.wait_for_load_state("load")
    assert "/practices/" in page.url
    for path in ("", "practices/", "monitoring/ege-russian/", "guide/"):
        page.goto(csp_server.url(path))
        page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert violations == []

