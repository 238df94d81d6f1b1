"""Monitoring as published: pages, charts with text alternatives, CSV and XLSX downloads."""

from __future__ import annotations

import statistics
from pathlib import Path

import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook

from tests.helpers import ROOT, KbRunner

ALL_ROWS_COLUMNS = ["school", "period", "wave", "indicator", "value"]


@pytest.fixture
def site(sample_site: Path) -> Path:
    return sample_site


def indicators() -> list[dict]:
    return yaml.safe_load((ROOT / "content/_data/indicators.yml").read_text("utf-8"))


def test_every_indicator_has_a_page_chart_table_and_downloads(site: Path) -> None:
    for indicator in indicators():
        folder = site / "monitoring" / indicator["id"]
        html = (folder / "index.html").read_text("utf-8")
        assert '<div class="kb-chart" role="img"' in html and '<svg class="kb-chart__plot"' in html
        assert "<figcaption>" in html and "Все районы:" in html  # the text alternative
        assert '<table class="kb-monitoring">' in html
        assert (folder / f"{indicator['id']}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        book = load_workbook(folder / f"{indicator['id']}.xlsx", read_only=True)
        assert next(book.active.iter_rows(values_only=True))[0] == "Район"
    assert (site / "monitoring/candidates/index.html").is_file()
    assert not list(site.glob("monitoring/2022-*"))  # raw input tables are not published


def test_region_means_match_a_hand_computation(site: Path) -> None:
    rows = pd.read_csv(site / "monitoring/monitoring-all.csv", sep=";", decimal=",",
                       encoding="utf-8-sig").set_axis(ALL_ROWS_COLUMNS, axis=1)
    table = pd.read_csv(site / "monitoring/ege-russian/ege-russian.csv", sep=";", decimal=",",
                        encoding="utf-8-sig").set_index("Район")
    for period in table.columns:
        values = [float(v) for p, i, v in zip(rows["period"], rows["indicator"], rows["value"],
                                              strict=True)
                  if p == period and i == "ege-russian"]
        assert table.loc["Все районы", period] == pytest.approx(statistics.mean(values))


def test_small_districts_are_not_shown(site: Path) -> None:
    schools = yaml.safe_load((ROOT / "content/_data/schools.yml").read_text("utf-8"))
    per_district: dict[str, int] = {}
    for school in schools:
        per_district[school["district"]] = per_district.get(school["district"], 0) + 1
    table = pd.read_csv(site / "monitoring/ege-russian/ege-russian.csv", sep=";", decimal=",",
                        encoding="utf-8-sig").set_index("Район")
    for district, count in per_district.items():
        if count < 3:
            assert district not in table.index


def test_school_and_practice_pages_show_monitoring(site: Path, kb: KbRunner) -> None:
    html = (site / "schools/kudrovo-gorizont/index.html").read_text("utf-8")
    assert 'id="monitoring"' in html and "Средний балл ЕГЭ по русскому языку" in html
    practices = ROOT / "content/practices"
    adopted = [p.stem for p in practices.glob("*.md")
               if "adoptions:" in p.read_text("utf-8")]
    assert adopted
    shown = [slug for slug in adopted
             if (site / "practices" / slug / "index.html").is_file()
             and "Показатели школ, которые переняли практику" in
             (site / "practices" / slug / "index.html").read_text("utf-8")]
    assert shown


def test_programme_schools_say_so_on_their_page(site: Path) -> None:
    html = (site / "schools/gorbunki-sozidanie/index.html").read_text("utf-8")
    assert "В программе поддержки школ с низкими результатами с 2024 года" in html
    other = (site / "schools/kudrovo-gorizont/index.html").read_text("utf-8")
    assert "В программе поддержки" not in other


def test_waves_are_labelled_and_kept_apart_in_pages_and_downloads(site: Path) -> None:
    html = (site / "monitoring/kim-math-7/index.html").read_text("utf-8")
    assert "2024/2025, входной" in html and "2024/2025, итоговый" in html
    rows = pd.read_csv(site / "monitoring/monitoring-all.csv", sep=";", decimal=",",
                       encoding="utf-8-sig", keep_default_na=False)
    assert list(rows.columns) == ["Школа (идентификатор)", "Период", "Волна",
                                  "Показатель (идентификатор)", "Значение"]
    rows = rows.set_axis(ALL_ROWS_COLUMNS, axis=1)
    kim = rows[rows["indicator"] == "kim-math-7"]
    assert set(kim["wave"]) == {"входной", "итоговый"}
    assert set(rows.loc[rows["indicator"] == "ege-russian", "wave"]) == {""}
    table = pd.read_csv(site / "monitoring/kim-math-7/kim-math-7.csv", sep=";", decimal=",",
                        encoding="utf-8-sig").set_index("Район")
    for label in ("2024/2025, входной", "2024/2025, итоговый"):
        period, wave = label.split(", ")
        values = kim[(kim["period"] == period) & (kim["wave"] == wave)]["value"]
        assert table.loc["Все районы", label] == pytest.approx(values.astype(float).mean())
