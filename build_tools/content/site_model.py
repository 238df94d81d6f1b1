"""Internship sites, partner organisations and networks of schools, as the pages read them.

The records come from content/_data/internship_sites.yml, partners.yml and networks.yml
(declared and checked in `site_registries.py`). A school is an internship site on a given day
when one of its site records is in force then: `since <= day <= until`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SITE_LEVELS = ("муниципальная", "региональная")
"""The level of an internship site: who granted the status (a district or the region)."""
PROGRAMME_FORMATS = ("очно", "дистанционно", "очно и дистанционно")
PARTNER_KINDS = ("вуз или колледж", "институт или центр развития образования",
                 "учреждение культуры", "учреждение дополнительного образования", "предприятие",
                 "общественная организация", "орган управления образованием", "другое")
STRONG_WEAK = "сильная школа — школа с низкими результатами"
NETWORK_TYPES = ("муниципальная сеть школ", "сетевое взаимодействие", "двусторонний договор",
                 "многосторонний договор", STRONG_WEAK)
"""Kinds of network or partnership; STRONG_WEAK pairs exactly two schools with PAIR_ROLES."""
PAIR_ROLES = ("сильная школа", "школа с низкими результатами")


@dataclass(frozen=True)
class Programme:
    """What an internship at the site offers."""

    hours: int
    format: str
    audience: tuple[str, ...]
    capacity: int | None = None
    """Participants per internship; None when not stated."""


@dataclass(frozen=True)
class InternshipSite:
    id: str
    school: str
    level: str
    theme: str
    since: dt.date
    until: dt.date
    decision_document: str
    decision_date: dt.date
    programme: Programme
    topics: tuple[str, ...] = ()
    practices: tuple[str, ...] = ()
    description: str = ""
    index: int = field(default=0, compare=False)
    """The row's place in internship_sites.yml and its line, for located messages."""
    line: int = field(default=0, compare=False)

    def state(self, day: dt.date) -> str:
        """«действует», «истёк» or «ещё не начался» on `day`."""
        if day < self.since:
            return "ещё не начался"
        return "истёк" if day > self.until else "действует"

    def in_force(self, day: dt.date) -> bool:
        return self.since <= day <= self.until


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    kind: str
    website: str = ""


@dataclass(frozen=True)
class Party:
    """One side of a network: a member school or a partner organisation (exactly one)."""

    school: str = ""
    partner: str = ""
    role: str = ""


@dataclass(frozen=True)
class Network:
    id: str
    name: str
    type: str
    parties: tuple[Party, ...]
    since: dt.date
    until: dt.date | None = None
    agreement: str = ""
    """The agreement's file, relative to content/ (published beside the networks page)."""
    coordinator: str = ""
    """The coordinating role or body («методист районного методического кабинета»), no person."""
    description: str = ""
    index: int = field(default=0, compare=False)
    line: int = field(default=0, compare=False)

    @property
    def schools(self) -> list[str]:
        return [p.school for p in self.parties if p.school]

    @property
    def partners(self) -> list[str]:
        return [p.partner for p in self.parties if p.partner]

    @property
    def is_pair(self) -> bool:
        return self.type == STRONG_WEAK

    def in_force(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass
class SiteRegistries:
    """The three registries; a broken row is reported where it is and left out here."""

    sites: list[InternshipSite] = field(default_factory=list)
    partners: dict[str, Partner] = field(default_factory=dict)
    networks: list[Network] = field(default_factory=list)
    sites_file: str = "content/_data/internship_sites.yml"
    """internship_sites.yml as messages name it (from the folder the command runs in)."""

    def sites_of(self, school_id: str) -> list[InternshipSite]:
        """Every site record of a school, latest start first."""
        return sorted((s for s in self.sites if s.school == school_id),
                      key=lambda s: s.since, reverse=True)

    def site_in_force(self, school_id: str, day: dt.date) -> InternshipSite | None:
        return next((s for s in self.sites_of(school_id) if s.in_force(day)), None)

    def site_schools(self, day: dt.date) -> set[str]:
        """Schools that are internship sites on `day`: what the monitoring lists read."""
        return {s.school for s in self.sites if s.in_force(day)}

    def networks_of(self, school_id: str) -> list[Network]:
        return [n for n in self.networks if school_id in n.schools]

    def agreement_files(self) -> set[str]:
        return {n.agreement for n in self.networks if n.agreement}
