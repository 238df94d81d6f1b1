"""The content model: one declaration per content type, every field documented."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics.problems import Problem, Severity
from .approval import APPROVAL, approval_rules
from .compound_fields import ListOf, Record
from .course_fields import (
    CONFERENCE_RECORD,
    CONFERENCE_RULES,
    COURSE_RECORD,
    COURSE_RULES,
    MENTIONS,
    edition_date,
    edition_title,
)
from .event_rules import announcement_rules
from .innovation import INNOVATION_DOC, INNOVATION_FIELDS, INNOVATION_RULES
from .personal_data import CONSENT_FIELD, Contact
from .plan_fields import PLAN, PLAN_RULES, ROADMAP
from .practice_fields import (
    ADOPTIONS,
    DECISION,
    GRADES,
    PASSPORT,
    RENAMED,
    RESULTS,
    REVIEW,
)
from .practice_rules import PRACTICE_RULES
from .scalar_fields import Boolean, Date, FilePath, Integer, Text, Url
from .statuses import Evidence, Status
from .term_fields import Choice, Reference, Term

IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
"""Raster images only: an SVG is a document that can carry scripts and load other hosts."""
DOCUMENT_TYPES = (".pdf", ".docx", ".doc", ".xlsx", ".odt", ".pptx", ".odp", ".csv", ".txt",
                  ".zip")
"""Spreadsheets only as CSV and XLSX, the two whose cells attachment_checks.py can read for
formulas; an .xls or .ods is saved again as .xlsx."""
ATTACHMENT_TYPES = DOCUMENT_TYPES + IMAGE_TYPES
"""Files an entry may attach or show; nothing a browser would run or render as a page."""


Rule = Callable[[dict[str, Any]], list[Problem]]



@dataclass(frozen=True)
class ContentType:
    name: str
    """Internal name, also the JSON Schema file name: practice, recommendation, digest."""
    label: str
    """What one entry is called on the site, in Russian."""
    folder: str
    """Folder under content/ and on the site."""
    record: Record
    rules: tuple[Rule, ...] = field(default_factory=tuple)
    title_of: Callable[[dict[str, Any]], str] | None = None
    """How an entry without a `title` field is titled (a conference edition)."""
    date_of: Callable[[dict[str, Any]], dt.date] | None = None
    """The entry's date when it has no `date` field (a conference edition: its first day)."""

    def check_rules(self, data: dict[str, Any]) -> list[Problem]:
        return [p for rule in self.rules for p in rule(data)]


def _status_field() -> Choice:
    return Choice(
        "Статус рецензирования: черновик → на рассмотрении → опубликовано → "
        "рекомендовано к тиражированию. На сайт попадают только опубликованные.",
        required=True, options=tuple(s.value for s in Status), label="статус",
        example=Status.PUBLISHED.value,
    )


def _terms(doc: str, vocabulary: str, *, required: bool = False, min_items: int = 0) -> ListOf:
    return ListOf(doc, required=required, item=Term("", vocabulary=vocabulary),
                  min_items=min_items)


def _related() -> ListOf:
    return ListOf(
        "Связанные практики банка: имена их файлов без .md.",
        item=Reference("", target="practice"),
    )


def _consent() -> ListOf:
    return ListOf(
        "Телефоны и адреса почты, которые их владельцы письменно разрешили опубликовать "
        "(152-ФЗ), ровно так, как они написаны в тексте. Любой другой контакт — ошибка.",
        item=Contact("", max_length=120), example=["+7 900 000-00-00"],
    )


def dates_in_order(data: dict[str, Any]) -> list[Problem]:
    date, updated = data.get("date"), data.get("updated")
    if isinstance(date, dt.date) and isinstance(updated, dt.date) and updated < date:
        return [Problem(
            "DatesOutOfOrder",
            f"дата обновления {updated:%Y-%m-%d} раньше даты публикации {date:%Y-%m-%d}.",
            field=("updated",),
        )]
    return []


def _unique_rubrics(data: dict[str, Any]) -> list[Problem]:
    """Each rubric appears once in an issue, so that readers find all its items together."""
    seen: set[str] = set()
    problems = []
    for index, rubric in enumerate(data.get("rubrics") or []):
        name = rubric.get("rubric") if isinstance(rubric, dict) else None
        if name in seen:
            problems.append(Problem(
                "DuplicateRubric",
                f"рубрика «{name}» уже есть в этом выпуске: перенесите материалы в неё.",
                field=("rubrics", index, "rubric"),
            ))
        if name:
            seen.add(name)
    return problems


PRACTICE = ContentType(
    name="practice",
    label="практика",
    folder="practices",
    record=Record(
        "Лучшая практика школы.",
        fields={
            "title": Text("Название практики.", required=True, max_length=200,
                          example="Наставничество молодых педагогов в новой школе"),
            "summary": Text("Краткое описание в 1–2 предложениях: что делается и для кого.",
                            required=True, max_length=600),
            "school": Reference("Школа-автор: идентификатор из справочника школ.",
                                required=True, target="schools"),
            "authors": ListOf(
                "Авторы практики: ФИО и должность, без телефонов и адресов почты.",
                required=True, min_items=1,
                item=Record("Автор.", fields={
                    "name": Text("Фамилия, имя, отчество.", required=True, max_length=120),
                    "role": Text("Должность.", required=True, max_length=200),
                }),
            ),
            "levels": _terms("Уровни образования.", "levels", required=True, min_items=1),
            "subjects": _terms("Предметы.", "subjects"),
            "topics": _terms("Темы из словаря тем (1–5).", "topics", required=True, min_items=1),
            "project": Term("Проект Ассоциации, в рамках которого создана практика.",
                            vocabulary="projects"),
            "audience": _terms("Для кого практика.", "audiences"),
            "evidence": Choice("Уровень доказанности результатов, от слабого к сильному: "
                               "описана в одной школе → апробирована → тиражирована в "
                               "других школах (нужны adoptions) → подтверждена мониторингом "
                               "(нужен результат с monitoring, по которому есть данные).",
                               required=True,
                               options=tuple(e.value for e in Evidence),
                               label="уровень доказанности"),
            "status": _status_field(),
            "review": REVIEW,
            "decision": DECISION,
            "pupils": _terms("Категории обучающихся, для которых практика (pupils.yml).",
                             "pupils"),
            "grades": GRADES,
            "date": Date("Дата подачи практики в банк.", required=True),
            "updated": Date("Дата последнего обновления."),
            "since": Integer("Год начала практики в школе.", minimum=1990, maximum=2100),
            "adoptions": ADOPTIONS,
            "related": _related(),
            "results": RESULTS,
            "passport": PASSPORT,
            "attachments": ListOf(
                "Приложения: файлы рядом с практикой.",
                item=Record("Приложение.", fields={
                    "title": Text("Название приложения.", required=True, max_length=200),
                    "file": FilePath("Путь к файлу относительно этой страницы.",
                                     required=True, extensions=ATTACHMENT_TYPES),
                }),
            ),
            "license": Term("Лицензия, на условиях которой публикуется практика.",
                            required=True, vocabulary="licenses", example="CC BY 4.0"),
            CONSENT_FIELD: _consent(),
        },
        renamed=RENAMED,
    ),
    rules=(dates_in_order, *PRACTICE_RULES),
)

RECOMMENDATION = ContentType(
    name="recommendation",
    label="методические рекомендации",
    folder="recommendations",
    record=Record(
        "Методические рекомендации.",
        fields={
            "title": Text("Название рекомендаций.", required=True, max_length=250),
            "summary": Text("О чём рекомендации, в 1–2 предложениях.", required=True,
                            max_length=600),
            "audience": _terms("Кому адресованы.", "audiences", required=True, min_items=1),
            "department": Term("Кафедра или отдел института — автор.", required=True,
                               vocabulary="departments"),
            "year": Integer("Год выпуска.", required=True, minimum=2000, maximum=2100),
            "date": Date("Дата публикации.", required=True),
            "project": Term("Проект Ассоциации, для которого подготовлены рекомендации: они "
                            "появятся на странице проекта.", vocabulary="projects"),
            "topics": _terms("Темы из словаря тем.", "topics", required=True, min_items=1),
            "related": _related(),
            "status": _status_field(),
            "approval": APPROVAL,
            "plan": PLAN,
            "roadmap": ROADMAP,
            "pdf": FilePath("Полный текст в PDF (путь относительно этой страницы).",
                            extensions=(".pdf",)),
            CONSENT_FIELD: _consent(),
        },
    ),
    rules=(dates_in_order, *PLAN_RULES, approval_rules),
)

EVENT = Record(
    "Если материал анонсирует событие (конференцию, семинар, вебинар, конкурс), его даты: "
    "событие попадёт в календарь событий и в файл для подписки (.ics).",
    fields={
        "title": Text("Название самого события, как его покажут календарь и напоминания и как "
                      "оно будет читаться, когда пройдёт: «Вебинар «Как читать данные "
                      "мониторинга»», а не «Открыта регистрация…». Без него берётся заголовок "
                      "материала.", max_length=300, example="Вебинар «Как читать данные "
                      "мониторинга школы»"),
        "start": Date("Дата начала события.", required=True, example="2026-12-16"),
        "format": Term("Формат события из словаря форматов (event_formats.yml): по нему "
                       "фильтруется календарь, а стажировки попадают на страницу площадок.",
                       vocabulary="event_formats", example="семинар"),
        "end": Date("Дата окончания, если событие длится несколько дней."),
        "place": Text("Место проведения: город, организация, адрес.", max_length=300),
        "online": Boolean("Проходит ли событие онлайн: true (да) или false (нет).", example=True),
        "registration_until": Date("Последний день регистрации участников."),
    },
)


def events_in_order(data: dict[str, Any]) -> list[Problem]:
    """An event ends after it starts, and registration closes before it ends."""
    problems = []
    for r_index, rubric in enumerate(data.get("rubrics") or []):
        for i_index, item in enumerate((rubric or {}).get("items") or []):
            event = (item or {}).get("event") if isinstance(item, dict) else None
            if not isinstance(event, dict):
                continue
            start, end = event.get("start"), event.get("end")
            until = event.get("registration_until")
            where = ("rubrics", r_index, "items", i_index, "event")
            if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
                problems.append(Problem(
                    "DatesOutOfOrder",
                    f"событие заканчивается ({end:%Y-%m-%d}) раньше, чем начинается "
                    f"({start:%Y-%m-%d}).", field=(*where, "end")))
            last_day = end if isinstance(end, dt.date) else start
            if isinstance(until, dt.date) and isinstance(last_day, dt.date) and until > last_day:
                problems.append(Problem(
                    "DatesOutOfOrder",
                    f"регистрация ({until:%Y-%m-%d}) заканчивается позже самого события "
                    f"({last_day:%Y-%m-%d}).", field=(*where, "registration_until"),
                    severity=Severity.WARNING))
            if not event.get("place") and event.get("online") is not True:
                problems.append(Problem(
                    "EventPlaceMissing",
                    "у события не указано ни место («place»), ни «online: да»: читатель не "
                    "поймёт, куда идти.", field=where, severity=Severity.WARNING))
    return problems


DIGEST = ContentType(
    name="digest",
    label="дайджест",
    folder="digests",
    record=Record(
        "Ежемесячный дайджест Ассоциации новых школ.",
        fields={
            "year": Integer("Год выпуска.", required=True, minimum=2019, maximum=2100),
            "month": Integer("Месяц выпуска, 1–12.", required=True, minimum=1, maximum=12),
            "issue": Integer("Номер выпуска.", required=True, minimum=1, maximum=9999),
            "status": _status_field(),
            "summary": Text("О чём этот выпуск, одним предложением.", max_length=600),
            "rubrics": ListOf(
                "Рубрики выпуска с материалами.",
                required=True, min_items=1,
                item=Record("Рубрика.", fields={
                    "rubric": Term("Название рубрики из словаря рубрик.", required=True,
                                   vocabulary="rubrics"),
                    "items": ListOf(
                        "Материалы рубрики.", required=True, min_items=1,
                        item=Record("Материал.", fields={
                            "title": Text("Заголовок.", required=True, max_length=300),
                            "link": Url("Ссылка на источник (https://…)."),
                            "date": Date("Дата события или публикации.", required=True),
                            "summary": Text("Краткое содержание.", required=True,
                                            max_length=1000),
                            "event": EVENT,
                            **MENTIONS,
                        }),
                    ),
                }),
            ),
            CONSENT_FIELD: _consent(),
        },
    ),
    rules=(_unique_rubrics, events_in_order, announcement_rules),
)

COURSE = ContentType("course", "курс повышения квалификации", "courses", COURSE_RECORD,
                     rules=COURSE_RULES)
CONFERENCE = ContentType("conference", "выпуск конференции", "conference", CONFERENCE_RECORD,
                         rules=CONFERENCE_RULES, title_of=edition_title, date_of=edition_date)
INNOVATION = ContentType(
    name="innovation",
    label="инновационный проект",
    folder="innovation",
    record=Record(INNOVATION_DOC, fields={**INNOVATION_FIELDS, "status": _status_field(),
                                          CONSENT_FIELD: _consent()}),
    rules=(dates_in_order, *INNOVATION_RULES),
)
"""Declared in innovation.py; here it gets the status and consent fields every type has."""

CONTENT_TYPES: tuple[ContentType, ...] = (PRACTICE, RECOMMENDATION, DIGEST, COURSE, CONFERENCE,
                                       INNOVATION)


def issue_month(text: str) -> tuple[int, int] | None:
    """`2026-12` → (2026, 12): the month of a digest issue, with the year in the range the
    digest's `year` field allows; None for anything else (`0000-01`, `2026-13`, `abc`)."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})", text.strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    years = DIGEST.record.fields["year"]
    assert isinstance(years, Integer) and years.minimum is not None and years.maximum
    return (year, month) if years.minimum <= year <= years.maximum and 1 <= month <= 12 else None


def issue_month_advice(text: str) -> str:
    """Why `text` is not an issue month and what to write instead, for the commands' errors."""
    years = DIGEST.record.fields["year"]
    assert isinstance(years, Integer)
    return (f"месяц выпуска «{text}» не подходит: укажите год от {years.minimum} до "
            f"{years.maximum} и месяц от 01 до 12 в виде ГГГГ-ММ, например 2026-12.")
