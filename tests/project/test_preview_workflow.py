"""The pull-request pipelines build the preview of the entries under review and link it."""

from __future__ import annotations

from tests.helpers import ROOT
from tests.project.test_editor_workflow import github_commands, gitlab_commands, load


def test_github_builds_the_pull_requests_entries_and_comments_the_artifact() -> None:
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # git needs the base branch's history
    assert any('kb build --preview-changed "origin/$GITHUB_BASE_REF"' in c
               for c in github_commands(workflow))
    comment = load(ROOT / ".github/workflows/preview-comment.yml")
    assert comment[True]["workflow_run"]["workflows"] == [workflow["name"]]
    assert comment["permissions"] == {"contents": "read"}
    job = comment["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert not [s for s in job["steps"] if "checkout" in s.get("uses", "")]  # no fork code
    assert "Черновик — не опубликовано" in job["steps"][0]["with"]["script"]


def test_gitlab_builds_the_merge_requests_entries_and_exposes_the_site() -> None:
    config = load(ROOT / ".gitlab-ci.yml")
    check = config["check"]
    assert ('.venv/bin/kb build --preview-changed "${CI_MERGE_REQUEST_DIFF_BASE_SHA:-HEAD}"'
            in gitlab_commands({"check": check}))
    assert check["variables"]["GIT_DEPTH"] == 0
    assert check["artifacts"]["expose_as"] == "Предпросмотр сайта"
