"""The low-vision version («версия для слабовидящих», ГОСТ Р 52872-2019): settings and placement.

The settings are declared once here. The panel template draws one radio group per setting; the
script (assets/kb-low-vision.js) stores the chosen values and mirrors each as a
`data-kb-lv-<key>` attribute on <html>; the stylesheet (assets/kb-low-vision.css) does the rest.
A test checks that the stylesheet has a rule for every value declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..theme import seam as theme
from .render import Renderer

SCRIPT = "assets/kb-low-vision.js"
"""Loaded in <head>, not with the other scripts at the end of <body>: the stored settings are
applied before the first paint, so a page never flashes in the normal colours first."""
STYLESHEET = "assets/kb-low-vision.css"


@dataclass(frozen=True)
class Choice:
    value: str
    """Stored and set on <html>; "" is the site's normal look (no attribute)."""
    label: str
    """What the visitor sees on the choice."""
    hint: str = ""
    """Read out after the label by screen readers where the label alone is a sign (A+)."""


@dataclass(frozen=True)
class Setting:
    key: str
    """The attribute `data-kb-lv-<key>` on <html> and the radio group's name."""
    legend: str
    choices: tuple[Choice, ...]


SETTINGS: tuple[Setting, ...] = (
    Setting("font", "Размер шрифта", (
        Choice("", "A", "обычный"),
        Choice("2", "A+", "крупный, в полтора раза больше"),
        Choice("3", "A++", "очень крупный, в два раза больше"),
    )),
    Setting("scheme", "Цвета", (
        Choice("", "Как на сайте"),
        Choice("bw", "Чёрный на белом"),
        Choice("wb", "Белый на чёрном"),
        Choice("blue", "Тёмно-синий на голубом"),
        Choice("brown", "Коричневый на бежевом"),
        Choice("green", "Зелёный на тёмно-коричневом"),
    )),
    Setting("images", "Изображения", (
        Choice("", "Показывать"),
        Choice("off", "Отключить", "показывать вместо них описание"),
        Choice("grey", "Чёрно-белые"),
    )),
    Setting("letters", "Расстояние между буквами", (
        Choice("", "Обычное"),
        Choice("2", "Увеличенное"),
        Choice("3", "Большое"),
    )),
    Setting("lines", "Расстояние между строками", (
        Choice("", "Обычное"),
        Choice("2", "Увеличенное"),
        Choice("3", "Большое"),
    )),
)

class LowVisionControl:
    """The control on every page: script in <head>, button in the header, panel below it."""

    def __init__(self, renderer: Renderer) -> None:
        self._head = renderer.render_fragment("_low_vision_head.html", script=SCRIPT)
        self._button = renderer.render_fragment("_low_vision_button.html")
        self._panel = renderer.render_fragment("_low_vision_panel.html", settings=SETTINGS)

    def add_to(self, html: str, root: str, page: str, *, before_button: str = "") -> str:
        """`html` (a page the theme rendered, `page` its name for errors) with the control.

        `root` is the way from the page to the site root: "../../" or, on 404.html, "/bank/".
        `before_button` is other HTML for the end of the header (the site's search form), put
        there in the same pass. theme.ThemeSeamError when the theme's page lacks an anchor.
        """
        return theme.insert(html, [
            (theme.HEAD_END, str(self._head.at_root(root))),
            (theme.HEADER_CONTROLS, before_button + str(self._button.at_root(root))),
            (theme.HEADER_END, str(self._panel.at_root(root))),
        ], page)
