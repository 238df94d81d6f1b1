"""The rooms of build_tools import only downwards: the layering the README describes."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from build_tools.content.slugs import heading_slug
from tests.helpers import ROOT

PACKAGE = ROOT / "build_tools"
LAYERS = ["theme", "diagnostics", "content", "output", "monitoring", "checks", "syndication",
          "authoring", "search", "pages", "engine"]
"""Bottom to top: a room may import its own modules and the rooms below it."""
DEPRECATED = {"slugs.py"}
"""Re-exports kept at the package top for old mkdocs.yml files."""


def _room_of(module: str) -> str:
    return module.split(".")[1]


def _runtime_imports(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    """Imports that run: those under `if TYPE_CHECKING:` are for the type checker only."""
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
               and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
               for stmt in node.body for n in ast.walk(stmt)}
    return [n for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom | ast.Import) and id(n) not in skipped]


def _targets(path: Path, node: ast.ImportFrom | ast.Import) -> list[str]:
    """Absolute names of the build_tools modules an import statement reaches."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.startswith("build_tools.")]
    if node.level == 0:
        return [node.module] if (node.module or "").startswith("build_tools.") else []
    package = list(path.relative_to(ROOT).with_suffix("").parts[:-1])
    base = package[:len(package) - node.level + 1]
    if node.module:
        return [".".join([*base, node.module])]
    return [".".join([*base, a.name]) for a in node.names]


def _upward_imports() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:
            assert path.name in {"__init__.py", *DEPRECATED}, f"{path.name} is outside any room"
            continue
        here = LAYERS.index(parts[0])
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(path, node):
                if target.count(".") and LAYERS.index(_room_of(target)) > here:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {target}")
    return found


def test_every_room_is_a_layer() -> None:
    rooms = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert rooms == set(LAYERS)


def test_rooms_import_only_downwards() -> None:
    assert _upward_imports() == []


def test_the_scan_sees_relative_and_lazy_imports() -> None:
    """The engine imports every room, so a scan that misses it would pass for the wrong reason."""
    engine = PACKAGE / "engine" / "mkdocs_plugin.py"
    tree = ast.parse(engine.read_text(encoding="utf-8"))
    reached = {_room_of(t) for n in _runtime_imports(tree) for t in _targets(engine, n)}
    assert {"checks", "pages", "search", "output", "syndication"} <= reached


def test_the_old_slug_path_of_existing_sites_still_resolves() -> None:
    """Sites created before the rooms name build_tools.slugs.heading_slug in their mkdocs.yml."""
    loaded = yaml.load("f: !!python/name:build_tools.slugs.heading_slug", Loader=yaml.UnsafeLoader)
    assert loaded["f"] is heading_slug
