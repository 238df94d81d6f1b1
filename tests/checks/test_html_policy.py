"""Raw HTML in bodies: the validator names what the sanitiser would strip; the sanitiser stays."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.checks.html_policy import check_html, url_scheme
from build_tools.checks.markdown_checks import check_body
from build_tools.content.body_outline import MARKDOWN_EXTENSIONS, outline_of
from build_tools.content.id_namespace import PAGE_IDS, is_reserved
from build_tools.content.urls import browser_url
from build_tools.output.sanitize import clean_entry_html
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


# --- Ids: the theme's, ours and the page's own sections are not content's ---------------------

def id_codes(body: str, kind: str = "practice", slug: str = "roditelskiy-universitet"
             ) -> list[tuple[int, str]]:
    return [(line, p.code) for line, p in check_html(outline_of(body), (), kind, slug)
            if p.code == "ReservedId"]


@pytest.mark.parametrize("body", [
    '<div id="__config">{"base": "https://evil.example"}</div>',
    "Абзац\n{: #__config }", "## Раздел { #kb-header-q }", '<span id="__drawer">x</span>',
    '<label for="__search">Поиск</label>', '<p aria-labelledby="vvedenie __toc">x</p>',
    "## Приложения", "## Родительский университет", '<p id="mermaid">x</p>',
    '<p id="kbSearchLoaded">x</p>', '<h3 id="Этапы">Этапы</h3>', "## md-tabs",
])
def test_reserved_ids_are_refused(body: str) -> None:
    assert id_codes(body) == [(body.count("\n") + 1, "ReservedId")]


@pytest.mark.parametrize("body", [
    "## Этапы внедрения", "Абзац\n{: #etapy .kb-note }", "Текст[^1].\n\n[^1]: Сноска.",
    "Текст[^Примечание].\n\n[^Примечание]: Сноска.", '<h2 id="plan-2025">План</h2>',
])
def test_ids_in_the_content_namespace_pass(body: str) -> None:
    assert id_codes(body) == []


def test_a_section_of_another_kind_of_page_is_free() -> None:
    assert id_codes("## Приложения", kind="recommendation", slug="x") == []
    assert id_codes("## План мероприятий", kind="recommendation", slug="x") == [
        (1, "ReservedId")]


def test_reserved_id_is_reported_on_the_line_it_was_written() -> None:
    body = ("Начало\n\n## Этапы\n\nТекст\n{: #__config }\n\n<p>x</p>\n"
            "<div id=\"kb-browser\">y</div>\n")
    assert id_codes(body) == [(6, "ReservedId"), (9, "ReservedId")]
    [heading] = [p for _, p in check_html(outline_of("## Приложения"), (), "practice", "x")]
    assert "#prilozheniya" in heading.message and "«Приложения»" in heading.message


def test_page_ids_follow_the_entry_templates() -> None:
    templates = ROOT / "build_tools" / "templates"
    for kind, ids in PAGE_IDS.items():
        source = (templates / f"{kind}.html").read_text(encoding="utf-8")
        # with the partials it includes (a course's and an edition's digest mentions)
        for name in re.findall(r'{%\s*include\s+"([^"]+)"', source):
            source += (templates / name).read_text(encoding="utf-8")
        literal = set(re.findall(r'\bid="([a-z0-9-]+)"', source))
        assert literal == set(ids), kind


def test_material_and_our_template_ids_are_all_reserved() -> None:
    import material

    theme = Path(material.__file__).parent / "templates"
    found = {m for f in theme.rglob("*.html")
             for m in re.findall(r'\bid="([^"{]+)', f.read_text(encoding="utf-8"))}
    ours = {m for f in (ROOT / "build_tools" / "templates").glob("_*.html")
            for m in re.findall(r'\bid="(kb-[^"{]+)', f.read_text(encoding="utf-8"))}
    assert found and ours
    assert all(is_reserved(i) for i in found | ours), found | ours


def test_the_sanitiser_strips_reserved_ids_and_remote_images() -> None:
    html = ('<div id="__config">x</div><label for="__drawer">l</label>'
            '<p aria-labelledby="vvedenie __toc">p</p><h2 id="prilozheniya">y</h2>'
            '<img src=" //evil.example/x.png" alt="a"><img src="/\\evil.example/y.png" alt="b">'
            '<img src="images/foto.jpg" alt="c"><sup id="fnref:1"><a href="#fn:1">1</a></sup>'
            '<a href="//example.org/">ссылка</a>')
    clean = clean_entry_html(html, taken_ids={"prilozheniya"})
    for gone in ("__config", "__drawer", "__toc", "prilozheniya", "evil.example"):
        assert gone not in clean
    for kept in ('aria-labelledby="vvedenie"', 'src="images/foto.jpg"', 'id="fnref:1"',
                 'href="//example.org/"'):
        assert kept in clean


# --- URLs are read as a browser reads them ------------------------------------------------------

@pytest.mark.parametrize(("url", "scheme", "host"), [
    (" //evil.example/x.png", "", "evil.example"), ("ht\ttps://evil.example/", "https",
                                                   "evil.example"),
    ("/\\evil.example/x", "", "evil.example"), ("\\\\evil.example/x", "", "evil.example"),
    ("///evil.example/x", "", "evil.example"), ("https:evil.example", "https", "evil.example"),
    ("\x01HTTPS://Evil.Example./", "https", "evil.example"), ("java\nscript:x", "javascript", ""),
    ("images/foto.jpg", "", ""), ("#etapy", "", ""), ("..\\practices\\x.md", "", ""),
    ("mailto:a@example.org", "mailto", ""),
])
def test_browser_url(url: str, scheme: str, host: str) -> None:
    parsed = browser_url(url)
    assert (parsed.scheme, parsed.host) == (scheme, host)


def remote_images(body: str) -> list[str]:
    outline = outline_of(body)
    return [p.code for _, p in check_body(outline, ROOT / "content/practices/x.md",
                                          ROOT / "content", 1)]


@pytest.mark.parametrize("body", [
    '<img src=" //evil.example/x.png" alt="Схема">',
    '<img src="ht&#x09;tps://evil.example/x" alt="a">',
    "![Схема](\\\\\\\\evil.example/x.png)", "![Схема](/\\\\evil.example/x.png)",
    '<img src="&#x2F;/evil.example/x.png" alt="a">', "![a][r]\n\n[r]: ///evil.example/x.png",
])
def test_images_from_other_hosts_in_any_spelling_are_refused(body: str) -> None:
    assert remote_images(body) == ["RemoteImage"]


def test_links_to_other_hosts_in_any_spelling_are_links() -> None:
    body = "[a](//example.org/) <a href=\"/\\example.org/\">b</a> [c](https:example.org)"
    assert remote_images(body) == []
    assert codes(body) == []
