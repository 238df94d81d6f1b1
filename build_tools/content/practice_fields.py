"""A practice's replication fields: review, decision, results, passport, adoptions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..diagnostics.problems import Problem
from .bank_registries import SIZE_BANDS
from .compound_fields import ListOf, Record
from .fields import SLUG_PATTERN, CheckContext, Checked, Field, Vocabulary
from .scalar_fields import Date, Integer, Number, Text
from .schools import SCHOOL_KINDS, SETTLEMENTS
from .term_fields import Choice, Reference, Term

RESULT_MIN, RESULT_MAX = -1_000_000, 1_000_000_000
"""Bounds of a practice's measured result: percentages, scores, counts of people or roubles;
a value outside them is a typo (or an attempt to print «inf %»), not a result."""

DECISION_STATUSES = ("опубликовано", "рекомендовано к тиражированию")
"""The statuses a decision of the bank can give (the public ones of content_types.Status)."""

LAUNCH_TIMES = ("до 1 месяца", "1–3 месяца", "3–6 месяцев", "6–12 месяцев", "больше года")
"""How long a school needs to launch the practice, shortest first."""

SCORE_MAX = 10


@dataclass(frozen=True)
class Scores(Field):
    """Scores of a review: criterion id → whole number; the criteria are checked later."""

    kind_label = "набор «критерий: балл»"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, dict):
            return None, self.wrong_type(value)
        clean: dict[str, int] = {}
        problems: list[Problem] = []
        score = Integer("", minimum=0, maximum=SCORE_MAX)
        for key, raw in value.items():
            number, found = score.check(raw, ctx)
            problems += [p.under(key) for p in found]
            if number is not None:
                clean[str(key)] = int(number)
        return clean, problems

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": False,
                "patternProperties": {SLUG_PATTERN: {"type": "integer", "minimum": 0,
                                                     "maximum": SCORE_MAX}}}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return ("Набор строк «критерий: балл»: идентификатор критерия из content/_data/"
                "criteria.yml и целый балл в пределах его шкалы.")


REVIEW = Record(
    "Рецензия: кто и когда оценил практику, баллы по критериям банка и короткое заключение. "
    "Обязательна для статусов «опубликовано» и «рекомендовано к тиражированию».",
    fields={
        "reviewer": Reference("Рецензент: идентификатор эксперта из experts.yml или кафедры "
                              "из departments.yml.", required=True, target="reviewers",
                              example="sokolova-ip"),
        "date": Date("Дата рецензии.", required=True, example="2026-06-10"),
        "scores": Scores("Баллы по критериям банка (criteria.yml): «критерий: балл». Для "
                         "рекомендации к тиражированию нужен балл по каждому критерию.",
                         example={"relevance": 3, "measurable": 2}),
        "conclusion": Text("Короткое заключение рецензента.", max_length=800),
    },
)

DECISION = Record(
    "Решение банка о практике: какой статус ей присвоен, когда и кем. Обязательно для "
    "статуса «рекомендовано к тиражированию».",
    fields={
        "status": Choice("Присвоенный статус: тот же, что в поле status.", required=True,
                         options=DECISION_STATUSES, label="статус решения",
                         example=DECISION_STATUSES[1]),
        "date": Date("Дата решения.", required=True, example="2026-07-01"),
        "by": Reference("Кто принял решение: идентификатор подразделения из departments.yml.",
                        required=True, target="departments", example="tsentr-soprovozhdeniya"),
        "document": Text("Документ о решении, например «протокол экспертного совета № 4».",
                         max_length=200),
    },
)

GRADES = Record(
    "Классы, в которых работает практика: from и to от 0 (дошкольная группа) до 11.",
    fields={
        "from": Integer("С какого класса (0 — дошкольная группа).", required=True, minimum=0,
                        maximum=11, example=5),
        "to": Integer("По какой класс включительно.", required=True, minimum=0, maximum=11,
                      example=9),
    },
)

SAMPLE = Record(
    "На ком измерено: сколько обучающихся, педагогов, классов, школ.",
    fields={name: Integer(doc, minimum=0, maximum=1_000_000) for name, doc in (
        ("pupils", "Число обучающихся."), ("teachers", "Число педагогов."),
        ("classes", "Число классов."), ("schools", "Число школ."))},
)

RESULT = Record("Результат.", fields={
    "monitoring": Reference("Показатель мониторинга из indicators.yml: тогда название, единица "
                            "и направление берутся из справочника.", target="indicators",
                            example="young-teachers-retention"),
    "indicator": Text("Показатель (обязателен, если не указан monitoring).", max_length=300),
    "unit": Text("Единица измерения (при monitoring — как в справочнике).", max_length=30),
    "before": Number("Значение до начала практики.", required=True,
                     minimum=RESULT_MIN, maximum=RESULT_MAX),
    "after": Number("Значение после.", required=True, minimum=RESULT_MIN, maximum=RESULT_MAX),
    "period": Text("Период измерения, например 2022–2025.", max_length=60),
    "source": Text("Как измерено: источник данных, например «кадровый учёт школы».",
                   max_length=300),
    "sample": SAMPLE,
})

RESULTS = ListOf("Измеримые результаты: показатель до и после, источник и выборка.",
                 item=RESULT)

CONDITIONS = Record(
    "Для каких школ подходит практика.",
    fields={
        "school_kinds": ListOf("Типы школ.", item=Choice("", options=SCHOOL_KINDS,
                                                        label="тип школы")),
        "settlements": ListOf("Город или село.", item=Choice("", options=SETTLEMENTS,
                                                           label="тип населённого пункта")),
        "sizes": ListOf("Размер школы: малая (меньше 500 обучающихся), средняя (500–1200), "
                        "крупная (больше 1200).",
                        item=Choice("", options=SIZE_BANDS, label="размер школы")),
        "prerequisites": ListOf("Что должно быть в школе до начала.",
                                item=Text("", max_length=300)),
    },
)

RESOURCES = Record(
    "Что нужно для практики: люди, оборудование, деньги.",
    fields={
        "roles": ListOf("Кто выполняет работу и сколько времени она занимает.", item=Record(
            "Роль.", fields={
                "role": Text("Роль, например «учитель-наставник».", required=True,
                             max_length=100),
                "count": Integer("Сколько человек.", minimum=1, maximum=1000),
                "hours": Text("Сколько времени, например «2 часа в неделю».", max_length=100),
            })),
        "equipment": ListOf("Оборудование и помещения.", item=Text("", max_length=300)),
        "cost": Term("Затраты в год: диапазон из cost_bands.yml.", vocabulary="cost_bands",
                     example="до 50 тыс. ₽ в год"),
    },
)

PASSPORT = Record(
    "Паспорт тиражирования: условия, ресурсы, срок запуска, шаги и риски. Для черновика "
    "необязателен; для рекомендации к тиражированию нужны затраты, срок запуска и хотя бы "
    "три шага.",
    fields={
        "conditions": CONDITIONS,
        "resources": RESOURCES,
        "launch": Choice("Сколько времени нужно на запуск.", options=LAUNCH_TIMES,
                         label="срок запуска", example=LAUNCH_TIMES[2]),
        "steps": ListOf("Шаги переноса практики в другую школу, по порядку.",
                        item=Text("", max_length=500)),
        "risks": ListOf("Риски и как с ними справились.", item=Record("Риск.", fields={
            "risk": Text("Что может пойти не так.", required=True, max_length=300),
            "mitigation": Text("Как с этим справились.", max_length=500),
        })),
    },
)

ADOPTIONS = ListOf(
    "Школы, которые переняли практику: для каждой — год и что изменили.",
    item=Record("Внедрение в другой школе.", fields={
        "school": Reference("Школа: идентификатор из schools.yml (не школа-автор).",
                            required=True, target="schools"),
        "year": Integer("Год внедрения: не раньше года начала практики и не позже текущего.",
                        required=True, minimum=1990, maximum=2100, example=2024),
        "adapted": Text("Что изменили при переносе.", max_length=500),
        "result": Text("Чего добились.", max_length=500),
        "indicators": ListOf("Показатели мониторинга (indicators.yml), по которым виден "
                             "результат.", item=Reference("", target="indicators")),
    }),
)

RENAMED = {
    "reviewer": "поле «reviewer» заменено полем «review»: укажите review.reviewer "
                "(идентификатор эксперта или кафедры) и review.date.",
    "reviewed": "поле «reviewed» заменено полем «review»: дату рецензии укажите в review.date.",
    "adopted_by": "поле «adopted_by» заменено полем «adoptions»: для каждой школы укажите "
                  "school и year.",
}
"""Old practice fields → what to write instead."""
