"""Strict reading of front-matter and YAML data files, keeping the line and column of every value.

PyYAML's SafeLoader implements YAML 1.1: `no` becomes false, `1.10` becomes 1.1, a later
duplicate key silently wins and `2024-13-01` raises a bare ValueError. We compose the node
graph ourselves and convert it with YAML 1.2 core rules: only true/false are booleans, and
plain scalars keep their source text (as `Plain`) so that each field decides what it accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import FieldPath, Problem

_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}"
                for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STANDARD_TAGS = _SCALAR_TAGS | {f"tag:yaml.org,2002:{name}"
                                 for name in ("seq", "map", "merge", "value")}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}


class Plain(str):
    """An unquoted scalar, kept as written: fields read numbers, dates and booleans from it."""

    def as_bool(self) -> bool | None:
        return {"true": True, "false": False}.get(self.lower())

    def as_int(self) -> int | None:
        return int(self) if _INT.fullmatch(self) else None

    def as_number(self) -> float | None:
        return float(self) if _FLOAT.fullmatch(self) else None


@dataclass
class SourceMap:
    """Where each value of a document stands: field path → (line, column), 1-based."""

    line_offset: int = 0
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def record(self, path: FieldPath, node: Node) -> None:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1 + self.line_offset, mark.column + 1)

    def position(self, path: FieldPath) -> tuple[int, int]:
        """The position of `path`, or of its nearest recorded parent (a missing key's mapping)."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1 + self.line_offset, 1))


@dataclass
class Document:
    """A parsed YAML document: plain Python values plus where they came from."""

    data: Any
    source_map: SourceMap
    problems: list[Problem]


class _StrictComposer(Composer):
    """Rejects aliases instead of expanding them: an alias bomb never gets built."""

    alias_problems: list[Problem]
    check_event: Any
    get_event: Any

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.get_event()
            self.alias_problems.append(
                Problem(
                    "YamlAlias",
                    "ссылки YAML (&якорь и *псевдоним) не поддерживаются: "
                    "повторите значение явно.",
                    line=event.start_mark.line + 1,
                    column=event.start_mark.column + 1,
                )
            )
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


class _StrictLoader(_StrictComposer, yaml.SafeLoader):
    pass


def read_yaml(text: str, *, line_offset: int = 0) -> Document:
    """Parse one YAML document; syntax errors become problems with a line and column."""
    source_map = SourceMap(line_offset=line_offset)
    loader = _StrictLoader(text)
    loader.alias_problems = []
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return Document(None, source_map, [_syntax_problem(error, line_offset)])
    finally:
        loader.dispose()
    problems = [p.located("", p.line + line_offset, p.column) for p in loader.alias_problems]
    if node is None:
        return Document(None, source_map, problems)
    converter = _Converter(source_map)
    data = converter.convert(node, ())
    return Document(data, source_map, problems + converter.problems)


class _Converter:
    def __init__(self, source_map: SourceMap) -> None:
        self.source_map = source_map
        self.problems: list[Problem] = []

    def convert(self, node: Node, path: FieldPath) -> Any:
        self.source_map.record(path, node)
        if node.tag not in _STANDARD_TAGS:
            self._problem(
                node,
                path,
                "YamlTag",
                f"тег YAML «{node.tag}» не поддерживается: удалите его и запишите значение как "
                "обычный текст, число или список.",
            )
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self._problem(
                    key_node, path, "YamlKeyNotText",
                    "ключ должен быть простым словом, а не списком или словарём.",
                )
                continue
            key = str(key_node.value)
            if key == "<<":
                self._problem(key_node, path, "YamlMergeKey",
                              "слияние словарей «<<» не поддерживается: перечислите поля явно.")
                continue
            if key in result:
                first_line, _ = self.source_map.position((*path, key))
                self._problem(
                    key_node,
                    (*path, key),
                    "DuplicateKey",
                    f"поле «{key}» указано дважды (первый раз в строке {first_line}). "
                    "Оставьте одно значение: иначе одно из них молча потерялось бы.",
                )
                continue
            result[key] = self.convert(value_node, (*path, key))
            # The key's own position is the clearer place to point at for most fields.
            self.source_map.record((*path, key), key_node)
            if isinstance(value_node, ScalarNode):
                self.source_map.record((*path, key), value_node)
        return result

    @staticmethod
    def _scalar(node: ScalarNode) -> Any:
        if node.style:  # quoted or block scalar: always text
            return node.value
        if node.value in _NULL:
            return None
        return Plain(node.value)

    def _problem(self, node: Node, path: FieldPath, code: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(code, message, field=path).located(
                "", mark.line + 1 + self.source_map.line_offset, mark.column + 1
            )
        )


_SYNTAX_HINTS = [
    ("found character '\\t'", "в YAML нельзя отступать табуляцией: замените её пробелами."),
    ("mapping values are not allowed here",
     "в значении встретилось двоеточие с пробелом: заключите значение в кавычки."),
    ("could not find expected ':'",
     "ожидалось «поле: значение»; проверьте двоеточие и отступы в этой строке."),
    ("found unexpected end of stream", "не закрыта кавычка: добавьте закрывающую кавычку."),
    ("found unknown escape character",
     "в тексте в двойных кавычках встретилась обратная косая черта: используйте одинарные "
     "кавычки."),
    ("expected <block end>, but found",
     "отступ этой строки не совпадает с соседними: выровняйте поля пробелами."),
    ("did not find expected key", "отступ этой строки не совпадает с соседними: выровняйте поля."),
    ("did not find expected '-' indicator",
     "элемент списка должен начинаться с «- » на том же отступе, что и соседние."),
    ("found undefined alias", "ссылки YAML (*псевдоним) не поддерживаются."),
    ("found character '@' that cannot start any token",
     "значение не может начинаться с «@»: заключите его в кавычки."),
    ("found character '`' that cannot start any token",
     "значение не может начинаться с «`»: заключите его в кавычки."),
    ("found character '%' that cannot start any token",
     "значение не может начинаться с «%»: заключите его в кавычки."),
]


def _syntax_problem(error: yaml.MarkedYAMLError, line_offset: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    if "end of stream" in str(error.problem) and error.context_mark is not None:
        mark = error.context_mark  # where the unclosed quote opened, not the end of the block
    line = (mark.line + 1 if mark else 1) + line_offset
    column = mark.column + 1 if mark else 1
    problem = str(error.problem or "")
    for needle, advice in _SYNTAX_HINTS:
        if needle in problem or needle in str(error):
            message = f"ошибка в разметке YAML: {advice}"
            break
    else:
        message = f"ошибка в разметке YAML ({problem}): проверьте отступы, двоеточия и кавычки."
    return Problem("YamlSyntax", message).located("", line, column)
