"""Shared fixtures: a throw-away copy of the sample project and a way to run `kb` on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import KbRunner, copy_sample


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of mkdocs.yml and the sample content/ that a test may break at will."""
    return copy_sample(tmp_path / "project")


@pytest.fixture
def kb() -> KbRunner:
    """Run the `kb` command as an editor would, in a given project folder."""

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "build_tools.engine.cli", *args],
            cwd=cwd, capture_output=True, text=True, timeout=600,
        )

    return run


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built once with `kb build`, checked not to write into content/."""
    target = copy_sample(tmp_path_factory.mktemp("sample") / "project")
    before = sorted(p.relative_to(target).as_posix() for p in target.rglob("*"))
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"], cwd=target,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    # site/ is the output and .kb-cache/ the git-ignored store of per-file check results.
    after = sorted(p.relative_to(target).as_posix() for p in target.rglob("*")
                   if not p.relative_to(target).as_posix().startswith(("site", ".kb-cache")))
    assert after == before, "the build must not write into content/"
    return target / "site"
