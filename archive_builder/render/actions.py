"""The follow-up tracker: every action still waiting for an answer (open or overdue), across all
committees, oldest first; and the same list for one committee on its page.

An action's status comes from the linker, judged against the latest meeting the archive holds:
followed up (a later item answers it), overdue (the meeting or date it was due by has passed with no
answer), open (not yet due, or no date set).
"""

from __future__ import annotations

from collections import Counter

from archive_builder.model import Action, ActionStatus, Item, Meeting, Resolution
from archive_builder.render import tables, words
from archive_builder.render.escape import html_text
from archive_builder.render.item import badge
from archive_builder.render.lookup import Lookup
from archive_builder.render.page import link, page

FOLLOWUPS_PAGE = "followups/index.md"
ACTION_TEXT = 200
WAITING = (ActionStatus.OPEN, ActionStatus.OVERDUE)

Row = tuple[Meeting, Item, Resolution, Action]


def followups_page(lookup: Lookup) -> tuple[str, str]:
    here = FOLLOWUPS_PAGE
    waiting = lookup.actions(WAITING)
    answered = lookup.actions((ActionStatus.FOLLOWED_UP,))
    lines = [summary(waiting), ""]
    if answered:
        lines += [f"{words.count(len(answered), 'action has', 'actions have')} been followed up; each resolution's "
                  "“What happened next” shows how.", ""]
    lines += ["**Overdue:** the meeting or date it was due by has passed, and no later item answers it. "
              "**Open:** not yet due, or no date was set.", ""]
    if waiting:
        lines += ["Oldest first.", "", table(lookup, waiting, here, with_committee=True)]
    lines += ["", f"See also: {link('the decision register', here, 'decisions/')}"]
    counts = Counter(action.status for *_, action in waiting)
    return here, page("followups", "Follow-ups", "\n".join(lines), wide=True, listing="followups",
                      open_actions=counts[ActionStatus.OPEN], overdue_actions=counts[ActionStatus.OVERDUE], followed_up=len(answered))


def summary(waiting: list[Row], across: bool = True) -> str:
    if not waiting:
        return "No action is waiting for an answer."
    counts = Counter(action.status for *_, action in waiting)
    committees = len({meeting.committee for meeting, *_ in waiting})
    text = (f"{words.count(len(waiting), 'action is', 'actions are')} waiting for an answer: "
            f"{counts['overdue']} overdue and {counts['open']} open")
    return text + (f", across {words.count(committees, 'committee')}." if across else ".")


def committee_section(lookup: Lookup, committee_id: str, here: str) -> str:
    waiting = lookup.actions(WAITING, committee=committee_id)
    if not waiting:
        return '## Open actions {#open-actions}\n\nNo action of this committee is waiting for an answer.'
    return "\n".join(["## Open actions {#open-actions}", "", summary(waiting, across=False), "", "Oldest first.", "",
                      table(lookup, waiting, here, with_committee=False)])


def table(lookup: Lookup, rows: list[Row], here: str, with_committee: bool) -> str:
    """The actions, as an HTML table: the tracker lists every one waiting in the archive."""
    columns = ["Date", *(["Committee"] if with_committee else []), "Decision", "Action", "Due", "Owner", "Status"]
    lines = []
    for meeting, item, resolution, action in rows:
        cells = [tables.date_html(meeting.date, here, meeting.url)]
        if with_committee:
            cells.append(tables.value(lookup.committee_name(meeting.committee), escape=html_text))
        cells += [
            tables.text_link(_decision_name(item, resolution), here, resolution.url),
            html_text(words.shorten(action.text, ACTION_TEXT)),
            html_text(words.due_date(action.due)) or "no date set",
            html_text(action.owner or ""),
            badge(action.status, escape=html_text),
        ]
        lines.append(cells)
    filters = ("Committee", "Status") if with_committee else ("Status",)
    return tables.html_table(columns, lines, filters=filters, sorted_by="0:ascending", label="actions")


def _decision_name(item: Item, resolution: Resolution) -> str:
    name = f"{item.number}. {item.title}" if item.number else item.title
    return f"{name}, resolution {words.label(resolution.label)}" if resolution.label else name
