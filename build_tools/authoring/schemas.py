"""JSON Schemas of the content types and of the registries in content/_data/, for editors'
autocompletion (VS Code YAML extension)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.association import SERVICE
from ..content.bank_registries import CRITERION, EXPERT
from ..content.compound_fields import ListOf, Record
from ..content.content_types import CONTENT_TYPES, ContentType
from ..content.fields import Vocabulary
from ..content.normative_documents import NORMATIVE_DOCUMENT, NORMATIVE_FILE
from ..content.registries import SCHOOL, SYNONYMS, VOCABULARIES, term_record
from ..content.site_registries import INTERNSHIP_SITE, NETWORK, PARTNER
from ..monitoring.indicators import INDICATOR, INDICATORS_FILE

SCHEMA_DIR = "schemas"
REGISTRY_SCHEMA_DIR = "registries"
"""Under SCHEMA_DIR: one schema per registry file of content/_data/."""


def registry_records() -> dict[str, Record]:
    """Every registry file of content/_data/ and the record of one of its rows."""
    return {
        **{f"{spec.name}.yml": term_record(spec) for spec in VOCABULARIES},
        "schools.yml": SCHOOL, "synonyms.yml": SYNONYMS, INDICATORS_FILE: INDICATOR,
        "criteria.yml": CRITERION, "experts.yml": EXPERT, "services.yml": SERVICE,
        NORMATIVE_FILE: NORMATIVE_DOCUMENT, "internship_sites.yml": INTERNSHIP_SITE,
        "partners.yml": PARTNER, "networks.yml": NETWORK,
    }


def registry_schema(file: str, record: Record, vocabularies: Mapping[str, Vocabulary]) -> dict:
    """A registry is a YAML list of rows."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{REGISTRY_SCHEMA_DIR}/{file.removesuffix('.yml')}.schema.json",
        "title": f"Справочник content/_data/{file}",
        "description": record.doc,
    }
    schema.update(ListOf(record.doc, item=record).schema(vocabularies))
    return schema


def content_schema(content_type: ContentType, vocabularies: Mapping[str, Vocabulary]) -> dict:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{content_type.name}.schema.json",
        "title": f"Front-matter: {content_type.label}",
        "description": content_type.record.doc,
    }
    schema.update(content_type.record.schema(vocabularies))
    return schema


def write_schemas(target: Path, vocabularies: Mapping[str, Vocabulary]) -> list[Path]:
    """Write one schema file per content type and per registry; returns the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for content_type in CONTENT_TYPES:
        written.append(_write(target / f"{content_type.name}.schema.json",
                              content_schema(content_type, vocabularies)))
    (target / REGISTRY_SCHEMA_DIR).mkdir(exist_ok=True)
    for file, record in registry_records().items():
        written.append(_write(
            target / REGISTRY_SCHEMA_DIR / f"{file.removesuffix('.yml')}.schema.json",
            registry_schema(file, record, vocabularies)))
    return written


def _write(path: Path, schema: dict) -> Path:
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
