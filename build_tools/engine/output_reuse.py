"""A `kb build` takes an unchanged page's finished HTML from the site it is about to replace.

The page store (`pages/page_store.py`) spares a build the generation of unchanged pages; the
theme would still render each of them again (its template, navigation, our header controls),
which is most of what a build after one edit costs. So the build also records, per page, a
digest of everything that reaches the page's HTML (`incremental.page_parts`: its own parts and
the site key of mkdocs.yml and the navigation, under the world key of code, settings,
registries and date) and a digest of the bytes it wrote. The next build gives a page whose
parts are unchanged a template that renders nothing and hands MkDocs the published file's bytes
instead, after checking them against the recorded digest: a published file that was changed or
removed since is rendered again, and one that changes while the build runs fails it.

Only staged builds (the default) do this: the published site stays in place until the new one
is complete, and the staged copy is written in full, so a failed build still leaves the last
good site. The record (`.kb-cache/outputs.pickle`) is signed like the other cache files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..output.entry_cache import read_signed, restricted_loads, write_pickle
from ..output.inline_scripts import SCRIPT_FILE, script_file
from ..pages.pages import PageSpec
from .incremental import page_parts

RECORD_FILE = "outputs.pickle"
FORMAT = 2
TEMPLATE = "kb-reused-page.html"
"""The template a reused page is given: it renders nothing (`on_post_page` puts the page in)."""



@dataclass(frozen=True)
class Written:
    parts: str
    """The digest of what reached the page's HTML."""
    digest: str
    """sha256 of the bytes written."""
    scripts: tuple[str, ...]
    """The externalised inline scripts it loads (`inline_scripts.script_file`)."""


class ReuseError(Exception):
    """A published page changed while the build was reading it."""


_ALLOWED = {(Written.__module__, Written.__qualname__): Written}


class OutputReuse:
    def __init__(self, cache_dir: Path | None, published: Path, world: str) -> None:
        self.cache_dir = cache_dir
        self.published = published
        self.world = world
        self.key = ""
        self.last: dict[str, Written] = {}
        self.now: dict[str, Written] = {}
        self.parts: dict[str, str] = {}
        self.taken: dict[str, tuple[Path, Written]] = {}
        self.scripts: dict[str, str | None] = {}

    def begin(self, site_key: str) -> None:
        """Read the last build's record, if it was made under the same world and site key."""
        self.key = hashlib.sha256(f"{self.world}\0{site_key}".encode()).hexdigest()
        raw = read_signed(self.cache_dir, RECORD_FILE) if self.cache_dir and self.world else None
        try:
            version, key, record = restricted_loads(raw, _ALLOWED) if raw else (0, "", {})
        except Exception:  # noqa: BLE001 - an unreadable record is only a full render
            return
        if version == FORMAT and key == self.key and isinstance(record, dict):
            self.last = record

    def plan(self, spec: PageSpec, site_key: str, dest_uri: str) -> bool:
        """Whether the page can be taken from the published site as it is: its parts are
        those recorded, and its file and the inline scripts it loads are as written."""
        parts = hashlib.sha256(repr(page_parts(spec, site_key)).encode(
            "utf-8", "surrogatepass")).hexdigest()
        self.parts[spec.src_uri] = parts
        written = self.last.get(spec.src_uri)
        if written is None or written.parts != parts:
            return False
        path = self.published / dest_uri
        try:
            if hashlib.sha256(path.read_bytes()).hexdigest() != written.digest:
                return False
        except OSError:
            return False
        if any(self._script(name) is None for name in written.scripts):
            return False
        self.taken[spec.src_uri] = (path, written)
        return True

    def _script(self, name: str) -> str | None:
        """The published inline script of that name, if its content still has that name."""
        if name not in self.scripts:
            try:
                code: str | None = (self.published / name).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                code = None
            self.scripts[name] = code if code is not None and script_file(code) == name else None
        return self.scripts[name]

    def is_taken(self, src_uri: str) -> bool:
        return src_uri in self.taken

    def output(self, src_uri: str) -> str:
        """The published page's HTML, checked again against its digest."""
        path, written = self.taken[src_uri]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ReuseError(str(error)) from error
        if hashlib.sha256(data).hexdigest() != written.digest:
            raise ReuseError(f"{path} изменился во время сборки")
        self.now[src_uri] = written
        return data.decode("utf-8")

    def record(self, src_uri: str, output: str) -> None:
        """A page the theme rendered: what the next build compares."""
        parts = self.parts.get(src_uri)
        if parts is None:
            return
        data = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        scripts = tuple(sorted(set(SCRIPT_FILE.findall(output))))
        self.now[src_uri] = Written(parts, hashlib.sha256(data).hexdigest(), scripts)

    def scripts_needed(self) -> dict[str, str]:
        """The inline scripts the taken pages load (name -> code): the build writes them as
        it writes those of the pages it rendered."""
        names = {name for _path, written in self.taken.values() for name in written.scripts}
        return {name: code for name, code in self.scripts.items()
                if name in names and code is not None}

    def save(self) -> None:
        if self.cache_dir is not None and self.world:
            write_pickle(self.cache_dir, RECORD_FILE, (FORMAT, self.key, self.now))

    def forget(self) -> None:
        """After a failure: the next build renders every page."""
        if self.cache_dir is not None:
            (self.cache_dir / RECORD_FILE).unlink(missing_ok=True)
