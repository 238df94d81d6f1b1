"""The web editor's config.yml follows the content model: every field, its label and hint,
the lists to choose from, required marks, the editorial workflow and the Russian interface."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from build_tools.authoring.cms_config import CmsBackend, Lookups, cms_config, label_of
from build_tools.content.compound_fields import ListOf, Record
from build_tools.content.content_types import CONTENT_TYPES
from build_tools.content.registries import Registry, load_registry
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def registry() -> Registry:
    registry, problems = load_registry(ROOT / "content", ROOT)
    assert not problems
    return registry


@pytest.fixture(scope="module")
def config(registry: Registry) -> dict[str, Any]:
    return cms_config(CmsBackend(repo="institute/bank", app_id="a1b2"), Lookups(registry),
                      site_url="https://example.org/bank/")


def widgets(fields: list[dict[str, Any]], prefix: tuple[str, ...] = ()) -> dict:
    found = {}
    for item in fields:
        path = (*prefix, item["name"])
        found[path] = item
        found.update(widgets(item.get("fields", []), path))
    return found


def declared(record: Record, prefix: tuple[str, ...] = ()) -> dict:
    found = {}
    for name, spec in record.fields.items():
        found[(*prefix, name)] = spec
        inner = spec.item if isinstance(spec, ListOf) else spec
        if isinstance(inner, Record):
            found.update(declared(inner, (*prefix, name)))
    return found


def test_every_field_of_every_content_type_is_in_the_form_with_its_label(config) -> None:
    collections = {c["name"]: c for c in config["collections"]}
    assert list(collections) == [t.name for t in CONTENT_TYPES]
    for content_type in CONTENT_TYPES:
        collection = collections[content_type.name]
        assert collection["folder"] == f"content/{content_type.folder}"
        form = widgets(collection["fields"])
        for path, spec in declared(content_type.record).items():
            assert path in form, f"{content_type.name}: {'.'.join(path)} missing"
            assert form[path]["label"] == label_of(spec, path[-1]), path
            assert spec.doc.strip() in form[path]["hint"], path
        assert ("body",) in form


def test_labels_are_short_russian_names_of_the_fields(config) -> None:
    practice = widgets(config["collections"][0]["fields"])
    assert practice[("title",)]["label"] == "Название практики"
    assert practice[("school",)]["label"] == "Школа-автор"
    assert practice[("review", "reviewer")]["label"] == "Рецензент"


def test_vocabularies_and_the_schools_are_lists_to_choose_from(config, registry) -> None:
    practice = widgets(config["collections"][0]["fields"])
    topics = practice[("topics",)]
    assert (topics["widget"], topics["multiple"], topics["min"]) == ("select", True, 1)
    assert topics["options"] == registry.vocabularies["topics"].names()
    school = practice[("school",)]
    assert school["widget"] == "select"
    assert [o["value"] for o in school["options"]] == registry.schools.names()
    assert school["options"][0]["label"].endswith("(kudrovo-gorizont)")
    assert practice[("evidence",)]["options"][0] == "описана в одной школе"
    assert practice[("related",)]["widget"] == "relation"
    assert practice[("authors",)]["widget"] == "list"
    assert practice[("review",)]["widget"] == "object"
    criteria = [c.id for c in registry.bank.criteria]
    assert [f["name"] for f in practice[("review", "scores")]["fields"]] == criteria


def test_required_fields_are_marked_and_optional_records_do_not_block_a_draft(config) -> None:
    practice = widgets(config["collections"][0]["fields"])
    assert practice[("title",)]["required"] is True
    assert practice[("title",)]["hint"].startswith("Обязательно.")
    assert practice[("subjects",)]["required"] is False
    # Decap would refuse to save a draft without a review's reviewer: the hint says it instead.
    reviewer = practice[("review", "reviewer")]
    assert reviewer["required"] is False
    assert reviewer["hint"].startswith("Обязательно, если заполнено «Рецензия».")
    assert practice[("status",)]["default"] == "черновик"


def test_editorial_workflow_russian_interface_and_gitlab_with_pkce(config) -> None:
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "ru"
    assert config["backend"] == {
        "name": "gitlab", "repo": "institute/bank", "branch": "main", "auth_type": "pkce",
        "app_id": "a1b2", "base_url": "https://gitlab.com",
        "api_root": "https://gitlab.com/api/v4", "auth_endpoint": "oauth/authorize"}


def test_the_local_backend_saves_files_directly(registry) -> None:
    local = cms_config(CmsBackend(local_url="http://127.0.0.1:8081/api/v1"), Lookups(registry))
    assert local["backend"]["name"] == "proxy"
    assert "publish_mode" not in local  # decap-server writes the file: no pull request


def test_new_entries_get_latin_file_names(config) -> None:
    slugs = {c["name"]: c["slug"] for c in config["collections"]}
    assert slugs["practice"] == "praktika-{{year}}-{{month}}-{{day}}"
    assert slugs["digest"] == "{{year}}-{{month}}"
    assert all(c["media_folder"] == "" for c in config["collections"])


def test_built_site_has_the_editor_only_when_it_is_switched_on(sample_site: Path) -> None:
    assert not (sample_site / "admin").exists()
