"""`kb serve`'s page memory: after an edit only the pages that show what changed are rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.checks.loader import Checked, Project, check_content
from build_tools.output import entry_cache
from build_tools.pages.page_memo import Fingerprints, PageMemo
from build_tools.pages.pages import PageSpec, SiteBuilder

PRACTICE = "content/practices/roditelskiy-universitet.md"


@pytest.fixture(autouse=True)
def held_writes() -> object:
    """As under `kb serve`: one process checks again and again."""
    entry_cache.hold_writes()
    yield None
    entry_cache.flush()


def check(project: Path) -> Checked:
    return check_content(Project(project / "content", project,
                                 config_file=project / "mkdocs.yml",
                                 cache_dir=project / ".kb-cache"))


def build(checked: Checked, memo: PageMemo) -> dict[str, PageSpec]:
    memo.begin(checked.world_key())
    builder = SiteBuilder(checked.library, memo=memo)
    return {spec.src_uri: spec for spec in builder.pages()}


def rendered_again(before: dict[str, PageSpec], after: dict[str, PageSpec]) -> set[str]:
    """Pages whose HTML is a new object: the memo did not hand back the last one's."""
    return {uri for uri, spec in after.items()
            if uri not in before or spec.before is not before[uri].before}


def edit(project: Path, old: str, new: str) -> None:
    path = project / PRACTICE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_every_entry_and_listing_page_is_reused(project: Path) -> None:
    memo = PageMemo()
    first = build(check(project), memo)
    second = build(check(project), memo)
    assert second.keys() == first.keys()
    entry_pages = {uri for uri, spec in first.items() if spec.kind == "entry"}
    again = rendered_again(first, second)
    assert not again & entry_pages
    assert "practices/index.md" not in again  # a listing of every practice
    assert all(second[uri].after == first[uri].after for uri in first)


def test_a_new_paragraph_renders_only_its_own_page(project: Path) -> None:
    memo = PageMemo()
    first = build(check(project), memo)
    edit(project, "## ", "Новый абзац о том, как практика прижилась.\n\n## ")
    second = build(check(project), memo)
    again = rendered_again(first, second)
    practice = "practices/roditelskiy-universitet.md"
    assert practice in again
    assert "Новый абзац" in second[practice].markdown
    entries_again = {uri for uri in again if second[uri].kind == "entry"}
    assert entries_again == {practice}
    assert "practices/index.md" not in again


def test_a_new_title_renders_the_listings_that_show_it(project: Path) -> None:
    memo = PageMemo()
    first = build(check(project), memo)
    path = project / PRACTICE
    old_title = next(line for line in path.read_text(encoding="utf-8").splitlines()
                     if line.startswith("title:"))
    edit(project, old_title, "title: Родительский университет выходного дня")
    second = build(check(project), memo)
    again = rendered_again(first, second)
    assert "practices/index.md" in again
    assert "Родительский университет выходного дня" in second["practices/index.md"].before \
        + second["practices/index.md"].markdown
    # a page that shows the practice as related is rendered with the new title too
    related = [uri for uri, spec in second.items() if spec.kind == "entry"
               and uri != "practices/roditelskiy-universitet.md"
               and "roditelskiy-universitet/" in spec.after]
    assert related and all(uri in again for uri in related)
    assert all("выходного дня" in second[uri].after for uri in related)


def test_a_registry_edit_renders_everything_again(project: Path) -> None:
    memo = PageMemo()
    first = build(check(project), memo)
    schools = project / "content" / "_data" / "schools.yml"
    schools.write_text(schools.read_text(encoding="utf-8").replace(
        "Школа «Горизонт»", "Школа «Новый горизонт»", 1), encoding="utf-8")
    second = build(check(project), memo)
    assert rendered_again(first, second) == set(second)


def test_without_the_cache_nothing_is_reused(project: Path) -> None:
    memo = PageMemo()
    checked = check_content(Project(project / "content", project))
    assert checked.world_key() == ""
    first = build(checked, memo)
    second = build(check_content(Project(project / "content", project)), memo)
    assert rendered_again(first, second) == set(second)


def test_fingerprint_sees_into_records_and_refuses_what_it_cannot_read() -> None:
    prints = Fingerprints()
    assert prints.of({"a": [1, "б", None]}) == Fingerprints().of({"a": [1, "б", None]})
    assert prints.of({"a": [1, "б"]}) != prints.of({"a": [1, "в"]})
    assert prints.of({"a": object()}) is None
    long_list = list(range(100))
    once = prints.of({"x": long_list})
    assert once == prints.of({"x": long_list})  # a shared value is hashed once per build
    assert once != Fingerprints().of({"x": list(range(101))})


def test_a_new_paragraph_reuses_downloads_feeds_and_open_data(project: Path) -> None:
    memo = PageMemo()
    memo.begin(check(project).world_key())
    first = {s.src_uri: s for s in SiteBuilder(check(project).library, memo=memo)
             .static_files()}
    edit(project, "## ", "Ещё один абзац.\n\n## ")
    checked = check(project)
    memo.begin(checked.world_key())
    second = {s.src_uri: s for s in SiteBuilder(checked.library, memo=memo).static_files()}
    assert any(uri.startswith("data/") for uri in second)  # open data is among them
    reused = [uri for uri in second if second[uri].content is first[uri].content]
    assert sorted(reused) == sorted(uri for uri in second if not uri.startswith("schemas/"))
    # a new summary changes the open data and feeds: they are made again
    edit(project, "summary: ", "summary: Обновлено. ")
    checked = check(project)
    memo.begin(checked.world_key())
    third = {s.src_uri: s for s in SiteBuilder(checked.library, memo=memo).static_files()}
    changed = [uri for uri in third if uri.startswith("data/")
               and third[uri].content != second[uri].content]
    assert changed
