"""An entry's page reuses the checks' conversion of its body: the result must be MkDocs' own."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_tools.content.body_outline import outline_of, page_markdown
from build_tools.engine import entry_body
from tests.helpers import ROOT

TARGETS = ("practices/a.md", "practices/b.md", "recommendations/r.md",
           "practices/attachments/plan.pdf", "practices/attachments/pic.png")

BODIES = {
    "links between entries": "См. [другую](b.md), [её этапы](b.md#etapy) и "
                             "[рекомендацию](../recommendations/r.md).\n",
    "attachments and images": "![Схема](attachments/pic.png)\n\n[План](attachments/plan.pdf)\n",
    "anchors and absolute links": "[Наверх](#nachalo), [корень](/practices/), [адрес](?q=1)\n",
    "other sites and mail": "[Сайт](https://example.org/a?b=1&c=2) и <https://example.org/>, "
                            "[почта](mailto:a@example.org), <someone@example.org>\n",
    "missing targets": "[Нет](missing.md), [тоже нет](../nowhere/), [папка](./)\n",
    "raw html and md_in_html": '<a href="b.md">сырая</a>\n\n<div markdown>\n[внутри](b.md)\n'
                               "</div>\n",
    "headings, footnotes, tables": "# Начало\n\n## Раздел [b](b.md)\n\nТекст[^1].\n\n"
                                   "| a | b |\n|:--|--:|\n| [x](r.md) | 2 |\n\n"
                                   "[^1]: [Сноска](b.md)\n",
    "fences and admonitions": "```\n[не ссылка](b.md)\n```\n\n!!! note \"Заметка\"\n"
                              "    [ссылка](b.md)\n\n??? info \"Ещё\"\n"
                              "    ![к](attachments/pic.png)\n",
    "escapes and quotes": '[a](b.md "заголовок") [c](<b.md?x="1"&y=2>) [d](b%20c.md)\n',
    "indented first line": "    код в начале\n\nабзац [b](b.md)\n",
}


@pytest.fixture(scope="module")
def config() -> Any:
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def _files(config: Any) -> Files:
    return Files([File(uri, src_dir=None, dest_dir=config.site_dir,
                       use_directory_urls=config.use_directory_urls) for uri in TARGETS])


def _toc(items: Any) -> list[Any]:
    return [(i.title, i.id, i.level, _toc(i.children)) for i in items]


def test_the_projects_mkdocs_yml_lets_pages_reuse_the_conversion(config: Any) -> None:
    assert entry_body.reusable(config)


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_the_reused_body_is_what_mkdocs_converts(config: Any, body: str) -> None:
    files = _files(config)
    mkdocs_page = Page(None, files.get_file_from_path("practices/a.md"), config)
    mkdocs_page.markdown = page_markdown(body)
    mkdocs_page.render(config, files)
    ours = Page(None, files.get_file_from_path("practices/a.md"), config)
    outline = outline_of(body)
    assert entry_body.converted(outline)
    assert entry_body.page_html(outline, ours, files, config) == mkdocs_page.content
    assert _toc(ours.toc) == _toc(mkdocs_page.toc)
    assert ours.links_to_anchors == mkdocs_page.links_to_anchors


def test_the_checks_see_the_addresses_the_editor_wrote() -> None:
    outline = outline_of("[b](b.md#etapy) ![к](attachments/pic.png) [c](<b.md?x=1&y=2>)\n")
    assert [e.attrs.get("href") or e.attrs.get("src") for e in outline.elements
            if e.tag in ("a", "img")] == ["b.md#etapy", "attachments/pic.png", "b.md?x=1&y=2"]


def test_a_different_markdown_setup_converts_pages_again(config: Any) -> None:
    changed = load_config(config_file=str(ROOT / "mkdocs.yml"))
    changed.mdx_configs["toc"] = {**changed.mdx_configs["toc"], "permalink": False}
    assert entry_body.reusable(config) and not entry_body.reusable(changed)
