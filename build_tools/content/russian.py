"""Russian words for dates and numbers, as the site shows them."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
           "сентябрь", "октябрь", "ноябрь", "декабрь")
_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                    "сентября", "октября", "ноября", "декабря")


def month_name(month: int) -> str:
    """3 → «март»."""
    return _MONTHS[month - 1]


def month_label(year: int, month: int) -> str:
    """(2026, 3) → «март 2026»: how an issue or a month of events is named."""
    return f"{month_name(month)} {year}"


def format_date(value: dt.date) -> str:
    """2026-03-05 → «5 марта 2026 г.»."""
    return f"{value.day} {_MONTHS_GENITIVE[value.month - 1]} {value.year} г."


def format_range(start: dt.date, end: dt.date) -> str:
    """«16 декабря 2026 г.», «16–17 декабря 2026 г.», «30 ноября – 2 декабря 2026 г.»."""
    if end <= start:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS_GENITIVE[start.month - 1]} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def plural(count: int, one: str, few: str, many: str) -> str:
    """plural(3, "практика", "практики", "практик") → «3 практики»."""
    tail = count % 100
    if 11 <= tail <= 14:
        word = many
    elif tail % 10 == 1:
        word = one
    elif 2 <= tail % 10 <= 4:
        word = few
    else:
        word = many
    return f"{count} {word}"
