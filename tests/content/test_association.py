"""Projects, member types and support services as the institute edits them in content/_data/:
read into typed records, every inconsistency a located problem with its exact message."""

from __future__ import annotations

from pathlib import Path

from build_tools.content.association import MEMBER_GROUPS, member_group
from build_tools.content.registries import load_registry
from build_tools.diagnostics.problems import Problem
from tests.helpers import ROOT

DATA = "content/_data"


def edit(project: Path, name: str, find: str, replace: str) -> None:
    path = project / DATA / name
    text = path.read_text(encoding="utf-8")
    assert find in text, f"«{find}» not in {name}"
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")


def line_of(project: Path, name: str, text: str) -> int:
    lines = (project / DATA / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def problems_of(project: Path) -> list[Problem]:
    return load_registry(project / "content", project)[1]


def test_the_sample_projects_have_departments_participants_forms_and_products() -> None:
    registry, problems = load_registry(ROOT / "content", ROOT)
    assert problems == []
    projects = registry.association.projects
    assert len(projects) == 5
    formula = registry.association.project("formula-novoy-shkoly")
    assert formula is not None and formula.department == "kafedra-upravleniya"
    assert [(p.school, p.since) for p in formula.joined()][:2] == [
        ("gatchina-mayak", 2020), ("kudrovo-gorizont", 2021)]
    assert formula.forms and formula.products
    assert sum(1 for p in projects if len(p.participants) >= 3) >= 3
    assert [(p.id, year) for p, year in registry.association.projects_of_school(
        "murino-ekvator")] == [("formula-novoy-shkoly", 2023),
                               ("shkola-druzhestvennaya-detyam", 2023)]
    # The vocabulary of practices' `project` field is the same file.
    assert registry.vocabularies["projects"].find("Капсула времени") == "Капсула времени"


def test_the_sample_services_name_a_department_to_write_to() -> None:
    registry, _ = load_registry(ROOT / "content", ROOT)
    services = registry.association.services
    assert [s.id for s in services][:2] == ["nauchnoe-rukovodstvo", "nauchnoe-konsultirovanie"]
    departments = {t.id: t for t in registry.vocabularies["departments"]}
    assert all(departments[s.department].email for s in services)


def test_members_have_an_organisation_type_and_a_division() -> None:
    registry, _ = load_registry(ROOT / "content", ROOT)
    schools = {s.id: s for s in registry.schools}
    assert schools["kudrovo-gorizont"].type == "школа"  # no `type`: a school
    assert schools["murino-solnechny-krug"].type == "детский сад"
    assert schools["gorbunki-sozidanie"].division == "дошкольное отделение"
    preschool = MEMBER_GROUPS[1]
    assert member_group("детский сад", "") == [preschool]
    assert member_group("школа", "дошкольное отделение") == [MEMBER_GROUPS[0], preschool]


def test_participants_are_members_once_and_not_before_they_joined(project: Path) -> None:
    edit(project, "projects.yml", "    - school: kudrovo-gorizont\n      since: 2021",
         "    - school: kudrovo-gorizont\n      since: 2019")
    edit(project, "projects.yml", "    - school: luga-luch\n", "    - school: luga-lutch\n")
    edit(project, "projects.yml", "    - school: novoselye-ostrov\n      since: 2025",
         "    - school: kingisepp-istok\n      since: 2025")
    line = line_of(project, "projects.yml", "- id: formula-novoy-shkoly")
    found = [p.render() for p in problems_of(project)]
    second = line_of(project, "projects.yml", "- id: soberi-svoyu-shkolu")
    assert found == [
        f"content/_data/projects.yml:{line}:1: [0].participants[1].since: школа "
        "«kudrovo-gorizont» указана участником проекта с 2019 года, а в Ассоциацию вступила "
        "в 2021 году (member_since в schools.yml): проекты Ассоциации ведут её члены. "
        "[JoinedProjectBeforeMembership]",
        f"content/_data/projects.yml:{line}:1: [0].participants[4].school: школы с "
        "идентификатором «luga-lutch» нет в справочнике content/_data/schools.yml: "
        "участником проекта Ассоциации может быть только её член. Возможно, вы имели в виду "
        "«luga-luch». [UnknownSchool]",
        f"content/_data/projects.yml:{second}:1: [1].participants[2].school: школа "
        "«kingisepp-istok» уже названа среди участников проекта (participants[0]): у каждой "
        "школы одна запись с годом начала участия. [DuplicateParticipant]",
    ]


def test_a_project_without_a_known_department_is_reported(project: Path) -> None:
    edit(project, "projects.yml", "  department: kafedra-pedagogiki-i-psihologii\n",
         "  department: kafedra-pedagogiki\n")
    line = line_of(project, "projects.yml", "- id: shkola-druzhestvennaya-detyam")
    edit(project, "projects.yml", "  department: kafedra-upravleniya\n", "")
    found = [p.render() for p in problems_of(project)]
    assert found == [
        "content/_data/projects.yml:2:3: [0].department: не заполнено обязательное поле "
        "«department» (Кафедра или центр института, через который идёт проект: идентификатор из "
        "departments.yml). [MissingField]",
        f"content/_data/projects.yml:{line - 1}:1: [3].department: подразделения "
        "«kafedra-pedagogiki» нет в content/_data/departments.yml: укажите идентификатор "
        "кафедры или центра оттуда. Возможно, вы имели в виду "
        "«kafedra-pedagogiki-i-psihologii». [UnknownTerm]",
    ]


def test_a_service_needs_a_department_schools_can_write_to(project: Path) -> None:
    edit(project, "departments.yml", "  email: inklyuziya@institute.example\n"
         "  website: https://institute.example/kafedra-obshchego-i-spetsialnogo/\n", "")
    edit(project, "services.yml", "  department: kafedra-pedagogiki-i-psihologii\n",
         "  department: kafedra-obshchego-i-spetsialnogo\n")
    line = line_of(project, "services.yml", "- id: nauchnoe-konsultirovanie")
    found = [p.render() for p in problems_of(project)]
    assert found == [
        f"content/_data/services.yml:{line}:1: [1].department: у подразделения "
        "«kafedra-obshchego-i-spetsialnogo» в departments.yml нет ни адреса почты (email), ни "
        "страницы на сайте (website): школе некуда обратиться за этой поддержкой. "
        "[ServiceWithoutContact]",
    ]


def test_a_division_like_the_organisation_itself_and_an_unknown_type(project: Path) -> None:
    edit(project, "schools.yml", "  type: детский сад\n",
         "  type: детский сад\n  division: дошкольное отделение\n")
    edit(project, "schools.yml", "  type: дополнительное образование\n",
         "  type: колледж\n")
    line = line_of(project, "schools.yml", "- id: murino-solnechny-krug")
    kvantik = line_of(project, "schools.yml", "  type: колледж")
    found = [p.render() for p in problems_of(project)]
    assert found[0] == (
        f"content/_data/schools.yml:{kvantik}:9: [20].type: неизвестное значение «колледж» "
        "(тип организации). Допустимые значения: школа, детский сад, дополнительное "
        "образование. [UnknownTerm]")
    assert found[-1] == (
        f"content/_data/schools.yml:{line}:1: [19].division: у организации с типом «детский "
        "сад» указано отделение «дошкольное отделение»: оно совпадает с самой организацией. "
        "Уберите поле division или исправьте type. [RedundantDivision]")


def test_services_are_optional(project: Path) -> None:
    (project / DATA / "services.yml").unlink()
    registry, problems = load_registry(project / "content", project)
    assert problems == [] and registry.association.services == []
