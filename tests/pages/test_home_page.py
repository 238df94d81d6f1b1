"""The home page's parts and «Другие разделы», computed from the sample content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.checks.loader import Project, load_library
from build_tools.content.library import Library
from build_tools.content.statuses import Status
from build_tools.pages import home_page
from build_tools.pages.pages import SiteBuilder
from build_tools.pages.sections_page import SECTIONS_URL, groups

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def library() -> Library:
    library, _ = load_library(Project(ROOT / "content", ROOT))
    return library


def without_recommended(library: Library) -> Library:
    return Library(library.registry, [e for e in library.entries
                                      if e.status is not Status.RECOMMENDED])


def test_figures_count_the_bank_and_never_show_zero(library: Library) -> None:
    shown = {f.url: f.text for f in home_page.figures(library)}
    practices = len(library.practices)
    assert shown["practices/"].startswith(f"{practices} практик")
    assert shown["schools/"].startswith(f"{len(list(library.registry.schools))} участник")
    assert not [t for t in shown.values() if re.match(r"^0\D", t)], shown
    # With nothing recommended, the number is left out rather than shown as «0 практик».
    urls = [f.url for f in home_page.figures(without_recommended(library))]
    assert not [u for u in urls if "recommended" in u], urls
    assert any("recommended" in u for u in shown), shown


def test_home_lists_only_topics_that_have_practices(library: Library) -> None:
    topics = home_page.used_topics(library)
    names = [name for name, _ in topics]
    assert topics and all(count > 0 for _, count in topics)
    unused = [t.name for t in library.registry.vocabularies["topics"]
              if not library.practices_with("topics", t.name)]
    assert unused, "the sample should have a topic without practices"
    assert not set(unused) & set(names)


def test_featured_practices_are_the_newest_recommended_then_the_others(library: Library) -> None:
    recommended, latest = home_page.featured(library)
    assert recommended and all(e.status is Status.RECOMMENDED for e in recommended)
    assert [e.date for e in recommended] == sorted((e.date for e in recommended), reverse=True)
    assert not set(e.slug for e in recommended) & set(e.slug for e in latest)
    assert len(latest) <= home_page.LATEST_SHOWN
    # Nothing recommended: the section is empty (the template leaves it out), the news stays.
    none, latest = home_page.featured(without_recommended(library))
    assert none == [] and latest


def test_other_sections_link_to_pages_the_site_builds(library: Library) -> None:
    """Every link of «Другие разделы» (the «Ещё» tab) leads to a page of this build."""
    built = {spec.url for spec in SiteBuilder(library).pages()}
    assert SECTIONS_URL in built
    links = [s.url for group in groups() for s in group.sections]
    assert {"monitoring/", "topics/", "data/", "guide/", "search/"} <= set(links)
    assert not [url for url in links if url not in built], built


def test_the_members_list_never_says_zero_practices(sample_site: Path) -> None:
    """A member school without practices in the bank shows no count, not «0 практик»."""
    html = (sample_site / "schools" / "index.html").read_text(encoding="utf-8")
    assert "практик" in html  # members with practices keep their count
    assert not re.search(r"\b0 практик", html)
