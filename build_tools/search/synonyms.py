"""Synonym groups: which other spellings of a group a page needs so that search finds it.

A group is an abbreviation and its expansions, or an official name and the words teachers use
(`content/_data/synonyms.yml`); a spelling matches its word forms («ограниченные возможности» ~
«ограниченными возможностями») in text normalised as vocabulary terms are (case, ё/е, spacing).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.fields import normalize


class SynonymIndex:
    """Groups of equivalent spellings (an abbreviation and its expansions).

    A spelling is looked for only when its first word can be in the page: the page must have a
    word beginning with the same four letters (one set lookup per distinct word of the page
    finds those spellings), then a short word (matched whole) must be one of the page's words,
    a stem a substring of its text. Most pages mention few of the spellings. The expression
    that then runs starts with that literal (no look-behind, no case folding: the text is
    normalised), so the regular-expression engine skips to its occurrences instead of trying
    every position.
    """

    def __init__(self, groups: list[tuple[str, ...]]) -> None:
        self.groups = groups
        self._by_start: dict[str, list[_Spelling]] = {}
        for group, terms in enumerate(groups):
            for index, term in enumerate(terms):
                spelling = _Spelling.of(group, index, term)
                self._by_start.setdefault(spelling.start, []).append(spelling)

    def extra_for(self, text: str, shown: str | None = None) -> list[str]:
        """The spellings to add to a page so that a search for any of them finds it.

        `text` is everything the entry says; `shown`, when given, what its page certainly
        shows (title, summary, body): a spelling found only in a field the page may not print
        (a reviewer's conclusion) is added too, so that search still finds it.
        """
        return self._extra(self._found(text),
                           self._found(text if shown is None else shown))

    def mentions(self, text: str) -> dict[str, int]:
        """Spelling → how often `text` names its group in any spelling (see search_text)."""
        return self._group_counts(self._counts(text))

    def search_words(self, text: str, shown: str) -> list[tuple[str, int]]:
        """`extra_for(text, shown)` with each spelling's `mentions(shown)`: what a page's
        search-only paragraph needs, reading `shown` once."""
        shown_counts = self._counts(shown)
        mentions = self._group_counts(shown_counts)
        extra = self._extra(self._found(text), _by_group(shown_counts))
        return [(spelling, mentions.get(spelling, 0)) for spelling in extra]

    def _extra(self, found: dict[int, set[int]], shown_found: dict[int, set[int]]) -> list[str]:
        return [term for group in sorted(found)
                for index, term in enumerate(self.groups[group])
                if index not in shown_found.get(group, set())]

    def _group_counts(self, counts: dict[tuple[int, int], int]) -> dict[str, int]:
        per_group: Counter[int] = Counter()
        for (group, _index), count in counts.items():
            per_group[group] += count
        return {term: per_group[group] for group, terms in enumerate(self.groups)
                for term in terms if per_group[group]}

    def _found(self, text: str) -> dict[int, set[int]]:
        """Group → indices of its spellings that occur in `text`."""
        found: dict[int, set[int]] = {}
        for spelling, normal in self._possible(text):
            if next(spelling.matches(normal), None):
                found.setdefault(spelling.group, set()).add(spelling.index)
        return found

    def _counts(self, text: str) -> dict[tuple[int, int], int]:
        """(group, index) → how often that spelling occurs in `text` (when it does)."""
        counts: dict[tuple[int, int], int] = {}
        for spelling, normal in self._possible(text):
            count = sum(1 for _match in spelling.matches(normal))
            if count:
                counts[spelling.group, spelling.index] = count
        return counts

    def _possible(self, text: str) -> Iterator[tuple[_Spelling, str]]:
        """The spellings that may occur in `text`, each with the normalised text."""
        normal = normalize(text)
        words = set(_WORD.findall(normal))
        for spelling in self._candidates(words):
            if spelling.may_occur(normal, words):
                yield spelling, normal

    def _candidates(self, words: set[str]) -> list[_Spelling]:
        """The spellings whose first word begins as one of `words` does."""
        by_start = self._by_start
        return [*by_start.get("", ()),
                *(spelling for start in {word[:_START] for word in words}
                  for spelling in by_start.get(start, ()))]


_START = 4
"""Spellings are indexed by their first word's first letters: no stem is shorter."""


def _by_group(counts: dict[tuple[int, int], int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    for group, index in counts:
        found.setdefault(group, set()).add(index)
    return found


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Spelling:
    """One spelling of a group, as it is looked for in normalised text."""

    group: int
    index: int
    first: str
    """Its first word (matched whole) or that word's stem."""
    whole: bool
    """The first word is a word of its own (short, no hyphen): it must be one of the page's."""
    pattern: re.Pattern[str]
    r"""From the first word on; the look-behind `(?<!\w)` is checked in `matches`."""

    @classmethod
    def of(cls, group: int, index: int, term: str) -> _Spelling:
        word = normalize(term).split()[0]
        whole = len(word) <= 4 and _WORD.fullmatch(word) is not None
        first = word if len(word) <= 4 else _strip_ending(word)
        return cls(group, index, first, whole, re.compile(_phrase_pattern(term)))

    @property
    def start(self) -> str:
        """The first letters a word of the page must begin with (up to a hyphen); "" when
        the spelling does not begin with a letter: such a spelling is always looked for."""
        letters = _WORD.match(self.first)
        return letters.group()[:_START] if letters else ""

    def may_occur(self, normal: str, words: set[str]) -> bool:
        return self.first in words if self.whole else self.first in normal

    def matches(self, normal: str) -> Iterator[re.Match[str]]:
        r"""Non-overlapping occurrences that start a word, as `findall` of `(?<!\w)` + pattern
        would find them."""
        position = 0
        while (match := self.pattern.search(normal, position)) is not None:
            start = match.start()
            if start and (normal[start - 1].isalnum() or normal[start - 1] == "_"):
                position = start + 1
                continue
            yield match
            position = max(match.end(), start + 1)


def _phrase_pattern(phrase: str) -> str:
    """Each word matches its forms: «ограниченные возможности» ~ «ограниченными возможностями»."""
    parts = []
    for word in normalize(phrase).split():
        if len(word) <= 4:
            parts.append(re.escape(word) + r"\b")
        else:
            parts.append(re.escape(_strip_ending(word)) + r"\w*")
    return r"\s+".join(parts)


_ENDINGS = (
    "ыми", "ими", "ями", "ами", "ого", "его", "ому", "ему",
    "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ия", "ья", "ью",
    "ам", "ям", "ах", "ях", "ов", "ев", "ом", "ем",
    "а", "я", "ы", "и", "е", "о", "у", "ю", "ь", "й",
)
"""Longest first: «ыми» must be tried before «и»."""


def _strip_ending(word: str) -> str:
    """A crude Russian stem: «стажировка» → «стажировк» (not «стажиров», which would also
    match «стажировочная»)."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
