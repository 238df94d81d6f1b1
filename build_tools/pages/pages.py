"""Generated pages: what the site shows, as Markdown/HTML sources for the page renderer.

Every page here is built from the `Library` alone; the MkDocs glue only hands the results to
MkDocs as in-memory files, so nothing is ever written into content/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..authoring.schemas import content_schema
from ..content.body_outline import page_markdown
from ..content.content_types import CONTENT_TYPES
from ..content.library import Entry, Library
from ..content.registries import VOCABULARIES
from ..monitoring import Monitoring
from ..monitoring.evidence import schools_with_data
from ..monitoring.site import MonitoringReport, MonitoringSettings
from ..monitoring.site import number as format_number
from ..search import search_data
from ..search.search_text import search_only_words
from ..search.synonyms import SynonymIndex
from ..syndication.events import item_anchor
from ..syndication.syndication import PublicationSettings, Syndication
from . import (
    association_pages,
    bank_procedure,
    guide,
    guide_shots,
    innovation_pages,
    monitoring_pages,
    term_pages,
)
from . import practice_parts as parts
from .course_pages import CourseSite, digest_anchor
from .home_page import home_context
from .json_ld import json_ld, practice_json_ld
from .page_memo import PageMemo, terms_key
from .print_version import MARGINS, margins_css
from .render import Fragment, Renderer, relative_url
from .replication import RequestLink, replication_request
from .sections_page import sections_page
from .site_pages import SitePages

PER_PAGE = 50
"""Listing pages are split so that no page grows with the size of the bank."""


@dataclass
class PageSpec:
    """One page of the site: where it lives, its title, its Markdown and generated HTML.

    Only the editor's Markdown goes through the Markdown converter; the HTML generated from
    front-matter and registries is placed around its result, which keeps Markdown's raw-HTML
    parser (the slowest part of a listing page) out of the build and lets the sanitiser see
    only what the editor wrote.
    """

    src_uri: str
    title: str
    before: str
    """HTML placed before the converted Markdown."""
    markdown: str = ""
    after: str = ""
    """HTML placed after the converted Markdown."""
    description: str = ""
    kind: str = "listing"
    """"entry" pages (practices, recommendations, digests) are what search indexes."""
    draft: bool = False
    meta: dict[str, Any] = field(default_factory=dict)
    head: str = ""
    """HTML for the page's <head>, such as its schema.org JSON-LD (absolute links only)."""

    @property
    def url(self) -> str:
        if self.src_uri == "index.md":
            return ""
        if self.src_uri.endswith("/index.md"):
            return self.src_uri[: -len("index.md")]
        return self.src_uri[: -len(".md")] + "/"


@dataclass
class StaticSpec:
    """A generated non-page file: a JSON Schema, a table download."""

    src_uri: str
    content: str | bytes


class SiteBuilder:
    """Turns a Library into the list of pages of the site."""

    def __init__(self, library: Library, renderer: Renderer | None = None,
                 monitoring_settings: MonitoringSettings | None = None,
                 publication: PublicationSettings | None = None,
                 memo: PageMemo | None = None, requests_url: str = "",
                 syndicated: Library | None = None) -> None:
        self.library = library
        self.memo = memo or PageMemo()
        """`kb serve` hands in the last build's pages, begun with this build's world key."""
        self.requests_url = requests_url
        """The kb setting: the git host's new-issue page for «Хочу внедрить» (may be "")."""
        self.renderer = renderer or Renderer()
        self.renderer.env.globals["number"] = format_number
        self.renderer.env.globals["event_anchor"] = item_anchor
        # Feeds and open data: the published entries (`syndicated`), never a draft shown.
        self.syndication = Syndication(syndicated or library,
                                       publication or PublicationSettings(), self.memo.get)
        self.courses = CourseSite(self)
        self.renderer.env.globals["digest_anchor"] = digest_anchor
        self.report = MonitoringReport(
            library.monitoring or Monitoring.empty({}), library.registry, monitoring_settings)
        self._items: dict[str, Fragment] = {}
        self._header_form: Fragment | None = None
        self._synonyms = SynonymIndex(library.registry.synonyms)
        self.sites = SitePages(self)
        """Internship sites and networks: their pages and the school pages' parts."""
        self.with_data = schools_with_data(library.monitoring)
        """(school, indicator) pairs with monitoring data: once per build, for every practice."""
        self._term_urls = {
            (spec.name, term.name): f"{spec.url}/{term.id}/"
            for spec in VOCABULARIES if spec.url
            for term in library.registry.vocabularies[spec.name]
        }

    def term_url(self, vocabulary: str, name: str) -> str:
        return self._term_urls.get((vocabulary, name), "")

    def upcoming_events(self, count: int) -> list[Any]:
        return self.syndication.split[0][:count]

    def school_url(self, school_id: str) -> str:
        return f"schools/{school_id}/"

    def header_search(self, root: str) -> str:
        """The search form placed in the theme's header on every page; `root` leads from the
        page to the site root ("../", or "/bank/" on the 404 page)."""
        if self._header_form is None:
            self._header_form = self.renderer.render_fragment("_header_search.html")
        return str(self._header_form.at_root(root))

    def practice_item(self, entry: Entry, page_url: str) -> str:
        """A practice as one list item; rendered once, placed on every listing it is on."""
        item = self._items.get(entry.slug)
        if item is None:
            item = self.memo.get("item", self.memo.key(entry),
                                 lambda: self.renderer.render_fragment(
                                     "practice_item.html", site=self, library=self.library,
                                     entry=entry, headline=parts.headline(entry, self.with_data)))
            self._items[entry.slug] = item
        return item.place(page_url)

    def pages(self) -> Iterator[PageSpec]:
        yield self.home()
        yield from self.practice_pages()
        yield from self.listing("practices", "Банк лучших практик", self.library.practices,
                                header="_bank_intro.html")
        yield from self.bank_procedure_pages()
        yield from self.recommendation_pages()
        yield from innovation_pages.pages(self)
        yield from self.digest_pages()
        yield from self.courses.pages()
        yield self.calendar_page()
        yield self.open_data_page()
        yield from association_pages.school_pages(self)
        yield self.about_page()
        yield from term_pages.vocabulary_pages(self)
        yield from monitoring_pages.pages(self)
        yield from self.sites.pages()
        yield self.search_page()
        yield sections_page(self)
        yield self.guide_page()

    def static_files(self) -> Iterator[StaticSpec]:
        yield from self.memo.get("print-margins", self.memo.key(), lambda: [StaticSpec(
            MARGINS, margins_css(self.site_url, "Банк лучших практик",
                                 self.syndication.settings.today))])
        for content_type in CONTENT_TYPES:
            schema = content_schema(content_type, self.library.registry.all_vocabularies())
            yield StaticSpec(f"schemas/{content_type.name}.schema.json",
                             json.dumps(schema, ensure_ascii=False, indent=2))
        # Downloads come from the tables alone, feeds and open data from the entries' fields
        # (never their text): under `kb serve` a new paragraph reuses both.
        yield from self.memo.get("downloads", self.memo.key(), lambda: [
            StaticSpec(d.src_uri, d.content)
            for d in (self.report.downloads() if self.report.has_data() else ())])
        syndicated = self.syndication.library.entries
        yield from self.memo.get("syndication", self.memo.key(syndicated), lambda: [
            StaticSpec(output.src_uri, output.content) for output in self.syndication.outputs()])

    def head_links(self, page_url: str) -> str:
        """Feed autodiscovery links for the page's <head>."""
        return self.syndication.head_links(lambda target: relative_url(target, page_url))

    def replication_links(self, entry: Entry) -> list[RequestLink]:
        """«Хочу внедрить» on a practice page: the prefilled issue form, then a letter."""
        return replication_request(entry, self.library, requests_url=self.requests_url,
                                   site_url=self.site_url)

    @property
    def site_url(self) -> str:
        """mkdocs.yml's site_url ending with "/", or "" when it is not set."""
        return self.syndication.settings.site_url

    def _render(self, template: str, url: str, **context: Any) -> str:
        return self.renderer.render(template, url, site=self, library=self.library,
                                    facets=self.facets, **context)

    @property
    def facets(self) -> list[dict[str, str]]:
        """Filter groups of the search browser, in display order."""
        return [{"key": f.key, "label": f.label} for f in search_data.FACETS]

    def home(self) -> PageSpec:
        return PageSpec("index.md", "Банк лучших практик Ассоциации новых школ",
                        self._render("home.html", "", **home_context(self)),
                        description="Банк лучших практик, методические рекомендации и дайджест "
                                    "Ассоциации новых школ.")

    def practice_pages(self) -> Iterator[PageSpec]:
        related = self._related_practices()
        for entry in self.library.practices:
            # The other parts come from the entry and the shared world alone, which the key
            # covers already: under `kb serve` an unchanged page skips computing them.
            yield self._practice_page(entry, related[entry.slug])

    def _practice_page(self, entry: Entry, related: list[Entry]) -> PageSpec:
        key = self.memo.key({"related": related}, own=entry)
        return self.memo.get("page:practice.html", key,
                             lambda: self._render_practice_page(entry, related))

    def _render_practice_page(self, entry: Entry, related: list[Entry]) -> PageSpec:
        indicators = self.library.monitoring.indicators if self.library.monitoring else {}
        return self._render_entry_page(
            entry, "practice.html", related=related, school=self.library.school_of(entry),
            headline=parts.headline(entry, self.with_data),
            review=parts.review(entry, self.library),
            results=parts.results(entry, indicators),
            adoptions=parts.adoptions(entry, self.library),
            grades=parts.grades_text(entry.data.get("grades")),
            adopters_change=self.report.adopters_change(
                entry.data.get("adoptions") or [], parts.named_indicators(entry)),
            adopters_hidden=self.report.adopters_hidden_note(
                entry.data.get("adoptions") or [], parts.named_indicators(entry)))

    def bank_procedure_pages(self) -> Iterator[PageSpec]:
        """«Положение о банке» and «Как мы оцениваем доказанность», from the registries."""
        for page in bank_procedure.PAGES:
            yield PageSpec(page.src_uri, page.title, self._render(
                page.template, page.url, **page.context(self.library)),
                description=page.description)

    def recommendation_pages(self) -> Iterator[PageSpec]:
        for entry in self.library.recommendations:
            yield self._entry_page(entry, "recommendation.html",
                                   related=self.library.related_practices(entry),
                                   **innovation_pages.recommendation_context(entry))
        yield PageSpec("recommendations/index.md", "Методические рекомендации",
                       self._render("recommendations.html", "recommendations/",
                                    entries=self.library.recommendations))

    def digest_pages(self) -> Iterator[PageSpec]:
        rubric_order = self.library.registry.vocabularies["rubrics"].names()
        digests = self.library.digests  # newest first
        for index, entry in enumerate(digests):
            rubrics = sorted(entry.data["rubrics"], key=lambda r: rubric_order.index(r["rubric"]))
            yield self._entry_page(
                entry, "digest.html", rubrics=rubrics, mentions=self.courses.digest_links(entry),
                newer=digests[index - 1] if index > 0 else None,
                older=digests[index + 1] if index + 1 < len(digests) else None)
        yield PageSpec("digests/index.md", "Дайджест Ассоциации новых школ",
                       self._render("digests.html", "digests/",
                                    years=self.library.digests_by_year(),
                                    syndication=self.syndication))

    def calendar_page(self) -> PageSpec:
        return PageSpec("events/index.md", "Календарь событий", self._render(
            "events.html", "events/", syndication=self.syndication,
            **self.syndication.calendar_context()),
            description="Конференции, семинары, вебинары и конкурсы из дайджеста Ассоциации.")

    def open_data_page(self) -> PageSpec:
        return PageSpec("data/index.md", "Открытые данные", self._render(
            "open_data.html", "data/", **self.syndication.open_data_context()),
            description="Банк практик, методические рекомендации и реестр школ Ассоциации "
                        "в форматах CSV и JSON.")

    def _related_practices(self) -> dict[str, list[Entry]]:
        """Related practices change only with the practices' terms, picks and order."""
        practices = self.library.practices
        key = terms_key(practices, search_data.RELATED_FIELDS)
        slugs = self.memo.get("related", key, lambda: {
            slug: [other.slug for other in chosen]
            for slug, chosen in search_data.related_practices(self.library).items()})
        by_slug = {entry.slug: entry for entry in practices}
        return {slug: [by_slug[other] for other in chosen] for slug, chosen in slugs.items()}

    def _entry_page(self, entry: Entry, template: str, **context: Any) -> PageSpec:
        """An entry's page; under `kb serve`, the last build's while its inputs hold."""
        return self.memo.get(f"page:{template}", self.memo.key(context, own=entry),
                             lambda: self._render_entry_page(entry, template, **context))

    def _render_entry_page(self, entry: Entry, template: str, **context: Any) -> PageSpec:
        card = self._render(template, entry.url, entry=entry, part="card", **context)
        footer = self._render(template, entry.url, entry=entry, part="footer", **context)
        footer += "\n" + self._render("_search_data.html", entry.url, search={
            "filters": search_data.filters(entry, self.library, self.with_data),
            "meta": search_data.meta(entry, self.library, self.with_data),
            "sort": search_data.sort_keys(entry, self.with_data),
            "search_only": search_only_words(entry, self.library, self._synonyms,
                                             _searchable_text(entry)),
        })
        # Schema.org metadata for search engines and aggregators: practices only so far.
        head = (str(json_ld(practice_json_ld(entry, self.library, self.site_url)))
                if entry.type.name == "practice" else "")
        return PageSpec(entry.src_uri, entry.title, card, markdown=page_markdown(entry.body),
                        after=footer, description=entry.summary, kind="entry",
                        draft=not entry.status.is_public(), meta={"type": entry.type.name},
                        head=head)

    def listing(self, folder: str, title: str, entries: list[Entry], *, header: str = "",
                footer: str = "", breadcrumb: tuple[str, str] | None = None,
                description: str = "", context: dict[str, Any] | None = None,
                ) -> Iterator[PageSpec]:
        """A paginated list of practices: page 1 at folder/, page n at folder/page/n/.

        `header` and `footer` name templates shown on the first page only.
        """
        chunks = [entries[i:i + PER_PAGE] for i in range(0, len(entries), PER_PAGE)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            src = f"{folder}/index.md" if number == 1 else f"{folder}/page/{number}.md"
            url = f"{folder}/" if number == 1 else f"{folder}/page/{number}/"
            pager = {
                "number": number,
                "total": len(chunks),
                "previous": None if number == 1 else (
                    f"{folder}/" if number == 2 else f"{folder}/page/{number - 1}/"),
                "next": f"{folder}/page/{number + 1}/" if number < len(chunks) else None,
            }
            shown = title if number == 1 else f"{title} — страница {number}"
            values = {"title": shown, "entries": chunk, "count": len(entries), "pager": pager,
                      "header": header, "footer": footer, "breadcrumb": breadcrumb,
                      **(context or {})}
            yield PageSpec(src, shown, self._list_page(url, values), description=description)

    def _list_page(self, url: str, values: dict[str, Any]) -> str:
        return self.memo.get(f"list:{url}", self.memo.key(values),
                             lambda: self._render("practice_list.html", url, **values))

    def about_page(self) -> PageSpec:
        """«Об Ассоциации», from the registries."""
        return PageSpec(association_pages.ABOUT_SRC, association_pages.ABOUT_TITLE, self._render(
            "about.html", association_pages.ABOUT_URL,
            **association_pages.about_context(self.library)),
            description=association_pages.ABOUT_DESCRIPTION)

    def search_page(self) -> PageSpec:
        return PageSpec("search.md", "Поиск", self._render("search.html", "search/"))

    def guide_page(self) -> PageSpec:
        """The editors' guide, generated from the declarations and the error catalogue."""
        return PageSpec(guide.GUIDE_SRC, guide.GUIDE_TITLE, self._render(
            "guide.html", guide.GUIDE_URL,
            guides=guide.type_guides(self.library.registry.all_vocabularies()),
            registries=guide.registry_guides(self.library.registry.all_vocabularies()),
            entries=guide.catalogue_entries(), errors_anchor=guide.ERRORS_ANCHOR,
            shots=guide_shots.SHOTS,
            **guide.guide_extras(self.library.registry.all_vocabularies(), self.site_url)),
            description="Как предложить практику, рекомендации или выпуск дайджеста: поля, "
                        "проверка, предпросмотр и что значат сообщения проверки.")


def site_pages(library: Library) -> tuple[list[PageSpec], list[StaticSpec]]:
    builder = SiteBuilder(library)
    return list(builder.pages()), list(builder.static_files())


def _searchable_text(entry: Entry) -> str:
    """Everything an entry says, for finding which synonyms it needs."""
    parts = [entry.title, entry.body]

    def collect(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)

    collect(entry.data)
    return "\n".join(parts)
