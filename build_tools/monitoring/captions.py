"""Changes and captions computed from the values as shown, so a caption never contradicts its table.

A change is the difference of the two rounded values a reader sees (4,7 → 4,0 is «снижение на
0,7»), never the rounded difference of the raw ones, which can say 0,6 for the same pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

DIGITS = 1
"""Decimals shown for monitoring values and their changes."""
PERCENT = "%"
POINTS = "п.\u00a0п."
"""A change of a percentage is in percentage points, never in per cent of itself."""


def shown(value: float, digits: int = DIGITS) -> Decimal:
    """The value exactly as the page prints it (the same rounding as the tables)."""
    return Decimal(f"{value:.{digits}f}")


def text(value: Decimal, digits: int = DIGITS, signed: bool = False) -> str:
    """Russian notation with a fixed number of decimals: 4,0; a minus sign, not a hyphen."""
    body = f"{abs(value):.{digits}f}".replace(".", ",")
    if value < 0:
        return "\u2212" + body
    return ("+" + body) if signed and value > 0 else body


def signed(change: Decimal) -> str:
    """A change as a table shows it: +0,3, −0,7, 0,0."""
    return text(change, signed=True)


def shown_change(first: float, last: float, digits: int = DIGITS) -> Decimal:
    """last − first as the reader computes it from the two printed values."""
    return shown(last, digits) - shown(first, digits)


def change_unit(unit: str) -> str:
    return POINTS if unit.strip() == PERCENT else unit


Forms = tuple[str, str, str]
"""A unit after 1, 2 and 5: («балл», «балла», «баллов»)."""


def amount(number: str, unit: str, forms: Forms | None = None, change: bool = False) -> str:
    """A number with its unit agreeing: «1,6 балла», «+2,0 п. п.», «12 мероприятий»; without
    forms the unit as the registry writes it."""
    if unit.strip() == PERCENT:
        return f"{number} {POINTS if change else PERCENT}"
    return f"{number} {unit_form(number, forms) if forms else unit}"


def unit_form(number: str, forms: Forms) -> str:
    """The form of a unit after `number` as printed: a fraction takes the second form (2,5
    балла, 0,7 балла); a whole number 1 / 2–4 / 5–20 (11–14 always the third)."""
    digits = number.strip().lstrip("+-\u2212")
    if not digits.isdigit():
        return forms[1]
    tail = int(digits) % 100
    if 11 <= tail <= 14:
        return forms[2]
    return forms[0] if tail % 10 == 1 else forms[1] if 2 <= tail % 10 <= 4 else forms[2]


def verdict(change: Decimal, better_sign: int) -> str:
    """«улучшение», «ухудшение» or «без изменений»: the word beside every coloured change."""
    if change == 0:
        return "без изменений"
    return "улучшение" if change * better_sign > 0 else "ухудшение"


def trend(first: float, last: float, unit: str, better_sign: int,
          forms: Forms | None = None) -> str:
    """«снижение на 0,7 п. п.: с 4,7 до 4,0 (улучшение)», «рост на 1,6 балла: …»."""
    change = shown_change(first, last)
    a, b = text(shown(first)), text(shown(last))
    if change == 0:
        return f"без изменений: {a} в начале и в конце"
    direction = "рост" if change > 0 else "снижение"
    return (f"{direction} на {amount(text(abs(change)), unit, forms, change=True)}: с {a} до {b} "
            f"({verdict(change, better_sign)})")


def region_caption(label: str, steps: Sequence[tuple[str, float]], unit: str,
                   better_sign: int, forms: Forms | None = None) -> str:
    """The text beside a chart: every period's value, then the change over the whole span."""
    if not steps:
        return "Данных по региону пока нет."
    listed = "; ".join(f"{period} — {text(shown(value))}" for period, value in steps)
    if len(steps) < 2:
        return f"{label}: {listed}."
    (first_period, first), (last_period, last) = steps[0], steps[-1]
    return (f"{label}: {listed}. С {first_period} по {last_period} — "
            f"{trend(first, last, unit, better_sign, forms)}.")
