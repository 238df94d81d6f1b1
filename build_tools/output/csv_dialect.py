"""The one CSV dialect of every table the site publishes: what Excel on a Russian Windows opens.

Excel guesses a CSV's encoding from a byte-order mark (without one it reads Windows-1251, so
UTF-8 Cyrillic turns into «РџСЂР°РєС‚РёРєР°») and splits columns at the list separator of the
system's regional settings, which is `;` in Russian ones (a comma is the decimal separator
there). So: UTF-8 with a BOM, `;` between cells, CRLF line ends, quotes only where a cell needs
them, and numbers that are written for people with a decimal comma. Open data and the
monitoring downloads both follow it; `tests/output/test_excel_dialect.py` reads every published
CSV as Russian Excel would.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

BOM = "\ufeff"
SEPARATOR = ";"
DECIMAL = ","
LINE_END = "\r\n"
ENCODING = "UTF-8"
DESCRIPTION = ("CSV для Excel: кодировка UTF-8 с меткой порядка байтов (BOM), разделитель — "
               "точка с запятой, дробные числа — с запятой")
"""The dialect in words, for the open-data page and the passport."""


def decimal_text(value: float) -> str:
    """A number as a Russian spreadsheet reads it: «63,9», never «63.9» (that is a date or text
    there); written as pandas writes it with `decimal=","` («70,0», «1e-05»), but never «-0,0»."""
    return repr(float(value) + 0.0).replace(".", DECIMAL)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The CSV text (without the BOM) of cells already turned into strings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=SEPARATOR, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def with_bom(text: str) -> bytes:
    """The bytes of a published CSV file."""
    return (BOM + text).encode("utf-8")
