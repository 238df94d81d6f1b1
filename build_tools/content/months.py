"""Calendar months: the month of a digest issue, a month of events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .russian import month_label


@dataclass(frozen=True)
class YearMonth:
    year: int
    month: int

    @property
    def label(self) -> str:
        """«март 2026»."""
        return month_label(self.year, self.month)

    @property
    def slug(self) -> str:
        """«2026-03»: a digest's file name, a month's anchor on the events page."""
        return f"{self.year}-{self.month:02d}"

    @property
    def next(self) -> YearMonth:
        return YearMonth(self.year + self.month // 12, self.month % 12 + 1)

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and (day.year, day.month) == (self.year, self.month)
