"""`kb digest draft [YYYY-MM]`: a month's digest prefilled from the bank, for the editor to finish.

The draft collects the practices and recommendations published that month and the events,
announced in earlier issues, that take place the month after (each dated by its announcement).
Without a month it drafts the current one. It is written with status
«черновик», so it never reaches the site before the editor has completed and published it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..content.content_types import Status, issue_month, issue_month_advice
from ..content.library import Entry, Library
from ..content.months import YearMonth
from ..syndication.events import collect_events

NEW_PRACTICES_RUBRIC = "интересный опыт"
NEW_RECOMMENDATIONS_RUBRIC = "новости Ассоциации"
PLACEHOLDER_RUBRIC = "новости Ассоциации"


class DraftError(Exception):
    """A reason, in Russian, why no draft was written."""


def parse_month(text: str, today: dt.date | None = None) -> YearMonth:
    """`2026-12` → the issue's month, or a DraftError that says what to write instead; no
    month at all is the current one (as `kb new digest`)."""
    if not text.strip():
        today = today or dt.date.today()
        return YearMonth(today.year, today.month)
    parsed = issue_month(text)
    if parsed is None:
        raise DraftError(issue_month_advice(text))
    return YearMonth(*parsed)


def published_on(entry: Entry) -> dt.date:
    """When an entry appeared in the bank: a practice on its review, others on their date."""
    reviewed = (entry.data.get("review") or {}).get("date")
    return reviewed if isinstance(reviewed, dt.date) else entry.date


def announced_on(month: YearMonth) -> dt.date:
    """The date of an event's news in the issue of `month`: the issue announces it, so the
    item is dated by that announcement (the issue's first day, for the editor to adjust),
    never by the event, which takes place the month after."""
    return dt.date(month.year, month.month, 1)


def draft_data(library: Library, month: YearMonth, site_url: str) -> dict[str, Any]:
    """The front-matter of the draft, in the order the editor reads it."""
    rubrics: dict[str, list[dict[str, Any]]] = {}

    def add(rubric: str, item: dict[str, Any]) -> None:
        rubrics.setdefault(rubric, []).append(item)

    announcements = (
        (library.practices, NEW_PRACTICES_RUBRIC, "В банке — практика «{}»"),
        (library.recommendations, NEW_RECOMMENDATIONS_RUBRIC,
         "Опубликованы методические рекомендации «{}»"),
    )
    for entries, rubric, headline in announcements:
        for entry in sorted(entries, key=published_on):
            if month.contains(published_on(entry)):
                add(rubric, {"title": headline.format(entry.title), **_link(site_url, entry),
                             "date": published_on(entry), "summary": entry.summary})
    for event in collect_events(library.digests):
        if month.next.contains(event.start):
            item: dict[str, Any] = {"title": event.title}
            if event.link:
                item["link"] = event.link
            item |= {"date": announced_on(month), "summary": event.summary,
                     "event": dict(event.block)}
            add(event.rubric, item)
    if not rubrics:
        add(PLACEHOLDER_RUBRIC, {
            "title": "Заголовок новости",
            "date": dt.date(month.year, month.month, 1),
            "summary": "Замените этот материал своим: за месяц в банке не появилось новых "
                       "практик и рекомендаций, а на следующий месяц нет анонсов событий.",
        })
    order = library.registry.vocabularies["rubrics"].names()
    return {
        "year": month.year,
        "month": month.month,
        "issue": _next_issue(library, month),
        "status": Status.DRAFT.value,
        "summary": f"О чём выпуск за {month.label}: допишите одно предложение.",
        "rubrics": [{"rubric": name, "items": rubrics[name]}
                    for name in sorted(rubrics, key=order.index)],
    }


def _link(site_url: str, entry: Entry) -> dict[str, str]:
    """The entry's absolute address, when the site's address is known."""
    return {"link": site_url + entry.url} if site_url.startswith(("https://", "http://")) else {}


def _next_issue(library: Library, month: YearMonth) -> int:
    earlier = [d for d in library.digests
               if (d.data["year"], d.data["month"]) < (month.year, month.month)]
    if not earlier:
        return 1
    latest = max(earlier, key=lambda d: (d.data["year"], d.data["month"]))
    return int(latest.data["issue"]) + 1


class _PlainDumper(yaml.SafeDumper):
    """Writes a repeated value again instead of an &anchor/*alias, which editors (and our
    validator) do not accept."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render_draft(data: dict[str, Any], month: YearMonth) -> str:
    front = yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False,
                      width=100, default_flow_style=False)
    return (
        "---\n"
        f"# Черновик дайджеста за {month.label}, собран командой kb digest draft.\n"
        "# Проверьте и дополните материалы, допишите summary, затем смените status\n"
        "# на «опубликовано». Рубрики — из content/_data/rubrics.yml.\n"
        f"{front}"
        "---\n\n"
        "Вступительное слово редакции: о чём этот выпуск и что в нём главное.\n"
    )


def write_draft(library: Library, digests_dir: Path, month_text: str,
                site_url: str, shown: Callable[[Path], str] = str) -> Path:
    """Write content/digests/YYYY-MM.md; refuse if it exists."""
    month = parse_month(month_text)
    target = digests_dir / f"{month.slug}.md"
    if target.exists():
        raise DraftError(f"выпуск за {month.label} уже есть: {shown(target)}. Черновик не записан, "
                         "чтобы не потерять сделанную работу; правьте существующий файл.")
    text = render_draft(draft_data(library, month, site_url), month)
    digests_dir.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(text)
    return target

