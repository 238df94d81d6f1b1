"""Raw HTML in bodies: the validator names what the sanitiser would strip; the sanitiser stays."""

from __future__ import annotations

import re

import pytest
import yaml

from build_tools.body_outline import MARKDOWN_EXTENSIONS, outline_of
from build_tools.html_policy import check_html, url_scheme
from build_tools.sanitize import clean_entry_html
from tests.helpers import ROOT


def codes(body: str) -> list[tuple[int, str]]:
    return [(line, p.code) for line, p in check_html(outline_of(body))]


def test_markdown_extensions_match_mkdocs_yml() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"!!python/name:\S+", "null", config)
    names = [next(iter(e)) if isinstance(e, dict) else e
             for e in yaml.safe_load(config)["markdown_extensions"]]
    assert tuple(names) == MARKDOWN_EXTENSIONS


@pytest.mark.parametrize(("url", "scheme"), [
    ("javascript:alert(1)", "javascript"), (" JaVaScRiPt:x", "javascript"),
    ("jav\tascript:x", "javascript"), ("data:text/html,x", "data"),
    ("https://example.org/", "https"), ("../practices/x.md", ""), ("#etapy", ""),
])
def test_url_scheme_is_read_as_a_browser_reads_it(url: str, scheme: str) -> None:
    assert url_scheme(url) == scheme


def test_markdown_output_and_safe_html_pass() -> None:
    body = ("## Этапы\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nТекст[^1] и [ссылка](https://example.org/)."
            "\n\n!!! note \"Заметка\"\n    Текст\n\n```html\n<script>alert(1)</script>\n```\n\n"
            "<details><summary>Ещё</summary>Подробности</details>\n\n[^1]: Сноска.\n")
    assert codes(body) == []


def test_each_forbidden_construct_is_reported_on_its_line() -> None:
    body = ("Начало\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n\n"
            "Абзац\n{: onclick=\"alert(3)\" }\n\n<p style=\"color:red\">текст</p>\n\n"
            "<iframe src=\"https://rutube.ru/play/embed/1\"></iframe>\n")
    assert codes(body) == [(3, "ForbiddenHtml"), (5, "ForbiddenUrl"),
                           (8, "ForbiddenHtmlAttribute"), (10, "ForbiddenHtmlAttribute"),
                           (12, "ExternalEmbed")]


def test_the_sanitiser_still_strips_what_a_validator_could_miss() -> None:
    html = ('<p onclick="alert(4)">абзац</p><script>alert(3)</script>'
            '<a href="javascript:alert(5)">ссылка</a><img src="x" onerror="alert(6)" alt="x">'
            '<table><tr><th align="right" style="color:red">1</th></tr></table>')
    clean = clean_entry_html(html)
    for live in ("onclick", "<script", "javascript:", "onerror", "style="):
        assert live not in clean
    assert "абзац" in clean and 'align="right"' in clean


def test_players_from_allowed_hosts_pass_with_a_title() -> None:
    """embed_hosts (empty by default) lets <iframe> players from named hosts through."""
    hosts = ("rutube.ru",)
    body = ('<iframe title="Открытый урок" src="https://rutube.ru/play/embed/1"></iframe>\n\n'
            '<iframe title="Урок" src="https://www.rutube.ru/play/embed/2" allowfullscreen>'
            '</iframe>\n\n'
            '<iframe src="https://rutube.ru/play/embed/3"></iframe>\n\n'
            '<iframe title="Чужой" src="https://tracker.example/embed"></iframe>\n\n'
            '<iframe title="Без https" src="http://rutube.ru/play/embed/4"></iframe>\n\n'
            '<iframe title="Двойник" src="https://rutube.ru.evil.example/x" onload="x()">'
            '</iframe>\n\n'
            '<video src="https://rutube.ru/v.mp4"></video>\n')
    found = [(line, p.code) for line, p in check_html(outline_of(body), hosts)]
    assert found == [(5, "EmbedWithoutTitle"), (7, "ExternalEmbed"), (9, "ExternalEmbed"),
                     (11, "ExternalEmbed"), (11, "ForbiddenHtmlAttribute"),
                     (13, "ExternalEmbed")]
    # Without the option every frame is refused, as before.
    assert ("ExternalEmbed" in {p.code for _, p in check_html(outline_of(body))})


def test_the_sanitiser_keeps_only_frames_from_allowed_hosts() -> None:
    html = ('<iframe title="Урок" src="https://rutube.ru/play/embed/1" onload="x()"></iframe>'
            '<iframe title="Чужой" src="https://tracker.example/embed"></iframe>')
    kept = clean_entry_html(html, ("rutube.ru",))
    assert '<iframe title="Урок" src="https://rutube.ru/play/embed/1"></iframe>' in kept
    assert "tracker.example" not in kept and "onload" not in kept
    assert "<iframe" not in clean_entry_html(html)
