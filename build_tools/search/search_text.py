"""Words only search sees: indexed by Pagefind, never shown in a result's excerpt.

An entry page prints its facts (school, district, topics, authors …) as a list of labels and
values, which Pagefind would run together («ШколаМБОУ…», «Статусопубликовано») and show in
excerpts. The templates keep that list, the headline strip and «Хочу внедрить» out of the
index (`data-pagefind-ignore`); the values a reader may type instead come here, with the other
spellings of the synonym groups the entry uses (`SynonymIndex.extra_for`). They go into one
hidden paragraph at the very end of the indexed body, which `fragments.cut_search_only` cuts
from the text Pagefind keeps for excerpts once the index is written.

A spelling is repeated as often as the page names its group (up to `MAX_REPEATS`): Pagefind
ranks by how often a word occurs against the page's length, so a search for «молодой
специалист» then ranks the page that speaks of young teachers throughout above a digest that
mentions them once, as a search for the page's own words would.
"""

from __future__ import annotations

from typing import Any

from ..content.library import Entry, Library
from .synonyms import SynonymIndex

SEARCH_ONLY_CLASS = "kb-search-only"
"""The class of the hidden paragraph (see `_search_data.html`)."""
MAX_REPEATS = 5


def search_only_words(entry: Entry, library: Library, synonyms: SynonymIndex,
                      text: str) -> list[str]:
    """What the page's index gets besides its text: fact values and other spellings.

    `text` is everything the entry says (see `SynonymIndex.extra_for`).

    Filter values that say nothing a reader would type (status, evidence, year, costs, grades,
    school size, levels, audiences) are left out: the filter panel serves them.
    """
    data = entry.data
    words: list[str] = [*_names(data.get("topics")), *_names(data.get("subjects")),
                        *_names(data.get("pupils"))]
    if data.get("project"):
        words.append(str(data["project"]))
    kind = entry.type.name
    if kind == "practice":
        school = library.school_of(entry)
        words += [school.name, school.short_name, school.district]
        words += [str(author["name"]) for author in data.get("authors") or []
                  if isinstance(author, dict) and author.get("name")]
    elif kind == "innovation":
        schools = library.registry.schools
        for school_id in data.get("schools") or []:
            if schools.find(school_id):
                school = schools.get(school_id)
                words += [school.short_name, school.district]
        supervisor = data.get("supervisor")
        if isinstance(supervisor, dict) and supervisor.get("name"):
            words.append(str(supervisor["name"]))
    if kind in ("recommendation", "course", "innovation") and data.get("department"):
        words.append(str(data["department"]))
    words = list(dict.fromkeys(w for w in words if w.strip()))
    shown = "\n".join((entry.title, entry.summary, entry.body))
    for spelling, mentions in synonyms.search_words(text, shown):
        words += [spelling] * max(1, min(MAX_REPEATS, mentions))
    return words


def _names(values: Any) -> list[str]:
    return [str(v) for v in values or []]
