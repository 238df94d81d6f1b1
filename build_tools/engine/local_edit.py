"""`kb edit`: the web editor on the editor's own computer. Decap's local backend (decap-server,
pinned in package.json) saves into the project folder; the preview shows the result."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from ..pages.cms_admin import INSTALL_COMMAND, TOOLS_ROOT
from . import cms_output

SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"


def decap_server(project_root: Path) -> Path | None:
    for root in (project_root, TOOLS_ROOT):
        if (root / SERVER).is_file():
            return root / SERVER
    return None


def run(args: argparse.Namespace, serve: Callable[[argparse.Namespace], int]) -> int:
    """Start decap-server on 127.0.0.1 only, then the preview with /admin/ pointing at it."""
    project_root = Path(args.config_file).resolve().parent
    server, node = decap_server(project_root), shutil.which("node")
    if server is None or node is None:
        missing = "Node.js (команда node)" if node is None else f"пакет decap-server ({SERVER})"
        print(f"kb edit: не найден {missing}. Установите Node.js и npm, затем выполните "
              f"«{INSTALL_COMMAND}» в папке проекта.", file=sys.stderr)
        return 1
    port = args.backend_port
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(project_root), "LOG_LEVEL": "warn"}
    backend = subprocess.Popen([node, str(server)], env=env, cwd=project_root)
    cms_output.local_backend_url = f"http://127.0.0.1:{port}/api/v1"
    host, _, web_port = args.dev_addr.partition(":")
    print(f"Редактор материалов: http://{host}:{web_port or 8000}{_path_of(args)}admin/ — "
          "сохранённые материалы записываются в папку content/ этого проекта. Остановить: "
          "Ctrl+C.", file=sys.stderr)
    # A stop from a service manager ends the preview like Ctrl+C, so the backend stops too.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return serve(args)
    finally:
        signal.signal(signal.SIGTERM, previous)
        cms_output.local_backend_url = ""
        backend.terminate()
        try:
            backend.wait(timeout=10)
        except subprocess.TimeoutExpired:
            backend.kill()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _path_of(args: argparse.Namespace) -> str:
    from urllib.parse import urlsplit

    from .settings import SettingsError, read_site

    try:
        site_url = read_site(Path(args.config_file)).site_url
    except SettingsError:
        return "/"
    return (urlsplit(site_url).path or "/").rstrip("/") + "/"
