"""The monitoring table spec and its validation: row problems use the same record as front-matter.

Checks are vectorised over the whole table; Python only loops over the rows that are wrong, and
reports at most `MAX_PER_CODE` of each kind per file, then how many more there are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ..fields import normalize, suggest, unavailable
from ..problems import Problem
from ..registries import Schools
from .indicators import Indicator
from .reader import RawTable

MAX_PER_CODE = 20


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("school", "школа", ("школа", "оо", "id школы", "код школы", "school")),
    Column("period", "период", ("период", "учебный год", "period")),
    Column("indicator", "показатель", ("показатель", "код показателя", "indicator")),
    Column("value", "значение", ("значение", "value")),
    Column("comment", "комментарий", ("комментарий", "примечание", "comment"), required=False),
)

PERIOD = re.compile(r"(?P<start>\d{4})/(?P<end>\d{4})|(?P<year>\d{4})(?:-(?P<sub>Q[1-4]|\d{2}))?")
PERIOD_HINT = ("учебный год 2024/2025, календарный год 2025, месяц 2025-03 "
               "или квартал 2025-Q1")


def period_order(period: str) -> int | None:
    """A sortable number for a period, or None when it is malformed."""
    match = PERIOD.fullmatch(period)
    if not match:
        return None
    if match["start"]:
        start, end = int(match["start"]), int(match["end"])
        return start * 100 if end == start + 1 else None
    sub = match["sub"] or ""
    number = int(sub[1:]) * 3 if sub.startswith("Q") else int(sub or 0)
    return int(match["year"]) * 100 + number if number <= 12 else None


def validate_table(
    raw: RawTable, shown: str, schools: Schools, indicators: Mapping[str, Indicator]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The table's rows as school/period/indicator/value, or None with every problem found."""
    positions, problems = _map_header(raw.header, raw.dialect)
    if problems:
        return None, [p.located(shown, 1, p.column or 1) for p in problems]
    reporter = _Reporter(shown, raw.dialect)
    width = len(raw.header)
    keep = []
    for index, cells in enumerate(raw.rows):
        if len(cells) != width:
            reporter.add("RaggedRow", raw.lines[index], 1,
                         f"в строке {len(cells)} ячеек, а в заголовке {width}: проверьте "
                         "разделители и кавычки в этой строке.")
        else:
            keep.append(index)
    frame = pd.DataFrame({
        key: [raw.rows[i][col].strip() for i in keep] for key, col in positions.items()
    })
    frame["line"] = [raw.lines[i] for i in keep]
    if frame.empty and not raw.rows:
        reporter.add("EmptyTable", 1, 1, "в таблице нет ни одной строки данных.")
    _check_references(frame, positions, schools, indicators, reporter)
    _check_periods(frame, positions, reporter)
    _check_values(frame, positions, indicators, reporter)
    _check_duplicates(frame, positions, reporter)
    problems = reporter.problems()
    if problems:
        return None, problems
    return frame[["school", "period", "indicator", "value", "order"]], []


def _map_header(header: list[str], dialect: str) -> tuple[dict[str, int], list[Problem]]:
    found: dict[str, int] = {}
    for position, name in enumerate(header):
        for column in COLUMNS:
            if normalize(name) in column.aliases:
                found.setdefault(column.key, position)
    missing = [c.label for c in COLUMNS if c.required and c.key not in found]
    if missing:
        listed = ", ".join(f"«{m}»" for m in missing)
        return found, [Problem(
            "MissingColumn",
            f"в заголовке нет столбцов {listed}. Ожидаются столбцы: школа, период, показатель, "
            f"значение (и по желанию комментарий); найдено: {', '.join(header) or 'ничего'}. "
            f"Файл прочитан как {dialect}.",
        )]
    return found, []


class _Reporter:
    def __init__(self, shown: str, dialect: str) -> None:
        self.shown, self.dialect = shown, dialect
        self._found: list[Problem] = []
        self._counts: dict[str, int] = {}

    def add(self, code: str, line: int, column: int, message: str, hint: str = "") -> None:
        self._counts[code] = self._counts.get(code, 0) + 1
        if self._counts[code] <= MAX_PER_CODE:
            self._found.append(Problem(code, message, hint=hint).located(self.shown, line, column))

    def problems(self) -> list[Problem]:
        out = list(self._found)
        for code, count in self._counts.items():
            if count > MAX_PER_CODE:
                out.append(Problem(
                    code, f"и ещё {count - MAX_PER_CODE} строк с той же ошибкой "
                          f"(файл прочитан как {self.dialect}).",
                ).located(self.shown, 1, 1))
        return out


def _check_references(frame: pd.DataFrame, positions: dict[str, int], schools: Schools,
                      indicators: Mapping[str, Indicator], reporter: _Reporter) -> None:
    if not schools.available and len(frame):  # its error is at schools.yml: once is enough
        first = frame["line"].iloc[0]
        reporter.add("VocabularyUnavailable", first, positions["school"] + 1,
                     unavailable(schools.label).message)
    known_schools = pd.Series(schools.names(), dtype="object")
    for key, known, what in (("school", known_schools, "школы"),
                             ("indicator", pd.Series(list(indicators), dtype="object"),
                              "показателя")):
        unknown = ~frame[key].isin(known)
        if key == "school" and not schools.available:
            continue
        hints: dict[str, str] = {}
        for line, value in zip(frame.loc[unknown, "line"], frame.loc[unknown, key], strict=True):
            if value not in hints:
                hints[value] = suggest(value, list(known))
            registry = "schools.yml" if key == "school" else "indicators.yml"
            reporter.add("UnknownSchool" if key == "school" else "UnknownIndicator", line,
                         positions[key] + 1,
                         f"{what} «{value}» нет в справочнике content/_data/{registry}.",
                         hints[value])


def _check_periods(frame: pd.DataFrame, positions: dict[str, int], reporter: _Reporter) -> None:
    unique = {p: period_order(p) for p in frame["period"].unique()}
    frame["order"] = frame["period"].map(unique)
    for line, value in zip(frame.loc[frame["order"].isna(), "line"],
                           frame.loc[frame["order"].isna(), "period"], strict=True):
        reporter.add("BadPeriod", line, positions["period"] + 1,
                     f"период «{value}» записан непонятно. Допустимо: {PERIOD_HINT}.")


def _check_values(frame: pd.DataFrame, positions: dict[str, int],
                  indicators: Mapping[str, Indicator], reporter: _Reporter) -> None:
    text = (frame["value"].str.replace("\u00a0", "", regex=False)
            .str.replace("\u202f", "", regex=False).str.replace(" ", "", regex=False)
            .str.replace(",", ".", regex=False))
    frame["value"] = pd.to_numeric(text, errors="coerce")
    column = positions["value"] + 1
    bad = frame["value"].isna()
    for line, raw in zip(frame.loc[bad, "line"], text[bad], strict=True):
        message = ("значение не заполнено." if not raw else
                   f"значение «{raw}» — не число. Пишите число без единиц измерения, "
                   "дробную часть — через запятую или точку.")
        reporter.add("BadNumber", line, column, message)
    low = frame["indicator"].map({k: i.min for k, i in indicators.items()})
    high = frame["indicator"].map({k: i.max for k, i in indicators.items()})
    outside = ~bad & low.notna() & ((frame["value"] < low) | (frame["value"] > high))
    for line, value, indicator in zip(frame.loc[outside, "line"], frame.loc[outside, "value"],
                                      frame.loc[outside, "indicator"], strict=True):
        spec = indicators[indicator]
        reporter.add("OutOfRange", line, column,
                     f"значение {value:g} вне допустимых границ показателя «{spec.name}»: "
                     f"от {spec.min:g} до {spec.max:g} {spec.unit}.")


def _check_duplicates(frame: pd.DataFrame, positions: dict[str, int],
                      reporter: _Reporter) -> None:
    key = ["school", "period", "indicator"]
    repeated = frame[frame.duplicated(key, keep=False)]
    if repeated.empty:
        return
    first_line = repeated.groupby(key, sort=False)["line"].transform("min")
    for line, first, school, period, indicator in zip(
        repeated["line"], first_line, repeated["school"], repeated["period"],
        repeated["indicator"], strict=True,
    ):
        if line != first:
            reporter.add("DuplicateRow", line, positions["school"] + 1,
                         f"значение показателя {indicator} школы {school} за {period} уже есть "
                         f"в строке {first}: оставьте одну строку.")
