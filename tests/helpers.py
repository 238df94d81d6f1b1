"""Helpers shared by tests: paths and the type of the `kb` runner fixture."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

KbRunner = Callable[..., subprocess.CompletedProcess[str]]
