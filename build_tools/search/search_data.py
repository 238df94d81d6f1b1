"""What search knows about an entry: filters, metadata, sort keys and related practices.

Pagefind reads these from the page (data-pagefind-filter / -meta / -sort); the browser script of
the practice bank reads the facet list from `FACETS`, published as JSON on the bank page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from ..content.bank_registries import size_band
from ..content.fields import normalize
from ..content.library import Entry, Library
from ..content.registries import School
from ..content.russian import format_date
from ..content.statuses import Status
from ..monitoring.evidence import evidence_strength
from .card_meta import practice_card
from .innovation_search import innovation_filters, innovation_source


@dataclass(frozen=True)
class Facet:
    key: str
    """Pagefind filter name, Latin: it appears in URLs (?topic=…)."""
    label: str
    """Group heading in the filter panel."""


FACETS: tuple[Facet, ...] = (
    Facet("type", "Вид материала"),
    Facet("topic", "Тема"),
    Facet("level", "Уровень образования"),
    Facet("subject", "Предмет"),
    Facet("district", "Район"),
    Facet("school", "Школа"),
    Facet("project", "Проект Ассоциации"),
    Facet("school_kind", "Тип школы"),
    Facet("settlement", "Город или село"),
    Facet("size", "Размер школы"),
    Facet("grades", "Классы"),
    Facet("pupils", "Категории обучающихся"),
    Facet("audience", "Для кого"),
    Facet("evidence", "Доказанность"),
    Facet("strength", "Сила доказательств"),
    Facet("recommended", "Рекомендации банка"),
    Facet("cost", "Затраты в год"),
    Facet("year", "Год"),
)

GRADE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("дошкольные группы", 0, 0),
    ("1–4 классы", 1, 4),
    ("5–9 классы", 5, 9),
    ("10–11 классы", 10, 11),
)
"""The «Классы» filter: a practice is in every band its grade range overlaps (0 = preschool)."""

SIZE_LABELS = {"малая": "малая (до 500 обучающихся)", "средняя": "средняя (500–1200)",
               "крупная": "крупная (больше 1200)"}

KIND_LABELS = {"practice": "практика", "recommendation": "рекомендации", "digest": "дайджест",
               "course": "курс", "conference": "конференция",
               "innovation": "инновационный проект"}


def filters(entry: Entry, library: Library,
            with_data: Collection[tuple[str, str]] = frozenset()) -> dict[str, list[str]]:
    """Filter values of one entry, by facet key; `with_data` as `schools_with_data` gives it
    (computed once per build: it reads the whole monitoring table)."""
    data = entry.data
    values: dict[str, list[str]] = {
        "type": [KIND_LABELS[entry.type.name]],
        "year": [str(entry.date.year)],
        "topic": list(data.get("topics") or []),
        "audience": list(data.get("audience") or []),
    }
    if entry.type.name == "practice":
        school = library.school_of(entry)
        values |= {
            "level": list(data["levels"]),
            "subject": list(data.get("subjects") or []),
            "district": [school.district],
            "school": [school.short_name],
            "project": [data["project"]] if data.get("project") else [],
            "evidence": [data["evidence"]],
            "strength": [evidence_strength(data, with_data).label],
            "recommended": ([Status.RECOMMENDED.value]
                            if data.get("status") == Status.RECOMMENDED.value else []),
            "cost": [cost] if (cost := _passport(data, "resources", "cost")) else [],
            "pupils": list(data.get("pupils") or []),
            "grades": grade_bands(data.get("grades")),
            **fitting_schools(data, school),
        }
    elif entry.type.name == "innovation":
        values |= innovation_filters(entry, library)
    return {key: value for key, value in values.items() if value}


def fitting_schools(data: dict[str, Any], school: School) -> dict[str, list[str]]:
    """The kinds, settlements and sizes of school a practice suits: where it was born, and what
    its replication passport names (a teacher filters for a school like their own)."""
    conditions = _passport(data, "conditions") or {}
    size = size_band(school.students)
    sizes = _union([size] if size else [], conditions.get("sizes"))
    return {
        "school_kind": _union([school.kind], conditions.get("school_kinds")),
        "settlement": _union([school.settlement], conditions.get("settlements")),
        "size": [SIZE_LABELS.get(band, band) for band in sizes],
    }


def grade_bands(grades: Any) -> list[str]:
    """«5–9 классы» for grades 5..9; grades 3..6 are in «1–4 классы» and «5–9 классы»."""
    if not isinstance(grades, dict) or grades.get("from") is None:
        return []
    low = int(grades["from"])
    high = int(grades["to"]) if grades.get("to") is not None else low
    return [name for name, first, last in GRADE_BANDS if low <= last and high >= first]


def _passport(data: dict[str, Any], *path: str) -> Any:
    value: Any = data.get("passport")
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _union(first: list[str], more: Any) -> list[str]:
    return list(dict.fromkeys([*first, *(more or [])]))


def meta(entry: Entry, library: Library,
         with_data: Collection[tuple[str, str]] = frozenset()) -> dict[str, str]:
    """What a search result shows besides the title and excerpt; for a practice also how
    strong its evidence is and whether the bank recommends it, as its card does."""
    if entry.type.name == "practice":
        source = library.school_of(entry).short_name
    elif entry.type.name in ("recommendation", "course"):
        source = str(entry.data["department"])
    elif entry.type.name == "innovation":
        source = innovation_source(entry, library)
    else:
        source = "Ассоциация новых школ"
    return {
        "kind": KIND_LABELS[entry.type.name],
        "source": source,
        "date": entry.date.isoformat(),
        "date_label": entry.period_label if entry.type.name == "digest"
        else format_date(entry.date),
        "summary": entry.summary,
        **({"standing": standing(entry, with_data)} if entry.type.name == "practice" else {}),
        **(practice_card(entry, library, with_data) if entry.type.name == "practice" else {}),
    }


def standing(entry: Entry, with_data: Collection[tuple[str, str]]) -> str:
    """«рекомендовано к тиражированию · сила доказательств 4 из 5»: a practice in a list."""
    strength = f"сила доказательств {evidence_strength(entry.data, with_data).label}"
    if entry.status is Status.RECOMMENDED:
        return f"{Status.RECOMMENDED.value} · {strength}"
    return strength


def sort_keys(entry: Entry, with_data: Collection[tuple[str, str]] = frozenset(),
              ) -> dict[str, str]:
    """Pagefind sort values; numbers are zero-padded so that text order is number order too.

    Strength and adoptions exist for practices only: the bank's browser offers those sorts,
    the site search (where recommendations would drop out of such a sort) does not."""
    keys = {"date": entry.date.isoformat(), "title": normalize(entry.title)}
    if entry.type.name == "practice":
        keys["strength"] = str(evidence_strength(entry.data, with_data).locks)
        keys["adoptions"] = f"{len(entry.data.get('adoptions') or []):04d}"
    return keys


def related_practices(library: Library, limit: int = 4) -> dict[str, list[Entry]]:
    """For every practice: the editor's own picks, then the closest by topics, levels, project.

    Scores come from inverted indexes (term → practices), so the cost grows with the number
    of shared terms, not with the square of the bank.
    """
    by_term: dict[tuple[str, str], list[Entry]] = {}
    for practice in library.practices:  # newest first: a capped list keeps the recent ones
        for key in _terms(practice):
            members = by_term.setdefault(key, [])
            if len(members) < CANDIDATES_PER_TERM:
                members.append(practice)
    weights = {"topic": 3, "project": 2}
    levels_of = {p.slug: frozenset(p.data["levels"]) for p in library.practices}
    result = {}
    for practice in library.practices:
        chosen = [p for p in library.related_practices(practice) if p is not practice]
        scores: Counter[str] = Counter()
        candidates: dict[str, Entry] = {}
        for key in _terms(practice):
            for other in by_term[key]:
                scores[other.slug] += weights[key[0]]
                candidates[other.slug] = other
        levels = levels_of[practice.slug]
        for slug in candidates:
            scores[slug] += len(levels & levels_of[slug])
        taken = {practice.slug, *(p.slug for p in chosen)}
        ranked = sorted((s for s in scores if s not in taken), key=lambda s: (-scores[s], s))
        chosen += [candidates[slug] for slug in ranked[: max(0, limit - len(chosen))]]
        result[practice.slug] = chosen
    return result


CANDIDATES_PER_TERM = 200
"""A topic shared by thousands of practices would make every practice a candidate."""


RELATED_FIELDS = ("topics", "project", "levels", "related")
"""The fields `related_practices` reads, besides the practices' order."""


def _terms(practice: Entry) -> list[tuple[str, str]]:
    data = practice.data
    keys = [("topic", t) for t in data.get("topics") or []]
    if data.get("project"):
        keys.append(("project", data["project"]))
    return keys
