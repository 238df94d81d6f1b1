"""One end-to-end build of the sample content, checked as a published site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter
import jsonschema
import pytest
import yaml

from build_tools.content.content_types import CONTENT_TYPES
from tests.helpers import ROOT

EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""")
CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')
"""The page's public address from site_url: metadata for search engines, never fetched."""


def front_matters(folder: str) -> dict[str, dict]:
    """Front-matter as any other tool reads it (python-frontmatter), independent of ours."""
    return {path.stem: frontmatter.load(path).metadata
            for path in sorted((ROOT / "content" / folder).glob("*.md"))}


PUBLIC = {"опубликовано", "рекомендовано к тиражированию"}


@pytest.fixture
def site(sample_site: Path) -> Path:
    return sample_site


def test_published_practices_have_pages_and_drafts_do_not(site: Path) -> None:
    practices = front_matters("practices")
    for slug, meta in practices.items():
        page = site / "practices" / slug / "index.html"
        assert page.exists() == (meta["status"] in PUBLIC), slug
    listing = (site / "practices" / "index.html").read_text(encoding="utf-8")
    published = [m for m in practices.values() if m["status"] in PUBLIC]
    assert listing.count('class="kb-item"') == len(published)


def test_generated_sections_exist(site: Path) -> None:
    for page in ("index.html", "practices/index.html", "recommendations/index.html",
                 "digests/index.html", "schools/index.html", "topics/index.html",
                 "levels/index.html", "subjects/index.html", "districts/index.html",
                 "projects/index.html", "audiences/index.html", "search/index.html"):
        assert (site / page).is_file(), page
    for vocabulary in ("topics", "levels", "districts", "projects", "audiences", "subjects"):
        terms = yaml.safe_load((ROOT / f"content/_data/{vocabulary}.yml").read_text("utf-8"))
        for term in terms:
            assert (site / vocabulary / term["id"] / "index.html").is_file(), term["id"]
    schools = yaml.safe_load((ROOT / "content/_data/schools.yml").read_text("utf-8"))
    for school in schools:
        assert (site / "schools" / school["id"] / "index.html").is_file()
    for month in front_matters("digests"):
        assert (site / "digests" / month / "index.html").is_file()
    assert not (site / "_data").exists()


def test_practice_page_opens_with_a_card(site: Path) -> None:
    slug, meta = next((s, m) for s, m in front_matters("practices").items()
                      if m["status"] in PUBLIC and m.get("results"))
    html = (site / "practices" / slug / "index.html").read_text(encoding="utf-8")
    card = html[html.index('<header class="kb-card'):html.index("</header>", html.index(
        '<header class="kb-card'))]
    for label in ("Школа", "Район", "Уровни образования", "Темы", "Авторы", "Доказанность",
                  "Статус", "Даты"):
        assert f"<dt>{label}</dt>" in card
    assert meta["authors"][0]["name"] in card
    assert re.search(r"\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
                     r"октября|ноября|декабря) \d{4} г\.", card)
    assert "Результаты в цифрах" in html
    assert 'data-pagefind-body' in html


def test_site_is_russian_with_latin_anchors(site: Path) -> None:
    html = (site / "practices" / "roditelskiy-universitet" / "index.html").read_text("utf-8")
    assert '<html lang="ru"' in html
    assert 'id="problema"' in html
    assert not re.search(r'id="_\d+"', html)


def test_no_request_to_another_host(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = CANONICAL.sub("", page.read_text(encoding="utf-8"))
        assert not EXTERNAL.search(text), page
    assert "fonts.googleapis" not in "".join(p.read_text("utf-8") for p in site.rglob("*.css"))


def test_navigation_lists_sections_not_entries(site: Path) -> None:
    html = (site / "practices" / "roditelskiy-universitet" / "index.html").read_text("utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary'):]
    nav = nav[:nav.index('<nav class="md-nav md-nav--secondary')]
    links = re.findall(r'<a href="([^"]*)"[^>]*class="md-nav__link', nav)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    # every page named in the nav, the grouped tab's pages included (indented deeper)
    sections = len(re.findall(r"^ +- [^:]+: \S+\.md$", config.split("\nnav:\n")[1], re.M))
    assert len(links) == sections  # the sections of mkdocs.yml's nav, however large the bank
    assert not [link for link in links if re.search(r"practices/[a-z0-9-]+/$", link)]


def test_search_index_holds_entry_pages_only(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    indexed = entry["languages"]["ru"]["page_count"]
    public = sum(m["status"] in PUBLIC for t in CONTENT_TYPES
                 for m in front_matters(t.folder).values())
    assert indexed == public


def test_published_json_schemas_accept_the_sample_content(site: Path) -> None:
    for folder, name in ((t.folder, t.name) for t in CONTENT_TYPES):
        schema = json.loads((site / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for slug, meta in front_matters(folder).items():
            plain = json.loads(json.dumps(meta, default=str))
            errors = [e.message for e in validator.iter_errors(plain)]
            assert errors == [], f"{folder}/{slug}: {errors}"


def test_committed_schemas_match_the_generated_ones(site: Path) -> None:
    for path in (site / "schemas").glob("*.json"):
        committed = ROOT / "schemas" / path.name
        assert committed.is_file(), f"run `kb schema` and commit {committed.name}"
        assert json.loads(committed.read_text("utf-8")) == json.loads(path.read_text("utf-8"))
