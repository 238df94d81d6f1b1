"""The sample nginx configuration: security headers on every response, caching, sub-path."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import ROOT

NGINX = ROOT / "deploy" / "nginx"
HEADERS_FILE = NGINX / "kb-security-headers.conf"
SITE_FILE = NGINX / "kb.conf"
_ADD_HEADER = re.compile(r'^\s*add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;', re.M)


def security_headers(path: Path = HEADERS_FILE) -> dict[str, str]:
    """The headers the sample configuration sends, parsed from the file nginx includes."""
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("#"))
    return dict(_ADD_HEADER.findall(text))


def blocks(text: str, keyword: str) -> list[tuple[str, str]]:
    """(header line, body) of every `keyword … { … }` block, nested braces included."""
    found = []
    for match in re.finditer(rf'^\s*{keyword}\b((?:"[^"]*"|[^{{"])*)\{{', text, re.M):
        depth, index = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            index += 1
        found.append((match.group(1).strip(), text[match.end():index - 1]))
    return found


def site_config() -> str:
    return "\n".join(line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
                     for line in SITE_FILE.read_text(encoding="utf-8").splitlines())


def test_every_header_line_is_sent_always_even_on_errors() -> None:
    lines = [line for line in HEADERS_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip().startswith("add_header")]
    assert lines and all(line.rstrip().endswith("always;") for line in lines)
    headers = security_headers()
    assert len(headers) == len(lines)
    assert {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
            "X-Frame-Options", "Strict-Transport-Security"} <= set(headers)


def test_csp_allows_only_the_site_itself_and_webassembly() -> None:
    policy = {d.split()[0]: d.split()[1:]
              for d in security_headers()["Content-Security-Policy"].split(";") if d.strip()}
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert not [s for sources in policy.values() for s in sources
                if s.startswith(("http", "*")) or "." in s]


def test_every_location_with_its_own_headers_repeats_the_security_headers() -> None:
    """nginx drops server-level add_header in a location that adds any header itself."""
    config = site_config()
    include = "include /etc/nginx/snippets/kb-security-headers.conf;"
    servers = blocks(config, "server")
    tls = [body for _, body in servers if "listen 443" in body]
    assert len(tls) == 1 and include in tls[0]
    locations = blocks(tls[0], "location")
    assert locations
    for header, body in locations:
        if header == "/bank/admin/":  # the web editor's own, wider policy
            assert ADMIN_INCLUDE in body and include not in body
        elif "add_header" in body:
            assert include in body, f"location {header} adds headers but not the security ones"
        else:
            assert "return" in body, f"location {header} should include the security headers"


def test_caching_pagefind_hashed_files_long_and_its_entry_points_briefly() -> None:
    locations = dict(blocks(blocks(site_config(), "server")[1][1], "location"))
    entry = next(h for h in locations if "pagefind-entry" in h)
    hashed = "/bank/pagefind/"
    assert "immutable" in locations[hashed] and "max-age=31536000" in locations[hashed]
    assert "max-age=300" in locations[entry] and "immutable" not in locations[entry]
    pattern = re.compile(entry.split(None, 1)[1])
    assert pattern.match("/bank/pagefind/pagefind-entry.json")
    assert pattern.match("/bank/pagefind/pagefind.js")
    for hashed_file in ("/bank/pagefind/index/ru_4670187.pf_index",
                        "/bank/pagefind/fragment/ru_1a2b3c4.pf_fragment",
                        "/bank/pagefind/wasm.ru.pagefind",
                        "/bank/pagefind/pagefind.ru_47df883ad2.pf_meta"):
        assert not pattern.match(hashed_file), hashed_file


def test_the_site_is_served_under_the_bank_sub_path_with_a_404_page() -> None:
    config = site_config()
    assert "error_page 404 /bank/404.html;" in config
    assert "location /bank/ {" in config
    assert re.search(r"gzip_types[^;]*application/javascript", config)


ADMIN_INCLUDE = "include /etc/nginx/snippets/kb-admin-headers.conf;"
ADMIN_FILE = NGINX / "kb-admin-headers.conf"


def test_the_web_editor_alone_gets_eval_inline_styles_and_the_git_host() -> None:
    """Decap under /bank/admin/ needs more than the site; the site's own policy stays strict."""
    admin = dict(re.findall(r'add_header (\S+) "([^"]*)" always;',
                            ADMIN_FILE.read_text(encoding="utf-8")))
    site = dict(re.findall(r'add_header (\S+) "([^"]*)" always;',
                           HEADERS_FILE.read_text(encoding="utf-8")))
    assert set(site) <= set(admin)
    policy = admin["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';" in policy
    assert "style-src 'self' 'unsafe-inline';" in policy
    assert re.findall(r"https://[^\s;]+", policy) == ["https://git.institute.example"] * 2
    assert "unsafe" not in site["Content-Security-Policy"].replace("wasm-unsafe-eval", "")
