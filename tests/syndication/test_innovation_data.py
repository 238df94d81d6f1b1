"""Innovation projects, their stages and the normative documents as open data and schemas."""

from __future__ import annotations

import json
from pathlib import Path

from tests.syndication.datasets import dataset_rows

OVERDUE_PROJECT = "vzaimnye-stazhirovki-upravlencheskih-komand-vsevolozhskogo-rayona"


def rows(site: Path, name: str) -> list[dict[str, str]]:
    return dataset_rows(site, name)


def test_projects_stages_and_documents_are_published(sample_site: Path) -> None:
    projects = {row["id"]: row for row in rows(sample_site, "innovation")}
    assert len(projects) == 2
    project = projects[OVERDUE_PROJECT]
    assert project["schools"] == "kudrovo-gorizont; murino-ekvator; yanino-kompas"
    assert project["site_status"] == "региональная инновационная площадка"
    assert project["site_decision_date"] == "2025-08-20"
    assert project["supervisor"].startswith("Лебедева Ирина Олеговна, кандидат педагогических")
    assert project["url"] == f"https://example.org/bank/innovation/{OVERDUE_PROJECT}/"
    stages = [r for r in rows(sample_site, "innovation_stages") if r["project"] == OVERDUE_PROJECT]
    assert [(s["id"], s["start"], s["end"], bool(s["results"])) for s in stages] == [
        (f"{OVERDUE_PROJECT}#1", "2025-09-01", "2025-12-26", True),
        (f"{OVERDUE_PROJECT}#2", "2026-01-12", "2026-06-30", False),
        (f"{OVERDUE_PROJECT}#3", "2026-09-01", "2027-05-31", False),
        (f"{OVERDUE_PROJECT}#4", "2027-06-01", "2027-12-24", False)]
    documents = json.loads((sample_site / "data" / "normative_documents.json").read_text("utf-8"))
    law = next(d for d in documents if d["id"] == "fz-273")
    assert (law["kind"], law["number"], law["date"]) == ("федеральный закон", "273-ФЗ",
                                                         "2012-12-29")
    meta = json.loads((sample_site / "data" / "meta.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in meta["datasets"]]
    assert {"innovation", "innovation_stages", "normative_documents"} <= set(ids)


def test_the_site_publishes_the_innovation_schema_and_pages(sample_site: Path) -> None:
    schema = json.loads((sample_site / "schemas" / "innovation.schema.json").read_text("utf-8"))
    stage = schema["properties"]["stages"]["items"]
    assert stage["required"] == ["title", "start", "end", "tasks"]
    assert "fz-273" in schema["properties"]["legal_basis"]["items"]["enum"]
    plan = json.loads((sample_site / "schemas" / "recommendation.schema.json").read_text("utf-8"))
    row = plan["properties"]["plan"]["items"]["properties"]
    assert {"content", "resources", "procedure", "evaluation", "responsible", "start", "end"} \
        <= set(row)
    assert "dates" not in row
    for page in ("innovation/index.html", f"innovation/{OVERDUE_PROJECT}/index.html",
                 "timeline/index.html"):
        assert (sample_site / page).is_file(), page
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert 'href="innovation/"' in home  # the section is in the navigation
