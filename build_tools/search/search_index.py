"""Search indexing as a checked step: Pagefind's Python API over the site's entry pages."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .fragments import cut_search_only
from .pagefind_bundle import BundleFormatError, PagefindBundle
from .spelling import words_of, write_dictionary

log = logging.getLogger("mkdocs.plugins.kb")


ATTEMPTS = 2
WRITE_WAIT_SECONDS = 10


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float


def entry_glob(folders: Iterable[str], *, directory_urls: bool = True) -> str:
    """The pages Pagefind reads: one level of entry pages under each entry folder.

    Only entry pages carry `data-pagefind-body`, but Pagefind parses every file its glob
    matches and holds them all in memory at once; listings, school pages and the monitoring
    section would cost it time and memory for nothing.
    """
    names = sorted(set(folders))
    if not names:
        raise SearchIndexError("поисковый индекс не построен: не задано ни одного раздела.")
    tree = names[0] if len(names) == 1 else "{" + ",".join(names) + "}"
    return f"{tree}/*/index.html" if directory_urls else f"{tree}/*.html"


def index_site(site_dir: Path, *, glob: str | None = None, expected: int = 1,
               language: str = "ru", synonyms: Sequence[Sequence[str]] = ()) -> IndexReport:
    """Index the pages of `site_dir` matching `glob` (all pages without one) into
    `site_dir/pagefind`; fail loudly when fewer than `expected` pages are indexed.

    The bundle is then put in a fixed order (see `pagefind_bundle`), so that the same pages
    always give the same files, and the spelling dictionary of the same pages is written
    beside it (see `spelling`; `synonyms` give the empty state's suggestions).
    """
    start = time.monotonic()
    bundle = None
    for attempt in range(1, ATTEMPTS + 1):
        try:
            bundle = asyncio.run(_index(site_dir, language, glob))
            break
        except Exception as error:  # the service reports its own failures as plain exceptions
            if attempt == ATTEMPTS:
                raise SearchIndexError(f"поисковый индекс не построен: {error}") from error
            log.warning(f"Pagefind: индекс неполон ({error}), строим заново")
            shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    assert bundle is not None
    if bundle.page_count == 0:
        raise SearchIndexError(
            "поисковый индекс пуст: ни одна страница не помечена для поиска (data-pagefind-body)."
        )
    if bundle.page_count < expected:
        # A page outside the glob would silently drop out of search and the bank's lists.
        raise SearchIndexError(
            f"в поисковый индекс попало {bundle.page_count} страниц материалов из {expected}: "
            "часть материалов не найти на сайте поиском."
        )
    words: Counter[str] = Counter()  # search-only words count too: a reader may type them
    try:
        cut_search_only(bundle, site_dir, read=lambda text: words.update(words_of(text)))
        bundle.write_canonical()
    except (OSError, BundleFormatError) as error:
        raise SearchIndexError(f"поисковый индекс не упорядочен: {error}") from error
    try:
        write_dictionary(site_dir / "pagefind", words, synonyms)
    except OSError as error:
        raise SearchIndexError(f"словарь для исправления опечаток не записан: {error}") from error
    return IndexReport(bundle.page_count, time.monotonic() - start)


async def _index(site_dir: Path, language: str, glob: str | None = None,
                 ) -> PagefindBundle:
    from pagefind.index import IndexConfig
    from pagefind.service import PagefindService

    config = IndexConfig(
        force_language=language,
        output_path=str(site_dir / "pagefind"),
        # Heading permalinks («¶») would otherwise show up in every result's sub-headings.
        exclude_selectors=[".headerlink"],
    )
    # The service is used directly rather than through PagefindIndex's context manager, which
    # stops the service right after the write is acknowledged: under load an entry file was
    # then found empty. Here the written bundle is read back while the service still runs.
    async with PagefindService() as service:
        index = await service.create_index(config)
        await index.add_directory(str(site_dir), glob=glob)
        await index.write_files()
        deadline = time.monotonic() + WRITE_WAIT_SECONDS
        while True:
            try:
                # Reading every metadata and filter file back also proves they are whole;
                # the script and style files are only checked not to be empty (seen once under
                # load: an empty pagefind-ui.js in a finished build).
                bundle = PagefindBundle.read(site_dir / "pagefind")
                _require_no_empty_file(site_dir / "pagefind")
                return bundle
            except (OSError, EOFError, ValueError, KeyError):  # a file still being written
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.05)


def _require_no_empty_file(folder: Path) -> None:
    empty = [p.name for p in folder.glob("*") if p.suffix in (".js", ".css")
             and p.is_file() and p.stat().st_size == 0]
    if empty:
        raise ValueError(f"Pagefind has not finished writing: {', '.join(sorted(empty))}")


class KeptIndex:
    """The preview's search index, built once when `kb serve` starts and put back after each
    rebuild that emptied the folder (a clean one; `kb serve`'s dirty rebuilds leave it):
    indexing every page again would cost each save seconds to minutes on a large bank."""

    def __init__(self) -> None:
        self.folder: Path | None = None

    def keep(self, site_dir: Path) -> None:
        self.discard()
        self.folder = Path(tempfile.mkdtemp(prefix="kb-pagefind-")) / "pagefind"
        shutil.copytree(site_dir / "pagefind", self.folder)

    def restore(self, site_dir: Path) -> bool:
        """Put the kept index into `site_dir`; False when there is none to put."""
        if self.folder is None or not self.folder.is_dir():
            return False
        if (site_dir / "pagefind").is_dir():  # a dirty rebuild leaves it in place
            return True
        shutil.copytree(self.folder, site_dir / "pagefind", dirs_exist_ok=True)
        return True

    def discard(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder.parent, ignore_errors=True)
            self.folder = None
