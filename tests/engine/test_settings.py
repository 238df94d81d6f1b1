"""The kb plugin's options: one reader for the command and the plugin, wrong values named."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.engine.settings import KbSettings, SettingsError, kb_settings, read_site
from tests.helpers import KbRunner


def test_defaults_are_the_plugin_schema_defaults() -> None:
    assert kb_settings({}) == KbSettings()


def test_options_are_read_from_every_form_of_plugins(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - kb:\n", "  - kb:\n      max_file_kb: 10\n"
                                   "      embed_hosts: [RuTube.ru]\n"), encoding="utf-8")
    site = read_site(config)
    assert (site.kb.max_file_kb, site.kb.embed_hosts) == (10, ("rutube.ru",))
    assert site.docs_dir == project.resolve() / "content"
    assert site.project(project).max_file_bytes == 10 * 1024


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("max_file_kb", "много", "целое число"),
    ("search_index", "[1]", "да или нет"),
    ("embed_hosts", "rutube.ru", "список адресов"),
    ("requests_url", "ftp://git.example/issues/new", "адрес страницы новой заявки"),
    ("requests_url", "[1]", "начинающийся с https://"),
])
def test_a_wrong_value_is_named_in_russian(option: str, value: str, expected: str) -> None:
    import yaml

    with pytest.raises(SettingsError, match=expected) as raised:
        kb_settings({option: yaml.safe_load(value)})
    assert option in str(raised.value)


def test_kb_validate_reports_a_wrong_option_without_a_traceback(
    project: Path, kb: KbRunner
) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kb:\n", "  - kb:\n      max_file_kb: много\n"), encoding="utf-8")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == ("kb: в mkdocs.yml у плагина kb настройка max_file_kb "
                                     "задана как «много», а нужно целое число.")


def test_the_sample_asks_for_replication_on_its_git_host(project: Path) -> None:
    site = read_site(project / "mkdocs.yml")
    assert site.kb.requests_url == "https://git.institute.example/bank/content/issues/new"
    assert kb_settings({}).requests_url == ""


def test_the_disclosure_policy_is_read_once_from_the_plugin_options() -> None:
    settings = kb_settings({"monitoring_min_group": 5, "monitoring_school_values": False})
    assert (settings.disclosure.min_group, settings.disclosure.school_values) == (5, False)
    assert kb_settings({}).disclosure.school_values is True


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("monitoring_min_group", 0, "целое число не меньше 1"),
    ("monitoring_school_values", "нет", "да или нет"),
])
def test_a_wrong_disclosure_option_is_named(option: str, value: object, expected: str) -> None:
    with pytest.raises(SettingsError, match=expected):
        kb_settings({option: value})


def test_the_selection_rule_is_read_once_and_checked() -> None:
    from build_tools.engine.settings import SettingsError, kb_settings
    from build_tools.monitoring.selection import SelectionRule

    rule = kb_settings({"monitoring_improvement_periods": 3,
                        "monitoring_min_indicators": 1}).selection
    assert rule == SelectionRule(periods=3, min_indicators=1)
    try:
        kb_settings({"monitoring_min_indicators": 0})
    except SettingsError as error:
        assert "monitoring_min_indicators" in str(error) and "не меньше 1" in str(error)
    else:
        raise AssertionError("k = 0 would make every school a candidate")
