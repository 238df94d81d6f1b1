"""Line charts drawn at build time: an SVG plot with every word outside it, as HTML text.

Hand-drawn rather than matplotlib: the labels must be page text (body size, growing with the
low-vision font, recoloured by the colour schemes), which a plotting library's SVG cannot give —
it scales its text with the picture or bakes glyphs in as paths; and the markup stays byte-stable
from build to build without pinning a library's renderer.

The plot SVG has no viewBox: its geometry is in percentages of its box, so lines and markers keep
their pixel size at any width. Periods sit at the centres of equal columns and ticks at the
centres of equal rows, so the HTML labels line up with the plot through flexbox alone (the
Content-Security-Policy allows no inline styles).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

SERIES_COLOURS = 8
"""Colour tokens --kb-chart-0 … --kb-chart-7 (kb.css); every low-vision scheme maps them to its
text colour, where markers and line styles alone tell the series apart."""
DASHES = ("7 4", "2 3", "10 3 2 3", "4 2 1 2 1 2")
"""Line styles per district, in px; only the emphasised line (the region) is solid, and thicker."""
MARKERS = {
    "circle": '<circle r="4.5"/>',
    "square": '<rect x="-4" y="-4" width="8" height="8"/>',
    "triangle": '<path d="M0 -5.5 5 4 -5 4Z"/>',
    "down": '<path d="M0 5.5 5 -4 -5 -4Z"/>',
    "ring": '<circle r="4.5" class="kb-chart__hollow"/>',
    "box": '<rect x="-4" y="-4" width="8" height="8" class="kb-chart__hollow"/>',
    "region": '<path d="M0 -7 7 0 0 7 -7 0Z"/>',
}
DISTRICT_MARKERS = ("circle", "square", "triangle", "ring", "down", "box")
TICKS = 5
"""About this many ticks on the value axis."""


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    """One value per period; None where the group was too small or did not report."""
    emphasis: bool = False


@dataclass(frozen=True)
class Style:
    """How one series is drawn: colour class, dash pattern and marker shape."""

    colour: str
    dash: str
    marker: str
    emphasis: bool


def styles(series: list[Series]) -> list[Style]:
    """The style of each series: the emphasised one solid in the text colour, the others each
    with their own colour, line style and marker (12 combinations before one repeats)."""
    out, number = [], 0
    for line in series:
        if line.emphasis:
            out.append(Style("kb-chart__s-main", "", "region", True))
            continue
        out.append(Style(f"kb-chart__s{number % SERIES_COLOURS}", DASHES[number % len(DASHES)],
                         DISTRICT_MARKERS[number % len(DISTRICT_MARKERS)], False))
        number += 1
    return out


def round_ticks(low: float, high: float, count: int = TICKS) -> list[float]:
    """Axis ticks at multiples of 1, 2 or 5 × 10^n covering [low, high], about `count` of them."""
    if high < low:
        low, high = high, low
    if high == low:
        low, high = low - abs(low) * 0.1 - 1, high + abs(high) * 0.1 + 1
    raw = (high - low) / max(1, count - 1)
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw - 1e-12)
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    return [_clean(k * step) for k in range(first, last + 1)]


def tick_label(value: float, ticks: list[float]) -> str:
    """A tick in Russian notation with as many decimals as the step needs: 2,5 / 3 / 0,25."""
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    digits = max(0, -math.floor(math.log10(step) + 1e-9))
    if step * 10**digits % 1 > 1e-9:  # a step of 2,5 needs one more decimal than 2
        digits += 1
    text = f"{value:,.{digits}f}".replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "\u2212")


def line_chart(title: str, periods: list[str], series: list[Series], unit: str,
               key: str = "kb-chart") -> str:
    """The chart as HTML: a labelled image holding the unit, value ticks, plot and periods.

    `key` prefixes the marker ids, unique per page (a legend refers to them).
    """
    values = [v for s in series for v in s.values if v is not None]
    ticks = round_ticks(min(values, default=0.0), max(values, default=1.0))
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    bottom = ticks[0] - step / 2  # ticks at the centres of len(ticks) equal rows
    span = step * len(ticks)

    def x(index: int) -> str:
        return f"{100 * (index + 0.5) / max(1, len(periods)):.3f}%"

    def y(value: float) -> str:
        return f"{100 * (1 - (value - bottom) / span):.3f}%"

    plot = [f'<svg class="kb-chart__plot" aria-hidden="true" focusable="false">'
            f'<defs>{_marker_defs(key)}</defs>']
    plot += [f'<line class="kb-chart__grid" x1="0" x2="100%" y1="{y(t)}" y2="{y(t)}"/>'
             for t in ticks]
    drawn = list(zip(series, styles(series), strict=True))
    # The emphasised line last: on top of the districts it summarises.
    for line, style in sorted(drawn, key=lambda pair: pair[1].emphasis):
        plot += _segments(line, style, x, y) + _markers(line, style, key, x, y)
    plot.append("</svg>")
    ticks_html = "".join(f"<li>{tick_label(t, ticks)}</li>" for t in reversed(ticks))
    periods_html = "".join(f"<li>{_breakable(p)}</li>" for p in periods)
    return (f'<div class="kb-chart" role="img" aria-label="{escape(title)}">'
            f'<p class="kb-chart__unit">{escape(unit)}</p>'
            f'<ol class="kb-chart__y">{ticks_html}</ol>{"".join(plot)}'
            f'<ol class="kb-chart__x">{periods_html}</ol></div>')


def legend(series: list[Series], key: str = "kb-chart") -> str:
    """The legend as an HTML list: each label after a sample of its line and marker."""
    items = []
    for line, style in zip(series, styles(series), strict=True):
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        items.append(
            f'<li><svg class="kb-legend__swatch" width="44" height="14" aria-hidden="true" '
            f'focusable="false"><line class="kb-chart__line {style.colour}" x1="2" x2="42" '
            f'y1="7" y2="7"{dash}/><use class="kb-chart__marker {style.colour}" '
            f'href="#{key}-{style.marker}" x="22" y="7"/></svg>{escape(line.label)}</li>')
    return f'<ul class="kb-legend">{"".join(items)}</ul>'


def _segments(line: Series, style: Style, x: Callable[[int], str],
              y: Callable[[float], str]) -> list[str]:
    """A line between neighbouring periods that both have a value; a gap stays a gap."""
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    out = []
    for index in range(len(line.values) - 1):
        a, b = line.values[index], line.values[index + 1]
        if a is not None and b is not None:
            out.append(f'<line class="kb-chart__line {style.colour}" x1="{x(index)}" '
                       f'y1="{y(a)}" x2="{x(index + 1)}" y2="{y(b)}"{dash}/>')
    return out


def _markers(line: Series, style: Style, key: str, x: Callable[[int], str],
             y: Callable[[float], str]) -> list[str]:
    return [f'<use class="kb-chart__marker {style.colour}" href="#{key}-{style.marker}" '
            f'x="{x(i)}" y="{y(v)}"/>' for i, v in enumerate(line.values) if v is not None]


def _marker_defs(key: str) -> str:
    return "".join(f'<g id="{key}-{name}">{shape}</g>' for name, shape in MARKERS.items())


def _breakable(period: str) -> str:
    """«2024/2025» may wrap after the slash on a narrow screen."""
    return escape(period).replace("/", "/<wbr>")


def _clean(value: float) -> float:
    """0.30000000000000004 → 0.3: ticks are shown, so they must be exact decimals."""
    return round(value, 10) + 0.0
