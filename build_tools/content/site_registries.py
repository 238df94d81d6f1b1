"""The registries of internship sites, partner organisations and networks (content/_data/).

Declared once, with a Russian doc per field; each row is checked like every registry row, then
against the rules of one registry (a site of a school that is not a member, a term that ends
before it starts, a partnership with one party …). Rules that need the bank's practices live
in checks/site_checks.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics.problems import Problem
from .compound_fields import ListOf, Record
from .content_types import DOCUMENT_TYPES
from .fields import CheckContext, Checked, Vocabulary
from .personal_data import find_contacts
from .registries import Registry, Rows, _duplicates, display_path, read_rows
from .scalar_fields import Date, FilePath, Integer, Text, Url, slug_id
from .site_model import (
    NETWORK_TYPES,
    PAIR_ROLES,
    PARTNER_KINDS,
    PROGRAMME_FORMATS,
    SITE_LEVELS,
    InternshipSite,
    Network,
    Partner,
    Party,
    Programme,
    SiteRegistries,
)
from .term_fields import Choice, Reference
from .term_fields import Term as TermField

SITES_FILE, PARTNERS_FILE, NETWORKS_FILE = "internship_sites.yml", "partners.yml", "networks.yml"
FILES = (SITES_FILE, PARTNERS_FILE, NETWORKS_FILE)
AGREEMENTS_DIR = "partnerships"
"""The folder of content/ that holds the agreements networks.yml names; published with them."""


@dataclass(frozen=True)
class _AtContentRoot:
    """A check context whose "page" is content/ itself: paths are written from there."""

    inner: CheckContext

    def vocabulary(self, name: str) -> Vocabulary:
        return self.inner.vocabulary(name)

    @property
    def file_path(self) -> Path:
        return self.inner.content_root / "_"

    @property
    def content_root(self) -> Path:
        return self.inner.content_root


@dataclass(frozen=True)
class AgreementFile(FilePath):
    """A document in content/partnerships/, written from content/: partnerships/x.pdf."""

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        path, problems = super().check(value, _AtContentRoot(ctx))
        if path is not None and not str(path).startswith(f"{AGREEMENTS_DIR}/"):
            return None, [Problem(
                "AgreementOutsideFolder",
                f"файл договора «{value}» должен лежать в папке content/{AGREEMENTS_DIR}/: "
                f"напишите путь от папки content/, например {AGREEMENTS_DIR}/dogovor.pdf.")]
        return path, problems

    def rule(self, vocabularies: Any) -> str:
        return (f"Путь от папки content/, файл в папке {AGREEMENTS_DIR}/ "
                f"({', '.join(self.extensions)}).")


INTERNSHIP_SITE = Record(
    "Стажировочная площадка: школа Ассоциации, у которой есть решение о статусе.",
    fields={
        "id": slug_id("Латинский идентификатор записи, например mayak-nastavnichestvo-2023."),
        "school": Reference("Школа-площадка: идентификатор из schools.yml.", required=True,
                            target="schools"),
        "level": Choice("Уровень площадки: муниципальная (решение района) или региональная "
                        "(решение области).", required=True, options=SITE_LEVELS,
                        label="уровень площадки"),
        "theme": Text("Тема площадки: чему учатся стажёры.", required=True, max_length=300),
        "topics": ListOf("Темы из словаря тем (topics.yml): по ним площадки фильтруются.",
                         item=TermField("", vocabulary="topics")),
        "since": Date("Первый день статуса площадки.", required=True, example="2025-09-01"),
        "until": Date("Последний день статуса по решению.", required=True,
                      example="2028-08-31"),
        "decision": Record("Решение о присвоении статуса.", required=True, fields={
            "document": Text("Вид, орган и номер документа, например «Распоряжение комитета "
                             "образования № 412-р».", required=True, max_length=300),
            "date": Date("Дата документа.", required=True),
        }),
        "programme": Record("Программа стажировки.", required=True, fields={
            "hours": Integer("Объём программы в часах.", required=True, minimum=1,
                             maximum=500),
            "format": Choice("Очно, дистанционно или очно и дистанционно.", required=True,
                             options=PROGRAMME_FORMATS, label="формат стажировки"),
            "audience": ListOf("Для кого стажировка: адресаты из audiences.yml.",
                               required=True, min_items=1,
                               item=TermField("", vocabulary="audiences")),
            "capacity": Integer("Сколько стажёров принимает одна стажировка.", minimum=1,
                                maximum=1000),
        }),
        "practices": ListOf("Практики школы из банка, которые показывают стажёрам: имена "
                            "файлов без .md.", item=Reference("", target="practice")),
        "description": Text("Что увидят и сделают стажёры, в 1–3 предложениях.",
                            max_length=1000),
    },
)

PARTNER = Record(
    "Организация-партнёр, которая не входит в Ассоциацию (вуз, музей, предприятие …).",
    fields={
        "id": slug_id("Латинский идентификатор: его пишут в сторонах сети (partner)."),
        "name": Text("Название организации.", required=True, max_length=300),
        "kind": Choice("Тип организации.", required=True, options=PARTNER_KINDS,
                       label="тип организации"),
        "website": Url("Официальный сайт организации (https://…).", max_length=300),
    },
)

PARTY = Record("Сторона сети или договора: школа или организация-партнёр, одно из двух.",
               fields={
                   "school": Reference("Школа Ассоциации: идентификатор из schools.yml.",
                                       target="schools"),
                   "partner": Reference("Организация-партнёр: идентификатор из partners.yml.",
                                        target="partners"),
                   "role": Choice("Роль школы в паре «сильная школа — школа с низкими "
                                  "результатами».", options=PAIR_ROLES, label="роль в паре"),
               })

NETWORK = Record(
    "Сеть школ или договор о партнёрстве (двусторонний или многосторонний).",
    fields={
        "id": slug_id("Латинский идентификатор сети, например set-vsevolozhsk-nastavniki."),
        "name": Text("Название сети или договора.", required=True, max_length=300),
        "type": Choice("Вид сети или партнёрства.", required=True, options=NETWORK_TYPES,
                       label="вид сети"),
        "parties": ListOf("Стороны: не меньше двух школ и (или) организаций.", required=True,
                          item=PARTY),
        "since": Date("Дата начала (подписания договора).", required=True),
        "until": Date("Дата окончания; пусто — бессрочно."),
        "agreement": AgreementFile("Договор или соглашение: файл в папке content/"
                                   f"{AGREEMENTS_DIR}/, путь от папки content/.",
                                   extensions=DOCUMENT_TYPES),
        "coordinator": Text("Кто координирует: роль или орган («методист районного "
                            "методического кабинета»), без имён, телефонов и почты.",
                            required=True, max_length=200),
        "description": Text("Цель и содержание сотрудничества, в 1–3 предложениях.",
                            max_length=1000),
    },
)


def load_site_registries(registry: Registry, data_dir: Path, root: Path,
                         display_root: Path) -> tuple[SiteRegistries, list[Problem]]:
    """Read the three files (each optional: a site without them has no sites or networks)."""
    problems: list[Problem] = []
    found = SiteRegistries()
    rows = _rows(data_dir / SITES_FILE, INTERNSHIP_SITE, registry, root, display_root, problems)
    shown = found.sites_file = display_path(data_dir / SITES_FILE, display_root)
    for row in rows:
        site = _site(row)
        row_problems = _site_problems(site, registry)
        problems += [p.located(shown, row["_line"], 1) for p in row_problems]
        if not row_problems:
            found.sites.append(site)
    problems += _overlaps(found.sites, rows, shown)
    rows = _rows(data_dir / PARTNERS_FILE, PARTNER, registry, root, display_root, problems)
    for row in rows:
        found.partners.setdefault(row["id"], Partner(row["id"], row["name"], row["kind"],
                                                     row["website"] or ""))
    rows = _rows(data_dir / NETWORKS_FILE, NETWORK, registry, root, display_root, problems)
    shown = display_path(data_dir / NETWORKS_FILE, display_root)
    for row in rows:
        network = _network(row)
        row_problems = _network_problems(network, row["_index"], registry, found)
        problems += [p.located(shown, row["_line"], 1) for p in row_problems]
        if not row_problems:
            found.networks.append(network)
    return found, problems


def _rows(path: Path, record: Record, registry: Registry, root: Path, display_root: Path,
          problems: list[Problem]) -> Rows:
    if not path.is_file():
        return Rows()
    rows = read_rows(path, record, registry, root, display_root, problems)
    problems.extend(_duplicates(rows, ("id",), display_path(path, display_root)))
    return rows


def _site(row: dict[str, Any]) -> InternshipSite:
    programme = row["programme"]
    return InternshipSite(
        row["id"], row["school"], row["level"], row["theme"], row["since"], row["until"],
        row["decision"]["document"], row["decision"]["date"],
        Programme(programme["hours"], programme["format"], tuple(programme["audience"]),
                  programme["capacity"]),
        tuple(row["topics"]), tuple(row["practices"]), row["description"] or "",
        index=row["_index"], line=row["_line"])


def _site_problems(site: InternshipSite, registry: Registry) -> list[Problem]:
    where = (site.index,)
    problems = []
    schools = registry.schools
    if schools.available and schools.find(site.school) is None and not schools.is_broken(
            site.school):
        problems.append(Problem(
            "SiteSchoolNotMember",
            f"школы «{site.school}» нет в content/_data/schools.yml: стажировочной площадкой "
            "может быть только школа Ассоциации.", field=(*where, "school")))
    if site.until < site.since:
        problems.append(_reversed(site.since, site.until, (*where, "until")))
    if site.decision_date > site.since:
        problems.append(Problem(
            "SiteDecisionAfterStart",
            f"решение о статусе принято {site.decision_date:%d.%m.%Y}, позже начала статуса "
            f"({site.since:%d.%m.%Y}): статус начинается не раньше решения.",
            field=(*where, "decision", "date")))
    return problems


def _reversed(since: dt.date, until: dt.date, where: tuple[Any, ...]) -> Problem:
    return Problem(
        "PeriodReversed",
        f"срок заканчивается ({until:%Y-%m-%d}) раньше, чем начинается ({since:%Y-%m-%d}).",
        field=where)


def _overlaps(sites: list[InternshipSite], rows: Rows, shown: str) -> list[Problem]:
    """Two records of one school may follow each other, not overlap: the status is one."""
    problems = []
    by_school: dict[str, list[InternshipSite]] = {}
    for site in sorted(sites, key=lambda s: (s.since, s.index)):
        for earlier in by_school.get(site.school, []):
            if site.since <= earlier.until:
                problems.append(Problem(
                    "SiteOverlap",
                    f"срок площадки «{site.id}» начинается ({site.since:%Y-%m-%d}) до конца "
                    f"срока площадки «{earlier.id}» той же школы ({earlier.until:%Y-%m-%d}): "
                    "у школы один статус в каждый день.", field=(site.index, "since"),
                ).located(shown, site.line, 1))
        by_school.setdefault(site.school, []).append(site)
    return problems


def _network(row: dict[str, Any]) -> Network:
    parties = tuple(Party(p["school"] or "", p["partner"] or "", p["role"] or "")
                    for p in row["parties"])
    return Network(row["id"], row["name"], row["type"], parties, row["since"], row["until"],
                   row["agreement"] or "", row["coordinator"], row["description"] or "",
                   index=row["_index"], line=row["_line"])


def _network_problems(network: Network, index: int, registry: Registry,
                      found: SiteRegistries) -> list[Problem]:
    where: tuple[Any, ...] = (index,)
    problems = []
    for number, party in enumerate(network.parties):
        at = (*where, "parties", number)
        if bool(party.school) == bool(party.partner):
            problems.append(Problem(
                "BadParty",
                "у стороны должно быть ровно одно из полей: school (школа Ассоциации) или "
                "partner (организация из partners.yml).", field=at))
        elif party.school and registry.schools.available and registry.schools.find(
                party.school) is None and not registry.schools.is_broken(party.school):
            problems.append(Problem(
                "UnknownParty", f"школы «{party.school}» нет в content/_data/schools.yml.",
                field=(*at, "school")))
        elif party.partner and party.partner not in found.partners:
            problems.append(Problem(
                "UnknownParty",
                f"организации «{party.partner}» нет в content/_data/partners.yml: добавьте её "
                "туда или исправьте идентификатор.", field=(*at, "partner")))
    if len(network.parties) < 2:
        problems.append(Problem(
            "PartnershipOneParty",
            f"у сети или договора «{network.name}» одна сторона: нужны хотя бы две школы "
            "или организации.", field=(*where, "parties")))
    elif network.is_pair:
        roles = sorted(p.role for p in network.parties if p.school)
        if len(network.parties) != 2 or roles != sorted(("сильная школа",
                                                         "школа с низкими результатами")):
            problems.append(Problem(
                "PairComposition",
                "в паре «сильная школа — школа с низкими результатами» ровно две стороны, "
                "обе школы Ассоциации: у одной role: сильная школа, у другой role: школа с "
                "низкими результатами.", field=(*where, "parties")))
    if network.until is not None and network.until < network.since:
        problems.append(_reversed(network.since, network.until, (*where, "until")))
    contacts = [contact for _, contact in find_contacts(network.coordinator)]
    if contacts:
        problems.append(Problem(
            "CoordinatorContact",
            f"в поле coordinator есть контакт «{contacts[0]}»: укажите роль или орган, "
            "который координирует сеть, без телефонов и адресов почты (152-ФЗ).",
            field=(*where, "coordinator")))
    return problems
