"""Text that was UTF-8 but got read as Windows-1251 on its way (Word, old editors, e-mail).

Each Cyrillic letter of UTF-8 is two bytes, D0 or D1 and one of 80–BF; read as Windows-1251 they
become «Р» or «С» followed by a letter like «џ», «ѓ», «°». Three such pairs in a row do not
occur in Russian text.
"""

from __future__ import annotations

import re

from ..diagnostics.problems import Problem

_SECOND = "".join(sorted(bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore")))
_MOJIBAKE = re.compile(f"(?:[РС][{re.escape(_SECOND)}]){{3,}}[^\\s,.;:!?«»]*")


def repaired(text: str) -> str:
    """The text as it was meant, or "" when it cannot be recovered."""
    try:
        return text.encode("cp1251").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return ""


def check_mojibake(text: str) -> list[Problem]:
    match = _MOJIBAKE.search(text)
    if match is None:
        return []
    broken = match.group(0)
    meant = repaired(broken) or repaired(broken[:-1])
    guess = f" (должно быть «{meant}»)" if meant else ""
    return [Problem(
        "Mojibake",
        f"текст «{broken[:40]}» испорчен{guess}: его сохранили в UTF-8, а затем прочитали "
        "как Windows-1251.",
        hint="Скопируйте текст заново из исходного документа или откройте файл в кодировке "
             "UTF-8.",
    )]
