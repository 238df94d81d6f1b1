"""Paths that editors write (attachments, images, links): resolved inside content/ or refused."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from ..diagnostics.problems import Problem


def resolve_in_content(
    reference: str, base_dir: Path, content_root: Path, *, url: bool = False
) -> tuple[Path | None, Problem | None]:
    """The file `reference` names, relative to `base_dir`, if it stays inside content/.

    Symlinks are followed first, so a link that points out of content/ is refused like
    `../../etc/passwd`: the build would otherwise publish whatever it points at. `url`: the
    reference comes from a Markdown link, where a space may be written as %20.
    """
    text = unquote(reference.strip()) if url else reference.strip()
    if PurePosixPath(text).is_absolute() or re.match(r"^[a-zA-Z]:[\\/]", text) or "\\" in text:
        return None, Problem(
            "PathOutsideContent",
            f"путь «{reference}» должен быть относительным, например attachments/plan.pdf.",
        )
    target = (base_dir / text).resolve()
    if not target.is_relative_to(content_root.resolve()):
        return None, Problem(
            "PathOutsideContent",
            f"путь «{reference}» ведёт за пределы папки content/: положите файл рядом с "
            "материалом.",
        )
    return target, None


def escapes_content(path: Path, content_root: Path) -> bool:
    """True for a symlink (or a file under one) whose real target lies outside content/."""
    return not path.resolve().is_relative_to(content_root.resolve())
