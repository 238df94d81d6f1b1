"""Checks across files: references exist, ids are unique, one digest per month."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .fields import ListOf, Record, Reference, suggest
from .library import Entry, Library
from .problems import FieldPath, Problem, Severity


def check_library(library: Library, practice_files: set[str]) -> list[Problem]:
    """Every cross-file problem, located in the file that has to change.

    `practice_files` names every practice file found, valid or not, so that a broken practice
    is reported once, in its own file, not again in every file that links to it.
    """
    problems: list[Problem] = []
    problems += _unique_slugs(library)
    problems += _references(library, practice_files)
    problems += _one_digest_per_month(library)
    return problems


def _locate(entry: Entry, problem: Problem) -> Problem:
    line, column = entry.source_map.position(problem.field) if problem.field else (1, 1)
    return problem.located(entry.shown_path, line, column)


def _unique_slugs(library: Library) -> list[Problem]:
    problems = []
    first: dict[tuple[str, str], Entry] = {}
    for entry in library.entries:
        key = (entry.type.name, entry.slug)
        if key in first:
            problems.append(_locate(entry, Problem(
                "DuplicateId",
                f"имя файла «{entry.slug}.md» уже занято ({first[key].shown_path}): у двух "
                "материалов получился бы один адрес. Переименуйте один из файлов.",
            )))
        else:
            first[key] = entry
    return problems


def iter_references(
    record: Record, data: Any, prefix: FieldPath = ()
) -> Iterator[tuple[FieldPath, str, str]]:
    """(field path, target, id) for every reference in validated data."""
    if not isinstance(data, dict):
        return
    for name, spec in record.fields.items():
        value = data.get(name)
        path = (*prefix, name)
        if isinstance(spec, Reference) and isinstance(value, str):
            yield path, spec.target, value
        elif isinstance(spec, Record):
            yield from iter_references(spec, value, path)
        elif isinstance(spec, ListOf) and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(spec.item, Reference) and isinstance(item, str):
                    yield (*path, index), spec.item.target, item
                elif isinstance(spec.item, Record):
                    yield from iter_references(spec.item, item, (*path, index))


def _references(library: Library, all_practices: set[str]) -> list[Problem]:
    schools = library.registry.schools
    problems = []
    for entry in library.entries:
        for path, target, value in iter_references(entry.type.record, entry.data):
            if target == "schools" and schools.find(value) is None:
                problems.append(_locate(entry, Problem(
                    "UnknownSchool",
                    f"школы с идентификатором «{value}» нет в справочнике content/_data/schools.yml."
                    " Проверьте написание или добавьте школу в справочник.",
                    field=path, hint=suggest(value, schools.names()),
                )))
            elif target == "practice" and value not in all_practices:
                problems.append(_locate(entry, Problem(
                    "UnknownPractice",
                    f"практики «{value}» нет в банке: укажите имя файла практики без .md "
                    "из папки content/practices/.",
                    field=path, hint=suggest(value, sorted(all_practices)),
                )))
            elif target == "practice" and value == entry.slug and entry.type.name == "practice":
                problems.append(_locate(entry, Problem(
                    "SelfReference", "практика ссылается сама на себя: уберите эту ссылку.",
                    field=path, severity=Severity.WARNING,
                )))
    return problems


def _one_digest_per_month(library: Library) -> list[Problem]:
    problems = []
    first: dict[tuple[int, int], Entry] = {}
    issues: dict[int, Entry] = {}
    for entry in sorted((e for e in library.entries if e.type.name == "digest"),
                        key=lambda e: e.shown_path):
        year, month = entry.data["year"], entry.data["month"]
        if (year, month) in first:
            problems.append(_locate(entry, Problem(
                "DuplicateDigest",
                f"дайджест за {entry.period_label} уже есть: {first[(year, month)].shown_path}. "
                "В месяц выходит один выпуск: объедините материалы в одном файле.",
                field=("month",),
            )))
        else:
            first[(year, month)] = entry
        expected = f"{year}-{month:02d}"
        if entry.slug != expected and "-" in entry.slug:
            problems.append(_locate(entry, Problem(
                "DigestFileName",
                f"файл дайджеста за {entry.period_label} должен называться {expected}.md.",
                field=("month",), severity=Severity.WARNING,
            )))
        number = entry.data["issue"]
        if number in issues:
            problems.append(_locate(entry, Problem(
                "DuplicateIssueNumber",
                f"номер выпуска {number} уже занят: {issues[number].shown_path}.",
                field=("issue",),
            )))
        else:
            issues[number] = entry
    return problems
