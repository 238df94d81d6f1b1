"""The per-file cache in .kb-cache/: reused while nothing changed, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.checks.loader import Checked, check_content
from build_tools.content.content_types import CONTENT_TYPES
from build_tools.engine.settings import CACHE_DIR, read_site
from build_tools.output import entry_cache
from tests.helpers import copy_sample
from tests.output.test_reproducible import EPOCH, tree


def checked(project: Path) -> Checked:
    return check_content(read_site(project / "mkdocs.yml").project(project))


def entry_files(project: Path) -> int:
    return sum(1 for _ in (project / "content").glob("*/*.md")
               if _.parent.name in {t.folder for t in CONTENT_TYPES}
               and _.name != "index.md")


@pytest.fixture
def warm(project: Path) -> Path:
    """The sample project checked once, so that its cache holds every entry."""
    first = checked(project)
    assert len(first.rechecked) == entry_files(project) and first.reused == 0
    assert (project / CACHE_DIR / entry_cache.CACHE_FILE).is_file()
    return project


def test_a_second_check_reuses_every_file(warm: Path) -> None:
    again = checked(warm)
    assert again.rechecked == ()
    assert again.reused == entry_files(warm)


def test_an_edited_entry_alone_is_checked_again(warm: Path) -> None:
    practice = sorted((warm / "content/practices").glob("[!i]*.md"))[0]
    practice.write_text(practice.read_text(encoding="utf-8") + "\nНовый абзац.\n",
                        encoding="utf-8")
    again = checked(warm)
    assert again.rechecked == (f"content/practices/{practice.name}",)
    entry = next(e for e in again.library.entries if e.path == practice)
    assert entry.body.rstrip().endswith("Новый абзац.")


def test_a_changed_registry_checks_every_file_again(warm: Path) -> None:
    topics = warm / "content/_data/topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# другой справочник\n",
                      encoding="utf-8")
    assert len(checked(warm).rechecked) == entry_files(warm)


def test_a_changed_mkdocs_yml_checks_every_file_again(warm: Path) -> None:
    config = warm / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kb:\n", "  - kb:\n      embed_hosts: [rutube.ru]\n"), encoding="utf-8")
    assert read_site(config).kb.embed_hosts == ("rutube.ru",)
    assert len(checked(warm).rechecked) == entry_files(warm)


def test_a_new_code_version_checks_every_file_again(
    warm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entry_cache, "code_version", lambda: "another version")
    assert len(checked(warm).rechecked) == entry_files(warm)


def test_the_code_version_covers_templates_and_the_converting_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template or a library upgrade changes pages without a line of our Python changing:
    it must make a new code version (the page store would reuse stale pages otherwise)."""
    package = tmp_path / "build_tools"
    (package / "templates").mkdir(parents=True)
    (package / "plugin.py").write_text("X = 1\n", encoding="utf-8")
    template = package / "templates" / "practice.html"
    template.write_text("<p>{{ title }}</p>\n", encoding="utf-8")
    monkeypatch.setattr(entry_cache, "PACKAGE", package)
    version = entry_cache.code_version.__wrapped__  # the cache holds the real package's
    first = version()
    assert version() == first
    template.write_text("<p>{{ title }}!</p>\n", encoding="utf-8")
    second = version()
    assert second != first
    real = entry_cache.metadata.version
    monkeypatch.setattr(entry_cache.metadata, "version",
                        lambda name: "99.0" if name == "mkdocs-material" else real(name))
    assert version() != second


def test_the_cache_can_be_turned_off(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kb:\n", "  - kb:\n      cache: false\n"), encoding="utf-8")
    checked(project)
    assert len(checked(project).rechecked) == entry_files(project)
    assert not (project / CACHE_DIR).exists()


class Planted:
    """What a hostile cache file could hold: an object that runs a command when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize("content", ["garbage", "planted", "unsigned", "empty"])
def test_a_corrupt_or_foreign_cache_file_is_ignored(
    warm: Path, content: str, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    folder = warm / CACHE_DIR
    stored = folder / entry_cache.CACHE_FILE
    genuine = entry_cache.read_signed(folder, entry_cache.CACHE_FILE)
    assert genuine is not None
    if content == "planted":  # signed as ours: the unpickler must still refuse it
        entry_cache.write_pickle(folder, entry_cache.CACHE_FILE,
                                 (entry_cache.FORMAT, Planted(marker)))
    else:  # «unsigned»: genuine results, but as a pull request could commit them
        stored.write_bytes({"garbage": b"\x80\x05not a pickle", "empty": b"",
                            "unsigned": genuine}[content])
    again = checked(warm)
    assert not marker.exists()
    assert len(again.rechecked) == entry_files(warm)  # a cold start, then stored anew
    assert checked(warm).rechecked == ()


def kb(project: Path, *args: str, env: dict[str, str] | None = None,
       ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), **(env or {})}
    return subprocess.run([sys.executable, "-m", "build_tools.engine.cli", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)


def test_a_warm_build_gives_the_same_site_as_a_cold_one(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    # Pagefind indexes the finished pages, which the cache does not touch; its own output is
    # compared by tests/test_reproducible.py.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kb:\n", "  - kb:\n      search_index: false\n"), encoding="utf-8")
    cold = kb(project, "build", "-d", "cold")
    assert cold.returncode == 0, cold.stderr
    # Had the plugin loaded the content again, it would have found all of it in the cache.
    assert "проверено заново 0" not in cold.stderr
    warm = kb(project, "build", "-d", "warm")
    assert warm.returncode == 0, warm.stderr
    assert "проверено заново 0," in warm.stderr
    assert tree(project / "warm") == tree(project / "cold")


def test_a_warm_validate_reports_the_same_problems(project: Path) -> None:
    practice = sorted((project / "content/practices").glob("[!i]*.md"))[0]
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("\n---\n", "\nunknown_field: 1\n---\n"
                                     "\n[нет такого файла](missing.pdf)\n![](photo.png)\n", 1),
                        encoding="utf-8")
    cold = kb(project, "validate", "--format", "json")
    assert cold.returncode == 1
    assert "MissingFile" in cold.stdout and "ImageWithoutAlt" in cold.stdout
    assert "unknown_field" in cold.stdout
    warm = kb(project, "validate", "--format", "json")
    assert checked(project).rechecked == ()  # the second run did read the cache
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout,
                                                           cold.stderr)


def test_a_serving_session_keeps_results_in_memory_and_writes_them_at_the_end(
        warm: Path) -> None:
    stored = warm / CACHE_DIR / entry_cache.CACHE_FILE
    practice = sorted((warm / "content/practices").glob("[!i]*.md"))[0]
    entry_cache.hold_writes()
    try:
        checked(warm)  # the session's first run reads the file
        stored.unlink()
        practice.write_text(practice.read_text(encoding="utf-8") + "\nЕщё абзац.\n",
                            encoding="utf-8")
        again = checked(warm)
        # the other files came from memory, though the file is gone, and nothing was written
        assert again.rechecked == (f"content/practices/{practice.name}",)
        assert again.reused == entry_files(warm) - 1
        assert not stored.exists()
    finally:
        entry_cache.flush()
    assert stored.is_file()  # written once, when the session ended
    after = checked(warm)
    assert after.rechecked == () and after.reused == entry_files(warm)
