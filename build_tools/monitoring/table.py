"""The monitoring table spec and its validation: row problems use the same record as front-matter.

Checks are vectorised over the whole table; Python only loops over the rows that are wrong, and
reports at most `MAX_PER_CODE` of each kind per file, then how many more there are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..content.characters import FORBIDDEN, describe_char, first_forbidden
from ..content.fields import normalize, suggest
from ..content.registries import Schools
from ..content.term_fields import broken_row, unavailable
from ..diagnostics.problems import Problem
from .indicators import Indicator
from .periods import Period, Wave, parse_period, period_column
from .reader import RawTable

__all__ = ["COLUMNS", "validate_table"]

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
    Column("wave", "волна", ("волна", "волна диагностики", "wave"), required=False),
    Column("comment", "комментарий", ("комментарий", "примечание", "comment"), required=False),
)

CONTROL = FORBIDDEN.pattern
"""The characters no text may hold (characters.py): controls, bidi overrides, a BOM inside."""
"""Characters no table cell should hold: NUL, escape sequences, form feeds (tab and line breaks
inside a quoted comment are ordinary text)."""
MAX_CELL_CHARS = 10_000
NUMBER = r"[-+]?\d+(?:\.\d+)?"
MAX_DIGITS = 15
"""Digits a value may have: a double keeps 15 significant digits exactly."""


def shown(value: str, limit: int = 60) -> str:
    """A cell as it may appear in a message: control characters named, long text cut."""
    text = re.sub(CONTROL, lambda m: f"[U+{ord(m.group()):04X}]", value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(value)} символов)"


def validate_table(
    raw: RawTable, shown_path: str, schools: Schools, indicators: Mapping[str, Indicator]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The table's rows as school/period/indicator/value with the file row `line`; `period` is
    an ordered categorical of `Period` (its wave included); or None with every problem found."""
    positions, problems = _map_header(raw.header, raw.dialect)
    if problems:
        return None, [p.located(shown_path, 1, p.column or 1) for p in problems]
    reporter = _Reporter(shown_path, raw.dialect)
    if not raw.row_count():
        reporter.add("EmptyTable", 1, 1, "в таблице нет ни одной строки данных: под "
                     f"заголовком пусто (файл прочитан как {raw.dialect}).")
        return None, reporter.problems()
    frame = _cells(raw, positions, reporter)
    # Checked before stripping: str.strip() would silently drop a trailing vertical tab.
    frame = _check_cells(frame, positions, reporter)
    for key in positions:
        frame[key] = _on_categories(frame[key], lambda cells: cells.str.strip())
    _check_references(frame, positions, schools, indicators, reporter)
    if "wave" not in frame:
        frame["wave"] = pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), [""])
    # Rows with a wrong period or wave are reported once and left out of the later checks.
    frame = _check_periods(frame, positions, indicators, reporter)
    frame = _check_waves(frame, positions, indicators, reporter)
    _check_values(frame, positions, indicators, reporter)
    _check_duplicates(frame, positions, reporter)
    problems = reporter.problems()
    if problems:
        return None, problems
    rows = frame[["school", "indicator", "value", "line"]].assign(
        period=period_column(frame["period"], frame["wave"]))
    return rows[["school", "period", "indicator", "value", "line"]], []


def _cells(raw: RawTable, positions: dict[str, int], reporter: _Reporter) -> pd.DataFrame:
    """The mapped columns, each a categorical (a million rows repeat a few hundred schools,
    periods and values: every text check below runs once per distinct cell), and `line`."""
    if raw.columns is not None:  # read in one step; every row is as wide as the header
        return pd.DataFrame({
            **{key: pd.Categorical(raw.columns[col]) for key, col in positions.items()},
            "line": raw.columns["line"].to_numpy()})
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
        key: pd.Categorical([raw.rows[i][col] for i in keep]) for key, col in positions.items()
    })
    frame["line"] = [raw.lines[i] for i in keep]
    return frame


def _on_categories(column: pd.Series, change: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """`change` applied to each distinct cell once, the column kept categorical."""
    categories = pd.Series(column.cat.categories, dtype="object")
    codes, distinct = pd.factorize(change(categories))
    mapped = np.where(column.cat.codes.to_numpy() < 0, -1,
                      codes[column.cat.codes.to_numpy()])
    return pd.Series(pd.Categorical.from_codes(mapped, categories=distinct), index=column.index)


def _per_category(column: pd.Series, compute: Callable[[pd.Series], Any]) -> Any:
    """`compute` (a Series or a DataFrame of results) over the distinct cells, spread to every
    row; the result is no longer categorical."""
    categories = pd.Series(column.cat.categories, dtype="object")
    spread = compute(categories).take(column.cat.codes.to_numpy())
    spread.index = column.index
    return spread


def _check_cells(frame: pd.DataFrame, positions: dict[str, int],
                 reporter: _Reporter) -> pd.DataFrame:
    """The rows whose cells are short and free of control characters; the others are
    reported here, once, and left out of the column checks."""
    fit = pd.Series(True, index=frame.index)
    for key, col in positions.items():
        cells = frame[key]
        too_long = _per_category(cells, lambda c: c.str.len() > MAX_CELL_CHARS).astype(bool)
        control = ~too_long & _per_category(
            cells, lambda c: c.str.contains(CONTROL, regex=True)).astype(bool)
        for line, cell in zip(frame.loc[too_long, "line"], cells[too_long], strict=True):
            reporter.add("CellTooLong", line, col + 1,
                         f"в ячейке {len(cell)} символов, допустимо не больше "
                         f"{MAX_CELL_CHARS}: «{shown(cell)}». Проверьте кавычки в этой "
                         "строке и не вставляйте в таблицу длинные тексты.")
        for line, cell in zip(frame.loc[control, "line"], cells[control], strict=True):
            char = first_forbidden(cell) or ""
            reporter.add("ForbiddenCharacter", line, col + 1,
                         f"в ячейке «{shown(cell)}» есть невидимый знак {describe_char(char)}: "
                         "такие знаки попадают в таблицу при копировании из других программ. "
                         "Сотрите ячейку и впишите значение заново.")
        fit &= ~(too_long | control)
    return frame[fit].reset_index(drop=True)


def _map_header(header: list[str], dialect: str) -> tuple[dict[str, int], list[Problem]]:
    found: dict[str, int] = {}
    problems = []
    for position, name in enumerate(header):
        for column in COLUMNS:
            if normalize(name) not in column.aliases:
                continue
            if column.key in found:
                # Two value columns: which one is meant cannot be guessed, so none is read.
                problems.append(Problem(
                    "DuplicateColumn",
                    f"столбец {position + 1} «{shown(name)}» — второй столбец "
                    f"«{column.label}» (первый — столбец {found[column.key] + 1} "
                    f"«{shown(header[found[column.key]])}»): какой из них читать, неясно. "
                    "Оставьте в таблице один такой столбец.",
                ).located("", 1, position + 1))
            else:
                found[column.key] = position
    missing = [c.label for c in COLUMNS if c.required and c.key not in found]
    if missing:
        listed = ", ".join(f"«{m}»" for m in missing)
        names = ", ".join(f"«{shown(n)}»" for n in header if n) or "ничего"
        problems.append(Problem(
            "MissingColumn",
            f"в заголовке нет столбцов {listed}. Ожидаются столбцы: школа, период, показатель, "
            f"значение (и по желанию комментарий); найдено: {names}. "
            f"Файл прочитан как {dialect}.",
        ))
    return found, problems


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
        if key == "school":  # a school whose row has an error: reported at schools.yml
            broken = unknown & _per_category(
                frame[key], lambda c: c.map(schools.is_broken)).astype(bool)
            for line, value in zip(frame.loc[broken, "line"], frame.loc[broken, key],
                                   strict=True):
                reporter.add("VocabularyUnavailable", line, positions[key] + 1,
                             broken_row(schools.label, value).message)
            unknown &= ~broken
        hints: dict[str, str] = {}
        for line, value in zip(frame.loc[unknown, "line"], frame.loc[unknown, key], strict=True):
            if value not in hints:
                hints[value] = suggest(value, list(known))
            registry = "schools.yml" if key == "school" else "indicators.yml"
            reporter.add("UnknownSchool" if key == "school" else "UnknownIndicator", line,
                         positions[key] + 1,
                         f"{what} «{shown(value)}» нет в справочнике content/_data/{registry}.",
                         hints[value])


def _check_periods(frame: pd.DataFrame, positions: dict[str, int],
                   indicators: Mapping[str, Indicator], reporter: _Reporter) -> pd.DataFrame:
    """Each period is a real one and of the kind its indicator declares: values of one
    indicator are compared only over periods of one kind."""
    parsed = {text: parse_period(text) for text in frame["period"].unique()}
    kinds = frame["indicator"].map({key: i.period_kind for key, i in indicators.items()})
    column = positions["period"] + 1
    # One Python step per distinct (period, indicator), not per row.
    pairs = frame.assign(kind=kinds).dropna(subset="kind").drop_duplicates(["period", "kind"])
    periods = {text: p for text, p in parsed.items() if isinstance(p, Period)}
    wrong = {(text, kind) for text, kind in zip(pairs["period"], pairs["kind"], strict=True)
             if text in periods and periods[text].kind != kind}
    bad = frame["period"].map({text: isinstance(p, str) for text, p in parsed.items()}).astype(
        bool)
    if wrong:
        bad |= pd.Series([(t, k) in wrong for t, k in zip(frame["period"], kinds, strict=True)],
                         index=frame.index)
    for line, text, indicator in zip(frame.loc[bad, "line"], frame.loc[bad, "period"],
                                     frame.loc[bad, "indicator"], strict=True):
        period = parsed[text]
        if isinstance(period, str):
            reporter.add("BadPeriod", line, column, f"{period}.")
            continue
        spec = indicators[indicator]
        reporter.add("WrongPeriodKind", line, column,
                     f"показатель {indicator} даётся за {spec.period_kind.label} (например, "
                     f"{spec.period_kind.example}), а здесь период «{text}» — "
                     f"{period.kind.label}. Значения одного показателя сравниваются только "
                     "за периоды одного вида: исправьте период или вид периода показателя в "
                     "content/_data/indicators.yml.")
    return frame.loc[~bad]


def _check_waves(frame: pd.DataFrame, positions: dict[str, int],
                 indicators: Mapping[str, Indicator], reporter: _Reporter) -> pd.DataFrame:
    """A wave is given exactly for the indicators measured in waves, and is one of theirs."""
    column = positions.get("wave", positions["indicator"]) + 1
    # «Итоговый» is the same wave; lowered and judged once per distinct indicator and wave.
    frame = frame.assign(wave=_on_categories(frame["wave"].astype("category"),
                                             lambda cells: cells.str.lower()))
    indicator = frame["indicator"].astype("category")
    accepted = {(key, wave.label) for key, i in indicators.items()
                for wave in (i.waves or (Wave.NONE,))}
    waves = list(frame["wave"].cat.categories)
    # A row and a column more for code -1 (an empty cell read as missing): never wrong here.
    table = np.zeros((len(indicator.cat.categories) + 1, len(waves) + 1), dtype=bool)
    for row, key in enumerate(indicator.cat.categories):
        if key in indicators:
            table[row, :-1] = [(key, wave) not in accepted for wave in waves]
    wrong = pd.Series(table[indicator.cat.codes.to_numpy(), frame["wave"].cat.codes.to_numpy()],
                      index=frame.index)
    for line, indicator, wave in zip(frame.loc[wrong, "line"], frame.loc[wrong, "indicator"],
                                     frame.loc[wrong, "wave"], strict=True):
        spec = indicators[indicator]
        if not spec.waves:
            reporter.add("UnexpectedWave", line, column,
                         f"показатель {indicator} измеряют один раз за период, а в столбце "
                         f"«волна» указано «{shown(wave)}»: оставьте ячейку пустой.")
            continue
        listed = ", ".join(w.label for w in spec.waves)
        where = "" if "wave" in positions else " В таблице нет столбца «волна»: добавьте его."
        what = f"указано «{shown(wave)}»" if wave else "волна не указана"
        reporter.add("BadWave", line, column,
                     f"показатель {indicator} измеряют волнами ({listed}), а здесь {what}: "
                     f"укажите одну из них.{where}")
    return frame.loc[~wrong]


def _values(cells: pd.Series) -> pd.DataFrame:
    """Of each distinct value cell: the cleaned text, whether it is a plain number, whether it
    is one the build can keep exactly, and the number."""
    text = (cells.str.replace("\u00a0", "", regex=False)
            .str.replace("\u202f", "", regex=False).str.replace(" ", "", regex=False)
            .str.replace(",", ".", regex=False).str.replace("\u2212", "-", regex=False))
    # Plain decimal numbers only: «1e400», «inf» and «nan» would parse as non-finite floats,
    # and a hundred digits cannot be kept exactly.
    plain = text.str.fullmatch(NUMBER).fillna(False).astype(bool)
    readable = plain & (text.str.count(r"\d") <= MAX_DIGITS)
    return pd.DataFrame({"text": text, "plain": plain, "readable": readable,
                         "number": pd.to_numeric(text.where(readable), errors="coerce")})


def _check_values(frame: pd.DataFrame, positions: dict[str, int],
                  indicators: Mapping[str, Indicator], reporter: _Reporter) -> None:
    parts = _per_category(frame["value"], _values)
    text, plain, readable = parts["text"], parts["plain"], parts["readable"].astype(bool)
    frame["value"] = parts["number"].astype("float64")
    column = positions["value"] + 1
    for line, raw, is_plain in zip(frame.loc[~readable, "line"], text[~readable],
                                   plain[~readable], strict=True):
        if not raw:
            message = "значение не заполнено."
        elif is_plain:
            message = (f"в значении «{shown(raw)}» {len(raw.lstrip('+-').replace('.', ''))} "
                       f"цифр, а точно сохраняются не больше {MAX_DIGITS}: проверьте, не "
                       "слились ли соседние ячейки.")
        else:
            message = (f"значение «{shown(raw)}» — не число. Пишите число целиком, без единиц "
                       "измерения и без степеней, дробную часть — через запятую или точку.")
        reporter.add("BadNumber", line, column, message)
    bad = ~readable
    low = _per_category(frame["indicator"], lambda c: c.map(
        {k: i.min for k, i in indicators.items()})).astype("float64")
    high = _per_category(frame["indicator"], lambda c: c.map(
        {k: i.max for k, i in indicators.items()})).astype("float64")
    outside = ~bad & low.notna() & ((frame["value"] < low) | (frame["value"] > high))
    for line, value, indicator in zip(frame.loc[outside, "line"], frame.loc[outside, "value"],
                                      frame.loc[outside, "indicator"], strict=True):
        spec = indicators[indicator]
        reporter.add("OutOfRange", line, column,
                     f"значение {value:g} вне допустимых границ показателя «{spec.name}»: "
                     f"от {spec.min:g} до {spec.max:g} {spec.unit}.")


def _check_duplicates(frame: pd.DataFrame, positions: dict[str, int],
                      reporter: _Reporter) -> None:
    key = ["school", "period", "wave", "indicator"]
    repeated = frame[frame.duplicated(key, keep=False)]
    if repeated.empty:
        return
    first_line = repeated.groupby(key, sort=False)["line"].transform("min")
    for line, first, school, period, wave, indicator in zip(
        repeated["line"], first_line, repeated["school"], repeated["period"],
        repeated["wave"], repeated["indicator"], strict=True,
    ):
        if line != first:
            when = f"{period}, {wave}" if wave else period
            reporter.add("DuplicateRow", line, positions["school"] + 1,
                         f"значение показателя {indicator} школы {school} за {when} уже есть "
                         f"в строке {first}: оставьте одну строку.")
