"""New entries from the content-type declarations: every field, documented in YAML comments.

The template is generated from `content_types.py` and the vocabularies in content/_data/, so
it lists exactly the fields, required flags and allowed values that the validator checks.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..content.compound_fields import ListOf, Record
from ..content.content_types import (
    CONTENT_TYPES,
    DIGEST,
    ContentType,
    Status,
    issue_month,
    issue_month_advice,
)
from ..content.fields import Field, Vocabulary
from ..content.months import YearMonth
from ..content.slugs import slugify
from ..content.sources import split_front_matter
from . import course_scaffold

WIDTH = 96
"""Comment lines are wrapped to stay readable in any editor."""

BODIES = {
    "practice": (
        ("Проблема", "С какой трудностью столкнулась школа и почему её важно было решить."),
        ("Суть практики", "Что именно делает школа — в двух-трёх абзацах."),
        ("Как это устроено", "Кто участвует, как часто, какие ресурсы нужны."),
        ("Этапы внедрения", "Нумерованный список шагов: с чего начать и что дальше."),
        ("Результаты", "Что изменилось; цифры до и после впишите также в поле results."),
        ("Риски и ограничения", "Что может помешать и как с этим справиться."),
        ("Как перенести в свою школу", "Советы коллегам, которые захотят повторить практику."),
    ),
    "recommendation": (
        ("Для кого эти рекомендации", "Кому и в какой ситуации они помогут."),
        ("Почему это важно", "Коротко о проблеме и о том, на чём основаны рекомендации."),
        ("Рекомендации", "Сами рекомендации: по разделам или нумерованным списком."),
        ("Ожидаемые эффекты", "Что изменится, если следовать рекомендациям."),
    ),
    "digest": (
        ("", "Вступительное слово к выпуску: один-два абзаца о главном за месяц."),
    ),
    "innovation": (
        ("Основная идея", "В чём замысел проекта и почему он должен сработать."),
        ("Что уже сделано", "Коротко о ходе проекта; результаты этапов впишите в stages."),
        ("Перспективы", "Как проект может развиваться и где пригодится его опыт."),
    ),
}
"""Suggested sections of the text below the fields; the prompts are HTML comments, which the
site never shows."""
BODIES.update(course_scaffold.BODIES)


class ScaffoldError(Exception):
    """A new entry cannot be created; the message is for the editor, in Russian."""


@dataclass(frozen=True)
class Scaffold:
    content_type: ContentType
    slug: str
    text: str

    @property
    def relative_path(self) -> str:
        return f"{self.content_type.folder}/{self.slug}.md"


def content_type_named(name: str) -> ContentType:
    for content_type in CONTENT_TYPES:
        if content_type.name == name:
            return content_type
    names = ", ".join(t.name for t in CONTENT_TYPES)
    raise ScaffoldError(f"неизвестный вид материала «{name}». Допустимо: {names}.")


def new_entry(content_type: ContentType, argument: str, content_root: Path,
              vocabularies: Mapping[str, Vocabulary], today: dt.date) -> Path:
    """Write a new entry file and return its path; never overwrites an existing file."""
    made = scaffold(content_type, argument, content_root, vocabularies, today)
    path = content_root / made.relative_path
    if path.exists():
        raise ScaffoldError(
            f"файл {path.name} уже есть в папке {content_type.folder}/: он не перезаписан. "
            "Откройте его или выберите другое название."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": refuse to overwrite
        out.write(made.text)
    return path


def scaffold(content_type: ContentType, argument: str, content_root: Path,
             vocabularies: Mapping[str, Vocabulary], today: dt.date) -> Scaffold:
    """The file for a new entry: the title (or the month of a digest) and today filled in."""
    values: dict[str, Any]
    if content_type is DIGEST:
        year, month = _month(argument, today)
        slug = YearMonth(year, month).slug
        values = {"year": year, "month": month, "issue": _next_issue(content_root, slug)}
    elif content_type.name == "conference":
        edition = course_scaffold.edition_year(argument, today)
        if edition is None:
            raise ScaffoldError(course_scaffold.edition_advice(argument))
        slug, values = str(edition), course_scaffold.edition_values(edition)
    else:
        title = " ".join(argument.split())
        if not title:
            raise ScaffoldError("укажите название в кавычках, например: "
                                f"kb new {content_type.name} \"Наставничество молодых педагогов\".")
        slug = slugify(title)
        if not slug:
            raise ScaffoldError(f"из названия «{title}» не получилось имя файла: добавьте "
                                "в название слова из букв.")
        values = {"title": title, "date": today.isoformat()}
    values["status"] = Status.DRAFT.value
    return Scaffold(content_type, slug, render(content_type, values, vocabularies))


def render(content_type: ContentType, values: Mapping[str, Any],
           vocabularies: Mapping[str, Vocabulary]) -> str:
    """The whole Markdown file: commented front-matter, then suggested sections."""
    lines = ["---"]
    lines += _comment(
        f"{content_type.record.doc} Поля с пометкой «Обязательно» нужно заполнить, остальные "
        "можно оставить пустыми или удалить. Строки с # — подсказки, сайт их не показывает. "
        "Проверка: kb validate; предпросмотр: kb serve. "
        "Когда материал готов к рецензии, поставьте статус «на рассмотрении».", 0)
    for name, spec in content_type.record.fields.items():
        lines.append("")
        lines += _field(name, spec, values.get(name), vocabularies, 0)
    lines.append("---")
    for heading, prompt in BODIES[content_type.name]:
        lines.append("")
        if heading:
            lines += [f"## {heading}", ""]
        lines.append(f"<!-- {prompt} -->")
    return "\n".join(lines) + "\n"


def _field(name: str, spec: Field, value: Any, vocabularies: Mapping[str, Vocabulary],
           indent: int, *, item: bool = False) -> list[str]:
    """Comment lines, then `name: value` (or `- name:` as the first key of a list item)."""
    pad = " " * indent
    key = f"{pad}- {name}:" if item else f"{pad}{name}:"
    inner_indent = indent + 2
    lines = _comment(describe_field(spec, vocabularies), indent)
    if value is not None:
        return [*lines, f"{key} {_scalar(value)}"]
    if isinstance(spec, ListOf) and isinstance(spec.item, Record):
        skeleton = _record_item(spec.item, vocabularies, inner_indent)
        if spec.required:
            return [*lines, key, *skeleton]
        hint = _comment("Чтобы заполнить, замените [] строками такого вида:", indent)
        return [*lines, f"{key} []", *hint, *(f"{pad}# {line[indent:]}" for line in skeleton
                                               if not line.lstrip().startswith("#"))]
    if isinstance(spec, ListOf):
        return [*lines, f"{key} []"]
    if isinstance(spec, Record) and spec.required:  # a conference's dates: fill them in
        return [*lines, key, *(line for name, nested in spec.fields.items()
                               for line in _field(name, nested, None, vocabularies,
                                                  inner_indent))]
    if isinstance(spec, Record) and not spec.required:
        # Review, decision, passport: left empty in a draft, their fields shown as hints.
        hint = _comment("Чтобы заполнить, уберите # в начале строк с полями ниже:", indent)
        inner = [line for name, nested in spec.fields.items()
                 for line in _field(name, nested, None, vocabularies, inner_indent)]
        return [*lines, key, *hint, *(line if line.lstrip().startswith("#")
                                      else f"{pad}# {line[indent:]}" for line in inner)]
    return [*lines, key]


def _record_item(record: Record, vocabularies: Mapping[str, Vocabulary],
                 indent: int) -> list[str]:
    """One list item with every field of the record, the first key behind the dash."""
    lines: list[str] = []
    for index, (name, spec) in enumerate(record.fields.items()):
        lines += _field(name, spec, None, vocabularies, indent if index == 0 else indent + 2,
                        item=index == 0)
    return lines


def describe_field(spec: Field, vocabularies: Mapping[str, Vocabulary]) -> str:
    """The field's documentation as an editor needs it: doc, required flag, what to write."""
    parts = [spec.doc.rstrip(".") + "." if spec.doc else "",
             "Обязательно." if spec.required else "Необязательно."]
    parts.append(spec.rule(vocabularies))
    if spec.example is not None:
        parts.append(f"Пример: {spec.example_text()}.")
    return " ".join(p for p in parts if p)


def _comment(text: str, indent: int) -> list[str]:
    pad = " " * indent + "# "
    return textwrap.wrap(text, width=WIDTH, initial_indent=pad, subsequent_indent=pad,
                         break_on_hyphens=False)


def _scalar(value: Any) -> str:
    if isinstance(value, int | float) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return str(value)
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style=None)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _month(argument: str, today: dt.date) -> tuple[int, int]:
    text = argument.strip()
    if not text:
        return today.year, today.month
    parsed = issue_month(text)
    if parsed is None:
        raise ScaffoldError(issue_month_advice(text))
    return parsed


def _next_issue(content_root: Path, slug: str) -> int:
    """One more than the highest issue number among the other digests (1 for the first)."""
    highest = 0
    for path in (content_root / DIGEST.folder).glob("*.md"):
        if path.stem == slug or path.name == "index.md":
            continue
        try:
            source, _ = split_front_matter(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        data = source.document.data if source else None
        issue = data.get("issue") if isinstance(data, dict) else None
        if isinstance(issue, str) and issue.isdigit():
            highest = max(highest, int(issue))
    return highest + 1
