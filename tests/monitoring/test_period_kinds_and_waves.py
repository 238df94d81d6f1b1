"""Each indicator's declared period kind and waves in the tables: every bad row a located error,
and aggregates over a fixture table with mixed waves equal to values computed by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from build_tools.content.registries import School, Schools
from build_tools.diagnostics.problems import Problem
from build_tools.monitoring.aggregate import (
    ALL_DISTRICTS,
    district_summary,
    school_dynamics,
    with_districts,
)
from build_tools.monitoring.indicators import Aggregation, Direction, Group, Indicator
from build_tools.monitoring.periods import Kind, Wave
from build_tools.monitoring.reader import read_table
from build_tools.monitoring.table import validate_table
from tests.helpers import FIXTURES

DISTRICTS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B"}
SCHOOLS = Schools({s: School(s, f"Школа {s}", s, d, "новостройка", 2020, 2021)
                   for s, d in DISTRICTS.items()})


def indicator(key: str, kind: Kind, waves: tuple[Wave, ...] = ()) -> Indicator:
    return Indicator(key, f"Показатель {key}", "%", Direction.HIGHER, 0, 100,
                     Aggregation.SHARE, "1", group=Group.LEARNING, period_kind=kind,
                     waves=waves, meaningful_change=2)


INDICATORS = {i.id: i for i in (
    indicator("kim", Kind.ACADEMIC_YEAR, (Wave.ENTRY, Wave.FINAL)),
    indicator("exam", Kind.ACADEMIC_YEAR),
    indicator("yearly", Kind.YEAR),
    indicator("monthly", Kind.MONTH),
    indicator("quarterly", Kind.QUARTER),
)}


def validate(tmp_path: Path, text: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    raw, problems = read_table(path)
    assert raw is not None, problems
    return validate_table(raw, "table.csv", SCHOOLS, INDICATORS)


def test_a_period_of_another_kind_than_declared_is_a_located_error(tmp_path: Path) -> None:
    rows, problems = validate(tmp_path, "\n".join([
        "школа;показатель;период;значение",
        "a1;yearly;2025-Q1;50",      # a quarter where a year is expected
        "a1;yearly;2024/2025;50",    # an academic year where a calendar year is expected
        "a1;quarterly;2025-03;50",   # a month where a quarter is expected
        "a1;monthly;2025-00;50",
        "a1;monthly;2025-13;50",
        "a1;quarterly;2025-Q0;50",
        "a1;quarterly;2025-Q5;50",
        "a1;yearly;2025;50",         # right
        "a1;monthly;2025-12;50",     # right
    ]))
    assert rows is None
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [
        ("table.csv", 2, 3, "WrongPeriodKind"), ("table.csv", 3, 3, "WrongPeriodKind"),
        ("table.csv", 4, 3, "WrongPeriodKind"), ("table.csv", 5, 3, "BadPeriod"),
        ("table.csv", 6, 3, "BadPeriod"), ("table.csv", 7, 3, "BadPeriod"),
        ("table.csv", 8, 3, "BadPeriod"),
    ]
    by_line = {p.line: p.message for p in problems}
    assert by_line[2] == (
        "показатель yearly даётся за календарный год (например, 2025), а здесь период "
        "«2025-Q1» — квартал. Значения одного показателя сравниваются только за периоды "
        "одного вида: исправьте период или вид периода показателя в "
        "content/_data/indicators.yml.")
    assert by_line[5] == "месяца 00 не бывает: месяцы от 01 до 12, двумя цифрами."
    assert by_line[8] == "квартала Q5 не бывает: кварталы от Q1 до Q4."


def test_waves_are_required_exactly_where_declared(tmp_path: Path) -> None:
    rows, problems = validate(tmp_path, "\n".join([
        "школа;период;показатель;волна;значение",
        "a1;2024/2025;kim;;50",               # no wave for a waved indicator
        "a1;2024/2025;kim;промежуточный;50",  # a wave the indicator has not
        "a1;2024/2025;exam;итоговый;50",      # a wave for an indicator without waves
        "a1;2024/2025;kim;итоговый;50",       # right
        "a2;2024/2025;kim;итоговый;50",
        "a2;2024/2025;kim;Итоговый;51",       # the same wave, capitalised: a repeated row
    ]))
    assert rows is None
    assert [(p.line, p.column, p.code) for p in problems] == [
        (2, 4, "BadWave"), (3, 4, "BadWave"), (4, 4, "UnexpectedWave"), (7, 1, "DuplicateRow")]
    messages = [p.message for p in problems]
    assert messages[0] == ("показатель kim измеряют волнами (входной, итоговый), а здесь волна "
                           "не указана: укажите одну из них.")
    assert messages[1] == ("показатель kim измеряют волнами (входной, итоговый), а здесь "
                           "указано «промежуточный»: укажите одну из них.")
    assert messages[2] == ("показатель exam измеряют один раз за период, а в столбце «волна» "
                           "указано «итоговый»: оставьте ячейку пустой.")
    assert messages[3] == ("значение показателя kim школы a2 за 2024/2025, итоговый уже есть "
                           "в строке 6: оставьте одну строку.")


def test_a_table_without_the_wave_column_names_it(tmp_path: Path) -> None:
    rows, problems = validate(tmp_path, "школа;период;показатель;значение\na1;2024/2025;kim;50\n")
    assert rows is None
    [problem] = problems
    assert (problem.line, problem.column, problem.code) == (2, 3, "BadWave")
    assert problem.message.endswith("В таблице нет столбца «волна»: добавьте его.")


def waves_fixture() -> pd.DataFrame:
    raw, problems = read_table(FIXTURES / "monitoring/waves.csv")
    assert raw is not None and not problems
    rows, problems = validate_table(raw, "waves.csv", SCHOOLS, INDICATORS)
    assert rows is not None, problems
    return with_districts(rows, DISTRICTS)


def test_district_aggregates_keep_waves_apart() -> None:
    summary = district_summary(waves_fixture(), {"A": 3, "B": 1}, min_group=3)
    kim = summary[summary["indicator"] == "kim"]
    found = {(str(p), d): (m, n) for p, d, m, n in zip(
        kim["period"], kim["district"], kim["mean"], kim["schools"], strict=True)}
    # By hand: A entry (50 + 40 + 30) / 3, A final (60 + 70 + 65) / 3; the region adds b1.
    assert found == {
        ("2024/2025, входной", "A"): (40, 3),
        ("2024/2025, итоговый", "A"): (65, 3),
        ("2024/2025, входной", ALL_DISTRICTS): ((50 + 40 + 30 + 80) / 4, 4),
        ("2024/2025, итоговый", ALL_DISTRICTS): ((60 + 70 + 65 + 90) / 4, 4),
        ("2025/2026, входной", "A"): ((55 + 45 + 41) / 3, 3),
        ("2025/2026, входной", ALL_DISTRICTS): ((55 + 45 + 41) / 3, 3),
    }
    assert list(kim["period"].map(str)) == sorted(
        kim["period"].map(str), key=lambda s: (s[:9], "итоговый" in s))  # chronological
    exam = summary[(summary["indicator"] == "exam") & (summary["district"] == "A")].iloc[0]
    assert (str(exam["period"]), exam["mean"], exam["median"]) == ("2024/2025", 72, 72)


def test_dynamics_step_through_the_waves_in_order() -> None:
    dynamics = school_dynamics(waves_fixture(), INDICATORS)
    a1 = dynamics[(dynamics["school"] == "a1") & (dynamics["indicator"] == "kim")]
    assert [str(p) for p in a1["period"]] == [
        "2024/2025, входной", "2024/2025, итоговый", "2025/2026, входной"]
    assert a1["change"].tolist()[1:] == [10, -5] and pd.isna(a1["change"].iloc[0])


@pytest.mark.parametrize("header", ["волна", "Волна", "wave"])
def test_the_wave_column_has_russian_and_english_names(tmp_path: Path, header: str) -> None:
    rows, problems = validate(tmp_path, f"школа;период;показатель;{header};значение\n"
                                        "a1;2024/2025;kim;входной;50\n")
    assert problems == [] and rows is not None
    assert [str(p) for p in rows["period"]] == ["2024/2025, входной"]
