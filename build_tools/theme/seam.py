"""The theme seam: all this project knows about Material for MkDocs' page markup, in one place.

A move to another theme changes this module and the seam stylesheet (assets/kb-theme-material.css)
only. Our own markup is put into the pages the theme renders at named anchors; a page without
one fails the build with the theme's version in the message, so a theme update that changed its
markup cannot silently drop the low-vision button or the header search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

THEME = "material"
"""`theme.name` in mkdocs.yml."""
PACKAGE = "mkdocs-material"
STYLESHEET = "assets/kb-theme-material.css"
"""Maps our `--kb-*` tokens to the theme's variables and holds every rule on the theme's own
classes; loaded before kb.css and kb-low-vision.css, which speak only in `--kb-*` tokens."""


@dataclass(frozen=True)
class Anchor:
    """A place in the theme's page where we insert our markup."""

    name: str
    """Said in the build's error message (Russian, for whoever updates the theme)."""
    pattern: re.Pattern[str]
    at_end: bool
    """Insert at the end of the match (else at its start)."""

    def position(self, html: str) -> int | None:
        match = self.pattern.search(html)
        if match is None:
            return None
        return match.end() if self.at_end else match.start()


HEAD_END = Anchor("конец <head>", re.compile(r"</head>", re.I), at_end=False)
"""Scripts that must run before the first paint (the stored low-vision settings)."""
HEADER_CONTROLS = Anchor('конец строки шапки (<nav class="md-header__inner">)',
                         re.compile(r'<nav class="md-header__inner[^>]*>.*?(?=</nav>)', re.S),
                         at_end=True)
"""Our header search and the low-vision button. Material draws its own search box only for its
own search plugin, which Pagefind replaces, so ours stands where its box would be."""
HEADER_END = Anchor("конец шапки (</header>)", re.compile(r"</header>"), at_end=True)
"""The low-vision panel: below the header, in the page flow."""


def hidden_sidebars(*, navigation: bool, toc: bool) -> dict[str, list[str]]:
    """Page metadata that takes the theme's empty sidebars away, so that the content uses the
    width of a wide screen (Material's `hide`; the phone's menu keeps the navigation)."""
    hidden = [name for name, hide in (("navigation", navigation), ("toc", toc)) if hide]
    return {"hide": hidden} if hidden else {}


class ThemeSeamError(Exception):
    """The theme's page lacks an anchor: the theme changed its markup."""


NOT_FOUND = re.compile(r"<h1>\s*404 - Not found\s*</h1>")
"""Material's 404 page says only this, in English; our Russian text takes its place."""


def replace_not_found(html: str, russian: str) -> str:
    """The 404 page with `russian` instead of the theme's heading."""
    replaced, count = NOT_FOUND.subn(lambda _: russian, html, count=1)
    if not count:
        raise ThemeSeamError(
            f"страница 404.html: в разметке темы {theme_version()} не найден заголовок "
            "«404 - Not found», на место которого встаёт русский текст страницы. Вероятно, "
            "тема обновилась: место вставки описано в build_tools/theme/seam.py.")
    return replaced


def theme_version() -> str:
    try:
        return f"{PACKAGE} {version(PACKAGE)}"
    except PackageNotFoundError:  # a theme installed some other way
        return f"{PACKAGE} (версия неизвестна)"


def insert(html: str, placements: list[tuple[Anchor, str]], page: str) -> str:
    """`html` with each fragment at its anchor; ThemeSeamError naming every anchor missing."""
    missing = []
    for anchor, fragment in placements:
        at = anchor.position(html)
        if at is None:
            missing.append(anchor.name)
        else:
            html = html[:at] + fragment + html[at:]
    if missing:
        raise ThemeSeamError(
            f"страница {page}: в разметке темы {theme_version()} не найдено: "
            f"{'; '.join(missing)}. Без этого на странице не будет кнопки «Версия для "
            "слабовидящих» и поиска в шапке, поэтому сайт не собран. Вероятно, тема "
            "обновилась и изменила разметку: места вставки описаны в build_tools/theme/seam.py.")
    return html


def insert_at_body_end(html: str, fragment: str, page: str) -> str:
    """`html` with `fragment` just before its (last) `</body>`: scripts that run after the
    theme's own."""
    at = html.rfind("</body>")
    if at < 0:
        raise ThemeSeamError(
            f"страница {page}: в разметке темы {theme_version()} не найден конец <body>, перед "
            "которым встают скрипты поиска и фильтров, поэтому сайт не собран. Вероятно, тема "
            "обновилась и изменила разметку: места вставки описаны в build_tools/theme/seam.py.")
    return html[:at] + fragment + html[at:]


def template_dir() -> Path:
    """The theme's own templates (read for the inline scripts they carry)."""
    import material

    return Path(material.__file__).parent / "templates"
