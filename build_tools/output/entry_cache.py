"""Per-file check results kept in .kb-cache/ between builds and reused while their inputs hold.

One entry's checks depend on its own bytes and on: the code, mkdocs.yml, the registries in
_data/, the names of the files in content/ (links and images must lead to a file) and the
project's settings. The first is hashed per file; the others make one context hash, so a change
of any of them re-checks every file, and an edit of one file re-checks that file only.
Cross-file checks and listings are not stored: they are recomputed from the entries each time.

Pickle, with an unpickler that builds only the record classes listed below: the folder is
written by our own build, and even a file planted there (say, committed by mistake) cannot
make the unpickler call anything else. An unreadable, corrupt or foreign file is ignored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import io
import os
import pickle
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from ..content.body_outline import Element, Heading, Outline
from ..content.yaml_source import SourceMap
from ..diagnostics.problems import Problem, Severity

CACHE_FILE = "entries.pickle"
FORMAT = 2
"""Raised when the stored layout changes; the code version covers everything else."""

PACKAGE = Path(__file__).resolve().parents[1]
"""build_tools/: its Python files and templates make the code version."""
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pyyaml", "jinja2",
             "markupsafe", "nh3", "python-frontmatter", "pandas", "openpyxl")
"""What turns content into checks and pages besides our code: an upgrade of one of them may
change a converted body or a rendered page, so it makes a new code version too."""


@cache
def code_version() -> str:
    """A hash of the build_tools sources, templates and the versions of the libraries that
    convert and render: a new version re-checks every file and renders every page."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *(PACKAGE / "templates").rglob("*.html")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} missing".encode())
    return digest.hexdigest()


@dataclass
class Stored:
    """What checking one file found: the entry's fields (None when unreadable) and problems."""

    fields: tuple[Any, ...] | None
    problems: list[Problem]


_ALLOWED: dict[tuple[str, str], Any] = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (Stored, Problem, Severity, Outline, Element, Heading, SourceMap, dt.date,
                dt.datetime, set, frozenset)
}


Results = dict[str, tuple[str, Stored]]
"""File path -> (its key, what checking it found)."""


class _Memory:
    """The last run's results of each cache folder, kept by this process.

    `kb serve` checks again after every save: reading and unpickling the whole file each time
    would cost seconds at thousands of practices, so while writes are held a run starts from
    the last one's results in memory, and the file is written once, when the session ends
    (`hold_writes`, `flush`). Otherwise every run reads the file, which others may change.
    """

    def __init__(self) -> None:
        self.runs: dict[Path, Results] = {}
        self.unsaved: set[Path] = set()
        self.held = False
        self.digests: dict[str, tuple[tuple[int, int, int, int], str]] = {}
        """File path -> (its stat when read, the hash of its bytes), while writes are held."""


_MEMORY = _Memory()


def hold_writes() -> None:
    """Keep results in memory only until `flush`: for a long session of many runs."""
    _MEMORY.held = True


def flush() -> None:
    """Write what the held runs found; afterwards every run writes its results again."""
    _MEMORY.held = False
    for folder in sorted(_MEMORY.unsaved):
        _write(folder, _MEMORY.runs[folder])
    _MEMORY.unsaved.clear()
    _MEMORY.runs.clear()
    _MEMORY.digests.clear()


RACY_NS = 2_000_000_000
"""A file changed less than this before it was read may change again within the same
timestamp: its bytes are hashed again next time, whatever its stat says (git's rule)."""


def _bytes_digest(path: Path, max_bytes: int) -> str | None:
    """The hash of a file's bytes; None for a file too large to store or unreadable.

    While writes are held (`kb serve`), an unchanged stat (modification time, size, inode,
    change time) stands for unchanged bytes, so a save reads one file, not thousands."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if stat.st_size > max_bytes:  # refused unread: nothing worth storing
        return None
    signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)
    name = str(path)
    known = _MEMORY.digests.get(name) if _MEMORY.held else None
    if known is not None and known[0] == signature:
        return known[1]
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    if _MEMORY.held and time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > RACY_NS:
        _MEMORY.digests[name] = (signature, digest)
    return digest


class EntryCache:
    """The stored results of the last run, and those of this run, to be saved for the next."""

    def __init__(self, folder: Path | None, context: str) -> None:
        self.folder = folder
        self.context = context
        self.old: Results = {}
        if folder is not None:
            remembered = _MEMORY.runs.get(folder) if _MEMORY.held else None
            self.old = remembered if remembered is not None else self._read()
        self.new: Results = {}
        self.hits = 0
        self.misses = 0

    def key(self, path: Path, max_bytes: int) -> str | None:
        """The key of a file's current bytes, or None when it is not to be stored."""
        if self.folder is None:
            return None
        digest = _bytes_digest(path, max_bytes)
        if digest is None:
            return None
        return hashlib.sha256(f"{self.context}\0{digest}".encode()).hexdigest()

    def get(self, path: Path, key: str) -> Stored | None:
        found = self.old.get(str(path))
        if found is None or found[0] != key:
            self.misses += 1
            return None
        self.hits += 1
        self.new[str(path)] = found
        return found[1]

    def put(self, path: Path, key: str, stored: Stored) -> None:
        self.new[str(path)] = (key, stored)

    def save(self) -> None:
        """Write this run's results if they differ from the last; a failure only costs time."""
        if self.folder is None:
            return
        _MEMORY.runs[self.folder] = self.new
        if not self.misses and self.new.keys() == self.old.keys():
            return
        if _MEMORY.held:
            _MEMORY.unsaved.add(self.folder)
        else:
            _write(self.folder, self.new)

    def _read(self) -> Results:
        assert self.folder is not None
        try:
            raw = read_signed(self.folder, CACHE_FILE)
            if raw is None:
                return {}
            version, stored = restricted_loads(raw, _ALLOWED)
        except Exception:  # noqa: BLE001 - any unreadable cache is only a cold start
            return {}
        return stored if version == FORMAT and isinstance(stored, dict) else {}


def _write(folder: Path, results: Results) -> None:
    write_pickle(folder, CACHE_FILE, (FORMAT, results))


def write_pickle(folder: Path, name: str, value: Any) -> None:
    """`value` pickled into `folder/name`, signed (`read_signed`) and written atomically; a
    failure only costs the next run time."""
    write_signed(folder, name, lambda stream: pickle.dump(value, stream, pickle.HIGHEST_PROTOCOL))


def write_signed(folder: Path, name: str, write: Callable[[Any], object]) -> None:
    """`write(stream)` into `folder/name`, atomically, signed with the user's key as it passes
    (the content is never held whole in memory: the page store is most of the site)."""
    key = signing_key()
    if key is None:
        return
    target = folder / name
    temporary = folder / f".{name}.{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _ignore_folder(folder)
        with temporary.open("wb") as file:
            file.write(bytes(_MAC_BYTES))
            stream = _Signing(file, hmac.new(key, digestmod=hashlib.sha256))
            write(stream)
            file.seek(0)
            file.write(stream.mac.digest())
        temporary.replace(target)  # readers see the old file or the new one, never half
    except OSError:
        temporary.unlink(missing_ok=True)


class _Signing:
    """A write-only stream (all pickle needs) that feeds the signature with what it writes."""

    def __init__(self, file: BinaryIO, mac: hmac.HMAC) -> None:
        self.file = file
        self.mac = mac

    def write(self, data: Any) -> int:
        self.mac.update(data)
        return self.file.write(data)


def read_signed(folder: Path, name: str) -> bytes | None:
    """The content of `folder/name` if this machine's user wrote it (`open_signed`)."""
    file = open_signed(folder, name)
    if file is None:
        return None
    with file:
        return file.read()


def open_signed(folder: Path, name: str) -> BinaryIO | None:
    """`folder/name` open after its signature if this machine's user wrote it, else None.

    The cache folder sits in the project, and a pull request can commit files into it even
    though git ignores it. Such a file must never be trusted: it could claim that a file has
    no problems, or (the page store) carry a page's HTML. So every file is signed with a key
    kept outside the project, in the user's own cache folder; a file from anywhere else, or
    written with another key, fails the check and costs a cold start only. The whole file is
    checked before anything of it is read.
    """
    key = signing_key()
    if key is None:
        return None
    try:
        file = (folder / name).open("rb")
    except OSError:
        return None
    try:
        mac = file.read(_MAC_BYTES)
        check = hmac.new(key, digestmod=hashlib.sha256)
        for chunk in iter(lambda: file.read(1 << 20), b""):
            check.update(chunk)
        if len(mac) == _MAC_BYTES and hmac.compare_digest(mac, check.digest()):
            file.seek(_MAC_BYTES)
            return file
    except OSError:
        pass
    file.close()
    return None


_MAC_BYTES = 32
KEY_FILE = "kb-bank-cache-key"


@cache
def signing_key() -> bytes | None:
    """The user's key for cache files ($XDG_CACHE_HOME or ~/.cache), made on first use;
    None (no cache) where it can be neither read nor written."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = folder / KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) == _MAC_BYTES:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(_MAC_BYTES)
    temporary = folder / f".{KEY_FILE}.{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(key)
        try:
            os.link(temporary, path)  # the first of two builds starting at once wins
        except FileExistsError:
            if len(path.read_bytes()) != _MAC_BYTES:  # damaged: replaced
                os.replace(temporary, path)
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == _MAC_BYTES else None


def context_hash(config_file: Path | None, content_root: Path, settings: tuple[Any, ...]) -> str:
    """What every file's checks depend on besides its own bytes."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(repr((FORMAT, str(content_root), settings)).encode())
    if config_file is not None:
        digest.update(_bytes(config_file))
    data = content_root / "_data"
    for path in sorted(data.iterdir()) if data.is_dir() else []:
        digest.update(path.name.encode() + b"\0" + _bytes(path))
    for folder, dirs, names in os.walk(content_root):
        dirs.sort()
        relative = os.path.relpath(folder, content_root)
        digest.update("\0".join([relative, *dirs, *sorted(names)]).encode() + b"\n")
    return digest.hexdigest()


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes() if path.is_file() else b"-"
    except OSError:
        return b"?"


def _ignore_folder(folder: Path) -> None:
    """The folder ignores itself, so git leaves it out even where .gitignore does not say so."""
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("*\n", encoding="utf-8")


def restricted_loads(data: bytes, allowed: dict[tuple[str, str], Any]) -> Any:
    """Unpickle `data` building no class but those in `allowed` ((module, name) -> class):
    a planted file cannot make it call anything."""
    return restricted_unpickler(io.BytesIO(data), allowed).load()


def restricted_unpickler(file: BinaryIO, allowed: dict[tuple[str, str], Any]) -> pickle.Unpickler:
    """An unpickler of `file` (one `load()` per pickle in it) limited as `restricted_loads`."""
    return _Unpickler(file, allowed)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: BinaryIO, allowed: dict[tuple[str, str], Any]) -> None:
        super().__init__(file)
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        try:
            return self.allowed[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name}") from None
