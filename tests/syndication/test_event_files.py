"""Events are named as events (not as their announcements), and each upcoming one offers its own
.ics file «Добавить в календарь»."""

from __future__ import annotations

import html
import re
from pathlib import Path

import icalendar

from tests.syndication.test_syndication import sample_events


def test_every_event_has_its_own_ics_with_the_calendars_uid(sample_site: Path) -> None:
    whole = icalendar.Calendar.from_ical((sample_site / "events" / "events.ics").read_bytes())
    uids = {str(v["SUMMARY"]): str(v["UID"]) for v in whole.walk("VEVENT")}
    own = sorted(p for p in (sample_site / "events").glob("*.ics") if p.name != "events.ics")
    assert len(own) == len(uids) == len(sample_events())
    for path in own:
        assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]{10}\.ics", path.name)
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        [vevent] = calendar.walk("VEVENT")
        assert uids[str(vevent["SUMMARY"])] == str(vevent["UID"])
        # An X- property is read raw: its TEXT escapes stay.
        name = re.sub(r"\\([,;\\])", r"\1", str(calendar["X-WR-CALNAME"]))
        assert name == str(vevent["SUMMARY"])
        assert path.name.startswith(vevent["DTSTART"].dt.isoformat())


def test_titles_are_the_events_names_without_announcement_labels(sample_site: Path) -> None:
    page = html.unescape((sample_site / "events" / "index.html").read_text("utf-8"))
    raw = (sample_site / "events" / "events.ics").read_text("utf-8")
    for text in (page, raw):
        assert "Анонс —" not in text and "Анонс:" not in text
        assert "Открыта регистрация" not in text and "Стартовал конкурс" not in text
    past = page[page.index('id="proshedshie"'):]
    assert "Ежегодная конференция Ассоциации «Школа, устремлённая в будущее»" in past
    assert "Конкурс управленческих команд «Новая школа — новые решения»" in past
    for item, event in sample_events():
        assert (event.get("title") or item["title"]) in page


def test_upcoming_events_offer_add_to_calendar_past_ones_do_not(sample_site: Path) -> None:
    page = (sample_site / "events" / "index.html").read_text("utf-8")
    upcoming, past = page.split('id="proshedshie"', 1)
    links = re.findall(r'<a class="kb-event__ics" href="([^"]+)" type="text/calendar" download>'
                       r'Добавить в календарь<span class="kb-visually-hidden">: ([^<]+)</span>',
                       upcoming)
    assert links and "kb-event__ics" not in past
    for href, _title in links:
        assert (sample_site / "events" / href).is_file()
    assert upcoming.count('class="kb-event"') == len(links)
