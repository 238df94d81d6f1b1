"""Digest items pointing to courses, editions and projects, and editions named by their year:
checked across files, located in the file that has to change."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import KbRunner, edit, line_of

NOVEMBER = "content/digests/2026-11.md"
AUGUST = "content/digests/2026-08.md"


def test_digest_items_must_point_to_existing_courses_editions_and_projects(
    project: Path, kb: KbRunner
) -> None:
    edit(project, NOVEMBER, "course: upravlenie-razvitiem-obrazovatelnoy-organizatsii",
         "course: upravlenie-razvitiem")
    edit(project, NOVEMBER, "conference: 2026", "conference: 2016")
    edit(project, AUGUST, "project: Капсула времени", "project: Капсула")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr
    course = line_of(project, NOVEMBER, "course: upravlenie-razvitiem")
    assert (f"{NOVEMBER}:{course}:17: rubrics[3].items[7].course: курса «upravlenie-razvitiem» "
            "нет: укажите имя файла курса без .md из папки content/courses/ "
            "(upravlencheskaya-kompetentnost-myagkie-navyki, "
            "upravlenie-razvitiem-obrazovatelnoy-organizatsii, "
            "upravlenie-v-usloviyah-obrazovatelnogo-kompleksa). Возможно, вы имели в виду "
            "«upravlenie-razvitiem-obrazovatelnoy-organizatsii». [UnknownCourse]") in report
    edition = line_of(project, NOVEMBER, "conference: 2016")
    assert (f"{NOVEMBER}:{edition}:21: rubrics[3].items[3].conference: выпуска конференции "
            "«2016» нет: укажите год выпуска, у которого есть файл в папке content/conference/ "
            "(2025, 2026). Возможно, вы имели в виду «2026». [UnknownConference]") in report
    project_line = line_of(project, AUGUST, "project: Капсула")
    assert (f"{AUGUST}:{project_line}:18: rubrics[2].items[0].project: неизвестное значение "
            "«Капсула» (проект Ассоциации). Допустимые значения: Формула новой школы, Собери "
            "свою школу, Школа как город, Школа, дружественная детям, Капсула времени. "
            "Возможно, вы имели в виду «Капсула времени». [UnknownTerm]") in report


def test_an_edition_is_named_by_its_year(project: Path, kb: KbRunner) -> None:
    folder = project / "content" / "conference"
    (folder / "2025.md").rename(folder / "2024.md")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    assert ("content/conference/2024.md:2:7: year: в файле 2024.md описан выпуск 2025 года: "
            "файл выпуска называется по году, 2025.md, — по нему читатели и дайджест находят "
            "выпуск. [ConferenceYearMismatch]") in result.stderr


def test_a_project_may_be_named_by_its_id(project: Path, kb: KbRunner) -> None:
    # The sample names «Собери свою школу» by its id; the page shows the name (test_course_pages).
    assert "project: soberi-svoyu-shkolu" in (project / AUGUST).read_text(encoding="utf-8")
    result = kb("validate", cwd=project)
    assert result.returncode == 0, result.stderr
