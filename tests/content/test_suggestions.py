"""Suggestions for what editors write in their own words: a Russian-order date, a school's
name where its id goes, an everyday name of a level (build_tools/content/suggestions.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from build_tools.content.registries import Term as VocabularyTerm
from build_tools.content.registries import TermList, VocabularySpec
from build_tools.content.scalar_fields import Date
from build_tools.content.suggestions import russian_date, school_hint
from build_tools.content.term_fields import Term
from build_tools.content.yaml_source import Plain
from tests.helpers import KbRunner, edit, line_of

LEVELS = TermList(VocabularySpec("levels", "уровень образования", ""), [
    VocabularyTerm("preschool", "дошкольное", everyday=("детский сад",)),
    VocabularyTerm("primary", "начальное общее", everyday=("начальная школа", "1–4 классы")),
    VocabularyTerm("basic", "основное общее"),
])

SCHOOLS = [
    ("gatchina-mayak", "МБОУ «Гатчинская средняя общеобразовательная школа № 14 «Маяк»",
     "Школа «Маяк»"),
    ("kommunar-3", "МОБУ «Коммунарская средняя общеобразовательная школа № 3»",
     "Коммунарская школа № 3"),
    ("luga-luch", "МОУ «Лужская средняя общеобразовательная школа № 8 «Луч»", "Школа «Луч»"),
    ("sertolovo-litsey-7", "МАОУ «Сертоловский лицей № 7»", "Лицей № 7"),
]


class Context:
    content_root = Path(".")
    file_path = Path("practices/x.md")

    def vocabulary(self, name: str) -> TermList:
        return LEVELS


def test_a_date_in_russian_order_suggests_the_iso_form() -> None:
    for written in ("5.03.2026", "05.03.2026", "5 марта 2026", "5 марта 2026 г."):
        value, problems = Date("").check(Plain(written), Context())
        assert value is None
        assert [(p.code, p.text) for p in problems] == [(
            "WrongType",
            f"ожидается дата в виде ГГГГ-ММ-ДД, а здесь «{written}». "
            "Возможно, вы имели в виду «2026-03-05».")]
        assert problems[0].hint == "Возможно, вы имели в виду «2026-03-05»."


def test_not_a_date_or_an_impossible_one_suggests_nothing() -> None:
    assert russian_date("31.02.2026") is None
    assert russian_date("5 мартобря 2026") is None
    assert russian_date("весна 2026") is None
    assert russian_date("05/03/2026") == dt.date(2026, 3, 5)
    _, problems = Date("").check(Plain("31.02.2026"), Context())
    assert problems[0].hint == ""


def test_an_everyday_level_name_suggests_the_term() -> None:
    field = Term("", vocabulary="levels")
    value, problems = field.check(Plain("Начальная школа"), Context())
    assert value is None
    assert [p.text for p in problems] == [
        "неизвестное значение «Начальная школа» (уровень образования). Допустимые значения: "
        "дошкольное, начальное общее, основное общее. "
        "Возможно, вы имели в виду «начальное общее»."]
    assert field.check(Plain("1-4 классы"), Context())[1][0].hint == \
        "Возможно, вы имели в виду «начальное общее»."
    # A near miss of the term itself still gets the usual suggestion.
    assert field.check(Plain("основное"), Context())[1][0].hint == \
        "Возможно, вы имели в виду «основное общее»."


@pytest.mark.parametrize(("written", "school_id", "short"), [
    ("Лицей 7", "sertolovo-litsey-7", "Лицей № 7"),
    ("лицей №7", "sertolovo-litsey-7", "Лицей № 7"),
    ("школа № 14", "gatchina-mayak", "Школа «Маяк»"),
    ("МБОУ СОШ № 8 «Луч»", "luga-luch", "Школа «Луч»"),
    ("Маяк", "gatchina-mayak", "Школа «Маяк»"),
    ("Гатчинская школа", "gatchina-mayak", "Школа «Маяк»"),
])
def test_a_schools_name_suggests_its_id(written: str, school_id: str, short: str) -> None:
    assert school_hint(written, SCHOOLS) == (
        f"Возможно, вы имели в виду «{school_id}» ({short}): в этом поле пишут идентификатор "
        "школы из content/_data/schools.yml, а не её название.")


def test_a_name_too_general_or_unknown_suggests_nothing() -> None:
    assert school_hint("школа", SCHOOLS) == ""
    assert school_hint("школа № 12", SCHOOLS) == ""
    assert school_hint("Гимназия «Альфа»", SCHOOLS) == ""
    assert school_hint("СОШ", SCHOOLS) == (
        "Возможно, вы имели в виду одну из школ: «gatchina-mayak» (Школа «Маяк»), "
        "«kommunar-3» (Коммунарская школа № 3), «luga-luch» (Школа «Луч»). В этом поле "
        "пишут идентификатор школы из content/_data/schools.yml, а не её название.")


def test_kb_validate_reports_the_three_suggestions_located(project: Path,
                                                            kb: KbRunner) -> None:
    """In one run, each at its file, line and field."""
    shown = "content/practices/nastavnichestvo-molodyh-uchiteley-novoy-shkoly.md"
    edit(project, shown, "school: kudrovo-gorizont", "school: СОШ «Горизонт»")
    edit(project, shown, "levels: [основное общее, среднее общее]",
         "levels: [начальная школа, среднее общее]")
    edit(project, shown, "  date: 2025-10-20", "  date: 20.10.2025")
    result = kb("validate", "--format", "json", cwd=project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    found = {(p["field"], p["code"], p["line"], p["hint"])
             for p in report["problems"] if p["path"] == shown}
    assert found == {
        ("school", "UnknownSchool", line_of(project, shown, "school: СОШ"),
         "Возможно, вы имели в виду «kudrovo-gorizont» (Школа «Горизонт»): в этом поле пишут "
         "идентификатор школы из content/_data/schools.yml, а не её название."),
        ("levels[0]", "UnknownTerm", line_of(project, shown, "levels:"),
         "Возможно, вы имели в виду «начальное общее»."),
        ("review.date", "WrongType", line_of(project, shown, "  date: 20.10.2025"),
         "Возможно, вы имели в виду «2025-10-20»."),
    }
