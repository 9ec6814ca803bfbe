"""The home page: what the archive is, its latest meetings, its committees, and where to go next."""

from __future__ import annotations

from archive_builder.model import ActionStatus
from archive_builder.render import subscriptions, words
from archive_builder.render.escape import inline
from archive_builder.render.lookup import Lookup
from archive_builder.render.page import link, page

LATEST = 10


def home_page(lookup: Lookup) -> tuple[str, str]:
    here = "index.md"
    archive = lookup.archive
    lines = [
        "The decisions of the council's committees, read from the committees' own agendas, reports and minutes. "
        "Every meeting, item and decision has its own address, and each decision links forward to what "
        "happened next.",
        "",
        f"The archive holds {words.count(len(lookup.meetings), 'meeting')} of "
        f"{words.count(len(lookup.committees), 'committee')} and {words.count(len(lookup.documents), 'document')}.",
        "",
        "## Latest meetings",
        "",
    ]
    latest = list(lookup.meetings.values())[:LATEST]  # the lookup holds meetings newest first
    if latest:
        lines += ["| Date | Committee | Status |", "| --- | --- | --- |"]
        lines += [f"| {link(words.meeting_date(m), here, m.url)} | {inline(lookup.committee_name(m.committee))} | "
                  f"{inline(words.meeting_status(m.status))} |" for m in latest]
        lines += ["", "[All meetings](meetings/index.md)"]
    else:
        lines.append("The archive has no meetings yet.")
    lines += ["", "## Committees", ""]
    committees = sorted(lookup.committees.values(), key=lambda c: (c.name.casefold(), c.id))
    lines += [f"- {link(c.name, here, c.url)}" for c in committees] or ["The archive has no committees yet."]
    waiting = lookup.actions((ActionStatus.OPEN, ActionStatus.OVERDUE))
    overdue = sum(action.status == ActionStatus.OVERDUE for *_, action in waiting)
    lines += [
        "",
        "## Following decisions forward",
        "",
        f"- {link('Decision register', here, 'decisions/')}: every resolution, year by year, with its outcome and "
        "the status of its actions; sort and filter it by committee, outcome or action status",
        f"- {link('Follow-up tracker', here, 'followups/')}: {words.count(len(waiting), 'action')} waiting for an "
        f"answer, {overdue} of them overdue, {len(waiting) - overdue} open",
    ]
    lines += ["", subscriptions.section(lookup, here)]
    lines += [
        "",
        "## Browse",
        "",
        "- [Decisions](decisions/index.md): every resolution, year by year",
        "- [Follow-ups](followups/index.md): open and overdue actions across all committees, oldest first",
        "- [People](people/index.md): councillors and officers, and the meetings they attended",
        "- [Documents](documents/index.md): every agenda, report and set of minutes, with the original files",
        "- [Open data](data/archive.json): the whole archive as one JSON file",
    ]
    return here, page("home", archive.site_name, "\n".join(lines), meetings=len(lookup.meetings),
                      documents=len(lookup.documents), open_actions=len(waiting) - overdue, overdue_actions=overdue)
