"""The bank's replication facets: evidence strength, recommendation, cost, school fit, grades."""

from __future__ import annotations

import dataclasses

import pytest

from build_tools.content.library import Library
from build_tools.monitoring.evidence import evidence_strength, schools_with_data
from build_tools.search.search_data import (
    FACETS,
    SIZE_LABELS,
    filters,
    fitting_schools,
    grade_bands,
    sort_keys,
)


@pytest.mark.parametrize(("grades", "bands"), [
    ({"from": 5, "to": 9}, ["5–9 классы"]),
    ({"from": 3, "to": 6}, ["1–4 классы", "5–9 классы"]),
    ({"from": 0, "to": 1}, ["дошкольные группы", "1–4 классы"]),
    ({"from": 0, "to": 11}, ["дошкольные группы", "1–4 классы", "5–9 классы", "10–11 классы"]),
    ({"from": 10, "to": 11}, ["10–11 классы"]),
    (None, []),
])
def test_a_grade_range_is_in_every_band_it_overlaps(grades: object, bands: list[str]) -> None:
    assert grade_bands(grades) == bands


def test_school_fit_joins_the_author_school_and_the_passport_conditions(
        library: Library) -> None:
    school = dataclasses.replace(next(iter(library.registry.schools)), students=300,
                                 kind="новостройка", settlement="село")
    data = {"passport": {"conditions": {"school_kinds": ["после реновации"],
                                        "settlements": ["село", "город"],
                                        "sizes": ["крупная"]}}}
    assert fitting_schools(data, school) == {
        "school_kind": ["новостройка", "после реновации"],
        "settlement": ["село", "город"],
        "size": [SIZE_LABELS["малая"], SIZE_LABELS["крупная"]],
    }
    assert fitting_schools({}, school)["size"] == [SIZE_LABELS["малая"]]


def test_practice_filters_carry_strength_recommendation_cost_pupils(library: Library) -> None:
    with_data = schools_with_data(library.monitoring)
    for practice in library.practices:
        values = filters(practice, library, with_data)
        data = practice.data
        strength = evidence_strength(data, with_data)
        assert values["strength"] == [strength.label]
        assert values.get("recommended") == (
            ["рекомендовано к тиражированию"]
            if data["status"] == "рекомендовано к тиражированию" else None)
        cost = ((data.get("passport") or {}).get("resources") or {}).get("cost")
        assert values.get("cost") == ([cost] if cost else None)
        assert values.get("pupils") == (list(data["pupils"]) if data.get("pupils") else None)
        assert values.get("grades") == (grade_bands(data["grades"]) or None
                                        if data.get("grades") else None)
        keys = sort_keys(practice, with_data)
        assert keys["strength"] == str(strength.locks)
        assert int(keys["adoptions"]) == len(data.get("adoptions") or [])
    # The sample bank shows more than one value of each new facet, or filtering means nothing.
    for key in ("strength", "cost", "grades", "settlement"):
        seen = {v for p in library.practices for v in filters(p, library, with_data).get(key, [])}
        assert len(seen) > 1, key


def test_only_practices_get_the_practice_sorts(library: Library) -> None:
    recommendation = library.recommendations[0]
    assert set(sort_keys(recommendation)) == {"date", "title"}
    assert "strength" not in filters(recommendation, library)


def test_every_facet_key_is_latin_and_unique() -> None:
    keys = [f.key for f in FACETS]
    assert len(keys) == len(set(keys))
    assert all(k.replace("_", "").isascii() and k.replace("_", "").isalpha() for k in keys)
