"""«Стажировочные площадки», «Сети и партнёрства», the school page's status and the calendar's
format filter, in the sample build (built with today's date: the sample's terms span it)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from tests.syndication.datasets import dataset_rows


def text(page: Path) -> str:
    body = page.read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", body, re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article.group(0)
                                                    if article else body)))


def test_sites_page_lists_sites_in_force_then_expired_terms(sample_site: Path) -> None:
    page = sample_site / "sites/index.html"
    raw = page.read_text(encoding="utf-8")
    shown = text(page)
    # the regional site first, then the municipal ones; expired terms in their own section
    current, expired = shown.split("Прежние сроки статуса")
    assert current.index("Школа «Маяк» : Управленческие команды") < current.index(
        "Школа «Горизонт» : Наставничество")
    assert "региональная площадка · Гатчинский округ · действует" in current
    assert "Школа «Родник» : Работа с родителями" in expired and "истёк" in expired
    assert "Запуск новой школы — первый год управленческой команды" in expired
    # the filter's options and the items' tokens
    assert '<option value="regionalnaya">региональная</option>' in raw
    assert re.search(r'id="ploshchadka-mayak-upravlencheskie-komandy" data-kb-item '
                     r'data-kb-level="regionalnaya" data-kb-district="[a-z-]+" '
                     r'data-kb-topic="upravlenie[a-z- ]*"', raw)
    # upcoming internships come from digest events of the format «стажировка»
    internships = shown.split("Ближайшие стажировки")[1].split("Площадки")[0]
    assert "Стажировка на площадке «Маяк»" in internships
    assert "Стажировка «Наставник и молодой учитель»" in internships
    assert "вебинар" not in internships.lower()
    assert 'href="../monitoring/candidates/"' in raw


def test_candidates_page_links_to_the_sites(sample_site: Path) -> None:
    raw = (sample_site / "monitoring/candidates/index.html").read_text(encoding="utf-8")
    assert 'href="../../sites/">«Стажировочные площадки»</a>' in raw


def test_networks_page_puts_a_pairs_schools_side_by_side(sample_site: Path) -> None:
    page = sample_site / "networks/index.html"
    shown = text(page)
    pair = shown.split("Пара «Ладога» — «Созидание»")[1].split("Договор о сетевой")[0]
    assert "Школа «Ладога» — сильная школа" in pair
    assert "школа с низкими результатами" in pair
    assert "Показатели школ сети рядом" in pair
    assert re.search(r"Средний балл ЕГЭ по русскому языку , баллы \d+,\d \(2025/2026\)", pair)
    raw = page.read_text(encoding="utf-8")
    assert 'href="../partnerships/soglashenie-ladoga-sozidanie.txt"' in raw
    assert (sample_site / "partnerships/soglashenie-ladoga-sozidanie.txt").is_file()
    assert "районный методический кабинет" in shown


def test_school_page_shows_its_site_status_and_partners(sample_site: Path) -> None:
    mayak = text(sample_site / "schools/gatchina-mayak/index.html")
    assert ("Стажировочная площадка региональная площадка «Управленческие команды новых школ "
            "— от проектирования уклада до первых результатов», до 31 августа 2028 г.; "
            "муниципальная площадка с 2020 по 2023 год (истёк)") in mayak
    assert "Договор о сетевой реализации программ «Город как учебник» : Школа «Лад»" in mayak
    rodnik = text(sample_site / "schools/tosno-rodnik/index.html")
    assert "Стажировочная площадка нет; муниципальная площадка с 2021 по 2024 год (истёк)" in (
        rodnik)
    raw = (sample_site / "schools/gatchina-mayak/index.html").read_text(encoding="utf-8")
    assert 'href="../../sites/#ploshchadka-mayak-upravlencheskie-komandy"' in raw
    assert 'href="../../networks/#set-dogovor-gatchina-kommunar"' in raw


def test_calendar_marks_each_event_with_its_format(sample_site: Path) -> None:
    raw = (sample_site / "events/index.html").read_text(encoding="utf-8")
    assert '<form class="kb-list-filter" data-kb-filter="kb-calendar" hidden' in raw
    assert '<option value="stazhirovka">стажировка</option>' in raw
    assert raw.count('data-kb-format="stazhirovka"') == 2
    assert '<span class="kb-event__format">вебинар</span>' in raw


def test_open_data_carries_the_registries(sample_site: Path) -> None:
    meta = json.loads((sample_site / "data/meta.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in meta["datasets"]]
    assert {"internship_sites", "partners", "networks"} <= set(ids)
    rows = {row["id"]: row for row in dataset_rows(sample_site, "internship_sites")}
    assert rows["rodnik-roditelskiy-universitet"]["in_force"] == "нет"
    assert rows["mayak-upravlencheskie-komandy"]["level"] == "региональная"
    networks = json.loads((sample_site / "data/networks.json").read_text(encoding="utf-8"))
    pair = next(n for n in networks if n["id"] == "ladoga-sozidanie")
    assert pair["parties"] == ["school:shlisselburg-ladoga (сильная школа)",
                               "school:gorbunki-sozidanie (школа с низкими результатами)"]
    schools = {row["id"]: row for row in dataset_rows(sample_site, "schools")}
    assert schools["gatchina-mayak"]["internship_site"] == "да"
    assert schools["tosno-rodnik"]["internship_site"] == "нет"


def test_about_page_lists_the_sites_and_networks_in_force(sample_site: Path) -> None:
    raw = (sample_site / "about/index.html").read_text(encoding="utf-8")
    about = text(sample_site / "about/index.html")
    sites = about.split("Стажировочные площадки", 1)[1].split("Сети и партнёрства")[0]
    assert "Школа «Маяк»: Управленческие команды" in sites
    assert "Работа с родителями" not in sites  # «Родник»'s term has expired
    assert 'href="../sites/#ploshchadka-mayak-upravlencheskie-komandy"' in raw
    assert re.search(r'href="\.\./networks/#set-[a-z0-9-]+"', raw)
    # every link into the sites and networks pages lands on an id those pages have
    for page, anchor in re.findall(r'href="\.\./(sites|networks)/#([^"]+)"', raw):
        assert f'id="{anchor}"' in (sample_site / page / "index.html").read_text("utf-8")
