"""Personal data (152-ФЗ): phones and e-mails are published only with the person's consent.

An entry lists the contacts whose owners agreed to publication in `contacts_consent`; any other
phone number or e-mail address in its fields or text is an error.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..diagnostics.problems import FieldPath, Problem
from .scalar_fields import Text

CONSENT_FIELD = "contacts_consent"

_EMAIL = re.compile(r"(?<![\w.+\-/])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w\-])")
# +7 or 8, then ten digits with the separators people type: spaces, dashes, brackets.
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?7|8)(?:[\s\u00a0\-()]{0,3}\d){10}(?![\w])")
# Ten digits without the country prefix, only in the groupings phones are written in:
# (812) 000-00-00, 900 000-00-00, 900-000-00-00, 900 000 00 00. A bare run of ten digits is
# more often a tax number (ИНН) than a phone and is left alone.
_LOCAL_PHONE = re.compile(
    r"(?<![\w+\-./,:])(?:\([3489]\d{2}\)[\s\u00a0]?|[3489]\d{2}[\s\u00a0\-])"
    r"\d{3}[\s\u00a0\-]?\d{2}[\s\u00a0\-]\d{2}(?![\w\-]|[.,]\d)")
_IDENTIFIER = re.compile(r"isbn|issn|инн|огрн|кпп|бик|окпо|счёт|счет|р/с", re.I)
"""Words after which a long number is an identifier, not a phone."""
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_MARKUP = re.compile(r"<[^<>]{0,200}>|[*`]")
"""Tags and emphasis a reader does not see: `director@exa**mp**le.org`, `<b>900</b> 000-…`."""

RULE = ("По закону 152-ФЗ «О персональных данных» телефон и адрес почты человека публикуются "
        "только с его письменного согласия.")


def as_read(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text as a reader sees it on the page, and where each character came from.

    Entities are decoded (`director&#64;example.org`, `&commat;`), full-width and other
    Unicode digits and signs become plain ones (NFKC: `＋７ ９００`), invisible characters,
    tags, emphasis marks and Markdown's backslash escapes (`example\\.org`) go.
    Each character of the result carries the (start, end) of what it was written as.
    """
    if text.isascii() and not _SPECIAL.search(text):
        return text, list(zip(range(len(text)), range(1, len(text) + 1), strict=True))
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    # Every text is read, most of it Cyrillic prose: runs between markup signs are taken whole
    # when none of their characters changes, one character at a time only where one does.
    while position < len(text):
        special = _SPECIAL.search(text, position)
        stop = special.start() if special else len(text)
        _read_run(text, position, stop, chars, spans)
        position = stop if special is None else _read_special(text, stop, chars, spans)
    return "".join(chars), spans


def reads_differently(text: str) -> bool:
    """Whether a reader sees some character of `text` as another: `７`, `＠`, a soft hyphen."""
    if text.isascii():
        return False
    for ch in set(text) - _SEEN:
        if _plain_char(ch) != ch:
            _CHANGED.add(ch)
        _SEEN.add(ch)
    return not _CHANGED.isdisjoint(text)


def _read_run(text: str, start: int, stop: int, chars: list[str],
              spans: list[tuple[int, int]]) -> None:
    """Characters without markup: kept, or replaced one by one by their plain form."""
    run = text[start:stop]
    if not reads_differently(run):
        chars.append(run)
        spans.extend(zip(range(start, stop), range(start + 1, stop + 1), strict=True))
        return
    for position, ch in enumerate(run, start):
        for plain in _plain_char(ch):
            chars.append(plain)
            spans.append((position, position + 1))


def _read_special(text: str, position: int, chars: list[str],
                  spans: list[tuple[int, int]]) -> int:
    """One tag, emphasis mark, entity or escape at `position`; returns where reading goes on."""
    markup = _MARKUP.match(text, position)
    if markup:
        return markup.end()
    entity = _ENTITY.match(text, position) if text[position] == "&" else None
    end = entity.end() if entity else position + 1
    piece = html.unescape(text[position:end])
    if piece == "\\" and end < len(text) and text[end] in _ESCAPABLE:
        end += 1
        piece = text[end - 1]
    for ch in piece:
        for plain in _plain_char(ch):
            chars.append(plain)
            spans.append((position, end))
    return end


_SPECIAL = re.compile(r"[&<*`\\]")
"""Where markup, an entity or an escape may start; other characters are read as they are."""
_SEEN: set[str] = set()
_CHANGED: set[str] = set()
"""Non-ASCII characters met so far, and those a reader sees as another (digits, NFKC, invisible)."""


_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!@")


def _plain_char(ch: str) -> str:
    if ch.isascii():
        return ch
    if ch in _INVISIBLE:
        return ""
    digit = unicodedata.decimal(ch, None)
    return str(digit) if digit is not None else unicodedata.normalize("NFKC", ch)


def normalize_contact(value: str) -> str:
    """One form per contact: +7 (900) 000-00-00, 8 900 000 00 00 → 79000000000; e-mail lowercase."""
    text = as_read(value)[0].strip()
    if "@" in text:
        return text.lower()
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    elif len(digits) == 10:
        digits = "7" + digits
    return digits


def find_contacts(text: str) -> Iterator[tuple[str, str]]:
    """(kind, contact as written) for every phone number and e-mail address in `text`."""
    if not _may_hold_contact(text):
        return
    plain, spans = as_read(text)

    def written(match: re.Match[str]) -> str:
        return text[spans[match.start()][0]:spans[match.end() - 1][1]]

    for match in _EMAIL.finditer(plain):
        yield "email", written(match)
    taken: list[range] = []
    for pattern in (_PHONE, _LOCAL_PHONE):
        for match in pattern.finditer(plain):
            before = plain[max(0, match.start() - 30):match.start()]
            if _IDENTIFIER.search(before) or any(match.start() in r for r in taken):
                continue
            taken.append(range(match.start(), match.end()))
            yield "phone", written(match)


def _may_hold_contact(text: str) -> bool:
    """An address needs an @, a phone ten digits; an entity or a character read as another
    (`&#64;`, `７`) could make either, so only then is the text read closely."""
    return ("@" in text or "&" in text or len(_DIGIT.findall(text)) >= 10
            or reads_differently(text))


_DIGIT = re.compile(r"\d")


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

    def refine(self, text: str) -> list[Problem]:
        return check_consent_item(text)
