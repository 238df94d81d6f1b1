"""The status workflow and evidence ladder rules of one practice file: exact messages, fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from build_tools.content.content_types import PRACTICE

RECOMMENDED = "рекомендовано к тиражированию"


def practice(**changes: Any) -> dict[str, Any]:
    """Clean data of a valid recommended practice, as the loader hands it to the rules."""
    data: dict[str, Any] = {
        "school": "kudrovo-gorizont", "status": RECOMMENDED,
        "evidence": "тиражирована в других школах", "date": dt.date(2025, 9, 1), "since": 2022,
        "review": {"reviewer": "arkhipov-vs", "date": dt.date(2025, 10, 1)},
        "decision": {"status": RECOMMENDED, "date": dt.date(2025, 11, 1), "by": "x"},
        "results": [{"indicator": "Доля", "before": 1, "after": 2, "source": "учёт",
                     "sample": {"teachers": 31}}],
        "passport": {"resources": {"cost": "без затрат"}, "launch": "1–3 месяца",
                     "steps": ["a", "b", "c"]},
        "adoptions": [{"school": "murino-ekvator", "year": 2024}],
    }
    data.update(changes)
    return data


def found(data: dict[str, Any]) -> list[tuple[str, tuple[Any, ...], str]]:
    return [(p.code, p.field, p.message) for p in PRACTICE.check_rules(data)]


def test_a_complete_recommended_practice_passes() -> None:
    assert found(practice()) == []


def test_public_practice_needs_a_review() -> None:
    assert found(practice(status="опубликовано", decision=None, review=None)) == [(
        "MissingReview", ("review",),
        "для статуса «опубликовано» нужна рецензия: заполните поле «review» — reviewer "
        "(кто рецензировал) и date (дата рецензии).")]


def test_recommended_needs_a_decision_with_the_same_status() -> None:
    assert found(practice(decision=None)) == [(
        "RecommendedWithoutDecision", ("decision",),
        "для статуса «рекомендовано к тиражированию» нужно решение банка: заполните поле "
        "«decision» — status, date (дата решения) и by (кто решил).")]
    mismatch = practice(decision={"status": "опубликовано", "date": dt.date(2025, 11, 1)})
    assert found(mismatch) == [(
        "DecisionMismatch", ("decision", "status"),
        "в решении указан статус «опубликовано», а у практики — «рекомендовано к "
        "тиражированию»: они должны совпадать.")]


def test_decision_comes_after_the_review() -> None:
    early = practice(decision={"status": RECOMMENDED, "date": dt.date(2025, 9, 30)})
    assert found(early) == [(
        "DecisionBeforeReview", ("decision", "date"),
        "дата решения 2025-09-30 раньше даты рецензии 2025-10-01: решение принимают после "
        "рецензии.")]


def test_recommended_needs_evidence_of_replication() -> None:
    assert found(practice(evidence="описана в одной школе", adoptions=[])) == [(
        "RecommendedEvidenceTooLow", ("evidence",),
        "практику с уровнем доказанности «описана в одной школе» нельзя рекомендовать к "
        "тиражированию: нужен уровень не ниже «тиражирована в других школах».")]


def test_recommended_needs_a_measured_result() -> None:
    unmeasured = [{"indicator": "Доля", "before": 1, "after": 2, "source": "учёт",
                   "sample": {"teachers": None}}]
    assert found(practice(results=unmeasured)) == [(
        "RecommendedWithoutMeasuredResult", ("results",),
        "у практики, рекомендованной к тиражированию, нужен хотя бы один результат с "
        "источником (source) и выборкой (sample: pupils, teachers, classes или schools).")]


def test_recommended_needs_a_passport_listing_what_is_missing() -> None:
    assert found(practice(passport={"launch": "1–3 месяца", "steps": ["a"]})) == [(
        "RecommendedWithoutPassport", ("passport", "resources", "cost"),
        "у практики, рекомендованной к тиражированию, в паспорте (passport) не хватает: "
        "затраты (resources.cost), не меньше 3 шагов (steps).")]


def test_replicated_evidence_needs_adoptions() -> None:
    data = practice(status="опубликовано", decision=None, adoptions=[])
    assert found(data) == [(
        "ReplicatedWithoutAdoptions", ("adoptions",),
        "уровень доказанности «тиражирована в других школах» означает, что практику "
        "переняли другие школы: перечислите их в поле «adoptions» (school и year).")]


def test_adoptions_are_other_schools_once_and_not_before_the_practice() -> None:
    adoptions = [{"school": "kudrovo-gorizont", "year": 2024},
                 {"school": "murino-ekvator", "year": 2021},
                 {"school": "murino-ekvator", "year": 2024}]
    assert found(practice(adoptions=adoptions)) == [
        ("SelfReference", ("adoptions", 0, "school"),
         "школа-автор практики не может быть в списке школ, которые её переняли."),
        ("AdoptionYearOutOfRange", ("adoptions", 1, "year"),
         "год внедрения 2021 раньше года начала практики (2022)."),
        ("DuplicateAdoption", ("adoptions", 2, "school"),
         "школа «murino-ekvator» уже есть в списке adoptions: укажите каждую школу один раз."),
    ]


def test_a_result_names_its_indicator_and_grades_are_in_order() -> None:
    results = [{"before": 1, "after": 2, "source": "учёт", "sample": {"pupils": 5}}]
    assert found(practice(results=results, grades={"from": 9, "to": 5})) == [
        ("MissingField", ("results", 0, "indicator"),
         "укажите показатель: поле «indicator» (название) или «monitoring» (идентификатор из "
         "indicators.yml)."),
        ("BadRange", ("grades", "to"), "класс «from» (9) больше класса «to» (5)."),
    ]
