"""The indicator registry: what each monitoring indicator means and how it is read."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from ..content.compound_fields import Record
from ..content.registries import Registry, display_path, read_rows
from ..content.scalar_fields import Number, Text, slug_id
from ..content.term_fields import Choice
from ..diagnostics.problems import Problem

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


INDICATOR = Record(
    "Показатель мониторинга.",
    fields={
        "id": slug_id("Латинский идентификатор: так показатель называется в таблицах."),
        "name": Text("Название показателя по-русски.", required=True, max_length=200),
        "unit": Text("Единица измерения: %, баллы, чел.", required=True, max_length=30),
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


def load_indicators(
    data_dir: Path, registry: Registry, content_root: Path, display_root: Path
) -> tuple[dict[str, Indicator], list[Problem]]:
    path = data_dir / INDICATORS_FILE
    problems: list[Problem] = []
    if not path.is_file():
        return {}, problems
    rows = read_rows(path, INDICATOR, registry, content_root, display_root, problems)
    indicators: dict[str, Indicator] = {}
    for row in rows:
        if row["min"] >= row["max"]:
            problems.append(Problem(
                "BadRange", f"у показателя {row['id']} наименьшее значение не меньше наибольшего.",
                field=(row["_index"], "min"),
            ).located(display_path(path, display_root), row["_line"], 1))
            continue
        indicators[row["id"]] = Indicator(
            row["id"], row["name"], row["unit"], Direction(row["better"]), row["min"],
            row["max"], Aggregation(row["aggregate"]), row["methodology"],
            row["description"] or "")
    return indicators, problems

