"""Previews of what a pull request changes: its draft entries built beside the published site.

`kb build --preview-changed BASE` asks git which content files the branch added or changed
since BASE; `--preview FILE` names them directly. Those entries are built even when not
public, each marked «Черновик — не опубликовано», left out of search (no
data-pagefind-body), feeds and open data. `kb serve` shows every draft the same way, with
this marker instead of MkDocs' English «DRAFT».
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from ..content.library import Library

MARKER_TEXT = "Черновик — не опубликовано"
MARKER = (f'<p class="kb-draft-marker" role="note" data-pagefind-ignore>'
          f"{MARKER_TEXT}</p>")
GIT_TIMEOUT = 60


class PreviewError(Exception):
    """The changed files cannot be found; the message is for the editor, in Russian."""


def changed_files(base: str, folder: Path) -> list[Path]:
    """Files added or changed on this branch since it left `base` (git's `base...HEAD`)."""
    if base.startswith("-"):
        raise PreviewError(f"«{base}» — не имя ветки или коммита.")
    command = ["git", "diff", "--name-only", "--no-renames", "--diff-filter=d", "-z",
               f"{base}...HEAD", "--"]
    try:
        top = _git(["git", "rev-parse", "--show-toplevel"], folder).strip()
        names = _git(command, folder)
    except FileNotFoundError as error:
        raise PreviewError("не найдена программа git: без неё не узнать, что изменилось; "
                           "перечислите файлы параметром --preview.") from error
    return [Path(top) / name for name in names.split("\0") if name]


def _git(command: list[str], folder: Path) -> str:
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True,
                            timeout=GIT_TIMEOUT, check=False)
    if result.returncode:
        said = result.stderr.strip().splitlines()[-1:] or [""]
        raise PreviewError(f"git не смог сравнить ветки ({said[0]}). Проверьте имя ветки и "
                           "что история загружена целиком (в GitHub Actions — "
                           "fetch-depth: 0).")
    return result.stdout


def previewed(library: Library, published: Library, files: Iterable[Path]) -> Library:
    """The published library and the unpublished entries among `files`."""
    wanted = {path.resolve() for path in files}
    extra = [entry for entry in library.entries
             if not entry.status.is_public() and entry.path.resolve() in wanted]
    if not extra:
        return published
    return Library(published.registry, [*published.entries, *extra], published.monitoring)


def include(file: File, draft: bool) -> File:
    """A draft page shown (under `kb serve`, or previewed) is built like any other: its
    marker is the page's own, and MkDocs would leave a draft out of `kb build`."""
    if draft:
        file.inclusion = InclusionLevel.INCLUDED
    return file


def marked(content: str) -> str:
    """A draft entry's content: the marker first, and nothing for search to index."""
    return f'{MARKER}\n<div lang="ru">\n{content}\n</div>'
