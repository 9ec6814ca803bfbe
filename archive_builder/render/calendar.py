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
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

from archive_builder import addresses
from archive_builder.model import Meeting
from archive_builder.parse.dates import find_time
from archive_builder.render import words
from archive_builder.render.lookup import Lookup
from archive_builder.render.subscriptions import absolute, stable_uuid

LONDON = ZoneInfo("Europe/London")
LINE_OCTETS = 75  # RFC 5545 3.1: longer lines are folded
_ESCAPED_OR_CHAR = re.compile(r"\\.|.", re.DOTALL)


def calendars(lookup: Lookup) -> list[tuple[str, str]]:
    """The whole archive's calendar, then each committee's (path -> text)."""
    return [calendar(lookup), *(calendar(lookup, committee_id) for committee_id in sorted(lookup.committees))]


def calendar(lookup: Lookup, committee_id: str | None = None) -> tuple[str, str]:
    name = lookup.committee_name(committee_id) if committee_id else lookup.archive.site_name
    meetings = sorted((m for m in lookup.meetings.values()
                       if committee_id in (None, m.committee) and words.is_date(m.date)),
                      key=lambda m: (m.date, m.id))  # oldest first, as a calendar reads
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//committee-archive//Committee archive//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name + ': meetings')}",
        f"X-WR-CALNAME:{escape_text(name + ': meetings')}",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",  # RFC 7986: subscribers look again daily
        "X-PUBLISHED-TTL:P1D",  # the same, for Outlook
    ]
    for meeting in meetings:
        lines += event(lookup, meeting)
    lines.append("END:VCALENDAR")
    return addresses.calendar_url(committee_id), "".join(fold(line) + "\r\n" for line in lines)


def event(lookup: Lookup, meeting: Meeting) -> list[str]:
    summary = lookup.committee_name(meeting.committee) + (f": {meeting.title}" if meeting.title else "")
    if meeting.status == "cancelled":
        summary = "Cancelled: " + summary
    lines = [
        "BEGIN:VEVENT",
        f"UID:{stable_uuid(lookup, 'meeting', meeting.id)}",
        f"DTSTAMP:{meeting.date.replace('-', '')}T000000Z",
        *start_and_end(meeting),
        f"SUMMARY:{escape_text(summary)}",
        f"STATUS:{'CANCELLED' if meeting.status == 'cancelled' else 'CONFIRMED'}",
    ]
    if meeting.venue:
        lines.append(f"LOCATION:{escape_text(meeting.venue)}")
    lines.append(f"DESCRIPTION:{escape_text(description(lookup, meeting))}")
    url = absolute(lookup, meeting.url)
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def start_and_end(meeting: Meeting) -> list[str]:
    """DTSTART in UTC where the start time is known; else a whole day (DTEND the next day, exclusive)."""
    day = datetime.date.fromisoformat(meeting.date)
    time = find_time(meeting.start_time or "")
    if time is None:
        return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}"]
    hour, minute = (int(part) for part in time.split(":"))
    local = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)
    return [f"DTSTART:{local.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"]


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


# --- RFC 5545 text ----------------------------------------------------------------------------


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # control characters but the line break


def escape_text(text: str) -> str:
    """A TEXT value (3.3.11): backslash, semicolon and comma escaped, line breaks as '\\n', other
    control characters dropped (the format has no way to write them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def fold(line: str) -> str:
    """A content line folded (3.1) into lines of at most 75 octets, each continuation starting with a
    space, never inside a UTF-8 character, nor (for readers less careful than the RFC) inside an escape."""
    if len(line) * 4 <= LINE_OCTETS or len(line.encode("utf-8")) <= LINE_OCTETS:
        return line  # most lines: short enough as they are
    parts, current, size = [], [], 0
    for char in _ESCAPED_OR_CHAR.findall(line):
        width = len(char.encode("utf-8"))
        if size + width > (LINE_OCTETS if not parts else LINE_OCTETS - 1):
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)
