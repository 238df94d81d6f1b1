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
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics.problems import FieldPath, Problem
from .characters import describe_char, effect_of, first_forbidden, unreadable_by_yaml

_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}"
                for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STANDARD_TAGS = _SCALAR_TAGS | {f"tag:yaml.org,2002:{name}"
                                 for name in ("seq", "map", "merge", "value")}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
MAX_DEPTH = 20
"""Deeper nesting is refused before composing: no content needs it (a digest's event is six
levels deep), and a `[[[[…]]]]` ten thousand deep would exhaust the reader's recursion."""
MAX_DIGITS = 30
"""A number written with more digits is refused unread: Python will not even convert an
integer of 4,300 digits to text, and no field of the bank needs more than a few."""


class Plain(str):
    """An unquoted scalar, kept as written: fields read numbers, dates and booleans from it."""

    def as_bool(self) -> bool | None:
        return {"true": True, "false": False}.get(self.lower())

    def as_int(self) -> int | None:
        return int(self) if _INT.fullmatch(self) and not self.too_long() else None

    def as_number(self) -> float | None:
        return float(self) if _FLOAT.fullmatch(self) and not self.too_long() else None

    def too_long(self) -> bool:
        """More digits than any field accepts: the caller says so instead of reading it."""
        return sum(ch.isdigit() for ch in self) > MAX_DIGITS


@dataclass
class SourceMap:
    """Where each value of a document stands: field path → (line, column), 1-based."""

    line_offset: int = 0
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def record(self, path: FieldPath, node: Node) -> None:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1 + self.line_offset, mark.column + 1)

    def locate(self, problem: Problem, shown_path: str) -> Problem:
        """The problem placed in the file: at its field, or at the top for a whole-file one."""
        line, column = self.position(problem.field) if problem.field else (1, 1)
        return problem.located(shown_path, line, column)

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


# libyaml's C parser when the wheel has it: the pure-Python one costs ~9 ms per front-matter.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str, *, line_offset: int = 0) -> Document:
    """Parse one YAML document; syntax errors become problems with a line and column."""
    source_map = SourceMap(line_offset=line_offset)
    refused = _unreadable(text, line_offset) or _too_deep(text, line_offset)
    if refused:
        return Document(None, source_map, refused)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return Document(None, source_map, [_syntax_problem(error, text, line_offset)])
    finally:
        loader.dispose()
    if node is None:
        return Document(None, source_map, [])
    converter = _Converter(source_map)
    data = converter.convert(node, ())
    return Document(data, source_map, converter.problems)


_MAX_REPORTED_LINES = 10
"""A file full of NUL bytes is one problem per line for the first lines, then a summary."""


def _unreadable(text: str, line_offset: int) -> list[Problem]:
    """Characters the YAML reader refuses, each line located, instead of its exception."""
    found = unreadable_by_yaml(text)
    problems = [
        Problem("ForbiddenCharacter", _forbidden_message(char),
                hint=FORBIDDEN_HINT).located("", line + line_offset, column)
        for line, column, char in found[:_MAX_REPORTED_LINES]
    ]
    if len(found) > _MAX_REPORTED_LINES:
        line, column, _ = found[_MAX_REPORTED_LINES]
        problems.append(Problem(
            "ForbiddenCharacter",
            f"такие же знаки есть ещё в {len(found) - _MAX_REPORTED_LINES} строках ниже.",
            hint=FORBIDDEN_HINT,
        ).located("", line + line_offset, column))
    return problems


def _forbidden_message(char: str) -> str:
    return f"в тексте есть невидимый знак {describe_char(char)}: он {effect_of(char)}."


FORBIDDEN_HINT = ("Удалите его (VS Code обводит такие знаки рамкой) или запись вида \\e, "
                  "\\0, \\u202e в значении в двойных кавычках; если знак не найти, наберите "
                  "значение заново, а не копируйте.")


def _too_deep(text: str, line_offset: int) -> list[Problem]:
    """Nesting deeper than MAX_DEPTH, found by the (iterative) scanner before composing."""
    loader = _Loader(text)
    depth = 0
    try:
        for token in iter(loader.get_token, None):
            if isinstance(token, _OPENING):
                depth += 1
                if depth > MAX_DEPTH:
                    return [_deep(token.start_mark, line_offset)]
            elif isinstance(token, _CLOSING):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml stops at 1,000 levels of brackets itself (looking ahead, so before our
        # count), with an English message: ours is clearer, at the bracket that goes too deep.
        if "nesting depth" in str(error.problem) and error.problem_mark is not None:
            mark = error.problem_mark
            row = text.split("\n")[mark.line]
            return [_deep(mark, line_offset, _too_deep_column(row) or mark.column + 1)]
        return []  # a syntax error: composing reports it with its place
    finally:
        loader.dispose()
    return []


def _too_deep_column(row: str) -> int | None:
    """The 1-based column of the bracket that opens level MAX_DEPTH + 1 in a line of flow."""
    depth = 1  # the document's own mapping, as the scanner counts it
    for column, char in enumerate(row, start=1):
        depth += (char in "[{") - (char in "]}")
        if depth > MAX_DEPTH:
            return column
    return None


def _deep(mark: yaml.Mark, line_offset: int, column: int = 0) -> Problem:
    return Problem(
        "YamlTooDeep",
        f"списки и наборы полей вложены друг в друга глубже {MAX_DEPTH} уровней, а ни одному "
        "полю не нужно больше пяти. Проверьте, закрыта ли каждая скобка «[» и «{», и отступы.",
    ).located("", mark.line + 1 + line_offset, column or mark.column + 1)


_OPENING = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
            yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


class _Converter:
    def __init__(self, source_map: SourceMap) -> None:
        self.source_map = source_map
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._reported: set[int] = set()

    def convert(self, node: Node, path: FieldPath, used_at: Node | None = None) -> Any:
        # The composer shares one node between an anchor and its aliases; converting it again
        # would expand an alias bomb, so a second visit is reported instead.
        if id(node) in self._seen:
            if id(node) not in self._reported:  # once per anchor: a bomb reuses each many times
                self._reported.add(id(node))
                self._problem(used_at or node, path, "YamlAlias",
                              "ссылки YAML (&якорь и *псевдоним) не поддерживаются: "
                              "повторите значение явно.")
            return None
        self._seen.add(id(node))
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
        if first_forbidden(node.value):  # written raw, or as an escape such as "\x1b"
            self._forbidden(node, path, node.value)
            return None
        return self._scalar(node)

    def _forbidden(self, node: Node, path: FieldPath, text: str) -> None:
        char = first_forbidden(text) or ""
        self.problems.append(Problem(
            "ForbiddenCharacter", _forbidden_message(char), field=path, hint=FORBIDDEN_HINT,
        ).located("", node.start_mark.line + 1 + self.source_map.line_offset,
                  node.start_mark.column + 1))

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
            if first_forbidden(key):
                self._forbidden(key_node, path, key)
                continue
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
            result[key] = self.convert(value_node, (*path, key), used_at=key_node)
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
    ("found a tab character", "в YAML нельзя отступать табуляцией: замените её пробелами."),
    ("mapping values are not allowed",
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
    ("did not find expected ',' or ']'",
     "список в квадратных скобках не закрыт: добавьте «]» в конце или запятые между значениями."),
    ("did not find expected ',' or '}'",
     "набор в фигурных скобках не закрыт: добавьте «}» в конце или запятые между полями."),
    ("found character '@' that cannot start any token",
     "значение не может начинаться с «@»: заключите его в кавычки."),
    ("found character '`' that cannot start any token",
     "значение не может начинаться с «`»: заключите его в кавычки."),
    ("found character '%' that cannot start any token",
     "значение не может начинаться с «%»: заключите его в кавычки."),
]


# Problems whose own mark is where the parser gave up (end of block, next line); the context
# mark is where the editor's mistake starts: the opening quote or bracket, the key without «:».
_REPORT_AT_CONTEXT = ("end of stream", "could not find expected ':'", "did not find expected ','")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, line_offset: int) -> Problem:
    problem = str(error.problem or "")
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and any(n in problem for n in _REPORT_AT_CONTEXT):
        mark = error.context_mark
    line = (mark.line + 1 if mark else 1) + line_offset
    column = mark.column + 1 if mark else 1
    if "cannot start any token" in problem and mark is not None:
        lines = text.split("\n")
        row = lines[mark.line] if mark.line < len(lines) else ""
        char = row[mark.column] if mark.column < len(row) else ""
        problem = f"found character {char!r} that cannot start any token"
    for needle, advice in _SYNTAX_HINTS:
        if needle in problem:
            message = f"ошибка в разметке YAML: {advice}"
            break
    else:
        message = f"ошибка в разметке YAML ({problem}): проверьте отступы, двоеточия и кавычки."
    return Problem("YamlSyntax", message).located("", line, column)
