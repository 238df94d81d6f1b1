"""The indicator registry's road-map fields and the programme schools, as the institute edits
them in content/_data/: read into typed records, and every inconsistency a located problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.content.registries import Registry, load_registry
from build_tools.diagnostics.problems import Problem
from build_tools.monitoring.indicators import Group, Indicator, Source, load_indicators
from build_tools.monitoring.periods import Kind, Wave
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def registry() -> Registry:
    registry, problems = load_registry(ROOT / "content", ROOT)
    assert not problems
    return registry


def load(project: Path, registry: Registry) -> tuple[dict[str, Indicator], list[Problem]]:
    return load_indicators(project / "content/_data", registry, project / "content", project)


def test_the_sample_registry_has_every_group(registry: Registry) -> None:
    found, problems = load(ROOT, registry)
    assert problems == []
    assert {i.group for i in found.values()} == set(Group)
    kim = found["kim-math-7"]
    assert (kim.source, kim.period_kind, kim.waves) == (
        Source.KIM, Kind.ACADEMIC_YEAR, (Wave.ENTRY, Wave.FINAL))
    assert found["kim-reading-5"].waves == (Wave.ENTRY, Wave.INTERIM, Wave.FINAL)
    assert found["ege-russian"].waves == () and found["ege-russian"].meaningful_change == 2
    assert all(i.meaningful_change is not None for i in found.values()
               if i.group is Group.LEARNING)


def test_context_indicators_are_never_ranked(registry: Registry) -> None:
    found, _ = load(ROOT, registry)
    assert not found["school-climate"].ranked
    assert [i.id for i in found.values() if not i.ranked] == ["school-climate"]


def test_a_change_in_a_percentage_is_in_percentage_points(registry: Registry) -> None:
    found, _ = load(ROOT, registry)
    assert found["oge-no-certificate"].change_unit == "п. п."
    assert found["ege-russian"].change_unit == "баллы"


def write(project: Path, entry: str) -> None:
    folder = project / "content/_data"
    folder.mkdir(parents=True)
    (folder / "indicators.yml").write_text(
        "- id: demo\n  name: Демо\n  unit: '%'\n  better: больше — лучше\n  min: 0\n"
        "  max: 100\n  aggregate: доля\n  methodology: '1'\n" + entry, encoding="utf-8")


def test_learning_results_need_a_meaningful_change(tmp_path: Path, registry: Registry) -> None:
    write(tmp_path, "  group: результаты обучения\n  source: диагностика КИМ\n"
                    "  period_kind: учебный год\n")
    found, problems = load(tmp_path, registry)
    assert found == {}
    assert [(p.path, p.line, p.code) for p in problems] == [
        ("content/_data/indicators.yml", 1, "MissingMeaningfulChange")]
    assert problems[0].message.startswith(
        "у показателя demo из группы «результаты обучения» не задано meaningful_change")


def test_unknown_kinds_and_waves_are_refused(tmp_path: Path, registry: Registry) -> None:
    write(tmp_path, "  group: участие\n  source: отчёт школы\n  period_kind: полугодие\n"
                    "  waves: [входной, весенний]\n")
    found, problems = load(tmp_path, registry)
    assert found == {}
    assert [p.render() for p in problems] == [
        "content/_data/indicators.yml:11:16: [0].period_kind: неизвестное значение «полугодие» "
        "(вид периода). Допустимые значения: учебный год, календарный год, месяц, квартал. "
        "[UnknownTerm]",
        "content/_data/indicators.yml:12:20: [0].waves[1]: неизвестное значение «весенний» "
        "(волна). Допустимые значения: входной, промежуточный, итоговый. [UnknownTerm]",
    ]


def test_programme_schools(registry: Registry) -> None:
    marked = {s.id: s.support_programme_since for s in registry.schools
              if s.in_support_programme}
    assert marked == {"nikolskoe-mayachok": 2023, "gorbunki-sozidanie": 2024,
                      "luga-luch": 2024}
    assert not registry.schools.get("kudrovo-gorizont").in_support_programme


def test_unit_forms_are_three(tmp_path: Path, registry: Registry) -> None:
    write(tmp_path, "  group: участие\n  source: отчёт школы\n  period_kind: учебный год\n"
                    "  unit_forms: [балл, балла, баллов, баллы]\n")
    found, problems = load(tmp_path, registry)
    assert found == {}
    assert [(p.line, p.code, p.field, p.message) for p in problems] == [
        (1, "BadUnitForms", (0, "unit_forms"),
         "у показателя demo в unit_forms 4 формы, а нужно ровно три: после 1, 2 и 5, например "
         "[балл, балла, баллов].")]


def test_the_sample_units_agree_with_numbers(registry: Registry) -> None:
    found, _ = load(ROOT, registry)
    assert found["ege-russian"].change_amount("+1,6") == "+1,6 балла"
    assert found["ege-russian"].value_amount("71") == "71 балл"
    assert found["oge-no-certificate"].change_amount("\u22122,0") == "\u22122,0 п.\u00a0п."
