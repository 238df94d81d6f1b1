"""Courses and the conference on the built site: their pages, the courses list and its filter
keys, the links between digest items and what they name, the courses feed and open data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import copy_sample

BUILD_EPOCH = 1795435200
"""2026-11-23 12:00 UTC, as in the browser tests: which courses are upcoming is fixed."""
COURSE = "upravlenie-razvitiem-obrazovatelnoy-organizatsii"
ONLINE = "upravlencheskaya-kompetentnost-myagkie-navyki"
ON_REQUEST = "upravlenie-v-usloviyah-obrazovatelnogo-kompleksa"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_sample(tmp_path_factory.mktemp("courses") / "project")
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)})
    assert result.returncode == 0, result.stderr
    return project / "site"


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_course_page_shows_hours_groups_state_and_enrolment(site: Path) -> None:
    page = read(site, f"courses/{COURSE}")
    shown = text(page)
    assert "Объём 72 академических часа" in shown
    assert "Формат смешанный" in shown
    assert "Сроки начало 2 февраля 2027 г." in shown
    assert ('href="https://institute.example/kursy/zapis/upravlenie-razvitiem" rel="noopener">'
            "Записаться на курс</a>") in page
    assert ("Поток 2, для школ, открывающихся в 2027 году 2 февраля – 27 марта 2027 г. "
            "Санкт-Петербург, институт развития образования") in shown
    assert '<h2 id="gruppy">Группы и сроки</h2>' in page
    assert '<span data-pagefind-filter="type">курс</span>' in page
    assert '<span data-pagefind-meta="source">кафедра управления и экономики образования' in page
    past = read(site, f"courses/{ONLINE}")
    assert "Сроки завершён" in text(past) and "Записаться на курс" not in past
    assert "Даты 14 сентября – 9 октября 2026 г. Запись до 10 сентября 2026 г." in text(past)
    assert "по заявке: сроки согласуются с заказчиком" in text(read(site, f"courses/{ON_REQUEST}"))


def test_digest_item_and_course_page_link_to_each_other(site: Path) -> None:
    digest = read(site, "digests/2026-11")
    link = (f'Курс: <a href="../../courses/{COURSE}/">Управление развитием образовательной '
            "организации в условиях открытия и реновации</a>")
    assert link in digest
    course = read(site, f"courses/{COURSE}")
    [anchor] = re.findall(r'href="\.\./\.\./digests/2026-11/#(item-[0-9a-f]{20})"', course)
    article = digest.split(f'<article class="kb-digest-item" id="{anchor}">', 1)[1]
    assert article.split("</article>", 1)[0].count(link) == 1
    assert '<h2 id="v-daydzheste">В дайджесте Ассоциации</h2>' in course


def test_event_items_keep_their_calendar_anchor_and_link_their_edition(site: Path) -> None:
    october = read(site, "digests/2026-10")
    item = october.split("Открыта регистрация на конференцию", 1)[1].split("</article>", 1)[0]
    assert ('Конференция: <a href="../../conference/2026/">Конференция «Школа, устремлённая в '
            "будущее» — 2026</a>") in item
    edition = read(site, "conference/2026")
    anchors = re.findall(r'href="\.\./\.\./digests/(2026-1[01])/#((?:event|item)-[0-9a-f]{20})"',
                         edition)
    assert [month for month, _ in anchors] == ["2026-11", "2026-10"]  # newest issue first
    for month, anchor in anchors:
        assert f'id="{anchor}"' in read(site, f"digests/{month}")
    august = read(site, "digests/2026-08")
    assert ('Проект Ассоциации: <a href="../../projects/soberi-svoyu-shkolu/">Собери свою '
            "школу</a>") in august  # written by its id, shown by its name


def test_conference_page_lists_editions_newest_first_with_sections_and_materials(
    site: Path
) -> None:
    index = read(site, "conference")
    assert index.index("2026: Новая школа как центр территории") < index.index(
        "2025: Первые три года новой школы")
    edition = read(site, "conference/2026")
    assert "<h1 id=\"2026\">Конференция «Школа, устремлённая в будущее» — 2026</h1>" in edition
    assert "Ведёт: директор школы-новостройки, стажировочной площадки Ассоциации" in edition
    assert ('<a href="../../conference/materials/2026-rezolyutsiya.txt" download>'
            "Резолюция конференции</a>") \
        in edition
    assert (site / "conference" / "materials" / "2026-rezolyutsiya.txt").is_file()


def test_courses_list_carries_the_keys_its_filters_match(site: Path) -> None:
    page = read(site, "courses")
    items = dict(re.findall(r'data-kb-when="([a-z-]+)">\s*<a class="kb-item__title" '
                            r'href="([^"]+)"', page))
    assert items == {"on-request": f"../courses/{ON_REQUEST}/",
                     "upcoming": f"../courses/{COURSE}/", "past": f"../courses/{ONLINE}/"}
    assert 'data-kb-format="distantsionno"' in page
    assert 'data-kb-audience="rukovoditeli-shkol metodicheskie-sluzhby"' in page
    selects = re.findall(r'<select name="(\w+)">', page)
    assert selects == ["department", "audience", "format", "when"]
    # Only values some course has: no department or audience that would empty the list.
    assert 'value="kafedra-filologicheskogo"' not in page and 'value="roditeli"' not in page
    assert '<form class="kb-list-filter" data-kb-filter="kb-course-list" hidden' in page


def test_courses_feed_and_open_data(site: Path) -> None:
    feed = ET.parse(site / "feeds" / "courses.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"https://example.org/bank/courses/{slug}/" for slug in (ON_REQUEST, COURSE, ONLINE)]
    assert entries[1].findtext(f"{ATOM}published") == "2026-09-01T00:00:00Z"
    assert entries[1].findtext(f"{ATOM}author/{ATOM}name") == (
        "кафедра управления и экономики образования")
    courses = json.loads((site / "data" / "courses.json").read_text(encoding="utf-8"))
    by_id = {row["id"]: row for row in courses}
    assert by_id[COURSE]["hours"] == 72 and by_id[COURSE]["first_day"] == "2026-10-05"
    assert by_id[ON_REQUEST]["on_request"] is True and by_id[ON_REQUEST]["groups"] == []
    editions = json.loads((site / "data" / "conference.json").read_text(encoding="utf-8"))
    assert [e["year"] for e in editions] == [2025, 2026]
