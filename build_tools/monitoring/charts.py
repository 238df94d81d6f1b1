"""Line charts as plain SVG, drawn at build time: readable without JavaScript, byte-stable.

A hand-written SVG keeps the markup accessible (role, title, desc, a text alternative beside it)
and the output identical from build to build, which a plotting library's SVG is not by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 40, 16, 40
# Colour-blind-safe palette (Okabe–Ito); the region line is black and thicker.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#8C564B", "#7F7F7F", "#17BECF")


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    """One value per period; None where the group was too small or did not report."""
    emphasis: bool = False


def line_chart(title: str, periods: list[str], series: list[Series], unit: str) -> str:
    """An SVG line chart of `series` over `periods`."""
    values = [v for s in series for v in s.values if v is not None]
    low, high = _nice_range(min(values, default=0.0), max(values, default=1.0))
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x(index: int) -> float:
        return MARGIN_LEFT + (plot_w * index / max(1, len(periods) - 1))

    def y(value: float) -> float:
        return MARGIN_TOP + plot_h * (1 - (value - low) / (high - low))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="chart-title" class="kb-chart">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for step in range(5):
        value = low + (high - low) * step / 4
        parts.append(
            f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}" stroke="#c8cbd3" stroke-width="1"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
            f'font-size="12" fill="currentColor">{_number(value)}</text>')
    for index, period in enumerate(periods):
        parts.append(f'<text x="{x(index):.1f}" y="{HEIGHT - 14}" text-anchor="middle" '
                     f'font-size="12" fill="currentColor">{escape(period)}</text>')
    parts.append(f'<text x="12" y="{MARGIN_TOP + plot_h / 2:.0f}" font-size="12" '
                 f'fill="currentColor" transform="rotate(-90 12 {MARGIN_TOP + plot_h / 2:.0f})" '
                 f'text-anchor="middle">{escape(unit)}</text>')
    for number, line in enumerate(series):
        colour = "#000000" if line.emphasis else PALETTE[number % len(PALETTE)]
        width = 3 if line.emphasis else 2
        points = [(x(i), y(v)) for i, v in enumerate(line.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                         f'stroke-width="{width}"><title>{escape(line.label)}</title></polyline>')
        for px, py in points:
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>')
    parts.append("</svg>")
    return "".join(parts)


def legend(series: list[Series]) -> list[tuple[str, str]]:
    """(label, colour) pairs in the order of the chart, for an HTML legend."""
    return [("#000000" if s.emphasis else PALETTE[n % len(PALETTE)], s.label)
            for n, s in enumerate(series)]


def _nice_range(low: float, high: float) -> tuple[float, float]:
    if high == low:
        return low - 1, high + 1
    pad = (high - low) * 0.1
    return low - pad, high + pad


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",").replace(",0", "") if abs(value) < 1000 else (
        f"{value:,.0f}".replace(",", "\u00a0"))
