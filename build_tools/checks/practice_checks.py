"""Checks of a practice against the registries: criteria, reviewers, indicators, monitoring."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..content.fields import suggest
from ..content.library import Entry
from ..content.registries import Registry
from ..content.statuses import Evidence, Status
from ..diagnostics.problems import FieldPath, Problem
from ..monitoring import Monitoring
from ..monitoring.evidence import evidence_strength, schools_with_data
from ..output.reproducible import build_time


def check_practices(entries: list[Entry], registry: Registry,
                    monitoring: Monitoring) -> list[Problem]:
    """Every registry-dependent problem of every practice, located in its file."""
    with_data = schools_with_data(monitoring)
    problems = []
    for entry in entries:
        if entry.type.name != "practice":
            continue
        found = [*_reviewer(entry.data, registry), *_scores(entry.data, registry),
                 *_adoption_years(entry.data)]
        # Without indicators.yml or schools.yml no monitoring table is read: their own
        # errors are reported, not a missing confirmation in every practice.
        if monitoring.indicators and registry.schools.available:
            found += [*_indicators(entry.data, monitoring),
                      *_confirmed(entry.data, with_data)]
        problems += [entry.source_map.locate(p, entry.shown_path) for p in found]
    return problems



def _reviewer(data: dict[str, Any], registry: Registry) -> list[Problem]:
    departments = registry.vocabularies.get("departments")
    bank = registry.bank
    if departments is None or not departments.available or not bank.experts_available:
        return []  # the broken registry is reported in its own file
    known = [*bank.experts, *(t.id for t in departments)]
    problems = []
    reviewer = (data.get("review") or {}).get("reviewer")
    if reviewer and reviewer not in known:
        problems.append(Problem(
            "UnknownReviewer",
            f"рецензента «{reviewer}» нет ни в content/_data/experts.yml, ни в "
            "content/_data/departments.yml: укажите идентификатор эксперта или кафедры.",
            field=("review", "reviewer"), hint=suggest(reviewer, known)))
    by = (data.get("decision") or {}).get("by")
    ids = [t.id for t in departments]
    if by and by not in ids:
        problems.append(Problem(
            "UnknownReviewer",
            f"подразделения «{by}» нет в content/_data/departments.yml: решение принимает "
            "кафедра или отдел института, укажите его идентификатор.",
            field=("decision", "by"), hint=suggest(by, ids)))
    return problems


def _scores(data: dict[str, Any], registry: Registry) -> list[Problem]:
    """Scores name criteria of criteria.yml, within their scales; a recommended practice has
    a score for every criterion, none below the criterion's threshold."""
    bank = registry.bank
    review = data.get("review")
    if not bank.criteria_available or not isinstance(review, dict):
        return []
    scores: dict[str, int] = review.get("scores") or {}
    ids = [c.id for c in bank.criteria]
    problems = []
    for key, score in scores.items():
        criterion = bank.criterion(key)
        where: FieldPath = ("review", "scores", key)
        if criterion is None:
            problems.append(Problem(
                "UnknownCriterion",
                f"критерия «{key}» нет в content/_data/criteria.yml. Критерии банка: "
                f"{', '.join(ids)}.", field=where, hint=suggest(key, ids)))
        elif not criterion.min <= score <= criterion.max:
            problems.append(Problem(
                "ScoreOutOfScale",
                f"балл {score} по критерию «{criterion.name}» вне шкалы: от {criterion.min} до "
                f"{criterion.max}.", field=where))
    if data.get("status") != Status.RECOMMENDED.value:
        return problems
    for criterion in bank.criteria:
        given = scores.get(criterion.id)
        where = ("review", "scores", criterion.id)
        if given is None:
            problems.append(Problem(
                "RecommendedWithoutScores",
                f"для рекомендации к тиражированию нужен балл по каждому критерию: нет балла "
                f"по критерию «{criterion.name}» ({criterion.id}).", field=where))
        elif criterion.min <= given < criterion.min_recommended:
            problems.append(Problem(
                "ScoreBelowThreshold",
                f"балл {given} по критерию «{criterion.name}» ниже порога "
                f"{criterion.min_recommended}, с которым практику рекомендуют к "
                "тиражированию.", field=where))
    return problems


def _indicators(data: dict[str, Any], monitoring: Monitoring) -> list[Problem]:
    """Indicator ids exist in indicators.yml; a result's unit is the registry's."""
    known = monitoring.indicators
    problems = []
    places: list[tuple[FieldPath, str]] = []
    for index, result in enumerate(data.get("results") or []):
        indicator_id = result.get("monitoring")
        if not indicator_id:
            continue
        places.append((("results", index, "monitoring"), indicator_id))
        indicator = known.get(indicator_id)
        unit = result.get("unit")
        if indicator is not None and unit and unit != indicator.unit:
            problems.append(Problem(
                "UnitMismatch",
                f"у показателя «{indicator.name}» единица «{indicator.unit}», а здесь "
                f"«{unit}»: уберите поле unit или напишите «{indicator.unit}».",
                field=("results", index, "unit")))
    for index, adoption in enumerate(data.get("adoptions") or []):
        places += [(("adoptions", index, "indicators", i), value)
                   for i, value in enumerate(adoption.get("indicators") or [])]
    problems += [Problem(
        "UnknownIndicator",
        f"показателя «{value}» нет в content/_data/indicators.yml.",
        field=where, hint=suggest(value, list(known)))
        for where, value in places if value not in known]
    return problems


def _confirmed(data: dict[str, Any], with_data: Collection[tuple[str, str]]) -> list[Problem]:
    """The level is earned the way the evidence strength counts its monitoring lock."""
    if data.get("evidence") != Evidence.CONFIRMED.value:
        return []
    if evidence_strength(data, with_data).confirmed:
        return []
    return [Problem(
        "ConfirmedWithoutMonitoring",
        f"уровень «{Evidence.CONFIRMED.value}» требует результата, связанного с показателем "
        "мониторинга (results → monitoring), по которому в таблицах content/monitoring/ есть "
        "данные школы-автора или школы, перенявшей практику.", field=("evidence",))]


def _adoption_years(data: dict[str, Any]) -> list[Problem]:
    """Today's year is not part of a file's cached checks, so the upper bound is checked here."""
    this_year = build_time().year
    return [
        Problem("AdoptionYearOutOfRange",
                f"год внедрения {adoption['year']} ещё не наступил (сейчас {this_year}).",
                field=("adoptions", index, "year"))
        for index, adoption in enumerate(data.get("adoptions") or [])
        if isinstance(adoption.get("year"), int) and adoption["year"] > this_year
    ]
