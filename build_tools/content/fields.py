"""Field types of front-matter and registries: each checks a value and describes itself.

A field's `check` returns the clean value and problems located relative to the field; the
loader, which knows the file and positions, places them. Every field carries a Russian `doc`
that feeds the JSON Schema (VS Code shows it while typing) and the editors' guide.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from ..diagnostics.problems import FieldPath, Problem
from .characters import describe_char, has_visible
from .content_paths import resolve_in_content
from .yaml_source import Plain

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

    def wrong_type(self, value: Any, hint: str = "") -> list[Problem]:
        message = f"ожидается {self.kind_label}, а здесь {describe(value)}."
        return [Problem("WrongType", f"{message} {hint}".strip())]


@dataclass(frozen=True)
class Text(Field):
    min_length: int = 1
    max_length: int = 0
    pattern: str = ""
    pattern_hint: str = ""

    kind_label = "текст"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, str):
            return None, self.wrong_type(value)
        text = value.strip()
        if len(text) < self.min_length:
            return None, [Problem("EmptyValue", "значение пустое: заполните поле.")]
        if not has_visible(text):
            return None, [_invisible(text)]
        if self.max_length and len(text) > self.max_length:
            return None, [Problem(
                "TooLong",
                f"текст длиннее {self.max_length} знаков (сейчас {len(text)}): сократите его.",
            )]
        if self.pattern and not re.fullmatch(self.pattern, text):
            return None, [Problem("BadFormat", f"значение «{text}» {self.pattern_hint}")]
        return text, []

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": self.min_length}
        if self.max_length:
            out["maxLength"] = self.max_length
        if self.pattern:
            out["pattern"] = f"^{self.pattern}$"
        return out


def _invisible(text: str) -> Problem:
    found = sorted({char for char in text if not char.isspace()})
    named = ", ".join(describe_char(char) for char in found[:3]) or "только пробелы"
    return Problem(
        "InvisibleText",
        f"в значении нет ни одного видимого знака, только невидимые: {named}. На сайте "
        "вместо него было бы пустое место.",
        hint="Удалите значение целиком и наберите его заново.",
    )


@dataclass(frozen=True)
class Url(Text):
    kind_label = "адрес ссылки"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        text, problems = super().check(value, ctx)
        if problems:
            return None, problems
        if not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", text):
            return None, [Problem(
                "BadUrl",
                f"«{text}» не похоже на адрес в интернете: ссылка должна начинаться с https://.",
            )]
        return text, []

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


@dataclass(frozen=True)
class Integer(Field):
    minimum: int | None = None
    maximum: int | None = None

    kind_label = "целое число"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if isinstance(value, Plain) and value.too_long():
            return None, [_too_many_digits(value, self.minimum, self.maximum)]
        number = value.as_int() if isinstance(value, Plain) else None
        if number is None:
            quoted = isinstance(value, str) and value.strip().isdigit()
            return None, self.wrong_type(value, "Уберите кавычки." if quoted else "")
        return _within(number, self.minimum, self.maximum)

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return _bounded({"type": "integer"}, self.minimum, self.maximum)


@dataclass(frozen=True)
class Number(Field):
    minimum: float | None = None
    maximum: float | None = None

    kind_label = "число"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if isinstance(value, Plain) and value.too_long():
            return None, [_too_many_digits(value, self.minimum, self.maximum)]
        number = value.as_number() if isinstance(value, Plain) else None
        if number is not None and not math.isfinite(number):
            return None, [Problem(
                "OutOfRange",
                f"число {value} так велико, что его нельзя ни сравнить, ни показать"
                f"{_bounds(self.minimum, self.maximum)}.",
            )]
        if number is None:
            comma = isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip())
            hint = "Дробную часть отделяйте точкой: 12.5, а не 12,5." if comma else ""
            return None, self.wrong_type(value, hint)
        return _within(int(number) if number.is_integer() else number, self.minimum, self.maximum)

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return _bounded({"type": "number"}, self.minimum, self.maximum)


def _within(number: float, minimum: float | None, maximum: float | None) -> Checked:
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        low = "" if minimum is None else f" от {minimum}"
        high = "" if maximum is None else f" до {maximum}"
        return None, [Problem("OutOfRange", f"число {number} вне допустимых границ:{low}{high}.")]
    return number, []


def _bounds(minimum: float | None, maximum: float | None) -> str:
    """«: допустимо от 0 до 100» for a message, or nothing when the field sets no bounds."""
    if minimum is None and maximum is None:
        return ""
    low = "" if minimum is None else f" от {minimum}"
    high = "" if maximum is None else f" до {maximum}"
    return f"; допустимо{low}{high}"


def _too_many_digits(value: str, minimum: float | None, maximum: float | None) -> Problem:
    digits = sum(ch.isdigit() for ch in value)
    return Problem(
        "OutOfRange",
        f"число из {digits} цифр ({value[:12]}…) не может быть значением этого поля"
        f"{_bounds(minimum, maximum)}.",
    )


def _bounded(schema: dict[str, Any], minimum: float | None, maximum: float | None) -> dict:
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "да", "нет"}
_YAML11_HINT = ("Слова yes/no/on/off и да/нет в разных версиях YAML читаются по-разному, "
                "поэтому пишите только true или false.")


@dataclass(frozen=True)
class Boolean(Field):
    kind_label = "true (да) или false (нет)"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        flag = value.as_bool() if isinstance(value, Plain) else None
        if flag is None:
            ambiguous = isinstance(value, str) and normalize(value) in _YAML11_BOOLEANS
            return None, self.wrong_type(value, _YAML11_HINT if ambiguous else "")
        return flag, []

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "boolean"}


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Date(Field):
    kind_label = "дата в виде ГГГГ-ММ-ДД"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
        if not match:
            return None, self.wrong_type(value)
        try:
            return dt.date(*(int(part) for part in match.groups())), []
        except ValueError:
            return None, [Problem(
                "ImpossibleDate",
                f"даты {value.strip()} не существует: проверьте месяц (01–12) и число дня.",
            )]

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


@dataclass(frozen=True)
class Choice(Field):
    """One of a fixed set of values that the code relies on (statuses, levels of evidence)."""

    options: tuple[str, ...] = ()
    label: str = "значение"

    kind_label = "одно из допустимых значений"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        return _pick(value, self.options, self.label, self.wrong_type)

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.options)}


@dataclass(frozen=True)
class Term(Field):
    """A term of a vocabulary kept in a data file (topics, levels, districts, …)."""

    vocabulary: str = ""

    kind_label = "значение из словаря"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        vocabulary = ctx.vocabulary(self.vocabulary)
        if not isinstance(value, str):
            return None, self.wrong_type(value)
        if not vocabulary.available:
            return None, [unavailable(vocabulary.label)]
        found = vocabulary.find(value)
        if found is not None:
            return found, []
        if vocabulary.is_broken(value):
            return None, [broken_row(vocabulary.label, value)]
        return None, [_unknown(value, vocabulary.names(), vocabulary.label)]

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        vocabulary = vocabularies.get(self.vocabulary)
        return {"type": "string", "enum": vocabulary.names()} if vocabulary else {"type": "string"}


def _pick(
    value: Any, options: Sequence[str], label: str, wrong_type: Callable[[Any], list[Problem]]
) -> Checked:
    if not isinstance(value, str):
        return None, wrong_type(value)
    for option in options:
        if normalize(option) == normalize(value):
            return option, []
    return None, [_unknown(value, options, label)]


def unavailable(label: str) -> Problem:
    """A value that cannot be checked because its vocabulary did not load.

    The same message for every such value of one vocabulary: the loader keeps the first and
    counts the others, so a broken data file is not echoed by every entry."""
    return Problem(
        "VocabularyUnavailable",
        f"значение не проверено: словарь «{label}» не прочитан из-за ошибки в его файле в "
        "content/_data/ (она показана отдельно). Материалы с такими значениями не "
        "публикуются, пока словарь не исправлен.",
    )


def broken_row(label: str, value: str) -> Problem:
    """A value whose row is in the data file but has an error, reported there.

    The same message for every use of one value, so the loader keeps the first and counts
    the others (like `unavailable`)."""
    return Problem(
        "VocabularyUnavailable",
        f"значение «{value.strip()}» не проверено: его запись в справочнике «{label}» "
        "содержит ошибку (она показана отдельно в файле в content/_data/). Материалы с этим "
        "значением не публикуются, пока запись не исправлена.",
    )


def _unknown(value: str, options: Sequence[str], label: str) -> Problem:
    if not options:
        return Problem(
            "UnknownTerm",
            f"неизвестное значение «{value.strip()}» ({label}): в словаре пока нет ни одного "
            "значения. Добавьте его в файл словаря в content/_data/.",
        )
    shown = 20
    listed = ", ".join(options[:shown])
    if len(options) > shown:
        listed += f" и ещё {len(options) - shown}"
    return Problem(
        "UnknownTerm",
        f"неизвестное значение «{value.strip()}» ({label}). Допустимые значения: {listed}.",
        hint=suggest(value, options),
    )


@dataclass(frozen=True)
class Reference(Field):
    """The id of another thing: an entry (checked once all files are read) or a registry row."""

    target: str = ""
    """Content type or registry whose ids are valid here, e.g. "practice" or "schools"."""

    kind_label = "идентификатор латиницей"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, str) or not value.strip():
            return None, self.wrong_type(value)
        return value.strip(), []

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        vocabulary = vocabularies.get(self.target)
        if vocabulary:
            return {"type": "string", "enum": vocabulary.names()}
        return {"type": "string", "pattern": SLUG_PATTERN}


SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def slug_id(doc: str) -> Text:
    """A required Latin identifier: registry ids are written in URLs and in other files."""
    return Text(doc, required=True, pattern=SLUG_PATTERN[1:-1],
                pattern_hint="должно состоять из строчных латинских букв, цифр и дефисов.")


@dataclass(frozen=True)
class FilePath(Field):
    """A file beside the content, given relative to the Markdown file; it must stay in content/."""

    extensions: tuple[str, ...] = ()

    kind_label = "путь к файлу"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, str) or not value.strip():
            return None, self.wrong_type(value)
        text = value.strip()
        relative = PurePosixPath(text)
        target, outside = resolve_in_content(text, ctx.file_path.parent, ctx.content_root)
        if target is None:
            return None, [outside] if outside else []
        root = ctx.content_root.resolve()
        if self.extensions and relative.suffix.lower() not in self.extensions:
            return None, [Problem(
                "BadFileType",
                f"файл «{text}» имеет недопустимый тип. Разрешены: {', '.join(self.extensions)}.",
            )]
        if not target.is_file():
            return None, [Problem(
                "MissingFile",
                f"файл «{text}» не найден рядом с материалом. Проверьте имя файла и папку.",
            )]
        return target.relative_to(root).as_posix(), []

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}


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


@dataclass(frozen=True)
class Record(Field):
    """A set of named fields: an author, a plan row, a whole front-matter."""

    fields: Mapping[str, Field] = field(default_factory=dict)

    kind_label = "набор полей «поле: значение»"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if not isinstance(value, dict):
            return None, self.wrong_type(value)
        clean: dict[str, Any] = {}
        problems: list[Problem] = []
        for key in value:
            if key not in self.fields:
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

    def walk(self, prefix: FieldPath = ()) -> list[tuple[FieldPath, Field]]:
        """Every field, nested ones included, for documentation."""
        out: list[tuple[FieldPath, Field]] = []
        for name, spec in self.fields.items():
            out.append(((*prefix, name), spec))
            inner = spec.item if isinstance(spec, ListOf) else spec
            if isinstance(inner, Record):
                out.extend(inner.walk((*prefix, name)))
        return out
