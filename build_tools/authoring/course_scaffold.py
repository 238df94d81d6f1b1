"""`kb new course` and `kb new conference`: the suggested sections of their text, and the year
that names a conference edition's file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..content.course_fields import CONFERENCE_RECORD
from ..content.scalar_fields import Integer

BODIES = {
    "course": (
        ("", "Как устроен курс: очные сессии и дистанционные модули, что нужно слушателю."),
        ("Программа", "Модули или темы курса с числом часов; итоговая аттестация."),
        ("Что получают слушатели", "Документ о повышении квалификации, итоговый продукт."),
        ("Кого ждём", "Кому курс подойдёт и можно ли заказать его для команды одной школы."),
    ),
    "conference": (
        ("", "Один-два абзаца о выпуске: сколько участников, из каких районов, что было."),
        ("Главное", "Выводы и договорённости конференции списком."),
    ),
}
"""Suggested sections below the fields (merged into scaffold.BODIES)."""


def edition_year(argument: str, today: dt.date) -> int | None:
    """The year of `kb new conference 2027` (the current year without one); None when the
    argument is not a year the edition's `year` field allows."""
    text = argument.strip()
    years = CONFERENCE_RECORD.fields["year"]
    assert isinstance(years, Integer) and years.minimum is not None and years.maximum
    if not text:
        return today.year
    if not re.fullmatch(r"[0-9]{4}", text):
        return None
    year = int(text)
    return year if years.minimum <= year <= years.maximum else None


def edition_advice(argument: str) -> str:
    years = CONFERENCE_RECORD.fields["year"]
    assert isinstance(years, Integer)
    return (f"год выпуска конференции «{argument.strip()}» не подходит: укажите год от "
            f"{years.minimum} до {years.maximum}, например: kb new conference 2027.")


def edition_values(year: int) -> dict[str, Any]:
    return {"year": year}
