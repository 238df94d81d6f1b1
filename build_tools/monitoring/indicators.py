"""The indicator registry: what each monitoring indicator means and how it is read."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.compound_fields import ListOf, Record
from ..content.registries import Registry, display_path, read_rows
from ..content.russian import plural
from ..content.scalar_fields import Number, Text, slug_id
from ..content.term_fields import Choice
from ..diagnostics.problems import Problem
from .captions import Forms, amount
from .periods import WAVE_LABELS, Kind, Wave

INDICATORS_FILE = "indicators.yml"


class Direction(enum.Enum):
    HIGHER = "больше — лучше"
    LOWER = "меньше — лучше"

    def sign(self) -> int:
        """+1 when growth is improvement, −1 when decline is."""
        return 1 if self is Direction.HIGHER else -1


class Aggregation(enum.Enum):
    MEAN = "среднее"
    SUM = "сумма"
    SHARE = "доля"
    """A percentage per school; districts show the mean of the schools' shares."""


class Group(enum.Enum):
    """What an indicator says about a school, as the road map names it."""

    LEARNING = "результаты обучения"
    TEACHING = "педагогический потенциал"
    CONTEXT = "среда и контекст"
    MANAGEMENT = "управление"
    PARTICIPATION = "участие"

    @property
    def anchor(self) -> str:
        """A heading id for pages that list indicators by group."""
        return f"gruppa-{self.name.lower()}"

    @property
    def heading(self) -> str:
        return self.value[0].upper() + self.value[1:]


class Source(enum.Enum):
    REGIONAL = "региональный мониторинг"
    KIM = "диагностика КИМ"
    QUESTIONNAIRE = "анкетирование"
    ENVIRONMENT = "диагностика школьной среды"
    SCHOOL_REPORT = "отчёт школы"


INDICATOR = Record(
    "Показатель мониторинга.",
    fields={
        "id": slug_id("Латинский идентификатор: так показатель называется в таблицах."),
        "name": Text("Название показателя по-русски.", required=True, max_length=200),
        "unit": Text("Единица измерения: %, баллы, чел.", required=True, max_length=30),
        "unit_forms": ListOf(
            "Как единица пишется после числа 1, 2 и 5, если это слово: [балл, балла, баллов]. "
            "Тогда на страницах «рост на 1,6 балла», а не «на 1,6 баллы». Для % не нужно.",
            item=Text("Форма единицы.", max_length=30), min_items=3, unique=False,
            example=["балл", "балла", "баллов"]),
        "better": Choice("Что считается улучшением.", required=True,
                         options=tuple(d.value for d in Direction), label="направление"),
        "min": Number("Наименьшее допустимое значение.", required=True),
        "max": Number("Наибольшее допустимое значение.", required=True),
        "aggregate": Choice("Как сводить значения школ по району.", required=True,
                            options=tuple(a.value for a in Aggregation), label="свёртка"),
        "methodology": Text("Версия методики расчёта, например «2025, ред. 2».", required=True,
                            max_length=120),
        "description": Text("Как считается показатель, одним-двумя предложениями.",
                            max_length=600),
        "group": Choice("Что показатель говорит о школе.", required=True,
                        options=tuple(g.value for g in Group), label="группа"),
        "source": Choice("Откуда берутся значения.", required=True,
                         options=tuple(s.value for s in Source), label="источник"),
        "period_kind": Choice("За какие периоды даются значения: у всех значений показателя "
                              "период этого вида.", required=True,
                              options=tuple(k.label for k in Kind), label="вид периода"),
        "waves": ListOf("Волны, если показатель измеряют несколько раз за период: тогда в "
                        "таблицах обязателен столбец «волна».",
                        item=Choice("Волна.", options=WAVE_LABELS, label="волна")),
        "meaningful_change": Number(
            "Наименьшее изменение, которое считается настоящим, в единицах показателя (для "
            "показателя в % — в процентных пунктах). Обязательно для результатов обучения.",
            minimum=0),
    },
)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    unit: str
    better: Direction
    min: float
    max: float
    aggregate: Aggregation
    methodology: str
    description: str = ""
    group: Group = Group.LEARNING
    source: Source = Source.REGIONAL
    period_kind: Kind = Kind.ACADEMIC_YEAR
    waves: tuple[Wave, ...] = ()
    """Empty when the indicator is measured once per period."""
    meaningful_change: float | None = None
    """The least change that counts, in `change_unit`; required for learning results."""
    unit_forms: Forms | None = None
    """The unit after 1, 2 and 5, when it is a word that agrees with its number."""

    @property
    def ranked(self) -> bool:
        """Context indicators describe where a school works, not what it achieved: they are
        shown beside the others but never rank or select schools."""
        return self.group is not Group.CONTEXT

    def value_amount(self, number: str) -> str:
        """«4,7 балла», «45,0 %»."""
        return amount(number, self.unit, self.unit_forms)

    def change_amount(self, number: str) -> str:
        """«+1,6 балла», «−2,0 п. п.»."""
        return amount(number, self.unit, self.unit_forms, change=True)

    @property
    def change_unit(self) -> str:
        """The unit of a change: percentage points for a percentage, else the unit itself."""
        return "п. п." if self.unit.strip() == "%" else self.unit


def load_indicators(
    data_dir: Path, registry: Registry, content_root: Path, display_root: Path
) -> tuple[dict[str, Indicator], list[Problem]]:
    path = data_dir / INDICATORS_FILE
    problems: list[Problem] = []
    if not path.is_file():
        return {}, problems
    rows = read_rows(path, INDICATOR, registry, content_root, display_root, problems)
    indicators: dict[str, Indicator] = {}
    shown = display_path(path, display_root)
    for row in rows:
        found = _row_problems(row)
        problems += [p.located(shown, row["_line"], 1) for p in found]
        if found:
            continue
        indicators[row["id"]] = Indicator(
            row["id"], row["name"], row["unit"], Direction(row["better"]), row["min"],
            row["max"], Aggregation(row["aggregate"]), row["methodology"],
            row["description"] or "", Group(row["group"]), Source(row["source"]),
            Kind.by_label(row["period_kind"]),
            tuple(sorted(Wave.by_label(w) or Wave.NONE for w in row["waves"] or ())),
            row["meaningful_change"], _forms(row["unit_forms"]))
    return indicators, problems


def _forms(listed: list[str] | None) -> Forms | None:
    return (listed[0], listed[1], listed[2]) if listed else None


def _row_problems(row: dict[str, Any]) -> list[Problem]:
    """Rules between fields, which no single field can check."""
    problems = []
    if row["unit_forms"] and len(row["unit_forms"]) != 3:
        problems.append(Problem(
            "BadUnitForms", f"у показателя {row['id']} в unit_forms "
            f"{plural(len(row['unit_forms']), 'форма', 'формы', 'форм')}, а нужно ровно три: "
            "после 1, 2 и 5, например [балл, балла, баллов].",
            field=(row["_index"], "unit_forms")))
    if row["min"] >= row["max"]:
        problems.append(Problem(
            "BadRange", f"у показателя {row['id']} наименьшее значение не меньше наибольшего.",
            field=(row["_index"], "min")))
    if row["group"] == Group.LEARNING.value and row["meaningful_change"] is None:
        problems.append(Problem(
            "MissingMeaningfulChange",
            f"у показателя {row['id']} из группы «{Group.LEARNING.value}» не задано "
            "meaningful_change — наименьшее изменение, которое считается настоящим (для "
            "показателя в % — в процентных пунктах). Без него нельзя отличить улучшение "
            "от случайного колебания.",
            field=(row["_index"], "meaningful_change")))
    return problems

