"""The decision register and the attendance records as CSV files, for spreadsheets.

- UTF-8 with a byte order mark: Excel opens a double-clicked CSV in the machine's legacy code page
  unless the file starts with one, and would turn "Cllr Siân O’Brien" into mojibake; LibreOffice,
  Numbers, Google Sheets, pandas and Python (encoding "utf-8-sig") all read it as UTF-8 either way.
- RFC 4180: comma-separated, CRLF line ends, a field quoted where it holds a comma, a quote or a
  line break, quotes doubled.
- No formulas: a text cell that starts with = + - @ (or a tab or carriage return), even after
  spaces, gets a leading apostrophe, so a spreadsheet shows it as text and never runs it
  (OWASP "CSV injection"). Numbers (the vote counts) are written as numbers.
- Only what the site shows: no resolution of an exempt item. Rows run oldest first, in the
  minutes' order; addresses are absolute where the site's address is configured, else relative
  to the site, as in the open-data export.
"""

from __future__ import annotations

import csv
import io
import re

from archive_builder import addresses
from archive_builder.model import Votes
from archive_builder.render import words
from archive_builder.render.lookup import Lookup
from archive_builder.render.subscriptions import absolute

DECISION_COLUMNS = ("Date", "Committee", "Meeting", "Item number", "Minute number", "Item title", "Label", "Decision",
                    "Outcome", "For", "Against", "Abstain", "Mover", "Seconder", "Action statuses", "URL",
                    "Resolution id")
ATTENDANCE_COLUMNS = ("Date", "Committee", "Meeting", "Name as printed", "Person id", "Status", "Role",
                      "Organisation", "Post", "Note", "URL")

BOM = "\ufeff"
_FORMULA_START = re.compile(r"\s*[=+\-@]|[\t\r]")


def spreadsheets(lookup: Lookup) -> list[tuple[str, str]]:
    return [(addresses.DECISIONS_CSV, decisions_csv(lookup)), (addresses.ATTENDANCE_CSV, attendance_csv(lookup))]


def decisions_csv(lookup: Lookup) -> str:
    """One row per resolution the site shows."""
    rows = []
    for meeting, item, resolution in lookup.decisions:  # oldest first, in the minutes' order
        rows.append([
            meeting.date, lookup.committee_name(meeting.committee), meeting.id, item.number, item.minute_number,
            item.title, words.label(resolution.label), resolution.text, words.outcome(resolution.outcome),
            *_votes(resolution.votes), resolution.mover, resolution.seconder,
            "; ".join(words.action_status(action.status) for action in resolution.actions),
            _address(lookup, resolution.url), resolution.id,
        ])
    return table(DECISION_COLUMNS, rows)


def attendance_csv(lookup: Lookup) -> str:
    """One row per attendee per meeting, as the minutes (or agenda) list them."""
    rows = []
    for meeting in sorted(lookup.meetings.values(), key=lambda m: (m.date, m.id)):
        for attendee in meeting.attendance:
            rows.append([
                meeting.date, lookup.committee_name(meeting.committee), meeting.id, attendee.name, attendee.person,
                attendee.status, attendee.role, attendee.organisation, attendee.title, attendee.note,
                _address(lookup, meeting.url),
            ])
    return table(ATTENDANCE_COLUMNS, rows)


def _votes(votes: Votes | None) -> list[int | None]:
    return [votes.for_, votes.against, votes.abstain] if votes else [None, None, None]


def _address(lookup: Lookup, url: str) -> str:
    return absolute(lookup, url) or url


def table(columns: tuple[str, ...], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([cell(value) for value in row] for row in rows)
    return BOM + out.getvalue()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # control characters but tab and line break


def cell(value: object) -> str | int:
    """A value as a spreadsheet should take it: numbers as numbers, text never as a formula."""
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return "'" + text if _FORMULA_START.match(text) else text
