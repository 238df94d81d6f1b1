"""«Стажировочные площадки» and «Сети и партнёрства», and what a school page says about both.

Built from internship_sites.yml, partners.yml and networks.yml (content/site_registries.py) as
of the build date, the same day the events calendar is cut at; upcoming internships are the
calendar's upcoming events of the format «стажировка». A network's schools' monitoring is put
side by side from `MonitoringReport.school_rows`, which is empty when the disclosure policy
keeps school values unpublished: then the page says so and shows no value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..content.site_model import SITE_LEVELS, InternshipSite, Network, Party
from ..content.slugs import slugify
from ..syndication.events import Event

if TYPE_CHECKING:
    from .pages import PageSpec, SiteBuilder

SITES_URL, NETWORKS_URL = "sites/", "networks/"
INTERNSHIP_FORMAT = "стажировка"
"""The term of event_formats.yml whose events are internships at the sites."""
_STATES = ("действует", "ещё не начался", "истёк")


@dataclass(frozen=True)
class PartyView:
    name: str
    url: str
    """The school's page, the partner's website, or ""."""
    note: str
    """The partner's kind or the school's role in a pair."""
    school: str = ""


class SitePages:
    """The two pages and the school page's parts, for one build."""

    def __init__(self, builder: SiteBuilder) -> None:
        self.builder = builder
        self.library = builder.library
        self.registries = builder.library.registry.sites
        self.today: dt.date = builder.syndication.settings.today

    # --- what school pages and the schools list show ---

    def is_site(self, school_id: str) -> bool:
        return self.registries.site_in_force(school_id, self.today) is not None

    def school_status(self, school_id: str) -> dict[str, Any]:
        """The school's site record in force, its other records, and its networks."""
        records = self.registries.sites_of(school_id)
        current = self.registries.site_in_force(school_id, self.today)
        return {
            "current": current,
            "other": [(r, r.state(self.today)) for r in records if r is not current],
            "networks": [(n, self.parties(n, but=school_id)) for n in
                         self.registries.networks_of(school_id)],
        }

    def parties(self, network: Network, but: str = "") -> list[PartyView]:
        return [self._party(p) for p in network.parties if not (but and p.school == but)]

    def _party(self, party: Party) -> PartyView:
        if party.school:
            school = self.library.registry.schools.items.get(party.school)
            name = school.short_name if school else party.school
            return PartyView(name, self.builder.school_url(party.school), party.role,
                             party.school)
        partner = self.registries.partners[party.partner]
        return PartyView(partner.name, partner.website, partner.kind)

    # --- pages ---

    def pages(self) -> Iterator[PageSpec]:
        from .pages import PageSpec  # pages.py hands itself in: imported when it is loaded

        yield PageSpec(f"{SITES_URL}index.md", "Стажировочные площадки", self.builder._render(
            "sites.html", SITES_URL, **self.sites_context()),
            description="Стажировочные площадки Ассоциации новых школ: темы, программы, "
                        "сроки статуса и ближайшие стажировки.")
        yield PageSpec(f"{NETWORKS_URL}index.md", "Сети и партнёрства", self.builder._render(
            "networks.html", NETWORKS_URL, **self.networks_context()),
            description="Сети школ и договоры о партнёрстве Ассоциации новых школ, с "
                        "показателями мониторинга школ рядом.")

    def sites_context(self) -> dict[str, Any]:
        sites = sorted(self.registries.sites,
                       key=lambda s: (_STATES.index(s.state(self.today)), s.level != "региональная",
                                      self._school_name(s.school), s.since))
        cards = [self._card(s) for s in sites]
        topics = self.library.registry.vocabularies["topics"]
        districts = self.library.registry.vocabularies["districts"]
        used_topics = {t for s in sites for t in s.topics}
        used_districts = {c["district"] for c in cards}
        return {
            "today": self.today,
            "current": [c for c in cards if c["state"] != "истёк"],
            "expired": [c for c in cards if c["state"] == "истёк"],
            "internships": self.internships(),
            "filters": [
                ("level", "Уровень", [(slugify(level), level) for level in SITE_LEVELS]),
                ("district", "Район", [(t.id, t.name) for t in districts
                                       if t.name in used_districts]),
                ("topic", "Тема", [(t.id, t.name) for t in topics if t.name in used_topics]),
            ],
        }

    def _card(self, site: InternshipSite) -> dict[str, Any]:
        school = self.library.registry.schools.items.get(site.school)
        district = school.district if school else ""
        vocabularies = self.library.registry.vocabularies
        topic_ids = [t.id for t in vocabularies["topics"] if t.name in site.topics]
        district_id = next((t.id for t in vocabularies["districts"] if t.name == district), "")
        published = {e.slug: e for e in self.library.practices}
        return {
            "site": site, "school": school, "district": district,
            "state": site.state(self.today),
            "practices": [published[slug] for slug in site.practices if slug in published],
            "data": {"level": slugify(site.level), "district": district_id,
                     "topic": " ".join(topic_ids)},
        }

    def _school_name(self, school_id: str) -> str:
        school = self.library.registry.schools.items.get(school_id)
        return school.short_name if school else school_id

    def internships(self) -> list[Event]:
        """Upcoming or running events of the format «стажировка», soonest first."""
        return [e for e in self.builder.upcoming_events(10_000) if e.format == INTERNSHIP_FORMAT]

    def networks_context(self) -> dict[str, Any]:
        report = self.builder.report
        networks = sorted(self.registries.networks,
                          key=lambda n: (not n.in_force(self.today), not n.is_pair, n.name))
        views = [{"network": n, "parties": self.parties(n),
                  "in_force": n.in_force(self.today),
                  "monitoring": self.side_by_side(n)} for n in networks]
        reported = any(report.has_school_values(s) for n in networks for s in n.schools)
        hidden = (reported and not report.disclosure.school_values
                  and report.disclosure.school_values_note("значения показателей школ сетей"))
        return {"networks": views, "hidden": hidden, "today": self.today,
                "partners": list(self.registries.partners.values())}

    def side_by_side(self, network: Network) -> dict[str, Any]:
        """Per indicator, each school's latest value (with its period) and last change.

        Only what the school pages show: nothing when school values are unpublished."""
        report = self.builder.report
        schools = [s for s in network.schools if s in self.library.registry.schools.items]
        by_school = {s: {r["indicator"].id: r for r in report.school_rows(s)} for s in schools}
        rows = []
        for indicator in report.indicators:
            cells = [_latest(by_school[s].get(indicator.id), report.periods) for s in schools]
            if any(cells):
                rows.append({"indicator": indicator, "cells": cells})
        return {"schools": [self.library.registry.schools.items[s] for s in schools],
                "rows": rows}


def _latest(row: dict[str, Any] | None, periods: list[Any]) -> dict[str, Any] | None:
    if row is None:
        return None
    shown = [(period, value) for period, value in zip(periods, row["values"], strict=False)
             if value != "—"]
    if not shown:
        return None
    period, value = shown[-1]
    return {"value": value, "period": period, "change": row["change"],
            "verdict": row["verdict"]}
