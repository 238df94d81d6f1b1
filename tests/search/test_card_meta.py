"""A practice's search result card: the facts the bank's results show besides the title."""

from __future__ import annotations

from pathlib import Path

from build_tools.checks.loader import Project, load_library
from build_tools.content.statuses import Status
from build_tools.monitoring.evidence import evidence_strength, schools_with_data
from build_tools.search.search_data import meta

ROOT = Path(__file__).parents[2]


def test_a_practice_result_carries_district_levels_locks_cost_and_badge() -> None:
    library, _ = load_library(Project(ROOT / "content", ROOT))
    with_data = schools_with_data(library.monitoring)
    recommended = next(e for e in library.practices if e.status is Status.RECOMMENDED)
    card = meta(recommended, library, with_data)
    assert card["district"] == library.school_of(recommended).district
    assert card["levels"] == ", ".join(recommended.data["levels"])
    assert card["locks"] == str(evidence_strength(recommended.data, with_data).locks)
    assert card["locks_max"] == "5"
    assert card["cost"] == recommended.data["passport"]["resources"]["cost"]
    assert card["recommended"] == "рекомендовано к тиражированию"
    other = next(e for e in library.practices if e.status is not Status.RECOMMENDED)
    assert meta(other, library, with_data)["recommended"] == ""
    digest = library.digests[0]
    assert "locks" not in meta(digest, library, with_data)
