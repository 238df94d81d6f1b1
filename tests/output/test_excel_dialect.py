"""Every CSV the site writes opens in Excel on a Russian Windows: one column per field, Russian
headers, Cyrillic intact, decimal commas.

Excel reads a CSV opened by double click as UTF-8 only when it starts with a byte-order mark
(otherwise as Windows-1251) and splits it at the regional list separator, `;` in Russian
settings, honouring double quotes. The test reads each file exactly so.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from build_tools.output.csv_dialect import csv_text, decimal_text, with_bom
from tests.helpers import ROOT

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
PERIOD = re.compile(r"[0-9]{4}(/[0-9]{4}|-Q[1-4]|-[0-9]{2})?(, [а-яё]+)?")
"""A district table has a column per period: «2024/2025, итоговый»."""
POINT_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")


def read_as_russian_excel(raw: bytes) -> list[list[str]]:
    text = raw[3:].decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp1251")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def published_csv_files(site: Path) -> list[Path]:
    """The tables the build writes: not the editors' attachments, published as they are."""
    content = ROOT / "content"
    return sorted(p for p in site.rglob("*.csv")
                  if not (content / p.relative_to(site)).exists())


def test_every_published_csv_opens_in_russian_excel_with_russian_columns(
        sample_site: Path) -> None:
    files = published_csv_files(sample_site)
    assert {"data/practices.csv", "data/schools.csv", "monitoring/monitoring-all.csv",
            "monitoring/candidates/candidates.csv"} <= {
        p.relative_to(sample_site).as_posix() for p in files}
    for path in files:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{path}: no BOM, Excel reads Windows-1251"
        rows = read_as_russian_excel(raw)
        header = rows[0]
        assert len(header) > 1, f"{path}: the header is one column: {header}"
        for title in header:
            assert CYRILLIC.search(title) or PERIOD.fullmatch(title), f"{path}: {title!r}"
        assert CYRILLIC.search(header[0])
        assert len(set(header)) == len(header), f"{path}: a header repeats"
        for number, row in enumerate(rows[1:], start=2):
            assert len(row) == len(header), f"{path}:{number}: {len(row)} cells"
            points = [cell for cell in row if POINT_DECIMAL.fullmatch(cell)]
            assert not points, f"{path}:{number}: decimal point in {points}"


def test_open_data_headers_are_the_passport_titles(sample_site: Path) -> None:
    meta = json.loads((sample_site / "data" / "meta.json").read_text("utf-8"))
    for dataset in meta["datasets"]:
        raw = (sample_site / "data" / f"{dataset['id']}.csv").read_bytes()
        header = read_as_russian_excel(raw)[0]
        assert header == [f["title"] for f in dataset["fields"]]
        records = json.loads((sample_site / "data" / f"{dataset['id']}.json").read_text("utf-8"))
        for record in records:
            assert list(record) == [f["name"] for f in dataset["fields"]]
    practices = read_as_russian_excel((sample_site / "data" / "practices.csv").read_bytes())
    assert practices[0][:4] == ["Идентификатор", "Адрес страницы", "Название практики", "Кратко"]


def test_the_dialect_quotes_separators_and_writes_decimal_commas() -> None:
    raw = with_bom(csv_text(["Название", "Темы"], [["Школа; «Маяк»", "a; b"],
                                                   ['Кавычки "да"', decimal_text(63.9)]]))
    assert raw.startswith(b"\xef\xbb\xbf")
    assert read_as_russian_excel(raw) == [["Название", "Темы"], ["Школа; «Маяк»", "a; b"],
                                          ['Кавычки "да"', "63,9"]]
    assert decimal_text(-0.0) == "0,0" and decimal_text(70.0) == "70,0"
