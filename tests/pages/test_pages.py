"""Page generation: pagination, relative links, escaping, and pages that do not grow with N."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.checks.loader import Project, load_library
from build_tools.pages.pages import PER_PAGE, PageSpec, SiteBuilder
from build_tools.pages.render import relative_url
from tests.helpers import KbRunner

HOSTILE = '"><script>alert(1)</script>'


def add_copies(project: Path, count: int) -> None:
    """`count` extra practices, copies of a sample one under new names and titles."""
    source = project / "content/practices/roditelskiy-universitet.md"
    text = source.read_text(encoding="utf-8")
    for i in range(count):
        copy = re.sub(r"^title: (.*)$", rf"title: \1 (копия {i})", text, count=1, flags=re.M)
        copy = re.sub(r"^related: .*\n", "", copy, flags=re.M)
        copy = copy.replace("\nadoptions:\n", "\nadoptions:\n  - school: kudrovo-gorizont\n"
                            "    year: 2025\n", 1)
        (project / f"content/practices/kopiya-{i:04d}.md").write_text(copy, encoding="utf-8")


def size(page: PageSpec) -> int:
    return len(page.before) + len(page.markdown) + len(page.after)


def pages_of(project: Path) -> dict:
    library, problems = load_library(Project(project / "content", project))
    assert not problems.has_errors(), [p.render() for p in problems]
    return {p.src_uri: p for p in SiteBuilder(library).pages()}


@pytest.mark.parametrize(("target", "current", "expected"), [
    ("practices/x/", "", "practices/x/"),
    ("practices/x/", "practices/", "../practices/x/"),
    ("", "practices/x/", "../../"),
    ("", "", "./"),
    ("schools/a/", "practices/x/", "../../schools/a/"),
    ("practices/attachments/plan.csv", "practices/x/", "../../practices/attachments/plan.csv"),
    ("practices/", "practices/page/2/", "../../../practices/"),
])
def test_relative_urls_work_under_any_sub_path(target: str, current: str, expected: str) -> None:
    assert relative_url(target, current) == expected


def test_listings_are_paginated_and_entry_pages_do_not_grow(project: Path) -> None:
    small = pages_of(project)
    add_copies(project, 120)
    large = pages_of(project)
    listing_pages = sorted(uri for uri in large if re.fullmatch(r"practices/(index|page/\d+)\.md",
                                                                uri))
    total = sum(1 for uri in large if uri.startswith("practices/kopiya-")) + sum(
        1 for uri in small if re.fullmatch(r"practices/[a-z0-9-]+\.md", uri)
        and uri != "practices/index.md")
    assert len(listing_pages) == -(-total // PER_PAGE)
    for uri in listing_pages:
        assert large[uri].before.count('class="kb-item"') <= PER_PAGE
    page = "practices/roditelskiy-universitet.md"
    # Computed related practices may change with the bank, their number does not.
    assert abs(size(large[page]) - size(small[page])) < 1500
    # School and term pages are paginated the same way: the copies all share one school.
    school_pages = [uri for uri in large if uri.startswith("schools/tosno-rodnik/")]
    assert len(school_pages) == -(-121 // PER_PAGE)
    for uri in school_pages:
        own_practices = large[uri].before.split('id="perenyatye-praktiki"')[0]
        assert own_practices.count('class="kb-item"') <= PER_PAGE
    # The 120 copies were all adopted by one school: its page lists a capped number of them.
    adopter = large["schools/kudrovo-gorizont/index.md"].before
    adopted = adopter.split('id="perenyatye-praktiki"')[1]
    assert adopted.count('class="kb-item"') == PER_PAGE
    assert f"Показаны {PER_PAGE} последних из 120 практик." in adopted
    # The internship-site candidates name a school's first practices and link to the rest.
    candidates = "monitoring/candidates/index.md"
    assert "schools/tosno-rodnik/" in large[candidates].before
    assert abs(size(large[candidates]) - size(small[candidates])) < 1500
    assert "все практики школы (121)" in large[candidates].before


def test_front_matter_is_escaped_wherever_it_is_rendered(project: Path, kb: KbRunner) -> None:
    practice = project / "content/practices/roditelskiy-universitet.md"
    text = practice.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: '{HOSTILE}'", text, count=1, flags=re.M)
    text = text.replace("  - name: Фёдорова Людмила Петровна",
                        "  - name: <img src=x onerror=alert(2)>")
    # Hostile HTML in the body is refused by the validator (tests/checks/test_bad_input.py); the
    # sanitiser behind it is tested on its own in tests/checks/test_html_policy.py.
    practice.write_text(text, encoding="utf-8")
    result = kb("build", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    pages = [site / "practices/roditelskiy-universitet/index.html", site / "practices/index.html",
             site / "schools/tosno-rodnik/index.html", site / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(2)&gt;", "")
        assert 'onclick="alert' not in html and "javascript:alert" not in html
    html = pages[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None
    assert title.group(1).startswith("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; - ")
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_the_preview_leaves_out_entries_naming_what_does_not_exist(project: Path) -> None:
    """kb serve goes on with errors: a practice of an unknown school or an unknown related
    practice is left out of the pages instead of failing the whole preview."""
    path = project / "content/practices/roditelskiy-universitet.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "school: tosno-rodnik", "school: net-takoy-shkoly"), encoding="utf-8")
    library, problems = load_library(Project(project / "content", project),
                                     include_unpublished=True)
    assert [p.code for p in problems.errors] == ["UnknownSchool"]
    pages = {p.src_uri for p in SiteBuilder(library).pages()}
    assert "practices/roditelskiy-universitet.md" not in pages
    assert "practices/vechernyaya-shkola-dlya-poselka.md" in pages
