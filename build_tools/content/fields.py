"""What every field type shares: checking a value and describing itself, and near-miss advice.

A field's `check` returns the clean value and problems located relative to the field; the
loader, which knows the file and positions, places them. Every field carries a Russian `doc`
that feeds the JSON Schema (VS Code shows it while typing) and the editors' guide. The types
themselves: `scalar_fields.py`, `term_fields.py`, `compound_fields.py`.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..diagnostics.problems import Problem

Checked = tuple[Any, list[Problem]]


class Vocabulary(Protocol):
    @property
    def label(self) -> str: ...

    @property
    def available(self) -> bool:
        """False when the data file could not be read: its error is reported there, once."""
        ...

    def names(self) -> list[str]: ...

    def find(self, value: str) -> str | None: ...

    def is_broken(self, value: str) -> bool:
        """True for the id or name of a row that is in the data file but has an error."""
        ...


class CheckContext(Protocol):
    """What a field may need to know beyond its value."""

    def vocabulary(self, name: str) -> Vocabulary: ...

    @property
    def file_path(self) -> Path: ...

    @property
    def content_root(self) -> Path: ...


def normalize(value: str) -> str:
    """Case, ё/е and spacing do not make two vocabulary terms different."""
    return " ".join(value.replace("ё", "е").replace("Ё", "Е").lower().split())


def suggest(value: str, options: Sequence[str]) -> str:
    """A «did you mean» sentence for a near miss, or an empty string."""
    by_normal = {normalize(o): o for o in options}
    wanted = normalize(value)
    close = difflib.get_close_matches(wanted, list(by_normal), n=1, cutoff=0.6)
    if not close and len(wanted) >= 4:
        # «средняя» → «среднее общее»: a shared word stem, when only one option has it.
        stem = wanted[: max(4, len(wanted) * 2 // 3)]
        close = [o for o in by_normal if any(w.startswith(stem) for w in o.split())]
        close = close if len(close) == 1 else []
    return f"Возможно, вы имели в виду «{by_normal[close[0]]}»." if close else ""


def describe(value: Any) -> str:
    """How an editor would name what they wrote: never a Python type name."""
    if isinstance(value, list):
        return "список"
    if isinstance(value, dict):
        return "набор полей «поле: значение»"
    if value is None:
        return "пустое значение"
    text = str(value)
    return f"«{text[:_SHOWN]}…» ({len(text)} знаков)" if len(text) > _SHOWN else f"«{text}»"


_SHOWN = 200
"""Longer values are cut in messages: a report line should stay readable."""


@dataclass(frozen=True)
class Field:
    doc: str
    required: bool = False
    example: Any = None

    kind_label = "значение"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        raise NotImplementedError

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        raise NotImplementedError

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        """What values the field accepts, in one sentence, for the template and the guide."""
        return "Текст."

    def example_text(self) -> str:
        """The example as an editor writes it in the file (for the template and the guide):
        `true (да)`, not Python's `True`; lists in brackets, records in braces."""
        return written(self.example) if self.example is not None else ""

    def wrong_type(self, value: Any, hint: str = "") -> list[Problem]:
        message = f"ожидается {self.kind_label}, а здесь {describe(value)}."
        return [Problem("WrongType", f"{message} {hint}".strip())]


def written(value: Any) -> str:
    """A value in the YAML an editor writes, yes and no spelt out for readers."""
    if isinstance(value, bool):
        return "true (да)" if value else "false (нет)"
    if isinstance(value, list):
        return "[" + ", ".join(written(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {written(v)}" for k, v in value.items()) + "}"
    return str(value)


SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""What an id looks like: it is written in addresses and in other files."""
