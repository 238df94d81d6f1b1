"""The sample content loaded once for the search tests."""

from __future__ import annotations

import pytest

from build_tools.checks.loader import Project, load_library
from build_tools.content.library import Library
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def library() -> Library:
    library, problems = load_library(Project(ROOT / "content", ROOT))
    assert not problems.has_errors()
    return library
