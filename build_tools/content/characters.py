"""The characters text may not carry: one declaration for front-matter, registries and bodies.

Control characters break YAML readers, terminals and HTML; bidirectional overrides make a
title display reversed or hide part of it (the «Trojan source» trick); a byte-order mark or a
lone surrogate inside text is debris of a broken copy-paste. Front-matter and registry values
with any of them are refused; in an entry's body they are removed with a warning.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 (without tab and line feed), DEL and C1 (NEL U+0085 included: YAML takes it for a line
break). A carriage return never gets here: line endings are normalised on reading."""
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Marks, embeddings, overrides and isolates that change the displayed order of letters."""
_DEBRIS = "\ufeff\ufffe\uffff\ud800-\udfff"
"""A byte-order mark inside text, the two non-characters, lone surrogates."""

FORBIDDEN = re.compile(f"[{_CONTROL}{_BIDI}{_DEBRIS}]")
"""Any character no text field may hold."""

_UNREADABLE_BY_YAML = re.compile(f"[{_CONTROL}\ufffe\uffff\ud800-\udfff]")
"""What the YAML reader itself refuses (or, for NEL, silently reads as a line break)."""

_NAMES = {
    "\x00": "нулевой байт NUL",
    "\x0b": "вертикальная табуляция",
    "\x0c": "разрыв страницы",
    "\x1b": "управляющий знак ESC",
    "\x7f": "знак удаления DEL",
    "\x85": "знак новой строки NEL",
    "\u061c": "арабская метка направления письма",
    "\u200e": "метка письма слева направо",
    "\u200f": "метка письма справа налево",
    "\u202a": "команда письма слева направо",
    "\u202b": "команда письма справа налево",
    "\u202c": "конец команды направления письма",
    "\u202d": "команда показа слева направо",
    "\u202e": "команда показа справа налево",
    "\u2066": "изоляция направления письма",
    "\u2067": "изоляция направления письма",
    "\u2068": "изоляция направления письма",
    "\u2069": "конец изоляции направления письма",
    "\ufeff": "метка порядка байтов BOM",
    "\u00ad": "мягкий перенос",
    "\u200b": "пробел нулевой ширины",
    "\u200c": "разъединитель нулевой ширины",
    "\u200d": "соединитель нулевой ширины",
    "\u2060": "невидимый соединитель слов",
    "\u3164": "пустой знак хангыля",
    "\u2800": "пустой знак шрифта Брайля",
}

_INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0\u2800"
"""Hangul fillers and the blank Braille pattern: letters by category, blank on screen."""


def describe_char(char: str) -> str:
    """«U+202E (команда показа справа налево)»: the code point, which editors can search for,
    and what the character is."""
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        return f"{code} ({_NAMES[char]})"
    if "\ud800" <= char <= "\udfff":
        return f"{code} (половина испорченного знака)"
    if unicodedata.category(char) == "Cc":
        return f"{code} (управляющий знак)"
    return f"{code} (служебный знак)"


def effect_of(char: str) -> str:
    """What the character does, for the message: why it cannot stay."""
    if re.fullmatch(f"[{_BIDI}]", char):
        return "меняет порядок букв на экране, и читатель видит не то, что написано"
    if re.fullmatch(f"[{_CONTROL}]", char):
        return "ломает чтение файла, страницы сайта и выгрузки"
    return "остался от испорченного копирования текста"


def first_forbidden(text: str) -> str | None:
    match = FORBIDDEN.search(text)
    return match.group(0) if match else None


def unreadable_by_yaml(text: str) -> list[tuple[int, int, str]]:
    """(line, column, character) of the first such character on each line, 1-based."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _UNREADABLE_BY_YAML.search(line)
        if match:
            found.append((number, match.start() + 1, match.group(0)))
    return found


def strip_forbidden(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text without forbidden characters, and (line, column, character) of the first one
    removed from each line, 1-based."""
    if FORBIDDEN.search(text) is None:
        return text, []
    removed = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        match = FORBIDDEN.search(line)
        if match:
            removed.append((number, match.start() + 1, match.group(0)))
            lines[number - 1] = FORBIDDEN.sub("", line)
    return "\n".join(lines), removed


def is_visible(char: str) -> bool:
    """Whether a character leaves a mark on screen: not a space, a format or control mark."""
    if char.isspace() or char in _INVISIBLE_LETTERS:
        return False
    return unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me")


def has_visible(text: str) -> bool:
    return any(is_visible(char) for char in text)
