"""`kb validate` and `kb build` as an editor meets them: planted faults, formats, exit codes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from tests.helpers import FIXTURES, KbRunner

PLANTED = FIXTURES / "planted"


def plant_faults(project: Path) -> None:
    shutil.copytree(PLANTED / "content", project / "content", dirs_exist_ok=True)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_sample_content_is_clean(project: Path, kb: KbRunner) -> None:
    result = kb("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "Материалы проверены: ошибок нет."


def test_every_planted_fault_is_reported_with_file_line_and_field(
    project: Path, kb: KbRunner
) -> None:
    plant_faults(project)
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = (PLANTED / "expected.txt").read_text(encoding="utf-8")
    assert result.stderr == expected


def test_json_format_lists_the_same_problems(project: Path, kb: KbRunner) -> None:
    plant_faults(project)
    result = kb("validate", "--format", "json", cwd=project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    by_file = {(p["path"], p["code"]) for p in report["problems"]}
    assert ("content/practices/unknown-school.md", "UnknownSchool") in by_file
    assert ("content/practices/unclosed-front-matter.md", "UnclosedFrontMatter") in by_file
    school = next(p for p in report["problems"] if p["code"] == "UnknownSchool")
    assert (school["line"], school["column"], school["field"]) == (4, 9, "school")
    assert school["hint"] == "Возможно, вы имели в виду «kudrovo-gorizont»."
    text_lines = (PLANTED / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert report["errors"] == len(report["problems"]) == len(text_lines) - 2  # summary, guide


def test_github_format_annotates_lines(project: Path, kb: KbRunner) -> None:
    plant_faults(project)
    result = kb("validate", "--format", "github", cwd=project)
    assert result.returncode == 1
    line = next(x for x in result.stderr.splitlines() if "impossible-date" in x)
    assert line == (
        "::error file=content/practices/impossible-date.md,line=15,col=7,"
        "title=ImpossibleDate%3A date::даты 2026-02-30 не существует: проверьте месяц "
        "(01–12) и число дня."
    )


def test_warnings_pass_unless_strict(project: Path, kb: KbRunner) -> None:
    practice = project / "content/practices/roditelskiy-universitet.md"
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("related: [", "related: [roditelskiy-universitet, "),
                        encoding="utf-8")
    relaxed = kb("validate", cwd=project)
    assert relaxed.returncode == 0
    assert "[SelfReference]" in relaxed.stderr
    assert "(предупреждение)" in relaxed.stderr
    assert kb("validate", "--strict", cwd=project).returncode == 1


def test_failed_build_leaves_published_site_untouched(project: Path, kb: KbRunner) -> None:
    first = kb("build", cwd=project)
    assert first.returncode == 0, first.stderr
    site = project / "site"
    before = tree_digest(site)
    assert "index.html" in before and "pagefind/pagefind-entry.json" in before

    plant_faults(project)
    failed = kb("build", cwd=project)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "Сайт не собран" in failed.stderr
    assert tree_digest(site) == before
    assert not list(project.glob(".site-staging-*"))


def test_build_error_inside_mkdocs_keeps_site_and_cleans_staging(
    project: Path, kb: KbRunner
) -> None:
    assert kb("build", cwd=project).returncode == 0
    before = tree_digest(project / "site")
    config = project / "mkdocs.yml"
    # A nav entry pointing nowhere passes content validation but fails MkDocs in strict mode.
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - События: events/index.md", "  - События: events/index.md\n  - Нет такой: missing.md"),
        encoding="utf-8")
    failed = kb("build", "--strict", cwd=project)
    assert failed.returncode == 1
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site-staging-*"))


def test_the_size_limit_is_a_setting_of_the_kb_plugin(project: Path, kb: KbRunner) -> None:
    """`max_file_kb` in mkdocs.yml applies to kb validate, kb build and mkdocs build alike."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "\n  - kb:\n" in text
    config.write_text(text.replace("\n  - kb:\n", "\n  - kb:\n      max_file_kb: 8\n"), "utf-8")
    practice = project / "content" / "practices" / "roditelskiy-universitet.md"
    practice.write_text(practice.read_text("utf-8") + "\nДополнение.\n" * 900, "utf-8")
    size_kb = -(-practice.stat().st_size // 1024)
    assert size_kb > 8
    for command in (("validate",), ("build",)):
        result = kb(*command, cwd=project)
        assert result.returncode == 1, result.stderr
        assert (f"content/practices/roditelskiy-universitet.md:1:1: файл занимает {size_kb} КБ, "
                "а допускается не больше 8 КБ (настройка max_file_kb плагина kb в mkdocs.yml)."
                ) in result.stderr
        assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_embed_hosts_let_a_named_player_onto_the_page(project: Path, kb: KbRunner) -> None:
    """The institute may allow players from named hosts; kb validate and the build agree."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "\n  - kb:\n", "\n  - kb:\n      embed_hosts: [rutube.ru]\n"), "utf-8")
    practice = project / "content" / "practices" / "roditelskiy-universitet.md"
    player = ('\n<iframe title="Запись встречи родительского университета" '
              'src="https://rutube.ru/play/embed/0000"></iframe>\n')
    practice.write_text(practice.read_text("utf-8") + player, "utf-8")
    result = kb("build", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "practices" / "roditelskiy-universitet" / "index.html")
    assert ('<iframe title="Запись встречи родительского университета" '
            'src="https://rutube.ru/play/embed/0000"></iframe>') in page.read_text("utf-8")

    practice.write_text(practice.read_text("utf-8").replace("rutube.ru/play", "video.example/play"),
                        "utf-8")
    refused = kb("validate", cwd=project)
    assert refused.returncode == 1
    assert re.search(r"content/practices/roditelskiy-universitet\.md:\d+:1: фрейм с адреса "
                     r"«https://video\.example/play/embed/0000» не допускается: .*\(rutube\.ru\)"
                     r".*\[ExternalEmbed\]", refused.stderr), refused.stderr
