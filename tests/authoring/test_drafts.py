"""Drafts: shown by `kb serve` while editing, absent from everything `kb build` publishes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import pytest

from build_tools.content.content_types import CONTENT_TYPES, Status
from tests.helpers import ROOT, copy_sample, fetch, kb_serve

SITE_URL = "https://example.org/bank/"  # mkdocs.yml's site_url


def entries(public: bool) -> list[tuple[str, str, str]]:
    """(folder, slug, title or month) of the sample entries that are (not) public."""
    found = []
    for content_type in CONTENT_TYPES:
        for path in sorted((ROOT / "content" / content_type.folder).glob("*.md")):
            meta = frontmatter.load(path).metadata
            if Status(meta["status"]).is_public() == public:
                found.append((content_type.folder, path.stem, str(meta.get("title", path.stem))))
    return found


DRAFTS = entries(public=False)


@pytest.fixture(scope="module")
def production_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kb build` of the sample (mkdocs.yml sets site_url, so the sitemap lists every page)."""
    project = copy_sample(tmp_path_factory.mktemp("drafts") / "project")
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_sample_has_drafts_to_leave_out() -> None:
    assert any(folder == "practices" for folder, _, _ in DRAFTS)


def test_drafts_have_no_page_no_listing_entry_and_no_sitemap_entry(production_site: Path) -> None:
    for folder, slug, _ in DRAFTS:
        assert not (production_site / folder / slug).exists()
    pages = {p: p.read_text(encoding="utf-8") for p in production_site.rglob("*.html")}
    sitemap = (production_site / "sitemap.xml").read_text(encoding="utf-8")
    for folder, slug, title in DRAFTS:
        link = f"{folder}/{slug}/"
        assert not [p for p, text in pages.items() if link in text or title in text], slug
        assert link not in sitemap
    for folder, slug, _ in entries(public=True):  # the sitemap does list the published ones
        assert f"<loc>{SITE_URL}{folder}/{slug}/</loc>" in sitemap


def test_drafts_are_not_in_the_search_index(production_site: Path) -> None:
    pagefind = production_site / "pagefind"
    entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["ru"]["page_count"] == len(entries(public=True))
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                 for p in (pagefind / "fragment").iterdir()]
    assert len(fragments) == len(entries(public=True))
    for folder, slug, title in DRAFTS:
        assert not [f for f in fragments if f"/{folder}/{slug}/" in f or title in f], slug


def test_the_404_page_links_its_scripts_under_the_site_path(production_site: Path) -> None:
    page = (production_site / "404.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert '<script src="/bank/assets/inline/' in page


def test_kb_serve_shows_drafts(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    with kb_serve(project) as served:
        deadline = time.monotonic() + 120
        folder, slug, title = next(d for d in DRAFTS if d[0] == "practices")
        page = fetch(f"{served.base}{folder}/{slug}/", deadline)
        assert title in page
        listing = fetch(f"{served.base}{folder}/", deadline)
        assert f"{slug}/" in listing
    assert not (project / "site").exists(), "kb serve must not write the published site"
