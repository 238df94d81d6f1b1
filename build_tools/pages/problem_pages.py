"""Pages that say what went wrong: a broken file's errors under `kb serve`, and the 404 page.

While editing, an entry whose file has errors is not built; its address shows the file's
problems instead — place, field, message, the catalogue's fix and a link to its entry in the
guide — until the file is fixed and the entry's own page comes back. The site's 404 page is
Russian and leads to the bank and the home page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..content.content_types import CONTENT_TYPES
from ..diagnostics.catalogue import CATALOGUE, Explanation
from ..diagnostics.problems import Problem
from .guide import GUIDE_URL
from .pages import PageSpec
from .render import Renderer

ENTRY_FOLDERS = frozenset(content_type.folder for content_type in CONTENT_TYPES)
NOT_FOUND_TEMPLATE = "not_found.html"


@dataclass(frozen=True)
class ShownProblem:
    problem: Problem
    explanation: Explanation | None

    @property
    def place(self) -> str:
        where = self.problem.path
        return f"{where}:{self.problem.line}:{self.problem.column or 1}" if self.problem.line \
            else where

    @property
    def anchor(self) -> str:
        return f"{GUIDE_URL}#{self.problem.code}" if self.explanation else ""


def entry_uri(shown_path: str, content_prefix: str) -> str:
    """The page a problem's file would be («practices/x.md»), or "" for any other file."""
    if not shown_path.startswith(content_prefix):
        return ""
    relative = shown_path[len(content_prefix):]
    folder, _, name = relative.partition("/")
    if folder in ENTRY_FOLDERS and name.endswith(".md") and "/" not in name \
            and name != "index.md":
        return relative
    return ""


def error_pages(problems: Iterable[Problem], shown: set[str], content_prefix: str,
                renderer: Renderer) -> list[PageSpec]:
    """A page for each entry file with errors that has no page of its own, at its address."""
    by_page: dict[str, list[Problem]] = {}
    for problem in problems:
        uri = entry_uri(problem.path, content_prefix)
        if uri and uri not in shown:
            by_page.setdefault(uri, []).append(problem)
    pages = []
    for uri, found in sorted(by_page.items()):
        errors = sum(p.severity.is_error() for p in found)
        if not errors:
            continue
        url = uri.removesuffix(".md") + "/"
        items = [ShownProblem(p, CATALOGUE.get(p.code))
                 for p in sorted(found, key=lambda p: (p.line, p.column, p.code))]
        title = f"Ошибки в файле {found[0].path}"
        pages.append(PageSpec(uri, title, renderer.render(
            "file_errors.html", url, title=title, path=found[0].path, items=items,
            errors=errors),
            kind="errors"))
    return pages


def not_found_content(renderer: Renderer, root: str) -> str:
    """The 404 page's text; `root` is the site's absolute path, since 404 is served anywhere."""
    return str(renderer.render_fragment(NOT_FOUND_TEMPLATE).at_root(root))
