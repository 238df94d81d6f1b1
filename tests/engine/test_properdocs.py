"""The sample site built with ProperDocs, the maintained continuation of MkDocs 1.6: the same
pages as `kb build`, so the institute can move when MkDocs 1.x breaks."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import copy_sample

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("properdocs") is None,
    reason="properdocs is not installed (pip install -e '.[test]' brings it)")

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
"""The one line that names the engine."""


def properdocs_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # ProperDocs reads mkdocs.yml when asked to, and redirects `mkdocs.*` imports (ours and the
    # theme's) to its own modules: the plugin runs unchanged.
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml",
                           *args], cwd=project, capture_output=True, text=True, timeout=600,
                          env=env)


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub("", p.read_text("utf-8"))
            for p in sorted(site.rglob("*.html"))}


def test_properdocs_builds_the_same_pages_as_kb_build(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    ours = copy_sample(tmp_path / "kb")
    built = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"], cwd=ours,
                           capture_output=True, text=True, timeout=600, env=env)
    assert built.returncode == 0, built.stderr
    project = copy_sample(tmp_path / "properdocs")
    result = properdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for page in ("index.html", "practices/index.html", "search/index.html", "404.html",
                 "monitoring/index.html", "pagefind/pagefind.js"):
        assert (site / page).is_file(), page
    assert 'content="mkdocs-ProperDocs' in (site / "index.html").read_text("utf-8")
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert files == sorted(p.relative_to(ours / "site").as_posix()
                           for p in (ours / "site").rglob("*"))
    assert html_pages(site) == html_pages(ours / "site")


def test_properdocs_refuses_bad_content_with_our_message(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    entry = next((project / "content" / "practices").rglob("*.md"))
    entry.write_text("---\ntitle: [\n---\nтекст\n", "utf-8")
    result = properdocs_build(project)
    assert result.returncode != 0
    assert "материалы содержат ошибки, сайт не собран" in result.stderr
    assert not (project / "site").exists()
