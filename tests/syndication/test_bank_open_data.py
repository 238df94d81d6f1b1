"""Open data carries what the bank computes for replication: strength, recommendation, licence."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from build_tools.checks.loader import Project, load_library
from build_tools.monitoring.evidence import evidence_strength, schools_with_data
from tests.helpers import ROOT
from tests.syndication.datasets import dataset_rows


def test_practices_dataset_has_strength_recommended_and_licence_url(sample_site: Path) -> None:
    library, problems = load_library(Project(ROOT / "content", ROOT))
    assert not problems.has_errors()
    with_data = schools_with_data(library.monitoring)
    licences = {t["name"]: t.get("url") for t in yaml.safe_load(
        (ROOT / "content/_data/licenses.yml").read_text("utf-8"))}
    records = {r["id"]: r for r in json.loads(
        (sample_site / "data" / "practices.json").read_text("utf-8"))}
    rows = {r["id"]: r for r in dataset_rows(sample_site, "practices")}
    assert set(records) == {p.slug for p in library.practices if p.status.is_public()}
    for slug, record in records.items():
        practice = library.practice(slug)
        assert practice is not None
        locks = evidence_strength(practice.data, with_data).locks
        assert record["evidence_strength"] == locks
        assert rows[slug]["evidence_strength"] == str(locks)
        recommended = practice.data["status"] == "рекомендовано к тиражированию"
        assert record["recommended"] is recommended
        assert rows[slug]["recommended"] == ("да" if recommended else "нет")
        assert record["license_url"] == licences[practice.data["license"]]
        assert record["adoptions_count"] == len(practice.data.get("adoptions") or [])
    assert any(r["recommended"] for r in records.values())
    assert len({r["evidence_strength"] for r in records.values()}) > 1
