"""Monitoring periods: a typed period (kind, start, part, wave) that cannot be confused.

«2024», «2024/2025» and «2024-00» once shared one integer key, as did «2025-Q1» and «2025-03»,
and values in different formats were averaged as one period. A `Period` compares equal only to a
period of the same kind, and the rows keep it in an ordered categorical column, so sorting and
grouping use the period itself.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd


class Kind(enum.IntEnum):
    ACADEMIC_YEAR = 0
    YEAR = 1
    MONTH = 2
    QUARTER = 3

    @property
    def label(self) -> str:
        return ("учебный год", "календарный год", "месяц", "квартал")[self.value]

    @property
    def example(self) -> str:
        return ("2024/2025", "2025", "2025-03", "2025-Q1")[self.value]

    @classmethod
    def by_label(cls, label: str) -> Kind:
        return next(kind for kind in cls if kind.label == label)


class Wave(enum.IntEnum):
    """A measurement within a period: the entry, interim and final diagnostics of a year."""

    NONE = 0
    ENTRY = 1
    INTERIM = 2
    FINAL = 3

    @property
    def label(self) -> str:
        return ("", "входной", "промежуточный", "итоговый")[self.value]

    @classmethod
    def by_label(cls, label: str) -> Wave | None:
        return next((wave for wave in cls if wave.label == label and wave), None)


WAVE_LABELS = tuple(wave.label for wave in Wave if wave)


@dataclass(frozen=True, order=True)
class Period:
    """When a value was measured. Periods of different kinds are never equal; they sort by kind
    first, so a mixed list never interleaves a year with a month."""

    kind: Kind
    start: int
    """The year the period starts in: 2024 for «2024/2025», «2024», «2024-03», «2024-Q1»."""
    part: int = 0
    """The month (1–12) or quarter (1–4); 0 for a year."""
    wave: Wave = Wave.NONE

    @property
    def text(self) -> str:
        """The period as written in tables, without the wave: «2024/2025», «2025-Q1»."""
        if self.kind is Kind.ACADEMIC_YEAR:
            return f"{self.start}/{self.start + 1}"
        if self.kind is Kind.MONTH:
            return f"{self.start}-{self.part:02d}"
        if self.kind is Kind.QUARTER:
            return f"{self.start}-Q{self.part}"
        return str(self.start)

    def __str__(self) -> str:
        """As pages show it: «2024/2025», or «2024/2025, итоговый» for a wave."""
        return f"{self.text}, {self.wave.label}" if self.wave else self.text

    def with_wave(self, wave: Wave) -> Period:
        return Period(self.kind, self.start, self.part, wave)


PERIOD = re.compile(
    r"(?P<start>\d{4})/(?P<end>\d{4})|(?P<year>\d{4})(?:-(?:Q(?P<quarter>\d+)|(?P<month>\d+)))?")
PERIOD_HINT = ("учебный год 2024/2025, календарный год 2025, месяц 2025-03 "
               "или квартал 2025-Q1")
FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Years outside this span are typing mistakes, not monitoring data."""


def parse_period(text: str) -> Period | str:
    """The period written as `text`, or why it is not one (a Russian phrase for a message)."""
    match = PERIOD.fullmatch(text)
    if not match:
        return f"период «{text}» записан непонятно. Допустимо: {PERIOD_HINT}"
    year = int(match["start"] or match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return f"в периоде «{text}» год {year}: допустимы годы от {FIRST_YEAR} до {LAST_YEAR}"
    if match["start"]:
        if int(match["end"]) != year + 1:
            return (f"учебный год «{text}» должен заканчиваться следующим годом: "
                    f"{year}/{year + 1}")
        return Period(Kind.ACADEMIC_YEAR, year)
    if match["quarter"] is not None:
        part = int(match["quarter"])
        if len(match["quarter"]) != 1 or not 1 <= part <= 4:
            return f"квартала Q{match['quarter']} не бывает: кварталы от Q1 до Q4"
        return Period(Kind.QUARTER, year, part)
    if match["month"] is not None:
        part = int(match["month"])
        if len(match["month"]) != 2 or not 1 <= part <= 12:
            return f"месяца {match['month']} не бывает: месяцы от 01 до 12, двумя цифрами"
        return Period(Kind.MONTH, year, part)
    return Period(Kind.YEAR, year)


def period_column(text: pd.Series, waves: pd.Series | None = None) -> pd.Series:
    """Valid period texts (and wave labels, "" for none) as an ordered categorical of
    `Period`: parsed once per distinct pair of text and wave, found by category codes (a
    million rows name a few hundred pairs), sorted and grouped by codes."""
    text = text.astype("category")
    wave = (pd.Series(pd.Categorical.from_codes(np.zeros(len(text), dtype=np.int8), [""]))
            if waves is None else waves.astype("category"))
    text_codes = text.cat.codes.to_numpy().astype(np.int64)
    wave_codes = wave.cat.codes.to_numpy().astype(np.int64)
    if (text_codes < 0).any() or (wave_codes < 0).any():
        raise ValueError("пустой период или волна")  # the caller passes validated texts only
    texts, labels = list(text.cat.categories), list(wave.cat.categories)
    pairs, distinct = pd.factorize(text_codes * len(labels) + wave_codes)
    parsed = []
    for key in distinct.tolist():
        period = parse_period(str(texts[key // len(labels)]))
        if isinstance(period, str):
            raise ValueError(period)
        parsed.append(period.with_wave(Wave.by_label(str(labels[key % len(labels)]))
                                       or Wave.NONE))
    # Two spellings of one period («2024/2025», «2024/25») are one category.
    ordered = sorted(set(parsed))
    position = {period: n for n, period in enumerate(ordered)}
    codes = np.array([position[p] for p in parsed] or [0], dtype=np.int64)[pairs]
    return pd.Series(pd.Categorical.from_codes(codes, categories=ordered, ordered=True),
                     index=text.index)


def combined(columns: Iterable[pd.Series]) -> pd.Series:
    """Period columns of several tables as one ordered categorical (a plain concat would
    fall back to Python objects when the tables' periods differ)."""
    union = pd.api.types.union_categoricals(list(columns), ignore_order=True)
    return pd.Series(union.reorder_categories(sorted(union.categories), ordered=True))


def empty_period_column() -> pd.Series:
    return pd.Series(pd.Categorical([], categories=[], ordered=True))
