"""Links between the Association's parts on the built sample: a school page lists its
innovation projects, a project page links each digest item naming it to that item."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.helpers import ROOT


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def test_a_school_page_lists_its_innovation_projects(sample_site: Path) -> None:
    projects = {p.stem: front_matter(p) for p in (ROOT / "content/innovation").glob("*.md")}
    checked = 0
    for slug, data in projects.items():
        for school in data["schools"]:
            page = (sample_site / "schools" / school / "index.html").read_text("utf-8")
            section = page.split('id="innovatsionnye-proekty-shkoly"', 1)[1].split("<h2", 1)[0]
            assert f'href="../../innovation/{slug}/"' in section, (school, slug)
            checked += 1
    assert checked >= 3
    # A school in no project gets no such section.
    named = {s for d in projects.values() for s in d["schools"]}
    other = next(p for p in (sample_site / "schools").iterdir()
                 if p.is_dir() and p.name not in named)
    assert "innovatsionnye-proekty-shkoly" not in (other / "index.html").read_text("utf-8")


def test_a_project_page_links_its_digest_items_to_their_place(sample_site: Path) -> None:
    page = (sample_site / "projects/kapsula-vremeni/index.html").read_text("utf-8")
    news = page.split('id="v-daydzheste"', 1)[1].split("</ul>", 1)[0]
    links = re.findall(r'href="\.\./\.\./(digests/[0-9-]+/)#(item-[0-9a-f]{20})"', news)
    assert links, news
    for digest, anchor in links:
        assert f'id="{anchor}"' in (sample_site / digest / "index.html").read_text("utf-8")
