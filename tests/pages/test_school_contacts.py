"""A reader reaches a practice's school as an organisation: its official site and contacts."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.helpers import ROOT


def schools() -> dict[str, dict[str, object]]:
    rows = yaml.safe_load((ROOT / "content/_data/schools.yml").read_text(encoding="utf-8"))
    return {row["id"]: row for row in rows}


def test_every_school_page_links_its_official_site_and_contacts(sample_site: Path) -> None:
    for school_id, school in schools().items():
        html = (sample_site / "schools" / school_id / "index.html").read_text(encoding="utf-8")
        for field in ("website", "contact"):
            if school.get(field):
                assert f'href="{school[field]}"' in html, (school_id, field)
        assert f"<dd>{school['settlement']}</dd>" in html


def test_a_practice_page_leads_to_its_school_s_site(sample_site: Path) -> None:
    registry = schools()
    shown = 0
    for path in sorted((ROOT / "content/practices").glob("*.md")):
        head = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        page = sample_site / "practices" / path.stem / "index.html"
        if head["status"] not in ("опубликовано", "рекомендовано к тиражированию"):
            continue
        school = registry[head["school"]]
        html = page.read_text(encoding="utf-8")
        if school.get("website"):
            assert f'<a href="{school["website"]}">официальный сайт школы</a>' in html, path.stem
            shown += 1
    assert shown, "the sample schools should have official sites"
