"""The vocabularies of content/_data/ are complete and every term earns its place: each has a
description for readers, and each is used by the sample content, unless it is listed below as
deliberately empty (with the reason)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from build_tools.content.fields import normalize
from build_tools.content.registries import VOCABULARIES, load_registry

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

DELIBERATELY_EMPTY: dict[tuple[str, str], str] = {
    ("subjects", "иностранный язык"): "no sample practice is about a foreign language yet",
    ("subjects", "ОБЗР"): "ФГОС ООО/СОО subject; no sample practice is about it yet",
    ("subjects", "художественно-эстетическое развитие"):
        "ФГОС ДО area; the preschool sample practice covers the other areas",
    ("subjects", "физическое развитие"):
        "ФГОС ДО area; the preschool sample practice covers the other areas",
    ("topics", "профессиональная ориентация"):
        "profile choice in ООО/СОО; no sample practice is about it yet",
    ("districts", "Тихвинский район"): "a district of the region with no member school yet",
    ("event_formats", "мастер-класс"): "the sample digests announce no master class",
    ("event_formats", "управленческая игра"): "the sample digests announce no such game",
    ("event_formats", "курсы повышения квалификации"):
        "courses have their own pages; the sample digests announce none as an event",
}
"""(vocabulary, term name) → why no sample file uses it. The list lives in the test, not in
the registry: being unused is a fact about the sample content, not about the institute's
vocabulary (on the real site an empty term is simply not offered as a filter)."""

REQUIRED = {
    # Issue 18: a primary or preschool practice must be taggable.
    "subjects": {"окружающий мир", "литературное чтение", "ОРКСЭ", "ОДНКНР",
                 "родной язык и литература", "индивидуальный проект", "ОБЗР",
                 "социально-коммуникативное развитие", "познавательное развитие",
                 "речевое развитие", "художественно-эстетическое развитие",
                 "физическое развитие"},
    "topics": {"проектная деятельность", "преемственность уровней образования",
               "оценивание образовательных результатов"},
}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield normalize(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def used_values(vocabulary: str) -> set[str]:
    """Every value written in the sample content's front-matter and in the other registries
    (schools name districts, experts name departments, …; not synonyms.yml, which only widens
    search), normalised as the validator does."""
    found: set[str] = set()
    for path in CONTENT.rglob("*.md"):
        found |= set(_strings(frontmatter.load(path).metadata))
    for path in (CONTENT / "_data").glob("*.yml"):
        if path.stem not in (vocabulary, "synonyms"):  # search words are not a use
            found |= set(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return found


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    loaded, problems = load_registry(CONTENT, ROOT)
    assert problems == []
    return loaded


def test_every_term_has_a_description(registry) -> None:  # type: ignore[no-untyped-def]
    missing = [(spec.name, term.name) for spec in VOCABULARIES
               for term in registry.vocabularies[spec.name] if not term.description.strip()]
    assert missing == []


def test_vocabularies_cover_primary_and_preschool(registry) -> None:  # type: ignore[no-untyped-def]
    for name, wanted in REQUIRED.items():
        assert wanted <= set(registry.vocabularies[name].names()), name


def test_every_term_is_used_by_the_samples_or_listed_as_empty(
        registry) -> None:  # type: ignore[no-untyped-def]
    unused = set()
    for spec in VOCABULARIES:
        used = used_values(spec.name)
        unused |= {(spec.name, term.name) for term in registry.vocabularies[spec.name]
                   if normalize(term.name) not in used and term.id not in used}
    assert unused - set(DELIBERATELY_EMPTY) == set(), "use these terms in a sample or list them"
    # The list does not outlive its reason: a listed term exists and is still unused.
    assert set(DELIBERATELY_EMPTY) - unused == set(), "no longer empty: remove from the list"
