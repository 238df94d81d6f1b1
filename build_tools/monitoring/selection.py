"""The selection rule for internship-site candidates, as the road map states it.

A school is a candidate when, on at least `min_indicators` of its learning-results indicators,
each of the last `periods` steps (a period against the one before it) improved by at least the
indicator's meaningful change, and none of its pedagogical-potential indicators fell by more than
theirs over the same periods. Waves are compared like with like: an indicator measured in waves
is judged on its last declared wave (the final one) across periods, never a final wave against
the next year's entry wave. Participation, management and context never select a school.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..content.russian import plural
from .indicators import Group, Indicator
from .periods import Kind, Period, Wave

SELECTING = (Group.LEARNING, Group.TEACHING)
"""The groups the rule reads: learning results select, pedagogical potential may veto."""
DIGITS = 9
"""Changes are rounded before they are compared: 64.2 − 61.2 is 3.0000000000000071."""


@dataclass(frozen=True)
class SelectionRule:
    """Set once in mkdocs.yml (`monitoring_improvement_periods`, `monitoring_min_indicators`);
    the per-indicator thresholds are `meaningful_change` in indicators.yml."""

    periods: int = 2
    """Consecutive steps, up to the indicator's latest period, each improving enough."""
    min_indicators: int = 2
    """Learning-results indicators of one school that must each improve so."""

    def statement(self) -> list[str]:
        """The rule in the reader's words, from these very values."""
        steps = plural(self.periods, "период", "периода", "периодов")
        least = plural(self.min_indicators, "показателю", "показателям", "показателям")
        return [
            f"Школа становится кандидатом, когда не меньше чем по {least} группы «"
            f"{Group.LEARNING.value}» результат улучшался {steps} подряд, вплоть до последнего "
            "периода с данными, и каждый раз не меньше чем на наименьшее значимое изменение "
            "этого показателя (для показателей в процентах — в процентных пунктах), а "
            f"показатели группы «{Group.TEACHING.value}» за те же периоды не снизились больше "
            "чем на своё наименьшее значимое изменение.",
            "Показатели, которые измеряют волнами, сравниваются волна с волной: итоговая "
            "работа — с итоговой работой прошлых лет, а не со входной работой следующего года. "
            "Участие в мероприятиях, управление и показатели среды и контекста в отбор не "
            "входят.",
            "Кандидаты упорядочены по среднему изменению их показателей результатов обучения в "
            "стандартных отклонениях: изменение за эти периоды делится на разброс значений всех "
            "школ региона за последний период. Так сравниваются показатели в разных единицах; "
            "сами изменения показаны рядом в единицах показателя.",
        ]


def judged_wave(indicator: Indicator) -> Wave:
    """The wave an indicator is judged on: its last declared one, or none."""
    return max(indicator.waves) if indicator.waves else Wave.NONE


def step_of(period: Period) -> int:
    """Consecutive periods of one kind differ by exactly 1."""
    if period.kind is Kind.MONTH:
        return period.start * 12 + period.part - 1
    if period.kind is Kind.QUARTER:
        return period.start * 4 + period.part - 1
    return period.start


@dataclass
class Assessment:
    """The rule applied to every school."""

    indicators: pd.DataFrame
    """Per school × selecting indicator: group, change (last − first value of the window, in
    the indicator's unit), improved (learning), fell (teaching), sd_change (unit-free)."""
    schools: pd.DataFrame
    """Per school: improved, reported (learning indicators), fell (teaching), score, qualifies;
    best score first."""
    windows: dict[str, tuple[Period, Period]]
    """Per indicator: the first and last period of the judged window."""


def judged_rows(rows: pd.DataFrame, indicators: Mapping[str, Indicator],
                groups: tuple[Group, ...] = SELECTING) -> pd.DataFrame:
    """The rows of the groups' indicators in their judged wave, with the period's `step`."""
    categories = list(rows["period"].cat.categories)
    codes = rows["period"].cat.codes.to_numpy()
    steps = np.array([step_of(p) for p in categories] or [0])[codes]
    waves = np.array([int(p.wave) for p in categories] or [0])[codes]
    # Looked up once per indicator, not per row: a million rows name forty indicators.
    indicator = rows["indicator"].astype("category")
    wanted = {key: int(judged_wave(i)) for key, i in indicators.items() if i.group in groups}
    judged = np.array([wanted.get(str(c), -1) for c in indicator.cat.categories] + [-1])
    keep = judged[indicator.cat.codes.to_numpy()] == waves  # code -1 reads the final -1
    return rows.loc[keep, ["school", "period", "value"]].assign(
        indicator=indicator[keep].astype(str), step=steps[keep])


def assess(rows: pd.DataFrame, indicators: Mapping[str, Indicator],
           rule: SelectionRule) -> Assessment:
    judged = judged_rows(rows, indicators)
    latest = judged.groupby("indicator")["step"].transform("max")
    offset = judged["step"] - (latest - rule.periods)
    window = judged[(offset >= 0) & (offset <= rule.periods)].assign(offset=offset)
    periods = window.groupby(["indicator", "offset"], observed=True)["period"].first()
    windows = {str(key): (periods[key].iloc[0], periods[key].iloc[-1])
               for key in periods.index.get_level_values(0).unique()}
    grid = window.pivot_table(index=["school", "indicator"], columns="offset", values="value",
                              aggfunc="first", observed=True)
    grid = grid.reindex(columns=range(rule.periods + 1))
    keys = grid.index.get_level_values("indicator")
    specs = [indicators[str(k)] for k in keys]
    sign = np.array([i.better.sign() for i in specs], dtype=float)
    least = np.array([i.meaningful_change or 0.0 for i in specs], dtype=float)
    learning = np.array([i.group is Group.LEARNING for i in specs], dtype=bool)
    values = grid.to_numpy(dtype=float)
    steps = np.round((values[:, 1:] - values[:, :-1]) * sign[:, None], DIGITS)
    improved = learning & ((steps >= least[:, None]) & (steps > 0)).all(axis=1)
    change = np.round(values[:, -1] - values[:, 0], DIGITS)
    # Pedagogical potential: the first and last value the school has within the window.
    filled = grid.ffill(axis=1).to_numpy(dtype=float)
    first = grid.bfill(axis=1).to_numpy(dtype=float)[:, 0]
    net = np.round((filled[:, -1] - first) * sign, DIGITS)
    fell = ~learning & (net < -least)
    spread = _spread(window, rule.periods)
    sd = np.array([spread.get(str(k), np.nan) for k in keys], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        sd_change = np.where(learning & (sd > 0), change * sign / sd, np.nan)
    per_indicator = pd.DataFrame({
        "school": grid.index.get_level_values("school").astype(str),
        "indicator": keys.astype(str), "learning": learning,
        "reported": learning & ~np.isnan(values[:, -1]),
        # Learning results: the window's ends; pedagogical potential: its first and last value.
        "first": np.where(learning, values[:, 0], first),
        "last": np.where(learning, values[:, -1], filled[:, -1]), "change": change,
        "improved": improved, "fell": fell, "sd_change": sd_change})
    by_school = per_indicator.groupby("school", sort=True)
    schools = pd.DataFrame({
        "improved": by_school["improved"].sum(), "reported": by_school["reported"].sum(),
        "fell": by_school["fell"].sum(), "score": by_school["sd_change"].mean()})
    schools["qualifies"] = (schools["improved"] >= rule.min_indicators) & (schools["fell"] == 0)
    schools = schools.sort_values(["score"], ascending=False, kind="stable")
    return Assessment(per_indicator, schools.rename_axis("school").reset_index(), windows)


def _spread(window: pd.DataFrame, periods: int) -> dict[str, float]:
    """Per indicator: the standard deviation of all schools' values in its latest period (the
    region's schools are the whole population, not a sample)."""
    last = window[window["offset"] == periods]
    return {str(k): float(v) for k, v in last.groupby("indicator")["value"].std(ddof=0).items()}


def programme_comparison(rows: pd.DataFrame, indicators: Mapping[str, Indicator],
                         programme: set[str]) -> pd.DataFrame:
    """Per learning-results indicator, over its last pair of periods (judged wave): the mean
    change of schools in the support programme and of the others, and how many of each."""
    judged = judged_rows(rows, indicators, (Group.LEARNING,))
    latest = judged.groupby("indicator")["step"].transform("max")
    pair = judged[judged["step"] >= latest - 1]
    grid = pair.pivot_table(index=["indicator", "school"], columns="step", values="value",
                            aggfunc="first", observed=True)
    out = []
    for key, part in grid.groupby(level="indicator", sort=False):
        columns = sorted(part.columns[part.notna().any()])
        if len(columns) < 2:
            continue
        before, after = columns[-2], columns[-1]
        change = (part[after] - part[before]).dropna()
        schools = change.index.get_level_values("school")
        inside = change[schools.isin(list(programme))]
        outside = change[~schools.isin(list(programme))]
        periods = pair[pair["indicator"] == key].groupby("step")["period"].first()
        out.append({"indicator": str(key), "start": periods[before], "end": periods[after],
                    "programme_mean": inside.mean() if len(inside) else np.nan,
                    "programme_schools": len(inside),
                    "other_mean": outside.mean() if len(outside) else np.nan,
                    "other_schools": len(outside)})
    return pd.DataFrame(out, columns=["indicator", "start", "end", "programme_mean",
                                      "programme_schools", "other_mean", "other_schools"])
