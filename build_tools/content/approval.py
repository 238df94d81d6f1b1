"""A recommendation as a document: who approved it, by which protocol or decision, and when.

Readers of methodical recommendations ask what a text is worth before they follow it: a
school's methodologist cites «утверждены решением научно-методического совета, протокол № 3
от 12.03.2026», not a publication status. So the page shows the approval instead of a status
line, and these rules keep it consistent with the recommendation's own dates.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..diagnostics.problems import Problem, Severity
from .compound_fields import Record
from .scalar_fields import Date, Text
from .statuses import Status
from .term_fields import Term

APPROVAL = Record(
    "Кем и каким документом утверждены рекомендации: читатель видит это на странице вместо "
    "статуса. Обязательно для опубликованных рекомендаций.",
    fields={
        "department": Term("Подразделение института, которое утвердило или одобрило "
                           "рекомендации (departments.yml).", required=True,
                           vocabulary="departments", example="кафедра управления и экономики "
                           "образования"),
        "decision": Text("Протокол или решение с номером, как его цитируют: «протокол "
                         "заседания кафедры № 7» или «решение научно-методического совета "
                         "института, протокол № 3».", required=True, max_length=300,
                         example="протокол заседания кафедры № 7"),
        "date": Date("Дата протокола или решения.", required=True, example="2026-03-04"),
    },
)

NUMBER = re.compile(r"№\s*\S|\bN\s*[0-9]|[0-9]")
"""A protocol or decision is found by its number: «№ 7», «N 7», «7-р»."""


def approval_rules(data: dict[str, Any]) -> list[Problem]:
    """Published recommendations name their approval; it precedes publication; it has a number."""
    approval = data.get("approval")
    if not isinstance(approval, dict):
        if approval is None and _is_public(data.get("status")):
            return [Problem(
                "ApprovalMissing",
                "у опубликованных рекомендаций не указано, кем и каким документом они "
                "утверждены (approval): читатель увидит только дату публикации. Добавьте "
                "блок approval с полями department, decision и date.",
                field=("status",), severity=Severity.WARNING)]
        return []
    problems = []
    approved, published = approval.get("date"), data.get("date")
    if isinstance(approved, dt.date) and isinstance(published, dt.date) and approved > published:
        problems.append(Problem(
            "ApprovedAfterPublication",
            f"рекомендации утверждены {approved:%Y-%m-%d}, а опубликованы раньше, "
            f"{published:%Y-%m-%d}: документ публикуют после утверждения. Проверьте обе даты.",
            field=("approval", "date")))
    decision = approval.get("decision")
    if isinstance(decision, str) and decision.strip() and not NUMBER.search(decision):
        problems.append(Problem(
            "ApprovalWithoutNumber",
            f"в «{decision}» нет номера протокола или решения: по нему документ находят в "
            "архиве. Допишите номер, например «протокол № 7».",
            field=("approval", "decision"), severity=Severity.WARNING))
    return problems


def _is_public(status: Any) -> bool:
    return any(status == s.value for s in Status if s.is_public())
