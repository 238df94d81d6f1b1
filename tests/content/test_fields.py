"""Field types: the clean value and the exact Russian message for each kind of mistake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.content.compound_fields import ListOf, Record
from build_tools.content.fields import suggest
from build_tools.content.registries import Term as VocabularyTerm
from build_tools.content.registries import TermList, VocabularySpec
from build_tools.content.scalar_fields import Boolean, Date, FilePath, Integer, Number, Text, Url
from build_tools.content.term_fields import Choice, Term
from build_tools.content.yaml_source import Plain

LEVELS = TermList(VocabularySpec("levels", "уровень образования", ""), [
    VocabularyTerm("preschool", "дошкольное"), VocabularyTerm("primary", "начальное общее"),
    VocabularyTerm("basic", "основное общее"), VocabularyTerm("secondary", "среднее общее"),
    VocabularyTerm("supplementary", "дополнительное"),
])


class Context:
    def __init__(self, root: Path) -> None:
        self.content_root = root
        self.file_path = root / "practices" / "x.md"

    def vocabulary(self, name: str) -> TermList:
        return LEVELS


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    (tmp_path / "practices" / "files").mkdir(parents=True)
    (tmp_path / "practices" / "files" / "plan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path.parent / "secret.txt").write_text("x")
    return Context(tmp_path)


def messages(problems: list) -> list[str]:
    return [p.text for p in problems]


def test_term_accepts_case_and_yo_variants_and_suggests_near_misses(ctx: Context) -> None:
    field = Term("", vocabulary="levels")
    assert field.check(Plain("Основное  общее"), ctx) == ("основное общее", [])
    value, problems = field.check(Plain("средняя"), ctx)
    assert value is None
    assert messages(problems) == [
        "неизвестное значение «средняя» (уровень образования). Допустимые значения: "
        "дошкольное, начальное общее, основное общее, среднее общее, дополнительное. "
        "Возможно, вы имели в виду «среднее общее»."
    ]


def test_suggest_ignores_yo_and_case() -> None:
    assert suggest("Школьные музеии", ["школьные музеи", "управление школой"]) == (
        "Возможно, вы имели в виду «школьные музеи».")
    assert suggest("совсем другое", ["школьные музеи"]) == ""


def test_integer_number_boolean_and_date(ctx: Context) -> None:
    assert Integer("", minimum=2000).check(Plain("2024"), ctx) == (2024, [])
    assert messages(Integer("").check("2024", ctx)[1]) == [
        "ожидается целое число, а здесь «2024». Уберите кавычки."]
    assert messages(Integer("", minimum=1, maximum=12).check(Plain("13"), ctx)[1]) == [
        "число 13 вне допустимых границ: от 1 до 12."]
    assert Number("").check(Plain("1.10"), ctx) == (1.1, [])
    assert messages(Number("").check(Plain("12,5"), ctx)[1]) == [
        "ожидается число, а здесь «12,5». Дробную часть отделяйте точкой: 12.5, а не 12,5."]
    assert Boolean("").check(Plain("false"), ctx) == (False, [])
    assert messages(Boolean("").check(Plain("no"), ctx)[1]) == [
        "ожидается true (да) или false (нет), а здесь «no». Слова yes/no/on/off и да/нет "
        "в разных версиях YAML читаются по-разному, поэтому пишите только true или false."]
    assert Date("").check(Plain("2026-03-05"), ctx) == (dt.date(2026, 3, 5), [])
    assert messages(Date("").check(Plain("2024-13-01"), ctx)[1]) == [
        "даты 2024-13-01 не существует: проверьте месяц (01–12) и число дня."]
    assert messages(Date("").check(Plain("05.03.2026"), ctx)[1]) == [
        "ожидается дата в виде ГГГГ-ММ-ДД, а здесь «05.03.2026». "
        "Возможно, вы имели в виду «2026-03-05»."]


def test_text_url_and_choice(ctx: Context) -> None:
    assert messages(Text("", max_length=5).check("слишком длинно", ctx)[1]) == [
        "текст длиннее 5 знаков (сейчас 14): сократите его."]
    assert messages(Text("").check(["a"], ctx)[1]) == ["ожидается текст, а здесь список."]
    assert messages(Url("").check("example.org", ctx)[1]) == [
        "«example.org» не похоже на адрес в интернете: ссылка должна начинаться с https://."]
    choice = Choice("", options=("черновик", "опубликовано"), label="статус")
    assert choice.check("Опубликовано", ctx) == ("опубликовано", [])


def test_list_accepts_a_single_value_and_reports_duplicates_by_index(ctx: Context) -> None:
    field = ListOf("", item=Term("", vocabulary="levels"), min_items=1)
    assert field.check(Plain("дошкольное"), ctx) == (["дошкольное"], [])
    value, [problem] = field.check([Plain("дошкольное"), Plain("Дошкольное")], ctx)
    assert value == ["дошкольное"]
    assert (problem.code, problem.field) == ("DuplicateItem", (1,))
    assert messages(field.check([], ctx)[1]) == ["в списке должно быть хотя бы 1 знач."]


def test_record_reports_unknown_and_missing_fields_with_paths(ctx: Context) -> None:
    author = Record("", fields={"name": Text("ФИО.", required=True), "role": Text("Должность.")})
    _, problems = author.check({"nmae": "Иванова", "role": "учитель"}, ctx)
    assert [(p.code, p.field, p.text) for p in problems] == [
        ("UnknownField", ("nmae",), "неизвестное поле «nmae». Допустимые поля: name, role. "
                                    "Возможно, вы имели в виду «name»."),
        ("MissingField", ("name",), "не заполнено обязательное поле «name» (ФИО)."),
    ]


@pytest.mark.parametrize(("value", "code"), [
    ("files/plan.pdf", None),
    ("files/missing.pdf", "MissingFile"),
    ("../../secret.txt", "PathOutsideContent"),
    ("/etc/passwd", "PathOutsideContent"),
    ("C:\\docs\\plan.pdf", "PathOutsideContent"),
    ("files/plan.exe", "BadFileType"),
])
def test_file_paths_stay_inside_content(ctx: Context, value: str, code: str | None) -> None:
    field = FilePath("", extensions=(".pdf", ".txt"))
    clean, problems = field.check(value, ctx)
    assert [p.code for p in problems] == ([] if code is None else [code])
    if code is None:
        assert clean == "practices/files/plan.pdf"


@pytest.mark.parametrize("written", ["1e400", "-1e400", "1" * 309, "9" * 5000])
def test_numbers_must_be_finite_and_short(ctx: Context, written: str) -> None:
    for spec in (Number("", minimum=0, maximum=100), Integer("", minimum=0, maximum=100),
                 Number("")):
        value, problems = spec.check(Plain(written), ctx)
        if isinstance(spec, Integer) and "e" in written:
            assert [p.code for p in problems] == ["WrongType"]
            continue
        assert value is None and [p.code for p in problems] == ["OutOfRange"], spec
        assert len(problems[0].text) < 200  # never the 5,000 digits themselves


@pytest.mark.parametrize("title", ["\u200b\u200b", "\u00ad", "\u3164", "\u2060\u00a0\u2060",
                                   "\u200d", "\u2800", "\u0301"])
def test_titles_without_a_visible_character_are_refused(ctx: Context, title: str) -> None:
    value, problems = Text("", max_length=200).check(title, ctx)
    assert value is None and [p.code for p in problems] == ["InvisibleText"]
    assert Text("").check(f"Школа{title}", ctx)[1] == []  # inside a word they are harmless


def test_a_vocabulary_that_did_not_load_is_not_blamed_on_the_value(ctx: Context) -> None:
    broken = TermList(VocabularySpec("levels", "уровень образования", ""), available=False)
    ctx.vocabulary = lambda name: broken  # type: ignore[method-assign]
    value, problems = Term("", vocabulary="levels").check("начальное общее", ctx)
    assert value is None and [p.code for p in problems] == ["VocabularyUnavailable"]
    empty = TermList(VocabularySpec("levels", "уровень образования", ""))
    ctx.vocabulary = lambda name: empty  # type: ignore[method-assign]
    assert "в словаре пока нет ни одного значения" in \
        Term("", vocabulary="levels").check("x", ctx)[1][0].message
