"""Fields whose value is one of a known set: fixed options, vocabulary terms, references."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..diagnostics.problems import Problem
from .fields import SLUG_PATTERN, CheckContext, Checked, Field, Vocabulary, normalize, suggest
from .suggestions import everyday_hint


@dataclass(frozen=True)
class Choice(Field):
    """One of a fixed set of values that the code relies on (statuses, levels of evidence)."""

    options: tuple[str, ...] = ()
    label: str = "значение"

    kind_label = "одно из допустимых значений"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        return _pick(value, self.options, self.label, self.wrong_type)

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.options)}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return "Одно из значений: " + "; ".join(self.options) + "."


@dataclass(frozen=True)
class Term(Field):
    """A term of a vocabulary kept in a data file (topics, levels, districts, …)."""

    vocabulary: str = ""

    kind_label = "значение из словаря"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        vocabulary = ctx.vocabulary(self.vocabulary)
        if not isinstance(value, str):
            return None, self.wrong_type(value)
        if not vocabulary.available:
            return None, [unavailable(vocabulary.label)]
        found = vocabulary.find(value)
        if found is not None:
            return found, []
        if vocabulary.is_broken(value):
            return None, [broken_row(vocabulary.label, value)]
        # «начальная школа» → «начальное общее»: a vocabulary may list its everyday names.
        spoken = everyday_hint(value, getattr(vocabulary, "everyday", ()))
        return None, [_unknown(value, vocabulary.names(), vocabulary.label, spoken)]

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        vocabulary = vocabularies.get(self.vocabulary)
        return {"type": "string", "enum": vocabulary.names()} if vocabulary else {"type": "string"}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        vocabulary = vocabularies.get(self.vocabulary)
        names = vocabulary.names() if vocabulary else []
        listed = "; ".join(names) if names else f"словарь content/_data/{self.vocabulary}.yml"
        return f"Значения из словаря: {listed}."


def _pick(
    value: Any, options: Sequence[str], label: str, wrong_type: Callable[[Any], list[Problem]]
) -> Checked:
    if not isinstance(value, str):
        return None, wrong_type(value)
    for option in options:
        if normalize(option) == normalize(value):
            return option, []
    return None, [_unknown(value, options, label)]


def unavailable(label: str) -> Problem:
    """A value that cannot be checked because its vocabulary did not load.

    The same message for every such value of one vocabulary: the loader keeps the first and
    counts the others, so a broken data file is not echoed by every entry."""
    return Problem(
        "VocabularyUnavailable",
        f"значение не проверено: словарь «{label}» не прочитан из-за ошибки в его файле в "
        "content/_data/ (она показана отдельно). Материалы с такими значениями не "
        "публикуются, пока словарь не исправлен.",
    )


def broken_row(label: str, value: str) -> Problem:
    """A value whose row is in the data file but has an error, reported there.

    The same message for every use of one value, so the loader keeps the first and counts
    the others (like `unavailable`)."""
    return Problem(
        "VocabularyUnavailable",
        f"значение «{value.strip()}» не проверено: его запись в справочнике «{label}» "
        "содержит ошибку (она показана отдельно в файле в content/_data/). Материалы с этим "
        "значением не публикуются, пока запись не исправлена.",
    )


def _unknown(value: str, options: Sequence[str], label: str, hint: str = "") -> Problem:
    if not options:
        return Problem(
            "UnknownTerm",
            f"неизвестное значение «{value.strip()}» ({label}): в словаре пока нет ни одного "
            "значения. Добавьте его в файл словаря в content/_data/.",
        )
    shown = 20
    listed = ", ".join(options[:shown])
    if len(options) > shown:
        listed += f" и ещё {len(options) - shown}"
    return Problem(
        "UnknownTerm",
        f"неизвестное значение «{value.strip()}» ({label}). Допустимые значения: {listed}.",
        hint=hint or suggest(value, options),
    )


@dataclass(frozen=True)
class Reference(Field):
    """The id of another thing: an entry (checked once all files are read) or a registry row."""

    target: str = ""
    """Content type or registry whose ids are valid here, e.g. "practice" or "schools"."""

    kind_label = "идентификатор латиницей"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, str) or not value.strip():
            return None, self.wrong_type(value)
        return value.strip(), []

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        vocabulary = vocabularies.get(self.target)
        if vocabulary and self.target == "schools":  # the schools' names are their ids
            return {"type": "string", "enum": vocabulary.names()}
        terms: Iterable[Any] = vocabulary if isinstance(vocabulary, Iterable) else ()
        ids = [str(term.id) for term in terms]
        if ids:  # a vocabulary's terms are referred to by id here, not by name
            return {"type": "string", "enum": ids}
        return {"type": "string", "pattern": SLUG_PATTERN}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        if self.target == "schools":
            schools = vocabularies.get("schools")
            ids = "; ".join(schools.names()) if schools else ""
            return "Идентификатор из content/_data/schools.yml" + (f": {ids}." if ids else ".")
        if self.target in _REGISTRY_FILES:
            return f"Идентификатор из {_REGISTRY_FILES[self.target]}."
        return "Имя файла практики без .md из папки content/practices/."


_REGISTRY_FILES = {
    "reviewers": "content/_data/experts.yml или content/_data/departments.yml",
    "departments": "content/_data/departments.yml",
    "indicators": "content/_data/indicators.yml",
    "normative_documents": "content/_data/normative_documents.yml",
}
"""Registries other than schools that a Reference may point to: where their ids are."""
