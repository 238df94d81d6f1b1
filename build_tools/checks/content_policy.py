"""What may live under content/: the one default-deny declaration of the content tree."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..content.compound_fields import ListOf, Record

# The attachment types are declared with the entry types that use them; the tree policy reads
# them from there, so the content model needs nothing from the checks.
from ..content.content_types import ATTACHMENT_TYPES, CONTENT_TYPES, DOCUMENT_TYPES
from ..content.registries import DATA_DIR, VOCABULARIES
from ..content.scalar_fields import FilePath
from ..content.site_registries import AGREEMENTS_DIR
from ..content.site_registries import FILES as SITE_REGISTRY_FILES
from ..diagnostics.problems import Problem
from ..monitoring import MONITORING_DIR, TABLE_SUFFIXES
from .content_tree import TreeFile, walk_tree

if TYPE_CHECKING:
    from ..content.library import Entry

ENTRY_SUFFIX = ".md"
"""Entries are Markdown files with exactly this extension, in lower case."""
SPREADSHEET_LOOKALIKES = (".xls", ".xlsm", ".xlsb", ".ods", ".fods", ".numbers")
"""Spreadsheets whose cells are not checked for formulas: saved again as .xlsx or CSV."""
MARKDOWN_LOOKALIKES = (".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext")
ACTIVE_TYPES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".js", ".mjs", ".cjs",
                ".css", ".xml", ".xsl", ".xslt", ".json", ".wasm", ".swf", ".php")
"""Types a browser opens as a page, a script or a style sheet: named in the message."""
SNIPPETS_DIR = "_snippets"
"""The only folder an include extension (pymdownx.snippets) may read from; never published."""
REGISTRY_FILES = frozenset({*(f"{v.name}.yml" for v in VOCABULARIES), "schools.yml",
                            "synonyms.yml", "indicators.yml", "criteria.yml",
                            "experts.yml", "services.yml", "normative_documents.yml",
                            *SITE_REGISTRY_FILES})
RESERVED_TOP = frozenset({
    # written by the build (pages.py, syndication, open data, monitoring, search, guide)
    "index.md", "search.md", "schools", "topics", "events", "feeds", "data", "schemas",
    "search", "guide", "bank", "about", "timeline", *(v.url for v in VOCABULARIES if v.url),
    "sites", "networks",  # pages/site_pages.py
    "admin",  # the web editor (pages/cms_admin.py)
    "more",  # «Другие разделы» (pages/sections_page.py)
    # written by the theme, MkDocs and Pagefind
    "assets", "pagefind", "404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt",
    "favicon.ico", "index.html", "search.html",
})
"""Top-level names the site writes itself; tests/checks/test_content_policy.py checks the sample
site has no top-level name outside these and the content folders."""


def typed_folders() -> tuple[str, ...]:
    return tuple(t.folder for t in CONTENT_TYPES)


def in_input_folder(src_uri: str) -> bool:
    """True for a path inside a folder of content/ the site's own files never use: entries'
    folders, registries, monitoring tables, agreements, snippets."""
    top = src_uri.split("/", 1)[0]
    return "/" in src_uri and top in (*typed_folders(), DATA_DIR, MONITORING_DIR,
                                      AGREEMENTS_DIR, SNIPPETS_DIR)


@dataclass
class TreePlan:
    """content/ sorted by kind; every file that is none of them is a problem."""

    entries: dict[str, list[Path]] = field(default_factory=dict)
    """Entry files per content folder, in a stable order."""
    attachments: list[TreeFile] = field(default_factory=list)
    """Files of an allowed kind beside entries: published only when an entry refers to them."""
    problems: list[Problem] = field(default_factory=list)


def plan_tree(content_root: Path, display_root: Path) -> TreePlan:
    folders = typed_folders()
    plan = TreePlan(entries={f: [] for f in folders})
    files, plan.problems = walk_tree(content_root, display_root)
    for file in files:
        kind, problem = classify(file.relative, folders)
        if problem is not None:
            plan.problems.append(problem.located(file.shown, 1, 1))
        elif kind == "entry":
            plan.entries[file.relative.parts[0]].append(file.path)
        elif kind == "attachment":
            plan.attachments.append(file)
    return plan


def classify(relative: PurePosixPath, folders: tuple[str, ...]) -> tuple[str, Problem | None]:
    """The kind of one file under content/ ("entry", "attachment", "input") or its problem."""
    parts, name = relative.parts, relative.name
    top = parts[0]
    if len(parts) == 1 and name in RESERVED_TOP or len(parts) > 1 and top in RESERVED_TOP:
        return "", _reserved(relative)
    if top in folders and len(parts) > 1:
        return _in_entry_folder(relative)
    if top == AGREEMENTS_DIR and len(parts) == 2:  # agreements networks.yml names
        if relative.suffix in DOCUMENT_TYPES:
            return "attachment", None
        return "", _wrong_type(relative, DOCUMENT_TYPES)
    if top == DATA_DIR and len(parts) == 2 and name in REGISTRY_FILES:
        return "input", None
    if top == DATA_DIR:
        return "", Problem(
            "UnknownRegistry",
            f"в папке {DATA_DIR}/ читаются только справочники ({', '.join(sorted(REGISTRY_FILES))})"
            f", а «{relative.as_posix()}» сборка не прочитает и не проверит.",
            hint="Удалите файл или перенесите его данные в один из этих справочников.",
        )
    if top == MONITORING_DIR and len(parts) > 1:
        if relative.suffix in TABLE_SUFFIXES:
            return "input", None
        return "", _wrong_type(relative, TABLE_SUFFIXES,
                               "Таблицу мониторинга сохраните в CSV или XLSX; другие "
                               "документы положите рядом с материалом, который о них говорит.")
    if top == SNIPPETS_DIR and len(parts) > 1 and relative.suffix in (".md", ".txt"):
        return "input", None
    return "", _outside(relative, folders)


def _in_entry_folder(relative: PurePosixPath) -> tuple[str, Problem | None]:
    name, suffix = relative.name, relative.suffix
    underscored = [p for p in relative.parts[1:-1] if p.startswith("_")]
    if underscored:
        return "", Problem(
            "NotInSection",
            f"папку «{underscored[0]}» внутри {relative.parts[0]}/ сборка не читает: "
            f"файл «{relative.as_posix()}» не проверяется и не публикуется.",
            hint="Переименуйте папку без «_» в начале (например, attachments) или удалите файл.",
        )
    if name == "index.md":
        return "", _reserved(relative)
    if suffix == ENTRY_SUFFIX:
        return "entry", None
    lowered = suffix.lower()
    if lowered == ENTRY_SUFFIX or lowered in MARKDOWN_LOOKALIKES:
        return "", Problem(
            "WrongExtension",
            f"у файла «{name}» расширение «{suffix}», а материалы читаются только из файлов "
            "с расширением .md (строчными буквами): этот файл не проверяется.",
            hint=f"Переименуйте файл в {relative.stem}.md.",
        )
    if suffix in ATTACHMENT_TYPES:
        return "attachment", None
    if lowered in ATTACHMENT_TYPES:
        return "", Problem(
            "WrongExtension",
            f"у файла «{name}» расширение «{suffix}» записано заглавными буквами: адрес "
            "файла на сайте зависит от регистра, и ссылка на него легко сломается.",
            hint=f"Переименуйте файл в {relative.stem}{lowered}.",
        )
    return "", _wrong_type(relative, ATTACHMENT_TYPES)


def _wrong_type(relative: PurePosixPath, allowed: Iterable[str], hint: str = "") -> Problem:
    suffix = relative.suffix.lower()
    if suffix in ACTIVE_TYPES:
        why = (f"файл «{relative.name}» браузер открывает как страницу, скрипт или оформление "
               "сайта: код в нём выполнился бы от имени сайта банка.")
    elif not suffix:
        why = f"у файла «{relative.name}» нет расширения, поэтому его тип неизвестен."
    elif suffix in SPREADSHEET_LOOKALIKES:
        why = f"файлы с расширением «{relative.suffix}» здесь не принимаются."
        hint = hint or ("Сохраните таблицу как «Книга Excel (.xlsx)» или CSV: только в этих "
                        "форматах сборка проверяет ячейки на формулы.")
    else:
        why = f"файлы с расширением «{relative.suffix}» здесь не принимаются."
    return Problem(
        "ForbiddenFileType",
        f"{why} Допустимы: {', '.join(allowed)}.",
        hint=hint or "Сохраните документ в PDF, а схему или рисунок — в PNG или JPG и "
                     "поправьте ссылку на файл.",
    )


def _reserved(relative: PurePosixPath) -> Problem:
    if relative.name == "index.md" and relative.parts[0] not in RESERVED_TOP:
        return Problem(
            "ReservedPath",
            f"страницу раздела «{relative.as_posix()}» сборка создаёт сама: этот файл не был бы "
            "ни проверен, ни показан.",
            hint="Удалите файл; текст страниц разделов задан в шаблонах сайта "
                 "(build_tools/templates/).",
        )
    return Problem(
        "ReservedPath",
        f"по адресу «{relative.as_posix()}» сайт публикует свой собственный файл (оформление, "
        "поиск, ленты, данные или служебные страницы), и файл из content/ подменил бы его.",
        hint="Удалите файл. Материалы кладите в practices/, recommendations/ или digests/.",
    )


def _outside(relative: PurePosixPath, folders: tuple[str, ...]) -> Problem:
    where = ", ".join(f"{f}/" for f in (*folders, DATA_DIR)) + f" и {MONITORING_DIR}/"
    if relative.suffix.lower() in (ENTRY_SUFFIX, *MARKDOWN_LOOKALIKES):
        what = f"страница «{relative.as_posix()}»"
        hint = ("Материал перенесите в папку его раздела и заполните поля (kb new создаст "
                "шаблон); новость школы дайте в дайджесте.")
    else:
        what = f"файл «{relative.as_posix()}»"
        hint = ("Приложение положите рядом с материалом, который на него ссылается; лишний "
                "файл удалите.")
    return Problem(
        "NotInSection",
        f"{what} лежит вне разделов {where}: сборка такие файлы не проверяет и не публикует.",
        hint=hint,
    )


_entry_files: dict[tuple[str, str, str], frozenset[str]] = {}
"""Per entry (its `source_key`, path and the content root): the real paths it refers to.
`kb serve` asks on every save, and only the saved file's answer changes."""


def referenced_files(entries: Iterable[Entry], content_root: Path) -> set[str]:
    """Real paths of the files the entries name in a file field or link to from the body.

    Paths as strings: thousands of entries with dozens of links each make pathlib's objects
    the larger part of a rebuild under `kb serve`.
    """
    root = str(content_root.resolve())
    found: set[str] = set()
    folders: dict[Path, str] = {}
    seen = 0
    for entry in entries:
        key = (entry.source_key, str(entry.path), root)
        files = _entry_files.get(key) if entry.source_key else None
        if files is None:
            files = frozenset(_files_of(entry, root, folders))
            if entry.source_key:
                _entry_files[key] = files
        found |= files
        seen += 1
    if len(_entry_files) > 2 * seen + 100:  # edited files' old answers, after many saves
        _entry_files.clear()
    inside = root.rstrip(os.sep) + os.sep
    return {p for p in found if p.startswith(inside)}


def _files_of(entry: Entry, root: str, folders: dict[Path, str]) -> Iterator[str]:
    for value in _file_values(entry.type.record, entry.data):
        yield os.path.normpath(os.path.join(root, value))
    folder = folders.get(entry.path.parent)
    if folder is None:
        folder = folders[entry.path.parent] = str(entry.path.parent.resolve())
    for element in entry.outline.elements if entry.outline is not None else ():
        for attribute in ("href", "src"):
            target = _local_target(element.attrs.get(attribute, ""), folder)
            if target is not None:
                yield target


def unreferenced(plan: TreePlan, entries: Iterable[Entry], content_root: Path,
                 skip: Iterable[str] = (), also: Iterable[str] = ()) -> list[Problem]:
    """Attachments no entry refers to: nobody reviewed why they are there.

    `skip`: content folders where an entry could not be read, so its references are unknown;
    `also`: files registries name (networks' agreements), relative to content/.
    """
    skipped = set(skip)
    referenced = referenced_files(entries, content_root) | _registry_files(also, content_root)
    return [Problem(
        "UnreferencedFile",
        f"на файл «{file.relative.name}» не ссылается ни один материал: непонятно, зачем он "
        "здесь, и никто не проверял его содержимое, поэтому сайт его не публикует.",
        hint="Добавьте его в поле attachments материала или сошлитесь на него в тексте; "
             "лишний файл удалите.",
    ).located(file.shown, 1, 1) for file in plan.attachments
        if str(file.real) not in referenced and file.relative.parts[0] not in skipped]


def published_attachments(plan: TreePlan, entries: Iterable[Entry],
                          content_root: Path, also: Iterable[str] = ()) -> set[str]:
    """`src_uri`s of the attachments the given (published) entries, or registries (`also`,
    paths relative to content/), refer to."""
    referenced = referenced_files(entries, content_root) | _registry_files(also, content_root)
    return {f.relative.as_posix() for f in plan.attachments if str(f.real) in referenced}


def _registry_files(paths: Iterable[str], content_root: Path) -> set[str]:
    root = str(content_root.resolve())
    return {os.path.normpath(os.path.join(root, path)) for path in paths}


def _file_values(spec: Record, value: dict[str, Any]) -> Iterator[str]:
    paths = _FILE_FIELDS.get(id(spec))
    if paths is None:  # the content types' records live as long as the program
        paths = _FILE_FIELDS[id(spec)] = _file_fields(spec)
    for path in paths:
        yield from _values_at(value, path)


_FILE_FIELDS: dict[int, tuple[tuple[str | None, ...], ...]] = {}


def _file_fields(spec: Any) -> tuple[tuple[str | None, ...], ...]:
    """Where a record has file fields: ("attachments", None, "file"), None for list items."""
    if isinstance(spec, FilePath):
        return ((),)
    if isinstance(spec, Record):
        return tuple((key, *path) for key, child in spec.fields.items()
                     for path in _file_fields(child))
    if isinstance(spec, ListOf):
        return tuple((None, *path) for path in _file_fields(spec.item))
    return ()


def _values_at(value: Any, path: tuple[str | None, ...]) -> Iterator[str]:
    if not path:
        if isinstance(value, str):
            yield value
    elif path[0] is None:
        for item in value if isinstance(value, list) else ():
            yield from _values_at(item, path[1:])
    elif isinstance(value, dict):
        yield from _values_at(value.get(path[0]), path[1:])


def _local_target(url: str, base: str) -> str | None:
    text = url.strip()
    if not text or text.startswith(("#", "/")) or urlsplit(text).scheme:
        return None
    path = unquote(urlsplit(text).path)
    if not path:
        return None
    # `base` is resolved and symlinked folders are refused, so the lexical path is the real
    # one unless it names a symlinked file: one lstat instead of resolving every part.
    target = os.path.normpath(os.path.join(base, path))
    try:
        return str(Path(target).resolve()) if os.path.islink(target) else target
    except (OSError, RuntimeError):  # a symlink loop: reported by the tree walk
        return None
