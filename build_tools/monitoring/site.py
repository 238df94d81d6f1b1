"""Monitoring pages: overview, one page per indicator, internship-site candidates, downloads,
and the monitoring blocks of school and practice pages."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..content.registries import Registry
from ..output.build_date import build_date
from . import Monitoring
from .aggregate import ALL_DISTRICTS, district_summary, school_dynamics, with_districts
from .candidates import Lists, ProgrammeRow, internship_lists, programme_rows
from .captions import region_caption, shown_change, signed, verdict
from .charts import Series, legend, line_chart
from .disclosure import Disclosure, disclose, hidden_districts, hidden_note
from .downloads import ALL_ROWS_HEADERS, csv_bytes, xlsx_bytes
from .indicators import Aggregation, Group, Indicator
from .periods import Period, Wave
from .selection import SelectionRule, assess, programme_comparison

ALL_ROWS_XLSX_LIMIT = 50_000
"""Rows of the all-rows table still offered as XLSX. Even streamed, openpyxl takes about 2 s of
every build per 50,000 rows (a million: 40 s); above the limit the page offers the CSV, which
Excel opens too, and says why."""


@dataclass(frozen=True)
class MonitoringSettings:
    disclosure: Disclosure = Disclosure()
    """What may be published about districts and single schools (disclosure.py)."""
    rule: SelectionRule = SelectionRule()
    """Who is an internship-site candidate (selection.py)."""


@dataclass(frozen=True)
class Download:
    src_uri: str
    content: bytes


def number(value: float | None, digits: int = 1, fixed: bool = False) -> str:
    """12.5 → «12,5»; 4.0 → «4» (or «4,0» when `fixed`, as in a column of values); None → «—»."""
    if value is None or pd.isna(value):
        return "—"
    text = f"{value:.{digits}f}".replace(".", ",")
    if fixed:
        return text
    return text[: -(digits + 1)] if digits and text.endswith("," + "0" * digits) else text


class MonitoringReport:
    """Everything computed from the monitoring rows, once per build."""

    def __init__(self, monitoring: Monitoring, registry: Registry,
                 settings: MonitoringSettings | None = None) -> None:
        self.monitoring = monitoring
        self.registry = registry
        self.settings = settings or MonitoringSettings()
        districts = {s.id: s.district for s in registry.schools}
        members: dict[str, int] = {}
        for school in registry.schools:
            members[school.district] = members.get(school.district, 0) + 1
        rows = with_districts(monitoring.rows, districts)
        # Every group first; the disclosure policy then decides what is shown, and says so.
        self.summary, self.hidden = disclose(district_summary(rows, members, min_group=1),
                                             self.settings.disclosure)
        self.dynamics = school_dynamics(rows, monitoring.indicators)
        self.assessment = assess(monitoring.rows, monitoring.indicators, self.settings.rule)
        self.periods: list[Period] = sorted(monitoring.rows["period"].unique())
        # Looked up per school and per practice page: split once, not filtered every time.
        self._by_school = {str(school): frame for school, frame
                           in self.dynamics.groupby("school", sort=False, observed=True)}
        self._grid: dict[tuple[str, str], tuple[list[str], float | None, float | None]] | None
        self._grid = None
        """Per school and indicator, on first use: the values as shown, the last two values."""
        self._series: dict[str, dict[str, list[tuple[Period, float]]]] = {}
        """Per adopting school, on first use: each indicator's (period, value) rows."""
        self._lists: Lists | None = None

    @property
    def disclosure(self) -> Disclosure:
        return self.settings.disclosure

    def hidden_notes(self, indicator: Indicator) -> list[str]:
        """What the indicator's page and table leave out, and why, in the reader's words."""
        hidden = hidden_districts(self.hidden, self.summary, indicator.id)
        return hidden_note(hidden, self.disclosure)

    def has_school_values(self, school_id: str) -> bool:
        """The school reported something (shown or, by the policy, hidden)."""
        return school_id in self._by_school

    @property
    def indicators(self) -> list[Indicator]:
        return list(self.monitoring.indicators.values())

    def has_data(self) -> bool:
        return not self.monitoring.rows.empty

    @staticmethod
    def headline(indicator: Indicator) -> str:
        """The summary column that speaks for a district: a sum for counts, else the mean."""
        return "sum" if indicator.aggregate is Aggregation.SUM else "mean"

    def district_table(self, indicator: Indicator) -> pd.DataFrame:
        """Districts × periods of the headline value (region first), as published."""
        part = self.summary[self.summary["indicator"] == indicator.id]
        table = part.pivot_table(index="district", columns="period",
                                 values=self.headline(indicator), aggfunc="first")
        table = table.reindex(columns=[p for p in self.periods if p in table.columns])
        order = [ALL_DISTRICTS] + sorted(d for d in table.index if d != ALL_DISTRICTS)
        return table.reindex([d for d in order if d in table.index])

    def schools_reporting(self, indicator: Indicator) -> pd.DataFrame:
        part = self.summary[self.summary["indicator"] == indicator.id]
        return part.pivot_table(index="district", columns="period", values="schools",
                                aggfunc="first")

    def chart(self, indicator: Indicator) -> tuple[str, str, str]:
        """Chart, legend (both HTML) and the text beside them for the indicator's districts."""
        table = self.district_table(indicator)
        series = [Series(str(district), [None if pd.isna(v) else float(v) for v in row],
                         emphasis=district == ALL_DISTRICTS)
                  for district, row in table.iterrows()]
        title = f"{indicator.name} по районам и периодам"
        svg = line_chart(title, [str(p) for p in table.columns], series, indicator.unit)
        region = (table.loc[ALL_DISTRICTS].dropna() if ALL_DISTRICTS in table.index
                  else pd.Series(dtype=float))
        text = region_caption(ALL_DISTRICTS, [(str(p), float(v)) for p, v in region.items()],
                              indicator.unit, indicator.better.sign(), indicator.unit_forms)
        return svg, legend(series), text

    def school_rows(self, school_id: str) -> list[dict[str, Any]]:
        """One row per indicator: the school's values by period and the last change; none
        when the policy keeps school values unpublished."""
        part = self._by_school.get(school_id)
        if part is None or not self.disclosure.school_values:
            return []
        if self._grid is None:
            self._grid = _school_grid(self.dynamics, self.periods)
        rows = []
        for indicator in self.indicators:
            found = self._grid.get((school_id, indicator.id))
            if found is None:
                continue
            values, previous, last = found
            change = (None if previous is None or last is None
                      else shown_change(previous, last))
            rows.append({
                "indicator": indicator, "values": values,
                # The change of the two values shown beside it, and the word for its direction.
                "change": None if change is None else signed(change),
                "verdict": None if change is None else verdict(change, indicator.better.sign()),
            })
        return rows

    def adopters_change(self, adoptions: list[dict[str, Any]],
                        named: Collection[str]) -> list[dict[str, Any]]:
        """`measured_change`, or nothing when the policy keeps school values unpublished."""
        if not self.disclosure.school_values:
            return []
        return self.measured_change(adoptions, named)

    def adopters_hidden_note(self, adoptions: list[dict[str, Any]],
                             named: Collection[str]) -> str:
        """What a practice page leaves out of its adopters' block; "" when nothing."""
        if self.disclosure.school_values or not self.measured_change(adoptions, named):
            return ""
        return self.disclosure.school_values_note(
            "изменения показателей школ, которые переняли практику")

    def measured_change(self, adoptions: list[dict[str, Any]],
                        named: Collection[str]) -> list[dict[str, Any]]:
        """For schools that adopted a practice: the indicators it names, from the adoption on.

        `adoptions` are the practice's records (school, year, optional indicators); `named` the
        indicators its results link. A school shows the named ones and its own; the first value
        is the first period that starts in the adoption year or later, so a change measured
        before the school took the practice up is not credited to it.
        """
        out = []
        for adoption in adoptions:
            school_id = str(adoption.get("school") or "")
            wanted = set(named) | set(adoption.get("indicators") or [])
            year = int(adoption.get("year") or 0)
            series = self._series_of(school_id)
            for indicator in self.indicators:
                if indicator.id not in wanted:
                    continue
                since = [row for row in series.get(indicator.id, []) if row[0].start >= year]
                if len(since) < 2:
                    continue
                (first_period, first), (last_period, last) = since[0], since[-1]
                change = shown_change(first, last)  # of the two values shown
                out.append({
                    "school": self.registry.schools.get(school_id),
                    "indicator": indicator,
                    "year": year,
                    "first": (first_period, number(first)),
                    "last": (last_period, number(last)),
                    "change": change,
                    "improved": change * indicator.better.sign() > 0,
                })
        return out

    def _series_of(self, school_id: str) -> dict[str, list[tuple[Period, float]]]:
        """A school's values per indicator in period order, split once per build."""
        if school_id not in self._series:
            part = self._by_school.get(school_id)
            series: dict[str, list[tuple[Period, float]]] = {}
            if part is not None:
                for indicator, period, value in zip(
                        part["indicator"], part["period"], part["value"], strict=True):
                    if not pd.isna(value):
                        series.setdefault(str(indicator), []).append((period, float(value)))
            self._series[school_id] = series
        return self._series[school_id]

    def internship_lists(self) -> Lists:
        """New candidates, sites that confirm their status and sites that do not (computed once:
        the page and its downloads show the same lists)."""
        if self._lists is None:
            self._lists = internship_lists(self.assessment, self.registry.schools,
                                           self.monitoring.indicators, self.settings.rule,
                                           self.disclosure,
                                           self.registry.sites.site_schools(build_date()))
        return self._lists

    def programme_rows(self) -> list[ProgrammeRow]:
        """Per learning-results indicator, programme schools' mean change against the rest."""
        programme = {s.id for s in self.registry.schools if s.in_support_programme}
        return programme_rows(
            programme_comparison(self.monitoring.rows, self.monitoring.indicators, programme),
            self.monitoring.indicators, self.disclosure)

    def downloads(self) -> Iterator[Download]:
        for indicator in self.indicators:
            table = self.district_table(indicator).reset_index().rename(
                columns={"district": "Район"})
            base = f"monitoring/{indicator.id}/{indicator.id}"
            yield Download(f"{base}.csv", csv_bytes(table))
            yield Download(f"{base}.xlsx", xlsx_bytes(table, indicator.id))
        candidates = self._candidates_table()
        yield Download("monitoring/candidates/candidates.csv", csv_bytes(candidates))
        yield Download("monitoring/candidates/candidates.xlsx",
                       xlsx_bytes(candidates, "кандидаты"))
        if not self.disclosure.school_values:
            return  # every row of the all-rows table is one school's value
        rows = _with_period_text(self.monitoring.rows[["school", "period", "indicator", "value"]])
        rows.columns = pd.Index(ALL_ROWS_HEADERS)  # for people in Excel: Russian, in place
        yield Download("monitoring/monitoring-all.csv", csv_bytes(rows))
        if self.all_rows_xlsx():
            yield Download("monitoring/monitoring-all.xlsx", xlsx_bytes(rows, "мониторинг"))

    def _candidates_table(self) -> pd.DataFrame:
        """The three lists as one table; without the values when the policy hides them."""
        lists = self.internship_lists()
        rows = [{"Список": label, "Школа": v.school.short_name, "Район": v.school.district,
                 "В программе поддержки": "да" if v.school.in_support_programme else "нет",
                 "Изменение в стандартных отклонениях": v.score,
                 "Изменения показателей": "; ".join(
                     f"{c.indicator.name}: {c.text} ({c.start} — {c.end})" for c in v.changes),
                 "Почему не подтверждает": "; ".join(v.reasons)}
                for label, verdicts in (("кандидат", lists.candidates),
                                        ("подтверждает статус", lists.confirmed),
                                        ("не подтверждает статус", lists.not_confirmed))
                for v in verdicts]
        table = pd.DataFrame(rows, columns=[
            "Список", "Школа", "Район", "В программе поддержки",
            "Изменение в стандартных отклонениях", "Изменения показателей",
            "Почему не подтверждает"])
        if not self.disclosure.school_values:  # the page shows no value: neither does its file
            table = table.drop(columns=["Изменение в стандартных отклонениях",
                                        "Изменения показателей"])
        return table

    def all_rows_xlsx(self) -> bool:
        """Whether the all-rows table is offered as XLSX too: above the limit it is CSV only."""
        return len(self.monitoring.rows) <= ALL_ROWS_XLSX_LIMIT


def by_group(rows: list[dict[str, Any]]) -> list[tuple[Group, list[dict[str, Any]]]]:
    """Rows with an `indicator` under their group, in the registry's order of groups."""
    return [(group, part) for group in Group
            if (part := [r for r in rows if r["indicator"].group is group])]


def _with_period_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Period and wave as two text columns («2024/2025», «итоговый»): spreadsheets filter by
    them. Converted once per distinct period, not per row."""
    categories = rows["period"].cat.categories
    codes = rows["period"].cat.codes.to_numpy()

    def column(labels: list[str]) -> pd.Categorical:
        # Kept categorical: the writers escape and format each distinct label once.
        label_codes, distinct = pd.factorize(pd.Index(labels, dtype="object"))
        return pd.Categorical.from_codes(label_codes.take(codes) if len(codes) else codes,
                                         categories=distinct)

    out = rows.assign(period=column([p.text for p in categories]))
    out.insert(2, "wave", column([p.wave.label for p in categories]))
    return out


def _period_positions(column: pd.Series, periods: list[Period]) -> np.ndarray:
    """Each row's position in `periods` (-1 when absent), looked up once per category."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        where = pd.Index([str(p) for p in periods]).get_indexer(
            [str(p) for p in column.cat.categories])
        codes = column.cat.codes.to_numpy()
        return np.where(codes >= 0, where[codes.clip(0)], -1)
    return np.asarray(pd.Index([str(p) for p in periods]).get_indexer(column.astype(str)))


def _waves(column: pd.Series) -> np.ndarray:
    """Each row's wave as an integer (0: none), read once per category."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        waves = np.array([int(p.wave) for p in column.cat.categories], dtype=np.int64)
        return waves[column.cat.codes.to_numpy().clip(0)]
    return np.array([int(p.wave) for p in column], dtype=np.int64)


def _school_grid(dynamics: pd.DataFrame, periods: list[Period],
                 ) -> dict[tuple[str, str], tuple[list[str], float | None, float | None]]:
    """Every school's values per indicator, formatted, and its last two values (None when
    fewer or missing), in one pass over all rows on integer codes: filtering the rows per
    school and indicator took most of the publish step on a million rows, and so did
    pairing their names row by row."""
    school, school_names = _codes(dynamics["school"])
    indicator, indicator_names = _codes(dynamics["indicator"])
    series, pairs = pd.factorize(school * len(indicator_names) + indicator)
    column = _period_positions(dynamics["period"], periods)
    values = dynamics["value"]
    value_codes, distinct = pd.factorize(values)  # each distinct value formatted once
    shown = np.array([number(v, fixed=True) for v in distinct], dtype=object)
    grid = np.full((len(pairs), len(periods)), "—", dtype=object)
    known = (column >= 0) & (value_codes >= 0)
    grid[series[known], column[known]] = shown[value_codes[known]]
    # Rows are in period order per school and indicator: the last row is the latest value,
    # and the value before it is the last earlier one of the same wave (a final diagnostic
    # compared with last year's final one, never with this year's entry one).
    last_rows = np.flatnonzero(~_duplicated_before_last(series))
    same_wave = series * len(Wave) + _waves(dynamics["period"])
    rest = np.flatnonzero(_duplicated_before_last(same_wave))
    second = rest[~_duplicated_before_last(same_wave[rest])]
    before_in = dict(zip(same_wave[second].tolist(), second.tolist(), strict=True))
    raw = values.to_numpy(dtype=float)
    shown_rows = grid.tolist()

    def value(row: int | None) -> float | None:
        return None if row is None or np.isnan(raw[row]) else float(raw[row])

    out = {}
    for row, key, wave_key in zip(last_rows.tolist(), series[last_rows].tolist(),
                                  same_wave[last_rows].tolist(), strict=True):
        pair = int(pairs[key])
        name = (school_names[pair // len(indicator_names)],
                indicator_names[pair % len(indicator_names)])
        out[name] = (shown_rows[key], value(before_in.get(wave_key)), value(row))
    return out


def _codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """A column as integer codes (int64) and the text of each code."""
    categorical = column.astype("category")
    return (categorical.cat.codes.to_numpy().astype(np.int64),
            [str(c) for c in categorical.cat.categories])


def _duplicated_before_last(keys: np.ndarray) -> np.ndarray:
    """True for every row whose key occurs again later."""
    return pd.Series(keys).duplicated(keep="last").to_numpy()
