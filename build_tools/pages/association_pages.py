"""The Association's own pages: a project's page, a school's projects, the members grouped by
kind of organisation, and «Об Ассоциации», all built from the registries."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..content.association import MEMBER_GROUPS, MemberGroup, Project, Service, member_group
from ..content.library import Entry, Library
from ..content.registries import School, Term, VocabularySpec
from ..content.russian import plural
from ..monitoring.site import by_group
from ..output.build_date import build_date
from . import innovation_pages
from .course_pages import digest_anchor

if TYPE_CHECKING:
    from .pages import PageSpec, SiteBuilder

ABOUT_SRC = "about/index.md"
ABOUT_URL = "about/"
ABOUT_TITLE = "Об Ассоциации"
ABOUT_DESCRIPTION = ("Ассоциация новых школ: школы-участницы по годам и районам, проекты и "
                     "формы поддержки, которые оказывает институт.")
PROJECTS = "projects"
"""The vocabulary whose term pages are project pages."""


@dataclass(frozen=True)
class Participation:
    school: School
    since: int


@dataclass(frozen=True)
class DigestMention:
    """A digest item that points to a project, on the issue that carries it."""

    digest: Entry
    item: dict[str, Any]

    @property
    def is_event(self) -> bool:
        return bool(self.item.get("event"))

    @property
    def anchor(self) -> str:
        """The item's id on the calendar page (an event) and on its issue's page (an event,
        or an item naming a course, an edition or this project)."""
        return digest_anchor(self.item)


@dataclass(frozen=True)
class ProjectView:
    """Everything a project's page shows besides its practices and recommendations."""

    project: Project
    department: Term | None
    participants: list[Participation]
    mentions: list[DigestMention]

    @property
    def events(self) -> list[DigestMention]:
        return [m for m in self.mentions if m.is_event]

    @property
    def news(self) -> list[DigestMention]:
        return [m for m in self.mentions if not m.is_event]


@dataclass(frozen=True)
class AboutLink:
    """One line of an «Об Ассоциации» section filled by another part of the site."""

    title: str
    url: str
    """Site-relative address of the thing's own page, e.g. "schools/kudrovo-gorizont/"."""
    note: str = ""


@dataclass(frozen=True)
class ServiceView:
    service: Service
    department: Term | None


def project_view(library: Library, project_id: str) -> ProjectView | None:
    registry = library.registry
    project = registry.association.project(project_id)
    if project is None:
        return None
    schools = registry.schools.items
    return ProjectView(
        project, registry.vocabularies["departments"].by_id(project.department),
        [Participation(schools[p.school], p.since) for p in project.joined()
         if p.school in schools],
        project_digest_items(library, project))


def project_digest_items(library: Library, project: Project) -> list[DigestMention]:
    """Digest items whose `project` field names this project (its name or its id), newest
    issue first.

    Digest items get their `project` field from the courses part of the Association's
    content; until a digest item carries one, the list is empty."""
    wanted = {project.name, project.id}
    return [DigestMention(digest, item) for digest in library.digests
            for rubric in digest.data.get("rubrics") or []
            for item in rubric.get("items") or []
            if item.get("project") in wanted]


def term_page_parts(library: Library, spec: VocabularySpec,
                    term: Term) -> tuple[str, str, dict[str, Any]]:
    """The header and footer templates of a term's page and what they need: a project gets
    its own page, every other term the plain one."""
    view = project_view(library, term.id) if spec.name == PROJECTS else None
    if view is None:
        return "_term_intro.html", "_term_footer.html", {}
    return "_project_intro.html", "_project_footer.html", {"project": view}


def school_projects(library: Library, school_id: str) -> list[tuple[Project, int]]:
    """The projects a school takes part in, with the year it joined, for its page."""
    return library.registry.association.projects_of_school(school_id)


def member_groups(schools: Iterable[School]) -> list[tuple[MemberGroup, list[School]]]:
    """The members listing's groups, each with its members in the registry's order; a school
    with a preschool division is also in the preschool group. Empty groups are left out."""
    found: dict[str, list[School]] = defaultdict(list)
    for school in schools:
        for group in member_group(school.type, school.division):
            found[group.id].append(school)
    return [(g, found[g.id]) for g in MEMBER_GROUPS if found[g.id]]


def members_by_year(schools: Iterable[School]) -> list[tuple[int, int, int]]:
    """(year, members who joined that year, members by the end of it), oldest year first."""
    joined = Counter(s.member_since for s in schools)
    rows, total = [], 0
    for year in sorted(joined):
        total += joined[year]
        rows.append((year, joined[year], total))
    return rows


def members_by_district(library: Library) -> list[tuple[Term, list[School]]]:
    schools = library.registry.schools
    return [(d, found) for d in library.registry.vocabularies["districts"]
            if (found := schools.in_district(d.name))]


def internship_sites_section(library: Library) -> list[AboutLink]:
    """The internship sites in force on the build date, one link per site on «Стажировочные
    площадки»."""
    day = build_date()
    schools = library.registry.schools
    return [AboutLink(f"{schools.get(s.school).short_name}: {s.theme}",
                      f"sites/#ploshchadka-{s.id}", f"{s.level} площадка до {s.until.year} г.")
            for s in library.registry.sites.sites if s.in_force(day)]


def networks_section(library: Library) -> list[AboutLink]:
    """The networks and partnerships in force on the build date, one link per network or
    pair on «Сети и партнёрства»."""
    day = build_date()
    return [AboutLink(n.name, f"networks/#set-{n.id}",
                      f"{n.type}, {plural(len(n.parties), 'участник', 'участника', 'участников')}")
            for n in library.registry.sites.networks if n.in_force(day)]


def services(library: Library) -> list[ServiceView]:
    departments = library.registry.vocabularies["departments"]
    return [ServiceView(s, departments.by_id(s.department))
            for s in library.registry.association.services]


def about_context(library: Library) -> dict[str, Any]:
    """What «Об Ассоциации» shows, every part read from the registries."""
    schools = list(library.registry.schools)
    return {
        "members": schools,
        "groups": member_groups(schools),
        "by_year": members_by_year(schools),
        "by_district": members_by_district(library),
        "projects": [v for p in library.registry.association
                     if (v := project_view(library, p.id)) is not None],
        "sites": internship_sites_section(library),
        "networks": networks_section(library),
        "services": services(library),
    }


def school_pages(site: SiteBuilder) -> Iterator[PageSpec]:
    """«Школы Ассоциации» by member group and district, and a page per member (paged)."""
    from .pages import PER_PAGE, PageSpec  # the builder's module imports this one
    schools = site.library.registry.schools
    districts = [(d, schools.in_district(d.name))
                 for d in site.library.registry.vocabularies["districts"]]
    yield PageSpec("schools/index.md", "Школы Ассоциации", site._render(
        "schools.html", "schools/", districts=[(d, s) for d, s in districts if s],
        groups=member_groups(schools)))
    for school in schools:
        yield from site.listing(
            f"schools/{school.id}", school.short_name,
            site.library.practices_of_school(school.id),
            header="_school_intro.html", footer="_school_footer.html",
            breadcrumb=("schools/", "Школы Ассоциации"), description=school.name,
            context={"school": school,
                     "projects": school_projects(site.library, school.id),
                     "innovations": innovation_pages.innovations_of_school(site.library,
                                                                           school.id),
                     # Newest first and capped: the page must not grow with the bank.
                     "adopted": site.library.practices_adopted_by(school.id),
                     "per_page": PER_PAGE,
                     "monitoring_groups": by_group(site.report.school_rows(school.id)),
                     "monitoring_periods": site.report.periods,
                     "monitoring_hidden": site.report.has_school_values(school.id)
                     and site.report.disclosure.school_values_note(
                         "значения показателей этой школы")})
