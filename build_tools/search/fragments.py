"""Pagefind's page fragments without the words only search may see.

A fragment (`fragment/<hash>.pf_fragment`: gzip of `pagefind_dcd` + JSON) holds the text
Pagefind shows excerpts from. An entry page ends its indexed body with a hidden paragraph of
search-only words (`search_text.SEARCH_ONLY_CLASS`); Pagefind indexes it like any text and
appends it to the fragment's text. `cut_search_only` cuts it off that text again and renames
the fragment with Pagefind's own content hash (SHA-1 of the JSON), so names still change
exactly when content does.

Why this is safe: the word index keeps the cut words' positions, which lie after every other
word of the text. Highlights in the text itself do not move. A page found only through cut
words gets an excerpt of its last words with nothing marked (Pagefind clamps the window to the
text), and the site's search shows the page's summary instead. The page's word count in the
metadata file is left as Pagefind computed it, so ranking is unchanged.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .pagefind_bundle import SIGNATURE, BundleFormatError, PagefindBundle, pagefind_hash
from .search_text import SEARCH_ONLY_CLASS

_PARAGRAPH = re.compile(rf'<p class="{SEARCH_ONLY_CLASS}" hidden>(.*?)</p>', re.DOTALL)
HASH_LENGTH = 7
"""Hex digits of a fragment's name after the language, as Pagefind 1.5 writes them."""


def cut_search_only(bundle: PagefindBundle, site_dir: Path,
                    read: Callable[[str], object] | None = None) -> int:
    """Cut every page's search-only words from its fragment; the number of pages cut.

    `read`, when given, is handed each page's text as Pagefind indexed it, search-only words
    included, before they are cut: what the spelling dictionary is made of. Taking it from the
    fragments rather than parsing the pages again costs a fraction of the time and follows
    Pagefind's own idea of the indexed text.

    The metadata files' page lists take the new fragment names; `write_canonical` writes them.
    """
    cut = 0
    for index in bundle.languages:
        pages = index.meta[1]
        taken = {str(page[0]) for page in pages}
        for page in pages:
            old = str(page[0])
            path = bundle.root / "fragment" / f"{old}.pf_fragment"
            fragment = read_fragment(path)
            if read is not None:
                read(str(fragment["content"]))
            words = search_only_text(site_dir, str(fragment["url"]))
            if not words:
                continue
            fragment["content"] = without_tail(str(fragment["content"]), words,
                                               str(fragment["url"]))
            body = encode_fragment(fragment)
            taken.discard(old)
            new = _name(index.language, body, taken)
            taken.add(new)
            path.unlink()
            (bundle.root / "fragment" / f"{new}.pf_fragment").write_bytes(
                gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0))
            page[0] = new
            cut += 1
    return cut


def read_fragment(path: Path) -> dict[str, Any]:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name}: нет подписи {SIGNATURE.decode()}")
    fragment = json.loads(data[len(SIGNATURE):])
    if not isinstance(fragment, dict) or not isinstance(fragment.get("content"), str) \
            or not isinstance(fragment.get("url"), str):
        raise BundleFormatError(f"{path.name}: неизвестный формат фрагмента")
    return fragment


def encode_fragment(fragment: dict[str, Any]) -> bytes:
    """The JSON as Pagefind (serde_json) writes it: compact, keys in their order, UTF-8."""
    return json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def search_only_text(site_dir: Path, url: str) -> str:
    """The search-only paragraph's text of the page at `url` ("" when it has none)."""
    relative = url.lstrip("/")
    page = site_dir / relative / "index.html" if url.endswith("/") else site_dir / relative
    if not page.is_file():
        return ""
    found = _PARAGRAPH.search(page.read_text(encoding="utf-8"))
    return " ".join(html.unescape(found.group(1)).split()) if found else ""


def without_tail(content: str, words: str, url: str) -> str:
    """`content` without `words` at its end (Pagefind may have added a full stop)."""
    pattern = r"\s*" + r"\s+".join(re.escape(w) for w in words.split()) + r"\.?\s*\Z"
    cut = re.sub(pattern, "", content, count=1)
    if cut == content:
        raise BundleFormatError(f"{url}: слова только для поиска не найдены в конце текста "
                                "страницы в индексе (изменился формат Pagefind?)")
    return cut


def _name(language: str, body: bytes, taken: set[str]) -> str:
    full = f"{language}_{pagefind_hash(body)}"
    size = len(language) + 1 + HASH_LENGTH
    while full[:size] in taken and size < len(full):
        size += 1
    return full[:size]
