"""The allow-list for HTML in entry pages: what Markdown and our templates produce, nothing more.

Editors may write raw HTML in Markdown; whatever is not on this list (scripts, styles, frames,
event handlers, javascript: links) is removed before the page is written. The validator
(html_policy.py) reports the same list to the editor with file and line; this stays the safety net.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"caption", "section", "input", "label", "svg", "path"}
GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "role", "aria-label", "aria-labelledby",
                     "aria-hidden", "tabindex"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang", "rel", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "time": {"datetime"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start", "type"},
    "details": {"open"},
    "input": {"type", "checked", "disabled"},
    "label": {"for"},
    "svg": {"viewbox", "xmlns", "width", "height"},
    "path": {"d"},
}

URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Link schemes kept; relative links have none. javascript: and data: never pass."""


def clean_entry_html(html: str) -> str:
    """Strip everything outside the allow-list from an entry page's rendered HTML."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
    )
