"""What a practice's search result shows as its card: district, levels, locks, cost, badge.

The same first facts as the practice's card in the static lists (templates/practice_item.html),
as Pagefind metadata: text values the browser script puts in as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Collection

from ..content.library import Entry, Library
from ..content.statuses import Status
from ..monitoring.evidence import MAX_LOCKS, evidence_strength


def practice_card(entry: Entry, library: Library,
                  with_data: Collection[tuple[str, str]]) -> dict[str, str]:
    """Pagefind meta of a practice's result card; empty values are left out by the page."""
    passport = entry.data.get("passport") or {}
    cost = (passport.get("resources") or {}).get("cost") if isinstance(passport, dict) else None
    strength = evidence_strength(entry.data, with_data)
    return {
        "district": library.school_of(entry).district,
        "levels": ", ".join(entry.data.get("levels") or []),
        "locks": str(strength.locks),
        "locks_max": str(MAX_LOCKS),
        "cost": str(cost or ""),
        "recommended": "рекомендовано к тиражированию"
        if entry.status is Status.RECOMMENDED else "",
    }
