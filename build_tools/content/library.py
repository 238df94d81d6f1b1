"""The loaded content: entries of every type plus registries, with the queries pages need."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .body_outline import Outline
from .content_types import DIGEST, PRACTICE, RECOMMENDATION, ContentType, Evidence, Status
from .registries import Registry, School
from .russian import month_label
from .yaml_source import SourceMap

if TYPE_CHECKING:
    # Type only: monitoring reads the registries, so the content model cannot import it.
    from ..monitoring import Monitoring


@dataclass
class Entry:
    """One Markdown file of a content type, validated."""

    type: ContentType
    slug: str
    path: Path
    shown_path: str
    """The path as editors see it, relative to the project: content/practices/x.md."""
    data: dict[str, Any]
    body: str
    body_line: int
    source_map: SourceMap = field(repr=False, default_factory=SourceMap)
    valid: bool = True
    """False when the file has errors: it is checked against others but never published."""
    outline: Outline | None = field(repr=False, default=None)
    """Headings, links and images of the converted body, for the link checks."""
    source_key: str = field(repr=False, default="")
    """A hash of the file's bytes and of everything its checks depended on (the cache's key);
    equal keys mean an equal entry. Empty when the cache is off: then nothing is reused."""

    @property
    def src_uri(self) -> str:
        """The page's path inside the docs dir, as MkDocs names it."""
        return f"{self.type.folder}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{self.type.folder}/{self.slug}/"

    @property
    def title(self) -> str:
        if self.type is DIGEST:
            return f"Дайджест Ассоциации № {self.data['issue']}, {self.period_label}"
        if self.type.title_of is not None:
            return self.type.title_of(self.data)
        return str(self.data["title"])

    @property
    def period_label(self) -> str:
        return month_label(self.data["year"], self.data["month"])

    @property
    def summary(self) -> str:
        return str(self.data.get("summary") or "")

    @property
    def status(self) -> Status:
        return Status(self.data["status"])

    @property
    def date(self) -> dt.date:
        if self.type is DIGEST:
            return dt.date(self.data["year"], self.data["month"], 1)
        if self.type.date_of is not None:
            return self.type.date_of(self.data)
        value: dt.date = self.data["date"]
        return value

    @property
    def evidence(self) -> Evidence | None:
        value = self.data.get("evidence")
        return Evidence(value) if value else None

    def terms(self, vocabulary: str) -> list[str]:
        """The entry's terms of one vocabulary, as a list whether the field is a list or not."""
        if vocabulary == "projects":
            value = self.data.get("project")
        elif vocabulary == "audiences":
            value = self.data.get("audience")
        else:
            value = self.data.get(vocabulary)
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date, e.title), reverse=True)


@dataclass
class Library:
    """Everything the site is generated from."""

    registry: Registry
    entries: list[Entry]
    monitoring: Monitoring | None = None

    def __post_init__(self) -> None:
        by_type: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            by_type[entry.type.name].append(entry)
        self.practices = newest_first(by_type[PRACTICE.name])
        self.recommendations = newest_first(by_type[RECOMMENDATION.name])
        self.digests = newest_first(by_type[DIGEST.name])
        self._by_type = by_type
        self._practices_by_slug = {e.slug: e for e in self.practices}
        self._by_school: dict[str, list[Entry]] = defaultdict(list)
        self._adopted_by: dict[str, list[Entry]] = defaultdict(list)
        self._term_index: dict[str, dict[str, list[Entry]]] = {}
        for entry in self.practices:
            self._by_school[entry.data["school"]].append(entry)
            for adoption in entry.data.get("adoptions") or []:
                self._adopted_by[adoption["school"]].append(entry)

    def of_type(self, name: str) -> list[Entry]:
        """The entries of one content type, in file order (a page per school asks for the
        innovation projects: no scan of the whole bank each time)."""
        return self._by_type.get(name, [])

    def practice(self, slug: str) -> Entry | None:
        return self._practices_by_slug.get(slug)

    def school_of(self, entry: Entry) -> School:
        return self.registry.schools.get(entry.data["school"])

    def district_of(self, entry: Entry) -> str:
        return self.school_of(entry).district

    def practices_with(self, vocabulary: str, term: str) -> list[Entry]:
        """Newest first, from an index built once per vocabulary: a bank of thousands of
        practices has a page per term, and each used to scan every practice."""
        index = self._term_index.get(vocabulary)
        if index is None:
            index = defaultdict(list)
            for entry in self.practices:
                terms = ([self.district_of(entry)] if vocabulary == "districts"
                         else entry.terms(vocabulary))
                for name in dict.fromkeys(t for t in terms if isinstance(t, str)):
                    index[name].append(entry)
            self._term_index[vocabulary] = index
        return list(index.get(term, ()))

    def recommendations_with(self, vocabulary: str, term: str) -> list[Entry]:
        return [e for e in self.recommendations if term in e.terms(vocabulary)]

    def practices_of_school(self, school_id: str) -> list[Entry]:
        return self._by_school.get(school_id, [])

    def practices_adopted_by(self, school_id: str) -> list[Entry]:
        return self._adopted_by.get(school_id, [])

    def related_practices(self, entry: Entry) -> list[Entry]:
        return [p for slug in entry.data.get("related") or [] if (p := self.practice(slug))]

    def digests_by_year(self) -> list[tuple[int, list[Entry]]]:
        years: dict[int, list[Entry]] = defaultdict(list)
        for digest in self.digests:
            years[digest.data["year"]].append(digest)
        return sorted(years.items(), reverse=True)
