"""The practice page's parts, computed from the sample content and its registries."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from build_tools.checks.loader import Project, load_library
from build_tools.content.library import Library
from build_tools.monitoring.evidence import schools_with_data
from build_tools.pages import practice_parts as parts
from build_tools.pages.pages import SiteBuilder

ROOT = Path(__file__).parents[2]
MENTORING = "nastavnichestvo-molodyh-uchiteley-novoy-shkoly"


@pytest.fixture(scope="module")
def library() -> Library:
    library, _ = load_library(Project(ROOT / "content", ROOT))
    return library


def practice(library: Library, slug: str):  # type: ignore[no-untyped-def]
    return next(e for e in library.practices if e.slug == slug)


def registry(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "content/_data" / name).read_text("utf-8"))


def test_sample_and_grades_in_words() -> None:
    assert parts.sample_text({"pupils": 240, "classes": 8}) == "240 обучающихся, 8 классов"
    assert parts.sample_text({"teachers": 21, "schools": 2}) == "21 педагог, 2 школы"
    assert parts.sample_text({}) == ""
    assert parts.grades_text({"from": 5, "to": 9}) == "5–9 классы"
    assert parts.grades_text({"from": 0, "to": 4}) == "дошкольная группа – 4 класс"
    assert parts.grades_text({"from": 1, "to": 1}) == "1 класс"
    assert parts.grades_text(None) == ""


def test_headline_of_a_recommended_practice(library: Library) -> None:
    entry = practice(library, MENTORING)
    strip = parts.headline(entry, schools_with_data(library.monitoring))
    passport = entry.data["passport"]
    assert strip.recommended
    assert (strip.cost, strip.launch) == (passport["resources"]["cost"], passport["launch"])
    assert strip.adopters == len(entry.data["adoptions"])
    assert strip.strength.schools == 1 + len(entry.data["adoptions"])
    assert 0 <= strip.strength.locks <= 5


def test_review_names_criteria_and_decider(library: Library) -> None:
    entry = practice(library, MENTORING)
    review = parts.review(entry, library)
    assert review is not None
    criteria = {c["id"]: c for c in registry("criteria.yml")}
    expected = [(criteria[key]["name"], score, criteria[key]["max"],
                 criteria[key]["levels"][score])
                for key, score in entry.data["review"]["scores"].items()]
    assert sorted((s.criterion, s.score, s.max, s.meaning) for s in review.scores) == sorted(
        expected)
    expert = next(e for e in registry("experts.yml")
                  if e["id"] == entry.data["review"]["reviewer"])
    assert review.reviewer == f"{expert['name']}, {expert['position']}"
    department = next(d for d in registry("departments.yml")
                      if d["id"] == entry.data["decision"]["by"])
    assert review.decision is not None and review.decision.by == department["name"]
    assert review.decision.date == entry.data["decision"]["date"]


def test_linked_result_takes_the_registrys_name_unit_and_direction(library: Library) -> None:
    entry = practice(library, MENTORING)
    indicators = library.monitoring.indicators if library.monitoring else {}
    rows = parts.results(entry, indicators)
    linked = next(r for r in rows if r.monitoring)
    indicator = indicators[linked.monitoring]
    assert (linked.indicator, linked.unit, linked.better) == (
        indicator.name, indicator.unit, indicator.better.value)
    own = next(r for r in rows if not r.monitoring)
    assert own.better == "" and own.sample


def test_adoptions_and_the_page_memo_fingerprint(library: Library) -> None:
    entry = practice(library, MENTORING)
    rows = parts.adoptions(entry, library)
    assert [(a.school.id, a.year) for a in rows] == [
        (a["school"], a["year"]) for a in entry.data["adoptions"]]
    # Every part handed to the template is plain data the page memo can fingerprint.
    fingerprints = SiteBuilder(library).memo.fingerprints
    for value in (parts.headline(entry, frozenset()), parts.review(entry, library), rows,
                  parts.results(entry, {})):
        assert fingerprints.of(value) is not None, value


def test_a_practice_without_records_has_empty_parts(library: Library) -> None:
    bare = SimpleNamespace(data={"school": "x"}, status=None)
    assert parts.review(bare, library) is None  # type: ignore[arg-type]
    assert parts.results(bare, {}) == [] and parts.adoptions(bare, library) == []  # type: ignore[arg-type]
    strip = parts.headline(bare, frozenset())  # type: ignore[arg-type]
    assert (strip.cost, strip.launch, strip.adopters, strip.recommended) == ("", "", 0, False)
    assert strip.strength.locks == 0


def test_result_values_are_russian_numbers_with_agreeing_units(library: Library) -> None:
    entry = practice(library, "stazhirovochnaya-ploshchadka-dlya-upravlencheskih-komand")
    indicators = library.monitoring.indicators if library.monitoring else {}
    rows = {r.monitoring or r.indicator: r for r in parts.results(entry, indicators)}
    competence = rows["management-competence"]  # 6.1 and 7.8 in the file, «баллы из 10»
    assert (competence.before, competence.after) == ("6,1 балла из 10", "7,8 балла из 10")
    own = [r for r in rows.values() if not r.monitoring]
    # An editor's own unit is kept as written (no forms to agree with), the number in Russian.
    assert all("." not in r.before and "." not in r.after for r in own)
    assert parts.results(SimpleNamespace(data={"results": [  # type: ignore[arg-type]
        {"indicator": "x", "before": 1, "after": 2.5, "unit": "ч"}]}), {})[0].after == "2,5 ч"
