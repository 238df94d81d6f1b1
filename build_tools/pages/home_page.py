"""The home page: search first, then the newest recommended practices, the next events and the
bank in numbers. A number or a topic that would read «0» is left out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..content.library import Entry, Library
from ..content.russian import plural
from ..content.statuses import Status

if TYPE_CHECKING:
    from .pages import SiteBuilder

RECOMMENDED_SHOWN = 3
LATEST_SHOWN = 4
EVENTS_SHOWN = 3


@dataclass(frozen=True)
class Figure:
    """One number of «Банк в цифрах»: «13 практик», linked to where they are listed."""

    text: str
    """The number with its word, «3 района»."""
    about: str
    url: str


def figures(library: Library) -> list[Figure]:
    """The bank's numbers that are not zero, in the order a visitor reads them."""
    practices = library.practices
    recommended = [p for p in practices if p.status is Status.RECOMMENDED]
    adoptions = sum(len(p.data.get("adoptions") or []) for p in practices)
    schools = list(library.registry.schools)
    districts = {school.district for school in schools}
    candidates = [
        (len(practices), ("практика", "практики", "практик"), "в банке", "practices/"),
        (len(recommended), ("практика", "практики", "практик"), "рекомендованы к тиражированию",
         "practices/?recommended=" + quote(Status.RECOMMENDED.value)),
        (adoptions, ("внедрение", "внедрения", "внедрений"), "в других школах",
         "practices/?sort=adoptions-desc"),
        (len(schools), ("участник", "участника", "участников"), "в Ассоциации", "schools/"),
        (len(districts), ("район", "района", "районов"), "", "districts/"),
        (len(library.recommendations), ("документ", "документа", "документов"),
         "методических рекомендаций", "recommendations/"),
        (len(library.digests), ("выпуск", "выпуска", "выпусков"), "дайджеста", "digests/"),
    ]
    return [Figure(plural(count, *words), about, url)
            for count, words, about, url in candidates if count > 0]


def used_topics(library: Library) -> list[tuple[str, int]]:
    """Topics with at least one practice, with their counts, in the registry's order."""
    counted = ((term.name, len(library.practices_with("topics", term.name)))
               for term in library.registry.vocabularies["topics"])
    return [(name, count) for name, count in counted if count > 0]


def featured(library: Library) -> tuple[list[Entry], list[Entry]]:
    """The newest recommended practices, and the newest of the others."""
    recommended = [p for p in library.practices if p.status is Status.RECOMMENDED]
    shown = recommended[:RECOMMENDED_SHOWN]
    # By identity: an entry's equality compares all its fields, thousands of times here.
    taken = {id(p) for p in shown}
    latest = [p for p in library.practices if id(p) not in taken][:LATEST_SHOWN]
    return shown, latest


def home_context(site: SiteBuilder) -> dict[str, Any]:
    recommended, latest = featured(site.library)
    return {"recommended": recommended, "latest": latest,
            "events": site.upcoming_events(EVENTS_SHOWN),
            "figures": figures(site.library), "topics": used_topics(site.library)}
