"""The web editor's files handed to MkDocs: /admin/ when the kb plugin's `cms` is on, or
while `kb edit` runs the local backend."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..authoring.cms_config import CmsBackend
from ..content.library import Library
from ..pages.cms_admin import CmsPackageMissing, DecapFile, admin_statics, decap_files
from ..pages.pages import StaticSpec
from ..pages.render import Renderer, normalize_site_url

log = logging.getLogger("mkdocs.plugins.kb")

local_backend_url = ""
"""Set by `kb edit` before it starts the preview: the editor then saves through decap-server
into the project folder, whatever mkdocs.yml says about the git host."""


def editor_backend(configured: CmsBackend | None) -> CmsBackend | None:
    """The backend /admin/ is built for, or None when there is no editor."""
    if local_backend_url:
        return replace(configured or CmsBackend(), local_url=local_backend_url)
    return configured


def editor_outputs(backend: CmsBackend, library: Library, renderer: Renderer,
                   config: Any) -> tuple[list[StaticSpec], list[DecapFile]]:
    """admin/index.html, admin/config.yml and the Decap CMS files; a missing package stops
    the build with the command that installs it."""
    try:
        files = decap_files(Path(config.config_file_path).parent)
    except CmsPackageMissing as error:
        raise PluginError(str(error)) from error
    statics = admin_statics(library, renderer, backend,
                            site_url=normalize_site_url(config.site_url),
                            site_name=str(config.site_name))
    log.info("редактор материалов: /admin/ собран (" + ("локальный режим, файлы сохраняются "
             "в папку проекта" if backend.local_url else f"{backend.name}: {backend.repo}") + ")")
    return statics, files


def decap_file(config: Any, decap: DecapFile) -> File:
    return File.generated(config, decap.src_uri, abs_src_path=str(decap.path))
