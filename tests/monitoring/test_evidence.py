"""Evidence strength: locks earned by spread, duration, sample and monitoring, nothing else."""

from __future__ import annotations

import pandas as pd

from build_tools.monitoring import Monitoring
from build_tools.monitoring.evidence import evidence_strength, schools_with_data

ALONE = {"school": "kudrovo-gorizont", "results": []}


def test_a_practice_described_in_one_school_has_no_locks() -> None:
    strength = evidence_strength(ALONE, frozenset())
    assert (strength.locks, strength.schools, strength.label) == (0, 1, "0 из 5")
    assert strength.reasons() == [
        "практика работает в одной школе", "период измерения не указан",
        "выборка не указана", "результат не связан с данными мониторинга"]


def test_each_lock_is_earned_by_its_own_record() -> None:
    data = {
        "school": "kudrovo-gorizont",
        "adoptions": [{"school": s, "year": 2024} for s in ("a", "b", "c")],
        "results": [
            {"indicator": "x", "period": "2022–2025", "sample": {"teachers": 31}},
            {"monitoring": "young-teachers-retention", "period": "2024/25"},
        ],
    }
    without_data = evidence_strength(data, frozenset())
    assert (without_data.locks, without_data.schools, without_data.years) == (4, 4, 3)
    assert without_data.teachers == 31 and not without_data.confirmed
    assert "выборка: 31 педагог" in without_data.reasons()
    # monitoring of an adopting school confirms the result: the fifth lock
    confirmed = evidence_strength(data, {("b", "young-teachers-retention")})
    assert confirmed.locks == 5 and confirmed.confirmed
    assert confirmed.reasons()[1] == "результат измерен за 3 года"


def test_small_samples_and_short_periods_earn_nothing() -> None:
    data = {"school": "s", "adoptions": [{"school": "t", "year": 2025}],
            "results": [{"indicator": "x", "period": "2025", "sample": {"pupils": 24}}]}
    strength = evidence_strength(data, frozenset())
    assert strength.locks == 1  # two schools only
    assert strength.years == 1 and strength.pupils == 24


def test_schools_with_data_reads_the_tables() -> None:
    rows = pd.DataFrame({"school": ["a", "a", "b"], "period": ["2024", "2025", "2025"],
                         "indicator": ["x", "x", "y"], "value": [1.0, 2.0, 3.0]})
    assert schools_with_data(Monitoring({}, rows)) == {("a", "x"), ("b", "y")}
    assert schools_with_data(Monitoring.empty({})) == frozenset()
