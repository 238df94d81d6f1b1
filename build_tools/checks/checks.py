"""Checks across files: references exist, ids and titles are unique, links lead somewhere."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from functools import lru_cache
from typing import Any

from ..content.compound_fields import ListOf, Record
from ..content.fields import suggest
from ..content.library import Entry
from ..content.registries import Registry, Schools
from ..content.russian import month_label
from ..content.slugs import slugify
from ..content.suggestions import school_hint
from ..content.term_fields import Reference, broken_row
from ..diagnostics.problems import FieldPath, Problem, Severity
from .markdown_checks import check_links


def check_entries(
    entries: list[Entry], registry: Registry, practice_files: set[str]
) -> list[Problem]:
    """Every cross-file problem, located in the file that has to change.

    `practice_files` names every practice file found, valid or not, so that a broken practice
    is reported once, in its own file, not again in every file that links to it.
    """
    problems: list[Problem] = []
    problems += _unique_slugs(entries)
    problems += _unique_titles(entries)
    problems += _references(entries, registry.schools, practice_files)
    problems += _one_digest_per_month(entries)
    problems += _digest_sequence(entries)
    problems += [problem.located(entry.shown_path, entry.body_line + line - 1, 1)
                 for entry, (line, problem) in check_links(entries, registry)]
    return problems


def _locate(entry: Entry, problem: Problem) -> Problem:
    return entry.source_map.locate(problem, entry.shown_path)


def _groups(entries: list[Entry], key: Callable[[Entry], Hashable | None]) -> list[list[Entry]]:
    """Entries sharing a key, two or more to a group, in file order."""
    groups: dict[Hashable, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.shown_path):
        value = key(entry)
        if value is not None:
            groups[value].append(entry)
    return [group for group in groups.values() if len(group) > 1]


def _others(entry: Entry, group: list[Entry]) -> str:
    return ", ".join(e.shown_path for e in group if e is not entry)


def _unique_slugs(entries: list[Entry]) -> list[Problem]:
    """Two files of one type with one name would publish to one address: report both."""
    return [
        _locate(entry, Problem(
            "DuplicateId",
            f"имя файла «{entry.slug}.md» есть и в другом месте ({_others(entry, group)}): у двух "
            "материалов получился бы один адрес. Переименуйте один из файлов.",
        ))
        for group in _groups(entries, lambda e: (e.type.name, e.slug))
        for entry in group
    ]


def _unique_titles(entries: list[Entry]) -> list[Problem]:
    """Titles that differ only in case, ё, spaces or punctuation look like one in every list."""
    titled = [e for e in entries if isinstance(e.data.get("title"), str)]
    return [
        _locate(entry, Problem(
            "DuplicateTitle",
            f"название «{entry.title}» почти совпадает с названием материала "
            f"{_others(entry, group)}: латиницей оба пишутся как «{slugify(entry.title)}», "
            "и в списках и поиске читатель их не различит.",
            field=("title",), hint="Уточните одно из названий.",
        ))
        for group in _groups(titled, lambda e: (e.type.name, _title_key(e.title)))
        for entry in group
    ]


@lru_cache(maxsize=65_536)
def _title_key(title: str) -> str:
    """Titles stay from build to build: each is transliterated once per process."""
    return slugify(title, max_length=200)


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


_entry_references: dict[tuple[str, str], list[tuple[FieldPath, str, str]]] = {}
"""Per entry (its `source_key` and path): its references, found once while its bytes stay."""


def references_of(entry: Entry) -> list[tuple[FieldPath, str, str]]:
    if not entry.source_key:
        return list(iter_references(entry.type.record, entry.data))
    key = (entry.source_key, str(entry.path))
    found = _entry_references.get(key)
    if found is None:
        if len(_entry_references) > 50_000:  # old answers of edited files, after many saves
            _entry_references.clear()
        found = _entry_references[key] = list(iter_references(entry.type.record, entry.data))
    return found


def _references(
    entries: list[Entry], schools: Schools, all_practices: set[str]
) -> list[Problem]:
    problems = []
    for entry in entries:
        for path, target, value in references_of(entry):
            if target == "schools" and schools.available and schools.is_broken(value):
                problems.append(_locate(entry, broken_row(schools.label, value).under(*path)))
            elif target == "schools" and schools.available and schools.find(value) is None:
                problems.append(_locate(entry, Problem(
                    "UnknownSchool",
                    f"школы с идентификатором «{value}» нет в справочнике "
                    "content/_data/schools.yml. Проверьте написание или добавьте школу.",
                    field=path, hint=suggest(value, schools.names())
                    or school_hint(value, ((s.id, s.name, s.short_name) for s in schools)),
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


def _month(entry: Entry) -> tuple[int, int] | None:
    year, month = entry.data["year"], entry.data["month"]
    return None if year is None or month is None else (year, month)


def _one_digest_per_month(entries: list[Entry]) -> list[Problem]:
    digests = [e for e in entries if e.type.name == "digest"]
    problems = [
        _locate(entry, Problem(
            "DuplicateDigest",
            f"за {entry.period_label} есть ещё один выпуск: {_others(entry, group)}. "
            "В месяц выходит один дайджест: объедините материалы в одном файле.",
            field=("month",),
        ))
        for group in _groups(digests, _month)
        for entry in group
    ]
    problems += [
        _locate(entry, Problem(
            "DuplicateIssueNumber",
            f"номер выпуска {entry.data['issue']} есть и у другого выпуска: "
            f"{_others(entry, group)}.",
            field=("issue",),
        ))
        for group in _groups(digests, lambda e: e.data["issue"])
        for entry in group
    ]
    for entry in digests:
        month = _month(entry)
        expected = f"{month[0]}-{month[1]:02d}" if month else entry.slug
        if entry.slug != expected and re.fullmatch(r"\d{4}-\d{2}", entry.slug):
            problems.append(_locate(entry, Problem(
                "DigestFileName",
                f"файл выпуска за {entry.period_label} должен называться {expected}.md.",
                field=("month",), severity=Severity.WARNING,
            )))
    return problems


def _month_index(entry: Entry) -> int | None:
    month = _month(entry)
    return None if month is None else month[0] * 12 + month[1] - 1


def _month_label(index: int) -> str:
    return month_label(index // 12, index % 12 + 1)


def _digest_sequence(entries: list[Entry]) -> list[Problem]:
    """The archive has one issue a month, numbered one after another.

    A month without a file is a warning that names it. A jump in numbers is an error, unless
    the skipped months explain it (their issues came out but are not in the archive yet).
    """
    digests = sorted(
        (e for e in entries if e.type.name == "digest"
         and _month_index(e) is not None and isinstance(e.data.get("issue"), int)),
        key=lambda e: (_month_index(e), e.data["issue"]))
    months = [_month_index(e) for e in digests]
    doubled = {m for m in months if months.count(m) > 1}  # DuplicateDigest reports these
    digests = [e for e in digests if _month_index(e) not in doubled]
    problems = []
    for previous, current in zip(digests, digests[1:], strict=False):
        before, after = _month_index(previous), _month_index(current)
        assert before is not None and after is not None
        gap = after - before
        if gap > 1:
            missing = [_month_label(i) for i in range(before + 1, after)]
            shown = ", ".join(missing[:6]) + (f" и ещё {len(missing) - 6}" if len(missing) > 6
                                              else "")
            problems.append(_locate(current, Problem(
                "DigestMonthGap",
                f"в архиве нет выпуска за {shown}: перед этим выпуском идёт "
                f"№ {previous.data['issue']} за {previous.period_label} "
                f"({previous.shown_path}). Добавьте пропущенный выпуск, если он выходил.",
                field=("month",), severity=Severity.WARNING,
            )))
        number, expected = current.data["issue"], previous.data["issue"] + 1
        if any(m in doubled for m in range(before, after)):
            continue  # the month in between has two issues: its number is unclear
        if number not in (expected, previous.data["issue"] + gap):
            problems.append(_locate(current, Problem(
                "DigestIssueNumber",
                f"номера выпусков идут подряд: после № {previous.data['issue']} за "
                f"{previous.period_label} ожидался № {expected}, а указан № {number}.",
                field=("issue",),
            )))
    return problems
