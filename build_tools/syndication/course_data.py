"""Courses and conference editions as open data, declared like the bank's datasets: each column
that mirrors a field takes that field's Russian doc as its meaning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from ..content.course_fields import CONFERENCE_RECORD, CONFERENCE_SERIES, COURSE_RECORD
from ..content.course_library import courses, editions, periods, when
from ..content.fields import Field
from ..content.library import Entry, Library
from .open_data import Column, Dataset, Published, entry_value, passport_type


def _mirror(fields: Mapping[str, Field], *names: str) -> Iterator[Column]:
    for name in names:
        spec = fields[name]
        yield Column(name, spec.doc.rstrip(".") + ".", passport_type(spec), entry_value(name))


def _address(site_url: str, of_what: str) -> tuple[Column, Column]:
    return (Column("id", f"Идентификатор {of_what}: имя файла и часть адреса страницы.",
                   "строка", lambda e: e.slug),
            Column("url", f"Адрес страницы {of_what} на сайте.", "строка",
                   lambda e: site_url + e.url))


def _course_columns(site_url: str, today: dt.date) -> tuple[Column, ...]:
    f = COURSE_RECORD.fields
    return (
        *_address(site_url, "курса"),
        *_mirror(f, "title", "summary", "hours", "audience", "department", "format"),
        Column("groups", "Учебные группы с датами: «название: начало — конец»; у курса с одной "
               "группой — только даты.", "список строк",
               lambda e: [f"{p.name + ': ' if p.name else ''}{p.start.isoformat()} — "
                          f"{p.end.isoformat()}" for p in periods(e)]),
        Column("first_day", "Первый день занятий первой группы (пусто у курсов по заявке).",
               "дата", lambda e: periods(e)[0].start if periods(e) else None),
        Column("on_request", "Проводится ли курс по заявке, без заранее назначенных сроков.",
               "логическое", lambda e: when(e, today) == "on-request"),
        *_mirror(f, "place", "enrolment", "enrolment_until", "date", "status"),
    )


def _edition_columns(site_url: str) -> tuple[Column, ...]:
    f = CONFERENCE_RECORD.fields
    return (
        *_address(site_url, "выпуска конференции"),
        *_mirror(f, "year", "theme", "summary"),
        Column("start", "Первый день конференции.", "дата", lambda e: e.data["dates"]["start"]),
        Column("end", "Последний день конференции.", "дата",
               lambda e: e.data["dates"].get("end") or e.data["dates"]["start"]),
        *_mirror(f, "place", "online"),
        Column("sections", "Секции: «название (кто ведёт)».", "список строк",
               lambda e: [f"{s['title']} ({s['moderator']})" for s in e.data["sections"]]),
        Column("materials", "Названия материалов выпуска.", "список строк",
               lambda e: [m["title"] for m in e.data["materials"]]),
    )


def course_datasets(library: Library, *, site_url: str, today: dt.date) -> Iterator[Published]:
    yield _publish(Dataset(
        "courses", "Курсы повышения квалификации",
        "Курсы института для педагогов и руководителей школ Ассоциации: объём в часах, "
        "адресаты, кафедра, формат, группы и сроки, запись.",
        _course_columns(site_url, today)), courses(library), today)
    yield _publish(Dataset(
        "conference", f"Конференция «{CONFERENCE_SERIES}»",
        "Выпуски ежегодной конференции Ассоциации новых школ: тема, даты, место, секции и "
        "материалы.", _edition_columns(site_url)), editions(library), today)


def _publish(dataset: Dataset, entries: list[Entry], today: dt.date) -> Published:
    rows = sorted(({c.name: c.get(e) for c in dataset.columns} for e in entries),
                  key=lambda row: str(row["id"]))
    return Published(dataset, rows, max((e.date for e in entries), default=today))
