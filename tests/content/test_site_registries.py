"""Internship sites, partners and networks: every rule of one registry row, with its message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_tools.content.registries import load_registry

SITE = """
- id: {id}
  school: {school}
  level: {level}
  theme: Тема площадки
  since: {since}
  until: {until}
  decision:
    document: Приказ № 1
    date: {decided}
  programme:
    hours: 24
    format: очно
    audience: [педагоги]
"""


def site(**values: str) -> str:
    fields = {"id": "proba", "school": "luga-luch", "level": "муниципальная",
              "since": "2025-09-01", "until": "2028-08-31", "decided": "2025-08-20", **values}
    return SITE.format(**fields)


def rendered(project: Path) -> list[str]:
    _, problems = load_registry(project / "content", project)
    return [p.render() for p in problems]


def append(project: Path, name: str, text: str) -> int:
    """Append rows to a registry; the line of the first appended row."""
    path = project / "content/_data" / name
    before = path.read_text(encoding="utf-8")
    path.write_text(before.rstrip("\n") + "\n" + text.lstrip("\n"), encoding="utf-8")
    return before.rstrip("\n").count("\n") + 2


def test_the_sample_registries_load_clean_with_a_site_history() -> None:
    root = Path(__file__).resolve().parents[2]
    registry, problems = load_registry(root / "content", root)
    assert [p.render() for p in problems] == []
    sites = registry.sites
    assert len(sites.sites) == 6 and len(sites.networks) == 3 and len(sites.partners) == 4
    day = dt.date(2026, 11, 30)
    assert sites.site_schools(day) == {"kudrovo-gorizont", "gatchina-mayak",
                                       "shlisselburg-ladoga", "sosnovo-raduga"}
    # «Маяк» was a municipal site until 2023, and is a regional one since
    assert [s.level for s in sites.sites_of("gatchina-mayak")] == ["региональная",
                                                                  "муниципальная"]
    assert sites.site_in_force("tosno-rodnik", day) is None
    assert sites.site_in_force("tosno-rodnik", dt.date(2023, 1, 1)) is not None
    assert sites.site_schools(dt.date(2028, 9, 1)) == {"kudrovo-gorizont",
                                                       "shlisselburg-ladoga"}


def test_site_rows_break_their_rules_with_located_messages(project: Path) -> None:
    shown = "content/_data/internship_sites.yml"
    first = append(project, "internship_sites.yml",
                   site(id="a", school="nesushchestvuyushchaya")
                   + site(id="b", since="2026-09-01", until="2026-01-01", decided="2026-08-01")
                   + site(id="c", decided="2025-10-01")
                   + site(id="d", level="районная")
                   + site(id="e", school="kudrovo-gorizont", since="2027-01-01",
                          until="2029-08-31", decided="2026-12-01"))
    report = rendered(project)
    step = SITE.count("\n")  # a blank line between the appended rows
    assert (f"{shown}:{first}:1: [6].school: школы «nesushchestvuyushchaya» нет в "
            "content/_data/schools.yml: стажировочной площадкой может быть только школа "
            "Ассоциации. [SiteSchoolNotMember]") in report
    assert (f"{shown}:{first + step}:1: [7].until: срок заканчивается (2026-01-01) раньше, чем "
            "начинается (2026-09-01). [PeriodReversed]") in report
    assert (f"{shown}:{first + 2 * step}:1: [8].decision.date: решение о статусе принято "
            "01.10.2025, позже начала статуса (01.09.2025): статус начинается не раньше "
            "решения. [SiteDecisionAfterStart]") in report
    assert (f"{shown}:{first + 3 * step + 2}:10: [9].level: неизвестное значение «районная» "
            "(уровень площадки). Допустимые значения: муниципальная, региональная. Возможно, "
            "вы имели в виду «региональная». [UnknownTerm]") in report
    # a renewal must start after the record before it ends: «Горизонт» is a site to 2027-08-31
    assert (f"{shown}:{first + 4 * step}:1: [10].since: срок площадки «e» начинается "
            "(2027-01-01) до конца срока площадки «gorizont-nastavnichestvo» той же школы "
            "(2029-08-31): у школы один статус в каждый день. [SiteOverlap]") in report


def test_the_old_flag_on_a_school_is_refused(project: Path) -> None:
    path = project / "content/_data/schools.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  member_since: 2021\n", "  member_since: 2021\n"
                                 "  internship_site: true\n", 1), encoding="utf-8")
    line = text.split("  member_since: 2021\n")[0].count("\n") + 2
    report = rendered(project)
    assert (f"content/_data/schools.yml:{line}:20: [0].internship_site: поле «internship_site» "
            "заменено реестром стажировочных площадок: опишите площадку в "
            "content/_data/internship_sites.yml (уровень, срок, решение, программа) и удалите "
            "поле у школы. [RenamedField]") in report
    # the school's row is reported once, not again by every network that names it
    assert not [line for line in report if "UnknownParty" in line]


NETWORK = """
- id: {id}
  name: Сеть {id}
  type: {type}
  parties:
{parties}
  since: 2025-01-01
  until: {until}
  coordinator: {coordinator}
"""


def network(parties: str, *, id: str = "n", type: str = "муниципальная сеть школ",
            until: str = "2027-01-01", coordinator: str = "районный методический кабинет",
            ) -> str:
    return NETWORK.format(id=id, type=type, parties=parties, until=until,
                          coordinator=coordinator)


def test_network_rows_break_their_rules_with_located_messages(project: Path) -> None:
    shown = "content/_data/networks.yml"
    rows = [
        network("    - school: luga-luch", id="one"),
        network("    - school: luga-luch\n      partner: rmk-vsevolozhsk\n"
                "    - partner: net-takogo", id="parties"),
        network("    - school: luga-luch\n      role: сильная школа\n"
                "    - school: tosno-rodnik\n      role: сильная школа",
                id="pair", type="сильная школа — школа с низкими результатами"),
        network("    - school: luga-luch\n    - school: tosno-rodnik", id="dates",
                until="2024-12-31",
                coordinator="методист кабинета, тел. +7 900 000-00-00"),
    ]
    first = append(project, "networks.yml", "".join(rows))
    lines = [first]
    for row in rows[:-1]:
        lines.append(lines[-1] + row.count("\n"))
    report = rendered(project)
    assert (f"{shown}:{lines[0]}:1: [3].parties: у сети или договора «Сеть one» одна сторона: "
            "нужны хотя бы две школы или организации. [PartnershipOneParty]") in report
    assert (f"{shown}:{lines[1]}:1: [4].parties[0]: у стороны должно быть ровно одно из полей: "
            "school (школа Ассоциации) или partner (организация из partners.yml). "
            "[BadParty]") in report
    assert (f"{shown}:{lines[1]}:1: [4].parties[1].partner: организации «net-takogo» нет в "
            "content/_data/partners.yml: добавьте её туда или исправьте идентификатор. "
            "[UnknownParty]") in report
    assert (f"{shown}:{lines[2]}:1: [5].parties: в паре «сильная школа — школа с низкими "
            "результатами» ровно две стороны, обе школы Ассоциации: у одной role: сильная "
            "школа, у другой role: школа с низкими результатами. [PairComposition]") in report
    assert (f"{shown}:{lines[3]}:1: [6].until: срок заканчивается (2024-12-31) раньше, чем "
            "начинается (2025-01-01). [PeriodReversed]") in report
    assert (f"{shown}:{lines[3]}:1: [6].coordinator: в поле coordinator есть контакт "
            "«+7 900 000-00-00»: укажите роль или орган, который координирует сеть, без "
            "телефонов и адресов почты (152-ФЗ). [CoordinatorContact]") in report


def test_an_agreement_lives_in_the_partnerships_folder(project: Path) -> None:
    (project / "content/practices/attachments/dogovor.txt").write_text("Договор", "utf-8")
    first = append(project, "networks.yml", network(
        "    - school: luga-luch\n    - school: tosno-rodnik", id="doc")
        .replace("  coordinator:", "  agreement: practices/attachments/dogovor.txt\n"
                                   "  coordinator:"))
    assert (f"content/_data/networks.yml:{first + 8}:14: [3].agreement: файл договора "
            "«practices/attachments/dogovor.txt» должен лежать в папке content/partnerships/: "
            "напишите путь от папки content/, например partnerships/dogovor.pdf. "
            "[AgreementOutsideFolder]") in rendered(project)
