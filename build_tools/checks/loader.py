"""Load content/: read every file, validate it against its type, place every problem."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..content.body_outline import Outline, outline_of
from ..content.characters import describe_char, effect_of, strip_forbidden
from ..content.content_types import CONTENT_TYPES, ContentType
from ..content.fields import SLUG_PATTERN
from ..content.library import Entry, Library
from ..content.registries import FileContext, Registry, load_registry
from ..content.slugs import slugify
from ..content.sources import MAX_FILE_BYTES, read_text, split_front_matter
from ..diagnostics.problems import Problem, Problems, Severity
from ..monitoring import MONITORING_DIR, load_monitoring
from ..output.build_date import build_date
from ..output.entry_cache import EntryCache, Stored, context_hash
from ..output.reproducible import build_time, is_reproducible
from .attachment_checks import check_attachments
from .body_limits import check_limits
from .checks import check_entries
from .config_policy import check_config
from .content_policy import TreePlan, plan_tree, published_attachments, unreferenced
from .course_checks import check_courses
from .html_policy import check_html
from .innovation_checks import check_normative_references
from .markdown_checks import check_body
from .practice_checks import check_practices
from .site_checks import check_sites
from .text_checks import check_text

_DIGEST_SLUG = r"\d{4}-\d{2}"


@dataclass(frozen=True)
class Project:
    """Where content lives and how paths are shown to editors."""

    content_root: Path
    display_root: Path
    max_file_bytes: int = MAX_FILE_BYTES
    """Larger content files are refused (the kb plugin's max_file_kb in mkdocs.yml)."""
    embed_hosts: tuple[str, ...] = ()
    """Hosts whose <iframe> players may be embedded (the kb plugin's embed_hosts); none."""
    config_file: Path | None = None
    """mkdocs.yml, checked for include mechanisms that could read outside content/."""
    cache_dir: Path | None = None
    """Where per-file results are kept between runs (.kb-cache/); None: nothing is kept."""

    def shown(self, path: Path) -> str:
        if not path.is_symlink():
            folder, name = os.path.split(str(path))
            prefix = _shown_folder(folder, self.display_root)
            if prefix is not None:
                return prefix + name
        real = path.resolve() if path.is_symlink() else _real_folder(path.parent) / path.name
        try:
            return real.relative_to(_real_folder(self.display_root)).as_posix()
        except ValueError:
            return path.as_posix()


@lru_cache(maxsize=256)
def _shown_folder(folder: str, display_root: Path) -> str | None:
    """How a folder's files are shown ("content/practices/"); None outside `display_root`.
    Thousands of entries share a few folders: each is worked out once per process."""
    try:
        relative = _real_folder(Path(folder)).relative_to(_real_folder(display_root))
    except ValueError:
        return None
    shown = relative.as_posix()
    return "" if shown == "." else shown + "/"


@lru_cache(maxsize=64)
def _real_folder(folder: Path) -> Path:
    """Thousands of entries share a few folders: each is resolved once per process."""
    return folder.resolve()


@dataclass(frozen=True)
class Checked:
    """Content loaded and checked once: what a build publishes and `kb validate` reports."""

    project: Project
    library: Library
    """Every entry that can be shown, drafts included."""
    problems: Problems
    rechecked: tuple[str, ...] = ()
    """Entry files checked anew; the others' results came from the cache."""
    reused: int = 0
    tree: TreePlan | None = None
    """content/ sorted by kind, walked once: the build copies attachments from it."""
    cache_context: str = ""
    """The cache's context hash (code, settings, mkdocs.yml, registries, file names); empty
    when the cache is off."""

    def world_key(self) -> str:
        """What every page may show besides its entries: the cache's context, the monitoring
        tables and the build's day (its very second under SOURCE_DATE_EPOCH, which feeds and
        downloads carry); empty when the cache is off. With the entries' `source_key`s it tells
        `kb serve` and the next `kb build` which pages stay. Computed when asked: it reads
        every table."""
        if not self.cache_context:
            return ""
        when = build_time().isoformat() if is_reproducible() else build_date().isoformat()
        digest = hashlib.sha256(f"{self.cache_context}\0{when}".encode())
        tables = self.project.content_root / MONITORING_DIR
        for path in sorted(tables.iterdir()) if tables.is_dir() else ():
            try:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
            except OSError:
                digest.update(b"?")
        return digest.hexdigest()

    def published_sources(self, library: Library) -> set[str]:
        """What the site copies from content/: the attachments `library`'s entries refer to."""
        if self.tree is None:
            return set()
        return published_attachments(self.tree, library.entries, self.project.content_root,
                                     also=library.registry.sites.agreement_files())

    def published(self) -> Library:
        """The library without drafts and withdrawn entries: what `kb build` publishes."""
        shown = [e for e in self.library.entries if e.status.is_public()]
        return Library(self.library.registry, shown, self.library.monitoring)


def load_library(
    project: Project, *, include_unpublished: bool = False
) -> tuple[Library, Problems]:
    """Read and check everything; entries with errors are left out, every problem is kept."""
    checked = check_content(project)
    library = checked.library if include_unpublished else checked.published()
    return library, checked.problems


def check_content(project: Project) -> Checked:
    """Read and check everything once, reusing the stored result of every unchanged file."""
    problems = Problems()
    registry, registry_problems = load_registry(project.content_root, project.display_root)
    problems.extend(registry_problems)
    if project.config_file is not None:
        problems.extend(check_config(project.config_file, project.content_root,
                                     project.display_root))
    plan = plan_tree(project.content_root, project.display_root)
    problems.extend(plan.problems)
    problems.extend(check_attachments(plan.attachments))
    cache = _cache(project)
    entries: list[Entry] = []
    practice_files: set[str] = set()
    unread: set[str] = set()
    rechecked: list[str] = []
    for content_type in CONTENT_TYPES:
        for path in plan.entries[content_type.folder]:
            if content_type.name == "practice":
                practice_files.add(path.stem)
            entry, file_problems, reused = _load_entry_cached(path, content_type, registry,
                                                              project, cache)
            if not reused:
                rechecked.append(project.shown(path))
            problems.extend(file_problems)
            if entry is not None:
                entries.append(entry)
            else:
                unread.add(content_type.folder)
    cache.save()
    # Cross-file checks see every file that could be read, so that two copies of one digest
    # are reported even when one of them also has its own errors.
    monitoring, monitoring_problems = load_monitoring(project.content_root,
                                                      project.display_root, registry)
    problems.extend(monitoring_problems)
    across = check_entries(entries, registry, practice_files)
    across += check_practices(entries, registry, monitoring)
    across += check_sites(entries, registry, practice_files)
    across += check_courses(entries, plan.entries)
    across += check_normative_references(entries, registry)
    problems.extend(across)
    # A file only a draft refers to is expected (the draft will use it), so all entries count;
    # beside an entry that could not be read, its own error comes first.
    problems.extend(unreferenced(plan, entries, project.content_root, skip=unread,
                                 also=registry.sites.agreement_files()))
    # An entry naming a school or practice that does not exist cannot be drawn: the preview
    # (kb serve), which goes on with errors, leaves it out rather than failing on it.
    broken = {p.path for p in across if p.severity.is_error()}
    publishable = [e for e in entries if e.valid and e.shown_path not in broken]
    if not registry.schools.available:  # a practice's page shows its school: none to show
        publishable = [e for e in publishable if e.type.name != "practice"]
    return Checked(project, Library(registry, publishable, monitoring),
                   _once_per_vocabulary(problems), tuple(rechecked), cache.hits, plan,
                   cache.context)



def _cache(project: Project) -> EntryCache:
    if project.cache_dir is None:
        return EntryCache(None, "")
    settings = (str(project.display_root.resolve()), project.max_file_bytes, project.embed_hosts)
    return EntryCache(project.cache_dir,
                      context_hash(project.config_file, project.content_root, settings))


def _load_entry_cached(
    path: Path, content_type: ContentType, registry: Registry, project: Project,
    cache: EntryCache,
) -> tuple[Entry | None, list[Problem], bool]:
    """`load_entry`, or its stored result when neither the file nor its context changed."""
    key = cache.key(path, project.max_file_bytes)
    stored = cache.get(path, key) if key is not None else None
    if stored is not None:
        if stored.fields is None:
            return None, stored.problems, True
        data, body, body_line, source_map, valid, outline = stored.fields
        return Entry(content_type, path.stem, path, project.shown(path), data, body, body_line,
                     source_map, valid, outline, source_key=key or ""), stored.problems, True
    entry, problems = load_entry(path, content_type, registry, project)
    if key is not None:
        if entry is not None:
            entry.source_key = key
        fields = None if entry is None else (entry.data, entry.body, entry.body_line,
                                             entry.source_map, entry.valid, entry.outline)
        cache.put(path, key, Stored(fields, problems))
    return entry, problems, False


def _once_per_vocabulary(problems: Problems) -> Problems:
    """The first value of each unreadable vocabulary is reported; the others are counted."""
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    kept = Problems()
    for problem in problems.sorted():
        if problem.code != "VocabularyUnavailable":
            kept.add(problem)
            continue
        counts[problem.message] = counts.get(problem.message, 0) + 1
        if problem.message not in first:
            first[problem.message] = len(kept)
            kept.add(problem)
    for message, index in first.items():
        others = counts[message] - 1
        if others:
            kept.items[index] = replace(kept.items[index], hint=f"Других значений этого "
                                        f"словаря, не проверенных по той же причине: {others}.")
    return kept


def load_entry(
    path: Path, content_type: ContentType, registry: Registry, project: Project
) -> tuple[Entry | None, list[Problem]]:
    shown = project.shown(path)
    text, problems = read_text(path, project.max_file_bytes)
    if text is None:
        return None, [p.located(shown, p.line or 1, p.column or 1) for p in problems]
    source, yaml_problems = split_front_matter(text)
    located = [p.located(shown, p.line or 1, p.column or 1) for p in yaml_problems]
    if source is None or not isinstance(source.document.data, dict):
        return None, located
    # Duplicate keys, aliases and tags are reported, and the remaining fields still checked.
    document = source.document
    body, removed = strip_forbidden(source.body)
    located += [_removed(char).located(shown, source.body_line + line - 1, column)
                for line, column, char in removed]
    ctx = FileContext(registry, path, project.content_root)
    data, found = content_type.record.check(document.data, ctx)
    # An alias or tag is reported once by the YAML reader, not again as an empty value.
    unreadable = {p.field for p in document.problems if p.field}
    found = [p for p in found if p.field not in unreadable]
    if data is not None:
        # A rule sees an invalid value as missing: one problem per field is enough.
        flagged = {p.field[:1] for p in found}
        found += [p for p in content_type.check_rules(data) if p.field[:1] not in flagged]
    slug = path.stem
    found += _check_file_name(slug, content_type)
    in_fields, in_body = check_text(document.data, body)
    found += in_fields
    located += [document.source_map.locate(problem, shown) for problem in found]
    too_complex = check_limits(body)
    in_body += too_complex
    outline = Outline() if too_complex else outline_of(body)  # converting it would hang
    in_body += [*check_body(outline, path, project.content_root, source.body_line),
                *check_html(outline, project.embed_hosts, content_type.name, slug)]
    located += [p.located(shown, source.body_line + line - 1, 1) for line, p in in_body]
    if data is None:
        return None, located
    entry = Entry(content_type, slug, path, shown, data, body, source.body_line,
                  document.source_map, valid=not any(p.severity.is_error() for p in located),
                  outline=outline)
    return entry, located


def _removed(char: str) -> Problem:
    return Problem(
        "CharacterRemoved",
        f"в строке есть невидимый знак {describe_char(char)}: он {effect_of(char)}. На сайт "
        "текст попадёт без него.",
        hint="Удалите знак в файле (VS Code обводит такие знаки рамкой), чтобы текст на сайте "
             "и в файле совпадал.",
        severity=Severity.WARNING,
    )


def _check_file_name(slug: str, content_type: ContentType) -> list[Problem]:
    pattern = _DIGEST_SLUG if content_type.name == "digest" else SLUG_PATTERN[1:-1]
    if re.fullmatch(pattern, slug):
        return []
    if content_type.name == "digest":
        advice = "назовите файл по году и месяцу выпуска, например 2026-03.md"
    else:
        advice = f"переименуйте файл, например в {slugify(slug) or 'praktika'}.md"
    return [Problem(
        "BadFileName",
        f"имя файла «{slug}.md» станет адресом страницы, поэтому в нём допустимы только "
        f"строчные латинские буквы, цифры и дефисы: {advice}.",
    )]
