"""Search indexing as a checked step: Pagefind's Python API over the finished site."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.kb")


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float


def index_site(site_dir: Path, *, language: str = "ru") -> IndexReport:
    """Index every page of `site_dir` into `site_dir/pagefind`; fail loudly on an empty index."""
    start = time.monotonic()
    try:
        pages = asyncio.run(_index(site_dir, language))
    except SearchIndexError:
        raise
    except Exception as error:  # the service reports its own failures as plain exceptions
        raise SearchIndexError(f"поисковый индекс не построен: {error}") from error
    if pages == 0:
        raise SearchIndexError(
            "поисковый индекс пуст: ни одна страница не помечена для поиска (data-pagefind-body)."
        )
    return IndexReport(pages, time.monotonic() - start)


async def _index(site_dir: Path, language: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language=language,
        output_path=str(site_dir / "pagefind"),
        # Heading permalinks («¶») would otherwise show up in every result's sub-headings.
        exclude_selectors=[".headerlink"],
    )
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir))
    # add_directory counts every HTML file it read; the entry file counts what was indexed.
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    return sum(int(lang["page_count"]) for lang in entry["languages"].values())
