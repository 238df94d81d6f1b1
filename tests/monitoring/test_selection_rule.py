"""The internship-site selection rule on fixture tables whose outcome is computed by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from build_tools.content.registries import School, Schools
from build_tools.monitoring.candidates import internship_lists, programme_rows
from build_tools.monitoring.disclosure import Disclosure
from build_tools.monitoring.indicators import Aggregation, Direction, Group, Indicator
from build_tools.monitoring.periods import Wave, period_column
from build_tools.monitoring.selection import SelectionRule, assess, programme_comparison


def spec(key: str, unit: str, better: Direction, group: Group, least: float | None,
         waves: tuple[Wave, ...] = ()) -> Indicator:
    return Indicator(key, key.capitalize(), unit, better, 0, 100, Aggregation.MEAN, "1",
                     group=group, waves=waves, meaningful_change=least)


HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
INDICATORS = {
    "ege": spec("ege", "баллы", HIGHER, Group.LEARNING, 2),
    "share": spec("share", "%", LOWER, Group.LEARNING, 1),
    "kim": spec("kim", "%", HIGHER, Group.LEARNING, 3, (Wave.ENTRY, Wave.FINAL)),
    "retention": spec("retention", "%", HIGHER, Group.TEACHING, 10),
    "events": spec("events", "мероприятий", HIGHER, Group.PARTICIPATION, None),
    "climate": spec("climate", "баллы", HIGHER, Group.CONTEXT, None),
}
YEARS = ("2022/2023", "2023/2024", "2024/2025")


def table(series: dict[tuple[str, str], list[float]],
          waves: dict[tuple[str, str], list[float]] | None = None,
          years: tuple[str, ...] = YEARS) -> pd.DataFrame:
    """Values per (school, indicator) for `years`; `waves` per (school, indicator, wave)."""
    rows = [(school, year, indicator, "", value) for (school, indicator), values in series.items()
            for year, value in zip(years, values, strict=True)]
    for (school, indicator, wave), values in (waves or {}).items():
        rows += [(school, year, indicator, wave, value)
                 for year, value in zip(years, values, strict=True)]
    frame = pd.DataFrame(rows, columns=["school", "period", "indicator", "wave", "value"])
    return frame.assign(period=period_column(frame["period"], frame["wave"])).drop(
        columns="wave")


FIXTURE = table({
    # Two learning indicators improve by at least their meaningful change at each step:
    # ege +3, +3 (≥ 2 баллы); share −1.5, −1.5 (≥ 1 п. п., lower is better). Retention falls
    # 70 → 62 over the window: −8, within its meaningful change of 10.
    ("found", "ege"): [60, 63, 66], ("found", "share"): [8, 6.5, 5],
    ("found", "retention"): [70, 65, 62],
    # Participation and context soar; learning results barely move.
    ("joiner", "ege"): [70, 70.5, 71], ("joiner", "share"): [5, 5, 5],
    ("joiner", "events"): [1, 10, 20], ("joiner", "climate"): [50, 70, 90],
    # Steady, but each step below the meaningful change: ege +1.5, share −0.5.
    ("small", "ege"): [50, 51.5, 53], ("small", "share"): [7, 6.5, 6],
    # Learning improves enough; retention falls 80 → 66, beyond its 10 п. п.
    ("falls", "ege"): [55, 58, 61], ("falls", "share"): [9, 7, 5],
    ("falls", "retention"): [80, 72, 66],
    # ege improves by exactly 2 at each step (64.1 − 62.1 is 2.0000000000000071 in floats).
    ("waves", "ege"): [62.1, 64.1, 66.1], ("drifts", "ege"): [60, 62.5, 65],
}, waves={
    # Final wave against final wave: 50 → 54 → 58, +4 each year. The entry waves are lower
    # every year (the summer loss) and must not break the run.
    ("waves", "kim", "входной"): [40, 45, 49], ("waves", "kim", "итоговый"): [50, 54, 58],
    # Final waves fall 50 → 48 → 46; each next entry wave (53, 51) is above the last final
    # one, which a final-against-next-entry comparison would count as improvement.
    ("drifts", "kim", "входной"): [55, 53, 51], ("drifts", "kim", "итоговый"): [50, 48, 46],
})
RULE = SelectionRule(periods=2, min_indicators=2)


def verdicts() -> pd.DataFrame:
    return assess(FIXTURE, INDICATORS, RULE).schools.set_index("school")


def test_the_right_school_is_found_and_no_other() -> None:
    found = verdicts()
    assert set(found.index[found["qualifies"]]) == {"found", "waves"}
    assert found.loc["found", "improved"] == 2 and found.loc["found", "fell"] == 0


def test_a_participation_and_context_improver_is_not_a_candidate() -> None:
    found = verdicts()
    assert not found.loc["joiner", "qualifies"] and found.loc["joiner", "improved"] == 0
    per_indicator = assess(FIXTURE, INDICATORS, RULE).indicators
    assert not set(per_indicator["indicator"]) & {"events", "climate"}  # never even read


def test_steps_below_the_meaningful_change_do_not_count() -> None:
    found = verdicts()
    assert not found.loc["small", "qualifies"] and found.loc["small", "improved"] == 0


def test_a_fall_in_pedagogical_potential_vetoes() -> None:
    found = verdicts()
    assert found.loc["falls", "improved"] == 2 and found.loc["falls", "fell"] == 1
    assert not found.loc["falls", "qualifies"]
    assert found.loc["found", "fell"] == 0  # −8 is within retention's meaningful change


def test_waves_are_compared_like_with_like() -> None:
    result = assess(FIXTURE, INDICATORS, RULE)
    kim = result.indicators.set_index(["school", "indicator"])
    assert kim.loc[("waves", "kim"), "improved"]
    assert (kim.loc[("waves", "kim"), "first"], kim.loc[("waves", "kim"), "last"]) == (50, 58)
    assert not kim.loc[("drifts", "kim"), "improved"]
    assert kim.loc[("drifts", "kim"), "change"] == -4
    start, end = result.windows["kim"]
    assert (str(start), str(end)) == ("2022/2023, итоговый", "2024/2025, итоговый")
    found = verdicts()
    assert found.loc["drifts", "improved"] == 1 and not found.loc["drifts", "qualifies"]


# Ranking, rule N = 1, k = 1. 2024/2025 values: ege 70, 80, 70, 80 (mean 75, standard
# deviation 5); share 4, 6, 4, 6 (mean 5, standard deviation 1).
#   A: ege 60 → 70 = +10 → 2.0 sd;  share 5 → 4 = −1 (better) → 1.0 sd;  mean 1.5
#   B: ege 76 → 80 = +4  → 0.8 sd;  share 9 → 6 = −3 (better) → 3.0 sd;  mean 1.9
#   C: ege 70 → 70 = 0   → 0.0 sd;  share 6 → 4 = −2 (better) → 2.0 sd;  mean 1.0
#   D: ege 79 → 80 = +1  → 0.2 sd (below 2 баллы);  share 6 → 6 = 0;     mean 0.1
RANKED = table({
    ("A", "ege"): [60, 70], ("A", "share"): [5, 4], ("B", "ege"): [76, 80],
    ("B", "share"): [9, 6], ("C", "ege"): [70, 70], ("C", "share"): [6, 4],
    ("D", "ege"): [79, 80], ("D", "share"): [6, 6]}, years=YEARS[1:])


def test_candidates_are_ranked_by_the_unit_free_measure() -> None:
    result = assess(RANKED, INDICATORS, SelectionRule(periods=1, min_indicators=1))
    schools = result.schools
    assert list(schools["school"]) == ["B", "A", "C", "D"]  # A has the largest raw gain
    assert list(schools["score"]) == pytest.approx([1.9, 1.5, 1.0, 0.1])
    assert list(schools["qualifies"]) == [True, True, True, False]


def school(key: str, since: int | None = None) -> School:
    return School(key, f"Школа {key}", f"Школа {key}", "Район", "новостройка", 2020, 2020,
                  support_programme_since=since)


SITES = {"found", "falls", "nodata"}
"""Schools with an internship-site record in force (internship_sites.yml)."""


def test_internship_sites_go_to_their_own_lists_with_units_of_change() -> None:
    schools = Schools({s.id: s for s in (
        school("found"), school("waves"), school("falls"), school("small"),
        school("nodata"))})
    lists = internship_lists(assess(FIXTURE, INDICATORS, RULE), schools, INDICATORS, RULE,
                             Disclosure(), SITES)
    assert [v.school.id for v in lists.candidates] == ["waves"]
    assert [v.school.id for v in lists.confirmed] == ["found"]
    assert {v.school.id: v.reasons for v in lists.not_confirmed} == {
        "falls": ["ухудшился показатель «Retention»: с 80,0 до 66,0 %"],
        "nodata": ["нет данных мониторинга по результатам обучения за эти периоды"]}
    changes = {c.indicator.id: c.text for c in lists.confirmed[0].changes}
    # A percentage changes in percentage points; 8 → 5 is −3,0 п. п.
    assert changes == {"ege": "+6,0 баллы", "share": "\u22123,0 п.\u00a0п."}
    private = internship_lists(assess(FIXTURE, INDICATORS, RULE), schools, INDICATORS, RULE,
                               Disclosure(school_values=False), SITES)
    assert [v.reasons for v in private.not_confirmed if v.school.id == "falls"] == [
        ["ухудшился показатель «Retention»"]]  # no value when school values are off


def test_the_rule_is_stated_from_its_own_values() -> None:
    text = " ".join(SelectionRule(periods=3, min_indicators=1).statement())
    assert "по 1 показателю группы «результаты обучения»" in text
    assert "улучшался 3 периода подряд" in text
    assert "по 2 показателям" in " ".join(RULE.statement())


def test_programme_schools_against_the_others() -> None:
    # ege 2023/2024 → 2024/2025: found +3 and falls +3 (programme), small +1.5, joiner +0.5,
    # waves +2, drifts +2.5: programme mean +3, the others (1.5 + 0.5 + 2 + 2.5) / 4 = 1.625.
    table_ = programme_comparison(FIXTURE, INDICATORS, {"found", "falls"})
    ege = table_.set_index("indicator").loc["ege"]
    assert (ege["programme_mean"], ege["programme_schools"]) == (3, 2)
    assert ege["other_mean"] == pytest.approx(1.625) and ege["other_schools"] == 4
    rows = {r.indicator.id: r for r in programme_rows(table_, INDICATORS, Disclosure())}
    assert (rows["ege"].programme, rows["ege"].other) == ("+3,0 баллы", "+1,6 баллы")
    private = {r.indicator.id: r for r in programme_rows(
        table_, INDICATORS, Disclosure(min_group=3, school_values=False))}
    assert (private["ege"].programme, private["ege"].other) == ("скрыто", "+1,6 баллы")


def test_the_sample_site_discovers_and_unconfirms(sample_site: Path) -> None:
    html = (sample_site / "monitoring/candidates/index.html").read_text("utf-8")
    new = html.split('id="kandidaty"', 1)[1].split('id="podtverzhdayut"', 1)[0]
    confirmed = html.split('id="podtverzhdayut"', 1)[1].split('id="ne-podtverzhdayut"', 1)[0]
    not_confirmed = html.split('id="ne-podtverzhdayut"', 1)[1]
    assert "Никольская школа" in new and "в программе поддержки с 2023 года" in new
    assert "Школа «Родник»" in new and "Маяк" not in new
    assert "Школа «Маяк»" in confirmed and "Школа «Горизонт»" in confirmed
    assert "Не подтверждают: Школа «Радуга», Школа «Ладога»" in not_confirmed
    assert "уже является" not in html
    # A candidate's practices in the bank are linked: the programme school's first one too.
    assert 'href="../../practices/proektnye-nedeli-moy-poselok-v-4-5-klassah/"' in new
