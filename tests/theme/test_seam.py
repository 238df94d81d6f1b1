"""The theme seam: our stylesheets speak in --kb-* tokens, the theme's markup is reached only
through build_tools/theme/seam.py and assets/kb-theme-material.css, and a page without an anchor
fails the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.theme import seam as theme
from build_tools.theme.seam import ThemeSeamError
from tests.helpers import ROOT

ASSETS = ROOT / "build_tools" / "assets"
THEME_NAME = re.compile(r"\bmd-|data-md-")
PAGE = ('<html><head><title>t</title></head><body><header class="md-header">'
        '<nav class="md-header__inner md-grid"><a>logo</a></nav></header><main>m</main>'
        '</body></html>')
PLACEMENTS = [(theme.HEAD_END, "<script></script>"), (theme.HEADER_CONTROLS, "<button></button>"),
              (theme.HEADER_END, "<div>panel</div>")]


@pytest.mark.parametrize("name", ["kb.css", "kb-low-vision.css", "kb-fonts.css", "kb-layout.css"])
def test_our_stylesheets_name_nothing_of_the_theme(name: str) -> None:
    lines = [line for line in (ASSETS / name).read_text("utf-8").splitlines()
             if THEME_NAME.search(line)]
    assert not lines, f"{name} names the theme; that belongs in {theme.STYLESHEET}: {lines}"


def test_every_token_our_stylesheets_use_is_defined() -> None:
    used = set()
    for name in ("kb.css", "kb-low-vision.css", "kb-layout.css"):
        used |= set(re.findall(r"var\((--kb-[a-z0-9-]+)", (ASSETS / name).read_text("utf-8")))
    css = "".join(p.read_text("utf-8") for p in ASSETS.glob("*.css"))
    defined = set(re.findall(r"(--kb-[a-z0-9-]+)\s*:", css))
    # --kb-lv-scale and --kb-lv-chrome are used with a fallback before any font step is chosen.
    assert used - defined <= {"--kb-lv-scale", "--kb-lv-chrome"}, used - defined
    assert {"--kb-fg", "--kb-bg", "--kb-primary", "--kb-accent"} <= defined


def test_the_seam_maps_the_tokens_and_the_fonts_to_the_theme() -> None:
    seam = (ASSETS / theme.STYLESHEET.removeprefix("assets/")).read_text("utf-8")
    assert "--md-text-font: var(--kb-font-text)" in seam
    assert "--kb-fg: var(--md-default-fg-color)" in seam


def test_controls_go_to_their_anchors() -> None:
    placed = theme.insert(PAGE, PLACEMENTS, "index.md")
    assert "<script></script></head>" in placed
    assert "<a>logo</a><button></button></nav>" in placed
    assert "</header><div>panel</div><main>" in placed


@pytest.mark.parametrize("page, missing", [
    (PAGE.replace('<nav class="md-header__inner md-grid">', "<nav>"), "md-header__inner"),
    (PAGE.replace("</header>", "</div>"), "</header>"),
    ("<p>Страница без шапки</p>", "<head>"),
])
def test_a_missing_anchor_fails_with_the_theme_version(page: str, missing: str) -> None:
    with pytest.raises(ThemeSeamError) as error:
        theme.insert(page, PLACEMENTS, "practices/x/index.md")
    message = str(error.value)
    assert missing in message
    assert f"{theme.PACKAGE} " in message and theme.theme_version() in message
    assert "practices/x/index.md" in message and "сайт не собран" in message


def test_a_theme_without_the_header_anchor_fails_the_build(project: Path, kb) -> None:
    """A theme update that changes the header's markup stops the build, `site/` untouched."""
    overrides = project / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "header.html").write_text("<header><div>шапка без строки</div></header>",
                                           "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("прежний сайт", "utf-8")
    result = kb("build", cwd=project)
    assert result.returncode != 0
    assert theme.theme_version() in result.stderr and "md-header__inner" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text("utf-8") == "прежний сайт"


def test_hidden_sidebars_names_only_what_is_hidden() -> None:
    hidden_sidebars = theme.hidden_sidebars
    assert hidden_sidebars(navigation=True, toc=True) == {"hide": ["navigation", "toc"]}
    assert hidden_sidebars(navigation=False, toc=True) == {"hide": ["toc"]}
    assert hidden_sidebars(navigation=False, toc=False) == {}
