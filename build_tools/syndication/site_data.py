"""Internship sites, partner organisations and networks as open datasets (CSV and JSON).

Column meanings are the field docs of content/site_registries.py, so the data passport cannot
drift from the registries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from ..content.library import Library
from ..content.site_model import Party
from ..content.site_registries import INTERNSHIP_SITE, NETWORK, PARTNER
from .open_data import Column, Dataset, Published, _doc, _field

Getter = Callable[[Any], Any]


def _attr(name: str) -> Getter:
    return lambda item: getattr(item, name)


def _party(party: Party) -> str:
    kind, key = ("school", party.school) if party.school else ("partner", party.partner)
    return f"{kind}:{key}" + (f" ({party.role})" if party.role else "")


def _site_columns(site_url: str, today: dt.date) -> tuple[Column, ...]:
    f = INTERNSHIP_SITE.fields
    programme = f["programme"].fields  # type: ignore[attr-defined]
    decision = f["decision"].fields  # type: ignore[attr-defined]
    return (
        _field("id", f, _attr("id")),
        Column("url", "Адрес записи на странице стажировочных площадок.", "строка",
               lambda s: f"{site_url}sites/#{s.id}"),
        *(_field(name, f, _attr(name)) for name in ("school", "level", "theme", "since",
                                                    "until")),
        Column("topics", _doc(f["topics"]), "список строк", lambda s: list(s.topics)),
        Column("in_force", "Действует ли статус на день выгрузки.", "логическое",
               lambda s: s.in_force(today)),
        Column("decision_document", _doc(decision["document"]), "строка",
               _attr("decision_document")),
        Column("decision_date", _doc(decision["date"]), "дата", _attr("decision_date")),
        Column("hours", _doc(programme["hours"]), "число", lambda s: s.programme.hours),
        Column("format", _doc(programme["format"]), "строка", lambda s: s.programme.format),
        Column("audience", _doc(programme["audience"]), "список строк",
               lambda s: list(s.programme.audience)),
        Column("capacity", _doc(programme["capacity"]), "число",
               lambda s: s.programme.capacity),
        Column("practices", _doc(f["practices"]), "список строк", lambda s: list(s.practices)),
    )


def _network_columns(site_url: str, today: dt.date) -> tuple[Column, ...]:
    f = NETWORK.fields
    return (
        _field("id", f, _attr("id")),
        Column("url", "Адрес записи на странице «Сети и партнёрства».", "строка",
               lambda n: f"{site_url}networks/#{n.id}"),
        *(_field(name, f, _attr(name)) for name in ("name", "type", "since", "until")),
        Column("parties", "Стороны: «school:идентификатор» или «partner:идентификатор», "
               "с ролью в паре в скобках.", "список строк",
               lambda n: [_party(p) for p in n.parties]),
        Column("in_force", "Действует ли сеть или договор на день выгрузки.", "логическое",
               lambda n: n.in_force(today)),
        Column("agreement", "Адрес файла договора на сайте.", "строка",
               lambda n: site_url + n.agreement if n.agreement else None),
        _field("coordinator", f, _attr("coordinator")),
    )


def site_datasets(library: Library, *, site_url: str, today: dt.date) -> Iterator[Published]:
    """The three registries as datasets; `site_url` ends with "/" (may be empty)."""
    registries = library.registry.sites
    sites = Dataset(
        "internship_sites", "Стажировочные площадки",
        "Стажировочные площадки Ассоциации: школа, уровень, тема, срок статуса, решение и "
        "программа стажировки; истёкшие сроки тоже, с отметкой.",
        _site_columns(site_url, today))
    partners = Dataset(
        "partners", "Организации-партнёры",
        "Организации, которые не входят в Ассоциацию, но участвуют в её сетях и договорах.",
        tuple(_field(name, PARTNER.fields, _attr(name))
              for name in ("id", "name", "kind", "website")))
    networks = Dataset(
        "networks", "Сети и партнёрства",
        "Сети школ и договоры о партнёрстве: вид, стороны, сроки, договор и координатор "
        "(роль, а не человек).", _network_columns(site_url, today))
    yield _publish(sites, registries.sites, today, lambda s: [s.since, s.decision_date])
    yield _publish(partners, list(registries.partners.values()), today, lambda p: [])
    yield _publish(networks, registries.networks, today, lambda n: [n.since])


def _publish(dataset: Dataset, items: list[Any], today: dt.date,
             dates: Callable[[Any], list[dt.date]]) -> Published:
    rows = [{c.name: c.get(item) for c in dataset.columns} for item in items]
    rows.sort(key=lambda row: str(row["id"]))
    changed = [d for item in items for d in dates(item) if d <= today]
    return Published(dataset, rows, max(changed, default=today))



