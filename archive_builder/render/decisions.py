"""The decision register: every resolution, one page per year, in a table a reader can sort and filter
(committee, outcome, action status, any words) and that reads as a plain table without JavaScript."""

from __future__ import annotations

from collections import Counter

from archive_builder import addresses
from archive_builder.model import ActionStatus, Item, Meeting, Resolution
from archive_builder.render import subscriptions, tables, words
from archive_builder.render.escape import html_text, inline
from archive_builder.render.item import badge
from archive_builder.render.lookup import Decision, Lookup
from archive_builder.render.page import link, page

FOLLOWUPS = "followups/"
DECISION_TEXT = 200  # characters of a resolution's words in the register; its anchor has the rest

COLUMNS = ("Date", "Committee", "Item", "Label", "Decision", "Outcome", "Actions")


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
    lines = ["The decision register: every resolution in the archive, one page per year, with its committee, "
             "meeting, item, outcome and the status of the actions it set.", ""]
    if not years:
        lines.append("The archive has no resolutions yet.")
    lines += [f"- {link(year, here, addresses.decisions_url(year))}: {words.count(len(found), 'resolution')}"
              for year, found in years.items()]
    lines += ["", f"Actions still waiting for an answer, across all committees, are on the "
              f"{link('follow-up tracker', here, FOLLOWUPS)}."]
    lines += ["", subscriptions.section(lookup, here)]
    return here, page("listing", "Decisions", "\n".join(lines), listing="decisions", years=list(years))


def decisions_page(lookup: Lookup, year: str, decisions: list[Decision]) -> tuple[str, str]:
    here = addresses.decisions_url(year) + "index.md"
    lines = [_summary(decisions), "",
             "Newest first. With JavaScript on, click a column heading to sort by it, and use the boxes above the "
             "table to filter by committee, outcome, action status or any words.", ""]
    rows = [_row(lookup, meeting, item, resolution, here) for meeting, item, resolution in decisions]
    lines.append(tables.html_table(list(COLUMNS), rows, filters=("Committee", "Outcome", "Actions"),
                                   sorted_by="0:descending", label="resolutions"))
    lines += ["", f"See also: {link('all years', here, 'decisions/')} · {link('follow-up tracker', here, FOLLOWUPS)}"
              f" · {link('every year as a spreadsheet (CSV)', here, addresses.DECISIONS_CSV)}"
              f" · {link('decisions feed', here, addresses.feed_url('decisions'))}"]
    return here, page("decisions", f"Decisions in {year}", "\n".join(lines), wide=True, year=year,
                      resolutions=len(decisions))


def _summary(decisions: list[Decision]) -> str:
    outcomes = Counter(words.outcome(r.outcome) for _, _, r in decisions)
    statuses = Counter(words.action_status(a.status) for _, _, r in decisions for a in r.actions)
    text = f"{words.count(len(decisions), 'resolution')}: " + ", ".join(
        f"{count} {inline(name).lower()}" for name, count in sorted(outcomes.items(), key=lambda p: (-p[1], p[0])))
    if statuses:
        text += f". {words.count(sum(statuses.values()), 'action')}: " + ", ".join(
            f"{count} {inline(name)}" for name, count in sorted(statuses.items(), key=lambda p: (-p[1], p[0])))
    return text + "."


def _row(lookup: Lookup, meeting: Meeting, item: Item, resolution: Resolution, here: str) -> list[str]:
    """One resolution's cells, HTML: a year's register can hold thousands."""
    item_name = f"{item.number}. {item.title}" if item.number else item.title
    return [
        tables.date_html(meeting.date, here, meeting.url),
        tables.value(lookup.committee_name(meeting.committee), escape=html_text),
        tables.text_link(item_name, here, resolution.url),
        html_text(words.label(resolution.label)),
        html_text(words.shorten(resolution.text, DECISION_TEXT)) or "<em>No wording recorded.</em>",
        html_text(words.outcome(resolution.outcome)),
        action_statuses(resolution, escape=html_text),
    ]


def action_statuses(resolution: Resolution, escape=inline) -> str:
    """The statuses of a resolution's actions as badges ('2 open' where several share one), or a dash;
    `escape`: inline for Markdown, html_text for an HTML cell."""
    counts = Counter(action.status for action in resolution.actions)
    if not counts:
        return tables.NONE
    parts = []
    for status in sorted(counts, key=lambda s: (_STATUS_ORDER.get(s, 9), s)):
        shown = badge(status, escape=escape)
        parts.append(shown if counts[status] == 1 else f"{counts[status]} × {shown}")
    return " ".join(parts)


_STATUS_ORDER = {ActionStatus.OVERDUE: 0, ActionStatus.OPEN: 1, ActionStatus.FOLLOWED_UP: 2, ActionStatus.UNKNOWN: 3}
