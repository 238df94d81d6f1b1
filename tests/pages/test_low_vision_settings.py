"""The low-vision version in the built pages: placement, relative links, and the settings that
build_tools/pages/low_vision.py declares matching the rules of kb-low-vision.css."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from build_tools.pages.low_vision import SETTINGS, LowVisionControl
from build_tools.pages.render import Renderer
from build_tools.theme.seam import ThemeSeamError, theme_version

ASSETS = Path(__file__).resolve().parents[2] / "build_tools" / "assets"
CSS_VALUE = re.compile(r'\[data-kb-lv-([a-z]+)(?:="([a-z0-9-]+)")?\]')


def css_values() -> set[tuple[str, str]]:
    """(key, value) pairs that kb-low-vision.css and the theme seam style; value "" where any
    value counts."""
    css = "".join((ASSETS / name).read_text("utf-8")
                  for name in ("kb-low-vision.css", "kb-theme-material.css"))
    return {(key, value or "") for key, value in CSS_VALUE.findall(css)}


def test_every_declared_choice_has_a_style() -> None:
    styled = css_values()
    missing = [(s.key, c.value) for s in SETTINGS for c in s.choices
               if c.value and (s.key, c.value) not in styled]
    assert not missing, f"kb-low-vision.css has no rule for {missing}"


def test_every_styled_value_is_declared() -> None:
    declared = {(s.key, c.value) for s in SETTINGS for c in s.choices} | {
        (s.key, "") for s in SETTINGS}
    declared.add(("panel", "open"))  # the panel's own state, stored with the settings
    stale = sorted(css_values() - declared)
    assert not stale, f"kb-low-vision.css styles values nobody can choose: {stale}"


def test_each_setting_offers_the_normal_look_first_and_three_or_more_choices() -> None:
    assert [s.key for s in SETTINGS] == ["font", "scheme", "images", "letters", "lines"]
    for setting in SETTINGS:
        assert setting.choices[0].value == "", setting.key
        assert len(setting.choices) >= 3, setting.key
        assert len({c.value for c in setting.choices}) == len(setting.choices), setting.key
    schemes = {c.label for s in SETTINGS if s.key == "scheme" for c in s.choices}
    assert {"Чёрный на белом", "Белый на чёрном", "Тёмно-синий на голубом"} <= schemes


class _Page(HTMLParser):
    """What the checks need from a built page: scripts, the button, the panel's radio groups."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.head_scripts: list[dict[str, str | None]] = []
        self.inline_scripts: list[str] = []
        self.buttons = 0
        self.panels = 0
        self.radios: dict[str, list[tuple[str, bool]]] = {}
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "head":
            self.in_head = True
        elif tag == "script":
            self._script = found
            if self.in_head and found.get("src"):
                self.head_scripts.append(found)
        elif tag == "button" and "kb-lv-toggle" in classes:
            self.buttons += 1
        elif tag == "section" and found.get("id") == "kb-lv-panel":
            self.panels += 1
        elif tag == "input" and found.get("type") == "radio":
            self.radios.setdefault(found["name"] or "", []).append(
                (found.get("value") or "", "checked" in found))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None and not self._script.get("src") and "kb-lv" in data:
            self.inline_scripts.append(data)


def built_pages(site: Path) -> list[Path]:
    pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
    assert len(pages) > 20
    return pages


def test_every_page_has_the_script_button_and_panel(sample_site: Path) -> None:
    """Head script by a relative address that exists, one button, one panel with every setting."""
    expected = {s.key: [c.value for c in s.choices] for s in SETTINGS}
    for path in built_pages(sample_site):
        page = _Page()
        page.feed(path.read_text("utf-8"))
        where = path.relative_to(sample_site).as_posix()
        ours = [s for s in page.head_scripts if (s["src"] or "").endswith("kb-low-vision.js")]
        assert len(ours) == 1, where
        src = ours[0]["src"] or ""
        assert not src.startswith(("/", "http")), (where, src)
        target = urljoin(f"http://site/{where}", src).removeprefix("http://site/")
        assert (sample_site / target).is_file(), (where, src)
        assert page.buttons == 1 and page.panels == 1, where
        assert not page.inline_scripts, where
        assert {k: [v for v, _ in r] for k, r in page.radios.items()} == expected, where
        checked = {k: [v for v, on in r if on] for k, r in page.radios.items()}
        assert checked == {key: [""] for key in expected}, where


def test_a_page_without_the_theme_header_fails_with_the_theme_version() -> None:
    control = LowVisionControl(Renderer())
    html = "<html><head></head><body><p>Страница без шапки</p></body></html>"
    with pytest.raises(ThemeSeamError) as error:
        control.add_to(html, "../../", "practices/x/index.md")
    message = str(error.value)
    assert "practices/x/index.md" in message and theme_version() in message
    assert "md-header__inner" in message and "</header>" in message


@pytest.mark.parametrize("prefix", ["./", "../../", "/bank/"])
def test_control_is_placed_once_with_links_to_the_site_root(prefix: str) -> None:
    """Relative on ordinary pages; from the site's path on 404.html, served at any depth."""
    control = LowVisionControl(Renderer())
    html = ('<html><head><title>t</title></head><body><header class="md-header">'
            '<nav class="md-header__inner md-grid">x</nav></header><main>m</main></body></html>')
    placed = control.add_to(html, prefix, "index.md")
    assert f'<script src="{prefix}assets/kb-low-vision.js"></script></head>' in placed
    assert placed.index("kb-lv-toggle") < placed.index("</nav>") < placed.index("</header>")
    assert placed.index("</header>") < placed.index('id="kb-lv-panel"') < placed.index("<main>")
    assert placed.count('class="kb-lv-toggle"') == 1
    assert placed.count('id="kb-lv-panel"') == 1
