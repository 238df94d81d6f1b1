"""Search-only words, clean index text and the synonym list (build_tools/search/search_text.py,
fragments.py, content/_data/synonyms.yml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.content.fields import normalize
from build_tools.search.fragments import (
    encode_fragment,
    read_fragment,
    search_only_text,
    without_tail,
)
from build_tools.search.pagefind_bundle import BundleFormatError, PagefindBundle, pagefind_hash
from build_tools.search.synonyms import SynonymIndex
from tests.helpers import ROOT

SYNONYMS_FILE = ROOT / "content" / "_data" / "synonyms.yml"
JOINED = re.compile(r"[а-яё][А-ЯЁ]")
"""«ШколаМБОУ», «РайонВсеволожский»: a label run into its value."""
FACT_LABELS = ("Статус", "Доказанность", "Уровни образования", "Кому адресованы", "Тип школы",
               "Дата публикации", "Категории обучающихся", "Хочу внедрить")


def groups() -> list[tuple[str, ...]]:
    return [tuple(row["terms"]) for row in yaml.safe_load(SYNONYMS_FILE.read_text("utf-8"))]


def fragments(site: Path) -> list[dict]:
    bundle = PagefindBundle.read(site / "pagefind")
    return [read_fragment(site / "pagefind" / "fragment" / f"{page[0]}.pf_fragment")
            for index in bundle.languages for page in index.meta[1]]


# ---------------------------------------------------------------- the built index


def test_fragments_carry_no_search_only_words(sample_site: Path) -> None:
    """The hidden paragraph is indexed (Pagefind counted its words) but cut from the text
    excerpts are made of; the practice's authors are found only through it."""
    cut = 0
    for fragment in fragments(sample_site):
        words = search_only_text(sample_site, fragment["url"])
        if not words:
            continue
        cut += 1
        assert not fragment["content"].endswith(words.split()[-1] + "."), fragment["url"]
        assert len(fragment["content"].split()) < fragment["word_count"], fragment["url"]
    assert cut >= 14
    practice = next(f for f in fragments(sample_site)
                    if f["url"] == "/practices/yazykovaya-adaptatsiya-detey-inofonov/")
    assert "Каримова" not in practice["content"]
    assert "Каримова Алия Рустамовна" in search_only_text(sample_site, practice["url"])


def test_labels_and_values_are_not_run_together(sample_site: Path) -> None:
    """No «ШколаМБОУ…», «Статусопубликовано»: fact lists and the headline strip are left out
    of the index; their values a reader types are search-only words."""
    for fragment in fragments(sample_site):
        content = fragment["content"]
        assert not JOINED.search(content), (fragment["url"], JOINED.findall(content))
        for label in FACT_LABELS:
            assert label not in content, (fragment["url"], label)


def test_fragment_names_are_content_hashes(sample_site: Path) -> None:
    """Rewritten fragments are named as Pagefind names them, so caching by name stays right."""
    folder = sample_site / "pagefind" / "fragment"
    for path in folder.glob("*.pf_fragment"):
        language, name = path.stem.split("_", 1)
        assert pagefind_hash(encode_fragment(read_fragment(path))).startswith(name), path.name


def test_without_tail_cuts_only_the_end() -> None:
    assert without_tail("Текст страницы. ОВЗ, инвалидность.", "ОВЗ, инвалидность", "/x/") \
        == "Текст страницы."
    with pytest.raises(BundleFormatError, match="/x/: слова только для поиска не найдены"):
        without_tail("ОВЗ, инвалидность. Текст страницы.", "ОВЗ, инвалидность", "/x/")


# ---------------------------------------------------------------- the synonym list
# A test rather than a validator rule: whether a spelling is found as readers type it depends
# on the matcher and the search page, not on the file alone; and CI runs the tests on every
# pull request, so a group an editor adds is checked too.


def test_at_least_forty_groups_and_each_spelling_in_one_group() -> None:
    seen: dict[str, int] = {}
    assert len(groups()) >= 40
    for number, terms in enumerate(groups()):
        spellings = {normalize(t) for t in terms}
        assert len(spellings) >= 2, f"group {terms}: one spelling only (case, ё/е ignored)"
        for spelling in spellings:
            assert seen.setdefault(spelling, number) == number, f"«{spelling}» in two groups"


@pytest.mark.parametrize("terms", groups(), ids=lambda terms: terms[0])
def test_every_spelling_is_recognised_as_a_reader_types_it(terms: tuple[str, ...]) -> None:
    """Lower case, «е» for «ё», inside a sentence and, for longer words, in another form: the
    page gets the group's other spellings, so a query for any of them finds it."""
    index = SynonymIndex([terms])
    for term in terms:
        typed = term.lower().replace("ё", "е")
        assert index.mentions(f"Мы работаем: {typed}, и не первый год.").get(term), typed
        inflected = " ".join(w + "ми" if len(w) > 4 and w[-1] in "аяыи" else w
                             for w in typed.split())
        assert index.mentions(f"о работе с {inflected}.").get(term), inflected
        added = index.extra_for(typed, typed)
        assert added and term not in added, (term, added)  # the others, not the page's own


def test_the_fast_synonym_search_finds_what_a_plain_regular_expression_finds() -> None:
    """`SynonymIndex` skips most spellings by their first letters and checks the word start
    itself; on every sample text, and on awkward ones, it must count exactly what
    `findall` of the spelling's whole expression counts."""
    from build_tools.search.synonyms import _phrase_pattern

    terms = [*{t for group in groups() for t in group}, "ИТ-класс", "школа-интернат"]
    index = SynonymIndex([(term,) for term in terms])
    texts = [path.read_text(encoding="utf-8")
             for path in sorted((ROOT / "content").rglob("*.md"))]
    texts += ["ИТ-классы и ит-класс; ОВЗ(ОВЗ)овз, «ОВЗ» ОВЗовз _ОВЗ 1ОВЗ",
              "школы-интернаты, школа-интернат; ППк ппк-2 РАСписание рас."]
    for text in texts:
        normal = normalize(text)
        expected = {term: len(re.findall(r"(?<!\w)" + _phrase_pattern(term), normal))
                    for term in terms}
        assert index.mentions(text) == {t: n for t, n in expected.items() if n}
