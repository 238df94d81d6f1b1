"""Bodies that Python-Markdown would take minutes or hours to convert are refused unconverted.

Python-Markdown looks for the closing bracket of every unclosed «[» (and the end of every «<»)
to the end of the paragraph, so a paragraph of 200,000 «[» takes hours: the validator, the
build and the preview (`kb serve`) would all hang on it. No real text comes near the limits
below; code blocks are not counted, their brackets are never read as links.
"""

from __future__ import annotations

import re

from ..diagnostics.problems import Problem

MAX_LINE = 10_000
"""Characters in one line: a long paragraph written as one line is about 3,000."""
MAX_BRACKETS = 2_000
"""«[» or «<» outside code blocks in one body: a long practice has a hundred links."""

_FENCE = re.compile(r"^\s*(```|~~~)")


def check_limits(body: str) -> list[tuple[int, Problem]]:
    """(body line, problem) for each limit exceeded; empty when the body may be converted."""
    lines = body.split("\n")
    long_lines = [(number, len(line)) for number, line in enumerate(lines, start=1)
                  if len(line) > MAX_LINE]
    if long_lines:
        return [(number, Problem(
            "LineTooLong",
            f"строка длиной {length} знаков, а допускается не больше {MAX_LINE}: такую строку "
            "сайт не может разобрать за разумное время.",
            hint="Разбейте текст на абзацы пустыми строками; таблицу или данные вынесите в "
                 "приложение.",
        )) for number, length in long_lines[:3]]
    counts = {"[": 0, "<": 0}
    first_line = {"[": 0, "<": 0}
    in_code = False
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        for bracket in counts:
            counts[bracket] += line.count(bracket)
            if counts[bracket] > MAX_BRACKETS and not first_line[bracket]:
                first_line[bracket] = number
    return [(first_line[bracket], Problem(
        "TooManyBrackets",
        f"в тексте больше {MAX_BRACKETS} знаков «{bracket}» (вне блоков кода): разбор такого "
        "текста занял бы часы. В обычном тексте столько ссылок и тегов не бывает.",
        hint="Уберите повторяющиеся знаки; код или данные оформите блоком кода между "
             "строками ```.",
    )) for bracket in counts if first_line[bracket]]
