"""Courses and conference editions through `kb validate`: every rule with its exact message,
located at its field, all reported in one run."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import KbRunner, edit, line_of

COURSE = "content/courses/upravlenie-razvitiem-obrazovatelnoy-organizatsii.md"
ONLINE = "content/courses/upravlencheskaya-kompetentnost-myagkie-navyki.md"
ON_REQUEST = "content/courses/upravlenie-v-usloviyah-obrazovatelnogo-kompleksa.md"
EDITION = "content/conference/2025.md"


def test_course_rules_are_located_and_reported_in_one_run(project: Path, kb: KbRunner) -> None:
    edit(project, COURSE, "hours: 72\n", "")
    edit(project, COURSE, "    end: 2027-03-27", "    end: 2027-01-27")
    edit(project, COURSE, "    enrolment_until: 2027-01-22", "    enrolment_until: 2027-02-05")
    edit(project, ONLINE, "hours: 36", "hours: 0")
    edit(project, ONLINE, "enrolment_until: 2026-09-10", "enrolment_until: 2026-09-15")
    edit(project, ONLINE, "enrolment: https://", "enrolment: http://")
    edit(project, ON_REQUEST, "format: очно\n", "format: очно\nend: 2027-05-01\n")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr
    assert (f"{COURSE}:2:1: hours: не заполнено обязательное поле «hours» (Объём программы в "
            "академических часах (целое число больше нуля)). [MissingField]") in report
    end = line_of(project, COURSE, "end: 2027-01-27")
    assert (f"{COURSE}:{end}:10: groups[1].end: группа заканчивается (2027-01-27) раньше, чем "
            "начинается (2027-02-02). [DatesOutOfOrder]") in report
    late = line_of(project, COURSE, "enrolment_until: 2027-02-05")
    assert (f"{COURSE}:{late}:22: groups[1].enrolment_until: (предупреждение) запись открыта до "
            "2027-02-05, а занятия начинаются 2027-02-02: кто запишется после начала, "
            "пропустит первые занятия. [EnrolmentAfterStart]") in report
    assert (f"{ONLINE}:{line_of(project, ONLINE, 'hours: 0')}:8: hours: число 0 вне допустимых "
            "границ: от 1 до 1000. [OutOfRange]") in report
    assert (f"{ONLINE}:{line_of(project, ONLINE, 'enrolment_until')}:18: enrolment_until: "
            "(предупреждение) запись открыта до 2026-09-15, а занятия начинаются 2026-09-14: "
            "кто запишется после начала, пропустит первые занятия. "
            "[EnrolmentAfterStart]") in report
    assert (f"{ONLINE}:{line_of(project, ONLINE, 'enrolment:')}:12: enrolment: "
            "«http://institute.example/kursy/zapis/myagkie-navyki» открывается без шифрования: "
            "ссылка на запись должна начинаться с https://, ведь слушатели вводят там свои "
            "данные. [BadUrl]") in report
    assert (f"{ON_REQUEST}:2:1: start: указан последний день курса (end), но не указан первый "
            "(start). [MissingField]") in report


def test_a_course_with_dates_and_groups_is_refused(project: Path, kb: KbRunner) -> None:
    edit(project, COURSE, "groups:\n", "start: 2027-02-02\ngroups:\n")
    result = kb("validate", cwd=project)
    assert (f"{COURSE}:{line_of(project, COURSE, 'groups:')}:1: groups: у курса заполнены и "
            "свои даты (start, end), и группы (groups): укажите даты либо курса целиком, либо "
            "каждой группы. [CourseDatesTwice]") in result.stderr


def test_edition_rules_are_located(project: Path, kb: KbRunner) -> None:
    edit(project, EDITION, "  start: 2025-11-20\n  end: 2025-11-21",
         "  start: 2024-11-20\n  end: 2024-11-19")
    edit(project, EDITION, "    link: https://institute.example/konferentsiya/2025/tezisy\n", "")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr
    assert (f"{EDITION}:{line_of(project, EDITION, 'end: 2024')}:8: dates.end: конференция "
            "заканчивается (2024-11-19) раньше, чем начинается (2024-11-20). "
            "[DatesOutOfOrder]") in report
    assert (f"{EDITION}:{line_of(project, EDITION, 'start: 2024')}:10: dates.start: выпуск 2025 "
            "года начинается 2024-11-20, в другом году: проверьте год выпуска и даты. "
            "[ConferenceDatesOutsideYear]") in report
    material = line_of(project, EDITION, "Сборник тезисов")
    assert (f"{EDITION}:{material}:5: materials[0].file: у материала нет ни файла (file), ни "
            "ссылки (link): укажите одно из двух. [MissingField]") in report
