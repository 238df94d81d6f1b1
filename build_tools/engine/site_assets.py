"""Our stylesheets, scripts and fonts: which the theme loads on every page, and the files the
build copies into the site (`assets/`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from ..pages import guide_shots, low_vision, page_layout, page_scripts, print_version
from ..theme import seam as theme

ASSETS = Path(__file__).parents[1] / "assets"
STYLESHEET = "assets/kb.css"
SPELLING_SCRIPT = "assets/kb-spelling.js"
"""Loaded by kb-search.js as a module when a query word is not in the index."""
FONTS = "assets/kb-fonts.css"
"""The self-hosted web fonts (assets/fonts/): the same look on every machine."""
FONT_FILES = sorted(f"assets/fonts/{p.name}" for p in (ASSETS / "fonts").glob("*.woff2"))

STYLESHEETS = (FONTS, theme.STYLESHEET, STYLESHEET, page_layout.STYLESHEET,
               low_vision.STYLESHEET, print_version.STYLESHEET, print_version.MARGINS)
"""On every page, in this order: the seam comes first, it maps the --kb-* tokens the others
speak in."""
SCRIPTS = (print_version.SCRIPT,)
"""On every page: the print script serves any page the reader prints. The search, filter,
drawer and guide scripts go only to the pages that use them (pages/page_scripts.py)."""
FILES = (FONTS, theme.STYLESHEET, STYLESHEET, SPELLING_SCRIPT, low_vision.STYLESHEET,
         page_layout.STYLESHEET, low_vision.SCRIPT, print_version.STYLESHEET,
         print_version.SCRIPT, *FONT_FILES, *(script.path for script in page_scripts.SCRIPTS),
         *page_scripts.PARTS, *guide_shots.ASSETS)
"""Copied from build_tools/assets/ (print_version.MARGINS is generated per build)."""


def register(config: Any) -> None:
    """The stylesheets and scripts every page loads, after the theme's own."""
    for stylesheet in STYLESHEETS:
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
    for script in SCRIPTS:
        if script not in config.extra_javascript:
            config.extra_javascript.append(script)


def files(config: Any) -> list[File]:
    return [File.generated(config, asset, abs_src_path=str(ASSETS / asset.removeprefix("assets/")))
            for asset in FILES]
