"""Pagefind's filter and metadata files in one fixed order, so equal input gives equal bytes.

Pagefind (1.5) keeps filters in Rust hash maps seeded at random per run: the order of the
filters in `pagefind.<hash>.pf_meta`, of the values inside every `filter/<hash>.pf_filter` and
of the sort keys changes from run to run, and with it the content hashes that name these files
and `pagefind-entry.json`. Its own source says so ("TODO: Change filter indexes to BTree to give
them a stable hash"). Every other file it writes (fragments, word index chunks) is already
stable.

Putting those lists in order is sound because the reader does not depend on it: Pagefind's
search code loads filter values into a BTreeMap and filter chunks and sorts into maps. The files
are renamed with the hash Pagefind itself would give them (SHA-1 of the CBOR body, written as
Pagefind writes it), so caches keyed by file name keep working. Only this small set of files is
rewritten; the page numbering is Pagefind's own.

The files are gzip-compressed `pagefind_dcd` + CBOR. The CBOR codec here covers only what these
two files use (unsigned integers, text, definite arrays) and refuses anything else, so a change
of format fails the build instead of corrupting the index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class BundleFormatError(ValueError):
    """A Pagefind file is not in the format this module knows."""


@dataclass
class LanguageIndex:
    language: str
    meta_hash: str
    meta: list[Any]
    filters: dict[str, list[Any]] = field(default_factory=dict)
    """Old file hash → decoded filter file."""

    @property
    def page_count(self) -> int:
        return len(self.meta[1])


@dataclass
class PagefindBundle:
    """A written Pagefind bundle, read whole: reading fails if any of its files is incomplete."""

    root: Path
    entry: dict[str, Any]
    languages: list[LanguageIndex]

    @classmethod
    def read(cls, root: Path) -> PagefindBundle:
        entry = json.loads((root / ENTRY).read_text("utf-8"))
        languages = []
        for language, info in entry["languages"].items():
            meta = _read_cbor(root / f"pagefind.{info['hash']}.pf_meta")
            if not (isinstance(meta, list) and len(meta) >= 5):
                raise BundleFormatError(f"неизвестный формат pagefind.{info['hash']}.pf_meta")
            index = LanguageIndex(language, info["hash"], meta)
            for _name, filter_hash in meta[3]:
                path = root / "filter" / f"{filter_hash}.pf_filter"
                index.filters[filter_hash] = _read_cbor(path)
            languages.append(index)
        return cls(root, entry, languages)

    @property
    def page_count(self) -> int:
        return sum(index.page_count for index in self.languages)

    def write_canonical(self) -> None:
        """Rewrite the filter and metadata files of every language in sorted order."""
        for index in self.languages:
            self._canonicalize(index)
        self.entry["languages"] = dict(sorted(self.entry["languages"].items()))
        text = json.dumps(self.entry, ensure_ascii=False, separators=(",", ":"))
        (self.root / ENTRY).write_text(text, encoding="utf-8")

    def _canonicalize(self, index: LanguageIndex) -> None:
        # Pagefind 1.5 appends the list of metadata keys, already sorted: kept as it is.
        version, pages, chunks, filters, sorts, *rest = index.meta
        written: dict[str, bytes] = {}
        new_filters = []
        for name, old_hash in sorted(filters, key=lambda pair: _order_key(pair[0])):
            filter_name, values = index.filters[old_hash]
            body = encode([filter_name, sorted(values, key=lambda pair: _order_key(pair[0]))])
            new_hash = _short_hash(index.language, body, 7, taken=written)
            written[new_hash] = body
            new_filters.append([name, new_hash])
        meta = encode([version, pages, chunks, new_filters,
                       sorted(sorts, key=lambda pair: _order_key(pair[0])), *rest])
        meta_hash = f"{index.language}_{pagefind_hash(meta)[: len(index.language) + 8]}"

        for old_hash in index.filters:
            (self.root / "filter" / f"{old_hash}.pf_filter").unlink()
        (self.root / f"pagefind.{index.meta_hash}.pf_meta").unlink()
        for new_hash, body in written.items():
            _write_cbor(self.root / "filter" / f"{new_hash}.pf_filter", body)
        _write_cbor(self.root / f"pagefind.{meta_hash}.pf_meta", meta)
        self.entry["languages"][index.language]["hash"] = meta_hash
        index.meta_hash = meta_hash


def _order_key(text: str) -> bytes:
    """Rust orders strings by their UTF-8 bytes; so does this key."""
    return text.encode("utf-8")


def pagefind_hash(data: bytes) -> str:
    """SHA-1 as Pagefind prints it: each byte in hex without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _short_hash(language: str, body: bytes, length: int, *, taken: dict[str, bytes]) -> str:
    """Pagefind's file name for a body; lengthened on a clash, as Pagefind does."""
    full = f"{language}_{pagefind_hash(body)}"
    size = len(language) + 1 + length
    while full[:size] in taken and size < len(full):
        size += 1
    return full[:size]


def _read_cbor(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name}: нет подписи {SIGNATURE.decode()}")
    value, end = decode(data, len(SIGNATURE))
    if end != len(data):
        raise BundleFormatError(f"{path.name}: лишние байты после данных")
    return value


def _write_cbor(path: Path, body: bytes) -> None:
    # mtime=0: the gzip header carries no time.
    path.write_bytes(gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0))


_UINT, _TEXT, _ARRAY = 0, 3, 4


def decode(data: bytes, offset: int = 0) -> tuple[Any, int]:
    """One CBOR item at `offset`: unsigned integer, text or definite array; its end offset."""
    if offset >= len(data):
        raise BundleFormatError("данные оборваны")
    major, info = data[offset] >> 5, data[offset] & 0x1F
    offset += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        if offset + size > len(data):
            raise BundleFormatError("данные оборваны")
        argument = int.from_bytes(data[offset:offset + size], "big")
        offset += size
    else:
        raise BundleFormatError(f"неподдерживаемая длина CBOR ({info})")
    if major == _UINT:
        return argument, offset
    if major == _TEXT:
        if offset + argument > len(data):
            raise BundleFormatError("данные оборваны")
        return data[offset:offset + argument].decode("utf-8"), offset + argument
    if major == _ARRAY:
        items = []
        for _ in range(argument):
            item, offset = decode(data, offset)
            items.append(item)
        return items, offset
    raise BundleFormatError(f"неподдерживаемый тип CBOR ({major})")


def encode(value: Any) -> bytes:
    """The shortest CBOR form of `value`, as minicbor (Pagefind's encoder) writes it."""
    if isinstance(value, bool) or not isinstance(value, int | str | list):
        raise BundleFormatError(f"неподдерживаемое значение {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise BundleFormatError(f"неподдерживаемое значение {value!r}")
        return _head(_UINT, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(_TEXT, len(raw)) + raw
    return _head(_ARRAY, len(value)) + b"".join(encode(item) for item in value)


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise BundleFormatError(f"слишком большое число {argument}")
