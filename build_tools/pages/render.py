"""The one renderer: jinja2 templates from build_tools/templates, autoescaped and strict."""

from __future__ import annotations

from typing import Any

import jinja2
import jinja2.bccache
import markupsafe

from ..content.russian import format_date, format_range, plural
from .json_ld import json_ld

_ROOT = "\x00root\x00"
"""Stands for the way back to the site root in HTML rendered once for use on many pages."""


def root_prefix(current: str) -> str:
    return "../" * current.count("/")


def relative_url(target: str, current: str) -> str:
    """A link from the page at `current` to `target`, both site-relative directory URLs.

    Relative links keep the site working under any sub-path (https://example.org/bank/). Going
    up to the root and down again is as valid as the shortest path and costs nothing to compute.
    """
    return root_prefix(current) + target or "./"


def normalize_site_url(value: str | None) -> str:
    """mkdocs.yml's site_url as links are built from it: "" or an address ending with "/"."""
    value = (value or "").strip()
    if value and not value.endswith("/"):
        value += "/"
    return value


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process, keyed by jinja by the
    template's name and checked against its source: `kb serve` builds a new environment on
    every save, and compiling the templates again was a tenth of a rebuild."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


BYTECODE = MemoryBytecodeCache()
"""One per process: shared by our renderer and (through the engine) the theme's environment."""


class Renderer:
    def __init__(self) -> None:
        self.env = jinja2.Environment(
            bytecode_cache=BYTECODE,
            loader=jinja2.PackageLoader("build_tools", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["ru_date"] = format_date
        self.env.globals["date_range"] = format_range
        # jinja's `capitalize` lowercases the rest: «новости Ассоциации» must keep its capital.
        self.env.filters["upper_first"] = lambda text: text[:1].upper() + text[1:]
        self.env.globals["plural"] = plural
        # The one way a template writes a <script> with data: escaped so it cannot end early.
        self.env.filters["json_ld"] = json_ld

    def render(self, template: str, page_url: str, **context: Any) -> str:
        """Render `template` for the page at `page_url`; `url()` in templates links relatively."""

        def url(target: str) -> str:
            return relative_url(target, page_url)

        html = self.env.get_template(template).render(url=url, page_url=page_url, **context)
        return "\n".join(line for line in html.splitlines() if line.strip())

    def render_fragment(self, template: str, **context: Any) -> Fragment:
        """Render once, place on many pages: links are made relative at placement time."""

        def url(target: str) -> str:
            return _ROOT + target

        html = self.env.get_template(template).render(url=url, page_url=_ROOT, **context)
        return Fragment(html.strip())


class Fragment(str):
    """HTML whose links still need the way back to the site root of the page it lands on."""

    def place(self, page_url: str) -> markupsafe.Markup:
        return self.at_root(root_prefix(page_url) or "./")

    def at_root(self, root: str) -> markupsafe.Markup:
        """Placed with an explicit way to the site root, e.g. "/bank/" on the 404 page, which
        is served at any depth."""
        return markupsafe.Markup(self.replace(_ROOT, root))
