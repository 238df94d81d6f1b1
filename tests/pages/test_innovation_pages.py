"""Innovation project pages, the projects' listing and the timeline, for a fixed build date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from build_tools.checks.loader import Project, load_library
from build_tools.content.library import Library
from build_tools.content.timeline import StepState
from build_tools.pages import innovation_pages
from build_tools.pages.pages import SiteBuilder
from tests.helpers import ROOT

DAY = dt.date(2026, 11, 23)
EPOCH = "1795435200"  # 2026-11-23 12:00 UTC
OVERDUE_PROJECT = "vzaimnye-stazhirovki-upravlencheskih-komand-vsevolozhskogo-rayona"


@pytest.fixture(scope="module")
def library() -> Library:
    library, problems = load_library(Project(ROOT / "content", ROOT))
    assert not problems.has_errors()
    return library


def test_stage_states_of_the_sample_project(library: Library) -> None:
    [entry] = [e for e in innovation_pages.innovations(library) if e.slug == OVERDUE_PROJECT]
    views = innovation_pages.stage_views(entry, "stages", DAY)
    assert [(v.anchor, v.state) for v in views] == [
        ("etap-proekta-1", StepState.DONE), ("etap-proekta-2", StepState.OVERDUE),
        ("etap-proekta-3", StepState.CURRENT), ("etap-proekta-4", StepState.UPCOMING)]
    assert innovation_pages.phase(entry, DAY).value == "реализуется"
    assert innovation_pages.phase(entry, dt.date(2025, 8, 1)).value == "не начат"


def test_the_timeline_gathers_projects_plans_and_road_maps(library: Library) -> None:
    groups = innovation_pages.timeline(library, DAY)
    overdue = [(s.kind, s.title) for s in groups["overdue"]]
    assert ("этап инновационного проекта", "Этап 2. Диагностический") in overdue
    assert ("мероприятие плана", "Формирование пар и троек школ для взаимных стажировок") \
        in overdue
    current = {s.kind for s in groups["current"]}
    assert current == {"этап инновационного проекта", "мероприятие плана",
                       "этап дорожной карты"}
    assert all(s.start > DAY for s in groups["upcoming"])
    assert [s.start for s in groups["upcoming"]] == sorted(s.start for s in groups["upcoming"])
    step = next(s for s in groups["overdue"] if s.title == "Этап 2. Диагностический")
    assert step.source_url == f"innovation/{OVERDUE_PROJECT}/#etap-proekta-2"


def test_pages_show_the_states_of_the_build_date(library: Library,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    pages = {p.src_uri: p for p in SiteBuilder(library).pages()}
    page = pages[f"innovation/{OVERDUE_PROJECT}.md"]
    assert page.kind == "entry"
    states = re.findall(r'<li class="kb-stage kb-stage--(\w+)" id="etap-proekta-(\d)"',
                        page.after)
    assert states == [("done", "1"), ("overdue", "2"), ("current", "3"), ("upcoming", "4")]
    assert "Состояние этапов на 23 ноября 2026 г." in page.after
    assert ("Федеральный закон от 29 декабря 2012 г. № 273-ФЗ «Об образовании в Российской "
            "Федерации»") in page.after
    assert "Лебедева Ирина Олеговна, кандидат педагогических наук, доцент" in page.before
    listing = pages["innovation/index.md"]
    assert 'data-type="инновационный проект"' in listing.before
    assert listing.before.count('class="kb-item__title"') == 2
    timeline = pages["timeline/index.md"].before
    overdue = timeline[timeline.index('id="prosrocheno"'):timeline.index('id="idet-seychas"')]
    assert 'href="../innovation/' + OVERDUE_PROJECT + '/#etap-proekta-2"' in overdue
    recommendation = pages["recommendations/vzaimnye-stazhirovki-upravlencheskih-komand.md"]
    rows = re.findall(r'<tr id="(meropriyatie-\d)" class="kb-step--(\w+)"', recommendation.after)
    assert rows[:3] == [("meropriyatie-1", "done"), ("meropriyatie-2", "overdue"),
                        ("meropriyatie-3", "current")]
    roadmap = pages["recommendations/adaptatsiya-detey-inofonov-v-novyh-shkolah.md"].after
    assert re.findall(r'<tr id="(etap-karty-\d)" class="kb-step--(\w+)"', roadmap) == [
        ("etap-karty-1", "done"), ("etap-karty-2", "current"), ("etap-karty-3", "upcoming")]
    assert ('<th scope="col">Муниципальный орган управления образованием</th><th scope="col">'
            'Муниципальная методическая служба</th><th scope="col">Школа</th>') in roadmap


def test_search_knows_a_project_by_school_district_phase_and_site(
        library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.search import search_data

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    [entry] = [e for e in innovation_pages.innovations(library) if e.slug == OVERDUE_PROJECT]
    filters = search_data.filters(entry, library)
    assert filters["type"] == ["инновационный проект"]
    assert filters["district"] == ["Всеволожский район"]
    assert filters["school"] == ["Школа «Горизонт»", "Центр образования «Экватор»",
                                 "Школа «Компас»"]
    assert filters["phase"] == ["реализуется"]
    assert filters["site"] == ["региональная инновационная площадка"]
    assert "сетевое взаимодействие школ" in filters["topic"]
    assert search_data.meta(entry, library)["source"] == (
        "Школа «Горизонт», Центр образования «Экватор», Школа «Компас»")
