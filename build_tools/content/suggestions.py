"""Suggestions for what editors write in their own words instead of the form a field needs.

`suggest` (fields.py) catches typos. These catch the other everyday mistakes, each with one
«Возможно, вы имели в виду …» sentence the validator adds to its message:

- a date in Russian order («5.03.2026», «05.03.2026», «5 марта 2026») → «2026-03-05»;
- a school's name, or a part of it («Лицей 7», «школа № 12», «МБОУ СОШ …», «Маяк»), where its
  id is expected → the id, with the school's short name;
- an everyday name of a vocabulary term («начальная школа») → the term («начальное общее»):
  the vocabulary's own rows list those names (`everyday` in levels.yml, see registries.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from .fields import normalize
from .russian import _MONTHS_GENITIVE

_NUMERIC_DATE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_WORDED_DATE = re.compile(r"(\d{1,2})\s+([а-яё]+)\s+(\d{4})(?:\s*(?:г\.?|года))?")


def did_you_mean(value: str) -> str:
    """The sentence every suggestion ends in, as `suggest` words it."""
    return f"Возможно, вы имели в виду «{value}»."


def russian_date(text: str) -> dt.date | None:
    """«5.03.2026», «05/03/2026», «5 марта 2026 г.» → 2026-03-05; None for anything else,
    an impossible day included."""
    cleaned = " ".join(text.replace("ё", "е").lower().split())
    numeric = _NUMERIC_DATE.fullmatch(cleaned)
    worded = _WORDED_DATE.fullmatch(cleaned)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
    elif worded:
        months = [m.replace("ё", "е") for m in _MONTHS_GENITIVE]
        if worded.group(2) not in months:
            return None
        day, month, year = int(worded.group(1)), months.index(worded.group(2)) + 1, \
            int(worded.group(3))
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_hint(text: str) -> str:
    """«Возможно, вы имели в виду «2026-03-05».» for a Russian-order date, else ""."""
    date = russian_date(text)
    return did_you_mean(date.isoformat()) if date else ""


# ---------------------------------------------------------------------- schools by name

_ABBREVIATIONS = {
    "сош": ("средняя", "общеобразовательная", "школа"),
    "оош": ("основная", "общеобразовательная", "школа"),
    "цо": ("центр", "образования"),
    "д/с": ("детский", "сад"),
}
"""Abbreviations editors write in a school's name, spelt out as the registry writes them."""

_IGNORED = frozenset({
    # The organisation's legal form: the registry's names carry one, editors often another.
    "мбоу", "моу", "мобу", "маоу", "мкоу", "гбоу", "мдоу", "мдобу", "мбдоу", "мадоу", "мбудо",
    "муниципальное", "бюджетное", "автономное", "казенное", "общеобразовательное",
    "учреждение", "организация", "№", "n", "no", "имени", "им",
})
_WORD = re.compile(r"№|[0-9]+|[a-zа-я/]+")
_STEM = 4
"""Letters of a word's start that must agree: «лицей» is «лицея», «Маяк» is «Маяке»."""


def _words(text: str) -> list[str]:
    words: list[str] = []
    for word in _WORD.findall(normalize(text)):
        words.extend(_ABBREVIATIONS.get(word, (word,)))
    return [w for w in words if w not in _IGNORED]


def _matches(wanted: str, words: Sequence[str]) -> bool:
    if wanted.isdigit():
        return wanted in words
    stem = wanted[:max(_STEM, len(wanted) - 2)]
    return any(w.startswith(stem) or wanted.startswith(w[:max(_STEM, len(w) - 2)])
               for w in words if not w.isdigit() and len(w) >= 3)


def schools_named(value: str, schools: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(id, short name) of the schools whose name or short name holds every word of `value`
    (abbreviations spelt out, legal forms and «№» ignored, numbers exact)."""
    wanted = _words(value)
    if not wanted or all(w in {"школа", "детский", "сад", "центр", "образования"}
                         for w in wanted):
        return []
    found: list[tuple[str, str]] = []
    for school_id, name, short_name in schools:
        words = _words(f"{name} {short_name}")
        if all(_matches(w, words) for w in wanted):
            found.append((school_id, short_name))
    return found


def school_hint(value: str, schools: Iterable[tuple[str, str, str]]) -> str:
    """For a school's name written where its id is expected: the id (or up to three ids) to
    write, each with the school's short name; "" when no school or too many are named so."""
    found = schools_named(value, schools)
    if not found or len(found) > 3:
        return ""
    named = ", ".join(f"«{school_id}» ({short})" for school_id, short in found)
    if len(found) == 1:
        return (f"Возможно, вы имели в виду {named}: в этом поле пишут идентификатор школы "
                "из content/_data/schools.yml, а не её название.")
    return (f"Возможно, вы имели в виду одну из школ: {named}. В этом поле пишут "
            "идентификатор школы из content/_data/schools.yml, а не её название.")


# ---------------------------------------------------------------------- everyday names

def everyday_hint(value: str, everyday: Iterable[tuple[str, Iterable[str]]]) -> str:
    """The term whose everyday names (`everyday` in its row) include `value`, as a
    suggestion; "" when none does."""
    wanted = _dashes(value)
    for name, spoken in everyday:
        if any(_dashes(s) == wanted for s in spoken):
            return did_you_mean(name)
    return ""


def _dashes(text: str) -> str:
    """«1-4 классы» and «1–4 классы» are one way of saying it."""
    return re.sub(r"\s*[-–—]\s*", "-", normalize(text))
