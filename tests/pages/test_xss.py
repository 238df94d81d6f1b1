"""Hostile text in every front-matter field and registry name is shown as text, never run.

One practice, one recommendation and one digest get an HTML/JS payload in every text field,
every vocabulary gets a term named with it and the practice's school is named with it. The
built site is then read file by file: every HTML, XML, JSON, ICS and CSV file that exists
(feeds and open-data files included, whoever adds them) must carry the payload only escaped.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml

from build_tools.content.compound_fields import ListOf, Record
from build_tools.content.content_types import DIGEST, PRACTICE, RECOMMENDATION, ContentType
from build_tools.content.personal_data import Contact
from build_tools.content.registries import VOCABULARIES
from build_tools.content.scalar_fields import Text, Url
from build_tools.content.term_fields import Reference, Term
from tests.helpers import copy_sample

PAYLOAD = "Зловредный <img src=x onerror=alert(1)>\"'</script><script>alert(2)</script>"
SHORT = "<img src=x onerror=alert(1)>"
URL = "https://example.org/?q=\"><script>alert(3)</script>"
LIVE = ("<img src=x onerror", "<script>alert(", "\"><script>")
"""What would run if the payload reached a page unescaped."""
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
TARGETS = (
    (PRACTICE, "content/practices/roditelskiy-universitet.md"),
    (RECOMMENDATION, "content/recommendations/vzaimnye-stazhirovki-upravlencheskih-komand.md"),
    (DIGEST, "content/digests/2026-06.md"),
)
SCHOOL = "xss-school"


def term_name(vocabulary: str) -> str:
    return f"{vocabulary} {PAYLOAD}"


def with_payload(value: Any, spec: Text) -> str:
    for text in (f"{value} {PAYLOAD}" if value else PAYLOAD, PAYLOAD, SHORT):
        if not spec.max_length or len(text) <= spec.max_length:
            return text
    raise AssertionError(f"no payload fits in {spec.max_length} characters")


def poison(record: Record, data: dict[str, Any], *, terms: bool = True,
           top: bool = True) -> None:
    """Put the payload into every text, link, term and school field of `data` (the school
    only at the top: an adopting school must stay another school)."""
    for name, spec in record.fields.items():
        value = data.get(name)
        if isinstance(spec, Url):
            data[name] = URL
        elif isinstance(spec, Text) and not isinstance(spec, Contact):
            data[name] = with_payload(value, spec)
        elif isinstance(spec, Term) and terms:
            data[name] = term_name(spec.vocabulary)
        elif isinstance(spec, Reference) and spec.target == "schools" and top:
            data[name] = SCHOOL
        elif isinstance(spec, ListOf) and isinstance(spec.item, Term) and terms:
            data[name] = [*(value or []), term_name(spec.item.vocabulary)]
        elif isinstance(spec, ListOf) and isinstance(spec.item, Record):
            for index, item in enumerate(value or []):
                poison(spec.item, item, terms=index == 0, top=False)  # one rubric per issue
        elif isinstance(spec, Record) and isinstance(value, dict):
            poison(spec, value, terms=terms, top=False)


def poison_entry(project: Path, content_type: ContentType, relative: str) -> None:
    path = project / relative
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(head)
    poison(content_type.record, data)
    head = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{head}---\n{body}", encoding="utf-8")


def poison_registries(project: Path) -> None:
    data_dir = project / "content/_data"
    for spec in VOCABULARIES:
        path = data_dir / f"{spec.name}.yml"
        terms = yaml.safe_load(path.read_text(encoding="utf-8"))
        # a project also names its department, participants, forms of work and products
        extra = {"department": "kafedra-upravleniya", "forms": [PAYLOAD],
                 "products": [PAYLOAD], "participants": [{"school": SCHOOL, "since": 2024}],
                 } if spec.name == "projects" else {}
        terms.append({"id": f"xss-{spec.name.replace('_', '-')}", "name": term_name(spec.name),
                      "description": PAYLOAD, **extra})
        path.write_text(yaml.safe_dump(terms, allow_unicode=True, sort_keys=False), "utf-8")
    path = data_dir / "schools.yml"
    schools = yaml.safe_load(path.read_text(encoding="utf-8"))
    schools.append({"id": SCHOOL, "name": PAYLOAD, "short_name": PAYLOAD,
                    "district": term_name("districts"), "kind": "новостройка", "opened": 2024,
                    "member_since": 2024, "locality": PAYLOAD,
                    "settlement": "город", "website": URL, "contact": URL})
    path.write_text(yaml.safe_dump(schools, allow_unicode=True, sort_keys=False), "utf-8")
    # the bank's own registries: every expert's and criterion's words
    for name, fields in (("experts", ("name", "position")),
                         ("services", ("name", "description", "how")),
                         ("criteria", ("name", "question"))):
        path = data_dir / f"{name}.yml"
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        for row in rows:
            row.update({field: f"{row[field]} {PAYLOAD}" for field in fields})
            if name == "criteria":
                row["levels"] = {score: f"{text} {SHORT}" for score, text in row["levels"].items()}
        path.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), "utf-8")
    # internship sites, partners and networks: their words; the sites keep no practice, since
    # the poisoned practice moves to the hostile school
    for name, fields in (("internship_sites", ("theme", "description")),
                         ("partners", ("name",)),
                         ("networks", ("name", "description", "coordinator"))):
        path = data_dir / f"{name}.yml"
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        for row in rows:
            row.update({field: f"{row.get(field) or ''} {PAYLOAD}" for field in fields})
            row.pop("practices", None)
            if "decision" in row:
                row["decision"]["document"] += f" {PAYLOAD}"
        path.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_sample(tmp_path_factory.mktemp("hostile") / "project")
    poison_registries(project)
    for content_type, relative in TARGETS:
        poison_entry(project, content_type, relative)
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site"


def outputs(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in suffixes and p.is_file())


def test_no_output_file_carries_the_payload_live(hostile_site: Path) -> None:
    checked = 0
    for path in outputs(hostile_site, ".html", ".xml"):
        text = path.read_text(encoding="utf-8")
        for live in LIVE:
            assert live not in text, f"{path.relative_to(hostile_site)}: {live}"
        if path.suffix == ".xml":
            ET.fromstring(text)  # well-formed: the payload did not break the markup
        checked += 1
    for path in outputs(hostile_site, ".json"):
        json.loads(path.read_text(encoding="utf-8"))  # data, parsed as data
        checked += 1
    for path in outputs(hostile_site, ".ics"):
        # iCalendar TEXT is plain text by definition: the payload must come back as exactly
        # that text, and must not have broken the line structure into extra properties.
        raw = path.read_bytes()
        calendar = icalendar.Calendar.from_ical(raw)
        events = calendar.walk("VEVENT")
        assert raw.count(b"BEGIN:VEVENT") == len(events)
        summaries = [str(event["SUMMARY"]) for event in events]
        if path.name == "events.ics":  # the whole calendar; one file per event beside it
            assert any(PAYLOAD in summary for summary in summaries), summaries
        checked += 1
    for path in outputs(hostile_site, ".csv"):
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,")
        rows = list(csv.reader(io.StringIO(text), dialect))
        # A cell starting with = + @ would run as a formula when the file is opened in Excel.
        assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row), path
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("page", [
    "practices/roditelskiy-universitet/index.html",
    "practices/index.html",
    "index.html",
    f"schools/{SCHOOL}/index.html",
    "schools/index.html",
    "topics/xss-topics/index.html",
    "topics/index.html",
    "districts/xss-districts/index.html",
    "recommendations/vzaimnye-stazhirovki-upravlencheskih-komand/index.html",
    "recommendations/index.html",
    "digests/2026-06/index.html",
])
def test_the_payload_is_shown_as_text(hostile_site: Path, page: str) -> None:
    html = (hostile_site / page).read_text(encoding="utf-8")
    assert ESCAPED in html


def test_page_titles_escape_the_payload(hostile_site: Path) -> None:
    html = (hostile_site / "practices/roditelskiy-universitet/index.html").read_text("utf-8")
    title = html[html.index("<title>") + 7:html.index("</title>")]
    assert ESCAPED in title and "<" not in title


def test_the_search_index_holds_the_payload_as_plain_text(hostile_site: Path) -> None:
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")
                 for p in (hostile_site / "pagefind" / "fragment").glob("*.pf_fragment")]
    hostile = [f for f in fragments if "onerror=alert(1)" in f]
    # Title, summary, school, terms: Pagefind stores text, and the browser shows it as text.
    assert len(hostile) >= 3
