"""What search and the listing's filters know about an innovation project."""

from __future__ import annotations

import datetime as dt

from ..content.library import Entry, Library
from ..content.timeline import phase_of, row_states
from ..output.reproducible import build_time

NO_SITE = "без статуса площадки"

INNOVATION_FACETS: tuple[dict[str, str], ...] = (
    {"key": "district", "label": "Район"},
    {"key": "school", "label": "Школа"},
    {"key": "phase", "label": "Ход проекта"},
    {"key": "site", "label": "Статус площадки"},
    {"key": "topic", "label": "Тема"},
)
"""The filter groups of the innovation projects' listing, in display order, as the search
browser reads them (the bank's own groups are `search_data.FACETS`)."""


def innovation_filters(entry: Entry, library: Library,
                       today: dt.date | None = None) -> dict[str, list[str]]:
    """Filter values of one project; its phase as of the build date."""
    schools = library.registry.schools
    members = [schools.get(s) for s in entry.data.get("schools") or [] if schools.find(s)]
    site = (entry.data.get("innovation_site") or {}).get("status")
    day = today or build_time().date()
    return {
        "district": list(dict.fromkeys(s.district for s in members)),
        "school": [s.short_name for s in members],
        "phase": [phase_of(row_states(entry.data, "stages", day)).value],
        "site": [site or NO_SITE],
    }


def innovation_source(entry: Entry, library: Library) -> str:
    """The schools of a project, as a search result names its source."""
    schools = library.registry.schools
    return ", ".join(schools.get(s).short_name for s in entry.data.get("schools") or []
                     if schools.find(s))
