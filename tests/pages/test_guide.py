"""The editors' guide on the site: every field, every template and every error code."""

from __future__ import annotations

import html
import re
from pathlib import Path

import frontmatter
import yaml

from build_tools.content.content_types import CONTENT_TYPES
from build_tools.diagnostics.catalogue import CATALOGUE
from build_tools.pages.guide import ERRORS_ANCHOR, GUIDE_URL, guide_address, registry_guides
from tests.helpers import ROOT


def guide_html(sample_site: Path) -> str:
    return (sample_site / GUIDE_URL / "index.html").read_text(encoding="utf-8")


def test_the_guide_lists_every_error_code_with_its_own_anchor(sample_site: Path) -> None:
    page = guide_html(sample_site)
    anchors = set(re.findall(r'<section class="kb-guide-error" id="([A-Za-z]+)">', page))
    assert anchors == set(CATALOGUE)
    for code, explanation in CATALOGUE.items():
        assert f'href="#{code}"' in page
        section = page[page.index(f'id="{code}"'):].split("</section>", 1)[0]
        assert html.escape(explanation.title, quote=False) in section
        assert html.escape(explanation.fix, quote=False) in section
    assert f'id="{ERRORS_ANCHOR}"' in page


def test_the_guide_documents_every_field_of_every_content_type(sample_site: Path) -> None:
    page = guide_html(sample_site)
    for content_type in CONTENT_TYPES:
        table = page[page.index(f'id="polya-{content_type.name}"'):].split("</table>", 1)[0]
        names = re.findall(r'<th scope="row"><code>([^<]+)</code></th>', table)
        expected = ["[].".join(map(str, path)) for path, _ in content_type.record.walk()]
        assert names == expected
        for _, spec in content_type.record.walk():
            assert html.escape(spec.doc, quote=False) in table


def test_the_guide_documents_every_registry_an_association_editor_keeps(
        sample_site: Path) -> None:
    page = guide_html(sample_site)
    for guide in registry_guides({}):
        assert (ROOT / "content/_data" / guide.file).is_file(), guide.file
        table = page[page.index(f'id="{guide.anchor}"'):].split("</table>", 1)[0]
        assert f"<code>content/_data/{guide.file}</code>" in table
        names = re.findall(r'<th scope="row"><code>([^<]+)</code></th>', table)
        assert names == [row.name for row in guide.rows] and names
    assert {g.file for g in registry_guides({})} >= {
        "internship_sites.yml", "partners.yml", "networks.yml", "normative_documents.yml"}


def test_the_templates_on_the_guide_are_the_kb_new_templates(sample_site: Path) -> None:
    page = guide_html(sample_site)
    templates = re.findall(r'<summary>Шаблон файла для копирования</summary>\s*<pre><code>(.*?)'
                           r'</code></pre>', page, re.S)
    assert len(templates) == len(CONTENT_TYPES)
    for content_type, template in zip(CONTENT_TYPES, templates, strict=True):
        post = frontmatter.loads(html.unescape(template))
        assert list(post.metadata) == list(content_type.record.fields)
        assert post.metadata["status"] == "черновик"


def _nav_items(nav: list[dict[str, object]]) -> list[dict[str, object]]:
    """Every item of mkdocs.yml's nav, those inside sections («Ещё») too."""
    items = []
    for item in nav:
        items.append(item)
        for value in item.values():
            if isinstance(value, list):
                items.extend(_nav_items(value))
    return items


def test_the_guide_is_in_the_navigation() -> None:
    """The guide stays one click from every page: a tab or an item of the «Ещё» section."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(config[config.index("\nnav:"):].split("\n\n", 1)[0])["nav"]
    assert {"Как предложить практику": "guide/index.md"} in _nav_items(nav)


def test_printed_problems_point_to_the_guide() -> None:
    assert guide_address("https://example.org/bank/") == "https://example.org/bank/guide/#oshibki"
    assert guide_address("https://example.org/bank") == "https://example.org/bank/guide/#oshibki"
    assert guide_address("").startswith("http://127.0.0.1:8000/guide/#oshibki")


def test_the_guide_starts_with_five_steps_then_the_reference(sample_site: Path) -> None:
    page = guide_html(sample_site)
    headings = re.findall(r"<h([12])[^>]*>(.*?)</h\1>", page)
    assert [text for _, text in headings[:3]] == [
        "Как предложить практику", "Как предложить практику за 5 шагов", "Полный справочник"]
    quick = page[page.index('id="za-5-shagov"'):].split("</section>", 1)[0]
    steps = re.findall(r"<li><strong>(.*?)</strong>", quick)
    assert len(steps) == 5, steps
    # The practice's required fields, named as in the file, and the preview under /bank/.
    for field in ("title", "summary", "school", "levels", "topics"):
        assert f"<code>{field}</code>" in quick
    assert "<code>http://127.0.0.1:8000/bank/</code>" in quick
    assert page.index('id="za-5-shagov"') < page.index('class="kb-guide-toc"') < page.index(
        'id="polya-practice"')


def test_the_guide_shows_school_ids_with_names(sample_site: Path) -> None:
    page = guide_html(sample_site)
    schools = yaml.safe_load((ROOT / "content/_data/schools.yml").read_text(encoding="utf-8"))
    table = page[page.index('id="identifikatory-shkol"'):].split("</table>", 1)[0]
    rows = re.findall(r'<tr><th scope="row"><code>([^<]+)</code></th><td>([^<]+) <span', table)
    assert rows == [(s["id"], html.escape(s["short_name"], quote=False)) for s in schools]
    # A field that takes a school points to the table instead of listing bare ids.
    practice = page[page.index('id="polya-practice"'):].split("</table>", 1)[0]
    school_row = practice[practice.index("<code>school</code>"):].split("</tr>", 1)[0]
    assert "например kudrovo-gorizont — это Школа «Горизонт»" in school_row
    assert 'href="#identifikatory-shkol"' in school_row
    assert schools[-1]["id"] not in school_row


def test_the_guide_writes_examples_as_editors_do(sample_site: Path) -> None:
    """«true (да)», lists in brackets and records in braces, never Python's True or quotes."""
    page = html.unescape(guide_html(sample_site))
    examples = re.findall(r"Пример: <code>(.*?)</code>", page)
    assert examples and not [e for e in examples if re.search(r"\bTrue\b|\bFalse\b|'", e)]
    assert "true (да)" in examples
    assert "{relevance: 3, measurable: 2}" in examples
    assert "Пример: True" not in page and "Пример: true (да)." in page  # the kb new template
