"""Captions and changes say what the shown numbers say; chart ticks are round; the sample
site's chart captions agree with the tables beside them."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from build_tools.monitoring.captions import (
    amount,
    region_caption,
    shown_change,
    signed,
    verdict,
)
from build_tools.monitoring.charts import Series, legend, line_chart, round_ticks, tick_label
from tests.helpers import ROOT


def test_a_change_is_the_difference_of_the_shown_values() -> None:
    # Raw 4.66 → 4.04 is −0.62, which rounds to 0,6; the reader sees 4,7 and 4,0: a fall of 0,7.
    assert shown_change(4.66, 4.04) == Decimal("-0.7")
    text = region_caption("Все районы", [("2023", 4.66), ("2024", 4.04)], "баллы", 1,
                          ("балл", "балла", "баллов"))
    assert text.endswith("снижение на 0,7 балла: с 4,7 до 4,0 (ухудшение).")
    assert signed(Decimal("-0.7")) == "\u22120,7" and signed(Decimal("0.3")) == "+0,3"


def test_a_percentage_changes_in_points_and_direction_is_in_words() -> None:
    text = region_caption("Все районы", [("2023", 12.0), ("2024", 10.5)], "%", -1)
    assert "снижение на 1,5 п.\u00a0п.: с 12,0 до 10,5 (улучшение)" in text
    assert verdict(Decimal("0"), 1) == "без изменений"
    assert verdict(Decimal("0.1"), -1) == "ухудшение"


@pytest.mark.parametrize(("low", "high"), [(4.04, 4.7), (63.9, 81.7), (0, 100), (3, 3),
                                           (0.012, 0.037), (-2.5, 7.1), (1000, 123456)])
def test_ticks_are_round_and_cover_the_values(low: float, high: float) -> None:
    ticks = round_ticks(low, high)
    step = Decimal(str(ticks[1])) - Decimal(str(ticks[0]))
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in {Decimal(1), Decimal(2), Decimal(5)}, (ticks, step)
    assert ticks[0] <= low and ticks[-1] >= high and 3 <= len(ticks) <= 9, ticks
    assert all(Decimal(str(t)) % step == 0 for t in ticks), ticks
    labels = [tick_label(t, ticks) for t in ticks]
    assert len(set(labels)) == len(labels), labels


def test_series_differ_by_marker_and_line_style_not_only_colour() -> None:
    series = [Series("Все районы", [1.0, 2.0], emphasis=True)] + [
        Series(f"Район {n}", [1.0, None]) for n in range(6)]
    chart = line_chart("Показатель", ["2023", "2024"], series, "баллы")
    items = re.findall(r'<li><svg class="kb-legend__swatch".*?</li>', legend(series))
    looks = {(re.search(r'stroke-dasharray="([^"]*)"', i) or [None, "solid"])[1]
             + re.search(r'href="([^"]+)"', i)[1] for i in items}
    assert len(looks) == len(series)  # every series has its own line style and marker pair
    assert "<text" not in chart and "viewBox" not in chart  # labels are page text, unscaled
    assert chart == line_chart("Показатель", ["2023", "2024"], series, "баллы")  # byte-stable


class _Page(HTMLParser):
    """The chart caption and the region's row of the table, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.caption, self.region, self.header = "", [], []
        self._in: list[str] = []
        self._row: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        if tag == "tr":
            self._row = []
        if tag in ("td", "th"):
            self._row.append("")

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass
        if tag == "tr" and self._row:
            if self._row[0] == "Район" and not self.header:
                self.header = self._row[1:]
            if self._row[0] == "Все районы":
                self.region = self._row[1:]

    def handle_data(self, data: str) -> None:
        if "figcaption" in self._in and "p" in self._in:
            self.caption += data
        elif "table" in self._in and self._row and self._in[-1] in ("td", "th"):
            self._row[-1] += data.strip()


def _number(text: str) -> Decimal:
    return Decimal(text.replace("\u2212", "-").replace("\u00a0", "").replace(",", "."))


def test_sample_captions_agree_with_their_tables(sample_site: Path) -> None:
    entries = yaml.safe_load((ROOT / "content/_data/indicators.yml").read_text("utf-8"))
    checked = 0
    for entry in entries:
        page = _Page()
        page.feed((sample_site / "monitoring" / entry["id"] / "index.html").read_text("utf-8"))
        listed = page.caption.split(". С ")[0].split(": ", 1)[-1]  # after «Все районы: »
        # a period may carry its wave: «2023/2024, входной — 54,3»
        steps = dict(step.rsplit(" — ", 1) for step in listed.split("; "))
        table = {p: v for p, v in zip(page.header, page.region, strict=True) if v != "—"}
        assert steps and steps == table, (entry["id"], page.caption, table)
        found = re.search(r"— (рост|снижение) на ([\d,]+) (.+?): с ([\d,]+) до ([\d,]+) "
                          r"\((улучшение|ухудшение)\)\.$", page.caption)
        if found is None:
            assert "без изменений" in page.caption, page.caption
            continue
        direction, change, unit, first, last, word = found.groups()
        values = list(table.values())
        assert (first, last) == (values[0], values[-1])
        delta = _number(last) - _number(first)
        assert _number(change) == abs(delta) and (direction == "рост") == (delta > 0)
        better = 1 if entry["better"] == "больше — лучше" else -1
        assert (word == "улучшение") == (delta * better > 0)
        # A change is printed with a decimal: the unit takes its form after a fraction.
        forms = entry.get("unit_forms")
        assert unit == ("п.\u00a0п." if entry["unit"] == "%" else forms[1] if forms
                        else entry["unit"])
        checked += 1
    assert checked, "the sample should show at least one change"


@pytest.mark.parametrize(("number", "expected"), [
    ("1", "1 балл"), ("2", "2 балла"), ("4", "4 балла"), ("5", "5 баллов"), ("11", "11 баллов"),
    ("12", "12 баллов"), ("21", "21 балл"), ("22", "22 балла"), ("111", "111 баллов"),
    # A fraction takes the second form, whatever its digits: 1,6 балла, 0,5 балла, 5,0 балла.
    ("1,6", "1,6 балла"), ("0,5", "0,5 балла"), ("5,0", "5,0 балла"),
    ("+2,0", "+2,0 балла"), ("\u22121", "\u22121 балл"),
])
def test_a_unit_agrees_with_its_number(number: str, expected: str) -> None:
    assert amount(number, "баллы", ("балл", "балла", "баллов")) == expected


def test_units_without_forms_and_percentages() -> None:
    assert amount("1,6", "чел.") == "1,6 чел."  # no forms: the registry's word as written
    assert amount("45,0", "%") == "45,0 %"
    assert amount("+2,0", "%", change=True) == "+2,0 п.\u00a0п."
