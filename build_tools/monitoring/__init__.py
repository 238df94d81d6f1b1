"""Monitoring: schools' indicator tables, validated, aggregated and published."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..content.content_paths import escapes_content
from ..content.registries import DATA_DIR, Registry, display_path
from ..diagnostics.problems import Problem
from .indicators import Indicator, load_indicators
from .periods import period_kind
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


@dataclass(frozen=True)
class _FirstSeen:
    """Where an indicator's first row was read: its period fixes the kind of all its periods."""

    shown: str
    line: int
    period: str
    order: int


def load_monitoring(
    content_root: Path, display_root: Path, registry: Registry
) -> tuple[Monitoring, list[Problem]]:
    """Read and check every table; a file with any error contributes no rows at all."""
    indicators, problems = load_indicators(content_root / DATA_DIR, registry, content_root,
                                           display_root)
    folder = content_root / MONITORING_DIR
    frames, sources = [], []
    first_seen: dict[str, _FirstSeen] = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file() or path.suffix.lower() not in TABLE_SUFFIXES:
            continue
        if escapes_content(path, content_root):
            continue  # a symlink out of content/: reported by check_tree, never read
        shown = display_path(path, display_root)
        try:
            rows, file_problems = _load_table(path, shown, registry, indicators, first_seen)
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
    return Monitoring(indicators, pd.concat(frames, ignore_index=True), sources), problems


def _load_table(path: Path, shown: str, registry: Registry, indicators: dict[str, Indicator],
                first_seen: dict[str, _FirstSeen]) -> tuple[pd.DataFrame | None, list[Problem]]:
    raw, read_problems = read_table(path)
    if raw is None:
        return None, [p.located(shown, p.line, p.column) for p in read_problems]
    rows, problems = validate_table(raw, shown, registry.schools, indicators)
    if rows is None:
        return None, problems
    problems = _check_kinds_across_files(rows, shown, first_seen)
    return (None if problems else rows.drop(columns="line")), problems


def _check_kinds_across_files(rows: pd.DataFrame, shown: str,
                              first_seen: dict[str, _FirstSeen]) -> list[Problem]:
    """One problem per indicator whose periods here are of another kind than in an earlier
    file (within a file, validate_table has checked already)."""
    problems = []
    firsts = rows.groupby("indicator", sort=False).head(1)
    for indicator, line, period, order in zip(firsts["indicator"], firsts["line"],
                                              firsts["period"], firsts["order"], strict=True):
        seen = first_seen.get(indicator)
        if seen is None:
            first_seen[indicator] = _FirstSeen(shown, int(line), period, int(order))
        elif period_kind(int(order)) != period_kind(seen.order):
            problems.append(Problem(
                "MixedPeriodKinds",
                f"показатель {indicator} дан здесь за {period_kind(int(order)).label} "
                f"({period}), а в файле {seen.shown} (строка {seen.line}) — за "
                f"{period_kind(seen.order).label} ({seen.period}): значения одного показателя "
                "сравниваются только за периоды одного вида. Приведите все таблицы "
                "показателя к одному виду периода или заведите для них отдельный показатель.",
            ).located(shown, int(line), rows.attrs.get("period_column", 1)))
    if problems:  # the file publishes nothing, so it fixes no kind for later files
        for indicator in list(first_seen):
            if first_seen[indicator].shown == shown:
                del first_seen[indicator]
    return problems
