"""The bank's own registries: assessment criteria, experts, and a school's size band."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics.problems import Problem
from .compound_fields import Record
from .fields import CheckContext, Checked, Field, Vocabulary
from .scalar_fields import Integer, Text, slug_id
from .term_fields import Reference

SIZE_BANDS = ("малая", "средняя", "крупная")
"""School size bands, smallest first; `size_band` computes them from `students`."""
SMALL_BELOW, LARGE_ABOVE = 500, 1200


def size_band(students: int | None) -> str | None:
    """«малая» below 500 pupils, «крупная» above 1200, «средняя» between; None if unknown."""
    if students is None:
        return None
    if students < SMALL_BELOW:
        return SIZE_BANDS[0]
    return SIZE_BANDS[2] if students > LARGE_ABOVE else SIZE_BANDS[1]


@dataclass(frozen=True)
class ScoreLevels(Field):
    """What each score of a criterion's scale means: «0: …», «1: …»."""

    kind_label = "набор «балл: что он значит»"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, dict):
            return None, self.wrong_type(value)
        clean: dict[int, str] = {}
        problems: list[Problem] = []
        meaning = Text("", max_length=300)
        for key, raw in value.items():
            if not str(key).strip().isdigit():
                problems.append(Problem(
                    "BadFormat", f"ключ «{key}» должен быть баллом: целым числом 0, 1, 2 …",
                    field=(key,)))
                continue
            text, found = meaning.check(raw, ctx)
            problems += [p.under(key) for p in found]
            if text is not None:
                clean[int(key)] = text
        return clean, problems

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "object", "patternProperties": {"^[0-9]+$": {"type": "string"}},
                "additionalProperties": False}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return "Набор строк «балл: что он значит», по одной на каждый балл шкалы."


CRITERION = Record(
    "Критерий оценки практики в банке.",
    fields={
        "id": slug_id("Латинский идентификатор: так критерий пишут в рецензии (review.scores)."),
        "name": Text("Название критерия по-русски, например «Актуальность».", required=True,
                     max_length=120),
        "question": Text("Вопрос, на который отвечает рецензент.", required=True,
                         max_length=400),
        "min": Integer("Наименьший балл шкалы.", required=True, minimum=0, maximum=10),
        "max": Integer("Наибольший балл шкалы.", required=True, minimum=1, maximum=10),
        "levels": ScoreLevels("Что значит каждый балл, по строке на балл.", required=True),
        "min_recommended": Integer(
            "Наименьший балл, с которым практику можно рекомендовать к тиражированию.",
            required=True, minimum=0, maximum=10),
    },
)

EXPERT = Record(
    "Эксперт, который рецензирует практики (без телефонов и адресов почты).",
    fields={
        "id": slug_id("Латинский идентификатор: его пишут в review.reviewer."),
        "name": Text("Фамилия, имя, отчество.", required=True, max_length=120),
        "position": Text("Должность и место работы.", required=True, max_length=200),
        "department": Reference("Кафедра или отдел института: идентификатор из "
                                "departments.yml.", required=True, target="departments"),
    },
)


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    question: str
    min: int
    max: int
    levels: dict[int, str]
    min_recommended: int


@dataclass(frozen=True)
class Expert:
    id: str
    name: str
    position: str
    department: str


@dataclass
class BankRegistries:
    """Criteria in the order of criteria.yml and experts by id; `available` as for schools."""

    criteria: list[Criterion] = field(default_factory=list)
    criteria_available: bool = True
    experts: dict[str, Expert] = field(default_factory=dict)
    experts_available: bool = True

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)


def criteria_from(rows: list[dict[str, Any]], shown: str) -> tuple[list[Criterion],
                                                                     list[Problem]]:
    """The criteria of criteria.yml's valid rows; a row with a broken scale is left out."""
    criteria: list[Criterion] = []
    problems: list[Problem] = []
    for row in rows:
        found = _scale_problems(row)
        problems += [p.located(shown, row["_line"], 1) for p in found]
        if not found:
            criteria.append(Criterion(row["id"], row["name"], row["question"], row["min"],
                                      row["max"], row["levels"], row["min_recommended"]))
    return criteria, problems


def experts_from(rows: list[dict[str, Any]], departments: set[str],
                 shown: str) -> tuple[dict[str, Expert], list[Problem]]:
    """The experts of experts.yml's valid rows; each names a department of the institute."""
    experts: dict[str, Expert] = {}
    problems: list[Problem] = []
    for row in rows:
        if row["department"] not in departments:
            problems.append(Problem(
                "UnknownTerm",
                f"подразделения «{row['department']}» нет в content/_data/departments.yml: "
                "укажите идентификатор кафедры или отдела оттуда.",
                field=(row["_index"], "department"),
            ).located(shown, row["_line"], 1))
        experts.setdefault(row["id"], Expert(row["id"], row["name"], row["position"],
                                             row["department"]))
    return experts, problems


def _scale_problems(row: dict[str, Any]) -> list[Problem]:
    """The scale is a range, every score of it is explained, the threshold is on it."""
    low, high = row["min"], row["max"]
    where = (row["_index"],)
    if low >= high:
        return [Problem("BadRange", f"у критерия {row['id']} наименьший балл ({low}) не меньше "
                        f"наибольшего ({high}).", field=(*where, "min"))]
    problems = []
    expected = set(range(low, high + 1))
    if set(row["levels"]) != expected:
        problems.append(Problem(
            "BadRange",
            f"у критерия {row['id']} в «levels» должно быть ровно по строке на каждый балл от "
            f"{low} до {high}.", field=(*where, "levels")))
    if not low <= row["min_recommended"] <= high:
        problems.append(Problem(
            "BadRange",
            f"у критерия {row['id']} порог «min_recommended» ({row['min_recommended']}) вне "
            f"шкалы от {low} до {high}.", field=(*where, "min_recommended")))
    return problems
