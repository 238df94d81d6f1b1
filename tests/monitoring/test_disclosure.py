"""One disclosure policy: small districts hidden and named, school values off on every page kind."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from build_tools.monitoring.aggregate import ALL_DISTRICTS
from build_tools.monitoring.disclosure import (
    Disclosure,
    disclose,
    hidden_districts,
    hidden_note,
)
from tests.helpers import copy_sample


def summary(counts: dict[str, int], periods: tuple[str, ...] = ("2024",)) -> pd.DataFrame:
    """A district summary of one indicator: district → reporting schools, the region summed."""
    rows = []
    for order, period in enumerate(periods):
        for district, schools in {**counts, ALL_DISTRICTS: sum(counts.values())}.items():
            rows.append({"indicator": "i", "order": order, "period": period,
                         "district": district, "schools": schools, "mean": 1.0})
    return pd.DataFrame(rows)


def test_a_small_district_is_hidden_and_named_with_its_reason() -> None:
    policy = Disclosure(min_group=3, school_values=False)
    full = summary({"Лодейнопольский район": 2, "Тосненский район": 3, "Гатчинский округ": 5,
                    "Кировский район": 1})
    shown, hidden = disclose(full, policy)
    assert set(shown["district"]) == {"Тосненский район", "Гатчинский округ", ALL_DISTRICTS}
    assert hidden_note(hidden_districts(hidden, shown, "i"), policy) == [
        "Скрыто: Кировский район — 1 школа; Лодейнопольский район — 2 школы (меньше 3), "
        "чтобы нельзя было узнать отдельные школы."]


def test_the_region_total_cannot_reveal_a_lone_hidden_district() -> None:
    # Region 10 − Тосненский 3 − Гатчинский 5 would give the lone school's own value.
    full = summary({"Лодейнопольский район": 1, "Тосненский район": 3, "Гатчинский округ": 6})
    shown, hidden = disclose(full, Disclosure(min_group=3, school_values=False))
    assert set(shown["district"]) == {"Гатчинский округ", ALL_DISTRICTS}
    records = hidden_districts(hidden, shown, "i")
    assert [(h.district, h.secondary) for h in records] == [
        ("Лодейнопольский район", False), ("Тосненский район", True)]
    assert "Скрыто также: Тосненский район — 3 школы" in hidden_note(records, Disclosure())[1]


def test_with_nothing_left_to_hide_the_region_figure_goes() -> None:
    full = summary({"Лодейнопольский район": 1, "Тосненский район": 1})
    shown, hidden = disclose(full, Disclosure(min_group=3, school_values=False))
    assert shown.empty
    assert set(hidden["district"]) == {"Лодейнопольский район", "Тосненский район",
                                       ALL_DISTRICTS}


def test_with_school_values_published_the_reason_is_not_privacy() -> None:
    full = summary({"Лодейнопольский район": 1, "Тосненский район": 3}, ("2023", "2024"))
    full.loc[(full["district"] == "Тосненский район") & (full["order"] == 0), "schools"] = 2
    shown, hidden = disclose(full, Disclosure())
    assert not hidden["secondary"].any()  # the school pages show the values anyway
    note = hidden_note(hidden_districts(hidden, shown, "i"), Disclosure())
    assert note == ["Скрыто: Лодейнопольский район — 1 школа; Тосненский район — 2 школы за "
                    "2023 (меньше 3), потому что среднее по так малому числу школ не описывает "
                    "район, а значения самих школ есть на их страницах."]


@pytest.fixture(scope="module")
def private_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built with school values off and a minimum group of 4."""
    project = copy_sample(tmp_path_factory.mktemp("private") / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - kb:\n", "  - kb:\n      monitoring_school_values: false\n"
        "      monitoring_min_group: 4\n"), "utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site"


def published_text(site: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in sorted(site.rglob("*"))
                     if p.suffix in {".html", ".csv", ".json", ".xml", ".ics"})


def school_value_rows(site: Path) -> list[str]:
    """The value cells of every school's monitoring table, as the default build shows them."""
    found = []
    for page in site.glob("schools/*/index.html"):
        table = page.read_text("utf-8").split('id="monitoring"', 1)[-1]
        found += re.findall(r"</th>((?:<td[^>]*>[^<]*</td>){3,})", table)
    return found


def test_no_page_kind_publishes_school_values(private_site: Path, sample_site: Path) -> None:
    rows = school_value_rows(sample_site)
    assert len(rows) > 20  # the default build does publish them: the search below means something
    text = published_text(private_site)
    assert not [row for row in rows if row in text]
    monitoring = private_site / "monitoring"
    assert not list(monitoring.glob("monitoring-all.*"))
    candidates = pd.read_csv(monitoring / "candidates/candidates.csv", sep=";",
                             encoding="utf-8-sig")
    assert not {"Прирост", "Значение"} & set(candidates.columns)
    page = (monitoring / "candidates/index.html").read_text("utf-8")
    assert ">Прирост<" not in page and "Скрыто: прирост и значения показателей" in page
    school = (private_site / "schools/kudrovo-gorizont/index.html").read_text("utf-8")
    assert '<table class="kb-monitoring">' not in school
    assert "Скрыто: значения показателей этой школы" in school
    practices = [p.read_text("utf-8") for p in private_site.glob("practices/*/index.html")]
    assert not any("Было</th>" in p for p in practices)
    assert any("Скрыто: изменения показателей школ, которые переняли практику" in p
               for p in practices)


def test_indicator_pages_name_every_hidden_district(private_site: Path) -> None:
    for page in (private_site / "monitoring").glob("*/index.html"):
        if page.parent.name == "candidates":
            continue
        html = page.read_text("utf-8")
        table = pd.read_csv(page.parent / f"{page.parent.name}.csv", sep=";", decimal=",",
                            encoding="utf-8-sig").set_index("Район")
        note = re.search(r"Скрыто: ([^<]*)\(меньше 4\), чтобы нельзя было узнать", html)
        assert note, page
        # Every district named is under the minimum, and neither the page nor its file shows
        # it (when hidden in some periods only, the note names them and the table has dashes).
        named = re.findall(r"([А-ЯЁ][а-яё]+ (?:район|округ)) — (\d+) школ[аы]?( за [^;]*)?",
                           note.group(1))
        assert named, note.group(1)
        for district, count, periods in named:
            assert int(count) < 4
            if not periods:
                assert district not in table.index and f'<th scope="row">{district}' not in html
