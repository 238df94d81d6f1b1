"""Monitoring: schools' indicator tables, validated, aggregated and published."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..problems import Problem
from ..registries import DATA_DIR, Registry, display_path
from .indicators import Indicator, load_indicators
from .reader import read_table
from .table import validate_table

MONITORING_DIR = "monitoring"
TABLE_SUFFIXES = (".csv", ".xlsx", ".xls", ".txt")


@dataclass
class Monitoring:
    """Every valid row of every table, with the indicator registry."""

    indicators: dict[str, Indicator]
    rows: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    """The files whose rows are included, as editors see their paths."""

    @classmethod
    def empty(cls, indicators: dict[str, Indicator]) -> Monitoring:
        columns = ["school", "period", "indicator", "value", "order"]
        return cls(indicators, pd.DataFrame({c: [] for c in columns}))


def load_monitoring(
    content_root: Path, display_root: Path, registry: Registry
) -> tuple[Monitoring, list[Problem]]:
    """Read and check every table; a file with any error contributes no rows at all."""
    indicators, problems = load_indicators(content_root / DATA_DIR, registry, content_root,
                                           display_root)
    folder = content_root / MONITORING_DIR
    frames, sources = [], []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file() or path.suffix.lower() not in TABLE_SUFFIXES:
            continue
        shown = display_path(path, display_root)
        raw, read_problems = read_table(path)
        if raw is None:
            problems += [p.located(shown, p.line, p.column) for p in read_problems]
            continue
        rows, row_problems = validate_table(raw, shown, registry.schools, indicators)
        problems += row_problems
        if rows is not None:
            frames.append(rows)
            sources.append(shown)
    if not frames:
        return Monitoring.empty(indicators), problems
    return Monitoring(indicators, pd.concat(frames, ignore_index=True), sources), problems
