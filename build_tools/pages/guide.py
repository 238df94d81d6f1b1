"""The editors' guide «Как предложить практику»: field tables, templates and the error catalogue.

Everything here is derived from the content-type declarations, the vocabularies and the error
catalogue, so the published guide cannot drift from what the validator checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..authoring.scaffold import render
from ..authoring.schemas import registry_records
from ..content.compound_fields import ListOf, Record
from ..content.content_types import CONTENT_TYPES, ContentType, Status
from ..content.fields import Field, Vocabulary
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
    example = "" if spec.example is None else str(spec.example)
    if isinstance(spec, ListOf) and isinstance(spec.item, Record):
        rule = "Список; поля каждого элемента — в строках ниже."
    else:
        rule = spec.rule(vocabularies)
    return FieldRow(name, len(path) - 1, spec.required, spec.doc, rule, example)
