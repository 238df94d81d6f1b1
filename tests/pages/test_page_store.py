"""Pages kept between builds (.kb-cache/pages.pickle): reused while their inputs hold, never
trusted blindly; a build from the store gives the site a clean build gives."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from build_tools.engine.settings import CACHE_DIR
from build_tools.output import entry_cache
from build_tools.pages import page_store
from tests.helpers import copy_sample
from tests.output.test_entry_cache import Planted, kb
from tests.output.test_reproducible import tree

PRACTICE = "content/practices/gruppy-podderzhki-pedagogov-protiv-vygoraniya.md"
TITLE = "Группы взаимной поддержки педагогов против профессионального выгорания"
NEW_TITLE = "Круги взаимной поддержки педагогов против выгорания"


def without_search(project: Path) -> Path:
    """Pagefind indexes the finished pages, which the store does not touch (its output is
    compared by tests/output/test_reproducible.py)."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kb:\n", "  - kb:\n      search_index: false\n"), encoding="utf-8")
    return project


def reused(stderr: str) -> int:
    for line in stderr.splitlines():
        if "из кэша взято страниц и файлов:" in line:
            return int(line.split(":")[-1].split()[0])
    return 0


def test_a_build_after_an_edit_renders_what_shows_it_and_matches_a_clean_build(
        tmp_path: Path) -> None:
    project = without_search(copy_sample(tmp_path / "project"))
    first = kb(project, "build", "-d", "first")
    assert first.returncode == 0, first.stderr
    assert reused(first.stderr) == 0
    assert (project / CACHE_DIR / page_store.STORE_FILE).is_file()

    practice = project / PRACTICE
    practice.write_text(practice.read_text(encoding="utf-8").replace(TITLE, NEW_TITLE, 1),
                        encoding="utf-8")
    warm = kb(project, "build", "-d", "warm")
    assert warm.returncode == 0, warm.stderr
    assert reused(warm.stderr) > 100  # every page that does not show the practice
    bank = (project / "warm/practices/index.html").read_text(encoding="utf-8")
    assert NEW_TITLE in bank and TITLE not in bank  # the listing was rendered again

    shutil.rmtree(project / CACHE_DIR)
    clean = kb(project, "build", "-d", "clean")
    assert clean.returncode == 0, clean.stderr
    assert reused(clean.stderr) == 0
    assert tree(project / "warm") == tree(project / "clean")


def test_a_changed_registry_reuses_no_page(tmp_path: Path) -> None:
    project = without_search(copy_sample(tmp_path / "project"))
    assert kb(project, "build", "-d", "first").returncode == 0
    districts = project / "content/_data/districts.yml"
    districts.write_text(districts.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = kb(project, "build", "-d", "again")
    assert again.returncode == 0, again.stderr
    assert reused(again.stderr) == 0


def test_a_planted_or_broken_store_is_ignored(tmp_path: Path) -> None:
    project = without_search(copy_sample(tmp_path / "project"))
    assert kb(project, "build", "-d", "first").returncode == 0
    folder = project / CACHE_DIR
    signed = entry_cache.read_signed(folder, page_store.STORE_FILE)
    assert signed is not None
    header = pickle.loads(signed)  # the first of the file's pickles: (format, world)
    genuine = page_store.load(folder, header[1])
    assert len(genuine) > 100
    marker = tmp_path / "ran"
    planted_slot = next(iter(genuine))

    def planted(stream: object) -> None:
        pickle.dump(header, stream)
        for slot, stored in genuine.items():
            data = pickle.dumps(Planted(marker)) if slot == planted_slot else stored.data
            pickle.dump((slot, data), stream)

    store = folder / page_store.STORE_FILE
    # Signed as ours: the planted value is refused when decoded and made again.
    entry_cache.write_signed(folder, page_store.STORE_FILE, planted)
    again = kb(project, "build", "-d", "again")
    assert again.returncode == 0, again.stderr
    assert not marker.exists()
    assert 100 < reused(again.stderr) < len(genuine)
    # As a pull request could commit it (no signature of this user), or broken: not read.
    for data in (store.read_bytes()[32:], b"\x80\x05not a pickle"):
        store.write_bytes(data)
        again = kb(project, "build", "-d", "again")
        assert again.returncode == 0, again.stderr
        assert not marker.exists()
        assert reused(again.stderr) == 0


def test_a_store_signed_by_another_user_is_not_trusted(tmp_path: Path) -> None:
    """A store that came with the project (committed by a pull request, copied from another
    machine) could carry any page's HTML: it is read only when this user's key signed it."""
    project = without_search(copy_sample(tmp_path / "project"))
    assert kb(project, "build", "-d", "first").returncode == 0
    assert reused(kb(project, "build", "-d", "second").stderr) > 100
    other = kb(project, "build", "-d", "third", env={"XDG_CACHE_HOME": str(tmp_path / "other")})
    assert other.returncode == 0, other.stderr
    assert reused(other.stderr) == 0
    assert "проверено заново 0," not in other.stderr  # nor the checks' results


def test_only_plain_records_are_stored(tmp_path: Path) -> None:
    import datetime as dt

    import markupsafe

    from build_tools.pages.pages import PageSpec, StaticSpec
    from build_tools.pages.render import Fragment

    spec = PageSpec("a/index.md", "А", "<p>до</p>", meta={"hide": ["toc"]})
    plain = {("page:a", "1"): spec, ("rows", "2"): [{"n": 1, "when": dt.date(2026, 11, 30)}],
             ("item", "3"): Fragment("<a href='@@/x/'>x</a>"),
             ("files", "4"): [StaticSpec("x.csv", b"\xef\xbb\xbf;"),
                              StaticSpec("y.html", markupsafe.Markup("<b>y</b>"))]}
    stored = page_store.save(tmp_path, "world", {
        **plain, ("planted", "5"): Planted(tmp_path),
        ("page:b", "6"): PageSpec("b/index.md", "Б", "", meta={"entry": object()})})
    assert stored == 4
    loaded = {slot: stored.open() for slot, stored in page_store.load(tmp_path, "world").items()}
    assert loaded == plain
    assert type(loaded["item", "3"]) is Fragment
    assert page_store.load(tmp_path, "another world") == {}


def taken(stderr: str) -> int:
    for line in stderr.splitlines():
        if "из прошлой сборки взято готовых страниц:" in line:
            return int(line.split(":")[-1].split()[0])
    return 0


def test_unchanged_pages_are_taken_from_the_site_a_build_replaces(tmp_path: Path) -> None:
    """The second build into the same site takes every page that did not change from it, as
    it was written; the result is byte for byte the site of a build from nothing."""
    project = without_search(copy_sample(tmp_path / "project"))
    first = kb(project, "build")
    assert first.returncode == 0, first.stderr
    assert taken(first.stderr) == 0
    pages = len(list((project / "site").rglob("index.html")))
    practice = project / PRACTICE
    practice.write_text(practice.read_text(encoding="utf-8").replace(
        "\n## ", "\nЕщё один абзац, дописанный после первой сборки.\n\n## ", 1), encoding="utf-8")
    second = kb(project, "build")
    assert second.returncode == 0, second.stderr
    assert pages // 2 < taken(second.stderr) < pages  # the practice's own page was rendered
    page = project / "site/practices/gruppy-podderzhki-pedagogov-protiv-vygoraniya/index.html"
    assert "Ещё один абзац, дописанный после первой сборки." in page.read_text(encoding="utf-8")

    # A published page changed by hand is rendered again, never passed on.
    bank = project / "site/practices/index.html"
    bank.write_text(bank.read_text(encoding="utf-8").replace("</main>", "<p>правка</p></main>"),
                    encoding="utf-8")
    third = kb(project, "build")
    assert third.returncode == 0, third.stderr
    assert "<p>правка</p>" not in bank.read_text(encoding="utf-8")
    assert taken(third.stderr) > pages // 2

    shutil.rmtree(project / CACHE_DIR)
    clean = kb(project, "build", "-d", "clean")
    assert clean.returncode == 0, clean.stderr
    assert taken(clean.stderr) == 0
    assert tree(project / "site") == tree(project / "clean")
