"""Every resolution, one page per year, newest first: the place to scan what was decided."""

from __future__ import annotations

from .. import addresses
from ..model import Item, Meeting, Resolution
from . import words
from .escape import inline
from .lookup import Lookup
from .page import link, page

Decision = tuple[Meeting, Item, Resolution]


def decisions_by_year(lookup: Lookup) -> dict[str, list[Decision]]:
    """Year -> its resolutions (exempt items have none to show), newest meeting first, then in
    the order the minutes give them."""
    years: dict[str, list[Decision]] = {}
    for meeting in lookup.meetings.values():  # the lookup holds meetings newest first
        year = words.year_of(meeting.date)
        for item in meeting.items:
            if year and not item.exempt:
                years.setdefault(year, []).extend((meeting, item, r) for r in item.resolutions)
    return {year: years[year] for year in sorted(years, reverse=True) if years[year]}


def decisions_index(lookup: Lookup, years: dict[str, list[Decision]]) -> tuple[str, str]:
    here = "decisions/index.md"
    lines = ["Every resolution in the archive, one page per year.", ""]
    if not years:
        lines.append("The archive has no resolutions yet.")
    lines += [f"- {link(year, here, addresses.decisions_url(year))}: {words.count(len(found), 'resolution')}"
              for year, found in years.items()]
    return here, page("listing", "Decisions", "\n".join(lines), listing="decisions", years=list(years))


def decisions_page(lookup: Lookup, year: str, decisions: list[Decision]) -> tuple[str, str]:
    here = addresses.decisions_url(year) + "index.md"
    rows = [f"{words.count(len(decisions), 'resolution')}, newest first.", "",
            "| Date | Committee | Item | Resolution | Decision | Outcome | Actions |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for meeting, item, resolution in decisions:
        item_name = f"{item.number}. {item.title}" if item.number else item.title
        rows.append(
            f"| {link(words.medium_date(meeting.date), here, meeting.url)} "
            f"| {inline(lookup.committee_name(meeting.committee))} "
            f"| {link(item_name, here, item.url)} "
            f"| {inline(resolution.label or '')} "
            f"| {link(words.shorten(resolution.text) or 'Resolution', here, resolution.url)} "
            f"| {inline(words.outcome(resolution.outcome))} "
            f"| {_actions(resolution)} |"
        )
    return here, page("decisions", f"Decisions in {year}", "\n".join(rows), year=year, resolutions=len(decisions))


def _actions(resolution: Resolution) -> str:
    statuses = sorted({action.status for action in resolution.actions})
    counts = (f"{sum(a.status == s for a in resolution.actions)} {words.action_status(s)}" for s in statuses)
    return inline(", ".join(counts))
