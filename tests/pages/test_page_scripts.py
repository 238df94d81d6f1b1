"""The search, filter, drawer and guide scripts reach the pages that use them, and no other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.pages.page_scripts import PARTS, add_scripts
from build_tools.theme.seam import ThemeSeamError

PAGE = "<html><head></head><body>{}<script src='theme.js'></script></body></html>"


def scripts_of(html: str) -> list[str]:
    return [src.rsplit("/", 1)[1]
            for src in re.findall(r'<script(?: type="module")? src="([^"]+)"', html)]


@pytest.mark.parametrize(("body", "expected"), [
    ('<div id="kb-browser" hidden></div>', ["kb-search.js", "kb-drawer.js"]),
    ('<form data-kb-filter="list" data-kb-drawer></form>', ["kb-filter.js", "kb-drawer.js"]),
    ("<form data-kb-guide-find hidden></form>", ["kb-guide-find.js"]),
    ("<article><p>Практика.</p></article>", []),
    ("<p>id=&quot;kb-browser&quot; в тексте</p>", []),
])
def test_a_page_gets_the_scripts_of_the_elements_it_has(body: str, expected: list[str]) -> None:
    html = add_scripts(PAGE.format(body), "../../", "practices/x/index.html")
    assert scripts_of(html) == expected
    if expected:  # after the theme's own scripts, with the page's way to the site root
        assert html.index("theme.js") < html.index("../../assets/" + expected[0])
        assert html.endswith("</body></html>")


def test_a_theme_page_without_a_body_end_fails_with_a_russian_message() -> None:
    with pytest.raises(ThemeSeamError, match="не найден конец <body>"):
        add_scripts('<div id="kb-browser"></div>', "", "index.html")


def test_the_built_site_loads_the_scripts_where_they_work(sample_site: Path) -> None:
    def scripts(page: str) -> set[str]:
        return set(scripts_of((sample_site / page).read_text(encoding="utf-8")))

    search_only = {"kb-search.js", "kb-filter.js", "kb-drawer.js", "kb-guide-find.js"}
    practice = next((sample_site / "practices").glob("*/index.html"))
    assert not scripts(str(practice.relative_to(sample_site))) & search_only
    assert {"kb-search.js", "kb-drawer.js"} <= scripts("practices/index.html")
    assert {"kb-search.js", "kb-drawer.js"} <= scripts("search/index.html")
    assert {"kb-filter.js", "kb-drawer.js"} <= scripts("sites/index.html")
    assert "kb-guide-find.js" in scripts("guide/index.html")
    assert "kb-print.js" in scripts(str(practice.relative_to(sample_site)))
    for name in search_only:  # each file is published once, whichever page needs it
        assert (sample_site / "assets" / name).is_file()
    bank = (sample_site / "practices/index.html").read_text(encoding="utf-8")
    assert '<script type="module" src="../assets/kb-search.js">' in bank
    for part in PARTS:  # what the module imports from beside itself
        assert (sample_site / part).is_file()
