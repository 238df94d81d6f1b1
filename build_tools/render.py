"""The one renderer: jinja2 templates from build_tools/templates, autoescaped and strict."""

from __future__ import annotations

from typing import Any

import jinja2

from .russian import format_date, plural


def relative_url(target: str, current: str) -> str:
    """A link from the page at `current` to `target`, both site-relative directory URLs.

    Relative links keep the site working under any sub-path (https://example.org/bank/). Going
    up to the root and down again is as valid as the shortest path and costs nothing to compute.
    """
    return "../" * current.count("/") + target or "./"


class Renderer:
    def __init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("build_tools", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["ru_date"] = format_date
        # jinja's `capitalize` lowercases the rest: «новости Ассоциации» must keep its capital.
        self.env.filters["upper_first"] = lambda text: text[:1].upper() + text[1:]
        self.env.globals["plural"] = plural

    def render(self, template: str, page_url: str, **context: Any) -> str:
        """Render `template` for the page at `page_url`; `url()` in templates links relatively."""

        def url(target: str) -> str:
            return relative_url(target, page_url)

        html = self.env.get_template(template).render(url=url, page_url=page_url, **context)
        # Python-Markdown would treat blank lines inside raw HTML as block ends.
        return "\n".join(line for line in html.splitlines() if line.strip())
