"""Practice rules through `kb validate`: located in the file, against the registries."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import KbRunner

PRACTICES = "content/practices"


def edit(project: Path, slug: str, find: str, replace: str) -> str:
    """Replace text in a practice's file; the file's shown path."""
    path = project / PRACTICES / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    assert find in text, f"«{find}» not in {slug}"
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    return f"{PRACTICES}/{slug}.md"


def line_of(project: Path, shown: str, text: str) -> int:
    lines = (project / shown).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_recommended_rules_are_located_and_reported_in_one_run(
    project: Path, kb: KbRunner
) -> None:
    mentoring = "nastavnichestvo-molodyh-uchiteley-novoy-shkoly"
    partnership = edit(project, "setevoe-partnerstvo-so-shkoloy-s-nizkimi-rezultatami",
                       "decision:\n  status: рекомендовано к тиражированию\n"
                       "  date: 2026-02-19\n  by: tsentr-soprovozhdeniya\n"
                       "  document: протокол экспертного совета банка № 5\n", "")
    shown = edit(project, mentoring, "evidence: подтверждена мониторингом",
                 "evidence: описана в одной школе")
    edit(project, mentoring, "    relevance: 3\n", "    relevanse: 3\n")
    edit(project, mentoring, "    novelty: 1\n", "    novelty: 7\n")
    edit(project, mentoring, "    monitoring: young-teachers-retention\n    unit: \"%\"",
         "    monitoring: young-teachers-retention\n    unit: чел.")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr
    evidence = line_of(project, shown, "evidence:")
    assert (f"{partnership}:2:1: decision: для статуса «рекомендовано к тиражированию» нужно "
            "решение банка: заполните поле «decision» — status, date (дата решения) и by (кто "
            "решил). [RecommendedWithoutDecision]") in report
    assert (f"{shown}:{evidence}:11: evidence: практику с уровнем доказанности «описана в "
            "одной школе» нельзя рекомендовать к тиражированию: нужен уровень не ниже "
            "«тиражирована в других школах». [RecommendedEvidenceTooLow]") in report
    assert (f"{shown}:{line_of(project, shown, 'relevanse')}:16: review.scores.relevanse: "
            "критерия «relevanse» нет в content/_data/criteria.yml. Критерии банка: relevance, "
            "measurable, replicability, resources, novelty. Возможно, вы имели в виду "
            "«relevance». [UnknownCriterion]") in report
    assert ("review.scores.relevance: для рекомендации к тиражированию нужен балл по каждому "
            "критерию: нет балла по критерию «Актуальность» (relevance). "
            "[RecommendedWithoutScores]") in report
    assert (f"{shown}:{line_of(project, shown, 'novelty: 7')}:14: review.scores.novelty: балл 7 "
            "по критерию «Новизна» вне шкалы: от 0 до 2. [ScoreOutOfScale]") in report
    assert (f"{shown}:{line_of(project, shown, 'unit: чел.')}:11: results[0].unit: у показателя "
            "«Доля молодых педагогов, оставшихся в школе после первого года работы» единица "
            "«%», а здесь «чел.»: уберите поле unit или напишите «%». [UnitMismatch]") in report
    # The evidence is no longer «подтверждена мониторингом»: nothing about monitoring.
    assert not re.search(rf"{shown}.*ConfirmedWithoutMonitoring", report)


def test_confirmed_evidence_needs_monitoring_data_and_known_ids(
    project: Path, kb: KbRunner
) -> None:
    shown = edit(project, "stazhirovochnaya-ploshchadka-dlya-upravlencheskih-komand",
                 "  - monitoring: management-competence", "  - monitoring: management-index")
    edit(project, "roditelskiy-universitet", "  reviewer: sokolova-ip", "  reviewer: sokolova")
    result = kb("validate", cwd=project)
    report = result.stderr
    assert result.returncode == 1
    assert (f"{shown}:{line_of(project, shown, 'evidence:')}:11: evidence: уровень «подтверждена "
            "мониторингом» требует результата, связанного с показателем мониторинга (results → "
            "monitoring), по которому в таблицах content/monitoring/ есть данные школы-автора "
            "или школы, перенявшей практику. [ConfirmedWithoutMonitoring]") in report
    assert (f"{shown}:{line_of(project, shown, 'management-index')}:17: results[2].monitoring: "
            "показателя «management-index» нет в content/_data/indicators.yml. Возможно, вы "
            "имели в виду «management-competence». [UnknownIndicator]") in report
    assert ("review.reviewer: рецензента «sokolova» нет ни в content/_data/experts.yml, ни в "
            "content/_data/departments.yml: укажите идентификатор эксперта или кафедры.") in report


def test_old_fields_get_a_renamed_field_error(project: Path, kb: KbRunner) -> None:
    shown = edit(project, "roditelskiy-universitet", "license:",
                 "reviewed: 2026-05-20\nadopted_by: [kudrovo-gorizont]\nlicense:")
    report = kb("validate", cwd=project).stderr
    assert (f"{shown}:{line_of(project, shown, 'adopted_by')}:1: adopted_by: поле «adopted_by» "
            "заменено полем «adoptions»: для каждой школы укажите school и year. "
            "[RenamedField]") in report
    assert (f"{shown}:{line_of(project, shown, 'reviewed:')}:11: reviewed: поле «reviewed» "
            "заменено полем «review»: дату рецензии укажите в review.date. "
            "[RenamedField]") in report
