"""The content/ folder walked once, safely: symlinks, hidden and oddly named files and folders.

The walk never follows a symlink, so a loop cannot hang it; every symlink, hidden name or
folder named like a file becomes a problem here and the file is not handed on.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..content.content_paths import escapes_content
from ..diagnostics.problems import Problem

_UNSAFE_NAME = re.compile(r"[\s%#?\\]")
_FILE_LIKE = re.compile(r"\.(md|markdown|ya?ml|csv|xlsx?|txt|pdf|docx?|odt|pptx|png|jpe?g|gif"
                        r"|webp|svg|html?|js|css|json|xml|zip)$", re.I)
"""Folder names that look like a file: the loader and MkDocs would try to read them."""


@dataclass(frozen=True)
class TreeFile:
    """A regular file (or a symlink to one) inside content/."""

    path: Path
    relative: PurePosixPath
    """Relative to content/, as MkDocs names it (src_uri)."""
    shown: str
    """As editors see it: content/practices/x.md."""
    real: Path
    """Where it really is, symlinks resolved (always inside content/)."""


def walk_tree(content_root: Path, display_root: Path) -> tuple[list[TreeFile], list[Problem]]:
    """Every file of content/ that may be classified, and the problems of the rest."""
    files: list[TreeFile] = []
    problems: list[Problem] = []
    root = content_root.resolve()
    display = display_root.resolve()

    def shown(real_folder: Path, name: str) -> str:
        # The link itself, never its target: a message must not print where it points.
        unresolved = real_folder / name
        try:
            return printable(unresolved.relative_to(display).as_posix())
        except ValueError:
            return printable(unresolved.as_posix())

    for folder, dirs, names in os.walk(content_root, followlinks=False):
        base = Path(folder)
        # Resolved once per folder: symlinked folders are never entered, so a file's real
        # folder is its folder's, and thousands of files cost one resolve.
        real_base = base.resolve()
        kept = []
        for name in sorted(dirs):
            path = base / name
            problem = _link_problem(path, root) or _folder_problem(path)
            if problem is None or problem.code == "BadFileName":
                kept.append(name)  # a badly named folder still has its files checked
            if problem is not None:
                problems.append(problem.located(shown(real_base, name), 1, 1))
        dirs[:] = kept  # a refused folder is not entered: its files are not published either
        for name in sorted(names):
            path = base / name
            problem = _link_problem(path, root) or _file_problem(path)
            if problem is not None:
                problems.append(problem.located(shown(real_base, name), 1, 1))
                continue
            relative = PurePosixPath(path.relative_to(content_root).as_posix())
            real = path.resolve() if path.is_symlink() else real_base / name
            files.append(TreeFile(path, relative, shown(real_base, name), real))
    return files, problems


def _link_problem(path: Path, root: Path) -> Problem | None:
    if not path.is_symlink():
        return None
    target = os.readlink(path)
    try:
        outside = escapes_content(path, root)
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's "Symlink loop"
        return _broken_link(path.name, target)
    if outside:
        return Problem(
            "PathOutsideContent",
            f"«{path.name}» — ссылка (symlink) на «{target}» за пределами папки content/: "
            "сборка опубликовала бы чужие файлы.",
            hint="Удалите ссылку и положите в content/ копию нужного файла.",
        )
    if not path.exists():
        return _broken_link(path.name, target)
    if path.is_dir():
        return Problem(
            "SymlinkedFolder",
            f"«{path.name}» — ссылка (symlink) на папку «{target}»: сборка прошла бы по "
            "одним и тем же файлам дважды или по кругу без конца.",
            hint="Удалите ссылку; если файлы нужны в двух местах, сошлитесь на них из текста.",
        )
    return None


def _broken_link(name: str, target: str) -> Problem:
    return Problem(
        "BrokenSymlink",
        f"«{name}» — ссылка (symlink) на «{target}», которая ведёт в никуда или сама на себя "
        "(по кругу): прочитать такой файл нельзя.",
        hint="Удалите ссылку и положите на её место сам файл.",
    )


def _folder_problem(path: Path) -> Problem | None:
    if path.name.startswith("."):
        return _hidden(path.name, "скрытая папка")
    if _FILE_LIKE.search(path.name):
        return Problem(
            "FolderNamedLikeFile",
            f"«{path.name}» — папка, а по имени похожа на файл: сборка попыталась бы прочитать "
            "её как материал или приложение.",
            hint="Переименуйте папку без расширения в имени или замените её файлом.",
        )
    return _name_problem(path.name)


def _file_problem(path: Path) -> Problem | None:
    if path.name.startswith("."):
        return _hidden(path.name, "скрытый файл")
    if not path.is_file():
        return Problem(
            "ForbiddenFileType",
            f"«{path.name}» — не обычный файл (устройство, канал или сокет).",
            hint="Удалите его из content/.",
        )
    if path.suffix == ".md" and path.name.isprintable():
        return None  # entries get their own, more specific file-name message from the loader
    return _name_problem(path.name)


def _hidden(name: str, what: str) -> Problem:
    return Problem(
        "HiddenFile",
        f"«{name}» — {what} (имя начинается с точки): такие имена часто не видны в проводнике "
        "и при проверке запроса, а сборка не знает, что это и можно ли это публиковать.",
        hint="Уберите это из content/, а имя добавьте в .gitignore.",
    )


def printable(text: str) -> str:
    """`text` with control characters and undecodable bytes shown as escapes, never raw:
    a file name must not move the cursor or clear the editor's terminal."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def _name_problem(name: str) -> Problem | None:
    if not _UNSAFE_NAME.search(name) and name.isprintable():
        return None
    if not name.isprintable():
        return Problem(
            "BadFileName",
            f"в имени «{printable(name)}» есть невидимый управляющий символ или байты не в "
            "UTF-8: адрес файла на сайте сломается, а в отчёте имя выглядит не так, как в "
            "папке.",
            hint="Переименуйте файл латиницей через дефисы, например plan-raboty.pdf.",
        )
    return Problem(
        "BadFileName",
        f"в имени «{name}» есть пробел или один из знаков % # ? \\: адрес файла на сайте "
        "сломается.",
        hint="Переименуйте файл латиницей через дефисы, например plan-raboty.pdf.",
    )
