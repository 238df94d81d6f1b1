"""Innovation projects, plans and road maps through `kb validate`: every rule located."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import KbRunner, edit

PROJECT = "content/innovation/vzaimnye-stazhirovki-upravlencheskih-komand-vsevolozhskogo-rayona.md"
LANGUAGE = "content/innovation/yazykovaya-sreda-dlya-detey-inofonov-v-nachalnoy-shkole.md"
PLAN = "content/recommendations/vzaimnye-stazhirovki-upravlencheskih-komand.md"
ROADMAP = "content/recommendations/adaptatsiya-detey-inofonov-v-novyh-shkolah.md"


def at(project: Path, shown: str, text: str, column: int) -> str:
    """`file:line:column` of the first line holding `text`."""
    lines = (project / shown).read_text(encoding="utf-8").splitlines()
    line = next(i for i, content in enumerate(lines, 1) if text in content)
    return f"{shown}:{line}:{column}"


def test_the_sample_projects_plans_and_road_map_are_valid(project: Path, kb: KbRunner) -> None:
    result = kb("validate", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Материалы проверены: ошибок нет." in result.stderr


def test_innovation_rules_are_located_and_reported_in_one_run(
    project: Path, kb: KbRunner
) -> None:
    edit(project, PROJECT, "    end: 2026-06-30\n", "    end: 2025-06-30\n")
    edit(project, PROJECT, "    start: 2027-06-01\n", "    start: 2027-05-01\n")
    edit(project, PROJECT, "prikaz-611,", "prikaz-661,")
    edit(project, PROJECT, "yanino-kompas]", "yanino-kompass]")
    edit(project, PROJECT, "образования института\n", "образования института, тел. "
         "+7 900 000-00-00\n")
    edit(project, LANGUAGE, "    start: 2027-09-01\n    end: 2028-05-31\n",
         "    start: 2026-08-01\n    end: 2026-08-20\n")
    edit(project, LANGUAGE, "  name: Зуева Марина Викторовна\n",
         "  name: Зуева Марина Викторовна (zueva@example.org)\n")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr.splitlines()
    assert (f"{at(project, PROJECT, 'end: 2025-06-30', 10)}: stages[1].end: этап № 2 "
            "заканчивается (2025-06-30) раньше, чем начинается (2026-01-12): проверьте даты "
            "start и end. [StageEndsBeforeStart]") in report
    assert (f"{at(project, PROJECT, 'start: 2027-05-01', 12)}: stages[3].start: "
            "(предупреждение) этап № 4 начинается 2027-05-01, а этап № 3 заканчивается только "
            "2027-05-31: сроки этапов пересекаются. Сдвиньте даты или объедините этапы. "
            "[StagesOverlap]") in report
    assert (f"{at(project, LANGUAGE, 'start: 2026-08-01', 12)}: stages[2].start: "
            "(предупреждение) этап № 3 начинается (2026-08-01) раньше этапа № 2 (2026-09-01): "
            "перечислите этапы в том порядке, в каком они начинаются. [StagesOutOfOrder]"
            ) in report
    assert (f"{at(project, PROJECT, 'legal_basis:', 41)}: legal_basis[3]: документа "
            "«prikaz-661» нет в справочнике content/_data/normative_documents.yml: укажите "
            "идентификатор документа оттуда или добавьте документ (вид, номер, дату и "
            "название). Возможно, вы имели в виду «prikaz-611». [UnknownNormativeDocument]"
            ) in report
    # A school that is not a member of the Association: the schools registry's own rule.
    assert (f"{at(project, PROJECT, 'schools:', 45)}: schools[2]: школы с идентификатором "
            "«yanino-kompass» нет в справочнике content/_data/schools.yml. Проверьте написание "
            "или добавьте школу. Возможно, вы имели в виду «yanino-kompas». [UnknownSchool]"
            ) in report
    # The supervisor is a public professional role: a phone or an e-mail is personal data.
    consent = ("— это персональные данные. По закону 152-ФЗ «О персональных данных» телефон "
               "и адрес почты человека публикуются только с его письменного согласия. Уберите "
               "контакт или, если согласие получено, впишите его в поле contacts_consent этого "
               "материала. [PersonalData]")
    assert (f"{at(project, PROJECT, 'position:', 13)}: supervisor.position: номер телефона "
            f"«+7 900 000-00-00» {consent}") in report
    assert (f"{at(project, LANGUAGE, 'name: Зуева', 9)}: supervisor.name: адрес почты "
            f"«zueva@example.org» {consent}") in report
    assert report[-2] == "Найдено ошибок: 5, предупреждений: 2."


def test_plan_and_road_map_rules(project: Path, kb: KbRunner) -> None:
    edit(project, PLAN, "    start: 2026-09-01\n    end: 2026-10-30\n",
         "    start: 2026-09-01\n    end: 2026-08-01\n")
    edit(project, ROADMAP, "    authority:\n      - рассмотреть итоги на совещании", "    x:\n")
    text = (project / ROADMAP).read_text(encoding="utf-8")
    start = text.index("    x:\n")
    end = text.index("---", start)
    (project / ROADMAP).write_text(text[:start] + text[end:], encoding="utf-8")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr.splitlines()
    assert (f"{at(project, PLAN, 'end: 2026-08-01', 10)}: plan[0].end: мероприятие плана № 1 "
            "заканчивается (2026-08-01) раньше, чем начинается (2026-09-01): проверьте даты "
            "start и end. [StageEndsBeforeStart]") in report
    assert (f"{at(project, ROADMAP, '- stage: Подведение итогов', 5)}: roadmap[2]: в этапе "
            "дорожной карты № 3 нет ни одного действия: заполните хотя бы одно из полей "
            "authority, methodical_service, school. [EmptyRoadmapStage]") in report
    assert report[-2] == "Найдено ошибок: 2, предупреждений: 0."


def test_the_old_free_text_dates_are_refused_with_what_to_write(
    project: Path, kb: KbRunner
) -> None:
    edit(project, PLAN, "    start: 2026-10-12\n    end: 2026-10-30\n"
         "    responsible: муниципальный орган управления образованием\n",
         "    dates: октябрь 2026\n    executors: муниципальный орган управления образованием\n")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr.splitlines()
    assert (f"{at(project, PLAN, 'dates: октябрь 2026', 12)}: plan[1].dates: поле «dates» "
            "(сроки текстом) заменено датами: укажите start и end в виде ГГГГ-ММ-ДД, например "
            "start: 2026-09-01 и end: 2026-10-30 вместо «сентябрь — октябрь 2026». "
            "[RenamedField]") in report
    assert (f"{at(project, PLAN, 'executors:', 16)}: plan[1].executors: поле «executors» "
            "заменено полем «responsible»: укажите роль или организацию, которая отвечает за "
            "мероприятие. [RenamedField]") in report
    assert (f"{at(project, PLAN, 'activity: Формирование пар', 5)}: plan[1].start: не "
            "заполнено обязательное поле «start» (Дата начала). [MissingField]") in report


def test_the_normative_documents_registry_is_checked_row_by_row(
    project: Path, kb: KbRunner
) -> None:
    registry = "content/_data/normative_documents.yml"
    edit(project, registry, "  kind: приказ\n  issuer: Министерство образования и науки",
         "  kind: инструкция\n  issuer: Министерство образования и науки")
    edit(project, registry, "- id: pp-662\n", "- id: pp-1642\n")
    result = kb("validate", cwd=project)
    assert result.returncode == 1
    report = result.stderr.splitlines()
    assert (f"{at(project, registry, 'kind: инструкция', 9)}: [4].kind: неизвестное значение "
            "«инструкция» (вид документа). Допустимые значения: указ, федеральный закон, закон "
            "субъекта, постановление, распоряжение, приказ, письмо, положение, решение. "
            "[UnknownTerm]") in report
    second = [i for i, line in enumerate((project / registry).read_text("utf-8").splitlines(), 1)
              if line == "- id: pp-1642"][1]
    first = at(project, registry, "- id: pp-1642", 1).split(":")[1]
    assert (f"{registry}:{second}:1: [3].id: значение «pp-1642» уже есть в справочнике (строка "
            f"{first}): у каждой записи оно должно быть своим. [DuplicateId]") in report
    # The project citing the broken row is told so once, not that the document is unknown.
    assert (f"{at(project, PROJECT, 'legal_basis:', 41)}: legal_basis[3]: значение «prikaz-611» "
            "не проверено: его запись в справочнике «нормативный документ» содержит ошибку "
            "(она показана отдельно в файле в content/_data/). Материалы с этим значением не "
            "публикуются, пока запись не исправлена. [VocabularyUnavailable]") in report
    # The document that lost its id to the duplicate is now unknown where it is cited.
    assert any("«pp-662» нет в справочнике" in line for line in report)
