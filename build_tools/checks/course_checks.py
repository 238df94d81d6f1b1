"""Courses and the conference across files: references from digest items lead to an existing
course or edition, and an edition's file is named by its year."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..content.fields import suggest
from ..content.library import Entry
from ..diagnostics.problems import Problem
from .checks import references_of

TARGETS = {"course": "courses", "conference": "conference"}
"""Reference target → the content folder whose file names are its ids."""


def check_courses(entries: list[Entry], files: Mapping[str, list[Path]]) -> list[Problem]:
    """`files` lists every entry file per content folder, readable or not: a course with
    errors of its own is reported in its file, not again in every digest that names it."""
    names = {target: sorted({p.stem for p in files.get(folder, ())})
             for target, folder in TARGETS.items()}
    problems: list[Problem] = []
    for entry in entries:
        if entry.type.name == "conference":
            problems += _edition_file_name(entry)
        for path, target, value in references_of(entry):
            if target in TARGETS and value not in names[target]:
                problems.append(entry.source_map.locate(
                    _unknown(target, value, names[target]).under(*path), entry.shown_path))
    return problems


def _unknown(target: str, value: str, known: list[str]) -> Problem:
    listed = ", ".join(known) or "пока ни одного"
    if target == "course":
        return Problem(
            "UnknownCourse",
            f"курса «{value}» нет: укажите имя файла курса без .md из папки content/courses/ "
            f"({listed}).", hint=suggest(value, known))
    return Problem(
        "UnknownConference",
        f"выпуска конференции «{value}» нет: укажите год выпуска, у которого есть файл в "
        f"папке content/conference/ ({listed}).", hint=suggest(value, known))


def _edition_file_name(entry: Entry) -> list[Problem]:
    year = entry.data.get("year")
    if not isinstance(year, int) or entry.slug == str(year):
        return []
    return [entry.source_map.locate(Problem(
        "ConferenceYearMismatch",
        f"в файле {entry.slug}.md описан выпуск {year} года: файл выпуска называется по "
        f"году, {year}.md, — по нему читатели и дайджест находят выпуск.",
        field=("year",)), entry.shown_path)]
