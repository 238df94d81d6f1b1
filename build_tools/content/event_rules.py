"""An event's own name beside the headline that announced it, and the rules that keep the two
apart.

A digest item's `title` is a headline of its month («Открыта регистрация на конференцию …»);
the calendar, the .ics files and a later issue's reminder need what the event is called, which
stays true after it has taken place («Конференция «Школа, устремлённая в будущее»»). That is
`event.title`. A word that only says what kind of item it is («Анонс —») belongs to neither:
the rubric and the calendar say it already.
"""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics.problems import Problem, Severity

ANNOUNCEMENT_LABEL = re.compile(r"^\s*анонс\s*[—–:.-]+\s*", re.IGNORECASE)
"""«Анонс — …», «Анонс: …» at the start of a title."""
ANNOUNCEMENT_WORDING = re.compile(
    r"^\s*(анонс\b|открыт[аоы]?\s+(регистрация|при[её]м|запись)|при[её]м\s+заявок|"
    r"начинается\s+(регистрация|запись)|идёт\s+(регистрация|запись)|приглашаем|"
    r"стартует|стартовал[аои]?\b|объявлен[аоы]?\b)", re.IGNORECASE)
"""Headlines that describe the announcement rather than the event: after the event they would
read wrong under «Прошедшие события»."""


def without_label(title: str) -> str:
    """The title without a leading «Анонс —», its first letter raised."""
    rest = ANNOUNCEMENT_LABEL.sub("", title, count=1)
    return rest[:1].upper() + rest[1:] if rest != title else title


def event_name(item: dict[str, Any]) -> str:
    """What an announced event is called: its `event.title`, else the item's headline without
    a leading «Анонс —»."""
    block = item.get("event") or {}
    named = block.get("title") if isinstance(block, dict) else None
    return str(named) if named else without_label(str(item.get("title") or ""))


def announcement_rules(data: dict[str, Any]) -> list[Problem]:
    """A title labelled «Анонс —»; an event without a name whose headline is an announcement."""
    problems: list[Problem] = []
    for r_index, rubric in enumerate(data.get("rubrics") or []):
        items = rubric.get("items") if isinstance(rubric, dict) else None
        for i_index, item in enumerate(items or []):
            if isinstance(item, dict):
                problems += _item_problems(item, ("rubrics", r_index, "items", i_index))
    return problems


def _item_problems(item: dict[str, Any], where: tuple[str | int, ...]) -> list[Problem]:
    problems = []
    event = item.get("event")
    titles = [(item.get("title"), (*where, "title"))]
    if isinstance(event, dict):
        titles.append((event.get("title"), (*where, "event", "title")))
    for title, field in titles:
        if isinstance(title, str) and ANNOUNCEMENT_LABEL.match(title):
            problems.append(Problem(
                "AnnouncementLabel",
                f"заголовок «{title}» начинается со слова «Анонс»: рубрика и календарь событий "
                f"уже показывают, что это анонс. Напишите «{without_label(title)}».",
                field=field, severity=Severity.WARNING))
    headline = item.get("title")
    if (isinstance(event, dict) and not event.get("title") and isinstance(headline, str)
            and ANNOUNCEMENT_WORDING.match(headline) and not ANNOUNCEMENT_LABEL.match(headline)):
        problems.append(Problem(
            "EventTitleMissing",
            f"у события нет названия (event.title), а заголовок «{headline}» говорит об анонсе, "
            "а не о самом событии: после события календарь покажет его среди прошедших так. "
            "Добавьте в блок event строку title с названием события, например "
            "«title: Конференция «…»».", field=(*where, "event"), severity=Severity.WARNING))
    return problems
