"""The issue form «Предложить практику» turned into a draft practice: a recorded issue body
writes the expected file, which `kb validate` accepts; missing answers are located problems."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from build_tools.authoring.issue_form import IssueFormError, answers, draft, read_form, write
from build_tools.content.registries import load_registry
from tests.helpers import FIXTURES, ROOT, KbRunner

CASE = FIXTURES / "issue_form"
TODAY = dt.date(2026, 11, 23)


def made(project: Path, body: str):  # type: ignore[no-untyped-def]
    registry, _ = load_registry(project / "content", project)
    return draft(body, read_form(ROOT), registry.schools, TODAY, number=42)


def test_a_recorded_issue_becomes_the_expected_file_that_validates(project: Path,
                                                                  kb: KbRunner) -> None:
    result = made(project, (CASE / "practice_issue.md").read_text(encoding="utf-8"))
    path = write(result, project / "content")
    assert path.name == "shkolnaya-gazeta-kak-proektnaya-laboratoriya.md"
    assert path.read_text(encoding="utf-8") == (CASE / "expected.md").read_text(encoding="utf-8")
    assert result.notes == []
    check = kb("validate", cwd=project)
    assert check.returncode == 0, check.stderr


def test_every_answer_is_read_under_its_field_id() -> None:
    body = (CASE / "practice_issue.md").read_text(encoding="utf-8")
    found = answers(body, read_form(ROOT))
    assert set(found) == {"title", "summary", "school", "authors", "levels", "subjects",
                          "topics", "audience", "evidence", "since", "results", "license",
                          "body", "consent"}  # «_No response_» is no answer


def test_missing_required_answers_are_reported_by_validate_at_their_field(
        project: Path, kb: KbRunner) -> None:
    body = (CASE / "practice_issue.md").read_text(encoding="utf-8")
    body = re.sub(r"(### Школа-автор\n\n).*?\n", r"\1_No response_\n", body)
    write(made(project, body), project / "content")
    check = kb("validate", cwd=project)
    assert check.returncode == 1
    assert ("content/practices/shkolnaya-gazeta-kak-proektnaya-laboratoriya.md:2:1: school: "
            "не заполнено обязательное поле «school» (Школа-автор: идентификатор из справочника "
            "школ). [MissingField]") in check.stderr


def test_an_existing_file_is_never_overwritten(project: Path) -> None:
    body = (CASE / "practice_issue.md").read_text(encoding="utf-8")
    write(made(project, body), project / "content")
    with pytest.raises(IssueFormError, match="уже есть"):
        write(made(project, body), project / "content")


def test_the_command_writes_the_draft_and_names_it(project: Path, kb: KbRunner) -> None:
    result = kb("issue", "practice", str(CASE / "practice_issue.md"), "--number", "42",
                cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("content/practices/"
                                     "shkolnaya-gazeta-kak-proektnaya-laboratoriya.md")
