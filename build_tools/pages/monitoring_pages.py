"""The monitoring pages: the overview by group, a page per indicator with its chart and table,
and the internship-site candidates (the numbers come from monitoring/site.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import markupsafe

from ..monitoring.captions import shown_change, signed, verdict
from ..monitoring.site import by_group
from ..monitoring.site import number as format_number

if TYPE_CHECKING:
    from .pages import PageSpec, SiteBuilder  # noqa: F401 (PageSpec: the return type)


WORLD = "world"
"""The memo key of what depends only on the monitoring tables, registries, settings and date:
the memo forgets everything when they change, so under `kb serve` a save that touches none
of them reuses the tables, charts and pages of the last build."""


def pages(site: SiteBuilder) -> Iterator[PageSpec]:
    """The overview, one page per indicator and the internship-site candidates."""
    from .pages import PageSpec  # the builder's module imports this one
    yield from site.memo.get("monitoring:pages", WORLD, lambda: list(_report_pages(site)))
    if not site.report.has_data():
        return
    report = site.report
    yield PageSpec("monitoring/candidates/index.md", "Кандидаты в стажировочные площадки",
                   site._render("monitoring_candidates.html", "monitoring/candidates/",
                                lists=site.memo.get("monitoring:lists", WORLD,
                                                    report.internship_lists),
                                practices_of=site.library.practices_of_school,
                                disclosure=report.disclosure, rule=report.settings.rule,
                                indicators=report.indicators, number=format_number))


def _report_pages(site: SiteBuilder) -> Iterator[PageSpec]:
    """The overview and the indicators' pages: the monitoring tables' own."""
    from .pages import PageSpec
    report = site.report
    overview = []
    for indicator in report.indicators:
        table = report.district_table(indicator)
        if "Все районы" not in table.index or table.empty:
            continue
        region = table.loc["Все районы"].dropna()
        change = (shown_change(float(region.iloc[-2]), float(region.iloc[-1]))
                  if len(region) > 1 else None)
        overview.append({
            "indicator": indicator, "period": region.index[-1],
            "value": format_number(float(region.iloc[-1]), fixed=True),
            "change": None if change is None else signed(change),
            "verdict": None if change is None else verdict(change, indicator.better.sign()),
        })
    yield PageSpec("monitoring/index.md", "Мониторинг", site._render(
        "monitoring_index.html", "monitoring/", report=report, overview=by_group(overview),
        programme=report.programme_rows() if report.has_data() else []),
        description="Показатели школ Ассоциации по районам и периодам.")
    if not report.has_data():
        return
    for indicator in report.indicators:
        svg, legend_html, alt_text = report.chart(indicator)
        counts = report.schools_reporting(indicator).to_dict(orient="index")
        url = f"monitoring/{indicator.id}/"
        yield PageSpec(f"monitoring/{indicator.id}/index.md", indicator.name, site._render(
            "monitoring_indicator.html", url, indicator=indicator,
            svg=markupsafe.Markup(svg), legend=markupsafe.Markup(legend_html),
            alt_text=alt_text,
            table=report.district_table(indicator), counts=counts,
            hidden_notes=report.hidden_notes(indicator)), description=indicator.description)

