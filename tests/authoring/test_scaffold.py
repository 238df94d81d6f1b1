"""`kb new`: a file with every declared field that validates once the required ones are filled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import frontmatter
import pytest

from build_tools.authoring.scaffold import describe_field
from build_tools.checks.loader import Project, load_library
from build_tools.content.compound_fields import ListOf, Record
from build_tools.content.content_types import (
    CONFERENCE,
    CONTENT_TYPES,
    DIGEST,
    PRACTICE,
    ContentType,
)
from build_tools.content.fields import Field
from build_tools.content.registries import Registry, load_registry
from build_tools.content.scalar_fields import Date, Integer, Number
from build_tools.content.term_fields import Choice, Reference, Term
from build_tools.engine.cli import main
from tests.helpers import KbRunner


def run_new(project: Path, *args: str) -> int:
    return main(["-f", str(project / "mkdocs.yml"), "new", *args])


def registry_of(project: Path) -> Registry:
    registry, problems = load_registry(project / "content", project)
    assert not problems
    return registry


def valid_value(spec: Field, registry: Registry) -> Any:
    """Some valid value for any declared field, derived from the declaration alone."""
    if isinstance(spec, ListOf):
        return [valid_value(spec.item, registry) for _ in range(max(spec.min_items, 1))]
    if isinstance(spec, Record):
        return {name: valid_value(s, registry) for name, s in spec.fields.items() if s.required}
    if isinstance(spec, Choice):
        return spec.options[0]
    if isinstance(spec, Term):
        return registry.vocabularies[spec.vocabulary].names()[0]
    if isinstance(spec, Reference):
        assert spec.target != "practice", "a required practice reference would need a practice"
        return registry.vocabulary(spec.target).names()[0]  # schools, normative documents
    if isinstance(spec, Date):
        return dt.date.today()
    if isinstance(spec, Integer | Number):
        return spec.minimum if spec.minimum is not None else 1
    return "Осмысленный текст для проверки шаблона"


def fill_required(path: Path, content_type: ContentType, registry: Registry) -> None:
    post = frontmatter.load(path)
    for name, spec in content_type.record.fields.items():
        empty = post.metadata.get(name) in (None, [], "")
        if spec.required and empty:
            post.metadata[name] = valid_value(spec, registry)
        elif spec.required and isinstance(spec, ListOf) and isinstance(spec.item, Record):
            post.metadata[name] = valid_value(spec, registry)  # the skeleton item is empty
        elif spec.required and isinstance(spec, Record):
            post.metadata[name] = valid_value(spec, registry)  # its fields are left empty
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")


def problems_in(project: Path, relative: str) -> list[str]:
    _, problems = load_library(Project(project / "content", project), include_unpublished=True)
    return [p.render() for p in problems if p.path == f"content/{relative}"]


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=lambda t: t.name)
def test_new_file_lists_every_field_and_validates_once_required_ones_are_filled(
    project: Path, content_type: ContentType, capsys: pytest.CaptureFixture[str]
) -> None:
    year = str(dt.date.today().year)  # an edition's dates fall in its year: today's
    (project / "content" / "conference" / f"{year}.md").unlink(missing_ok=True)  # a sample one
    argument = {"digest": "2026-12", "conference": year}.get(
        content_type.name, "Школьный театр как среда: «опыт» 2026")
    assert run_new(project, content_type.name, argument) == 0
    relative = {"digest": f"{content_type.folder}/2026-12.md",
                "conference": f"{content_type.folder}/{year}.md"}.get(
        content_type.name, f"{content_type.folder}/shkolnyy-teatr-kak-sreda-opyt-2026.md")
    path = project / "content" / relative
    assert f"Создан файл content/{relative}" in capsys.readouterr().out.replace(str(project) + "/",
                                                                               "")
    post = frontmatter.load(path)
    assert list(post.metadata) == list(content_type.record.fields)
    assert post.metadata["status"] == "черновик"
    if content_type is DIGEST:
        assert (post.metadata["year"], post.metadata["month"], post.metadata["issue"]) == (
            2026, 12, 37)  # the sample digests run up to issue 36 (November 2026)
    elif content_type is CONFERENCE:
        assert post.metadata["year"] == int(year)
    else:
        assert post.metadata["title"] == "Школьный театр как среда: «опыт» 2026"
        assert post.metadata["date"] == dt.date.today()

    missing = problems_in(project, relative)
    required = [n for n, s in content_type.record.fields.items() if s.required]
    assert missing and all("[MissingField]" in line for line in missing)
    assert {line.split(": ")[1].split("[")[0].split(".")[0] for line in missing} <= set(required)

    fill_required(path, content_type, registry_of(project))
    assert problems_in(project, relative) == []


def test_comments_document_each_field_from_the_declaration(project: Path) -> None:
    assert run_new(project, "practice", "Наставничество молодых педагогов") == 0
    text = (project / "content/practices/nastavnichestvo-molodyh-pedagogov.md").read_text("utf-8")
    registry = registry_of(project)
    comments = " ".join(line.lstrip()[2:] for line in text.splitlines()
                        if line.lstrip().startswith("# "))
    for spec in PRACTICE.record.fields.values():
        assert describe_field(spec, registry.all_vocabularies()) in comments
    for term in registry.vocabularies["topics"].names():
        assert term in comments
    assert "уровень доказанности" not in comments  # the Choice options are listed instead
    for option in PRACTICE.record.fields["evidence"].options:  # type: ignore[attr-defined]
        assert option in comments
    # Items of optional lists (results, attachments) are shown as a commented-out sample;
    # the fields of an optional record (review, passport) as commented hints, each documented.
    fields = dict(PRACTICE.record.walk())
    shown_required = [path for path, spec in fields.items() if spec.required and all(
        fields[path[:i]].required or isinstance(fields[path[:i]], Record)
        for i in range(1, len(path)))]
    assert "review:" in text and "#   reviewer:" in text and "#   launch:" in text
    assert comments.count("Обязательно.") == len(shown_required)


def test_refuses_to_overwrite_an_existing_file(project: Path, kb: KbRunner) -> None:
    existing = project / "content/practices/roditelskiy-universitet.md"
    before = existing.read_bytes()
    result = kb("new", "practice", "Родительский университет", cwd=project)
    assert result.returncode == 1
    assert "уже есть" in result.stderr and "не перезаписан" in result.stderr
    assert "Traceback" not in result.stderr
    assert existing.read_bytes() == before

    digest = project / "content/digests/2026-11.md"
    before = digest.read_bytes()
    assert run_new(project, "digest", "2026-11") == 1
    assert digest.read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (("digest", "декабрь"), "ГГГГ-ММ"),
    (("digest", "2026-13"), "ГГГГ-ММ"),
    (("practice",), "укажите название"),
    (("practice", "«»"), "не получилось имя файла"),
])
def test_unusable_arguments_are_explained(
    project: Path, args: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in (project / "content").rglob("*"))
    assert run_new(project, *args) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (project / "content").rglob("*")) == before


def test_digest_without_a_month_is_for_the_current_month(project: Path) -> None:
    today = dt.date.today()
    path = project / f"content/digests/{today:%Y-%m}.md"
    path.unlink(missing_ok=True)
    assert run_new(project, "digest") == 0
    post = frontmatter.load(path)
    assert (post.metadata["year"], post.metadata["month"]) == (today.year, today.month)
