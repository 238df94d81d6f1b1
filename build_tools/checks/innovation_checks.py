"""Checks of innovation projects (and any entry) against the normative-documents registry."""

from __future__ import annotations

from ..content.fields import suggest
from ..content.library import Entry
from ..content.registries import Registry
from ..content.term_fields import broken_row
from ..diagnostics.problems import Problem
from .checks import references_of


def check_normative_references(entries: list[Entry], registry: Registry) -> list[Problem]:
    """Every reference to content/_data/normative_documents.yml names a document there."""
    documents = registry.normative_documents
    if not documents.available:
        return []  # the unreadable registry is reported in its own file
    problems = []
    for entry in entries:
        for path, target, value in references_of(entry):
            if target != "normative_documents":
                continue
            if documents.is_broken(value):
                problem = broken_row(documents.label, value).under(*path)
            elif documents.find(value) is None:
                problem = Problem(
                    "UnknownNormativeDocument",
                    f"документа «{value}» нет в справочнике "
                    "content/_data/normative_documents.yml: укажите идентификатор документа "
                    "оттуда или добавьте документ (вид, номер, дату и название).",
                    field=path, hint=suggest(value, documents.names()))
            else:
                continue
            problems.append(entry.source_map.locate(problem, entry.shown_path))
    return problems
