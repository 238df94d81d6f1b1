"""The bank as open data: practices, recommendations and member schools as CSV and JSON.

Each dataset is declared once, as columns with a Russian meaning taken from the content model
where the column mirrors a field, so the data passport cannot drift from the files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..content.approval import APPROVAL
from ..content.compound_fields import ListOf
from ..content.content_types import PRACTICE, RECOMMENDATION
from ..content.fields import Field
from ..content.library import Entry, Library
from ..content.registries import SCHOOL, School
from ..content.scalar_fields import Boolean, Bounded, Date
from ..content.statuses import Status
from ..monitoring.evidence import MAX_LOCKS, evidence_strength, schools_with_data
from ..output.csv_dialect import (
    DECIMAL,
    ENCODING,
    SEPARATOR,
    csv_text,
    decimal_text,
    with_bom,
)
from ..output.spreadsheet_safe import safe_cell
from .column_titles import column_title

DATA_FOLDER = "data"
LIST_SEPARATOR = "; "
"""How list values (topics, authors) are joined in a CSV cell."""

Getter = Callable[[Any], Any]
CSV_PASSPORT = {"bom": True, "delimiter": SEPARATOR, "decimal": DECIMAL, "header": "title"}
"""How the CSV files are written (output/csv_dialect.py): the header row holds each field's
`title`; the JSON records are keyed by its `name`."""


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    type: str
    """Passport type: строка, число, дата, логическое, список строк."""
    get: Getter


@dataclass(frozen=True)
class Dataset:
    id: str
    title: str
    description: str
    columns: tuple[Column, ...]

    def files(self) -> tuple[str, str]:
        return f"{DATA_FOLDER}/{self.id}.csv", f"{DATA_FOLDER}/{self.id}.json"


@dataclass(frozen=True)
class Published:
    """A dataset with its rows, ready to be written and described."""

    dataset: Dataset
    rows: list[dict[str, Any]]
    modified: dt.date

    def headers(self) -> list[str]:
        """The CSV's Russian header row; the machine names stay in the JSON and passport."""
        return [column_title(self.dataset.id, c.name) for c in self.dataset.columns]

    def csv_bytes(self) -> bytes:
        """The site's CSV dialect (output/csv_dialect.py); lists joined with «; »."""
        columns = self.dataset.columns
        return with_bom(csv_text(self.headers(), ([_cell(row[c.name]) for c in columns]
                                                  for row in self.rows)))

    def json_bytes(self) -> bytes:
        """An array of records; dates as YYYY-MM-DD, lists as arrays, missing values as null."""
        records = [{name: _json_value(value) for name, value in row.items()} for row in self.rows]
        return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return str(safe_cell(LIST_SEPARATOR.join(str(v) for v in value)))
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return decimal_text(value) if safe_cell(value) is not None else ""
    return str(safe_cell(value)) if isinstance(value, str) else str(value)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _doc(field: Field) -> str:
    return field.doc.rstrip(".") + "."


def passport_type(spec: Field) -> str:
    """The column's type in the passport, read from the field it mirrors."""
    if isinstance(spec, ListOf):
        return "список строк"
    if isinstance(spec, Date):
        return "дата"
    if isinstance(spec, Bounded):
        return "число"
    return "логическое" if isinstance(spec, Boolean) else "строка"


def entry_value(name: str) -> Getter:
    return lambda entry: entry.data.get(name)


def _field(name: str, fields: Mapping[str, Field], get: Getter | None = None) -> Column:
    """A column that mirrors a front-matter field: its meaning is the field's own doc."""
    spec = fields[name]
    return Column(name, _doc(spec), passport_type(spec), get or entry_value(name))


def _fields(fields: Mapping[str, Field], *names: str,
            getter: Callable[[str], Getter] = entry_value) -> Iterator[Column]:
    """Columns that mirror fields, in the order given."""
    return (_field(name, fields, getter(name)) for name in names)


def _address_columns(site_url: str, of_what: str) -> tuple[Column, Column]:
    """Where an entry lives: its file name (the id) and its page's address."""
    return (
        Column("id", f"Идентификатор {of_what}: имя файла и часть адреса страницы.", "строка",
               lambda e: e.slug),
        Column("url", f"Адрес страницы {of_what} на сайте.", "строка",
               lambda e: site_url + e.url),
    )


def _practice_columns(site_url: str, library: Library) -> tuple[Column, ...]:
    f = PRACTICE.record.fields
    return (
        *_address_columns(site_url, "практики"),
        *_fields(f, "title", "summary", "school"),
        Column("school_name", "Полное название школы-автора.", "строка",
               lambda e: library.school_of(e).name),
        Column("district", "Муниципальный район школы-автора.", "строка",
               lambda e: library.district_of(e)),
        _field("authors", f, lambda e: [f"{a['name']} ({a['role']})" for a in e.data["authors"]]),
        *_fields(f, "levels", "subjects", "topics", "project", "audience", "evidence", "status",
                 "date", "updated", "since", "pupils", "related", "license"),
        *_replication_columns(),
        *_computed_columns(library),
    )


def _computed_columns(library: Library) -> tuple[Column, ...]:
    """What the site computes from a practice's records: the same values its filters use."""
    with_data = schools_with_data(library.monitoring)  # once: it reads the whole table
    licences = library.registry.vocabularies["licenses"]

    def licence_url(entry: Entry) -> str | None:
        name = entry.data.get("license")
        return next((t.url for t in licences if t.name == name and t.url), None)

    return (
        Column("evidence_strength", f"Сила доказательств: замков из {MAX_LOCKS} (школы, период "
               "и выборка измерений, связь с мониторингом; см. страницу «Как мы оцениваем "
               "доказанность»).", "число",
               lambda e: evidence_strength(e.data, with_data).locks),
        Column("recommended", "Рекомендована ли практика к тиражированию.", "логическое",
               lambda e: e.data.get("status") == Status.RECOMMENDED.value),
        Column("license_url", "Адрес текста лицензии.", "строка", licence_url),
    )


def _part(entry: Entry, *path: str) -> Any:
    """A nested front-matter value, None when any level is missing."""
    value: Any = entry.data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _replication_columns() -> tuple[Column, ...]:
    """Review, decision, adoptions and passport, flattened to one value per column."""
    def nested(*path: str) -> Getter:
        return lambda e: _part(e, *path)

    return (
        Column("reviewer", "Рецензент: идентификатор эксперта (experts.yml) или кафедры "
               "(departments.yml).", "строка", nested("review", "reviewer")),
        Column("review_date", "Дата рецензии.", "дата", nested("review", "date")),
        Column("scores", "Баллы рецензии по критериям банка, «критерий=балл».", "список строк",
               lambda e: [f"{k}={v}" for k, v in (_part(e, "review", "scores") or {}).items()]),
        Column("decision_date", "Дата решения банка о статусе.", "дата",
               nested("decision", "date")),
        Column("decision_by", "Кто принял решение: идентификатор подразделения.", "строка",
               nested("decision", "by")),
        Column("grades_from", "С какого класса (0 — дошкольная группа).", "число",
               nested("grades", "from")),
        Column("grades_to", "По какой класс.", "число", nested("grades", "to")),
        Column("adoptions", "Школы, которые переняли практику, «идентификатор (год)».",
               "список строк", lambda e: [f"{a['school']} ({a['year']})"
                                          for a in e.data.get("adoptions") or []]),
        Column("adoptions_count", "Число школ, которые переняли практику.", "число",
               lambda e: len(e.data.get("adoptions") or [])),
        Column("cost", "Затраты в год по паспорту тиражирования.", "строка",
               nested("passport", "resources", "cost")),
        Column("launch", "Срок запуска по паспорту тиражирования.", "строка",
               nested("passport", "launch")),
        Column("monitoring_indicators", "Показатели мониторинга, с которыми связаны "
               "результаты.", "список строк",
               lambda e: [r["monitoring"] for r in e.data.get("results") or []
                          if r.get("monitoring")]),
    )


def _recommendation_columns(site_url: str) -> tuple[Column, ...]:
    f = RECOMMENDATION.record.fields
    return (
        *_address_columns(site_url, "рекомендаций"),
        *_fields(f, "title", "summary", "department", "audience", "year", "date", "topics",
                 "related", "status"),
        Column("plan_rows", "Число строк в плане мероприятий.", "число",
               lambda e: len(e.data.get("plan") or [])),
        *_approval_columns(),
    )


def _approval_columns() -> Iterator[Column]:
    """Who approved a recommendation, by which protocol or decision, when."""
    for name, column in (("department", "approval_department"),
                         ("decision", "approval_document"), ("date", "approval_date")):
        spec = APPROVAL.fields[name]
        yield Column(column, _doc(spec), passport_type(spec),
                     (lambda key: lambda e: _part(e, "approval", key))(name))


def _school_columns(site_url: str, library: Library, today: dt.date) -> tuple[Column, ...]:
    def attr(name: str) -> Getter:
        return lambda school: getattr(school, name)

    return (
        Column("id", "Идентификатор школы: на него ссылаются практики.", "строка", attr("id")),
        Column("url", "Адрес страницы школы на сайте.", "строка",
               lambda s: f"{site_url}schools/{s.id}/"),
        *_fields(SCHOOL.fields, "name", "short_name", "type", "division", "district",
                 "locality", "kind", "opened", "member_since", getter=attr),
        Column("internship_site", "Стажировочная площадка на день выгрузки: есть действующая "
               "запись в реестре площадок (internship_sites.yml).", "логическое",
               lambda s: library.registry.sites.site_in_force(s.id, today) is not None),
        *_fields(SCHOOL.fields, "students", "settlement", "website", "contact", getter=attr),
        Column("size", "Размер школы по числу обучающихся: малая (меньше 500), средняя "
               "(500–1200), крупная (больше 1200).", "строка", attr("size")),
        Column("practices", "Число практик школы в банке.", "число",
               lambda s: len(library.practices_of_school(s.id))),
    )


RowMemo = Callable[[str, "str | None", Callable[[], dict[str, Any]]], dict[str, Any]]
"""`kb serve`'s page memo (kind, key, make): an entry's row is made again only when its file
(or the world every row shares, which the memo's key of the build covers) changed."""


def _no_memo(kind: str, key: str | None, make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    return make()


def published_datasets(library: Library, *, site_url: str, today: dt.date,
                       memo: RowMemo = _no_memo) -> Iterator[Published]:
    """Every dataset with its rows; `site_url` ends with "/" (may be empty: relative links).

    A practice's or recommendation's row depends on its own fields and on what every row
    shares (registries, monitoring tables, the date, the settings), so `memo` may hand back
    last build's row of an unchanged file."""
    practices = Dataset(
        "practices", "Банк лучших практик",
        "Практики школ Ассоциации новых школ, опубликованные в банке: описание, школа, "
        "темы, уровни образования, доказанность результатов и лицензия.",
        _practice_columns(site_url, library))
    recommendations = Dataset(
        "recommendations", "Методические рекомендации",
        "Методические рекомендации института для школ Ассоциации: адресаты, темы, "
        "кафедра-автор и год выпуска.", _recommendation_columns(site_url))
    schools = Dataset(
        "schools", "Школы — участницы Ассоциации",
        "Реестр школ Ассоциации новых школ: район, тип (новостройка или после реновации), "
        "годы открытия и вступления, статус стажировочной площадки.",
        _school_columns(site_url, library, today))
    yield _publish(practices, library.practices, today, memo)
    yield _publish(recommendations, library.recommendations, today, memo)
    yield _publish(schools, list(library.registry.schools), today)


def _publish(dataset: Dataset, items: list[Entry] | list[School], today: dt.date,
             memo: RowMemo = _no_memo) -> Published:
    def row(item: Entry | School) -> dict[str, Any]:
        return {c.name: c.get(item) for c in dataset.columns}

    def reused(item: Entry | School) -> dict[str, Any]:
        if not isinstance(item, Entry) or not item.source_key:
            return row(item)
        return memo(f"row:{dataset.id}", f"{item.slug}:{item.source_key}",
                    lambda: row(item))

    rows = [reused(item) for item in items]
    rows.sort(key=lambda row: str(row["id"]))
    dates = [d for item in items if isinstance(item, Entry)
             for d in (item.date, item.data.get("updated"),
                       (item.data.get("review") or {}).get("date"))
             if isinstance(d, dt.date)]
    return Published(dataset, rows, max(dates, default=today))


def passport(published: list[Published], *, site_url: str, license_name: str,
             publisher: str) -> dict[str, Any]:
    """The machine-readable data passport (data/meta.json)."""
    return {
        "publisher": publisher,
        "license": license_name,
        "datasets": [
            {
                "id": p.dataset.id,
                "title": p.dataset.title,
                "description": p.dataset.description,
                "modified": p.modified.isoformat(),
                "records": len(p.rows),
                "files": [{"format": fmt, "url": site_url + path, "encoding": ENCODING}
                          for fmt, path in zip(("CSV", "JSON"), p.dataset.files(), strict=True)],
                "csv": CSV_PASSPORT,
                "fields": [{"name": c.name, "title": title, "meaning": c.meaning,
                            "type": c.type}
                           for c, title in zip(p.dataset.columns, p.headers(), strict=True)],
            }
            for p in published
        ],
    }
