"""A plain CSV is read in one vectorised step, with the same rows and located problems as the
row-by-row reader that quoted or irregular files take."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from build_tools.content.registries import School, Schools
from build_tools.diagnostics.problems import Problem
from build_tools.monitoring.indicators import Aggregation, Direction, Indicator
from build_tools.monitoring.reader import RawTable, read_table
from build_tools.monitoring.table import validate_table

SCHOOLS = Schools({key: School(key, "", "", "", "новостройка", 2020, 2020)
                   for key in ("s1", "s2")})
INDICATORS = {"ege": Indicator("ege", "ЕГЭ", "баллы", Direction.HIGHER, 0, 100,
                               Aggregation.MEAN, "1")}
ROWS = ["s1;2023/2024;ege;70,5", "s2;2023/2024;ege;71", ";;;", "s3;2023/2024;ege;72",
        "s1;2024/2025;ege;много", "s2;2024/2025;ege;140", "s1;2023/2024;ege;70"]


def checked(tmp_path: Path, name: str,
            rows: list[str]) -> tuple[RawTable, tuple[pd.DataFrame | None, list[Problem]]]:
    path = tmp_path / name
    path.write_bytes("\r\n".join(["Школа;Период;Показатель;Значение", *rows]).encode("cp1251"))
    raw, problems = read_table(path)
    assert raw is not None and not problems
    return raw, validate_table(raw, name, SCHOOLS, INDICATORS)


def test_the_vectorised_path_finds_what_the_row_by_row_path_finds(tmp_path: Path) -> None:
    plain, (_, fast) = checked(tmp_path, "t.csv", ROWS)
    # One quoted cell sends the same table through the csv module, row by row.
    quoted, (_, slow) = checked(tmp_path, "t.csv", ['"s1";2023/2024;ege;70,5', *ROWS[1:]])
    assert plain.columns is not None and quoted.columns is None
    located = [(p.code, p.line, p.column) for p in fast]
    assert located == [(p.code, p.line, p.column) for p in slow]
    assert located == [("UnknownSchool", 5, 1), ("BadNumber", 6, 4), ("OutOfRange", 7, 4),
                       ("DuplicateRow", 8, 1)]
    assert [p.message for p in fast] == [p.message for p in slow]


def test_valid_rows_come_out_numeric_with_their_lines(tmp_path: Path) -> None:
    _, (rows, problems) = checked(tmp_path, "t.csv", [ROWS[0], ROWS[2], ROWS[1]])
    assert problems == [] and rows is not None
    assert rows["value"].tolist() == [70.5, 71.0]
    assert rows["line"].tolist() == [2, 4]
    assert rows["school"].astype(str).tolist() == ["s1", "s2"]


def test_a_short_row_takes_the_row_by_row_path_and_is_located(tmp_path: Path) -> None:
    raw, (_, problems) = checked(tmp_path, "t.csv", [ROWS[0], "s2;2023/2024;ege"])
    assert raw.columns is None
    assert [(p.code, p.line) for p in problems] == [("RaggedRow", 3)]
