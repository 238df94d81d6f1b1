"""The error catalogue and the code stay in step: every code used is explained, none is stale."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from build_tools.diagnostics.catalogue import CATALOGUE
from tests.helpers import ROOT

PACKAGE = ROOT / "build_tools"
CAMEL_CASE = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+")
NOT_CODES: set[str] = {"LearningResource", "CreativeWork", "DefinedTerm"}
"""CamelCase string literals in build_tools that are not problem codes: schema.org types of the
practice pages' JSON-LD (pages/json_ld.py)."""


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(PACKAGE.rglob("*.py")) if not path.name.startswith("catalogue")]


def _code_parameters(modules: list[tuple[Path, ast.Module]]) -> dict[str, int]:
    """Functions that take a problem code: name → index of `code` among positional arguments.

    `Problem` itself, and helpers like a reporter's `add(code, …)` or `_problem(node, path,
    code, …)` that pass their `code` on to it.
    """
    found = {"Problem": 0}
    for _, module in modules:
        for node in ast.walk(module):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in node.args.args if a.arg not in ("self", "cls")]
                if "code" in names:
                    found[node.name] = names.index("code")
    return found


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _strings(node: ast.AST) -> set[str]:
    """String constants an expression can yield: `"A" if x else "B"` gives both."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def codes_used() -> dict[str, str]:
    """Every problem code the package can report → the first place it is used."""
    modules = _modules()
    takes_code = _code_parameters(modules)
    used: dict[str, str] = {}
    for path, module in modules:
        for call in (n for n in ast.walk(module) if isinstance(n, ast.Call)):
            name = _called_name(call)
            if name not in takes_code:
                continue
            position = takes_code[name]
            arguments = [k.value for k in call.keywords if k.arg == "code"]
            if len(call.args) > position:
                arguments.append(call.args[position])
            for argument in arguments:
                for code in _strings(argument):
                    where = f"{path.relative_to(ROOT).as_posix()}:{call.lineno}"
                    used.setdefault(code, where)
    return used


def camel_case_literals() -> dict[str, str]:
    out: dict[str, str] = {}
    for path, module in _modules():
        for node in ast.walk(module):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and CAMEL_CASE.fullmatch(node.value)):
                out.setdefault(node.value, f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    return out


def test_every_code_used_in_build_tools_is_in_the_catalogue() -> None:
    used = codes_used()
    missing = {code: where for code, where in used.items() if code not in CATALOGUE}
    assert not missing, (
        "Problem codes without an entry in build_tools/diagnostics/catalogue.py: "
        + ", ".join(f"{code} (used at {where})" for code, where in sorted(missing.items()))
        + ". Add an Explanation(title, meaning, fix) in Russian for each."
    )


def test_every_catalogue_entry_is_still_used() -> None:
    stale = sorted(set(CATALOGUE) - set(codes_used()))
    assert not stale, (
        "Catalogue entries whose code build_tools no longer reports: "
        + ", ".join(stale) + ". Remove them from build_tools/diagnostics/catalogue.py."
    )


def test_the_scanner_sees_every_code_like_literal() -> None:
    """A code passed some new way (a constant, a dict) would otherwise escape the scan."""
    unseen = {code: where for code, where in camel_case_literals().items()
              if code not in codes_used() and code not in NOT_CODES}
    assert not unseen, (
        "CamelCase strings in build_tools that the catalogue scan does not see as problem "
        f"codes: {unseen}. Pass codes through a parameter named `code` (or to Problem), "
        "or list non-codes in NOT_CODES in this test."
    )


def test_the_scanner_finds_codes_passed_through_helpers() -> None:
    used = codes_used()
    assert used["YamlAlias"].startswith("build_tools/content/yaml_source.py")  # self._problem
    assert used["RaggedRow"].startswith("build_tools/monitoring/table.py")  # reporter.add(code)
    assert {"UnknownSchool", "UnknownIndicator"} <= set(used)  # "A" if … else "B"
    assert len(used) >= 50


def test_entries_are_written_for_editors() -> None:
    for code, explanation in CATALOGUE.items():
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]+", code), code  # a permanent name, no spaces
        for text in (explanation.title, explanation.meaning, explanation.fix):
            assert text.strip() and re.search("[а-яё]", text, re.I), code
            assert not text.rstrip().endswith("!") and not text.startswith("Ошибка"), code
