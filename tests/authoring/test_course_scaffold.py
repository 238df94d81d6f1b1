"""`kb new course` and `kb new conference`: the file, its sections, and the edition's year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.engine.cli import main


def run_new(project: Path, *args: str) -> int:
    return main(["-f", str(project / "mkdocs.yml"), "new", *args])


def test_new_course_has_hours_groups_and_programme_sections(project: Path) -> None:
    assert run_new(project, "course", "Школьная медиация для классных руководителей") == 0
    text = (project / "content/courses/shkolnaya-mediatsiya-dlya-klassnyh-rukovoditeley.md"
            ).read_text(encoding="utf-8")
    assert "title: Школьная медиация для классных руководителей\n" in text
    assert ("# Объём программы в академических часах (целое число больше нуля). Обязательно. "
            "Целое число от 1\n# до 1000. Пример: 72.\nhours:\n") in text
    assert "Одно из значений: очно; дистанционно; смешанный. Пример:\n# очно.\nformat:\n" in text
    assert "groups: []\n" in text and "#   - name:" in text
    assert "## Программа\n" in text and "## Кого ждём\n" in text


def test_new_conference_edition_is_named_by_its_year(project: Path) -> None:
    assert run_new(project, "conference", "2027") == 0
    text = (project / "content/conference/2027.md").read_text(encoding="utf-8")
    assert "\nyear: 2027\n" in text
    assert "\ndates:\n" in text and "\n  start:\n" in text and "\n  end:\n" in text
    assert "status: черновик" in text and "## Главное" in text


@pytest.mark.parametrize("argument", ["двадцать седьмой", "2016", "27"])
def test_a_wrong_year_is_explained(project: Path, argument: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run_new(project, "conference", argument) != 0
    assert (f"kb new: год выпуска конференции «{argument}» не подходит: укажите год от 2017 "
            "до 2100, например: kb new conference 2027.") in capsys.readouterr().err


def test_without_a_year_the_current_one_is_taken(project: Path) -> None:
    year = dt.date.today().year
    (project / "content" / "conference" / f"{year}.md").unlink(missing_ok=True)
    assert run_new(project, "conference") == 0
    assert f"\nyear: {year}\n" in (project / f"content/conference/{year}.md").read_text("utf-8")
