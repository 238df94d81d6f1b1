"""The registry of normative documents that innovation projects name as their legal basis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .compound_fields import Record
from .fields import normalize
from .russian import format_date
from .scalar_fields import Date, Text, Url, slug_id
from .term_fields import Choice

NORMATIVE_FILE = "normative_documents.yml"

NORMATIVE_KINDS = (
    "указ", "федеральный закон", "закон субъекта", "постановление", "распоряжение", "приказ",
    "письмо", "положение", "решение",
)
"""Kinds of act, as a citation names them («приказом … от … № …»)."""

NORMATIVE_DOCUMENT = Record(
    "Нормативный документ: закон, указ, постановление, приказ, распоряжение.",
    fields={
        "id": slug_id("Латинский идентификатор: так документ называют в поле legal_basis "
                      "инновационного проекта, например fz-273."),
        "kind": Choice("Вид документа.", required=True, options=NORMATIVE_KINDS,
                       label="вид документа", example="федеральный закон"),
        "issuer": Text("Кто принял документ, например «Министерство просвещения Российской "
                       "Федерации»; для федерального закона можно не писать.", max_length=250),
        "number": Text("Номер документа, как он написан в реквизитах, например 273-ФЗ.",
                       required=True, max_length=60, example="273-ФЗ"),
        "date": Date("Дата принятия или подписания.", required=True, example="2012-12-29"),
        "title": Text("Название без кавычек-«ёлочек», например «Об образовании в Российской "
                      "Федерации».", required=True, max_length=400),
        "url": Url("Официальный текст документа (https://…), например на "
                   "publication.pravo.gov.ru; необязательно.", max_length=300),
    },
)


@dataclass(frozen=True)
class NormativeDocument:
    id: str
    kind: str
    number: str
    date: dt.date
    title: str
    issuer: str = ""
    url: str = ""

    @property
    def citation(self) -> str:
        """«Федеральный закон от 29 декабря 2012 г. № 273-ФЗ «Об образовании…»»."""
        issuer = f" ({self.issuer})" if self.issuer else ""
        return (f"{self.kind[:1].upper()}{self.kind[1:]}{issuer} от {format_date(self.date)} "
                f"№ {self.number} «{self.title}»")


@dataclass
class NormativeDocuments:
    """The registry's rows by id, in file order; a Vocabulary for references and schemas."""

    items: dict[str, NormativeDocument] = field(default_factory=dict)
    label: str = "нормативный документ"
    available: bool = True
    """False when the file exists but could not be read: references are then not checked."""
    broken: frozenset[str] = frozenset()

    def names(self) -> list[str]:
        return list(self.items)

    def find(self, value: str) -> str | None:
        return value if value in self.items else None

    def is_broken(self, value: str) -> bool:
        return normalize(value) in self.broken

    def get(self, document_id: str) -> NormativeDocument | None:
        return self.items.get(document_id)

    def __iter__(self) -> Iterator[NormativeDocument]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)


def normative_documents_from(rows: list[dict[str, Any]], *, readable: bool,
                             broken: set[str]) -> NormativeDocuments:
    """The registry from the rows `read_rows` accepted (a row with errors is left out)."""
    documents = NormativeDocuments(available=readable, broken=frozenset(broken))
    for row in rows:
        documents.items.setdefault(row["id"], NormativeDocument(
            row["id"], row["kind"], row["number"], row["date"], row["title"],
            row.get("issuer") or "", row.get("url") or ""))
    return documents
