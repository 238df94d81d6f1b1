"""The Association as data: its projects (department, participants, forms of work, products),
the institute's support services, and what kind of organisation each member is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..diagnostics.problems import Problem
from .compound_fields import ListOf, Record
from .fields import Field, normalize, suggest
from .scalar_fields import Integer, Text, slug_id
from .term_fields import Choice, Reference

ORG_TYPES = ("школа", "детский сад", "дополнительное образование")
"""What a member organisation is; a member without `type` is a school."""
DIVISIONS = ("дошкольное отделение", "отделение дополнительного образования")
"""Divisions of a school that take part in the Association on their own."""


@dataclass(frozen=True)
class MemberGroup:
    """A group of the members listing: organisations of one type and divisions of that kind."""

    id: str
    """The anchor of the group on the listing."""
    title: str
    org_type: str
    division: str = ""


MEMBER_GROUPS = (
    MemberGroup("shkoly", "Школы", ORG_TYPES[0]),
    MemberGroup("doshkolnoe-otdelenie", "Дошкольное образование: детские сады и дошкольные "
                "отделения школ", ORG_TYPES[1], DIVISIONS[0]),
    MemberGroup("dopolnitelnoe-obrazovanie", "Дополнительное образование", ORG_TYPES[2],
                DIVISIONS[1]),
)

ORG_TYPE = Choice(
    "Тип организации: школа, детский сад или организация дополнительного образования. Если "
    "поле не заполнено, организация считается школой.", options=ORG_TYPES,
    label="тип организации")
DIVISION = Choice(
    "Отделение школы, которое участвует в Ассоциации отдельно, например дошкольное "
    "отделение: тогда школа показана и в группе дошкольного образования.",
    options=DIVISIONS, label="отделение")

PARTICIPANT = Record(
    "Школа — участник проекта.",
    fields={
        "school": Reference("Идентификатор школы из content/_data/schools.yml.", required=True,
                            target="schools"),
        "since": Integer("Год, с которого школа участвует в проекте: не раньше года её "
                         "вступления в Ассоциацию.", required=True, minimum=2018, maximum=2100),
    },
)

PROJECT_FIELDS: dict[str, Field] = {
    "department": Reference("Кафедра или центр института, через который идёт проект: "
                            "идентификатор из departments.yml.", required=True,
                            target="departments"),
    "participants": ListOf("Школы — участники проекта и год, с которого каждая в нём.",
                           item=PARTICIPANT),
    "forms": ListOf("Формы работы: проектные сессии, семинары, стажировки, вебинары …",
                    item=Text("", max_length=120)),
    "products": ListOf("Продукты проекта: программы, методические рекомендации, модели, "
                       "сборники …", item=Text("", max_length=300)),
}
"""The fields a project of projects.yml has besides id, name and description."""

SERVICE = Record(
    "Форма поддержки, которую институт оказывает школам Ассоциации.",
    fields={
        "id": slug_id("Латинский идентификатор, например nauchnoe-rukovodstvo."),
        "name": Text("Название по-русски, например «Научное руководство».", required=True,
                     max_length=120),
        "description": Text("Что получает школа, в двух-трёх предложениях.", required=True,
                            max_length=600),
        "department": Reference("Подразделение института, которое отвечает за эту форму "
                                "поддержки: идентификатор из departments.yml. Школы обращаются "
                                "по адресу почты и странице подразделения, а не к сотруднику.",
                                required=True, target="departments"),
        "how": Text("Как попросить о поддержке: что написать в обращении и когда её "
                    "оказывают.", max_length=400),
    },
)


class Department(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def email(self) -> str: ...

    @property
    def website(self) -> str: ...


class Member(Protocol):
    """What the Association needs of a member school (registries.School)."""

    @property
    def id(self) -> str: ...

    @property
    def member_since(self) -> int: ...


@dataclass(frozen=True)
class Participant:
    school: str
    since: int


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    description: str = ""
    department: str = ""
    participants: tuple[Participant, ...] = ()
    """In the order of the file."""
    forms: tuple[str, ...] = ()
    products: tuple[str, ...] = ()

    def joined(self) -> list[Participant]:
        """The participants, earliest first (the file's order among equals)."""
        return sorted(self.participants, key=lambda p: p.since)


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    description: str
    department: str
    how: str = ""


@dataclass
class Association:
    """The projects in the order of projects.yml and the services of services.yml."""

    projects: list[Project] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)

    def project(self, project_id: str) -> Project | None:
        return next((p for p in self.projects if p.id == project_id), None)

    def projects_of_school(self, school_id: str) -> list[tuple[Project, int]]:
        """The projects a school takes part in, with the year it joined each."""
        return [(p, part.since) for p in self.projects for part in p.participants
                if part.school == school_id]

    def __iter__(self) -> Iterator[Project]:
        return iter(self.projects)


def member_group(org_type: str, division: str) -> list[MemberGroup]:
    """The listing groups a member is in: its own type's, and its division's if it has one."""
    return [g for g in MEMBER_GROUPS
            if g.org_type == org_type or (division and g.division == division)]


def association_from(
    project_rows: list[dict[str, Any]], service_rows: list[dict[str, Any]],
    schools: Mapping[str, Member] | None, broken_schools: frozenset[str],
    departments: Iterable[Department] | None, shown: tuple[str, str],
) -> tuple[Association, list[Problem]]:
    """Projects and services of their files' valid rows, checked against the schools and
    departments; `shown` is how projects.yml and services.yml are named in messages.
    `schools` (`departments`) is None when schools.yml (departments.yml) could not be read:
    what refers to it is then not checked one by one (its own error says it once)."""
    by_id = {d.id: d for d in departments} if departments is not None else None
    problems: list[Problem] = []
    association = Association()
    for row in project_rows:
        found = [*_department_problems(row, by_id),
                 *(_participant_problems(row, schools, broken_schools)
                   if schools is not None else [])]
        problems += [p.located(shown[0], row["_line"], 1) for p in found]
        association.projects.append(Project(
            row["id"], row["name"], row.get("description") or "", row.get("department") or "",
            tuple(Participant(p["school"], p["since"]) for p in row.get("participants") or []),
            tuple(row.get("forms") or []), tuple(row.get("products") or [])))
    for row in service_rows:
        found = _department_problems(row, by_id, need_contact=True)
        problems += [p.located(shown[1], row["_line"], 1) for p in found]
        association.services.append(Service(row["id"], row["name"], row["description"],
                                             row["department"], row.get("how") or ""))
    return association, problems


def _department_problems(row: dict[str, Any], departments: Mapping[str, Department] | None,
                         need_contact: bool = False) -> list[Problem]:
    value = row.get("department")
    where = (row["_index"], "department")
    if not value or departments is None:
        return []
    department = departments.get(value)
    if department is None:
        return [Problem(
            "UnknownTerm",
            f"подразделения «{value}» нет в content/_data/departments.yml: укажите "
            "идентификатор кафедры или центра оттуда.",
            field=where, hint=suggest(value, list(departments)))]
    if need_contact and not (department.email or department.website):
        return [Problem(
            "ServiceWithoutContact",
            f"у подразделения «{value}» в departments.yml нет ни адреса почты (email), ни "
            "страницы на сайте (website): школе некуда обратиться за этой поддержкой.",
            field=where)]
    return []


def _participant_problems(row: dict[str, Any], schools: Mapping[str, Member],
                          broken: frozenset[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, participant in enumerate(row.get("participants") or []):
        school_id, since = participant["school"], participant["since"]
        where = (row["_index"], "participants", index)
        school = schools.get(school_id)
        if school_id in seen:
            problems.append(Problem(
                "DuplicateParticipant",
                f"школа «{school_id}» уже названа среди участников проекта (participants"
                f"[{seen[school_id]}]): у каждой школы одна запись с годом начала участия.",
                field=(*where, "school")))
            continue
        seen[school_id] = index
        if school is None and normalize(school_id) in broken:
            continue  # its row in schools.yml has an error, reported there
        if school is None:
            problems.append(Problem(
                "UnknownSchool",
                f"школы с идентификатором «{school_id}» нет в справочнике "
                "content/_data/schools.yml: участником проекта Ассоциации может быть только "
                "её член.", field=(*where, "school"), hint=suggest(school_id, list(schools))))
        elif since < school.member_since:
            problems.append(Problem(
                "JoinedProjectBeforeMembership",
                f"школа «{school_id}» указана участником проекта с {since} года, а в "
                f"Ассоциацию вступила в {school.member_since} году (member_since в "
                "schools.yml): проекты Ассоциации ведут её члены.",
                field=(*where, "since")))
    return problems


def division_problems(school_rows: list[dict[str, Any]], shown: str) -> list[Problem]:
    """A division of the same kind as the organisation itself says nothing: a kindergarten
    has no preschool division of its own in the Association."""
    problems = []
    for row in school_rows:
        org_type, division = row.get("type") or ORG_TYPES[0], row.get("division")
        if division and any(g.division == division and g.org_type == org_type
                            for g in MEMBER_GROUPS):
            problems.append(Problem(
                "RedundantDivision",
                f"у организации с типом «{org_type}» указано отделение «{division}»: оно "
                "совпадает с самой организацией. Уберите поле division или исправьте type.",
                field=(row["_index"], "division"),
            ).located(shown, row["_line"], 1))
    return problems
