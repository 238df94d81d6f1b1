"""JSON Schemas of the content types, for editors' autocompletion (VS Code YAML extension)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.content_types import CONTENT_TYPES, ContentType
from ..content.fields import Vocabulary

SCHEMA_DIR = "schemas"


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
    """Write one schema file per content type; returns the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for content_type in CONTENT_TYPES:
        path = target / f"{content_type.name}.schema.json"
        text = json.dumps(content_schema(content_type, vocabularies), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
