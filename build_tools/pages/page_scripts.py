"""The scripts only some pages need, added to those pages alone.

The theme loads `extra_javascript` on every page. The bank's search-and-filter browser
(kb-search.js, 35 kB), the lists' filter forms (kb-filter.js), the phone's filter drawer
(kb-drawer.js) and the guide's «Найти в справочнике» (kb-guide-find.js) serve a handful of
pages; on the thousands of practice pages they were weight to download and parse for nothing.
Each is added to a page whose HTML has the element it works on: the marker is our own markup,
which content cannot forge (the sanitiser removes ids and attributes outside the content's
namespace), and a marker seen in a code sample only loads a script that then finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..theme import seam as theme


@dataclass(frozen=True)
class PageScript:
    path: str
    """Under the site's root, as `extra_javascript` names scripts."""
    markers: tuple[str, ...]
    """HTML that a page needing the script contains (any of them)."""
    module: bool = False
    """An ES module (`type="module"`): it imports its parts, `PARTS`, from beside itself."""

    def needed_by(self, html: str) -> bool:
        return any(marker in html for marker in self.markers)


SEARCH = PageScript("assets/kb-search.js", ('id="kb-browser"',), module=True)
PARTS = ("assets/kb-search-text.js", "assets/kb-search-plan.js", "assets/kb-search-facets.js",
         "assets/kb-search-view.js")
"""The modules kb-search.js imports: published, never put on a page themselves."""
FILTER = PageScript("assets/kb-filter.js", ("data-kb-filter=",))
DRAWER = PageScript("assets/kb-drawer.js", ('id="kb-browser"', "data-kb-drawer"))
"""kb-search.js builds its drawer panel only once Pagefind has loaded: the browser's root is
the marker too."""
GUIDE_FIND = PageScript("assets/kb-guide-find.js", ("data-kb-guide-find",))
SCRIPTS = (SEARCH, FILTER, DRAWER, GUIDE_FIND)


_MODULE = ' type="module"'


def add_scripts(html: str, root: str, page: str) -> str:
    """`html` with the scripts it needs at the end of its body (after the theme's own)."""
    tags = "".join(f'<script{_MODULE if script.module else ""} src="{root}{script.path}">'
                   "</script>" for script in SCRIPTS if script.needed_by(html))
    return theme.insert_at_body_end(html, tags, page) if tags else html
