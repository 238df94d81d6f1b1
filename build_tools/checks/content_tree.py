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
    """Every file of content/ that may be classified, and the problems of the rest.

    Folders are read with `os.scandir`, whose entries know from the directory listing itself
    whether they are symlinks, folders or regular files: a bank of thousands of files is
    walked on every save of `kb serve` without a system call per file.
    """
    files: list[TreeFile] = []
    problems: list[Problem] = []
    root = content_root.resolve()
    display = display_root.resolve()

    def shown_prefix(real_folder: Path) -> str:
        # The link itself, never its target: a message must not print where it points.
        try:
            relative = real_folder.relative_to(display).as_posix()
        except ValueError:
            relative = real_folder.as_posix()
        return "" if relative == "." else printable(relative.rstrip("/")) + "/"

    def walk(base: Path, relative_prefix: str) -> None:
        try:
            with os.scandir(base) as listing:
                found = sorted(listing, key=lambda item: item.name)
        except OSError:
            return  # as os.walk: a folder that cannot be listed has nothing to classify
        # Resolved once per folder: symlinked folders are never entered, so a file's real
        # folder is its folder's, and thousands of files cost one resolve.
        real_base = base.resolve()
        prefix = shown_prefix(real_base)
        kept: list[os.DirEntry[str]] = []
        for item in found:
            if not _is_dir(item):
                continue
            path = base / item.name
            problem = ((_link_problem(path, root) if item.is_symlink() else None)
                       or _folder_problem(path))
            if problem is None or problem.code == "BadFileName":
                kept.append(item)  # a badly named folder still has its files checked
            if problem is not None:
                problems.append(problem.located(prefix + printable(item.name), 1, 1))
        for item in found:
            if _is_dir(item):
                continue
            name = item.name
            path = base / name
            symlink = item.is_symlink()
            problem = ((_link_problem(path, root) if symlink else None)
                       or _file_problem(path, _is_file(item)))
            if problem is not None:
                problems.append(problem.located(prefix + printable(name), 1, 1))
                continue
            real = path.resolve() if symlink else real_base / name
            files.append(TreeFile(path, PurePosixPath(relative_prefix + name),
                                  prefix + printable(name), real))
        # A refused folder is not entered: its files are not published either.
        for item in kept:
            walk(base / item.name, f"{relative_prefix}{item.name}/")

    walk(content_root, "")
    return files, problems


def _is_dir(item: os.DirEntry[str]) -> bool:
    """As os.walk sorts: a symlink that cannot be followed (a loop) is not a folder."""
    try:
        return item.is_dir()
    except OSError:
        return False


def _is_file(item: os.DirEntry[str]) -> bool:
    try:
        return item.is_file()
    except OSError:
        return False


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


def _file_problem(path: Path, regular: bool) -> Problem | None:
    """`regular`: the path is a regular file, or a symlink to one."""
    if path.name.startswith("."):
        return _hidden(path.name, "скрытый файл")
    if not regular:
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
    if text.isprintable():  # nearly always: thousands of names a build
        return text
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
