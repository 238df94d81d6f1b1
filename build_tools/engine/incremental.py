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


def page_digest(spec: PageSpec, site_key: str) -> str:
    """Everything of a page that reaches its HTML besides the theme, which `site_key` covers."""
    digest = hashlib.sha256(site_key.encode("utf-8"))
    for part in (spec.src_uri, spec.title, spec.description, spec.kind, str(spec.draft),
                 repr(sorted(spec.meta.items())), spec.before, spec.markdown, spec.after,
                 spec.head):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def static_digest(spec: StaticSpec) -> str:
    content = spec.content.encode("utf-8") if isinstance(spec.content, str) else spec.content
    return hashlib.sha256(content).hexdigest()


def site_key(config_file: Path, nav: Any, pages: Iterable[PageSpec]) -> str:
    """What every page shows: mkdocs.yml (theme, nav, extensions) and, without a `nav:`, the
    title of every page, which MkDocs then lists on every page."""
    digest = hashlib.sha256(config_file.read_bytes() if config_file.is_file() else b"")
    if nav is None:
        for spec in pages:
            digest.update(f"{spec.src_uri}\0{spec.title}\0".encode())
    return digest.hexdigest()


class ServeSession:
    """The digests of the generated files the last finished build wrote.

    A file whose digest is unchanged is skipped by MkDocs' dirty build; one no longer
    generated is deleted, so a removed or renamed entry does not stay reachable. A build that
    fails forgets everything: the next one writes every file again.
    """

    def __init__(self) -> None:
        self.written: dict[str, tuple[str, str]] = {}
        """src_uri -> (digest, absolute path of the output) of the last finished build."""
        self.pending: dict[str, tuple[str, str]] = {}
        self.rebuilt: list[str] = []
        self._digests: dict[str, tuple[PageSpec, str, str]] = {}
        """src_uri -> (spec, site key, digest): a page the memo handed back as the very same
        spec is not hashed again."""

    def page(self, config: Any, spec: PageSpec, key: str) -> GeneratedFile:
        inclusion = InclusionLevel.DRAFT if spec.draft else InclusionLevel.UNDEFINED
        file = _generated(config, spec.src_uri, spec.markdown, inclusion)
        known = self._digests.get(spec.src_uri)
        if known is not None and known[0] is spec and known[1] == key:
            digest = known[2]
        else:
            digest = page_digest(spec, key)
            self._digests[spec.src_uri] = (spec, key, digest)
        self._track(file, digest)
        if file.changed:
            self.rebuilt.append(spec.src_uri)
        return file

    def static(self, config: Any, spec: StaticSpec) -> GeneratedFile:
        file = _generated(config, spec.src_uri, spec.content, InclusionLevel.UNDEFINED)
        self._track(file, static_digest(spec))
        return file

    def _track(self, file: GeneratedFile, digest: str) -> None:
        previous = self.written.get(file.src_uri)
        file.changed = (previous is None or previous[0] != digest
                        or not os.path.isfile(file.abs_dest_path))
        self.pending[file.src_uri] = (digest, file.abs_dest_path)

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
        self._digests = {uri: known for uri, known in self._digests.items()
                         if uri in self.written}

    def forget(self) -> None:
        self.written, self.pending, self._digests = {}, {}, {}


class DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarningFilter())
