"""Inline scripts moved into files, so that the Content-Security-Policy needs no 'unsafe-inline'.

Material for MkDocs writes a few small `<script>` blocks into every page (the local-storage
scope, which differs with the page's depth, the colour palette, the tab state). Each distinct
block becomes one content-addressed file under assets/inline/, loaded in the same place by a
plain `<script src>`, which runs at the same moment as the inline block did. The sample
nginx configuration can then allow scripts from the site itself only, whatever the theme's
version writes inline.

Only the blocks the theme's (and our) templates contain are moved: their patterns are read
from the installed templates, with each Jinja expression standing for a value that cannot
leave its string. Any other inline script is removed and reported, so that no page, whatever
its content, can turn text into a same-origin script file.

Scripts with attributes: `src` ones and `application/json` data blocks stay as they are; a
schema.org `application/ld+json` block stays only when its text is JSON with no `<` in it
(pages/json_ld.py writes it so), so it can neither end its element early nor hide markup; any
other inline script with attributes (`type="module"`, an id) is foreign like a bare one.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from ..diagnostics.problems import Problem
from ..theme import seam as theme

INLINE_DIR = "assets/inline"
_INLINE = re.compile(r"<script>(.*?)</script>", re.S)
"""The bare inline scripts of the templates, whose patterns are known."""
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
"""Every script element of a page, with its attributes and text."""
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.I)
SCRIPT_FILE = re.compile(rf"{re.escape(INLINE_DIR)}/[0-9a-f]{{16}}\.js")
"""The file of an externalised script, as pages refer to it (`script_file`)."""
DATA_TYPE = "application/json"
JSON_LD_TYPE = "application/ld+json"
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_VALUE = r"[^\"'`<>\\:]*"
"""What a Jinja expression inside a script may render to: a relative address that stays inside
its quotes (no colon, so no `javascript:` in the theme's redirect page)."""
OUR_TEMPLATES = Path(__file__).parents[1] / "templates"


def template_dirs() -> list[Path]:
    return [theme.template_dir(), OUR_TEMPLATES]


@cache
def known_scripts() -> tuple[re.Pattern[str], ...]:
    """One pattern per inline script of the theme's and our templates."""
    bodies = {body for folder in template_dirs() for path in sorted(folder.rglob("*.html"))
              for body in _INLINE.findall(path.read_text(encoding="utf-8"))}
    return tuple(re.compile(_VALUE.join(re.escape(part) for part in _JINJA.split(body)))
                 for body in sorted(bodies) if body.strip())


def is_known(code: str) -> bool:
    return any(pattern.fullmatch(code) for pattern in known_scripts())


def script_file(code: str) -> str:
    """Where an externalised script is written: named by its content's hash, so that the
    same script is one file however many pages carry it, and a file can be checked by its
    name."""
    return f"{INLINE_DIR}/{hashlib.sha256(code.encode('utf-8')).hexdigest()[:16]}.js"


class InlineScripts:
    """Collects the inline scripts of every page of one build; writes them at the end."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def externalize(self, html: str, root: str, page: str = "") -> tuple[str, list[Problem]]:
        """`html` with each known inline script replaced by a link and every other removed.

        `root` leads to the site root; `page` names the page in the problems.
        """
        refused: list[Problem] = []

        def move(match: re.Match[str]) -> str:
            attributes, code = match.group(1), match.group(2)
            if attributes.strip():
                return _with_attributes(match.group(0), attributes, code, page, refused)
            if not code.strip():
                return ""
            if not is_known(code):
                refused.append(_foreign(code, page))
                return ""
            name = script_file(code)
            self.files[name] = code
            return f'<script src="{root}{name}"></script>'

        return _SCRIPT.sub(move, html), refused

    def write(self, site_dir: Path) -> list[Path]:
        written = []
        for name, code in sorted(self.files.items()):
            path = site_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(code, encoding="utf-8")
            written.append(path)
        return written


def _with_attributes(element: str, attributes: str, code: str, page: str,
                     refused: list[Problem]) -> str:
    """The element kept as it is, or removed with its problem."""
    kind = script_type(attributes)
    if kind == DATA_TYPE or (_SRC.search(attributes) and not code.strip()):
        return element
    if kind == JSON_LD_TYPE:
        if is_safe_json_ld(code):
            return element
        refused.append(_bad_json_ld(code, page))
        return ""
    refused.append(_foreign(code, page))
    return ""


def script_type(attributes: str) -> str:
    found = _TYPE.search(attributes)
    if found is None:
        return ""
    return next(v for v in found.groups() if v is not None).strip().lower()


def is_safe_json_ld(code: str) -> bool:
    """JSON with no `<`: what pages/json_ld.py writes, and nothing a browser reads as markup."""
    if "<" in code:
        return False
    try:
        json.loads(code)
    except ValueError:  # JSONDecodeError, and a number too long to convert
        return False
    return True


def _bad_json_ld(code: str, page: str) -> Problem:
    start = " ".join(code.split())[:60]
    return Problem(
        "ForeignInlineScript",
        f"на странице встретился блок метаданных (application/ld+json), который сборка не "
        f"может принять: «{start}». Это не JSON или в нём есть знак «<». Сборка его удалила и "
        f"остановилась.",
        hint="Метаданные для поисковых систем пишет только сама сборка (функция json_ld); "
             "найдите шаблон или плагин, который добавил этот блок, и уберите его.",
        path=page or "?",
    )


def _foreign(code: str, page: str) -> Problem:
    start = " ".join(code.split())[:60]
    return Problem(
        "ForeignInlineScript",
        f"на странице встретился встроенный скрипт, которого нет в шаблонах оформления: "
        f"«{start}». Сборка его удалила и остановилась: сайт выполняет только свои скрипты.",
        hint="Найдите, откуда он взялся (тема, плагин в mkdocs.yml или шаблон), и уберите его.",
        path=page or "?",
    )
