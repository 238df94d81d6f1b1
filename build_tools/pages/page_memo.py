"""`kb serve`'s memory of rendered pages: after a save, a page whose inputs hold is reused.

A page's inputs are the world every page shares (code, settings, mkdocs.yml, registries, file
names, monitoring tables, the date: `Checked.world_key`) and the values handed to its template.
A page's own entry stands for its `source_key` (its bytes and checks), other entries for their
fields, so a new paragraph renders again one page, and a new title also the listings the
practice is on and the pages that show it as a related practice. A value the fingerprint
cannot see into makes the page render every time: a missed reuse costs time, a wrong one
would show stale text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..content.library import Entry

T = TypeVar("T")

MAX_PARTS = 20_000
"""A value larger than this is not worth fingerprinting: rendering it is as cheap."""


class _Opaque(Exception):
    """A value the fingerprint cannot see into."""


class Fingerprints:
    """Hashes of what templates are handed, computed once per build for shared values.

    A listing of a topic hands every page the topic with all its practices; hashing it once
    per build instead of once per page keeps a rebuild linear in the size of the bank. A
    value is remembered by its id together with the value itself, so that the id cannot be
    taken by another object while it is remembered.
    """

    def __init__(self, data_keys: dict[str, str] | None = None) -> None:
        self._shared: dict[int, tuple[Any, str]] = {}
        self._entries: dict[int, tuple[Entry, str]] = {}
        self._data_keys = {} if data_keys is None else data_keys

    def of(self, *values: Any, own: Entry | None = None) -> str | None:
        """A hash of everything in `values` a template can print; None when one is opaque.

        `own`, the page's own entry, counts whole; any other entry in `values` (a related
        practice, an item of a listing) only by its fields: templates never show another
        entry's text, so a new paragraph in one practice does not render again every page
        that lists it.
        """
        parts: list[str] = []
        try:
            if own is not None:
                if not own.source_key:
                    return None
                parts.append(f"own:{own.type.name}:{own.slug}:{own.source_key}")
            for value in values:
                self._walk(value, parts, 0)
        except _Opaque:
            return None
        return _hash(parts)

    def _walk(self, value: Any, parts: list[str], depth: int) -> None:
        if len(parts) > MAX_PARTS:
            raise _Opaque
        if type(value) is Entry:  # the most frequent value: the items of every listing
            parts.append(self._entry_part(value))
        elif value is None or isinstance(value, (str, int, float, bool, dt.date, enum.Enum)):
            parts.append(f"{type(value).__name__}:{value!r}")
        elif isinstance(value, Entry):
            parts.append(self._entry_part(value))
        elif depth > 0 and (dataclasses.is_dataclass(value) or (
                isinstance(value, (list, tuple)) and len(value) > SHARED_LENGTH)):
            parts.append(self._shared_hash(value))
        elif isinstance(value, (list, tuple)):
            parts.append(f"{type(value).__name__}[{len(value)}")
            for item in value:
                self._walk(item, parts, depth + 1)
        elif isinstance(value, dict):
            parts.append(f"dict[{len(value)}")
            for key, item in value.items():
                self._walk(key, parts, depth + 1)
                self._walk(item, parts, depth + 1)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            parts.append(f"{type(value).__qualname__}(")
            for item in dataclasses.fields(value):
                self._walk(getattr(value, item.name), parts, depth + 1)
        else:
            raise _Opaque

    def _entry_part(self, entry: Entry) -> str:
        """Another entry stands for its fields: worked out once per build per entry."""
        known = self._entries.get(id(entry))
        if known is not None and known[0] is entry:
            return known[1]
        if not entry.source_key:
            raise _Opaque
        part = f"entry:{entry.type.name}:{entry.slug}:{self._data_key(entry)}"
        self._entries[id(entry)] = (entry, part)
        return part

    def _data_key(self, entry: Entry) -> str:
        key = self._data_keys.get(entry.source_key)
        if key is None:
            key = _hash([repr(entry.data)])
            self._data_keys[entry.source_key] = key
        return key

    def _shared_hash(self, value: Any) -> str:
        if isinstance(value, type):
            raise _Opaque
        known = self._shared.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        parts: list[str] = []
        self._walk(value, parts, -1)  # -1: its own items are walked, not looked up again
        digest = _hash(parts)
        self._shared[id(value)] = (value, digest)
        return digest


def _hash(parts: list[str]) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


_MISSING: Any = object()

SHARED_LENGTH = 16
"""Lists longer than this, and records, are hashed once per build however often handed on."""


class Deferred:
    """A value an earlier build stored (`page_store`), decoded only when a page asks for it."""

    __slots__ = ("data", "_decode")

    def __init__(self, data: bytes, decode: Callable[[bytes], Any]) -> None:
        self.data = data
        self._decode = decode

    def open(self) -> Any:
        """The value; ValueError when it cannot be read back."""
        return self._decode(self.data)


class PageMemo:
    """What the last build rendered, by key; a build keeps only what it used again."""

    def __init__(self) -> None:
        self.world = ""
        self._last: dict[tuple[str, str], Any] = {}
        self._now: dict[tuple[str, str], Any] = {}
        self.opened: dict[tuple[str, str], Deferred] = {}
        """The stored values this build used again, as stored: they are stored again as
        they are, without encoding them anew."""
        self.reused = 0
        self._data_keys: dict[str, str] = {}
        self.fingerprints = Fingerprints(self._data_keys)

    def key(self, *values: Any, own: Entry | None = None) -> str | None:
        return self.fingerprints.of(*values, own=own) if self.world else None

    def begin(self, world: str) -> None:
        """A new build: everything is forgotten when the shared world changed (or is unknown)."""
        self._last = self._now if world and world == self.world else {}
        self._now = {}
        self.opened = {}
        self.world = world
        self.reused = 0
        if len(self._data_keys) > 4 * len(self._last) + 1000:  # edits pile up old keys
            self._data_keys.clear()
        self.fingerprints = Fingerprints(self._data_keys)

    def seed(self, values: dict[tuple[str, str], Any]) -> None:
        """Start from what an earlier build of the same world stored (`page_store`)."""
        if self.world:
            self._last = values

    def made(self) -> dict[tuple[str, str], Any]:
        """What this build made or reused, by kind and key."""
        return self._now

    def release(self) -> None:
        """Forget everything: a one-off build need not hold its pages once they are stored."""
        self._last, self._now, self.opened = {}, {}, {}

    def get(self, kind: str, key: str | None, make: Callable[[], T]) -> T:
        """`make()`, or what it gave last time under the same key."""
        if key is None or not self.world:
            return make()
        slot = (kind, key)
        if slot in self._now:
            return self._now[slot]  # type: ignore[no-any-return]
        value = self._last.pop(slot, _MISSING)
        if isinstance(value, Deferred):
            stored = value
            try:
                value = stored.open()
                self.opened[slot] = stored
            except ValueError:
                value = _MISSING
        if value is _MISSING:
            value = make()
        else:
            self.reused += 1
        self._now[slot] = value
        return value  # type: ignore[no-any-return]


def terms_key(practices: Iterable[Entry], fields: tuple[str, ...]) -> str:
    """A hash of the named fields of every practice, in order: what related practices use."""
    digest = hashlib.sha256()
    for entry in practices:
        values = [entry.slug, *(repr(entry.data.get(name)) for name in fields)]
        digest.update("\x00".join(values).encode("utf-8", "surrogatepass") + b"\x01")
    return digest.hexdigest()
