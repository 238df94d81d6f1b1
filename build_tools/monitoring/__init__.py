"""Monitoring: schools' indicator tables, validated, aggregated and published."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..content.content_paths import escapes_content
from ..content.registries import DATA_DIR, Registry, display_path
from ..diagnostics.problems import Problem
from .indicators import Indicator, load_indicators
from .periods import combined, empty_period_column
from .reader import read_table
from .table import validate_table

MONITORING_DIR = "monitoring"
TABLE_SUFFIXES = (".csv", ".xlsx", ".xls", ".txt")


@dataclass
class Monitoring:
    """Every valid row of every table, with the indicator registry."""

    indicators: dict[str, Indicator]
    rows: pd.DataFrame
    """Columns school, period, indicator, value; `period` is an ordered categorical of
    `periods.Period` (wave included), so sorting and grouping by it is chronological."""
    sources: list[str] = field(default_factory=list)
    """The files whose rows are included, as editors see their paths."""

    @cached_property
    def reported(self) -> frozenset[tuple[str, str]]:
        """(school, indicator) pairs with at least one value: read from the rows once, then
        shared by the checks, the pages and open data of one build."""
        if self.rows.empty:
            return frozenset()
        pairs = self.rows[["school", "indicator"]].drop_duplicates()
        return frozenset(zip(pairs["school"].astype(str), pairs["indicator"].astype(str),
                             strict=True))

    @classmethod
    def empty(cls, indicators: dict[str, Indicator]) -> Monitoring:
        rows = pd.DataFrame({"school": [], "period": empty_period_column(), "indicator": [],
                             "value": []})
        return cls(indicators, rows)


_last: tuple[str, Monitoring, list[Problem]] | None = None
"""The last result and what it was read from: `kb serve` checks content on every save, and
reading a large table again when nothing under monitoring/ or _data/ changed was a seventh of
a rebuild."""


def load_monitoring(
    content_root: Path, display_root: Path, registry: Registry
) -> tuple[Monitoring, list[Problem]]:
    """Read and check every table; a file with any error contributes no rows at all. The
    result is reused while the tables, the registries and the day are the same."""
    global _last
    key = _inputs_key(content_root, display_root)
    if _last is not None and _last[0] == key:
        return _last[1], list(_last[2])
    monitoring, problems = _read_all(content_root, display_root, registry)
    _last = (key, monitoring, list(problems))
    return monitoring, problems


def _inputs_key(content_root: Path, display_root: Path) -> str:
    """Every byte the tables are read and checked from: the tables, the registries (indicators,
    schools), where messages point, and today's date."""
    digest = hashlib.sha256(f"{content_root.resolve()}\0{display_root}\0"
                            f"{dt.date.today().isoformat()}".encode())
    for folder in (content_root / DATA_DIR, content_root / MONITORING_DIR):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            try:
                content = path.read_bytes() if path.is_file() else b"<folder>"
            except OSError:
                content = b"<unreadable>"
            digest.update(str(path).encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def _read_all(
    content_root: Path, display_root: Path, registry: Registry
) -> tuple[Monitoring, list[Problem]]:
    indicators, problems = load_indicators(content_root / DATA_DIR, registry, content_root,
                                           display_root)
    folder = content_root / MONITORING_DIR
    frames, sources = [], []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file() or path.suffix.lower() not in TABLE_SUFFIXES:
            continue
        if escapes_content(path, content_root):
            continue  # a symlink out of content/: reported by check_tree, never read
        shown = display_path(path, display_root)
        try:
            rows, file_problems = _load_table(path, shown, registry, indicators)
        except Exception:  # a safety net: one odd file must not stop the build or the preview
            rows, file_problems = None, [Problem(
                "UnreadableTable", "файл не удалось прочитать как таблицу мониторинга. "
                "Сохраните его из Excel заново как .xlsx или «CSV UTF-8».").located(shown, 1, 1)]
        problems += file_problems
        if rows is not None:
            frames.append(rows)
            sources.append(shown)
    if not frames:
        return Monitoring.empty(indicators), problems
    rows = pd.concat([f.drop(columns="period") for f in frames], ignore_index=True)
    rows.insert(1, "period", combined(f["period"] for f in frames))
    return Monitoring(indicators, rows, sources), problems


def _load_table(path: Path, shown: str, registry: Registry, indicators: dict[str, Indicator],
                ) -> tuple[pd.DataFrame | None, list[Problem]]:
    raw, read_problems = read_table(path)
    if raw is None:
        return None, [p.located(shown, p.line, p.column) for p in read_problems]
    rows, problems = validate_table(raw, shown, registry.schools, indicators)
    return (None if rows is None else rows.drop(columns="line")), problems
