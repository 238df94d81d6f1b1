"""Monitoring periods: an academic year, a calendar year, a month or a quarter.

Each period gets one integer key that sorts chronologically within its kind and never equals
the key of a period of another kind: «2024», «2024/2025» and «2025-Q1», «2025-03» used to share
keys and were averaged together as one period. The kind is the key's last digit.
"""

from __future__ import annotations

import enum
import re


class Kind(enum.IntEnum):
    ACADEMIC_YEAR = 0
    YEAR = 1
    MONTH = 2
    QUARTER = 3

    @property
    def label(self) -> str:
        return ("учебный год", "календарный год", "месяц", "квартал")[self.value]


PERIOD = re.compile(
    r"(?P<start>\d{4})/(?P<end>\d{4})|(?P<year>\d{4})(?:-(?:Q(?P<quarter>\d)|(?P<month>\d{2})))?")
PERIOD_HINT = ("учебный год 2024/2025, календарный год 2025, месяц 2025-03 "
               "или квартал 2025-Q1")
FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Years outside this span are typing mistakes, not monitoring data."""


def period_order(period: str) -> int | None:
    """A sortable key for a period (year, part of the year, kind), or None when malformed."""
    match = PERIOD.fullmatch(period)
    if not match:
        return None
    if match["start"]:
        year, part, kind = int(match["start"]), 0, Kind.ACADEMIC_YEAR
        if int(match["end"]) != year + 1:
            return None
    elif match["quarter"]:
        year, part, kind = int(match["year"]), int(match["quarter"]), Kind.QUARTER
        if not 1 <= part <= 4:
            return None
    elif match["month"]:
        year, part, kind = int(match["year"]), int(match["month"]), Kind.MONTH
        if not 1 <= part <= 12:
            return None
    else:
        year, part, kind = int(match["year"]), 0, Kind.YEAR
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return (year * 100 + part) * 10 + kind


def period_kind(order: int) -> Kind:
    return Kind(order % 10)


def period_year(order: int) -> int:
    """The year a period starts in: 2024 for «2024/2025», «2024», «2024-03» and «2024-Q1»."""
    return order // 1000
