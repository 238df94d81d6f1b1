"""Shared fixtures: a throw-away copy of the sample project and a way to run `kb` on it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, KbRunner


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of mkdocs.yml and the sample content/ that a test may break at will."""
    target = tmp_path / "project"
    target.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "content", target / "content")
    return target


@pytest.fixture
def kb() -> KbRunner:
    """Run the `kb` command as an editor would, in a given project folder."""

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "build_tools.cli", *args],
            cwd=cwd, capture_output=True, text=True, timeout=600,
        )

    return run
