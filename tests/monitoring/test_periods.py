"""Typed periods: every kind parsed, every impossible period refused with its reason, and
periods of different kinds or waves never equal."""

from __future__ import annotations

import pandas as pd
import pytest

from build_tools.monitoring.periods import Kind, Period, Wave, parse_period, period_column


@pytest.mark.parametrize(("text", "period"), [
    ("2024/2025", Period(Kind.ACADEMIC_YEAR, 2024)),
    ("2025", Period(Kind.YEAR, 2025)),
    ("2025-03", Period(Kind.MONTH, 2025, 3)),
    ("2025-Q2", Period(Kind.QUARTER, 2025, 2)),
])
def test_each_kind_is_read_and_written_back(text: str, period: Period) -> None:
    assert parse_period(text) == period
    assert period.text == text == str(period)


@pytest.mark.parametrize(("text", "reason"), [
    ("2025-00", "месяца 00 не бывает: месяцы от 01 до 12, двумя цифрами"),
    ("2025-13", "месяца 13 не бывает: месяцы от 01 до 12, двумя цифрами"),
    ("2025-3", "месяца 3 не бывает: месяцы от 01 до 12, двумя цифрами"),
    ("2025-Q0", "квартала Q0 не бывает: кварталы от Q1 до Q4"),
    ("2025-Q5", "квартала Q5 не бывает: кварталы от Q1 до Q4"),
    ("2024/2026", "учебный год «2024/2026» должен заканчиваться следующим годом: 2024/2025"),
    ("0000", "в периоде «0000» год 0: допустимы годы от 1900 до 2100"),
    ("весна 2025", "период «весна 2025» записан непонятно. Допустимо: учебный год 2024/2025, "
                   "календарный год 2025, месяц 2025-03 или квартал 2025-Q1"),
])
def test_impossible_periods_say_why(text: str, reason: str) -> None:
    assert parse_period(text) == reason


def test_periods_of_different_kinds_are_never_equal() -> None:
    """«2024», «2024/2025» and «2024-00» once shared a key, as did «2025-Q1» and «2025-03»."""
    periods = [parse_period(t) for t in ("2024", "2024/2025", "2025-Q1", "2025-03", "2025-01")]
    assert len(set(periods)) == len(periods)
    assert parse_period("2025-Q1") != parse_period("2025-03")


def test_a_wave_is_a_point_within_its_period() -> None:
    year = Period(Kind.ACADEMIC_YEAR, 2024)
    entry, final = year.with_wave(Wave.ENTRY), year.with_wave(Wave.FINAL)
    next_entry = Period(Kind.ACADEMIC_YEAR, 2025, wave=Wave.ENTRY)
    assert sorted([next_entry, final, entry]) == [entry, final, next_entry]
    assert str(final) == "2024/2025, итоговый" and final.text == "2024/2025"
    assert entry != final != year


def test_the_period_column_sorts_chronologically_not_as_text() -> None:
    texts = pd.Series(["2025-02", "2024-12", "2025-11", "2025-01"])
    column = period_column(texts)
    assert column.cat.ordered
    assert [str(p) for p in column.sort_values()] == ["2024-12", "2025-01", "2025-02", "2025-11"]
    waved = period_column(pd.Series(["2025/2026", "2024/2025", "2024/2025"]),
                          pd.Series(["входной", "итоговый", "входной"]))
    assert [str(p) for p in waved.sort_values()] == [
        "2024/2025, входной", "2024/2025, итоговый", "2025/2026, входной"]
