"""Decap CMS's config.yml generated from the content-type declarations, so the web editor's
form can never drift from what `kb validate` checks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content.compound_fields import ListOf, Record
from ..content.content_types import CONTENT_TYPES, ContentType
from ..content.course_fields import EntryReference
from ..content.fields import SLUG_PATTERN, Field
from ..content.practice_fields import Scores
from ..content.registries import Registry
from ..content.scalar_fields import Boolean, Date, FilePath, Integer, Number, Text, Url
from ..content.statuses import Status
from ..content.term_fields import Choice, Reference, Term
from .scaffold import BODIES

BACKENDS = ("gitlab", "github")
LONG_TEXT = 300
"""Texts allowed to be longer than this get a multi-line box instead of a single line."""
BODY_FIELD = "body"
"""Decap's name for the Markdown below the front-matter."""
SLUG_PREFIX = {"practice": "praktika", "recommendation": "rekomendatsii",
               "innovation": "proekt", "course": "kurs"}
"""Decap cannot transliterate a Russian title, so a new entry's file is named by its type and
its date (a Latin address that always passes the file-name check; Decap adds -1, -2 to a
name already taken); the reviewer may rename it in the pull request."""
IDENTIFIERS = {"digest": "summary", "conference": "theme"}
"""The field that names an entry in the editor's lists, for types without a title."""
ENTRY_SLUGS = {"digest": "{{year}}-{{month}}", "conference": "{{fields.year}}"}
"""A digest is named by its month (here: the month it was started in), an edition by its
year."""


@dataclass(frozen=True)
class CmsBackend:
    """Where the web editor commits: the kb plugin's `cms` options."""

    name: str = "gitlab"
    repo: str = ""
    branch: str = "main"
    base_url: str = ""
    """GitLab: the server's address (https://gitlab.com when empty). GitHub: the OAuth
    proxy's address, when the site is not hosted on Netlify."""
    app_id: str = ""
    """GitLab: the id of the OAuth application (PKCE, no client secret)."""
    local_url: str = ""
    """Set by `kb edit`: the local backend's address; the git host is then not used."""

    def decap(self) -> dict[str, Any]:
        if self.local_url:
            return {"name": "proxy", "proxy_url": self.local_url, "branch": self.branch}
        backend: dict[str, Any] = {"name": self.name, "repo": self.repo, "branch": self.branch}
        if self.name == "gitlab":
            base = (self.base_url or "https://gitlab.com").rstrip("/")
            backend.update(auth_type="pkce", app_id=self.app_id, base_url=base,
                           api_root=f"{base}/api/v4", auth_endpoint="oauth/authorize")
        elif self.base_url:
            backend["base_url"] = self.base_url.rstrip("/")
        return backend


@dataclass(frozen=True)
class Lookups:
    """What the form offers to choose from: the registries and the monitoring indicators."""

    registry: Registry
    indicators: Mapping[str, str] = field(default_factory=dict)
    """Indicator id → name."""

    def reference_options(self, target: str) -> list[dict[str, str]]:
        """Label and value of every id a Reference to `target` accepts."""
        registry = self.registry
        if target == "schools":
            pairs = [(s.id, f"{s.name} ({s.id})") for s in registry.schools]
        elif target in ("departments", "reviewers"):
            pairs = [(t.id, t.name) for t in registry.vocabularies.get("departments", ())]
            if target == "reviewers":
                pairs = [(e.id, f"{e.name}, {e.position}")
                         for e in registry.bank.experts.values()] + pairs
        elif target == "indicators":
            pairs = list(self.indicators.items())
        elif target == "normative_documents":
            pairs = [(d.id, f"{d.kind} № {d.number} «{d.title}»")
                     for d in registry.normative_documents]
        else:
            pairs = []
        return [{"label": label, "value": value} for value, label in pairs]


def label_of(spec: Field, name: str) -> str:
    """A field's short Russian label: its doc up to the first colon, full stop or bracket."""
    doc = spec.doc.strip()
    short = re.split(r"[:.(]\s|[:.]$|\s\(", doc, maxsplit=1)[0].strip() if doc else ""
    return short or name


def cms_config(backend: CmsBackend, lookups: Lookups, *, site_url: str = "",
               site_name: str = "") -> dict[str, Any]:
    """The whole config.yml: backend, Russian interface, editorial workflow, one collection
    per content type."""
    config: dict[str, Any] = {"backend": backend.decap(), "locale": "ru"}
    if not backend.local_url:  # the local backend writes files directly: no pull requests
        config["publish_mode"] = "editorial_workflow"
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    config.update(
        media_folder="content/files",
        public_folder="files",
        slug={"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        collections=[collection(t, lookups) for t in CONTENT_TYPES],
    )
    if site_name:
        config["app_title"] = f"Редактор материалов — {site_name}"
    return config


def collection(content_type: ContentType, lookups: Lookups) -> dict[str, Any]:
    prefix = SLUG_PREFIX.get(content_type.name, content_type.folder)
    slug = ENTRY_SLUGS.get(content_type.name,
                           f"{prefix}-{{{{year}}}}-{{{{month}}}}-{{{{day}}}}")
    fields = [widget(name, spec, lookups) for name, spec in content_type.record.fields.items()]
    for item in fields:
        if item["name"] == "date" and item["widget"] == "datetime":
            item["default"] = "{{now}}"  # the day the entry is submitted, as `kb new` writes
        if item["name"] == "status":
            item["default"] = Status.DRAFT.value  # never published by accident from the form
    body: dict[str, Any] = {"label": "Текст", "name": BODY_FIELD, "widget": "markdown",
                            "required": False, "hint": _body_hint(content_type)}
    out: dict[str, Any] = {
        "name": content_type.name,
        "label": content_type.label.capitalize(),
        "label_singular": content_type.label,
        "folder": f"content/{content_type.folder}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": slug,
        # Attachments lie beside the entry, and the field holds the path relative to it.
        "media_folder": "",
        "public_folder": "",
        "summary": "{{title}}" if "title" in content_type.record.fields else "{{slug}}",
        "fields": [*fields, body],
    }
    if content_type.name in IDENTIFIERS:
        out["identifier_field"] = IDENTIFIERS[content_type.name]
    return out


def _body_hint(content_type: ContentType) -> str:
    sections = [title for title, _ in BODIES.get(content_type.name, ()) if title]
    if not sections:
        return "Текст материала в Markdown."
    return "Текст материала в Markdown. Разделы: " + "; ".join(sections) + "."


def widget(name: str, spec: Field, lookups: Lookups, optional_parent: str = "") -> dict[str, Any]:
    """One form field: its widget, Russian label, hint, and whether it must be filled.

    Decap checks the required fields of an object even while the object is left empty, so
    inside an optional record (a review, a passport) they are marked in the hint instead, and
    `kb validate` asks for them once the record is filled in."""
    label = label_of(spec, name)
    out: dict[str, Any] = {"label": label, "name": name}
    if isinstance(spec, Record):
        inner = optional_parent or ("" if spec.required else label)
        out.update(widget="object", collapsed=not spec.required,
                   fields=[widget(n, s, lookups, inner) for n, s in spec.fields.items()])
    else:
        out.update(_widget(spec, lookups))
    hint = spec.doc.strip()
    if spec.required and optional_parent:
        out["hint"] = f"Обязательно, если заполнено «{optional_parent}». {hint}"
    else:
        out["hint"] = f"Обязательно. {hint}" if spec.required else hint
    out["required"] = spec.required and not optional_parent
    return out


def _widget(spec: Field, lookups: Lookups) -> dict[str, Any]:
    if isinstance(spec, ListOf):
        return _list(spec, lookups)
    return _scalar(spec, lookups)


def _list(spec: ListOf, lookups: Lookups) -> dict[str, Any]:
    item = spec.item
    single = _scalar(item, lookups) if isinstance(item, Choice | Term | Reference) else {}
    if single.get("widget") in ("select", "relation"):
        out = {**single, "multiple": True}
    elif isinstance(item, Record):
        out = {"widget": "list", "collapsed": False,
               "fields": [widget(n, s, lookups) for n, s in item.fields.items()]}
    else:
        inner = {"label": label_of(item, "") or label_of(spec, "значение"), "name": "item",
                 **_scalar(item, lookups)}
        out = {"widget": "list", "field": inner}
    if spec.min_items:
        out["min"] = spec.min_items
    return out


def _scalar(spec: Field, lookups: Lookups) -> dict[str, Any]:
    if isinstance(spec, Choice):
        return {"widget": "select", "options": list(spec.options)}
    if isinstance(spec, Term):
        vocabulary = lookups.registry.vocabularies.get(spec.vocabulary)
        return {"widget": "select", "options": vocabulary.names() if vocabulary else []}
    if isinstance(spec, Reference):
        options = lookups.reference_options(spec.target)
        if options:
            return {"widget": "select", "options": options}
        if spec.target in _COLLECTIONS or isinstance(spec, EntryReference):
            return _relation(spec)
        return {"widget": "string", "pattern": [SLUG_PATTERN, "Латинские строчные буквы, "
                                                "цифры и дефисы."]}
    if isinstance(spec, Scores):
        return {"widget": "object", "collapsed": True, "fields": [
            {"label": c.name, "name": c.id, "widget": "number", "value_type": "int",
             "min": c.min, "max": c.max, "required": False, "hint": c.question}
            for c in lookups.registry.bank.criteria]}
    return _plain(spec)


_COLLECTIONS = {t.name for t in CONTENT_TYPES}


def _relation(spec: Reference) -> dict[str, Any]:
    target = next(t for t in CONTENT_TYPES if t.name == spec.target)
    shown = "title" if "title" in target.record.fields else "year"
    return {"widget": "relation", "collection": target.name, "value_field": "{{slug}}",
            "search_fields": [shown], "display_fields": [shown]}


def _plain(spec: Field) -> dict[str, Any]:
    if isinstance(spec, Url):
        return {"widget": "string", "pattern": ["^https?://", "Адрес начинается с https://."]}
    if isinstance(spec, Text):
        long = not spec.max_length or spec.max_length > LONG_TEXT
        out: dict[str, Any] = {"widget": "text" if long else "string"}
        if spec.pattern:
            out["pattern"] = [f"^{spec.pattern}$", spec.pattern_hint]
        return out
    if isinstance(spec, Integer | Number):
        out = {"widget": "number", "value_type": "int" if isinstance(spec, Integer) else "float"}
        if spec.minimum is not None:
            out["min"] = spec.minimum
        if spec.maximum is not None:
            out["max"] = spec.maximum
        return out
    if isinstance(spec, Boolean):
        return {"widget": "boolean"}
    if isinstance(spec, Date):
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD.MM.YYYY",
                "time_format": False, "picker_utc": True}
    if isinstance(spec, FilePath):
        images = all(e in (".png", ".jpg", ".jpeg", ".gif", ".webp") for e in spec.extensions)
        return {"widget": "image" if images and spec.extensions else "file",
                "choose_url": False}
    return {"widget": "string"}
