"""schema.org metadata of practice pages (JSON-LD), serialised so it cannot leave its element."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import markupsafe

from ..content.library import Entry, Library

SCRIPT_TYPE = "application/ld+json"
_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                          "\u2028": "\\u2028", "\u2029": "\\u2029"})
"""`<` can never start `</script>` or `<!--`; `>`, `&` and the two line separators (which old
JavaScript parsers take for line ends) are escaped too. They occur only inside JSON strings,
where \\uXXXX means the same character, so the data a reader parses is unchanged."""


def dumps(data: Any) -> str:
    """JSON text that is safe inside a <script> element; Cyrillic stays readable."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


def json_ld(data: Any) -> markupsafe.Markup:
    """The whole <script type="application/ld+json"> element, for templates and <head>."""
    return markupsafe.Markup(f'<script type="{SCRIPT_TYPE}">{dumps(data)}</script>')


def practice_json_ld(entry: Entry, library: Library, site_url: str) -> dict[str, Any]:
    """A practice as a schema.org LearningResource (also a CreativeWork).

    `site_url` ends with "/"; without it (a site built with no address) the addresses that
    must be absolute are left out rather than written relative.
    """
    data = entry.data
    absolute = site_url.startswith(("https://", "http://"))
    topics = list(data.get("topics") or [])
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["LearningResource", "CreativeWork"],
        "name": entry.title,
        "description": entry.summary,
        "inLanguage": "ru",
        "license": license_of(library, str(data.get("license") or "")),
        "author": school_organization(library, str(data["school"])),
        "educationalLevel": list(data.get("levels") or []),
        "about": [_about(library, name, site_url if absolute else "") for name in topics],
        "keywords": ", ".join([*topics, *(data.get("subjects") or [])]),
        "dateCreated": _iso(data.get("date")),
        "dateModified": _iso(data.get("updated") or data.get("date")),
    }
    if absolute:
        item["url"] = site_url + entry.url
    return {key: value for key, value in item.items() if value not in ("", [], None)}


def license_of(library: Library, name: str) -> str:
    """The licence's address when licenses.yml gives one, else its name."""
    for term in library.registry.vocabularies["licenses"]:
        if term.name == name:
            return getattr(term, "url", "") or name
    return name


def school_organization(library: Library, school_id: str) -> dict[str, Any]:
    """The author school as an Organization; its official site when the registry has it."""
    school = library.registry.schools.get(school_id)
    organization = {"@type": "Organization", "name": school.name}
    website = getattr(school, "website", "") or ""
    if website:
        organization["url"] = website
    return organization


def _about(library: Library, topic: str, site_url: str) -> dict[str, Any]:
    """A topic as a DefinedTerm, with the address of its page on the site."""
    term = {"@type": "DefinedTerm", "name": topic}
    topics = library.registry.vocabularies["topics"]
    found = next((t for t in topics if t.name == topic), None)
    if found is not None and site_url and topics.spec.url:
        term["url"] = f"{site_url}{topics.spec.url}/{found.id}/"
    return term


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else ""
