"""The spelling dictionary: the words of the indexed pages with their frequencies, for the
browser's «Показаны результаты для …» (see `assets/kb-spelling.js`).

Why a dictionary at all: when a query word is in no indexed page, Pagefind falls back to the
longest indexed word that is a prefix of it («инвалидность» → «и», «наставничиство» → «нас»)
and returns junk. The browser therefore needs to know which words exist and which known word a
typo was meant to be, without a server.

What is downloaded when (the design the size goals rest on):

* A query whose words are all known costs nothing extra. The browser asks Pagefind itself
  whether each word is indexed, with an exact search (`"слово"`): Pagefind answers from the
  index chunk it loads for that word anyway, so no byte is added to the query.
* Only when a word is not in the index (a typo, a layout slip, a word being typed) does the
  browser fetch this file, once per page: it tells a prefix being typed («настав») from a
  typo, and holds the candidates for the correction.

The file is `pagefind/kb-spelling.json`, beside Pagefind's own files and written with them,
so the dictionary always describes the index it sits with (`kb serve` keeps both). Its words
are one string, alphabetical (so gzip finds the shared beginnings), each with `:count` when it
occurs more than once: «наставник:3 наставничество:12 …». Numbers are left out (never
corrected), so are words of one letter and words over `MAX_WORD` letters.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "kb-spelling.json"
FORMAT_VERSION = 1
MAX_WORD = 30
"""Longer runs of letters are not words a reader types (a pasted address, a hash)."""
MAX_WORDS = 30_000
"""The dictionary keeps at most this many words, the most frequent: its size must not grow with
the bank (about 4–5 bytes a word gzipped, so ≤ 150 kB). A rarer word is still never "corrected",
because the browser asks the index itself whether a word is known; it is only not offered as
the correction of a typo."""
SUGGESTIONS = 8
"""How many synonym headwords the empty state offers."""

_WORD = re.compile(r"[^\W\d_]+")


def normalize_word(word: str) -> str:
    """A word as the dictionary and the browser compare it: lower case, ё as е."""
    return word.lower().replace("ё", "е")


def words_of(text: str) -> list[str]:
    """The dictionary words of a text: runs of letters, normalised (digits split them)."""
    return [w for w in (normalize_word(m) for m in _WORD.findall(text))
            if 1 < len(w) <= MAX_WORD]


@dataclass(frozen=True)
class SpellingDictionary:
    counts: Counter[str]
    suggestions: tuple[str, ...] = ()

    @classmethod
    def from_counts(cls, counts: Counter[str],
                    synonyms: Sequence[Sequence[str]] = ()) -> SpellingDictionary:
        """The dictionary of the indexed pages' words (`words_of` each page's text)."""
        return cls(most_frequent(counts, MAX_WORDS), headwords(synonyms, counts))

    def words_text(self) -> str:
        return " ".join(word if count == 1 else f"{word}:{count}"
                        for word, count in sorted(self.counts.items()))

    def to_json(self) -> str:
        return json.dumps({"version": FORMAT_VERSION, "words": self.words_text(),
                           "suggestions": list(self.suggestions)},
                          ensure_ascii=False, separators=(",", ":"))

    def write(self, bundle_dir: Path) -> Path:
        target = bundle_dir / FILE_NAME
        target.write_text(self.to_json(), encoding="utf-8")
        return target


def most_frequent(counts: Counter[str], limit: int) -> Counter[str]:
    """The `limit` most frequent words (alphabetical among equals, so builds agree)."""
    if len(counts) <= limit:
        return counts
    kept = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return Counter(dict(kept))


def headwords(synonyms: Sequence[Sequence[str]], counts: Counter[str]) -> tuple[str, ...]:
    """The first spelling of the synonym groups the pages use most: what the empty state
    offers to search instead («ОВЗ», «стажировка» …). A headword is scored by its rarest
    word, so one that is not in the index (it would find nothing) is never offered; one of
    two letters («ОО») says nothing to a reader and is left out too."""
    scored = []
    for order, group in enumerate(synonyms):
        words = words_of(group[0]) if group and len(group[0]) > 2 else []
        score = min((counts[w] for w in words), default=0)
        if score:
            scored.append((-score, order, group[0]))
    return tuple(term for _, _, term in sorted(scored)[:SUGGESTIONS])


def write_dictionary(bundle_dir: Path, counts: Counter[str],
                     synonyms: Sequence[Sequence[str]] = ()) -> SpellingDictionary:
    """Build the dictionary of the indexed pages' words into `bundle_dir`."""
    dictionary = SpellingDictionary.from_counts(counts, synonyms)
    dictionary.write(bundle_dir)
    return dictionary
