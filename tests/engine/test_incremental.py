"""The serve session's bookkeeping: which generated files a dirty rebuild writes again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from build_tools.engine.incremental import ServeSession, site_key
from build_tools.pages.pages import PageSpec, StaticSpec

PAGE = PageSpec("practices/a.md", "Практика А", "<header>А</header>", markdown="Текст.\n",
                kind="entry")
OTHER = PageSpec("practices/b.md", "Практика Б", "<header>Б</header>", markdown="Текст.\n",
                 kind="entry")


def _config(site: Path) -> Any:
    return SimpleNamespace(site_dir=str(site), use_directory_urls=True,
                           plugins=SimpleNamespace(_current_plugin="kb"))


def _build(session: ServeSession, config: Any, pages: list[PageSpec],
           statics: Sequence[StaticSpec] = (), key: str = "k") -> dict[str, bool]:
    """One build: every file's output written when it changed; the session told it finished."""
    session.start()
    files = [session.page(config, spec, key) for spec in pages]
    files += [session.static(config, spec) for spec in statics]
    for file in files:
        if file.is_modified():
            Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(file.abs_dest_path).write_text(file.content_string, encoding="utf-8")
    session.remove_stale()
    session.finish()
    return {file.src_uri: file.is_modified() for file in files}


def test_only_changed_sources_are_written_again(tmp_path: Path) -> None:
    session, config = ServeSession(), _config(tmp_path)
    data = StaticSpec("data/practices.csv", "id\na\n")
    assert _build(session, config, [PAGE, OTHER], [data]) == {
        "practices/a.md": True, "practices/b.md": True, "data/practices.csv": True}
    assert session.rebuilt == ["practices/a.md", "practices/b.md"]
    assert not any(_build(session, config, [PAGE, OTHER], [data]).values())
    assert session.rebuilt == []
    edited = replace(PAGE, after="<footer>правка</footer>")
    assert _build(session, config, [edited, OTHER], [StaticSpec(data.src_uri, "id\nb\n")]) == {
        "practices/a.md": True, "practices/b.md": False, "data/practices.csv": True}
    assert session.rebuilt == ["practices/a.md"]


def test_every_part_of_a_page_counts(tmp_path: Path) -> None:
    session, config = ServeSession(), _config(tmp_path)
    _build(session, config, [PAGE])
    for change in ({"title": "Другая"}, {"description": "о чём"}, {"draft": True},
                   {"meta": {"type": "practice"}}, {"before": "<p>"}, {"markdown": "Иной.\n"}):
        assert _build(session, config, [replace(PAGE, **change)])["practices/a.md"], change
        _build(session, config, [PAGE])


def test_a_new_site_key_writes_every_page_again(tmp_path: Path) -> None:
    session, config = ServeSession(), _config(tmp_path)
    _build(session, config, [PAGE, OTHER], key="one")
    assert all(_build(session, config, [PAGE, OTHER], key="two").values())


def test_site_key_follows_mkdocs_yml_and_without_a_nav_every_title(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Банк\nnav: [index.md]\n", encoding="utf-8")
    nav = ["index.md"]
    key = site_key(config, nav, [PAGE])
    assert site_key(config, nav, [replace(PAGE, title="Другая")]) == key  # a section-only nav
    assert site_key(config, None, [replace(PAGE, title="Другая")]) != site_key(
        config, None, [PAGE])
    config.write_text("site_name: Другой банк\nnav: [index.md]\n", encoding="utf-8")
    assert site_key(config, nav, [PAGE]) != key


def test_a_removed_page_is_deleted_and_a_failed_build_forgets(tmp_path: Path) -> None:
    session, config = ServeSession(), _config(tmp_path)
    _build(session, config, [PAGE, OTHER])
    gone = tmp_path / "practices/b/index.html"
    assert gone.is_file()
    _build(session, config, [PAGE])
    assert not gone.exists() and (tmp_path / "practices/a/index.html").is_file()
    session.start()
    session.page(config, PAGE, "k")
    session.forget()  # the build failed: what it wrote is unknown
    assert all(_build(session, config, [PAGE]).values())


def test_a_missing_output_is_written_again(tmp_path: Path) -> None:
    session, config = ServeSession(), _config(tmp_path)
    _build(session, config, [PAGE])
    (tmp_path / "practices/a/index.html").unlink()
    assert _build(session, config, [PAGE]) == {"practices/a.md": True}
