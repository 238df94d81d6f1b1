"""VS Code workspace settings: each content folder is mapped to its published JSON Schema."""

from __future__ import annotations

import fnmatch
import json
import subprocess

from build_tools.content.content_types import CONTENT_TYPES
from tests.helpers import ROOT

SETTINGS = ROOT / ".vscode" / "settings.json"


def test_every_content_folder_is_mapped_to_its_schema() -> None:
    mapping = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    entries = [schema for schema in mapping if "/registries/" not in schema]
    assert len(entries) == len(CONTENT_TYPES)  # the registries: tests/authoring
    for content_type in CONTENT_TYPES:
        schema = f"./schemas/{content_type.name}.schema.json"
        assert (ROOT / schema).is_file(), schema
        sample = next((ROOT / "content" / content_type.folder).glob("*.md"))
        relative = sample.relative_to(ROOT).as_posix()
        assert any(fnmatch.fnmatch(relative, glob) for glob in mapping[schema]), relative
        others = [g for s, globs in mapping.items() if s != schema for g in globs]
        assert not any(fnmatch.fnmatch(relative, glob) for glob in others)


def test_the_workspace_settings_are_committed_not_ignored() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", ".vscode/settings.json"], cwd=ROOT)
    assert ignored.returncode == 1  # 1: not ignored
