"""The member-schools registry (content/_data/schools.yml): the record editors write and the
schools the build reads from it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .association import DIVISION, ORG_TYPE, ORG_TYPES
from .bank_registries import size_band
from .compound_fields import Record
from .fields import normalize
from .scalar_fields import Integer, Text, Url, slug_id
from .term_fields import Choice
from .term_fields import Term as TermField

SCHOOL_KINDS = ("новостройка", "после реновации")
SETTLEMENTS = ("город", "село")

SCHOOL = Record(
    "Школа — участник Ассоциации новых школ.",
    fields={
        "id": slug_id("Латинский идентификатор школы: на него ссылаются практики."),
        "name": Text("Полное официальное название.", required=True),
        "short_name": Text("Краткое название для списков и карточек.", required=True),
        "district": TermField("Муниципальный район из словаря районов.", required=True,
                         vocabulary="districts"),
        "kind": Choice("Новостройка или школа после реновации.", required=True,
                       options=SCHOOL_KINDS, label="тип школы"),
        "opened": Integer("Год открытия здания (или окончания реновации).", required=True,
                          minimum=1800, maximum=2100),
        "member_since": Integer("Год вступления в Ассоциацию.", required=True,
                                minimum=2019, maximum=2100),
        "type": ORG_TYPE,
        "division": DIVISION,
        "support_programme_since": Integer(
            "Год входа в региональную программу поддержки школ с низкими результатами и в "
            "неблагоприятных условиях; пусто, если школа в ней не участвует.",
            minimum=2000, maximum=2100),
        "locality": Text("Населённый пункт."),
        "students": Integer("Примерное число обучающихся: по нему школа попадает в малые "
                            "(меньше 500), средние (500–1200) или крупные (больше 1200).",
                            minimum=0, maximum=10000),
        "settlement": Choice("Город или село: по нему учитель подбирает практики для школ, "
                             "похожих на свою.", required=True, options=SETTLEMENTS,
                             label="тип населённого пункта"),
        "website": Url("Официальный сайт школы (https://…).", max_length=300,
                       example="https://gorizont-kudrovo.example/"),
        "contact": Url("Официальная страница контактов школы (организации, не сотрудника).",
                       max_length=300),
    },
    renamed={"internship_site": "поле «internship_site» заменено реестром стажировочных "
                                "площадок: опишите площадку в content/_data/internship_sites.yml "
                                "(уровень, срок, решение, программа) и удалите поле у школы."},
)


@dataclass
class School:
    id: str
    name: str
    short_name: str
    district: str
    kind: str
    opened: int
    member_since: int
    locality: str = ""
    students: int | None = None
    settlement: str = SETTLEMENTS[0]
    website: str = ""
    contact: str = ""
    support_programme_since: int | None = None
    """Year it entered the programme for schools with low results; None when it is not in it."""
    type: str = ORG_TYPES[0]
    """школа, детский сад or дополнительное образование (association.ORG_TYPES)."""
    division: str = ""
    """A division taking part on its own, e.g. «дошкольное отделение»; empty when none."""

    @property
    def in_support_programme(self) -> bool:
        return self.support_programme_since is not None

    @property
    def size(self) -> str | None:
        """малая, средняя or крупная (see `size_band`)."""
        return size_band(self.students)

    def is_new_building(self) -> bool:
        return self.kind == SCHOOL_KINDS[0]


@dataclass
class Schools:
    """The member schools, in the order of the registry."""

    items: dict[str, School] = field(default_factory=dict)
    label: str = "школа"
    available: bool = True
    """False when schools.yml, or a vocabulary its rows need, could not be read: references
    to schools are then not reported one by one."""
    broken: frozenset[str] = frozenset()
    """Ids of rows that are in schools.yml but have an error (reported there)."""

    def is_broken(self, value: str) -> bool:
        return normalize(value) in self.broken

    def names(self) -> list[str]:
        return list(self.items)

    def find(self, value: str) -> str | None:
        return value if value in self.items else None

    def get(self, school_id: str) -> School:
        return self.items[school_id]

    def in_district(self, district: str) -> list[School]:
        return [s for s in self.items.values() if s.district == district]

    def __iter__(self) -> Iterator[School]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)


