"""Publishing without damage: build into a staging folder, swap it in only when all succeeded."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class StagedSite:
    """A staging folder beside the published site, on the same disk, so the swap is a rename.

    MkDocs empties `site_dir` before it builds; pointing it at the staging folder instead means
    a failed build leaves the published site exactly as it was.
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir.resolve()
        self.site_dir.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=self.site_dir.parent))

    def commit(self) -> None:
        """Replace the published site with the staged one."""
        previous = None
        if self.site_dir.exists():
            previous = Path(tempfile.mkdtemp(prefix=".site-previous-", dir=self.site_dir.parent))
            os.replace(self.site_dir, previous / "site")
        os.replace(self.staging, self.site_dir)
        # mkdtemp creates 0700 folders; a published site is readable by the web server.
        os.chmod(self.site_dir, 0o755)
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
