"""Problems found in content and data: one frozen record, one printed form, one collector."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

FieldPath = tuple[str | int, ...]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    def is_error(self) -> bool:
        return self is Severity.ERROR


@dataclass(frozen=True)
class Problem:
    """One problem in one file: what, where, and how to fix it.

    Validators create problems without a file or line; the loader, which knows the file and
    the position of every YAML node, adds them with `located`.
    """

    code: str
    message: str
    field: FieldPath = ()
    path: str = ""
    line: int = 0
    column: int = 0
    severity: Severity = Severity.ERROR
    hint: str = ""

    def located(self, path: str, line: int, column: int) -> Problem:
        return replace(self, path=path, line=line, column=column)

    def under(self, *prefix: str | int) -> Problem:
        """The same problem for a field nested under `prefix`."""
        return replace(self, field=(*prefix, *self.field))

    @property
    def field_label(self) -> str:
        return format_field(self.field)

    @property
    def text(self) -> str:
        return f"{self.message} {self.hint}".strip()

    def render(self) -> str:
        where = self.path or "?"
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        label = f" {self.field_label}:" if self.field else ""
        kind = "" if self.severity.is_error() else " (предупреждение)"
        return f"{where}:{label}{kind} {self.text} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "field": self.field_label,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


def format_field(path: FieldPath) -> str:
    """`("authors", 1, "name")` → `authors[1].name`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class Problems:
    """Every problem of one run, in the order found; the run fails once, at the end."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity.is_error()]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.severity.is_error()]

    def has_errors(self) -> bool:
        return any(p.severity.is_error() for p in self.items)

    def fails(self, *, strict: bool = False) -> bool:
        return self.has_errors() or (strict and bool(self.items))

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.path, p.line, p.column, p.code))

    def codes(self) -> list[str]:
        return [p.code for p in self.sorted()]


def render_text(problems: Problems) -> str:
    lines = [p.render() for p in problems.sorted()]
    errors, warnings = len(problems.errors), len(problems.warnings)
    if lines:
        lines.append(f"Найдено ошибок: {errors}, предупреждений: {warnings}.")
    return "\n".join(lines)


def render_github(problems: Problems) -> str:
    """GitHub workflow commands: annotations on the offending lines of a pull request."""
    out = []
    for p in problems.sorted():
        kind = "error" if p.severity.is_error() else "warning"
        title = f"{p.code}: {p.field_label}" if p.field else p.code
        message = _escape_github_data(p.text)
        props = f"file={_escape_github_prop(p.path)}"
        if p.line:
            props += f",line={p.line},col={p.column or 1}"
        props += f",title={_escape_github_prop(title)}"
        out.append(f"::{kind} {props}::{message}")
    return "\n".join(out)


def render_json(problems: Problems) -> str:
    payload = {
        "errors": len(problems.errors),
        "warnings": len(problems.warnings),
        "problems": [p.as_dict() for p in problems.sorted()],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape_github_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_prop(value: str) -> str:
    return _escape_github_data(value).replace(":", "%3A").replace(",", "%2C")
