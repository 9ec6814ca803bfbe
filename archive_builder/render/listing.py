"""The meetings index: every meeting, grouped by year, newest first."""

from __future__ import annotations

from ..model import Meeting
from . import words
from .escape import inline
from .lookup import Lookup
from .page import link, page


def meetings_index(lookup: Lookup) -> tuple[str, str]:
    here = "meetings/index.md"
    lines = [f"{words.count(len(lookup.meetings), 'meeting')}, newest first."]
    years: dict[str, list[Meeting]] = {}
    for meeting in lookup.meetings.values():  # newest first
        years.setdefault(words.year_of(meeting.date) or "Undated", []).append(meeting)
    for year, meetings in years.items():
        anchor = f"year-{year}" if year.isdigit() else "undated"
        lines += ["", f"## {inline(year)} {{#{anchor}}}", "", "| Date | Committee | Status |", "| --- | --- | --- |"]
        lines += [f"| {link(words.long_date(m.date), here, m.url)} | {inline(lookup.committee_name(m.committee))} | "
                  f"{inline(words.meeting_status(m.status))} |" for m in meetings]
    return here, page("listing", "Meetings", "\n".join(lines), listing="meetings", meetings=len(lookup.meetings))
