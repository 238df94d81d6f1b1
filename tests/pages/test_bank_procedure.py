"""«Положение о банке» and «Как мы оцениваем доказанность»: built from the registries."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from build_tools.content.statuses import Evidence, Status
from build_tools.monitoring import evidence
from build_tools.pages.bank_procedure import EVIDENCE_MEANINGS, STATUS_MEANINGS
from tests.helpers import ROOT, KbRunner


def _text(page: Path) -> str:
    """The article's visible text, tags dropped and whitespace collapsed."""
    source = page.read_text("utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def _section(page: Path, anchor: str) -> str:
    source = page.read_text("utf-8")
    start = source.index(f'id="{anchor}"')
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ",
                                         source[start:source.index("</section>", start)])).split())


def _criteria(content: Path) -> list[dict]:
    return yaml.safe_load((content / "_data" / "criteria.yml").read_text("utf-8"))


def test_every_status_and_evidence_level_is_explained() -> None:
    assert set(STATUS_MEANINGS) == set(Status)
    assert set(EVIDENCE_MEANINGS) == set(Evidence)


def test_procedure_page_lists_every_criterion_of_the_registry(sample_site: Path) -> None:
    page = sample_site / "bank" / "polozhenie" / "index.html"
    criteria = _criteria(ROOT / "content")
    assert criteria
    for criterion in criteria:
        section = _section(page, f"kriteriy-{criterion['id']}")
        assert criterion["name"] in section
        assert " ".join(criterion["question"].split()) in section
        assert f"от {criterion['min']} до {criterion['max']} баллов" in section
        assert f"не меньше {criterion['min_recommended']} балл" in section
        for score, meaning in criterion["levels"].items():
            assert f"{score} {' '.join(meaning.split())}" in section, (criterion["id"], score)
    text = _text(page)
    for status in Status:
        assert status.value in text
    for level in Evidence:
        assert level.value in text
    for expert in yaml.safe_load((ROOT / "content/_data/experts.yml").read_text("utf-8")):
        assert expert["name"] in text
    for band in yaml.safe_load((ROOT / "content/_data/cost_bands.yml").read_text("utf-8")):
        assert band["name"] in text


def test_evidence_page_states_the_rules_with_the_codes_numbers(sample_site: Path) -> None:
    text = _text(sample_site / "bank" / "evidence" / "index.html")
    assert f"от 0 до {evidence.MAX_LOCKS} замков" in text
    assert f"не меньше {evidence.MANY_SCHOOLS}" in text
    assert f"не меньше {evidence.LONG_PERIOD_YEARS} лет" in text
    assert f"{evidence.LARGE_SAMPLE['pupils']} обучающихся" in text
    assert f"{evidence.LARGE_SAMPLE['teachers']} педагогах" in text
    assert "Это не научное исследование" in text


def test_bank_intro_and_guide_link_both_pages(sample_site: Path) -> None:
    intro = (sample_site / "practices" / "index.html").read_text("utf-8")
    assert 'href="../bank/polozhenie/"' in intro and 'href="../bank/evidence/"' in intro
    guide = (sample_site / "guide" / "index.html").read_text("utf-8")
    assert 'href="../bank/polozhenie/"' in guide


def test_an_edited_criterion_reaches_the_page(project: Path, kb: KbRunner) -> None:
    """The institute edits criteria.yml; the published procedure follows without code."""
    path = project / "content" / "_data" / "criteria.yml"
    criteria = _criteria(project / "content")
    first = criteria[0]
    first["name"] = "Востребованность"
    first["levels"][first["max"]] = "задача названа в стратегии развития региона"
    first["min_recommended"] = first["min"]
    path.write_text(yaml.safe_dump(criteria, allow_unicode=True, sort_keys=False), "utf-8")
    result = kb("build", cwd=project)
    assert result.returncode == 0, result.stderr
    section = _section(project / "site" / "bank" / "polozhenie" / "index.html",
                       f"kriteriy-{first['id']}")
    assert "Востребованность" in section
    assert f"{first['max']} задача названа в стратегии развития региона" in section
    assert f"не меньше {first['min']} балл" in section
