"""Reading a published dataset's CSV as a program would: its Russian header row mapped back to
the machine names through the passport (data/meta.json)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd


def machine_names(site: Path, dataset: str) -> dict[str, str]:
    """Russian header → machine name, from the passport."""
    meta = json.loads((site / "data" / "meta.json").read_text("utf-8"))
    fields = next(d["fields"] for d in meta["datasets"] if d["id"] == dataset)
    return {f["title"]: f["name"] for f in fields}


def dataset_rows(site: Path, dataset: str) -> list[dict[str, str]]:
    """The CSV's rows keyed by machine name, every cell as the text written."""
    text = (site / "data" / f"{dataset}.csv").read_bytes().decode("utf-8-sig")
    names = machine_names(site, dataset)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = [names[title] for title in next(reader)]
    return [dict(zip(header, row, strict=True)) for row in reader]


def dataset_frame(site: Path, dataset: str, **options: object) -> pd.DataFrame:
    """The CSV as a DataFrame with machine-named columns."""
    table = pd.read_csv(site / "data" / f"{dataset}.csv", sep=";", decimal=",",
                        encoding="utf-8-sig", **options)  # type: ignore[call-overload]
    return table.rename(columns=machine_names(site, dataset))
