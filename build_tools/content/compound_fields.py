"""Fields made of fields: lists and records (an author, a plan row, a whole front-matter)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics.problems import FieldPath, Problem
from .fields import CheckContext, Checked, Field, Vocabulary, describe, suggest
from .scalar_fields import Text


@dataclass(frozen=True)
class ListOf(Field):
    item: Field = field(default_factory=lambda: Text(""))
    min_items: int = 0
    unique: bool = True

    kind_label = "список"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if isinstance(value, str) and not isinstance(self.item, Record):
            value = [value]  # a single term without brackets is a common, harmless shortcut
        if not isinstance(value, list):
            return None, self.wrong_type(value)
        if len(value) < self.min_items:
            return None, [Problem(
                "TooFewItems", f"в списке должно быть хотя бы {self.min_items} знач.",
            )]
        clean: list[Any] = []
        problems: list[Problem] = []
        seen: set[str] = set()
        for index, item in enumerate(value):
            checked, item_problems = self.item.check(item, ctx)
            problems.extend(p.under(index) for p in item_problems)
            if checked is None:
                continue
            key = repr(checked)
            if self.unique and key in seen:
                problems.append(Problem(
                    "DuplicateItem", f"значение {describe(checked)} повторяется в списке.",
                ).under(index))
                continue
            seen.add(key)
            clean.append(checked)
        return clean, problems

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.schema(vocabularies)}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique and not isinstance(self.item, Record):
            out["uniqueItems"] = True
        return out

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        if isinstance(self.item, Record):
            return "Список; у каждого элемента поля ниже."
        least = f", не меньше {self.min_items}" if self.min_items > 1 else ""
        inner = self.item.rule(vocabularies)
        return f"Список в квадратных скобках через запятую{least}. {inner}".strip()


@dataclass(frozen=True)
class Record(Field):
    """A set of named fields: an author, a plan row, a whole front-matter."""

    fields: Mapping[str, Field] = field(default_factory=dict)
    renamed: Mapping[str, str] = field(default_factory=dict)
    """Fields the model no longer has → what to write instead, for old files."""

    kind_label = "набор полей «поле: значение»"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, dict):
            return None, self.wrong_type(value)
        clean: dict[str, Any] = {}
        problems: list[Problem] = []
        for key in value:
            if key in self.renamed:
                problems.append(Problem("RenamedField", self.renamed[key], field=(key,)))
            elif key not in self.fields:
                problems.append(Problem(
                    "UnknownField",
                    f"неизвестное поле «{key}». Допустимые поля: {', '.join(self.fields)}.",
                    field=(key,),
                    hint=suggest(key, list(self.fields)),
                ))
        for name, spec in self.fields.items():
            raw = value.get(name)
            if raw is None or raw == [] or (isinstance(raw, str) and not raw.strip()):
                if spec.required:
                    problems.append(Problem(
                        "MissingField",
                        f"не заполнено обязательное поле «{name}» ({spec.doc.rstrip('.')}).",
                        field=(name,),
                    ))
                clean[name] = [] if isinstance(spec, ListOf) else None
                continue
            checked, field_problems = spec.check(raw, ctx)
            problems.extend(p.under(name) for p in field_problems)
            clean[name] = checked
        return clean, problems

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        properties = {}
        for name, spec in self.fields.items():
            prop = spec.schema(vocabularies)
            prop["description"] = spec.doc
            if spec.example is not None:
                prop["examples"] = [spec.example]
            properties[name] = prop
        return {
            "type": "object",
            "properties": properties,
            "required": [name for name, spec in self.fields.items() if spec.required],
            "additionalProperties": False,
        }

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return f"Набор полей «поле: значение»: {', '.join(self.fields)}."

    def walk(self, prefix: FieldPath = ()) -> list[tuple[FieldPath, Field]]:
        """Every field, nested ones included, for documentation."""
        out: list[tuple[FieldPath, Field]] = []
        for name, spec in self.fields.items():
            out.append(((*prefix, name), spec))
            inner = spec.item if isinstance(spec, ListOf) else spec
            if isinstance(inner, Record):
                out.extend(inner.walk((*prefix, name)))
        return out
