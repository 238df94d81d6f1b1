"""The practice page's block on adopting schools: only the practice's indicators, from the
adoption year on."""

from __future__ import annotations

import pandas as pd

from build_tools.content.registries import Registry, School, Schools
from build_tools.monitoring import Monitoring
from build_tools.monitoring.indicators import Aggregation, Direction, Indicator
from build_tools.monitoring.periods import period_column
from build_tools.monitoring.site import MonitoringReport

RETENTION = Indicator("retention", "Доля оставшихся молодых учителей", "%", Direction.HIGHER,
                      0, 100, Aggregation.SHARE, "2025")
EXAM = Indicator("exam", "Средний балл ЕГЭ", "баллы", Direction.HIGHER, 0, 100,
                 Aggregation.MEAN, "2025")
LEAVERS = Indicator("leavers", "Число уволившихся", "чел.", Direction.LOWER, 0, 100,
                    Aggregation.SUM, "2025")


def report(values: dict[tuple[str, str], dict[str, float]]) -> MonitoringReport:
    """A report over rows given as (school, indicator) -> {period: value}."""
    rows = pd.DataFrame([
        {"school": school, "indicator": indicator, "period": period, "value": value}
        for (school, indicator), series in values.items() for period, value in series.items()])
    rows["period"] = period_column(rows["period"])
    schools = Schools({s: School(s, f"Школа {s}", f"Ш-{s}", "район", "новостройка", 2020, 2021)
                       for s in ("a", "b")})
    registry = Registry({}, schools)
    indicators = {i.id: i for i in (RETENTION, EXAM, LEAVERS)}
    return MonitoringReport(Monitoring(indicators, rows), registry)


YEARS = {"2021/2022": 50.0, "2022/2023": 55.0, "2023/2024": 60.0, "2024/2025": 70.0,
         "2025/2026": 80.0}


def test_only_the_indicators_the_practice_names_are_shown() -> None:
    built = report({("a", "retention"): YEARS, ("a", "exam"): YEARS, ("a", "leavers"): YEARS})
    rows = built.adopters_change([{"school": "a", "year": 2021}], {"retention"})
    assert [r["indicator"].id for r in rows] == ["retention"]


def test_an_adoptions_own_indicators_join_the_practices() -> None:
    built = report({("a", "retention"): YEARS, ("a", "exam"): YEARS, ("a", "leavers"): YEARS})
    rows = built.adopters_change(
        [{"school": "a", "year": 2021, "indicators": ["leavers"]}], {"retention"})
    assert [r["indicator"].id for r in rows] == ["retention", "leavers"]
    leavers = rows[1]
    assert leavers["change"] == 30.0 and leavers["improved"] is False  # fewer is better


def test_values_before_the_adoption_year_are_not_credited() -> None:
    built = report({("a", "retention"): YEARS})
    [row] = built.adopters_change([{"school": "a", "year": 2024}], {"retention"})
    assert (str(row["first"][0]), row["first"][1]) == ("2024/2025", "70")
    assert (str(row["last"][0]), row["last"][1]) == ("2025/2026", "80")
    assert row["change"] == 10.0 and row["improved"] is True and row["year"] == 2024


def test_a_school_with_one_period_since_adoption_shows_nothing() -> None:
    built = report({("a", "retention"): YEARS, ("b", "retention"): YEARS})
    rows = built.adopters_change([{"school": "a", "year": 2025}, {"school": "b", "year": 2023}],
                                 {"retention"})
    assert [(r["school"].id, str(r["first"][0])) for r in rows] == [("b", "2023/2024")]


def test_no_named_indicators_no_rows() -> None:
    built = report({("a", "retention"): YEARS})
    assert built.adopters_change([{"school": "a", "year": 2021}], set()) == []
    assert built.adopters_change([{"school": "z", "year": 2021}], {"retention"}) == []
