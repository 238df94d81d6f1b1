"""Script elements with attributes: data blocks stay, a JSON-LD block only when it is safe."""

from __future__ import annotations

import pytest

from build_tools.output.inline_scripts import InlineScripts
from build_tools.output.sanitize import clean_entry_html
from build_tools.pages.json_ld import json_ld

PAGE = "practices/x.md"


def run(html: str) -> tuple[str, list[str]]:
    out, refused = InlineScripts().externalize(html, "../", PAGE)
    assert all(p.path == PAGE for p in refused)
    return out, [p.code for p in refused]


def test_the_json_ld_the_build_writes_is_kept_as_it_is() -> None:
    block = str(json_ld({"name": "</script><script>alert(1)</script>", "text": "a & b > c"}))
    html = f"<head>{block}</head>"
    assert run(html) == (html, [])


@pytest.mark.parametrize("block", [
    '<script type="application/ld+json">{"name": "</b>"}</script>',  # a "<" inside a string
    "<script type='application/ld+json'>{name: 1}</script>",  # not JSON
    '<script type="application/ld+json">alert(1)</script>',
    '<script type="application/LD+JSON">{"a": 1} <!-- x --></script>',
    '<script type=application/ld+json></script>',  # empty is not JSON either
])
def test_a_json_ld_block_that_is_not_safe_json_fails_the_build(block: str) -> None:
    html, codes = run(f"<head>{block}</head>")
    assert codes == ["ForeignInlineScript"]
    assert html == "<head></head>"


@pytest.mark.parametrize("block", [
    '<script type="module">import("https://evil.example/x.js")</script>',
    '<script id="x">alert(1)</script>',
    '<SCRIPT>alert(1)</SCRIPT>',
    '<script type="text/javascript">alert(1)</script >',
])
def test_other_inline_scripts_with_attributes_are_foreign(block: str) -> None:
    html, codes = run(f"<body>{block}</body>")
    assert (html, codes) == ("<body></body>", ["ForeignInlineScript"])


def test_script_files_and_json_data_blocks_stay() -> None:
    html = ('<script src="../assets/kb-search.js"></script>'
            '<script id="__config" type="application/json">{"base": ".."}</script>')
    assert run(html) == (html, [])


def test_the_sanitiser_removes_a_json_ld_block_from_an_entry_body() -> None:
    body = ('<p>Текст</p><script type="application/ld+json">{"@type": "Organization", '
            '"name": "Чужая организация"}</script>')
    assert clean_entry_html(body) == "<p>Текст</p>"
