"""The innovation project (its passport): fields and single-file rules.

`content_types.py` registers it as the content type «innovation», adding the status and
consent fields every type shares.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics.problems import Problem
from .compound_fields import ListOf, Record
from .scalar_fields import Date, Text
from .stage_rules import ends_after_start, stages_in_sequence
from .term_fields import Choice, Reference, Term

INNOVATION_DOC = "Инновационный проект (паспорт проекта) школы или нескольких школ Ассоциации."

SITE_STATUSES = (
    "федеральная инновационная площадка",
    "региональная инновационная площадка",
    "муниципальная инновационная площадка",
)

SUPERVISOR = Record(
    "Научный руководитель проекта, если он есть: имя и профессиональная роль. Телефоны и "
    "адреса почты сюда не пишут.",
    fields={
        "name": Text("Фамилия, имя, отчество.", required=True, max_length=120),
        "degree": Text("Учёная степень, например «кандидат педагогических наук».",
                       max_length=120),
        "academic_title": Text("Учёное звание, например «доцент».", max_length=80),
        "position": Text("Должность и организация, например «доцент кафедры педагогики "
                         "института».", required=True, max_length=250),
    },
)

STAGE = Record(
    "Этап реализации проекта.",
    fields={
        "title": Text("Название этапа, например «Подготовительный».", required=True,
                      max_length=200),
        "start": Date("Дата начала этапа.", required=True, example="2026-09-01"),
        "end": Date("Дата окончания этапа.", required=True, example="2026-12-25"),
        "tasks": ListOf("Задачи этапа.", required=True, min_items=1,
                        item=Text("", max_length=500)),
        "results": ListOf(
            "Полученные результаты этапа. Заполните, когда они есть: этап, у которого срок "
            "прошёл, а результатов нет, на сайте отмечен как просроченный.",
            item=Text("", max_length=500)),
    },
)

RESOURCES = Record(
    "Ресурсное обеспечение проекта.",
    fields={
        "material": Text("Материальное: помещения, оборудование, информационные ресурсы.",
                         max_length=1500),
        "intellectual": Text("Интеллектуальное: рабочая группа, партнёры, приглашённые "
                             "специалисты (роли, без контактов).", max_length=1500),
        "time": Text("Временное: на какой срок рассчитан проект.", max_length=500),
    },
)

INNOVATION_SITE = Record(
    "Статус инновационной площадки, если он присвоен.",
    fields={
        "status": Choice("Уровень площадки.", required=True, options=SITE_STATUSES,
                         label="статус площадки",
                         example="региональная инновационная площадка"),
        "theme": Text("Тема площадки, как она записана в решении о присвоении статуса.",
                      required=True, max_length=400),
        "decision": Text("Документ о присвоении статуса: вид, кто принял и номер, например "
                         "«распоряжение комитета образования № 1234-р».",
                         required=True, max_length=300),
        "decision_date": Date("Дата этого документа.", required=True),
        "until": Date("До какой даты действует статус, если срок указан."),
    },
)

INNOVATION_FIELDS = {
    "title": Text("Название (тема) инновационного проекта.", required=True, max_length=300),
    "summary": Text("О чём проект, в 1–2 предложениях.", required=True, max_length=600),
    "schools": ListOf("Школы Ассоциации, которые ведут проект: идентификаторы из "
                      "справочника школ.", required=True, min_items=1,
                      item=Reference("", target="schools")),
    "department": Term("Кафедра или отдел института, который сопровождает проект.",
                       vocabulary="departments"),
    "supervisor": SUPERVISOR,
    "goal": Text("Цель проекта.", required=True, max_length=1000),
    "tasks": ListOf("Задачи проекта.", required=True, min_items=1,
                    item=Text("", max_length=500)),
    "novelty": Text("Новизна (инновационность): чем проект отличается от известного.",
                    required=True, max_length=2000),
    "significance": Text("Значимость для системы образования региона и практическая "
                         "значимость: кому и чем пригодятся результаты.", required=True,
                         max_length=2000),
    "legal_basis": ListOf("Нормативно-правовое обеспечение: идентификаторы документов из "
                          "content/_data/normative_documents.yml.", required=True,
                          min_items=1, item=Reference("", target="normative_documents")),
    "stages": ListOf("Этапы реализации: сроки, задачи, полученные результаты.",
                     required=True, min_items=1, item=STAGE),
    "resources": RESOURCES,
    "innovation_site": INNOVATION_SITE,
    "topics": ListOf("Темы проекта из словаря тем: по ним проекты фильтруют.", required=True,
                     min_items=1, item=Term("", vocabulary="topics")),
    "products": ListOf("Продукты инновационной деятельности: пособия, программы, "
                       "методики.", item=Text("", max_length=400)),
    "date": Date("Дата публикации паспорта на сайте.", required=True),
    "updated": Date("Дата последнего обновления."),
}
"""The passport's fields, in the order the passport (and the page) lists them."""


def stage_dates(data: dict[str, Any]) -> list[Problem]:
    return [*ends_after_start(data, "stages", "этап"), *stages_in_sequence(data, "stages")]


INNOVATION_RULES = (stage_dates,)
