"""Ids on entry pages: the theme's and ours are reserved, content gets its own namespace.

An element's id is also a global name in the page's scripts (`window.x`) and the target of
`getElementById`. Material reads its configuration from the first element with id `__config`,
so one practice with `<div id="__config">` could make every visit load another host's content;
a heading whose anchor equals a section the page adds itself (#prilozheniya) breaks its links.
The validator (html_policy.py) refuses such ids with the line; the sanitiser (sanitize.py)
strips them as the safety net. This module is the one list both use.

Content ids are lower-case Latin letters, digits and `-`, `_`, `:`, `.` (what heading anchors
and footnotes produce, and what `{: #etapy }` needs), so a content id can never be a script's
global name written in camelCase or with `$` (kbSearchLoaded, viewport$).
"""

from __future__ import annotations

import re

RESERVED_PREFIXES = ("__", "kb-", "kb_", "md-", "md_")
"""Every `__*` id is Material's (__config, __drawer, __search, __toc, __palette_0, __consent,
__announce, __nav_1_2, __codelineno…); `kb-*` ids are ours (kb-browser, kb-lv-panel,
kb-header-q…); `md-*` is Material's class and data namespace, kept free for its next versions."""

SCRIPT_GLOBALS = frozenset({"define", "module", "exports", "require", "global", "mermaid",
                            "lunr", "katex", "mathjax"})
"""Globals the theme's scripts look up without defining them (`typeof define`,
`typeof mermaid`, the search worker's `lunr`): an element with such an id would stand in for
them. Our own scripts define what they read (window.kbSearchLoaded is camelCase, outside the
content namespace anyway)."""

PAGE_IDS: dict[str, frozenset[str]] = {
    "practice": frozenset({"rezultaty-v-tsifrah", "kak-perenesti-praktiku",
                           "pereniali-praktiku", "pokazateli-pereniavshih-shkol",
                           "ekspertiza-i-reshenie", "prilozheniya", "svyazannye-praktiki"}),
    "recommendation": frozenset({"plan-meropriyatiy", "dorozhnaya-karta", "praktiki-po-teme"}),
    "digest": frozenset(),
    "course": frozenset({"gruppy", "v-daydzheste"}),
    "conference": frozenset({"sektsii", "materialy", "v-daydzheste"}),
    "innovation": frozenset({"tsel-i-zadachi", "novizna-i-znachimost", "etapy-proekta",
                             "normativnaya-baza", "resursnoe-obespechenie",
                             "produkty-proekta"}),
}
"""Sections each entry template adds around the body (templates/<type>.html; a test keeps
this in step with the templates). The page's own title anchor, its slug, is reserved too."""

PAGE_ID_PATTERNS: dict[str, re.Pattern[str]] = {
    "digest": re.compile(r"rubric-\d+|event-[0-9a-f]{20}|item-[0-9a-f]{20}"),
    "recommendation": re.compile(r"meropriyatie-\d+|etap-karty-\d+"),
    "innovation": re.compile(r"etap-proekta-\d+"),
}
"""Generated ids of a digest page: one per rubric, one per announced event and one per item
that names a course, a conference edition or a project (pages/course_pages.py)."""

CONTENT_ID = re.compile(r"[a-z0-9][a-z0-9_:.\-]*")
"""The namespace of ids written in content or made from its headings and footnotes."""

_FOOTNOTE = re.compile(r"fn(ref\d*)?:.+")
"""Ids of the footnotes extension: fn:1, fnref:1, fnref2:1, also with an editor's label."""

ID_REFERENCES = ("id", "for", "aria-labelledby", "aria-describedby", "aria-controls")
"""Attributes whose value names an element of the page (a space-separated list for aria-*)."""


def reserved_reason(value: str, kind: str = "", slug: str = "") -> str:
    """Why a content id may not be used on an entry page of `kind`, or '' when it may.

    The reason completes «этот адрес …» in a Russian message.
    """
    prefix = next((p for p in RESERVED_PREFIXES if value.startswith(p)), "")
    if prefix:
        return f"начинается с «{prefix}», а такие адреса заняты служебными элементами сайта"
    if _FOOTNOTE.fullmatch(value):
        return ""  # footnote ids carry a colon: never a script's name, never ours
    if value.lower() in SCRIPT_GLOBALS:
        return "совпадает с именем, которое ищут программы сайта"
    if not CONTENT_ID.fullmatch(value):
        return ("содержит не только строчные латинские буквы, цифры и дефисы, а другие имена "
                "на страницах материалов оставлены программам сайта")
    if value == slug:
        return "занят заголовком страницы — названием материала"
    pattern = PAGE_ID_PATTERNS.get(kind)
    if value in PAGE_IDS.get(kind, ()) or (pattern and pattern.fullmatch(value)):
        return "занят разделом, который сайт сам добавляет на эту страницу"
    return ""


def is_reserved(value: str, kind: str = "", slug: str = "") -> bool:
    return bool(reserved_reason(value, kind, slug))


def referenced_ids(name: str, value: str) -> list[str]:
    """The ids an attribute names: one for id and for=, a list for aria-labelledby and others."""
    return value.split() if name.startswith("aria-") else [value.strip()]
