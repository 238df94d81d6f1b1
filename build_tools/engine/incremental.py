"""The editor's loop: under `kb serve` a save rewrites only the generated files it changed."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, InclusionLevel

from ..pages.pages import PageSpec, StaticSpec

log = logging.getLogger("mkdocs.plugins.kb")

DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' own warning before every dirty build: about its navigation, which is section-only
here and so never stale; editors would read it after every save."""


class GeneratedFile(File):
    """A generated file that says whether its content differs from the last finished build."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def _generated(config: Any, src_uri: str, content: str | bytes,
               inclusion: InclusionLevel) -> GeneratedFile:
    file = GeneratedFile.generated(config, src_uri, content=content, inclusion=inclusion)
    assert isinstance(file, GeneratedFile)  # File.generated builds the class it is called on
    return file


def page_parts(spec: PageSpec, site_key: str) -> tuple[object, ...]:
    """Everything of a page that reaches its HTML besides the theme, which `site_key` covers.

    Kept and compared as they are rather than hashed: most parts are the very strings the
    page memo handed back, which compare by identity, and the rest compare at memory speed,
    where hashing the whole site's text on every save cost a tenth of a rebuild."""
    return (site_key, spec.src_uri, spec.title, spec.description, spec.kind, spec.draft,
            tuple(sorted(spec.meta.items())), spec.before, spec.markdown, spec.after, spec.head)


def site_key(config_file: Path, nav: Any, pages: Iterable[PageSpec]) -> str:
    """What every page shows: mkdocs.yml (theme, nav, extensions) and, without a `nav:`, the
    title of every page, which MkDocs then lists on every page."""
    digest = hashlib.sha256(config_file.read_bytes() if config_file.is_file() else b"")
    if nav is None:
        for spec in pages:
            digest.update(f"{spec.src_uri}\0{spec.title}\0".encode())
    return digest.hexdigest()


class ServeSession:
    """What the generated files of the last finished build were made of.

    A file whose parts are unchanged is skipped by MkDocs' dirty build; one no longer
    generated is deleted, so a removed or renamed entry does not stay reachable. A build that
    fails forgets everything: the next one writes every file again.
    """

    def __init__(self) -> None:
        self.keeps = True
        """False for a one-off build: nothing is compared later, so no parts are kept (they
        are most of the site's HTML)."""
        self.written: dict[str, tuple[object, str]] = {}
        """src_uri -> (parts, absolute path of the output) of the last finished build."""
        self.pending: dict[str, tuple[object, str]] = {}
        self.rebuilt: list[str] = []

    def page(self, config: Any, spec: PageSpec, key: str) -> GeneratedFile:
        inclusion = InclusionLevel.DRAFT if spec.draft else InclusionLevel.UNDEFINED
        file = _generated(config, spec.src_uri, spec.markdown, inclusion)
        self._track(file, (config.site_dir, page_parts(spec, key)))
        if file.changed:
            self.rebuilt.append(spec.src_uri)
        return file

    def static(self, config: Any, spec: StaticSpec) -> GeneratedFile:
        file = _generated(config, spec.src_uri, spec.content, InclusionLevel.UNDEFINED)
        self._track(file, (config.site_dir, spec.content))
        return file

    def _track(self, file: GeneratedFile, parts: object) -> None:
        if not self.keeps:
            file.changed = True
            return
        previous = self.written.get(file.src_uri)
        if previous is not None and previous[0] == parts:
            # The same parts under the same settings (the site key and folder are among them) go
            # to the same place: MkDocs need not work out thousands of output paths on every save.
            path = previous[1]
            file.changed = not os.path.isfile(path)
        else:
            path = file.abs_dest_path
            file.changed = True
        self.pending[file.src_uri] = (parts, path)

    def start(self) -> None:
        self.pending = {}
        self.rebuilt = []

    def remove_stale(self) -> list[str]:
        """Delete the outputs of files the last build wrote and this one no longer has."""
        gone = [uri for uri in self.written if uri not in self.pending]
        for uri in gone:
            path = self.written[uri][1]
            if os.path.isfile(path):
                os.remove(path)
        return gone

    def finish(self) -> None:
        self.written, self.pending = self.pending, {}

    def forget(self) -> None:
        self.written, self.pending = {}, {}


class DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarningFilter())
