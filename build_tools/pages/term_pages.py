"""The vocabularies' pages: an overview per vocabulary and a paginated listing per term."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.library import Entry
from ..content.registries import VOCABULARIES, Term, VocabularySpec
from . import association_pages

if TYPE_CHECKING:
    from .pages import PageSpec, SiteBuilder  # noqa: F401 (PageSpec: the return type)


@dataclass
class TermPage:
    spec: VocabularySpec
    term: Term
    practices: list[Entry]
    recommendations: list[Entry]

    @property
    def url(self) -> str:
        return f"{self.spec.url}/{self.term.id}/"


@dataclass(frozen=True)
class TermHeading:
    """What a term's listing shows around its practices: not the practices themselves, which
    it gets page by page, so that its memo key does not walk the whole list on every page."""

    term: Term
    recommendations: list[Entry]


def vocabulary_pages(site: SiteBuilder) -> Iterator[PageSpec]:
    from .pages import PageSpec  # the builder's module imports this one
    library = site.library
    for spec in VOCABULARIES:
        if not spec.url:
            continue
        term_pages = [
            TermPage(spec, term, library.practices_with(spec.name, term.name),
                     library.recommendations_with(spec.name, term.name))
            for term in library.registry.vocabularies[spec.name]
        ]
        yield PageSpec(f"{spec.url}/index.md", spec.title, site._render(
            "vocabulary.html", f"{spec.url}/", spec=spec, term_pages=term_pages))
        for page in term_pages:
            header, footer, extra = association_pages.term_page_parts(library, spec, page.term)
            yield from site.listing(
                f"{spec.url}/{page.term.id}", f"{spec.title}: {page.term.name}",
                page.practices, header=header, footer=footer,
                breadcrumb=(f"{spec.url}/", spec.title),
                context={"term_page": TermHeading(page.term, page.recommendations), **extra})
