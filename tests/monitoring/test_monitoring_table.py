"""Monitoring tables: every input dialect, and every row problem with file, row and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from build_tools.content.registries import Registry, load_registry
from build_tools.diagnostics.problems import Problem
from build_tools.monitoring.indicators import Indicator, load_indicators
from build_tools.monitoring.reader import RawTable, read_table
from build_tools.monitoring.table import validate_table
from tests.helpers import FIXTURES, ROOT

TABLES = FIXTURES / "monitoring"


@pytest.fixture(scope="module")
def registry() -> Registry:
    registry, problems = load_registry(ROOT / "content", ROOT)
    assert not problems
    return registry


@pytest.fixture(scope="module")
def indicators(registry: Registry) -> dict[str, Indicator]:
    found, problems = load_indicators(ROOT / "content/_data", registry, ROOT / "content", ROOT)
    assert not problems and found
    return found


def check(
    path: Path, registry: Registry, indicators: dict[str, Indicator]
) -> tuple[RawTable, pd.DataFrame | None, list[Problem]]:
    raw, problems = read_table(path)
    assert raw is not None, problems
    rows, found = validate_table(raw, path.name, registry.schools, indicators)
    return raw, rows, found


def test_windows_1251_semicolons_and_decimal_commas(
    registry: Registry, indicators: dict[str, Indicator]
) -> None:
    raw, rows, problems = check(TABLES / "cp1251_every_row_error.csv", registry, indicators)
    assert raw.dialect == "CSV, Windows-1251, разделитель — точка с запятой"
    assert rows is None  # nothing is published from a file with errors
    found = [(p.line, p.column, p.code) for p in problems]
    assert found == [
        (9, 1, "RaggedRow"),
        (3, 1, "UnknownSchool"),
        (4, 3, "UnknownIndicator"),
        (8, 2, "BadPeriod"),
        (5, 4, "BadNumber"),
        (6, 4, "OutOfRange"),
        (10, 4, "OutOfRange"),
        (7, 1, "DuplicateRow"),
    ]
    by_line = {p.line: p for p in problems}
    assert by_line[3].render() == (
        "cp1251_every_row_error.csv:3:1: школы «kudrovo-gorizon» нет в справочнике "
        "content/_data/schools.yml. Возможно, вы имели в виду «kudrovo-gorizont». "
        "[UnknownSchool]")
    assert by_line[6].message == (
        "значение 140 вне допустимых границ показателя «Доля молодых педагогов, оставшихся "
        "в школе после первого года работы»: от 0 до 100 %.")
    # «1 234,0» with a non-breaking space and a decimal comma is read as the number 1234.
    assert by_line[10].message.startswith("значение 1234 вне допустимых границ")
    assert by_line[7].message == (
        "значение показателя ege-russian школы kudrovo-gorizont за 2024/2025 уже есть "
        "в строке 2: оставьте одну строку.")


def test_utf8_bom_with_commas_and_quoted_decimal_comma(
    registry: Registry, indicators: dict[str, Indicator]
) -> None:
    raw, rows, problems = check(TABLES / "utf8_bom_comma.csv", registry, indicators)
    assert raw.dialect == "CSV, UTF-8 с BOM, разделитель — запятая"
    assert problems == [] and rows is not None
    assert list(rows["value"]) == [71.5, 7.25]


def test_xlsx(tmp_path: Path, registry: Registry, indicators: dict[str, Indicator]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Данные"
    sheet.append(["Школа", "Период", "Показатель", "Значение"])
    sheet.append(["kudrovo-gorizont", "2025/2026", "ege-russian", 74.5])
    sheet.append(["kudrovo-gorizont", "2025/2026", "association-events", "много"])
    book.save(tmp_path / "table.xlsx")
    raw, rows, problems = check(tmp_path / "table.xlsx", registry, indicators)
    assert raw.dialect == "Excel (.xlsx), лист «Данные»"
    assert [(p.line, p.column, p.code) for p in problems] == [(3, 4, "BadNumber")]


def test_empty_file_and_missing_columns(
    registry: Registry, indicators: dict[str, Indicator]
) -> None:
    assert [p.code for p in read_table(TABLES / "empty.csv")[1]] == ["EmptyFile"]
    _, rows, problems = check(TABLES / "missing_column.csv", registry, indicators)
    assert rows is None
    assert [p.code for p in problems] == ["MissingColumn"]
    assert "«показатель»" in problems[0].message
    assert "разделитель — точка с запятой" in problems[0].message
