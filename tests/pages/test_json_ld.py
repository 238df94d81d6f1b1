"""schema.org JSON-LD of practice pages: the data, its safe serialisation, every sample page."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from build_tools.content.registries import (
    VOCABULARIES,
    Registry,
    School,
    Schools,
    Term,
    TermList,
)
from build_tools.pages.json_ld import dumps, json_ld, practice_json_ld

ROOT = Path(__file__).parents[2]
SITE = "https://example.org/bank/"
SPECS = {spec.name: spec for spec in VOCABULARIES}


def library(school: School) -> Any:
    vocabularies = {
        "licenses": TermList(SPECS["licenses"], [
            Term("cc-by-4-0", "CC BY 4.0", url="https://creativecommons.org/licenses/by/4.0/"),
            Term("vse-prava", "все права защищены")]),
        "topics": TermList(SPECS["topics"], [Term("nastavnichestvo", "наставничество")]),
    }
    return SimpleNamespace(registry=Registry(vocabularies, Schools({school.id: school})))


def practice(**data: Any) -> Any:
    fields = {"title": "Наставничество «Двое в классе»", "summary": "Кратко <о практике>.",
              "school": "kudrovo-gorizont", "levels": ["основное общее"],
              "topics": ["наставничество"], "subjects": ["математика"],
              "license": "CC BY 4.0", "date": dt.date(2026, 3, 1), **data}
    return SimpleNamespace(title=fields["title"], summary=fields["summary"],
                           url="practices/dvoe-v-klasse/", data=fields)


SCHOOL = School("kudrovo-gorizont", "МОБУ «СОШ «Горизонт»", "Школа «Горизонт»",
                "Всеволожский район", "новостройка", 2021, 2021)


def test_a_practice_is_a_learning_resource_by_its_school() -> None:
    school = replace(SCHOOL, website="https://gorizont.example/")
    item = practice_json_ld(practice(updated=dt.date(2026, 4, 2)), library(school), SITE)
    assert item == {
        "@context": "https://schema.org",
        "@type": ["LearningResource", "CreativeWork"],
        "name": "Наставничество «Двое в классе»",
        "description": "Кратко <о практике>.",
        "url": "https://example.org/bank/practices/dvoe-v-klasse/",
        "inLanguage": "ru",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "author": {"@type": "Organization", "name": "МОБУ «СОШ «Горизонт»",
                   "url": "https://gorizont.example/"},
        "educationalLevel": ["основное общее"],
        "about": [{"@type": "DefinedTerm", "name": "наставничество",
                   "url": "https://example.org/bank/topics/nastavnichestvo/"}],
        "keywords": "наставничество, математика",
        "dateCreated": "2026-03-01",
        "dateModified": "2026-04-02",
    }


def test_without_a_licence_url_site_url_or_school_site_those_are_left_out() -> None:
    item = practice_json_ld(practice(license="все права защищены", subjects=None),
                            library(SCHOOL), "")
    assert item["license"] == "все права защищены"
    assert item["author"] == {"@type": "Organization", "name": "МОБУ «СОШ «Горизонт»"}
    assert "url" not in item and "url" not in item["about"][0]
    assert item["keywords"] == "наставничество"
    assert item["dateModified"] == item["dateCreated"] == "2026-03-01"


def test_the_element_cannot_be_ended_by_its_data() -> None:
    data = {"name": "</script><script>alert(1)</script>", "x": "a & b > c \u2028\u2029 «ё»"}
    element = str(json_ld(data))
    text = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert re.fullmatch(r"[^<>&\u2028\u2029]*", text)
    assert "«ё»" in text  # readable Cyrillic, not \\u escapes
    assert json.loads(text) == data == json.loads(dumps(data))


def test_every_practice_page_of_the_sample_names_its_licence(sample_site: Path) -> None:
    licenses = yaml.safe_load((ROOT / "content/_data/licenses.yml").read_text(encoding="utf-8"))
    address = {item["name"]: item.get("url") or item["name"] for item in licenses}
    pages = sorted((sample_site / "practices").glob("*/index.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        [text] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        item = json.loads(text)
        source = (ROOT / f"content/practices/{page.parent.name}.md").read_text(encoding="utf-8")
        [name] = re.findall(r"^license: (.+)$", source, re.M)
        assert item["license"] == address[name.strip()], page
        assert item["@type"] == ["LearningResource", "CreativeWork"], page
        assert item["url"] == f"{SITE}practices/{page.parent.name}/"
