"""Courses and the conference series: their front-matter, single-file rules and the references
a digest item may carry to a course, a conference edition or an Association project.

`content_types.py` turns the records below into the `course` and `conference` content types;
this module needs nothing from it, so the content model has no import cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..diagnostics.problems import FieldPath, Problem, Severity
from .compound_fields import ListOf, Record
from .fields import SLUG_PATTERN, CheckContext, Checked, Field, Vocabulary
from .scalar_fields import Boolean, Date, FilePath, Integer, Text, Url
from .statuses import Status
from .term_fields import Choice, Reference, Term

COURSE_FORMATS = ("очно", "дистанционно", "смешанный")
"""How a course is taught: the listing filters by these, in this order."""
CONFERENCE_SERIES = "Школа, устремлённая в будущее"
"""The name the conference keeps from year to year; each edition adds its theme."""
FIRST_EDITION = 2017
MATERIAL_TYPES = (".pdf", ".pptx", ".odp", ".docx", ".odt", ".txt", ".zip", ".jpg", ".jpeg",
                  ".png")
"""Conference materials: programmes, presentations, resolutions, photos. A subset of the
attachment types that the content tree allows (content_types.ATTACHMENT_TYPES)."""
COURSE_STATUSES = (Status.DRAFT.value, Status.UNDER_REVIEW.value, Status.PUBLISHED.value)
"""A course or an edition is announced, not reviewed like a practice: no «рекомендовано»."""


@dataclass(frozen=True)
class HttpsUrl(Url):
    """An address readers are sent to with their data: a form must travel encrypted."""

    def refine(self, text: str) -> list[Problem]:
        problems = super().refine(text)
        if problems or text.startswith("https://"):
            return problems
        return [Problem(
            "BadUrl",
            f"«{text}» открывается без шифрования: ссылка на запись должна начинаться с "
            "https://, ведь слушатели вводят там свои данные.",
        )]

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return "Адрес, начинающийся с https:// (не http://)."


@dataclass(frozen=True)
class EntryReference(Reference):
    """The file name (without .md) of an entry of another type; checked once all files are
    read (checks/course_checks.py). A conference edition is named by its year."""

    folder: str = ""

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        return super().check(str(value) if isinstance(value, int) else value, ctx)

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        if self.target == "conference":
            return {"type": ["integer", "string"], "pattern": SLUG_PATTERN}
        return {"type": "string", "pattern": SLUG_PATTERN}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        if self.target == "conference":
            return f"Год выпуска (имя файла без .md из папки content/{self.folder}/)."
        return f"Имя файла без .md из папки content/{self.folder}/."


@dataclass(frozen=True)
class TermOrId(Term):
    """A vocabulary term written by its Russian name or by its Latin id; kept as the name."""

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        vocabulary = ctx.vocabulary(self.vocabulary)
        if isinstance(value, str) and isinstance(vocabulary, Iterable):
            for term in vocabulary:
                if getattr(term, "id", None) == value.strip():
                    return str(term.name), []
        return super().check(value, ctx)

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        vocabulary = vocabularies.get(self.vocabulary)
        if not isinstance(vocabulary, Iterable):
            return {"type": "string"}
        terms = list(vocabulary)
        return {"type": "string", "enum": [t.name for t in terms] + [t.id for t in terms]}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return super().rule(vocabularies).replace("Значения из словаря", "Название или "
                                                  "идентификатор из словаря", 1)


def _status() -> Choice:
    return Choice(
        "Статус: черновик → на рассмотрении → опубликовано. На сайт попадают только "
        "опубликованные.", required=True, options=COURSE_STATUSES, label="статус",
        example=Status.PUBLISHED.value)


def _audiences(doc: str) -> ListOf:
    return ListOf(doc, required=True, min_items=1, item=Term("", vocabulary="audiences"))


GROUP = Record(
    "Учебная группа курса со своими сроками.",
    fields={
        "name": Text("Название группы: район, место или номер потока.", required=True,
                     max_length=150, example="Поток 1, Всеволожский район"),
        "start": Date("Первый день занятий группы.", required=True),
        "end": Date("Последний день занятий группы."),
        "place": Text("Где занимается группа, если курс очный или смешанный.", max_length=300),
        "enrolment_until": Date("Последний день записи в эту группу."),
    },
)

COURSE_RECORD = Record(
    "Курс повышения квалификации института для педагогов и руководителей.",
    fields={
        "title": Text("Название программы курса.", required=True, max_length=250,
                      example="Управление развитием образовательной организации"),
        "summary": Text("Для кого курс и чему он учит, в 1–2 предложениях.", required=True,
                        max_length=600),
        "hours": Integer("Объём программы в академических часах (целое число больше нуля).",
                         required=True, minimum=1, maximum=1000, example=72),
        "audience": _audiences("Для кого курс: значения из словаря адресатов."),
        "department": Term("Кафедра или отдел института, который ведёт курс.", required=True,
                           vocabulary="departments"),
        "format": Choice("Как проходят занятия.", required=True, options=COURSE_FORMATS,
                         label="формат обучения", example=COURSE_FORMATS[0]),
        "start": Date("Первый день занятий, если у курса одна группа. Для нескольких групп "
                      "заполните groups, а start и end оставьте пустыми; без дат курс "
                      "показывается как «по заявке»."),
        "end": Date("Последний день занятий, если у курса одна группа."),
        "groups": ListOf("Учебные группы, если их несколько, каждая со своими датами.",
                         item=GROUP),
        "place": Text("Где проходят занятия: город, организация.", max_length=300),
        "enrolment": HttpsUrl("Ссылка на форму записи на курс (https://…).", max_length=500),
        "enrolment_until": Date("Последний день записи на курс."),
        "date": Date("Дата публикации анонса: по ней курс попадает в ленту новых курсов.",
                     required=True),
        "status": _status(),
    },
)

SECTION = Record(
    "Секция конференции.",
    fields={
        "title": Text("Название секции.", required=True, max_length=300),
        "moderator": Text("Кто ведёт секцию — должность или роль, без имени и контактов: "
                          "«заведующий кафедрой управления», «директор школы-новостройки».",
                          required=True, max_length=200),
        "description": Text("О чём секция, в 1–2 предложениях.", max_length=600),
    },
)

MATERIAL = Record(
    "Материал конференции: файл рядом с выпуском или ссылка.",
    fields={
        "title": Text("Что это за материал.", required=True, max_length=250,
                      example="Программа конференции"),
        "file": FilePath("Файл относительно этой страницы (заполните file или link).",
                         extensions=MATERIAL_TYPES),
        "link": Url("Ссылка на материал на другом сайте (https://…).", max_length=500),
    },
)

CONFERENCE_RECORD = Record(
    f"Выпуск ежегодной конференции «{CONFERENCE_SERIES}». Файл называется по году: 2027.md.",
    fields={
        "year": Integer("Год проведения; файл выпуска называется так же, например 2027.md.",
                        required=True, minimum=FIRST_EDITION, maximum=2100, example=2027),
        "theme": Text("Тема конференции этого года.", required=True, max_length=300,
                      example="Новая школа как центр территории"),
        "summary": Text("О чём выпуск, в 1–2 предложениях.", max_length=600),
        "dates": Record("Даты проведения.", required=True, fields={
            "start": Date("Первый день конференции.", required=True),
            "end": Date("Последний день, если конференция длится несколько дней."),
        }),
        "place": Text("Место проведения: город, организация.", required=True, max_length=300),
        "online": Boolean("Идёт ли трансляция или участие онлайн: true (да) или false (нет)."),
        "sections": ListOf("Секции конференции.", item=SECTION),
        "materials": ListOf("Материалы: программа, презентации, резолюция, записи.",
                            item=MATERIAL),
        "status": _status(),
    },
)

MENTIONS: dict[str, Field] = {
    "course": EntryReference(
        "Курс повышения квалификации, о котором материал: имя файла курса без .md.",
        target="course", folder="courses"),
    "conference": EntryReference(
        f"Выпуск конференции «{CONFERENCE_SERIES}», о котором материал: его год.",
        target="conference", folder="conference", example=2026),
    "project": TermOrId("Проект Ассоциации, о котором материал: название или идентификатор "
                        "из словаря проектов.", vocabulary="projects"),
}
"""What a digest item may point to; the item links to it and its page lists the item."""


def _date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _ends_before(start: Any, end: Any, where: FieldPath, what: str) -> list[Problem]:
    start, end = _date(start), _date(end)
    if start and end and end < start:
        return [Problem("DatesOutOfOrder",
                        f"{what} заканчивается ({end:%Y-%m-%d}) раньше, чем начинается "
                        f"({start:%Y-%m-%d}).", field=(*where, "end"))]
    return []


def _enrolment_late(until: Any, start: Any, where: FieldPath) -> list[Problem]:
    until, start = _date(until), _date(start)
    if until and start and until > start:
        return [Problem(
            "EnrolmentAfterStart",
            f"запись открыта до {until:%Y-%m-%d}, а занятия начинаются {start:%Y-%m-%d}: кто "
            "запишется после начала, пропустит первые занятия.",
            field=(*where, "enrolment_until"), severity=Severity.WARNING)]
    return []


def course_dates(data: dict[str, Any]) -> list[Problem]:
    """A course has its own dates or its groups' dates, each ending after it starts; the
    enrolment closes before the teaching starts."""
    groups = [g for g in data.get("groups") or [] if isinstance(g, dict)]
    problems = _ends_before(data.get("start"), data.get("end"), (), "курс")
    if groups and (data.get("start") or data.get("end")):
        problems.append(Problem(
            "CourseDatesTwice",
            "у курса заполнены и свои даты (start, end), и группы (groups): укажите даты "
            "либо курса целиком, либо каждой группы.", field=("groups",)))
    elif data.get("end") and not data.get("start"):
        problems.append(Problem(
            "MissingField", "указан последний день курса (end), но не указан первый (start).",
            field=("start",)))
    for index, group in enumerate(groups):
        problems += _ends_before(group.get("start"), group.get("end"), ("groups", index),
                                 "группа")
        problems += _enrolment_late(group.get("enrolment_until"), group.get("start"),
                                    ("groups", index))
    starts = [s for s in (_date(g.get("start")) for g in groups) if s]
    last_start = max(starts) if starts else data.get("start")
    problems += _enrolment_late(data.get("enrolment_until"), last_start, ())
    return problems


def edition_dates(data: dict[str, Any]) -> list[Problem]:
    """An edition ends after it starts and takes place in its own year."""
    dates = data.get("dates") or {}
    problems = _ends_before(dates.get("start"), dates.get("end"), ("dates",), "конференция")
    start, year = _date(dates.get("start")), data.get("year")
    if start and isinstance(year, int) and start.year != year:
        problems.append(Problem(
            "ConferenceDatesOutsideYear",
            f"выпуск {year} года начинается {start:%Y-%m-%d}, в другом году: проверьте год "
            "выпуска и даты.", field=("dates", "start")))
    return problems


def material_source(data: dict[str, Any]) -> list[Problem]:
    """A material is a file or a link: with neither, the reader has nothing to open."""
    return [Problem("MissingField", "у материала нет ни файла (file), ни ссылки (link): "
                    "укажите одно из двух.", field=("materials", index, "file"))
            for index, item in enumerate(data.get("materials") or [])
            if isinstance(item, dict) and not item.get("file") and not item.get("link")]


COURSE_RULES = (course_dates,)
CONFERENCE_RULES = (edition_dates, material_source)


def edition_title(data: dict[str, Any]) -> str:
    return f"Конференция «{CONFERENCE_SERIES}» — {data['year']}"


def edition_date(data: dict[str, Any]) -> dt.date:
    start = (data.get("dates") or {}).get("start")
    return start if isinstance(start, dt.date) else dt.date(int(data["year"]), 1, 1)
