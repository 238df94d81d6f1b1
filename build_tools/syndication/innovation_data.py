"""Innovation projects, their stages and the normative documents they cite, as open data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..content.content_types import INNOVATION
from ..content.library import Entry, Library, newest_first
from ..content.normative_documents import NORMATIVE_DOCUMENT
from ..content.timeline import dated
from .open_data import Column, Dataset, Published, _address_columns, _fields, _publish


def _nested(*path: str) -> Any:
    def get(entry: Entry) -> Any:
        value: Any = entry.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value
    return get


def _project_columns(site_url: str) -> tuple[Column, ...]:
    f = INNOVATION.record.fields
    return (
        *_address_columns(site_url, "проекта"),
        *_fields(f, "title", "summary", "schools", "department", "goal", "tasks", "novelty",
                 "significance", "legal_basis", "topics", "products", "status", "date",
                 "updated"),
        Column("supervisor", "Научный руководитель: имя, степень, звание, должность.",
               "строка", lambda e: ", ".join(
                   v for v in (e.data.get("supervisor") or {}).values() if v) or None),
        Column("site_status", "Статус инновационной площадки.", "строка",
               _nested("innovation_site", "status")),
        Column("site_theme", "Тема инновационной площадки.", "строка",
               _nested("innovation_site", "theme")),
        Column("site_decision", "Документ о присвоении статуса площадки.", "строка",
               _nested("innovation_site", "decision")),
        Column("site_decision_date", "Дата документа о присвоении статуса.", "дата",
               _nested("innovation_site", "decision_date")),
        Column("stages_count", "Число этапов проекта.", "число",
               lambda e: len(e.data.get("stages") or [])),
    )


STAGE_COLUMNS = (
    Column("id", "Идентификатор этапа: «проект#номер этапа».", "строка", lambda r: r["id"]),
    Column("project", "Идентификатор проекта (имя файла).", "строка", lambda r: r["project"]),
    Column("number", "Номер этапа в проекте.", "число", lambda r: r["number"]),
    Column("title", "Название этапа.", "строка", lambda r: r["title"]),
    Column("start", "Дата начала этапа.", "дата", lambda r: r["start"]),
    Column("end", "Дата окончания этапа.", "дата", lambda r: r["end"]),
    Column("tasks", "Задачи этапа.", "список строк", lambda r: r["tasks"]),
    Column("results", "Полученные результаты этапа (пусто, пока они не записаны).",
           "список строк", lambda r: r["results"]),
)


def _document_columns() -> tuple[Column, ...]:
    f = NORMATIVE_DOCUMENT.fields
    return tuple(Column(name, spec.doc.rstrip(".") + ".",
                        "дата" if name == "date" else "строка",
                        (lambda key: lambda d: getattr(d, key) or None)(name))
                 for name, spec in f.items())


def innovation_datasets(library: Library, *, site_url: str,
                        today: dt.date) -> Iterator[Published]:
    """The projects, one row per stage, and the normative-documents registry."""
    projects = newest_first(e for e in library.entries if e.type.name == "innovation")
    yield _publish(Dataset(
        "innovation", "Инновационные проекты",
        "Инновационные проекты школ Ассоциации: школы, цель и задачи, новизна, нормативная "
        "база, научное руководство и статус инновационной площадки.",
        _project_columns(site_url)), projects, today)
    stages = [{"id": f"{e.slug}#{i + 1}", "project": e.slug, "number": i + 1, **row}
              for e in projects for i, row in dated(e.data.get("stages") or [])]
    stage_set = Dataset(
        "innovation_stages", "Этапы инновационных проектов",
        "Этапы инновационных проектов: сроки, задачи и полученные результаты.", STAGE_COLUMNS)
    yield Published(stage_set, [{c.name: c.get(r) for c in STAGE_COLUMNS} for r in stages],
                    max((e.date for e in projects), default=today))
    documents = list(library.registry.normative_documents)
    document_set = Dataset(
        "normative_documents", "Нормативные документы",
        "Законы, указы, постановления и приказы, на которые опираются инновационные проекты "
        "школ Ассоциации.", _document_columns())
    yield Published(document_set, sorted(
        ({c.name: c.get(d) for c in document_set.columns} for d in documents),
        key=lambda row: str(row["id"])), max((d.date for d in documents), default=today))
