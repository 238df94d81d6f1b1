"""Personal data (152-ФЗ): phones and e-mails are published only with the person's consent.

An entry lists the contacts whose owners agreed to publication in `contacts_consent`; any other
phone number or e-mail address in its fields or text is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .fields import CheckContext, Checked, Text
from .problems import FieldPath, Problem

CONSENT_FIELD = "contacts_consent"

_EMAIL = re.compile(r"(?<![\w.+\-/])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w\-])")
# +7 or 8, then ten digits with the separators people type: spaces, dashes, brackets.
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?7|8)(?:[\s\u00a0\-()]{0,3}\d){10}(?![\w])")
_ISBN = re.compile(r"isbn", re.I)

RULE = ("По закону 152-ФЗ «О персональных данных» телефон и адрес почты человека публикуются "
        "только с его письменного согласия.")


def normalize_contact(value: str) -> str:
    """One form per contact: +7 (900) 000-00-00, 8 900 000 00 00 → 79000000000; e-mail lowercase."""
    text = value.strip()
    if "@" in text:
        return text.lower()
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    return digits


def find_contacts(text: str) -> Iterator[tuple[str, str]]:
    """(kind, contact) for every phone number and e-mail address in `text`."""
    for match in _EMAIL.finditer(text):
        yield "email", match.group(0)
    for match in _PHONE.finditer(text):
        before = text[max(0, match.start() - 30):match.start()]
        if not _ISBN.search(before):
            yield "phone", match.group(0)


def check_contacts(text: str, consented: set[str]) -> list[Problem]:
    """Problems for contacts in `text` that are not in the consent list."""
    problems = []
    for kind, contact in find_contacts(text):
        if normalize_contact(contact) in consented:
            continue
        what = f"номер телефона «{contact}»" if kind == "phone" else f"адрес почты «{contact}»"
        problems.append(Problem(
            "PersonalData",
            f"{what} — это персональные данные. {RULE}",
            hint=f"Уберите контакт или, если согласие получено, впишите его в поле "
                 f"{CONSENT_FIELD} этого материала.",
        ))
    return problems


def consented_contacts(values: Iterable[object]) -> set[str]:
    return {normalize_contact(v) for v in values if isinstance(v, str)}


def check_consent_item(value: str) -> list[Problem]:
    """A consent entry must itself be one phone number or one e-mail address."""
    found = list(find_contacts(value))
    if len(found) == 1 and normalize_contact(found[0][1]) == normalize_contact(value):
        return []
    return [Problem(
        "BadFormat",
        f"«{value}» не похоже на один номер телефона (+7 900 000-00-00) или один адрес почты.",
    )]


def strings(data: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text value of a parsed front-matter, with its field path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


@dataclass(frozen=True)
class Contact(Text):
    """One phone number or e-mail address whose owner agreed to its publication."""

    kind_label = "телефон или адрес почты"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        text, problems = super().check(value, ctx)
        if problems:
            return None, problems
        return (text, []) if not (found := check_consent_item(text)) else (None, found)
