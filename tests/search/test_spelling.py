"""The spelling dictionary: which words of a page it takes, its file, its suggestions."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from build_tools.search.search_index import glob_pages
from build_tools.search.spelling import (
    FILE_NAME,
    MAX_WORDS,
    IndexedText,
    SpellingDictionary,
    headwords,
    words_of,
    write_dictionary,
)

PAGE = """<!doctype html><html><head><title>Заголовок окна</title>
<script>var скрипт = 1;</script><style>.стиль {}</style></head><body>
<nav>Меню сайта</nav>
<div data-pagefind-body lang="ru">
<h1 id="x">Наставничество <a class="headerlink" href="#x">¶</a></h1>
<p>Молодой учитель и наставник<br>работают в паре, 2025 год.<img src="a.png" alt="фото">
<ul><li>Ёлка<li>ещё пункт</ul>
<div data-pagefind-ignore><p>Связанные практики</p></div>
<div class="kb-search-data" hidden data-pagefind-ignore><span>фильтр</span></div>
<p>Снова наставничество &amp; наставник</p>
<script>var внутри = 2;</script>
</div>
<footer>Подвал</footer>
</body></html>"""


def test_only_the_text_pagefind_indexes_is_read() -> None:
    text = IndexedText.of(PAGE)
    found = Counter(words_of(text))
    assert found == Counter({"наставничество": 2, "наставник": 2, "молодой": 1, "учитель": 1,
                             "работают": 1, "паре": 1, "год": 1, "елка": 1, "еще": 1,
                             "пункт": 1, "снова": 1})
    for outside in ("заголовок", "скрипт", "стиль", "меню", "связанные", "фильтр", "внутри",
                    "подвал"):
        assert outside not in found


def test_words_are_lower_case_with_e_for_yo_and_no_numbers_or_single_letters() -> None:
    assert words_of("Ёжик и ЁЛКА: 12 шт., COVID-19, x2y") == ["ежик", "елка", "шт", "covid"]
    assert words_of("а" * 31 + " слово") == ["слово"]


def test_the_file_lists_words_alphabetically_with_counts_above_one() -> None:
    dictionary = SpellingDictionary(Counter({"наставник": 3, "аутизм": 1, "ёж": 2}),
                                    ("ОВЗ",))
    assert dictionary.words_text() == "аутизм наставник:3 ёж:2"
    assert json.loads(dictionary.to_json()) == {
        "version": 1, "words": "аутизм наставник:3 ёж:2", "suggestions": ["ОВЗ"]}


def test_suggestions_are_headwords_the_index_has_most_of() -> None:
    counts = Counter({"овз": 5, "стажировка": 9, "фгос": 0, "оо": 40, "молодой": 2,
                      "специалист": 7})
    groups = [("ОВЗ", "ограниченные возможности здоровья"), ("ФГОС", "стандарт"),
              ("стажировка", "стажировочная площадка"), ("ОО", "организация"),
              ("молодой специалист", "начинающий учитель"), ()]
    # «ФГОС» is in no page, «ОО» is too short to mean anything; «молодой специалист» is
    # scored by its rarer word.
    assert headwords(groups, counts) == ("стажировка", "ОВЗ", "молодой специалист")


def test_the_dictionary_is_written_beside_the_bundle_from_the_indexed_pages(
        tmp_path: Path) -> None:
    for folder, name, body in (("practices", "a", "Аутизм и РАС"),
                               ("digests", "b", "Наставник, наставник"),
                               ("schools", "c", "Не индексируется")):
        page = tmp_path / folder / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<div data-pagefind-body><p>{body}</p></div>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    pages = glob_pages(tmp_path, "{digests,practices}/*/index.html")
    write_dictionary(tmp_path / "pagefind", pages, [("РАС", "аутизм")])
    data = json.loads((tmp_path / "pagefind" / FILE_NAME).read_text("utf-8"))
    assert data == {"version": 1, "words": "аутизм наставник:2 рас", "suggestions": ["РАС"]}


def test_glob_pages_expands_one_brace_group(tmp_path: Path) -> None:
    for name in ("a/x/index.html", "b/y/index.html", "c/z/index.html", "a/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = sorted(p.relative_to(tmp_path).as_posix()
                   for p in glob_pages(tmp_path, "{a,b}/*/index.html"))
    assert found == ["a/x/index.html", "b/y/index.html"]
    assert sorted(p.name for p in glob_pages(tmp_path, "c/*/index.html")) == ["index.html"]


def test_the_dictionary_stays_small_however_large_the_bank(tmp_path: Path) -> None:
    """A bank's vocabulary grows with it; the dictionary keeps the most frequent words only
    and stays within the 150 kB (gzipped) the first misspelt query may cost."""
    syllables = ["ба", "ве", "гру", "до", "ель", "жи", "зо", "ик", "ло", "мар", "но", "пре",
                 "ра", "ст", "ту", "фе", "ха", "цы", "чи", "шко", "ще", "эн", "юр", "ял"]
    words = [a + b + c + d for a in syllables for b in syllables for c in syllables
             for d in ("а", "ой", "ами", "ение", "ость", "ский")][:100_000]
    page = tmp_path / "practices" / "p" / "index.html"
    page.parent.mkdir(parents=True)
    # Every word once, and the first thousand many times: those must be the ones kept.
    text = " ".join(words) + " " + " ".join(words[:1000] * 3)
    page.write_text(f"<div data-pagefind-body><p>{text}</p></div>", encoding="utf-8")
    dictionary = write_dictionary(tmp_path, [page])
    assert len(dictionary.counts) == MAX_WORDS
    assert all(dictionary.counts[w] == 4 for w in words[:1000])
    packed = gzip.compress((tmp_path / FILE_NAME).read_bytes(), 9)
    assert len(packed) <= 150_000, len(packed)
