"""Innovation projects' pages and the timeline of plans, road maps and stages.

A project's page shows its stages as a timeline whose states (done, current, upcoming,
overdue) are those of the build date, `output/reproducible.build_time()`: a build with
SOURCE_DATE_EPOCH set always shows the same states.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..content.library import Entry, Library, newest_first
from ..content.normative_documents import NormativeDocument
from ..content.plan_fields import ACTORS
from ..content.registries import School
from ..content.timeline import RESULT_FIELDS, Phase, Step, StepState, dated, phase_of, row_states
from ..output.reproducible import build_time
from ..search.innovation_search import INNOVATION_FACETS

if TYPE_CHECKING:
    from .pages import PageSpec, SiteBuilder

INNOVATION_FOLDER = "innovation"
TIMELINE_URL = "timeline/"
TIMELINE_TITLE = "Сроки: текущие, ближайшие и просроченные шаги"
STEP_ANCHORS = {"stages": "etap-proekta", "plan": "meropriyatie", "roadmap": "etap-karty"}
"""Ids of the rows on entry pages, `<anchor>-<number>`: id_namespace.py reserves them."""
STEP_KINDS = {"stages": "этап инновационного проекта", "plan": "мероприятие плана",
              "roadmap": "этап дорожной карты"}
UPCOMING_SHOWN = 30
"""The timeline lists this many upcoming steps at most: the page must not grow without end."""


def today() -> dt.date:
    return build_time().date()


def innovations(library: Library) -> list[Entry]:
    return newest_first(library.of_type("innovation"))


def innovations_of_school(library: Library, school_id: str) -> list[Entry]:
    """The innovation projects a school takes part in, for its page, newest first."""
    return [e for e in innovations(library) if school_id in (e.data.get("schools") or [])]


@dataclass(frozen=True)
class StageView:
    number: int
    anchor: str
    row: dict[str, Any]
    state: StepState


def stage_views(entry: Entry, field: str, day: dt.date) -> list[StageView]:
    """Each dated row of `field` (stages, plan, roadmap) with its anchor and state."""
    rows = dated(entry.data.get(field) or [])
    states = row_states(entry.data, field, day)
    return [StageView(index + 1, f"{STEP_ANCHORS[field]}-{index + 1}", row, state)
            for (index, row), state in zip(rows, states, strict=True)]


def phase(entry: Entry, day: dt.date) -> Phase:
    return phase_of(row_states(entry.data, "stages", day))


def members(entry: Entry, library: Library) -> list[School]:
    schools = library.registry.schools
    return [schools.get(s) for s in entry.data.get("schools") or [] if schools.find(s)]


def legal_basis(entry: Entry, library: Library) -> list[NormativeDocument]:
    documents = library.registry.normative_documents
    return [d for i in entry.data.get("legal_basis") or [] if (d := documents.get(i))]


def recommendation_context(entry: Entry) -> dict[str, Any]:
    """What a recommendation's page needs for its plan and road map: rows with states."""
    day = today()
    return {"plan_rows": stage_views(entry, "plan", day),
            "roadmap_rows": stage_views(entry, "roadmap", day), "actors": ACTORS, "today": day}


def pages(site: SiteBuilder) -> Iterator[PageSpec]:
    """Every project's page, the projects' listing and the timeline page."""
    from .pages import PageSpec  # the builder's module imports this one

    day = today()
    entries = innovations(site.library)
    for entry in entries:
        yield site._entry_page(  # the one way entry pages are made and memoised
            entry, "innovation.html", stages=stage_views(entry, "stages", day),
            phase=phase(entry, day).value, schools=members(entry, site.library),
            documents=legal_basis(entry, site.library), today=day)
    items = [{"entry": e, "phase": phase(e, day).value, "schools": members(e, site.library)}
             for e in entries]
    yield PageSpec(f"{INNOVATION_FOLDER}/index.md", "Инновационные проекты", _render(
        site, "innovations.html", f"{INNOVATION_FOLDER}/", items=items, today=day,
        facets=list(INNOVATION_FACETS)),
        description="Инновационные проекты школ Ассоциации: цели, этапы, научное "
                    "руководство, статус инновационной площадки.")
    yield PageSpec(TIMELINE_URL + "index.md", TIMELINE_TITLE, _render(
        site, "timeline.html", TIMELINE_URL, today=day, **timeline(site.library, day)),
        description="Этапы инновационных проектов, мероприятия планов и этапы дорожных "
                    "карт: что идёт сейчас, что предстоит и что просрочено.")


def _render(site: SiteBuilder, template: str, url: str, **context: Any) -> str:
    """As the builder renders its pages, with this page's own filter groups."""
    return site.renderer.render(template, url, site=site, library=site.library, **context)


def steps(library: Library) -> list[Step]:
    """Every dated step of every published project and recommendation."""
    found = []
    sources = [(e, "stages") for e in innovations(library)]
    sources += [(e, f) for e in library.recommendations for f in ("plan", "roadmap")]
    for entry, field in sources:
        title_key = {"stages": "title", "plan": "activity", "roadmap": "stage"}[field]
        for index, row in dated(entry.data.get(field) or []):
            title = str(row[title_key])
            if field != "plan":  # a stage's name alone («Подготовительный») says little
                title = f"Этап {index + 1}. {title}"
            found.append(Step(
                title, row["start"], row["end"],
                bool(row.get(RESULT_FIELDS[field])), STEP_KINDS[field], entry.title,
                f"{entry.url}#{STEP_ANCHORS[field]}-{index + 1}"))
    return found


def timeline(library: Library, day: dt.date) -> dict[str, Any]:
    """The timeline page's groups: overdue (oldest first), current, then upcoming."""
    by_state: dict[StepState, list[Step]] = {state: [] for state in StepState}
    for step in steps(library):
        by_state[step.state(day)].append(step)
    upcoming = sorted(by_state[StepState.UPCOMING], key=lambda s: (s.start, s.title))
    return {
        "overdue": sorted(by_state[StepState.OVERDUE], key=lambda s: (s.end, s.title)),
        "current": sorted(by_state[StepState.CURRENT], key=lambda s: (s.end, s.title)),
        "upcoming": upcoming[:UPCOMING_SHOWN],
        "more_upcoming": max(0, len(upcoming) - UPCOMING_SHOWN),
        "done": len(by_state[StepState.DONE]),
    }
