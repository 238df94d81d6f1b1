"""The spelling dictionary: which words of a page it takes, its file, its suggestions."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from build_tools.search.search_index import entry_glob, index_site
from build_tools.search.spelling import (
    FILE_NAME,
    MAX_WORDS,
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


def dictionary_words(bundle: Path) -> Counter[str]:
    words = json.loads((bundle / FILE_NAME).read_text("utf-8"))["words"].split()
    return Counter({w.partition(":")[0]: int(w.partition(":")[2] or 1) for w in words})


def test_only_the_text_pagefind_indexes_is_read(tmp_path: Path) -> None:
    """The dictionary is made of the text Pagefind itself indexed (its fragments): nothing
    outside the indexed body, the ignored parts, the excluded selectors or the pages outside
    the glob; the search-only words are in it (a reader types them too)."""
    site = tmp_path / "site"
    for folder, name, html in (("practices", "a", PAGE), ("schools", "s", PAGE),
                               ("digests", "d", '<html lang="ru"><body><div data-pagefind-body>'
                                '<p>Наставник</p><p class="kb-search-only" hidden>аутизм</p>'
                                "</div></body></html>")):
        page = site / folder / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(html, encoding="utf-8")
    with ThreadPoolExecutor(max_workers=1) as worker:  # Pagefind's service runs its own loop
        worker.submit(index_site, site, glob=entry_glob(["practices", "digests"]),
                      expected=2).result()
    found = dictionary_words(site / "pagefind")
    assert found == Counter({"наставничество": 2, "наставник": 3, "молодой": 1, "учитель": 1,
                             "работают": 1, "паре": 1, "год": 1, "елка": 1, "еще": 1,
                             "пункт": 1, "снова": 1, "аутизм": 1})
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


def test_the_dictionary_is_written_beside_the_bundle_from_the_indexed_texts(
        tmp_path: Path) -> None:
    (tmp_path / "pagefind").mkdir()
    words = Counter(words_of("Аутизм и РАС.") + words_of("Наставник, наставник."))
    write_dictionary(tmp_path / "pagefind", words, [("РАС", "аутизм")])
    data = json.loads((tmp_path / "pagefind" / FILE_NAME).read_text("utf-8"))
    assert data == {"version": 1, "words": "аутизм наставник:2 рас", "suggestions": ["РАС"]}


def test_the_dictionary_stays_small_however_large_the_bank(tmp_path: Path) -> None:
    """A bank's vocabulary grows with it; the dictionary keeps the most frequent words only
    and stays within the 150 kB (gzipped) the first misspelt query may cost."""
    syllables = ["ба", "ве", "гру", "до", "ель", "жи", "зо", "ик", "ло", "мар", "но", "пре",
                 "ра", "ст", "ту", "фе", "ха", "цы", "чи", "шко", "ще", "эн", "юр", "ял"]
    words = [a + b + c + d for a in syllables for b in syllables for c in syllables
             for d in ("а", "ой", "ами", "ение", "ость", "ский")][:100_000]
    # Every word once, and the first thousand many times: those must be the ones kept.
    text = " ".join(words) + " " + " ".join(words[:1000] * 3)
    dictionary = write_dictionary(tmp_path, Counter(words_of(text)))
    assert len(dictionary.counts) == MAX_WORDS
    assert all(dictionary.counts[w] == 4 for w in words[:1000])
    packed = gzip.compress((tmp_path / FILE_NAME).read_bytes(), 9)
    assert len(packed) <= 150_000, len(packed)
