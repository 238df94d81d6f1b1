"""The sample nginx site, run by a real nginx over the built sample site.

Only what a test machine cannot have is changed: the TLS server listens on a local port without
certificates, the root and the snippet path point at temporary copies. Every location, header
and type is the sample's own. nginx comes from Debian (.ci/run installs it); on a machine
without it the test is skipped unless KB_REQUIRE_NGINX=1 (set by .ci/run) makes that a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port

DEPLOY = ROOT / "deploy" / "nginx"
SNIPPET = "/etc/nginx/snippets/kb-security-headers.conf"


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK)
                                      else None)
    if found:
        return found
    if os.environ.get("KB_REQUIRE_NGINX") == "1":
        pytest.fail("nginx not found: apt-get install nginx (KB_REQUIRE_NGINX=1)", pytrace=False)
    pytest.skip("nginx not installed: the sample nginx config is checked by CI (.ci/run)")


def local_config(work: Path, port: int) -> str:
    """The sample's HTTPS server block, on a local port, with local paths."""
    sample = (DEPLOY / "kb.conf").read_text("utf-8")
    servers = [m.start() for m in re.finditer(r"^server \{", sample, re.M)]
    assert len(servers) == 2, "the sample has a redirect server and the site server"
    site = sample[servers[1]:]
    site = re.sub(r"    listen .*443.*\n", "", site, count=1)
    site = re.sub(r"    listen .*443.*\n", f"    listen 127.0.0.1:{port};\n", site)
    site = re.sub(r"    ssl_certificate.*\n", "", site)
    site = site.replace("root /var/www/kb;", f"root {work / 'www'};")
    assert SNIPPET in site
    site = site.replace(SNIPPET, str(DEPLOY / "kb-security-headers.conf"))
    site = site.replace("/etc/nginx/snippets/kb-admin-headers.conf",
                        str(DEPLOY / "kb-admin-headers.conf"))
    temp = work / "temp"
    # Run as root (CI), nginx would hand requests to an unprivileged worker that cannot read
    # pytest's private temporary folder: the workers keep the test's own user.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}pid {work / 'nginx.pid'};\nerror_log {work / 'error.log'};\nevents {{}}\n"
            "http {\n  include /etc/nginx/mime.types;\n  access_log off;\n"
            + "".join(f"  {kind}_temp_path {temp};\n"
                      for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + site + "}\n")


@pytest.fixture(scope="module")
def nginx_site(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    nginx = _nginx()
    work = tmp_path_factory.mktemp("nginx")
    (work / "temp").mkdir()
    shutil.copytree(sample_site, work / "www" / "bank")
    port = free_port()
    config = work / "nginx.conf"
    config.write_text(local_config(work, port), "utf-8")
    check = subprocess.run([nginx, "-t", "-c", str(config)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen([nginx, "-c", str(config), "-g", "daemon off;"],
                              stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, \
                response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def security_headers() -> dict[str, str]:
    text = (DEPLOY / "kb-security-headers.conf").read_text("utf-8")
    return {name.lower(): value
            for name, value in re.findall(r'^add_header (\S+) "(.*)" always;$', text, re.M)}


@pytest.mark.parametrize(("path", "status", "content_type", "cache"), [
    ("/bank/", 200, "text/html", "no-cache"),
    ("/bank/practices/", 200, "text/html", "no-cache"),
    ("/bank/no/such/page/", 404, "text/html", "no-cache"),
    ("/bank/pagefind/pagefind-entry.json", 200, "application/json", "max-age=300"),
    ("/bank/pagefind/kb-spelling.json", 200, "application/json", "max-age=300"),
    ("/bank/pagefind/pagefind.js", 200, "javascript", "max-age=300"),
    ("/bank/events/events.ics", 200, "text/calendar", "no-cache"),
    ("/bank/feeds/practices.xml", 200, "application/atom+xml", "no-cache"),
    ("/bank/data/practices.csv", 200, "text/csv", "no-cache"),
    ("/bank/data/practices.json", 200, "application/json", "no-cache"),
])
def test_every_response_carries_the_security_headers(nginx_site: str, path: str, status: int,
                                                     content_type: str, cache: str) -> None:
    got, headers, _ = fetch(nginx_site + path)
    assert got == status
    assert content_type in headers["content-type"]
    assert cache in headers["cache-control"]
    for name, value in security_headers().items():
        assert headers.get(name) == value, (path, name)


def test_hashed_pagefind_files_are_cached_for_a_year(nginx_site: str,
                                                     sample_site: Path) -> None:
    fragment = next((sample_site / "pagefind" / "fragment").iterdir()).name
    status, headers, body = fetch(f"{nginx_site}/bank/pagefind/fragment/{fragment}")
    assert status == 200 and body
    assert "max-age=31536000" in headers["cache-control"]
    assert "immutable" in headers["cache-control"]
    assert headers.get("content-security-policy") == security_headers()[
        "content-security-policy"]


def test_attachments_are_downloaded_never_shown_as_pages(nginx_site: str) -> None:
    path = "/bank/practices/attachments/setevoe-partnerstvo-soglashenie.txt"
    status, headers, _ = fetch(nginx_site + path)
    assert status == 200
    assert headers["content-disposition"] == "attachment"
    assert headers["x-content-type-options"] == "nosniff"
    status, headers, _ = fetch(nginx_site + "/bank/practices/attachments/rekreatsiya-zony.png")
    assert status == 200 and "content-disposition" not in headers
    assert headers["content-type"] == "image/png"


def test_the_404_page_is_the_sites_own(nginx_site: str) -> None:
    status, _, body = fetch(f"{nginx_site}/bank/practices/no-such-practice/")
    assert status == 404
    page = body.decode("utf-8")
    assert 'lang="ru"' in page and 'href="/bank/assets/' in page
    status, _, _ = fetch(f"{nginx_site}/bank")
    assert status in (200, 301)
