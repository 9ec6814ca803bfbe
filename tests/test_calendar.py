"""The meetings as iCalendar files, as a calendar program reads them: London times right in summer and
winter, all-day events where no time is known, cancelled meetings marked, stable UIDs, the same bytes
on every build, and lines folded and escaped as RFC 5545 asks."""

from __future__ import annotations

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import fixtures_archive as fx
import icalendar

from archive_builder.config import Config
from archive_builder.model import Archive
from archive_builder.render import render_site

UTC = datetime.UTC
LONDON = ZoneInfo("Europe/London")
SITE_URL = "https://decisions.example.gov.uk/archive/"
ET = "environment-and-transport"
VENUE = "Council Chamber, Harbourside Civic Centre, Quay Street, Harbourside HS1 4QT"


def render(root: Path, sources: Path, archive: Archive | None = None, site_url: str | None = None) -> dict[str, str]:
    return render_site(archive or fx.sample_archive(), Config(root=root, site_url=site_url), sources).pages


def events(text: str | bytes) -> dict[str, icalendar.Event]:
    """The calendar's events by the date they start on."""
    calendar = icalendar.Calendar.from_ical(text)
    found = {}
    for event in calendar.walk("VEVENT"):
        start = event.decoded("dtstart")
        day = start.date() if isinstance(start, datetime.datetime) else start
        assert day.isoformat() not in found
        found[day.isoformat()] = event
    return found


def test_the_demo_calendar_has_every_meeting_at_its_london_time(demo_site):
    found = events((demo_site.site_dir / "calendar" / "meetings.ics").read_bytes())
    assert sorted(found) == sorted(m["date"] for m in demo_site.export["meetings"])
    summer, winter = found["2024-09-12"], found["2024-11-14"]  # both printed "6.30 pm"
    assert summer.decoded("dtstart") == datetime.datetime(2024, 9, 12, 17, 30, tzinfo=UTC)  # BST: UTC+1
    assert winter.decoded("dtstart") == datetime.datetime(2024, 11, 14, 18, 30, tzinfo=UTC)  # GMT
    for event in (summer, winter):
        assert event.decoded("dtstart").astimezone(LONDON).strftime("%H:%M") == "18:30"
        assert str(event["location"]) == VENUE
        assert str(event["summary"]) == "Environment and Transport Committee"
        assert event["status"] == "CONFIRMED"
    mentioned = found["2024-07-11"]  # known only from the minutes that approve it: no time
    assert mentioned.decoded("dtstart") == datetime.date(2024, 7, 11)
    assert mentioned.decoded("dtend") == datetime.date(2024, 7, 12)
    assert "Bus Services on Harbour Road" in str(summer["description"])


def test_the_demo_committee_calendars_hold_only_their_meetings(demo_site):
    own = events((demo_site.site_dir / "committees" / ET / "meetings.ics").read_bytes())
    board = events((demo_site.site_dir / "committees" / "joint-transport-board" / "meetings.ics").read_bytes())
    assert sorted(board) == ["2024-10-03"]
    assert sorted(own) == sorted(m["date"] for m in demo_site.export["meetings"] if m["committee"] == ET)
    assert "Wharf Lane Depot" not in str(own["2025-03-13"]["description"])  # taken in private


def test_a_cancelled_meeting_is_marked_cancelled(tmp_path, sample_sources):
    found = events(render(tmp_path, sample_sources)["calendar/meetings.ics"])
    cancelled = found["2019-01-15"]
    assert cancelled["status"] == "CANCELLED"
    assert str(cancelled["summary"]) == "Cancelled: Cabinet"
    assert cancelled.decoded("dtstart") == datetime.date(2019, 1, 15)  # no time known: all day
    assert found["2018-11-20"]["status"] == "CONFIRMED"


def test_printed_times_become_utc_through_the_london_zone(tmp_path, sample_sources):
    found = events(render(tmp_path, sample_sources)["calendar/meetings.ics"])
    # "10.00 am" on 16 October 2018 (still summer time) and "2.00 pm" on 12 March 2019 (winter).
    assert found["2018-10-16"].decoded("dtstart") == datetime.datetime(2018, 10, 16, 9, 0, tzinfo=UTC)
    assert found["2019-03-12"].decoded("dtstart") == datetime.datetime(2019, 3, 12, 14, 0, tzinfo=UTC)


def test_uids_are_unique_stable_and_the_file_is_the_same_on_every_build(tmp_path, sample_sources):
    first = render(tmp_path / "a", sample_sources)["calendar/meetings.ics"]
    second = render(tmp_path / "b", sample_sources)["calendar/meetings.ics"]
    assert first == second
    uids = [str(e["uid"]) for e in events(first).values()]
    assert len(set(uids)) == len(uids) == 5
    cabinet = events(render(tmp_path / "c", sample_sources)["committees/cabinet/meetings.ics"])
    assert {str(e["uid"]) for e in cabinet.values()} <= set(uids)
    assert {e.decoded("dtstamp") for e in events(first).values()} == {
        datetime.datetime(2018, 6, 12, tzinfo=UTC), datetime.datetime(2018, 10, 16, tzinfo=UTC),
        datetime.datetime(2018, 11, 20, tzinfo=UTC), datetime.datetime(2019, 1, 15, tzinfo=UTC),
        datetime.datetime(2019, 3, 12, tzinfo=UTC)}


def test_events_link_to_the_meeting_page_where_the_site_address_is_known(tmp_path, sample_sources):
    with_address = events(render(tmp_path / "a", sample_sources, site_url=SITE_URL)["calendar/meetings.ics"])
    assert str(with_address["2018-10-16"]["url"]) == SITE_URL + "meetings/joint-ict/2018-10-16/"
    assert SITE_URL + "meetings/joint-ict/2018-10-16/" in str(with_address["2018-10-16"]["description"])
    without = events(render(tmp_path / "b", sample_sources)["calendar/meetings.ics"])
    assert "url" not in without["2018-10-16"]


def test_lines_are_folded_and_text_escaped_as_rfc_5545_asks(tmp_path, sample_sources):
    archive = fx.sample_archive()
    venue = ("Salle du Conseil; Hôtel de Ville, 1 Place de l’Église\\Annexe — Ystafell Bwyllgor Cymraeg ✓ " * 3).strip()
    archive.meetings[0].venue = venue + "\nsecond line"
    text = render(tmp_path, sample_sources, archive)["calendar/meetings.ics"]
    data = text.encode("utf-8")
    assert data.endswith(b"END:VCALENDAR\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    data.decode("utf-8")  # no character cut in half by a fold
    assert str(events(text)["2018-10-16"]["location"]) == venue + "\nsecond line"
    description = str(events(text)["2018-10-16"]["description"])
    assert fx.HOSTILE_TITLE in description  # the literal words, whatever they hold


def test_nothing_of_an_exempt_item_is_in_a_calendar(tmp_path, sample_sources):
    pages = render(tmp_path, sample_sources, site_url=SITE_URL)
    calendars = {path: text for path, text in pages.items() if path.endswith(".ics")}
    assert sorted(calendars) == ["calendar/meetings.ics", "committees/cabinet/meetings.ics",
                                 "committees/joint-ict/meetings.ics"]
    for path, text in calendars.items():
        assert fx.SECRET not in text and "Staffing matter" not in text, path
