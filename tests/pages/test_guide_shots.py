"""The web editor's screenshots in the editors' guide: shown beside their steps, described for
readers who cannot see them, published with the site, and small."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

from build_tools.pages.guide import GUIDE_URL
from build_tools.pages.guide_shots import SCREENSHOTS, SOURCE
from tests.helpers import ROOT

MAX_BYTES = 120 * 1024


def guide_html(sample_site: Path) -> str:
    return (sample_site / GUIDE_URL / "index.html").read_text(encoding="utf-8")


def figures(page: str) -> dict[str, str]:
    """Each screenshot's <figure> on the page, by the picture's address."""
    found = re.findall(r'<figure class="kb-figure kb-guide-shot">(.*?)</figure>', page, re.S)
    return {re.search(r'<img src="([^"]+)"', figure).group(1): figure  # type: ignore[union-attr]
            for figure in found}


def test_the_guide_shows_every_screenshot_with_its_alt_text_and_caption(
        sample_site: Path) -> None:
    shown = figures(guide_html(sample_site))
    assert set(shown) == {f"../{shot.asset}" for shot in SCREENSHOTS}
    for shot in SCREENSHOTS:
        figure = shown[f"../{shot.asset}"]
        assert f'<a href="../{shot.asset}"' in figure  # the full size, one click away
        assert f'alt="{html.escape(shot.alt)}"' in figure
        assert f'width="{shot.width}" height="{shot.height}"' in figure
        assert f"<figcaption>{html.escape(shot.caption, quote=False)}</figcaption>" in figure
        assert len(shot.alt) > 40 and re.search("[а-яё]", shot.alt)


def test_the_screenshots_sit_in_the_web_editor_section_beside_their_steps(
        sample_site: Path) -> None:
    page = guide_html(sample_site)
    section = page[page.index('id="redaktor"'):]
    steps = re.findall(r"<li>(.*?)</li>", section, re.S)
    placed = {shot.key: next(step for step in steps if shot.file in step)
              for shot in SCREENSHOTS}
    assert "«+ практика»" in placed["collections"]
    assert "из списков" in placed["form"] and placed["form"] == placed["topics"]
    assert "Опубликовать сейчас" in placed["saved"]


def test_every_screenshot_is_published_as_the_same_small_png(sample_site: Path) -> None:
    for shot in SCREENSHOTS:
        published = sample_site / shot.asset
        assert published.is_file(), shot.asset
        data = published.read_bytes()
        assert data == (SOURCE / shot.file).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < MAX_BYTES, shot.file
        assert shot.width <= 1100 and shot.height <= 700
    assert {p.name for p in (sample_site / "assets" / "guide").iterdir()} == {
        shot.file for shot in SCREENSHOTS}


def test_every_picture_in_the_folder_is_declared_and_packaged() -> None:
    assert {p.name for p in SOURCE.iterdir()} == {shot.file for shot in SCREENSHOTS}
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "assets/guide/*" in config["tool"]["setuptools"]["package-data"]["build_tools"]
