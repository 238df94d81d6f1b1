"""Events named as events and recommendations with their approval, through `kb validate`: each
rule with its exact message, located at its field, all reported in one run."""

from __future__ import annotations

from pathlib import Path

from build_tools.content.event_rules import event_name, without_label
from tests.helpers import KbRunner, edit, line_of

NOVEMBER = "content/digests/2026-11.md"
OCTOBER = "content/digests/2026-10.md"
INOFONY = "content/recommendations/adaptatsiya-detey-inofonov-v-novyh-shkolah.md"
SREDA = "content/recommendations/sreda-druzhestvennaya-detyam-v-krupnyh-shkolah.md"
STAZHIROVKI = "content/recommendations/vzaimnye-stazhirovki-upravlencheskih-komand.md"


def test_event_rules_are_located_and_reported(project: Path, kb: KbRunner) -> None:
    edit(project, NOVEMBER, "      - title: В январе — зимняя школа молодого педагога в Гатчине",
         "      - title: Анонс — зимняя школа молодого педагога")
    edit(project, NOVEMBER, "          title: Проектная сессия «Школа как центр посёлка»",
         "          title: 'Анонс: проектная сессия «Школа как центр посёлка»'")
    edit(project, OCTOBER, "          title: Ежегодная конференция Ассоциации «Школа, "
         "устремлённая в будущее»\n", "")
    result = kb("validate", "--strict", cwd=project)
    assert result.returncode == 1
    report = result.stderr
    winter = line_of(project, NOVEMBER, "Анонс — зимняя школа")
    assert (f"{NOVEMBER}:{winter}:16: rubrics[3].items[2].title: (предупреждение) заголовок "
            "«Анонс — зимняя школа молодого педагога» начинается со слова «Анонс»: рубрика и "
            "календарь событий уже показывают, что это анонс. Напишите «Зимняя школа молодого "
            "педагога». [AnnouncementLabel]") in report
    session = line_of(project, NOVEMBER, "'Анонс: проектная сессия")
    assert (f"{NOVEMBER}:{session}:18: rubrics[3].items[1].event.title: (предупреждение) "
            "заголовок «Анонс: проектная сессия «Школа как центр посёлка»» начинается со слова "
            "«Анонс»: рубрика и календарь событий уже показывают, что это анонс. Напишите "
            "«Проектная сессия «Школа как центр посёлка»». [AnnouncementLabel]") in report
    block = line_of(project, OCTOBER, "start: 2026-11-12") - 1
    assert (f"{OCTOBER}:{block}:9: rubrics[1].items[0].event: (предупреждение) у события нет "
            "названия (event.title), а заголовок «Открыта регистрация на конференцию «Школа, "
            "устремлённая в будущее»» говорит об анонсе, а не о самом событии: после события "
            "календарь покажет его среди прошедших так. Добавьте в блок event строку title с "
            "названием события, например «title: Конференция «…»». [EventTitleMissing]"
            ) in report
    assert report.count("[AnnouncementLabel]") == 2 and report.count("[EventTitleMissing]") == 1


def test_the_event_name_is_its_title_else_the_headline_without_its_label() -> None:
    assert event_name({"title": "Открыта регистрация", "event": {"title": "Конференция"}}) == (
        "Конференция")
    assert event_name({"title": "Анонс — зимняя школа", "event": {}}) == "Зимняя школа"
    assert without_label("Анонсы конкурсов") == "Анонсы конкурсов"
    assert without_label("АНОНС: вебинар") == "Вебинар"


def test_approval_rules_are_located_and_reported(project: Path, kb: KbRunner) -> None:
    edit(project, INOFONY, "  date: 2026-03-12\n", "  date: 2026-04-02\n")
    edit(project, SREDA, "  decision: протокол заседания кафедры № 4 (одобрены после обсуждения "
         "с советниками директоров по воспитанию)", "  decision: протокол заседания кафедры")
    edit(project, STAZHIROVKI, "approval:\n  department: центр сопровождения новых школ\n"
         "  decision: \"решение учёного совета института, протокол N 1/26\"\n"
         "  date: 2026-01-29\n", "")
    result = kb("validate", "--strict", cwd=project)
    assert result.returncode == 1
    report = result.stderr
    late = line_of(project, INOFONY, "  date: 2026-04-02")
    assert (f"{INOFONY}:{late}:9: approval.date: рекомендации утверждены 2026-04-02, а "
            "опубликованы раньше, 2026-03-18: документ публикуют после утверждения. Проверьте "
            "обе даты. [ApprovedAfterPublication]") in report
    vague = line_of(project, SREDA, "  decision: протокол заседания кафедры")
    assert (f"{SREDA}:{vague}:13: approval.decision: (предупреждение) в «протокол заседания "
            "кафедры» нет номера протокола или решения: по нему документ находят в архиве. "
            "Допишите номер, например «протокол № 7». [ApprovalWithoutNumber]") in report
    status = line_of(project, STAZHIROVKI, "status: опубликовано")
    assert (f"{STAZHIROVKI}:{status}:9: status: (предупреждение) у опубликованных рекомендаций "
            "не указано, кем и каким документом они утверждены (approval): читатель увидит "
            "только дату публикации. Добавьте блок approval с полями department, decision и "
            "date. [ApprovalMissing]") in report


def test_a_recommendation_shows_its_approval_not_its_status(sample_site: Path) -> None:
    page = (sample_site / "recommendations" / "adaptatsiya-detey-inofonov-v-novyh-shkolah"
            / "index.html").read_text("utf-8")
    assert ("<dt>Утверждены</dt><dd class=\"kb-approval\">Кафедра филологического образования: "
            "решение научно-методического совета института, протокол № 3 от "
            "<time datetime=\"2026-03-12\">12 марта 2026 г.</time></dd>") in page
    assert "<dt>Статус</dt>" not in page and "опубликовано" not in page.split("kb-facts")[1][:2000]
