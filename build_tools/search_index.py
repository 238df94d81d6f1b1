"""Search indexing as a checked step: Pagefind's Python API over the finished site."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.kb")


ATTEMPTS = 2


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float


def index_site(site_dir: Path, *, language: str = "ru") -> IndexReport:
    """Index every page of `site_dir` into `site_dir/pagefind`; fail loudly on an empty index."""
    start = time.monotonic()
    pages = 0
    for attempt in range(1, ATTEMPTS + 1):
        try:
            asyncio.run(_index(site_dir, language))
            pages = _indexed_pages(site_dir / "pagefind")
            break
        except Exception as error:  # the service reports its own failures as plain exceptions
            if attempt == ATTEMPTS:
                raise SearchIndexError(f"поисковый индекс не построен: {error}") from error
            log.warning(f"Pagefind: индекс неполон ({error}), строим заново")
            shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    if pages == 0:
        raise SearchIndexError(
            "поисковый индекс пуст: ни одна страница не помечена для поиска (data-pagefind-body)."
        )
    return IndexReport(pages, time.monotonic() - start)


async def _index(site_dir: Path, language: str) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language=language,
        output_path=str(site_dir / "pagefind"),
        # Heading permalinks («¶») would otherwise show up in every result's sub-headings.
        exclude_selectors=[".headerlink"],
    )
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir))


def _indexed_pages(bundle: Path) -> int:
    """Pages in the written index, read back from disk: this also proves the files are whole.

    The service is stopped right after it acknowledges the write; under heavy load an entry
    file was once found empty, so the bundle is checked before the site is published.
    """
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    for language in entry["languages"].values():
        if not (bundle / f"pagefind.{language['hash']}.pf_meta").is_file():
            raise ValueError(f"нет файла {language['hash']}.pf_meta")
    return sum(int(lang["page_count"]) for lang in entry["languages"].values())
