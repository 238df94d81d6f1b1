"""The monthly digest: the sequence of issues, pages, and `kb digest draft`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import frontmatter
import pytest

from build_tools.authoring.digest_draft import parse_month
from build_tools.content.months import YearMonth
from tests.helpers import KbRunner


def test_missing_month_is_a_warning_that_names_it(project: Path, kb: KbRunner) -> None:
    (project / "content" / "digests" / "2026-08.md").unlink()
    # The August issue came out but is not in the archive: September keeps its number.
    result = kb("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert re.search(r"content/digests/2026-09\.md:\d+:\d+: month: \(предупреждение\) в архиве "
                     r"нет выпуска за август 2026: перед этим выпуском идёт № 32 за июль 2026 "
                     r".*\[DigestMonthGap\]", result.stderr), result.stderr
    strict = kb("validate", "--strict", cwd=project)
    assert strict.returncode == 1


def test_issue_numbers_must_follow_each_other(project: Path, kb: KbRunner) -> None:
    issue = project / "content" / "digests" / "2026-10.md"
    issue.write_text(issue.read_text("utf-8").replace("issue: 35", "issue: 37"), "utf-8")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    assert ("content/digests/2026-10.md:4:8: issue: номера выпусков идут подряд: после № 34 за "
            "сентябрь 2026 ожидался № 35, а указан № 37. [DigestIssueNumber]") in result.stderr


def test_event_dates_are_checked(project: Path, kb: KbRunner) -> None:
    issue = project / "content" / "digests" / "2026-11.md"
    original = issue.read_text("utf-8")
    issue.write_text(original.replace("format: проектная сессия\n          end: 2026-12-17",
                                      "format: проектная сессия\n          end: 2026-12-15", 1),
                     "utf-8")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    assert ("content/digests/2026-11.md:46:16: rubrics[3].items[1].event.end: событие "
            "заканчивается (2026-12-15) раньше, чем начинается (2026-12-16). "
            "[DatesOutOfOrder]") in result.stderr, result.stderr
    issue.write_text(original.replace("start: 2026-12-03", "start: 2026-12-32", 1), "utf-8")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    assert ("content/digests/2026-11.md:34:18: rubrics[3].items[0].event.start: даты "
            "2026-12-32 не существует") in result.stderr, result.stderr


def test_digest_pages_link_to_previous_and_next_issue(sample_site: Path) -> None:
    october = (sample_site / "digests" / "2026-10" / "index.html").read_text("utf-8")
    assert re.search(r'<a rel="prev" href="\.\./\.\./digests/2026-09/">← № 34, сентябрь 2026</a>',
                     october)
    assert re.search(r'<a rel="next" href="\.\./\.\./digests/2026-11/">№ 36, ноябрь 2026 →</a>',
                     october)
    newest = (sample_site / "digests" / "2026-11" / "index.html").read_text("utf-8")
    assert 'rel="next"' not in newest.split('class="kb-pager kb-pager--issues"')[1]
    first = (sample_site / "digests" / "2026-06" / "index.html").read_text("utf-8")
    assert 'rel="prev"' not in first.split('class="kb-pager kb-pager--issues"')[1]
    archive = (sample_site / "digests" / "index.html").read_text("utf-8")
    assert "<h2 id=\"god-2026\">2026 год</h2>" in archive
    assert archive.index("Ноябрь 2026 — выпуск № 36") < archive.index("Июнь 2026 — выпуск № 31")


def test_digest_items_show_their_event(sample_site: Path) -> None:
    html = (sample_site / "digests" / "2026-11" / "index.html").read_text("utf-8")
    item = html[html.index("приглашают на проектную сессию в Волхов"):]
    item = item[:item.index("</article>")]
    assert "16–17 декабря 2026 г." in item and "Волхов, школа «Перспектива»" in item
    assert "Регистрация до</strong> 9 декабря 2026 г." in item


def test_draft_collects_the_months_practices_and_next_months_events(
        project: Path, kb: KbRunner) -> None:
    digests = project / "content" / "digests"
    (digests / "2026-10.md").unlink()
    result = kb("digest", "draft", "2026-10", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "content/digests/2026-10.md" in result.stderr
    draft = frontmatter.load(digests / "2026-10.md")
    assert (draft["year"], draft["month"], draft["issue"], draft["status"]) == (
        2026, 10, 35, "черновик")
    items = {rubric["rubric"]: rubric["items"] for rubric in draft["rubrics"]}
    # Practices reviewed (published) in October 2026, read from their files.
    published = [frontmatter.load(p) for p in sorted((project / "content" / "practices")
                                                      .glob("*.md"))]
    reviewed = {p["title"]: (p.get("review") or {}).get("date") for p in published}
    october = [p for p in published if reviewed[p["title"]] and
               (reviewed[p["title"]].year, reviewed[p["title"]].month) == (2026, 10)
               and p["status"] in ("опубликовано", "рекомендовано к тиражированию")]
    assert october, "the sample content has a practice published in October 2026"
    titles = [item["title"] for item in items["интересный опыт"]]
    assert titles == [f"В банке — практика «{p['title']}»" for p in
                      sorted(october, key=lambda p: reviewed[p["title"]])]
    assert all(item["link"].startswith("https://example.org/bank/practices/")
               for item in items["интересный опыт"])
    # Events announced in other issues for November: the webinar of 19 November.
    november = [item for rubric in items.values() for item in rubric if "event" in item]
    assert [item["event"]["start"].isoformat() for item in november] == ["2026-11-19"]
    # Dated by its announcement in the October issue (its first day), not by the event.
    assert november[0]["date"] == dt.date(2026, 10, 1)
    # The draft is valid content: the editor starts from a file that passes the checks.
    check = kb("validate", cwd=project)
    assert check.returncode == 0, check.stderr


def test_draft_never_overwrites(project: Path, kb: KbRunner) -> None:
    existing = project / "content" / "digests" / "2026-11.md"
    before = existing.read_bytes()
    result = kb("digest", "draft", "2026-11", cwd=project)
    assert result.returncode == 1
    assert "выпуск за ноябрь 2026 уже есть: content/digests/2026-11.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert existing.read_bytes() == before


def test_draft_for_an_empty_month_and_a_bad_month(project: Path, kb: KbRunner) -> None:
    result = kb("digest", "draft", "2027-03", cwd=project)
    assert result.returncode == 0, result.stderr
    draft = frontmatter.load(project / "content" / "digests" / "2027-03.md")
    assert draft["issue"] == 37 and draft["rubrics"][0]["items"][0]["title"] == \
        "Заголовок новости"
    bad = kb("digest", "draft", "2027-13", cwd=project)
    assert bad.returncode == 1 and "месяц выпуска «2027-13» не подходит" in bad.stderr
    # The March draft leaves December to February unarchived: a warning, not an error.
    check = kb("validate", cwd=project)
    assert check.returncode == 0 and "нет выпуска за декабрь 2026, январь 2027, февраль 2027" \
        in check.stderr


@pytest.mark.parametrize("month", ["0000-01", "2026-13", "2026-00", "9999-12", "abc",
                                   "２０２６-１２", "2026-1"])
def test_impossible_months_are_refused_without_a_traceback(
    month: str, project: Path, kb: KbRunner
) -> None:
    """Years outside the digest's declared range, month 00 or 13, words, full-width digits."""
    before = sorted(p.name for p in (project / "content" / "digests").iterdir())
    for command in (("digest", "draft", month), ("new", "digest", month)):
        result = kb(*command, cwd=project)
        assert "Traceback" not in result.stderr + result.stdout
        assert result.returncode == 1, (command, result.stderr)
        assert f"месяц выпуска «{month}» не подходит: укажите год от 2019 до 2100 и месяц " \
               "от 01 до 12 в виде ГГГГ-ММ" in result.stderr
    assert sorted(p.name for p in (project / "content" / "digests").iterdir()) == before


def test_draft_without_a_month_is_the_current_one(project: Path, kb: KbRunner) -> None:
    """Like `kb new digest`: no month means this month."""
    today = dt.date.today()
    target = project / "content" / "digests" / f"{today.year:04d}-{today.month:02d}.md"
    target.unlink(missing_ok=True)
    result = kb("digest", "draft", cwd=project)
    assert result.returncode == 0, result.stderr
    draft = frontmatter.load(target)
    assert (draft["year"], draft["month"], draft["status"]) == (
        today.year, today.month, "черновик")


def test_parse_month_defaults_to_today() -> None:
    assert parse_month("", dt.date(2027, 3, 5)) == YearMonth(2027, 3)
    assert parse_month(" 2026-12 ", dt.date(2027, 3, 5)) == YearMonth(2026, 12)


def test_a_january_event_in_the_december_draft_is_dated_in_december(
        project: Path, kb: KbRunner) -> None:
    """A January event announced in November: the December draft's item is December news."""
    digests = project / "content" / "digests"
    november = digests / "2026-11.md"
    text = november.read_text("utf-8")
    announcement = (
        "      - title: Открыта запись на январский семинар по проектной деятельности\n"
        "        date: 2026-11-20\n"
        "        summary: Семинар для учителей начальных классов о проектах во втором классе.\n"
        "        event:\n"
        "          title: Семинар по проектной деятельности в начальной школе\n"
        "          start: 2027-01-14\n"
        "          online: true\n")
    anchor = "      - title: Вебинар о методических рекомендациях"
    november.write_text(text.replace(anchor, announcement + anchor, 1), "utf-8")
    result = kb("digest", "draft", "2026-12", cwd=project)
    if result.returncode == 1 and "уже есть" in result.stderr:
        (digests / "2026-12.md").unlink()
        result = kb("digest", "draft", "2026-12", cwd=project)
    assert result.returncode == 0, result.stderr
    draft = frontmatter.load(digests / "2026-12.md")
    items = [i for r in draft["rubrics"] for i in r["items"]
             if i.get("event", {}).get("start") == dt.date(2027, 1, 14)]
    assert len(items) == 1
    assert items[0]["date"] == dt.date(2026, 12, 1)
