"""iCalendar files (RFC 5545) of the meetings, for the whole archive and for each committee.

- Times: the documents print London clock times. Each is converted to UTC through the time zone
  database (zoneinfo, Europe/London), so 18:30 on a day of British Summer Time is 17:30Z and 18:30
  in winter is 18:30Z; every calendar program shows it in its reader's own zone. UTC needs no
  VTIMEZONE, whose hand-written rules could be wrong for dates before the current ones (1996).
- A meeting with no known start time is an all-day event. No end is given for timed meetings:
  the documents do not say when meetings end, and RFC 5545 reads a start alone as the whole event.
- Every meeting the site has a page for is here (a meeting only mentioned, too: its date is still
  known); a cancelled one has STATUS:CANCELLED and says so in its summary.
- UIDs are UUIDs made from the meeting's id (subscriptions.py); DTSTAMP is the meeting's date, not
  the clock, so two builds give the same bytes and a calendar sees no change where there is none.
- URL (the meeting's page) needs the site's address (`site_url`), since a calendar has no base
  address to resolve a relative one against; without it the event has no URL.
- Written by icalendar, which escapes the text and folds the lines at 75 octets.
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText, vUri

from archive_builder import addresses
from archive_builder.dates import find_time
from archive_builder.model import Meeting, MeetingStatus
from archive_builder.render import words
from archive_builder.render.lookup import Lookup
from archive_builder.render.subscriptions import absolute, stable_uuid

LONDON = ZoneInfo("Europe/London")


def calendars(lookup: Lookup) -> list[tuple[str, str]]:
    """The whole archive's calendar, then each committee's (path -> text)."""
    return [calendar(lookup), *(calendar(lookup, committee_id) for committee_id in sorted(lookup.committees))]


def calendar(lookup: Lookup, committee_id: str | None = None) -> tuple[str, str]:
    name = lookup.committee_name(committee_id) if committee_id else lookup.archive.site_name
    meetings = sorted((m for m in lookup.meetings.values()
                       if committee_id in (None, m.committee) and words.is_date(m.date)),
                      key=lambda m: (m.date, m.id))  # oldest first, as a calendar reads
    found = Calendar()
    found.add("version", "2.0")
    found.add("prodid", "-//committee-archive//Committee archive//EN")
    found.add("calscale", "GREGORIAN")
    found.add("method", "PUBLISH")
    found.add("name", _text(name + ": meetings"))
    found.add("x-wr-calname", _text(name + ": meetings"))
    found.add("refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"})  # RFC 7986: daily
    found.add("x-published-ttl", vText("P1D"))  # the same, for Outlook
    for meeting in meetings:
        found.add_component(event(lookup, meeting))
    return addresses.calendar_url(committee_id), found.to_ical().decode("utf-8")


def event(lookup: Lookup, meeting: Meeting) -> Event:
    summary = lookup.committee_name(meeting.committee) + (f": {meeting.title}" if meeting.title else "")
    if meeting.status == MeetingStatus.CANCELLED:
        summary = "Cancelled: " + summary
    found = Event()
    found.add("uid", stable_uuid(lookup, "meeting", meeting.id))
    found.add("dtstamp", datetime.datetime.fromisoformat(meeting.date).replace(tzinfo=datetime.UTC))
    for name, value in start_and_end(meeting):
        found.add(name, value)
    found.add("summary", _text(summary))
    found.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED")
    if meeting.venue:
        found.add("location", _text(meeting.venue))
    found.add("description", _text(description(lookup, meeting)))
    url = absolute(lookup, meeting.url)
    if url:
        found.add("url", vUri(url))
    return found


def start_and_end(meeting: Meeting) -> list[tuple[str, datetime.date]]:
    """DTSTART in UTC where the start time is known; else a whole day (DTEND the next day, exclusive)."""
    day = datetime.date.fromisoformat(meeting.date)
    time = find_time(meeting.start_time or "")
    if time is None:
        return [("dtstart", day), ("dtend", day + datetime.timedelta(days=1))]
    hour, minute = (int(part) for part in time.split(":"))
    local = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)
    return [("dtstart", local.astimezone(datetime.UTC))]


def description(lookup: Lookup, meeting: Meeting) -> str:
    """Status, the items (none taken in private), and the page's address where it is known."""
    lines = [f"{lookup.meeting_label(meeting)}. {words.meeting_status(meeting.status)}."]
    if meeting.start_time and find_time(meeting.start_time) is None:
        lines.append(f"Time as printed: {meeting.start_time}.")  # not a clock time this builder can read
    items = [item for item in meeting.items if not item.exempt]
    if items:
        lines += ["", "Items:", *(" ".join((f"{i.number}. {i.title}" if i.number else i.title).split()) for i in items)]
    url = absolute(lookup, meeting.url)
    if url:
        lines += ["", f"Papers, minutes and decisions: {url}"]
    return "\n".join(lines)


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # control characters but the line break


def _text(text: str) -> str:
    """A TEXT value without what the format has no way to write (control characters other than the
    line break); icalendar escapes the rest and folds the lines."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
