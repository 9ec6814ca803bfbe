"""The meetings index: every meeting, grouped by year, newest first."""

from __future__ import annotations

from archive_builder.model import Meeting
from archive_builder.render import tables, words
from archive_builder.render.escape import html_text, inline
from archive_builder.render.lookup import Lookup
from archive_builder.render.page import page


def meetings_index(lookup: Lookup) -> tuple[str, str]:
    here = "meetings/index.md"
    lines = [f"{words.count(len(lookup.meetings), 'meeting')}, newest first."]
    years: dict[str, list[Meeting]] = {}
    for meeting in lookup.meetings.values():  # newest first
        years.setdefault(words.year_of(meeting.date) or "Undated", []).append(meeting)
    for year, meetings in years.items():
        anchor = f"year-{year}" if year.isdigit() else "undated"
        rows = [[tables.text_link(words.meeting_date(m), here, m.url),
                 html_text(lookup.committee_name(m.committee)), html_text(words.meeting_status(m.status))]
                for m in meetings]
        lines += ["", f"## {inline(year)} {{#{anchor}}}", "",
                  tables.html_table(["Date", "Committee", "Status"], rows, script=False)]
    return here, page("listing", "Meetings", "\n".join(lines), listing="meetings", meetings=len(lookup.meetings))
