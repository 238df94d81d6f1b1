"""CI, pre-commit and the issue form: valid YAML that runs commands that exist.

Workflows and hooks are parsed, every `kb …` they run is parsed by the real `kb` argument
parser, scripts they call must exist, secrets and write permissions stay where they belong,
and the issue form's fields follow the practice declaration and the vocabularies.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.content.compound_fields import ListOf
from build_tools.content.content_types import PRACTICE
from build_tools.content.registries import load_registry
from build_tools.content.term_fields import Choice, Reference, Term
from build_tools.engine.cli import _parser
from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
YAML_FILES = [*WORKFLOWS, ROOT / ".gitlab-ci.yml", ROOT / ".pre-commit-config.yaml",
              ROOT / ".pre-commit-hooks.yaml", *sorted((ROOT / ".github/ISSUE_TEMPLATE").glob("*"))]
SHELL_OPERATORS = {"&&", "||", ";", "|", "&"}
ISSUE_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "practice.yml"
FORM_ONLY = {"body", "consent"}
"""Form fields that are not front-matter: the practice's text and the author's consent."""
SET_BY_EDITORS = {"status", "date", "review", "decision", "updated", "related"}
"""Practice fields the institute's editors fill in when they turn an issue into a file."""


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def github_commands(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", [])
            if "run" in step]


def gitlab_commands(config: dict) -> list[str]:
    return [line for job in config.values() if isinstance(job, dict) and "script" in job
            for line in job["script"]]


def pre_commit_commands() -> list[str]:
    hooks = [h for repo in load(ROOT / ".pre-commit-config.yaml")["repos"] for h in repo["hooks"]]
    return [h["entry"] for h in [*hooks, *load(ROOT / ".pre-commit-hooks.yaml")]]


def all_commands() -> list[tuple[str, str]]:
    found = [(p.name, c) for p in WORKFLOWS for c in github_commands(load(p))]
    found += [(".gitlab-ci.yml", c) for c in gitlab_commands(load(ROOT / ".gitlab-ci.yml"))]
    return found + [("pre-commit", c) for c in pre_commit_commands()]


def simple_commands(script: str) -> list[list[str]]:
    """Each simple command of a shell script, as words: split at && || ; | and new lines,
    redirections dropped."""
    script = re.sub(r"\d*>&\d+|\d*>>?\s*\S+", " ", script.replace("\\\n", " "))
    commands: list[list[str]] = []
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        commands.append([])
        for word in lexer:
            if word in SHELL_OPERATORS:
                commands.append([])
            else:
                commands[-1].append(word)
    return [c for c in commands if c]


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_files_are_valid_yaml(path: Path) -> None:
    assert isinstance(load(path), dict | list)


def test_every_kb_command_exists_with_its_options() -> None:
    parser = _parser()
    seen = 0
    for where, script in all_commands():
        for words in simple_commands(script):
            program = Path(words[0]).name
            if program != "kb":
                continue
            seen += 1
            try:
                args = parser.parse_args(words[1:])
            except SystemExit:
                pytest.fail(f"{where}: `{' '.join(words)}` is not a valid kb command")
            assert hasattr(args, "run"), f"{where}: `{' '.join(words)}` names no subcommand"
    assert seen >= 8


def test_scripts_the_pipelines_call_exist() -> None:
    for where, script in all_commands():
        for words in simple_commands(script):
            for word in words:
                if re.match(r"^\.?\.?/?\.ci/", word):
                    path = ROOT / word
                    assert path.is_file() and os.access(path, os.X_OK), f"{where}: {word}"
    assert ".ci/run" in " ".join(c for _, c in all_commands())


def test_pull_requests_run_read_only_without_secrets() -> None:
    path = ROOT / ".github/workflows/pull-request.yml"
    workflow = load(path)
    assert set(workflow[True]) == {"pull_request"}  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    assert "secrets." not in path.read_text(encoding="utf-8")
    steps = [s.get("run", "") + s.get("uses", "") for s in workflow["jobs"]["check"]["steps"]]
    order = [next(i for i, s in enumerate(steps) if needle in s) for needle in
             ("kb validate --format github", "kb build", "upload-artifact", ".ci/run")]
    assert order == sorted(order)


def test_main_publishes_with_write_rights_and_secrets_only_where_needed() -> None:
    workflow = load(ROOT / ".github/workflows/publish.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["github-pages"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert [n for n, j in jobs.items() if "permissions" in j] == ["github-pages"]
    with_secrets = [n for n, j in jobs.items() if "secrets." in yaml.safe_dump(j)]
    assert with_secrets == ["institute-server"]
    server = jobs["institute-server"]
    assert set(server["env"]) == {"DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS", "DEPLOY_USER",
                                  "DEPLOY_HOST", "DEPLOY_PATH"}
    gated = [s for s in server["steps"]
             if s.get("id") != "configured" and s.get("if") != "always()"]
    assert len(gated) == 3  # download, key, rsync: all skipped when a secret is missing
    assert all(s["if"] == "steps.configured.outputs.ready == 'true'" for s in gated)
    assert "StrictHostKeyChecking=yes" in yaml.safe_dump(server)


def test_actions_are_pinned_to_a_major_version() -> None:
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]


def test_gitlab_deploys_only_from_the_default_branch_and_only_with_a_key() -> None:
    config = load(ROOT / ".gitlab-ci.yml")
    for job in ("pages", "institute-server"):
        rules = " ".join(r["if"] for r in config[job]["rules"])
        assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in rules
    assert "$DEPLOY_SSH_KEY" in config["institute-server"]["rules"][0]["if"]
    assert config["pages"]["artifacts"]["paths"] == ["public"]


def test_pre_commit_hook_runs_on_content_changes() -> None:
    for hook in [h for r in load(ROOT / ".pre-commit-config.yaml")["repos"] for h in r["hooks"]]:
        pattern = re.compile(hook["files"])
        assert pattern.search("content/practices/roditelskiy-universitet.md")
        assert pattern.search("content/_data/topics.yml")
        assert not pattern.search("build_tools/engine/cli.py")
        assert hook["pass_filenames"] is False


def test_issue_form_fields_follow_the_practice_declaration() -> None:
    form = load(ISSUE_FORM)
    registry, problems = load_registry(ROOT / "content", ROOT)
    assert not problems
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    declared = PRACTICE.record.fields
    assert set(fields) - FORM_ONLY <= set(declared), "form ids must be practice fields"
    missing = [n for n, s in declared.items()
               if s.required and n not in fields and n not in SET_BY_EDITORS]
    assert not missing, f"required practice fields missing from the form: {missing}"
    for name, item in fields.items():
        if name in FORM_ONLY:
            continue
        spec = declared[name]
        assert item["validations"]["required"] == spec.required, name
        inner = spec.item if isinstance(spec, ListOf) else spec
        if item["type"] != "dropdown":
            assert not isinstance(inner, Term | Choice), f"{name} should offer its choices"
            continue
        options = item["attributes"]["options"]
        assert item["attributes"].get("multiple", False) == isinstance(spec, ListOf), name
        if isinstance(inner, Choice):
            assert options == list(inner.options), name
        elif isinstance(inner, Term):
            assert options == registry.vocabularies[inner.vocabulary].names(), name
        else:
            assert isinstance(inner, Reference) and inner.target == "schools"
            assert [re.search(r"\(([a-z0-9-]+)\)$", o)[1] for o in options] == \
                registry.schools.names()
