"""An internship site shows its own school's practices from the bank, named by file."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import KbRunner, line_of

SITES = "content/_data/internship_sites.yml"


def test_a_sites_practices_exist_and_are_its_schools(project: Path, kb: KbRunner) -> None:
    path = project / SITES
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        "practices: [nastavnichestvo-molodyh-uchiteley-novoy-shkoly]",
        "practices: [nastavnichestvo-molodyh-uchitelei, roditelskiy-universitet]", 1),
        encoding="utf-8")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    row = line_of(project, SITES, "- id: gorizont-nastavnichestvo")
    assert (f"{SITES}:{row}:1: [0].practices[0]: практики «nastavnichestvo-molodyh-uchitelei» "
            "нет в банке (content/practices/nastavnichestvo-molodyh-uchitelei.md): укажите имя "
            "файла практики этой школы без .md. [SitePracticeUnknown]") in result.stderr
    assert (f"{SITES}:{row}:1: [0].practices[1]: практика «roditelskiy-universitet» — практика "
            "школы «tosno-rodnik», а площадка — школы «kudrovo-gorizont»: площадка показывает "
            "стажёрам только свои практики. [SitePracticeOfOtherSchool]") in result.stderr
