"""Inline scripts moved into files, so that the Content-Security-Policy needs no 'unsafe-inline'.

Material for MkDocs writes a few small `<script>` blocks into every page (the local-storage
scope, which differs with the page's depth, the colour palette, the tab state). Each distinct
block becomes one content-addressed file under assets/inline/, loaded in the same place by a
plain `<script src>`, which runs at the same moment as the inline block did. The sample
nginx configuration can then allow scripts from the site itself only, whatever the theme's
version writes inline.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

INLINE_DIR = "assets/inline"
# Only bare <script> tags: `type="application/json"` data blocks are not executed and stay.
_INLINE = re.compile(r"<script>(.*?)</script>", re.S)


class InlineScripts:
    """Collects the inline scripts of every page of one build; writes them at the end."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def externalize(self, html: str, root: str) -> str:
        """`html` with each inline script replaced by a link; `root` leads to the site root."""

        def move(match: re.Match[str]) -> str:
            code = match.group(1)
            if not code.strip():
                return ""
            digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:16]
            name = f"{INLINE_DIR}/{digest}.js"
            self.files[name] = code
            return f'<script src="{root}{name}"></script>'

        return _INLINE.sub(move, html)

    def write(self, site_dir: Path) -> list[Path]:
        written = []
        for name, code in sorted(self.files.items()):
            path = site_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(code, encoding="utf-8")
            written.append(path)
        return written
