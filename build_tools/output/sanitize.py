"""The allow-list for HTML in entry pages: what Markdown and our templates produce, nothing more.

Editors may write raw HTML in Markdown; whatever is not on this list (scripts, styles, frames,
event handlers, javascript: links) is removed before the page is written. The validator
(html_policy.py) reports the same list to the editor with file and line; this stays the safety net.
"""

from __future__ import annotations

import re
from collections.abc import Set

import nh3

from ..content.id_namespace import ID_REFERENCES, is_reserved, referenced_ids
from ..content.urls import browser_url

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


EMBED_ATTRIBUTES = {"src", "title", "width", "height", "allow", "allowfullscreen", "loading",
                    "referrerpolicy"}
"""What an <iframe> from an allowed host keeps (embed_hosts of the kb plugin)."""


def embed_allowed(src: str, hosts: tuple[str, ...]) -> bool:
    """An https address on one of `hosts` or their subdomains: rutube.ru covers www.rutube.ru."""
    url = browser_url(src)
    return url.scheme == "https" and any(
        url.host == allowed or url.host.endswith("." + allowed) for allowed in hosts)


def clean_entry_html(html: str, embed_hosts: tuple[str, ...] = (),
                     taken_ids: Set[str] = frozenset()) -> str:
    """Strip everything outside the allow-list from an entry page's rendered HTML.

    With `embed_hosts` (empty by default: the site requests nothing from other hosts),
    <iframe> is kept when its src is on one of them; any other src is removed. Ids outside
    the content namespace (id_namespace.py) or in `taken_ids` (those of the HTML the page
    puts around the body) are removed, and so are images from other hosts.
    """
    tags, attributes = ALLOWED_TAGS, ALLOWED_ATTRIBUTES

    def keep(tag: str, name: str, value: str) -> str | None:
        if tag == "iframe" and name == "src":
            return value if embed_allowed(value, embed_hosts) else None
        if name == "src" and browser_url(value).is_other_host:
            return None
        if name in ID_REFERENCES:
            ids = [v for v in referenced_ids(name, value)
                   if v and not is_reserved(v) and v not in taken_ids]
            return " ".join(ids) or None
        return value

    if embed_hosts:
        tags = tags | {"iframe"}
        attributes = {**attributes, "iframe": EMBED_ATTRIBUTES}
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags={"script", "style"},
        attributes=attributes,
        attribute_filter=keep,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
    )


_ID = re.compile(r'id="([^"]+)"')
"""Starts with its literal, so the engine jumps between candidates; `ids_in` checks the word
start that a leading `\\b` would (which made a big listing page cost milliseconds)."""


def ids_in(html_text: str) -> set[str]:
    """The values of the `id` attributes in `html_text` (also of `data-id`: taking an id
    too many only removes it from an entry's body)."""
    ids: set[str] = set()
    position = 0
    while (match := _ID.search(html_text, position)) is not None:
        start = match.start()
        if start and (html_text[start - 1].isalnum() or html_text[start - 1] == "_"):
            position = start + 1  # «hid="…»: not an id; look again from the next letter
            continue
        ids.add(match.group(1))
        position = match.end()
    return ids
