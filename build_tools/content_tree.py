"""The content/ folder as a whole: no symlink out of it, no file name that breaks an address."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .content_paths import escapes_content
from .problems import Problem

_UNSAFE_NAME = re.compile(r"[\s%#?\\]")


def check_tree(content_root: Path, display_root: Path) -> list[Problem]:
    """Problems of the folder itself, one per offending file or folder."""
    problems: list[Problem] = []
    root = content_root.resolve()

    def shown(path: Path) -> str:
        # The link itself, never its target: a message must not print where it points.
        unresolved = path.parent.resolve() / path.name
        try:
            return unresolved.relative_to(display_root.resolve()).as_posix()
        except ValueError:
            return unresolved.as_posix()

    for folder, dirs, files in os.walk(content_root, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs) + sorted(files):
            path = base / name
            if path.is_symlink() and escapes_content(path, root):
                problems.append(Problem(
                    "PathOutsideContent",
                    f"«{name}» — ссылка (symlink) на «{os.readlink(path)}» за пределами папки "
                    "content/: сборка опубликовала бы чужие файлы.",
                    hint="Удалите ссылку и положите в content/ копию нужного файла.",
                ).located(shown(path), 1, 1))
                continue
            if _UNSAFE_NAME.search(name) and not _is_entry(path):
                problems.append(Problem(
                    "BadFileName",
                    f"в имени «{name}» есть пробел или один из знаков % # ? \\: адрес файла на "
                    "сайте сломается.",
                    hint="Переименуйте файл латиницей через дефисы, например plan-raboty.pdf.",
                ).located(shown(path), 1, 1))
    return problems


def _is_entry(path: Path) -> bool:
    """Markdown entries get their own, more specific file-name message from the loader."""
    return path.suffix == ".md" and path.is_file()
