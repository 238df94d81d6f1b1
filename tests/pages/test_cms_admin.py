"""/admin/ in the built site: built only when switched on, self-hosted, and a missing package
is one Russian message with the command that installs it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.pages import cms_admin
from tests.helpers import ROOT, KbRunner, edit

DECAP = ROOT / cms_admin.DECAP_DIST / cms_admin.SCRIPT
CMS_ON = ("  - kb:\n", "  - kb:\n      cms: {enabled: true, repo: institute/bank, app_id: a1b2, "
          "base_url: \"https://git.institute.example\"}\n")


def test_a_missing_package_names_the_install_command(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cms_admin, "TOOLS_ROOT", tmp_path / "tools")
    with pytest.raises(cms_admin.CmsPackageMissing) as raised:
        cms_admin.decap_files(tmp_path)
    assert str(raised.value) == (
        "редактор материалов включён в mkdocs.yml (cms: enabled: true), но пакет Decap CMS не "
        "установлен: нет файла node_modules/decap-cms/dist/decap-cms.js. Установите его "
        "командой «npm ci» в папке проекта (рядом с package.json) и соберите сайт снова, или "
        "выключите редактор: cms: enabled: false.")


def test_a_switched_on_editor_without_a_repository_is_refused(project: Path,
                                                              kb: KbRunner) -> None:
    edit(project, "mkdocs.yml", "  - kb:\n", "  - kb:\n      cms: {enabled: true}\n")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    assert "не заданы repo, app_id" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not DECAP.is_file(), reason="Decap CMS not installed (npm ci)")
def test_the_editor_is_built_under_admin_from_local_files(project: Path, kb: KbRunner) -> None:
    edit(project, "mkdocs.yml", *CMS_ON)
    result = kb("build", cwd=project)
    assert result.returncode == 0, result.stderr
    admin = project / "site" / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page
    assert '<link href="config.yml" type="text/yaml" rel="cms-config-url">' in page
    assert "http" not in page.replace('http-equiv', '')  # nothing from another host
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert list(admin.glob("*.decap-cms.js")), "the chunks Decap loads beside itself"
    assert not list(admin.glob("*.map"))
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["base_url"] == "https://git.institute.example"
    assert config["site_url"] == "https://example.org/bank/"
