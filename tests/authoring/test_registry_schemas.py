"""JSON Schemas of the registries: one per file of content/_data/, committed as generated,
accepting the sample registries and mapped for VS Code."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from build_tools.authoring.schemas import (
    REGISTRY_SCHEMA_DIR,
    SCHEMA_DIR,
    registry_records,
    write_schemas,
)
from build_tools.checks.content_policy import REGISTRY_FILES
from build_tools.content.registries import load_registry
from tests.helpers import ROOT

DATA = ROOT / "content" / "_data"


def _plain(value: object) -> object:
    """YAML's dates as the strings a JSON-Schema-aware editor sees in the file."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def test_every_registry_file_has_a_schema() -> None:
    assert set(registry_records()) == set(REGISTRY_FILES)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    registry, problems = load_registry(ROOT / "content", ROOT)
    assert not problems
    folder = tmp_path_factory.mktemp("schemas")
    write_schemas(folder, registry.all_vocabularies())
    return folder


@pytest.mark.parametrize("file", sorted(registry_records()))
def test_registry_schema_is_committed_and_accepts_the_sample(generated: Path, file: str) -> None:
    name = f"{file.removesuffix('.yml')}.schema.json"
    fresh = (generated / REGISTRY_SCHEMA_DIR / name).read_text(encoding="utf-8")
    committed = ROOT / SCHEMA_DIR / REGISTRY_SCHEMA_DIR / name
    assert committed.is_file() and committed.read_text(encoding="utf-8") == fresh, \
        f"run `kb schema` and commit {committed.name}"
    schema = json.loads(fresh)
    jsonschema.Draft202012Validator.check_schema(schema)
    if not (DATA / file).is_file():
        return  # an optional registry the sample does not use
    rows = json.loads(json.dumps(yaml.safe_load((DATA / file).read_text("utf-8")),
                                 default=_plain))
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(rows)]
    assert not errors, (file, errors[:3])


def test_a_wrong_row_is_flagged_in_the_editor(generated: Path) -> None:
    schema = json.loads((generated / REGISTRY_SCHEMA_DIR / "schools.schema.json").read_text())
    rows = [{"id": "x", "name": "Школа", "internship_site": True}]
    messages = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(rows)]
    assert any("internship_site" in m for m in messages)  # a retired field
    assert any("'district' is a required property" in m for m in messages)


def test_vscode_maps_each_registry_file_to_its_schema() -> None:
    mapping = json.loads((ROOT / ".vscode/settings.json").read_text("utf-8"))["yaml.schemas"]
    for file in registry_records():
        schema = f"./{SCHEMA_DIR}/{REGISTRY_SCHEMA_DIR}/{file.removesuffix('.yml')}.schema.json"
        assert mapping.get(schema) == [f"content/_data/{file}"], file
