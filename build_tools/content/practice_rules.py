"""Rules of one practice file: the status workflow and the evidence ladder.

Rules that need the registries (criteria, experts, indicators, monitoring data) or today's
date are cross-file checks in checks/practice_checks.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..diagnostics.problems import Problem, Severity
from .statuses import Evidence, Status

MIN_STEPS = 3
"""A replication passport of a recommended practice has at least this many steps."""


def _status(data: dict[str, Any]) -> Status | None:
    return Status(data["status"]) if data.get("status") else None


def _evidence(data: dict[str, Any]) -> Evidence | None:
    return Evidence(data["evidence"]) if data.get("evidence") else None


def review_when_public(data: dict[str, Any]) -> list[Problem]:
    """A published practice names who reviewed it and when."""
    status = _status(data)
    if status is None or not status.is_public() or data.get("review"):
        return []
    return [Problem(
        "MissingReview",
        f"для статуса «{status.value}» нужна рецензия: заполните поле «review» — reviewer "
        "(кто рецензировал) и date (дата рецензии).", field=("review",))]


def decision_matches_status(data: dict[str, Any]) -> list[Problem]:
    status, decision = _status(data), data.get("decision")
    if status is Status.RECOMMENDED and not decision:
        return [Problem(
            "RecommendedWithoutDecision",
            "для статуса «рекомендовано к тиражированию» нужно решение банка: заполните поле "
            "«decision» — status, date (дата решения) и by (кто решил).", field=("decision",))]
    if decision and status and decision.get("status") and decision["status"] != status.value:
        return [Problem(
            "DecisionMismatch",
            f"в решении указан статус «{decision['status']}», а у практики — «{status.value}»: "
            "они должны совпадать.", field=("decision", "status"))]
    return []


def decision_after_review(data: dict[str, Any]) -> list[Problem]:
    review, decision = data.get("review") or {}, data.get("decision") or {}
    reviewed, decided = review.get("date"), decision.get("date")
    if isinstance(reviewed, dt.date) and isinstance(decided, dt.date) and decided < reviewed:
        return [Problem(
            "DecisionBeforeReview",
            f"дата решения {decided:%Y-%m-%d} раньше даты рецензии {reviewed:%Y-%m-%d}: "
            "решение принимают после рецензии.", field=("decision", "date"))]
    return []


def recommended_is_proven(data: dict[str, Any]) -> list[Problem]:
    """A practice recommended for replication works in other schools and is measured."""
    if _status(data) is not Status.RECOMMENDED:
        return []
    problems = []
    evidence = _evidence(data)
    if evidence is not None and evidence.rank < Evidence.REPLICATED.rank:
        problems.append(Problem(
            "RecommendedEvidenceTooLow",
            f"практику с уровнем доказанности «{evidence.value}» нельзя рекомендовать к "
            f"тиражированию: нужен уровень не ниже «{Evidence.REPLICATED.value}».",
            field=("evidence",)))
    if not any(_is_measured(r) for r in data.get("results") or []):
        problems.append(Problem(
            "RecommendedWithoutMeasuredResult",
            "у практики, рекомендованной к тиражированию, нужен хотя бы один результат с "
            "источником (source) и выборкой (sample: pupils, teachers, classes или schools).",
            field=("results",)))
    return problems


def _is_measured(result: Any) -> bool:
    sample = result.get("sample") if isinstance(result, dict) else None
    return bool(result.get("source")) and isinstance(sample, dict) and any(
        isinstance(v, int) for v in sample.values())


def recommended_has_passport(data: dict[str, Any]) -> list[Problem]:
    if _status(data) is not Status.RECOMMENDED:
        return []
    passport = data.get("passport") or {}
    resources = passport.get("resources") or {}
    missing = [(path, what) for path, what, present in (
        (("passport", "resources", "cost"), "затраты (resources.cost)", resources.get("cost")),
        (("passport", "launch"), "срок запуска (launch)", passport.get("launch")),
        (("passport", "steps"), f"не меньше {MIN_STEPS} шагов (steps)",
         len(passport.get("steps") or []) >= MIN_STEPS),
    ) if not present]
    if not missing:
        return []
    return [Problem(
        "RecommendedWithoutPassport",
        "у практики, рекомендованной к тиражированию, в паспорте (passport) не хватает: "
        + ", ".join(what for _, what in missing) + ".", field=missing[0][0])]


def adoptions_match_evidence(data: dict[str, Any]) -> list[Problem]:
    evidence = _evidence(data)
    if evidence is None or evidence.rank < Evidence.REPLICATED.rank or data.get("adoptions"):
        return []
    return [Problem(
        "ReplicatedWithoutAdoptions",
        f"уровень доказанности «{evidence.value}» означает, что практику переняли другие "
        "школы: перечислите их в поле «adoptions» (school и year).", field=("adoptions",))]


def adoptions_are_consistent(data: dict[str, Any]) -> list[Problem]:
    """Each adopting school once, not the author school, not before the practice began."""
    problems = []
    seen: set[str] = set()
    since = data.get("since")
    for index, adoption in enumerate(data.get("adoptions") or []):
        school, year = adoption.get("school"), adoption.get("year")
        if school and school == data.get("school"):
            problems.append(Problem(
                "SelfReference",
                "школа-автор практики не может быть в списке школ, которые её переняли.",
                field=("adoptions", index, "school")))
        elif school in seen:
            problems.append(Problem(
                "DuplicateAdoption",
                f"школа «{school}» уже есть в списке adoptions: укажите каждую школу один раз.",
                field=("adoptions", index, "school")))
        if school:
            seen.add(school)
        if isinstance(year, int) and isinstance(since, int) and year < since:
            problems.append(Problem(
                "AdoptionYearOutOfRange",
                f"год внедрения {year} раньше года начала практики ({since}).",
                field=("adoptions", index, "year")))
    return problems


def results_are_named(data: dict[str, Any]) -> list[Problem]:
    return [
        Problem("MissingField", "укажите показатель: поле «indicator» (название) или "
                "«monitoring» (идентификатор из indicators.yml).",
                field=("results", index, "indicator"))
        for index, result in enumerate(data.get("results") or [])
        if isinstance(result, dict) and not result.get("indicator")
        and not result.get("monitoring")
    ]


def grades_in_order(data: dict[str, Any]) -> list[Problem]:
    grades = data.get("grades") or {}
    low, high = grades.get("from"), grades.get("to")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        return [Problem("BadRange", f"класс «from» ({low}) больше класса «to» ({high}).",
                        field=("grades", "to"))]
    return []


def review_after_submission(data: dict[str, Any]) -> list[Problem]:
    date, review = data.get("date"), data.get("review") or {}
    reviewed = review.get("date")
    if isinstance(date, dt.date) and isinstance(reviewed, dt.date) and reviewed < date:
        return [Problem(
            "DatesOutOfOrder",
            f"дата рецензии {reviewed:%Y-%m-%d} раньше даты подачи {date:%Y-%m-%d}.",
            field=("review", "date"), severity=Severity.WARNING)]
    return []


PRACTICE_RULES = (review_when_public, decision_matches_status, decision_after_review,
                  recommended_is_proven, recommended_has_passport, adoptions_match_evidence,
                  adoptions_are_consistent, results_are_named, grades_in_order,
                  review_after_submission)
