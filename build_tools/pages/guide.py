"""The editors' guide «Как предложить практику»: field tables, templates and the error catalogue.

Everything here is derived from the content-type declarations, the vocabularies and the error
catalogue, so the published guide cannot drift from what the validator checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..authoring.scaffold import render
from ..authoring.schemas import registry_records
from ..content.compound_fields import ListOf, Record
from ..content.content_types import CONTENT_TYPES, ContentType, Status
from ..content.fields import Field, Vocabulary
from ..content.schools import Schools
from ..content.term_fields import Reference
from ..diagnostics.catalogue import CATALOGUE, Explanation
from ..diagnostics.problems import FieldPath
from .render import normalize_site_url

GUIDE_SRC = "guide/index.md"
GUIDE_URL = "guide/"
GUIDE_TITLE = "Как предложить практику"
ERRORS_ANCHOR = "oshibki"


@dataclass(frozen=True)
class FieldRow:
    name: str
    """As written in a problem's field label: authors[].name."""
    depth: int
    required: bool
    doc: str
    rule: str
    example: str
    schools: bool = False
    """The value is a school's id: the guide links to the table of ids with names."""


@dataclass(frozen=True)
class TypeGuide:
    content_type: ContentType
    rows: list[FieldRow]
    template: str
    """The empty template, as `kb new` writes it, for copying."""

    @property
    def command(self) -> str:
        if self.content_type.name == "digest":
            return "kb new digest 2026-12"
        if self.content_type.name == "conference":
            return "kb new conference 2027"
        return f'kb new {self.content_type.name} "Название"'


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    explanation: Explanation


def guide_address(site_url: str) -> str:
    """Where editors read what each problem code means: the published site, or the preview."""
    base = normalize_site_url(site_url) or "http://127.0.0.1:8000/"
    where = f"{base}{GUIDE_URL}#{ERRORS_ANCHOR}"
    return where if site_url else f"{where} (после запуска kb serve)"


def type_guides(vocabularies: Mapping[str, Vocabulary]) -> list[TypeGuide]:
    return [
        TypeGuide(t, field_rows(t.record, vocabularies),
                  render(t, {"status": Status.DRAFT.value}, vocabularies))
        for t in CONTENT_TYPES
    ]


@dataclass(frozen=True)
class RegistryGuide:
    """The fields of one registry of content/_data/ that editors of the Association keep."""

    file: str
    title: str
    anchor: str
    rows: list[FieldRow]
    used_for: str = "Страница «Об Ассоциации» и страницы проектов и школ строятся из него."


def registry_guides(vocabularies: Mapping[str, Vocabulary]) -> list[RegistryGuide]:
    """The registries the Association's editors keep, with the declared record of a row."""
    records = registry_records()
    return [
        RegistryGuide(file, title, anchor, field_rows(records[file], vocabularies), *used_for)
        for file, title, anchor, *used_for in (
            ("projects.yml", "Проекты Ассоциации", "spravochnik-proektov"),
            ("schools.yml", "Участники Ассоциации", "spravochnik-shkol"),
            ("services.yml", "Формы поддержки школ", "spravochnik-podderzhki"),
            ("internship_sites.yml", "Стажировочные площадки", "spravochnik-ploshchadok",
             "Из него строятся страница «Стажировочные площадки», статус площадки на "
             "странице школы, лента решений и списки мониторинга."),
            ("partners.yml", "Организации-партнёры", "spravochnik-partnerov",
             "Партнёры, которые не входят в Ассоциацию: на них ссылаются сети и договоры."),
            ("networks.yml", "Сети и партнёрства", "spravochnik-setey",
             "Из него строятся страница «Сети и партнёрства» и раздел партнёров на "
             "страницах школ."),
            ("normative_documents.yml", "Нормативные документы", "spravochnik-dokumentov",
             "На документы из него ссылается нормативная база инновационных проектов "
             "(поле legal_basis)."),
        )
    ]


def field_rows(record: Record, vocabularies: Mapping[str, Vocabulary]) -> list[FieldRow]:
    return [_row(path, spec, vocabularies) for path, spec in record.walk()]


def catalogue_entries() -> list[CatalogueEntry]:
    """Every catalogue entry, ordered by code so that an editor finds one quickly."""
    return [CatalogueEntry(code, CATALOGUE[code]) for code in sorted(CATALOGUE)]


def _row(path: FieldPath, spec: Field, vocabularies: Mapping[str, Vocabulary]) -> FieldRow:
    name = "[].".join(str(part) for part in path)
    example = spec.example_text()
    inner = spec.item if isinstance(spec, ListOf) else spec
    schools = isinstance(inner, Reference) and inner.target == "schools"
    if isinstance(spec, ListOf) and isinstance(spec.item, Record):
        rule = "Список; поля каждого элемента — в строках ниже."
    elif schools:  # not a bare list of ids: the table of schools below gives their names
        rule = ("Список в квадратных скобках через запятую. " if inner is not spec else "") + \
            school_rule(vocabularies)
    else:
        rule = spec.rule(vocabularies)
    return FieldRow(name, len(path) - 1, spec.required, spec.doc, rule, example, schools)


# ---------------------------------------------------------------------- schools, preview

SCHOOLS_ANCHOR = "identifikatory-shkol"
QUICK_ANCHOR = "za-5-shagov"


@dataclass(frozen=True)
class SchoolId:
    id: str
    short_name: str
    name: str
    district: str


def school_ids(vocabularies: Mapping[str, Vocabulary]) -> list[SchoolId]:
    """The member schools with the ids editors write, in the registry's order."""
    schools = vocabularies.get("schools")
    return [SchoolId(s.id, s.short_name, s.name, s.district)
            for s in (schools if isinstance(schools, Schools) else ())]


def school_rule(vocabularies: Mapping[str, Vocabulary]) -> str:
    """A school field's rule: the id, with one example named, not forty bare ids."""
    first = school_ids(vocabularies)[:1]
    example = f", например {first[0].id} — это {first[0].short_name}" if first else ""
    return (f"Идентификатор школы из content/_data/schools.yml{example}. Все школы с их "
            "идентификаторами — в таблице «Школы и их идентификаторы».")


def preview_address(site_url: str) -> str:
    """Where `kb serve` shows the site: its own host, the path of site_url (e.g. /bank/)."""
    return "http://127.0.0.1:8000" + (urlsplit(site_url).path or "/")


def guide_extras(vocabularies: Mapping[str, Vocabulary], site_url: str) -> dict[str, object]:
    """The guide's context besides the field tables: the schools' ids, the preview address."""
    return {"schools": school_ids(vocabularies), "schools_anchor": SCHOOLS_ANCHOR,
            "quick_anchor": QUICK_ANCHOR, "preview": preview_address(site_url)}
