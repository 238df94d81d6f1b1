"""`kb build --preview-changed BASE`: the pull request's own drafts are built, marked and
kept out of search, feeds and open data; everything else is the published site."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.engine.preview import MARKER_TEXT
from tests.helpers import KbRunner, copy_sample

CHANGED = "tsifrovoy-kabinet-klassnogo-rukovoditelya"  # a draft the branch edits
UNTOUCHED = "vechernyaya-shkola-dlya-poselka"  # a draft it does not
PUBLISHED = "roditelskiy-universitet"


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Редактор", "-c", "user.email=editor@example.org",
                    "-c", "init.defaultBranch=main", *args], cwd=project, check=True,
                   capture_output=True)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A branch that edits one draft and one published practice, built as its preview."""
    project = copy_sample(tmp_path_factory.mktemp("preview") / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "банк")
    git(project, "checkout", "-q", "-b", "pravka")
    for slug in (CHANGED, PUBLISHED):
        path = project / "content/practices" / f"{slug}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nАбзац из запроса на слияние.\n",
                        encoding="utf-8")
    git(project, "commit", "-q", "-am", "правка")
    result = subprocess.run(
        [*KB, "build", "--preview-changed", "main"], cwd=project, capture_output=True,
        text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


KB = [sys.executable, "-m", "build_tools.engine.cli"]


def test_the_changed_draft_is_built_and_marked(preview: tuple[Path, str]) -> None:
    site, _ = preview
    page = (site / "practices" / CHANGED / "index.html").read_text(encoding="utf-8")
    assert MARKER_TEXT == "Черновик — не опубликовано"
    assert (f'<p class="kb-draft-marker" role="note" data-pagefind-ignore>{MARKER_TEXT}</p>'
            in page)
    assert "Абзац из запроса на слияние." in page
    assert "data-pagefind-body" not in page
    assert "DRAFT" not in page
    published = (site / "practices" / PUBLISHED / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in published and MARKER_TEXT not in published
    assert not (site / "practices" / UNTOUCHED).exists()  # a draft the branch did not touch


def test_the_draft_is_not_searched_and_not_in_feeds_or_open_data(
        preview: tuple[Path, str]) -> None:
    site, _ = preview
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                 for p in (site / "pagefind" / "fragment").iterdir()]
    assert fragments and not [f for f in fragments if CHANGED in f]
    assert any(PUBLISHED in f for f in fragments)
    for folder in ("feeds", "data"):
        files = [p for p in (site / folder).rglob("*") if p.is_file()]
        assert files
        assert not [p for p in files if CHANGED.encode() in p.read_bytes()], folder


def test_an_unknown_base_is_a_russian_message(project: Path, kb: KbRunner) -> None:
    git(project, "init", "-q")
    result = kb("build", "--preview-changed", "net-takoy-vetki", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("Сайт не собран: git не смог сравнить ветки (")
    assert result.stderr.endswith("Проверьте имя ветки и что история загружена целиком (в "
                                  "GitHub Actions — fetch-depth: 0).\n")
    assert "Traceback" not in result.stderr and not (project / "site").exists()


def test_a_named_file_is_previewed_without_git(project: Path, kb: KbRunner) -> None:
    result = kb("build", "--preview", f"content/practices/{UNTOUCHED}.md", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/practices" / UNTOUCHED / "index.html").read_text(encoding="utf-8")
    assert MARKER_TEXT in page
    assert not (project / "site/practices" / CHANGED).exists()


def test_a_missing_named_file_is_a_russian_message(project: Path, kb: KbRunner) -> None:
    result = kb("build", "--preview", "content/practices/net.md", cwd=project)
    assert (result.returncode, result.stderr) == (
        1, "Сайт не собран: для предпросмотра не найден файл content/practices/net.md.\n")
