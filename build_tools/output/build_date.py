"""The build's calendar day in the region's time zone: which statuses and events are current."""

from __future__ import annotations

import datetime as dt

from .reproducible import build_time

REGION_TIME = dt.timezone(dt.timedelta(hours=3), "MSK")


def build_date() -> dt.date:
    """The day of `build_time()` in Moscow time (SOURCE_DATE_EPOCH when set)."""
    return build_time().astimezone(REGION_TIME).date()
