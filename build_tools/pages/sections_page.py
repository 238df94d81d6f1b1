"""«Другие разделы» (`more/`): the sections that do not get a top tab, under the «Ещё» tab.

The top navigation keeps the sections a reader opens every week; everything else is listed here
with one line on what it holds, so that the tabs fit a 1280 px screen without cutting words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.registries import VOCABULARIES

if TYPE_CHECKING:
    from .pages import PageSpec, SiteBuilder

SECTIONS_SRC = "more/index.md"
SECTIONS_URL = "more/"
SECTIONS_TITLE = "Другие разделы"


@dataclass(frozen=True)
class Section:
    url: str
    title: str
    about: str


@dataclass(frozen=True)
class SectionGroup:
    id: str
    title: str
    sections: tuple[Section, ...]


def _browse() -> tuple[Section, ...]:
    """The vocabularies with pages: practices by topic, level, subject, district, project."""
    about = {
        "topics": "практики и рекомендации по темам: наставничество, ОВЗ, работа с родителями",
        "levels": "от дошкольного до среднего общего и дополнительного образования",
        "subjects": "практики по учебным предметам",
        "districts": "школы и практики каждого района",
        "projects": "проекты Ассоциации, их участники и продукты",
        "audiences": "для кого написаны материалы: руководители, педагоги, методисты",
    }
    return tuple(Section(f"{spec.url}/", spec.title, about.get(spec.name, ""))
                 for spec in VOCABULARIES if spec.url)


GROUPS = (
    SectionGroup("dannye", "Данные и мониторинг", (
        Section("monitoring/", "Мониторинг", "показатели школ по годам: таблицы, графики и "
                "кандидаты в стажировочные площадки"),
        Section("data/", "Открытые данные", "банк практик, рекомендации и реестр школ в "
                "форматах CSV и JSON, с описанием полей"),
    )),
    SectionGroup("o-banke", "О банке практик", (
        Section("guide/", "Как предложить практику", "поля, проверка, предпросмотр и что "
                "значат сообщения проверки"),
        Section("bank/polozhenie/", "Положение о банке лучших практик", "кто подаёт и кто "
                "оценивает практики, критерии и статусы"),
        Section("bank/evidence/", "Как мы оцениваем доказанность", "что значат замки силы "
                "доказательств"),
        Section("search/", "Поиск по сайту", "практики, рекомендации и выпуски дайджеста"),
    )),
)


def groups() -> tuple[SectionGroup, ...]:
    return (SectionGroup("po-temam", "Практики по темам и рубрикам", _browse()), *GROUPS)


def sections_page(site: SiteBuilder) -> PageSpec:
    from .pages import PageSpec

    return PageSpec(SECTIONS_SRC, SECTIONS_TITLE, site._render(
        "sections.html", SECTIONS_URL, groups=groups()),
        description="Разделы сайта, которых нет в верхнем меню: мониторинг, темы, открытые "
                    "данные, правила банка и инструкция для редакторов.")
