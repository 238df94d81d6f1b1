"""Spreadsheet attachments (CSV, XLSX) that a reader can open without running anything.

The site publishes an editor's attachment as it is, so the cells a spreadsheet would run as a
formula are refused here instead of being rewritten: a changed copy would no longer be the
document the school handed in. The rule for a cell is the one for every table the site makes
(spreadsheet_safe.py); an XLSX cell that holds a formula is refused too, since Excel recomputes
it when the reader opens the file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics.problems import Problem
from ..monitoring.reader import decode_table_text
from ..monitoring.xlsx import check_archive
from ..output.spreadsheet_safe import needs_escape

if TYPE_CHECKING:
    from .content_tree import TreeFile

SPREADSHEET_SUFFIXES = frozenset({".csv", ".xlsx"})
MAX_REPORTED = 5
"""Cells named per file; a table full of formulas is one fix, not a page of messages."""
_DELIMITERS = ";,\t"
_NUMBER = re.compile(r"[+-]?\d[\d \u00a0]*(?:[.,]\d+)?%?")
"""A signed number as text («-5», «-3,5», «+12 %»): read as a number, nothing runs."""

Cell = tuple[int, int, str, bool]
"""Row, column (both from 1), the cell's text, and whether it is a stored formula."""


def check_attachments(files: Iterable[TreeFile]) -> list[Problem]:
    """Problems of every spreadsheet among the attachments, placed at their cells."""
    return [problem.located(file.shown, problem.line or 1, problem.column or 1)
            for file in files for problem in check_spreadsheet_attachment(file.path)]


def check_spreadsheet_attachment(path: Path) -> list[Problem]:
    """Problems of one CSV or XLSX attachment, each with the row and column of its cell."""
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        return []
    try:
        cells = list(_xlsx_cells(path) if suffix == ".xlsx" else _csv_cells(path))
    except _Unreadable as error:
        return [Problem("BadFileType", f"приложение «{path.name}» не читается как таблица: "
                                       f"{error} Либо приложите таблицу в PDF.")]
    risky = [cell for cell in cells if cell[3] or _runs(cell[2])]
    problems = [_formula(path.name, cell) for cell in risky[:MAX_REPORTED]]
    if len(risky) > MAX_REPORTED:
        last = problems[-1]
        problems[-1] = Problem(last.code, f"{last.message} Всего таких ячеек в файле: "
                                          f"{len(risky)}.", hint=last.hint,
                               line=last.line, column=last.column)
    return problems


def _runs(text: str) -> bool:
    """A lone sign («+», «-», used as a tick in plan tables) and a signed number run nothing."""
    bare = text.strip(" \u00a0")
    return needs_escape(text) and not _NUMBER.fullmatch(bare) and bare not in ("+", "-", "+/-")


def _formula(name: str, cell: Cell) -> Problem:
    row, column, text, stored = cell
    shown = text if len(text) <= 60 else text[:57] + "…"
    what = "формула" if stored else "текст, который Excel выполнит как формулу"
    return Problem(
        "FormulaInAttachment",
        f"в приложении «{name}» в ячейке {_column_letter(column)}{row} — {what}: «{shown}». "
        "Открытая у читателя, такая ячейка может отправить данные таблицы на чужой сервер.",
        hint="Замените формулы значениями (в Excel: Копировать → Специальная вставка → "
             "Значения); перед текстом, который начинается с =, +, - или @, поставьте "
             "апостроф — или приложите таблицу в PDF.",
        line=row, column=column,
    )


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _Unreadable(Exception):
    """An attachment that is not the table its extension promises (message in Russian)."""

    @classmethod
    def because(cls, problem: Problem) -> _Unreadable:
        """The reader's own problem, as the second sentence of the attachment's message."""
        text = problem.message
        return cls(text[:1].upper() + text[1:].rstrip(".") + ".")


def _csv_cells(path: Path) -> Iterator[Cell]:
    decoded = decode_table_text(path.read_bytes())
    if isinstance(decoded, Problem):
        raise _Unreadable.because(decoded)
    text = decoded[0]
    first_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            for column, cell in enumerate(cells, start=1):
                yield reader.line_num, column, cell, False
    except csv.Error as error:
        raise _Unreadable(f"Строка {reader.line_num} повреждена (незакрытая кавычка или "
                          "слишком длинная ячейка): сохраните таблицу из Excel заново.") from error


def _xlsx_cells(path: Path) -> Iterator[Cell]:
    from openpyxl import load_workbook

    problem = check_archive(path)  # a ZIP with a workbook, small enough once unpacked
    if problem is not None:
        raise _Unreadable.because(problem)
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged part
        raise _Unreadable("Части книги Excel повреждены: откройте её в Excel и сохраните "
                          "заново.") from error
    try:
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):
                continue  # a chart sheet holds no cells
            sheet.reset_dimensions()
            for row in sheet.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if isinstance(value, str):
                        yield (cell.row, cell.column, value,  # type: ignore[misc]
                               getattr(cell, "data_type", "") == "f")
    finally:
        book.close()
