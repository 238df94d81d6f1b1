"""mkdocs.yml may not open the checkout: include mechanisms are refused unless confined."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics.problems import Problem
from .content_policy import SNIPPETS_DIR

SNIPPETS = "pymdownx.snippets"
INCLUDE_EXTENSIONS = frozenset({"markdown_include.include", "markdown_include", "mdx_include",
                                "pymdownx.include"})
"""Markdown extensions that read any file named in a page; no setting confines them."""
INCLUDE_PLUGINS = frozenset({"include-markdown", "macros", "markdown-exec", "exec",
                             "gen-files", "simple-hooks"})
"""MkDocs plugins that read files or run code named in pages or the configuration."""


def check_config(config_file: Path, content_root: Path, display_root: Path) -> list[Problem]:
    """Problems of mkdocs.yml's extensions and plugins, placed on their lines."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # MkDocs reports an unreadable configuration itself
    if not isinstance(root, yaml.MappingNode):
        return []
    try:
        shown = config_file.resolve().relative_to(display_root.resolve()).as_posix()
    except ValueError:
        shown = config_file.as_posix()
    snippets_dir = (content_root / SNIPPETS_DIR).resolve()
    problems = []
    for name, settings, node in _named_items(root, "markdown_extensions"):
        problem: Problem | None = None
        if name == SNIPPETS:
            problem = _snippets_problem(settings, config_file.parent, snippets_dir)
        elif name in INCLUDE_EXTENSIONS:
            problem = _refused(f"расширение {name}")
        if problem is not None:
            problems.append(problem.located(shown, node.start_mark.line + 1,
                                            node.start_mark.column + 1))
    for name, _, node in _named_items(root, "plugins"):
        if name in INCLUDE_PLUGINS:
            problems.append(_refused(f"плагин {name}").located(
                shown, node.start_mark.line + 1, node.start_mark.column + 1))
    return problems


def _named_items(root: yaml.MappingNode, key: str) -> Iterator[tuple[str, Any, yaml.Node]]:
    """(name, settings, node) of each item of `markdown_extensions` or `plugins`, written as a
    list (`- name` or `- name: {…}`) or as a mapping (`name: {…}`)."""
    for key_node, value in root.value:
        if key_node.value != key:
            continue
        if isinstance(value, yaml.MappingNode):
            for name_node, settings in value.value:
                yield str(name_node.value), _plain(settings), name_node
        elif isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if isinstance(item, yaml.ScalarNode):
                    yield str(item.value), {}, item
                elif isinstance(item, yaml.MappingNode) and item.value:
                    name_node, settings = item.value[0]
                    yield str(name_node.value), _plain(settings), name_node


def _plain(node: yaml.Node) -> Any:
    """A node as plain data; tags (!!python/name, !ENV) read as their text, never run."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    return yaml.safe_load(node.value) if node.tag.startswith("tag:yaml.org") else node.value


def _snippets_problem(settings: Any, project: Path, allowed: Path) -> Problem | None:
    settings = settings if isinstance(settings, dict) else {}
    bases = settings.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else bases if isinstance(bases, list) else []
    outside = [str(b) for b in bases
               if not (project / str(b)).resolve().is_relative_to(allowed)] or (
        [] if bases else ["."])
    if outside:
        return _refused(f"расширение {SNIPPETS} с base_path «{', '.join(outside)}»")
    if settings.get("restrict_base_path", True) is not True:
        return _refused(f"расширение {SNIPPETS} с restrict_base_path: false")
    if settings.get("url_download", False) is not False:
        return _refused(f"расширение {SNIPPETS} с url_download: true")
    return None


def _refused(what: str) -> Problem:
    return Problem(
        "UnsafeInclude",
        f"{what} вставляет в страницы файлы, названные в тексте материала; так запрос на "
        "слияние мог бы опубликовать любой файл проекта (например, .git/config) или "
        "загрузить текст с другого сайта.",
        hint=f"Уберите его из mkdocs.yml. Вставки допустимы только через {SNIPPETS} с "
             f"base_path: [content/{SNIPPETS_DIR}], restrict_base_path: true и "
             "url_download: false.",
    )
