"""Scalar field types: text, addresses, numbers, flags, dates and files beside the content."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from ..diagnostics.problems import Problem
from .characters import describe_char, has_visible
from .content_paths import resolve_in_content
from .fields import SLUG_PATTERN, CheckContext, Checked, Field, Vocabulary, normalize
from .suggestions import date_hint
from .yaml_source import Plain


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
        problems = self.refine(text)
        return (None, problems) if problems else (text, [])

    def refine(self, text: str) -> list[Problem]:
        """What a kind of text adds to the checks above (an address, a contact)."""
        return []

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": self.min_length}
        if self.max_length:
            out["maxLength"] = self.max_length
        if self.pattern:
            out["pattern"] = f"^{self.pattern}$"
        return out

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return f"Текст до {self.max_length} знаков." if self.max_length else "Текст."


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

    def refine(self, text: str) -> list[Problem]:
        if re.fullmatch(r"https?://[^\s/]+\.[^\s]+", text):
            return []
        return [Problem(
            "BadUrl",
            f"«{text}» не похоже на адрес в интернете: ссылка должна начинаться с https://.",
        )]

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https?://"}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return "Адрес, начинающийся с https://."


@dataclass(frozen=True)
class Bounded(Field):
    """A number with optional bounds; Integer and Number differ only in what they read."""

    minimum: float | None = None
    maximum: float | None = None

    kind_label = "число"
    json_type = "number"
    rule_label = "Число (дробная часть через точку)"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        if isinstance(value, Plain) and value.too_long():
            return None, [_too_many_digits(value, self.minimum, self.maximum)]
        number, problems = self.read(value)
        if number is None:
            return None, problems
        if (self.minimum is not None and number < self.minimum) or (
                self.maximum is not None and number > self.maximum):
            return None, [Problem(
                "OutOfRange",
                f"число {number} вне допустимых границ:{_range(self.minimum, self.maximum)}.",
            )]
        return number, []

    def read(self, value: Any) -> tuple[float | None, list[Problem]]:
        raise NotImplementedError

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": self.json_type}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return f"{self.rule_label}{_range(self.minimum, self.maximum)}."


@dataclass(frozen=True)
class Integer(Bounded):
    kind_label = "целое число"
    json_type = "integer"
    rule_label = "Целое число"

    def read(self, value: Any) -> tuple[float | None, list[Problem]]:
        number = value.as_int() if isinstance(value, Plain) else None
        if number is None:
            quoted = isinstance(value, str) and value.strip().isdigit()
            return None, self.wrong_type(value, "Уберите кавычки." if quoted else "")
        return number, []


@dataclass(frozen=True)
class Number(Bounded):
    def read(self, value: Any) -> tuple[float | None, list[Problem]]:
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
        return (int(number) if number.is_integer() else number), []


def _range(minimum: float | None, maximum: float | None) -> str:
    """« от 0 до 100», « от 1»: the bounds in words, or nothing."""
    low = "" if minimum is None else f" от {minimum}"
    high = "" if maximum is None else f" до {maximum}"
    return f"{low}{high}"


def _bounds(minimum: float | None, maximum: float | None) -> str:
    """«; допустимо от 0 до 100» for a message, or nothing when the field sets no bounds."""
    return f"; допустимо{_range(minimum, maximum)}" if _range(minimum, maximum) else ""


def _too_many_digits(value: str, minimum: float | None, maximum: float | None) -> Problem:
    digits = sum(ch.isdigit() for ch in value)
    return Problem(
        "OutOfRange",
        f"число из {digits} цифр ({value[:12]}…) не может быть значением этого поля"
        f"{_bounds(minimum, maximum)}.",
    )


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

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return "true (да) или false (нет)."


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Date(Field):
    kind_label = "дата в виде ГГГГ-ММ-ДД"

    def check(self, value: Any, ctx: CheckContext) -> Checked:
        match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
        if not match:  # «5.03.2026», «5 марта 2026» → «2026-03-05»
            hint = date_hint(value) if isinstance(value, str) else ""
            return None, [replace(p, hint=hint) for p in self.wrong_type(value)]
        try:
            return dt.date(*(int(part) for part in match.groups())), []
        except ValueError:
            return None, [Problem(
                "ImpossibleDate",
                f"даты {value.strip()} не существует: проверьте месяц (01–12) и число дня.",
            )]

    def schema(self, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        return "Дата в виде ГГГГ-ММ-ДД."


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

    def rule(self, vocabularies: Mapping[str, Vocabulary]) -> str:
        allowed = ", ".join(self.extensions)
        return "Путь к файлу относительно этой страницы" + (f" ({allowed})." if allowed else ".")
