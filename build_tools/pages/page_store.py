"""Generated pages kept between `kb build`s: `.kb-cache/pages.pickle`.

The page memo (`page_memo.py`) reuses a page while its inputs hold; under `kb serve` it lives
in memory between saves. This store carries it from one `kb build` to the next, so that a
build after editing one practice renders that practice's page and the listings that show it,
and takes every other page, the feeds, open data and the monitoring downloads (the all-rows
XLSX of a large table costs most of a build) as the last build made them.

What is stored: the memo's values made of plain records only (pages, generated files, HTML
fragments, strings, numbers, dates, lists and dicts of them), each pickled on its own, under
the key of the world they were made in (`Checked.world_key`: code, settings, mkdocs.yml,
registries, file names, monitoring tables, the build's day). A value is decoded only when a
page asks for it again, and stored again as the bytes it was read from, so a build that changes
one practice pays for that practice's pages only. A different world or an unreadable file makes
a cold start, a value that cannot be read back is made again. Everything is read by an
unpickler that builds only those classes, so a planted file cannot run code, and only when this
machine's user signed the file (`entry_cache.read_signed`): a store committed into the project
by a pull request would otherwise put its own HTML on the site.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
from pathlib import Path
from typing import Any

import markupsafe

from ..output.entry_cache import (
    open_signed,
    restricted_loads,
    restricted_unpickler,
    write_signed,
)
from .page_memo import Deferred
from .pages import PageSpec, StaticSpec
from .render import Fragment

STORE_FILE = "pages.pickle"
FORMAT = 3

_ALLOWED: dict[tuple[str, str], Any] = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (PageSpec, StaticSpec, Fragment, markupsafe.Markup, dt.date, dt.datetime)
}

_CLASSES = frozenset(_ALLOWED.values())

Slot = tuple[str, str]


def load(folder: Path | None, world: str) -> dict[Slot, Deferred]:
    """The values the last build stored in `world`, each decoded when a page asks for it."""
    if folder is None or not world:
        return {}
    file = open_signed(folder, STORE_FILE)
    if file is None:
        return {}
    values: dict[Slot, Deferred] = {}
    with file:
        try:
            reader = restricted_unpickler(file, _ALLOWED)
            if reader.load() != (FORMAT, world):
                return {}
            while True:
                try:
                    slot, data = reader.load()
                except EOFError:
                    break
                if isinstance(slot, tuple) and isinstance(data, bytes):
                    values[slot] = Deferred(data, _decode)
        except Exception:  # noqa: BLE001 - any unreadable store is only a cold start
            return {}
    return values


def save(folder: Path | None, world: str, made: dict[Slot, Any],
         opened: dict[Slot, Deferred] | None = None) -> int:
    """Store what this build made of plain records; the number of values stored. A value
    taken from the store (`opened`) is stored again as it was read, without encoding it.
    Each is written as it is encoded: the store is about as large as the site's HTML."""
    if folder is None or not world:
        return 0
    found = opened or {}
    stored = 0

    def write(stream: Any) -> None:
        nonlocal stored
        pickle.dump((FORMAT, world), stream, pickle.HIGHEST_PROTOCOL)
        for slot, value in made.items():
            data = found[slot].data if slot in found else _encode(value)
            if data is not None:
                pickle.dump((slot, data), stream, pickle.HIGHEST_PROTOCOL)
                stored += 1

    write_signed(folder, STORE_FILE, write)
    return stored


def _encode(value: Any) -> bytes | None:
    """`value` pickled, or None when it holds an object the store does not read back (an
    entry, a school, a table: values that stand for the build's own objects)."""
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return buffer.getvalue()


def _decode(data: bytes) -> Any:
    try:
        return restricted_loads(data, _ALLOWED)
    except Exception as error:  # noqa: BLE001 - a damaged value is made again
        raise ValueError(str(error)) from error


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        # Called for every object but the built-in scalars and containers, classes included.
        if (obj if isinstance(obj, type) else type(obj)) not in _CLASSES:
            raise pickle.PicklingError(repr(type(obj)))
        return NotImplemented
