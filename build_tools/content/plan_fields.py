"""A recommendation's plan table and road map: rows with real date ranges.

The plan has the columns of a model regional programme (activity, structure and content,
resources, procedure, evaluation of results, responsible role); the road map has one row per
stage and one column per actor (municipal authority, methodological service, school).
"""

from __future__ import annotations

from typing import Any

from ..diagnostics.problems import Problem
from .compound_fields import ListOf, Record
from .scalar_fields import Date, Text
from .stage_rules import ends_after_start, stages_in_sequence

PLAN_ROW = Record(
    "Строка плана.",
    fields={
        "activity": Text("Мероприятие.", required=True, max_length=400),
        "content": Text("Структура и содержание мероприятия.", max_length=1500),
        "start": Date("Дата начала.", required=True, example="2026-09-01"),
        "end": Date("Дата окончания; у однодневного мероприятия — та же, что start.",
                    required=True, example="2026-10-30"),
        "responsible": Text("Ответственный: роль или организация, не фамилия, например "
                            "«муниципальная методическая служба».", required=True,
                            max_length=300),
        "resources": Text("Ресурсное обеспечение: кадры, помещения, финансы.", max_length=800),
        "procedure": Text("Порядок проведения.", max_length=800),
        "evaluation": Text("Подведение итогов: как оценивают эффективность.", max_length=800),
        "result": Text("Ожидаемый результат.", max_length=400),
        "achieved": Text("Что получено на деле. Заполните, когда мероприятие проведено: "
                         "строка с прошедшим сроком без этого поля на сайте отмечена как "
                         "просроченная.", max_length=600),
    },
    renamed={
        "dates": "поле «dates» (сроки текстом) заменено датами: укажите start и end в виде "
                 "ГГГГ-ММ-ДД, например start: 2026-09-01 и end: 2026-10-30 вместо "
                 "«сентябрь — октябрь 2026».",
        "executors": "поле «executors» заменено полем «responsible»: укажите роль или "
                     "организацию, которая отвечает за мероприятие.",
    },
)

PLAN = ListOf("План мероприятий (таблица): сроки, содержание, ресурсы, порядок проведения, "
              "оценка результатов, ответственные.", item=PLAN_ROW)

ACTORS = {
    "authority": "Муниципальный орган управления образованием",
    "methodical_service": "Муниципальная методическая служба",
    "school": "Школа",
}
"""The road map's columns, in the order seed road maps use."""

ROADMAP_STAGE = Record(
    "Этап дорожной карты.",
    fields={
        "stage": Text("Название этапа, например «Подготовка и запуск программы».",
                      required=True, max_length=250),
        "start": Date("Дата начала этапа.", required=True, example="2026-09-01"),
        "end": Date("Дата окончания этапа.", required=True, example="2026-12-25"),
        **{key: ListOf(f"Что делает {label.lower()} на этом этапе: по пункту на действие.",
                       item=Text("", max_length=600))
           for key, label in ACTORS.items()},
        "results": ListOf("Итоги этапа. Заполните, когда этап пройден: этап с прошедшим "
                          "сроком без итогов на сайте отмечен как просроченный.",
                          item=Text("", max_length=500)),
    },
)

ROADMAP = ListOf("Дорожная карта: этапы, и для каждого — действия муниципального органа "
                 "управления образованием, методической службы и школы.", item=ROADMAP_STAGE)


def plan_dates(data: dict[str, Any]) -> list[Problem]:
    return ends_after_start(data, "plan", "мероприятие плана")


def roadmap_rules(data: dict[str, Any]) -> list[Problem]:
    problems = [*ends_after_start(data, "roadmap", "этап дорожной карты"),
                *stages_in_sequence(data, "roadmap")]
    for index, stage in enumerate(data.get("roadmap") or []):
        if isinstance(stage, dict) and not any(stage.get(actor) for actor in ACTORS):
            problems.append(Problem(
                "EmptyRoadmapStage",
                f"в этапе дорожной карты № {index + 1} нет ни одного действия: заполните "
                f"хотя бы одно из полей {', '.join(ACTORS)}.",
                field=("roadmap", index)))
    return problems


PLAN_RULES = (plan_dates, roadmap_rules)
