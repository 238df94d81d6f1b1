"""Readable Latin slugs from Russian text, for file names, URLs and heading anchors."""

from __future__ import annotations

import re
import unicodedata

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye",
}


def transliterate(text: str) -> str:
    """«Школа № 5» → «shkola № 5»: Cyrillic letters become Latin, other characters stay."""
    return "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())


def slugify(text: str, *, max_length: int = 60) -> str:
    """«Наставничество молодых педагогов» → «nastavnichestvo-molodyh-pedagogov»."""
    latin = unicodedata.normalize("NFKD", transliterate(text))
    latin = latin.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def heading_slug(value: str, separator: str) -> str:
    """Heading anchors for Python-Markdown's toc extension: #etapy-vnedreniya, not #_3."""
    return slugify(value, max_length=80).replace("-", separator) or "section"
