"""Helpers shared by tests: paths, a copy of the sample project, a free port, the `kb` type."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

KbRunner = Callable[..., subprocess.CompletedProcess[str]]


def copy_sample(target: Path) -> Path:
    """mkdocs.yml and the sample content/ copied into `target` (created here), ready for kb."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "content", target / "content")
    return target


def free_port() -> int:
    """A local TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
