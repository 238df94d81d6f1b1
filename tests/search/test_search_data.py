"""Search data: filters and metadata per entry, synonyms, related practices."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.content.library import Library
from build_tools.monitoring.evidence import evidence_strength
from build_tools.search.search_data import (
    filters,
    meta,
    related_practices,
)
from build_tools.search.synonyms import SynonymIndex
from tests.helpers import KbRunner

SYNONYMS = SynonymIndex([
    ("ОВЗ", "ограниченные возможности здоровья"),
    ("стажировка", "стажировочная площадка"),
    ("ОО", "образовательная организация"),
])


@pytest.mark.parametrize(("text", "added"), [
    ("обучающиеся с ограниченными возможностями здоровья", ["ОВЗ"]),
    ("ресурсный класс для детей с ОВЗ", ["ограниченные возможности здоровья"]),
    ("наша стажировочная площадка", ["стажировка"]),
    ("взаимные стажировки команд", ["стажировочная площадка"]),
    ("в образовательной организации", ["ОО"]),
    ("ООО «Ромашка» и ОВЗ", ["ограниченные возможности здоровья"]),
    ("ничего похожего", []),
])
def test_synonyms_are_added_for_the_other_spellings(text: str, added: list[str]) -> None:
    assert SYNONYMS.extra_for(text) == added


def test_practice_filters_and_meta_come_from_front_matter_and_registry(
    library: Library,
) -> None:
    practice = library.practice("roditelskiy-universitet")
    assert practice is not None
    school = library.school_of(practice)
    values = filters(practice, library)
    assert values["type"] == ["практика"]
    assert values["topic"] == practice.data["topics"]
    assert values["level"] == practice.data["levels"]
    assert values["district"] == [school.district]
    assert values["school"] == [school.short_name]
    assert values["school_kind"][0] == school.kind
    assert values["settlement"][0] == school.settlement
    assert values["year"] == [str(practice.data["date"].year)]
    shown = meta(practice, library)
    assert shown["kind"] == "практика"
    assert shown["source"] == school.short_name
    assert shown["date"] == practice.data["date"].isoformat()
    strength = evidence_strength(practice.data, frozenset())
    assert shown["standing"] == f"сила доказательств {strength.label}"
    recommended = next(p for p in library.practices
                       if p.data["status"] == "рекомендовано к тиражированию")
    assert meta(recommended, library)["standing"].startswith("рекомендовано к тиражированию · ")


def test_related_practices_start_with_the_editors_picks_and_share_topics(
    library: Library,
) -> None:
    related = related_practices(library, limit=4)
    for practice in library.practices:
        chosen = related[practice.slug]
        own = [p.slug for p in library.related_practices(practice)]
        assert [p.slug for p in chosen[: len(own)]] == own
        assert practice.slug not in [p.slug for p in chosen]
        assert len(chosen) <= max(4, len(own))
        for other in chosen[len(own):]:
            shared = set(other.data["topics"]) & set(practice.data["topics"])
            same_project = other.data.get("project") and (
                other.data.get("project") == practice.data.get("project"))
            assert shared or same_project, (practice.slug, other.slug)


def test_published_site_contains_search_data(project: Path, kb: KbRunner) -> None:
    practice = project / "content/practices/resursnaya-zona-i-soprovozhdenie-obuchayushchihsya.md"
    text = practice.read_text(encoding="utf-8")
    assert "ФГОС" not in text
    # one spelling in the text: the page carries the others, hidden, for search
    practice.write_text(text + "\nКоманда сверяет планы с федеральным государственным "
                        "образовательным стандартом.\n", encoding="utf-8")
    assert kb("build", cwd=project).returncode == 0
    html = (project / "site/practices/resursnaya-zona-i-soprovozhdenie-obuchayushchihsya/"
            "index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-filter="type">практика</span>' in html
    assert '<span data-pagefind-sort="date">' in html
    synonyms = re.search(r'<p class="kb-search-only" hidden>([^<]*)</p>', html)
    assert synonyms and "ФГОС" in synonyms.group(1).split(", ")


def test_a_spelling_only_in_a_field_the_page_may_not_print_is_added_too() -> None:
    """The review's conclusion says «ОВЗ», the page's text only the long form: both are added
    except the long form the page shows."""
    everything = "дети с ОВЗ\nобучающиеся с ограниченными возможностями здоровья"
    shown = "обучающиеся с ограниченными возможностями здоровья"
    assert SYNONYMS.extra_for(everything, shown) == ["ОВЗ"]
    assert SYNONYMS.extra_for(everything) == []
