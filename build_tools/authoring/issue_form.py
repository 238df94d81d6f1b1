"""`kb issue practice`: the answers of the issue form «Предложить практику» turned into a draft
practice file, field for field (the form's ids are the practice's front-matter fields)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content.content_types import PRACTICE
from ..content.schools import Schools
from ..content.slugs import slugify
from ..content.statuses import Status

FORM = Path(".github") / "ISSUE_TEMPLATE" / "practice.yml"
NO_RESPONSE = "_No response_"
"""What GitHub writes under the heading of a question left empty."""
FORM_ONLY = ("body", "consent")
"""Answers that are not front-matter: the practice's text and the author's confirmation."""
DASHES = re.compile(r"\s+[—–-]\s+")


class IssueFormError(Exception):
    """The issue cannot be turned into a file; the message is for the editor, in Russian."""


@dataclass
class Draft:
    """The practice file the issue becomes, and what the editor must finish by hand."""

    slug: str
    front_matter: dict[str, Any]
    body: str
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        head = yaml.safe_dump(self.front_matter, allow_unicode=True, sort_keys=False,
                              width=100)
        return f"---\n{head}---\n\n{self.body.strip()}\n"


def read_form(project_root: Path) -> dict[str, Any]:
    """The issue form of the project (or of the checkout the kb tools run from)."""
    for root in (project_root, Path(__file__).resolve().parents[2]):
        if (root / FORM).is_file():
            try:
                form = yaml.safe_load((root / FORM).read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError) as error:
                raise IssueFormError(f"не удалось прочитать форму {FORM.as_posix()}: {error}") \
                    from error
            return form if isinstance(form, dict) else {}
    raise IssueFormError(f"не найдена форма заявки {FORM.as_posix()}: по ней читаются ответы.")


def answers(body: str, form: dict[str, Any]) -> dict[str, str]:
    """Field id → answer, read from the issue's Markdown («### Вопрос» then the answer)."""
    ids = {item["attributes"]["label"]: item["id"] for item in form.get("body", [])
           if "id" in item}
    found: dict[str, str] = {}
    for block in re.split(r"^### ", body.replace("\r\n", "\n"), flags=re.MULTILINE)[1:]:
        label, _, answer = block.partition("\n")
        answer = answer.strip()
        if label.strip() in ids and answer and answer != NO_RESPONSE:
            found[ids[label.strip()]] = answer
    return found


def draft(body: str, form: dict[str, Any], schools: Schools, today: dt.date,
          number: int | None = None) -> Draft:
    given = answers(body, form)
    kinds = {item["id"]: item for item in form.get("body", []) if "id" in item}
    front: dict[str, Any] = {}
    notes: list[str] = []
    for name in PRACTICE.record.fields:
        if name in given:
            value = _value(name, given[name], kinds[name], schools, notes)
            if value not in (None, [], ""):
                front[name] = value
    front["status"] = Status.DRAFT.value
    front["date"] = today.isoformat()
    title = str(front.get("title") or "")
    slug = slugify(title) or (f"praktika-iz-zayavki-{number}" if number else "")
    if not slug:
        raise IssueFormError("в заявке нет названия практики, из которого можно составить имя "
                             "файла: впишите его в заявку или создайте файл командой kb new.")
    text = given.get("body", "")
    if number:
        text += f"\n\n<!-- Из заявки №{number}. -->"
    return Draft(slug, _ordered(front), text, notes)


def _value(name: str, answer: str, item: dict[str, Any], schools: Schools,
           notes: list[str]) -> Any:
    if name == "school":
        return _school(answer, schools)
    if name == "authors":
        return [_author(line) for line in _lines(answer)]
    if name == "results":
        return [_result(line, notes) for line in _lines(answer)]
    if name == "adoptions":
        return [_adoption(line, schools) for line in _lines(answer)]
    if name == "since":
        return int(answer) if answer.strip().isdigit() else answer
    if name == "attachments":
        notes.append("Приложения из заявки нужно скачать, положить рядом с практикой и "
                     "вписать в поле attachments: " + "; ".join(_lines(answer)))
        return None
    if item.get("attributes", {}).get("multiple"):
        return [part.strip() for part in answer.split(",") if part.strip()]
    return answer


def _lines(answer: str) -> list[str]:
    return [line.strip().lstrip("-*• ").strip() for line in answer.splitlines() if line.strip()]


def _school(answer: str, schools: Schools) -> str:
    """«Школа «Луч» (luga-luch)» → luga-luch; a name written by hand is matched too."""
    match = re.search(r"\(([a-z0-9-]+)\)\s*$", answer)
    if match:
        return match.group(1)
    wanted = answer.strip().lower()
    for school in schools:
        if wanted in (school.id, school.name.lower(), school.short_name.lower()):
            return school.id
    return answer.strip()  # kb validate names it, with the schools it could be


def _author(line: str) -> dict[str, str]:
    name, _, role = DASHES.sub("\0", line, count=1).partition("\0")
    author = {"name": name.strip()}
    if role.strip():
        author["role"] = role.strip()
    return author


def _number(text: str) -> Any:
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return text.strip()
    return int(number) if number.is_integer() else number


def _result(line: str, notes: list[str]) -> dict[str, Any]:
    """«Доля родителей на встречах, %, 23, 64, 2022–2025» → a result row, read from the right:
    the indicator's own name may hold a comma, and «27,5» (no space) is one number."""
    parts = [p.strip() for p in re.split(r",\s+|;\s*", line)]
    row: dict[str, Any] = {}
    if parts and not isinstance(_number(parts[-1]), int | float):
        row["period"] = parts.pop()
    numbers = [_number(p) for p in parts[-2:]]
    if len(parts) < 3 or not all(isinstance(n, int | float) for n in numbers):
        notes.append(f"Результат «{line}» записан как показатель без чисел: допишите before "
                     "и after.")
        return {"indicator": line}
    row["after"], row["before"] = numbers[1], numbers[0]
    parts = parts[:-2]
    if len(parts) > 1:
        row["unit"] = parts.pop()
    row["indicator"] = ", ".join(parts)
    keys = ("indicator", "unit", "before", "after", "period")
    return {k: row[k] for k in keys if k in row}


def _adoption(line: str, schools: Schools) -> dict[str, Any]:
    """«Школа «Маяк», 2024, что изменили» → school, year, adapted."""
    parts = [p.strip() for p in line.split(",", 2)]
    adoption: dict[str, Any] = {"school": _school(parts[0], schools)}
    if len(parts) > 1:
        adoption["year"] = int(parts[1]) if parts[1].isdigit() else parts[1]
    if len(parts) > 2 and parts[2]:
        adoption["adapted"] = parts[2]
    return adoption


def _ordered(front: dict[str, Any]) -> dict[str, Any]:
    """The fields in the order of the declaration, as `kb new` writes them."""
    return {name: front[name] for name in PRACTICE.record.fields if name in front}


def write(draft_: Draft, content_root: Path) -> Path:
    """content/practices/<slug>.md; an existing file is never overwritten."""
    path = content_root / PRACTICE.folder / f"{draft_.slug}.md"
    if path.exists():
        raise IssueFormError(f"файл {PRACTICE.folder}/{path.name} уже есть: практика с таким "
                             "названием уже в банке. Переименуйте практику в заявке.")
    path.write_text(draft_.text(), encoding="utf-8")
    return path
