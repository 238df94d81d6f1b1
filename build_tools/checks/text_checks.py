"""Checks of everything an entry says, fields and body alike: personal data and mojibake."""

from __future__ import annotations

import re
from typing import Any

from ..content.personal_data import CONSENT_FIELD, check_contacts, consented_contacts, strings
from ..diagnostics.problems import Problem
from .markdown_checks import BodyProblem
from .mojibake import check_mojibake

_WORTH_CHECKING = re.compile(r"[@&＠РС]|\d")
"""A line without a digit, an @, an entity or mojibake's Р/С cannot hold what is looked for."""


def check_text(data: dict[str, Any], body: str) -> tuple[list[Problem], list[BodyProblem]]:
    """Problems in front-matter values (with their field) and in body lines (with the line)."""
    consent_list = data.get(CONSENT_FIELD)
    consented = consented_contacts(consent_list if isinstance(consent_list, list) else [])
    in_fields: list[Problem] = []
    for path, value in strings(data):
        if path[:1] == (CONSENT_FIELD,):
            continue
        found = check_mojibake(value) + check_contacts(value, consented)
        in_fields += [p.under(*path) for p in found]
    in_body: list[BodyProblem] = []
    for number, line in enumerate(body.split("\n"), start=1):
        if _WORTH_CHECKING.search(line):  # skip the regular expressions on most lines
            in_body += [(number, p) for p in check_mojibake(line) + check_contacts(line, consented)]
    return in_fields, in_body
