"""Committee pages (members, meetings newest first, recurring items, open actions) and the committees index."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from archive_builder import addresses
from archive_builder.model import AttendanceStatus, Committee, Item, Meeting, Series
from archive_builder.render import actions, subscriptions, tables, words
from archive_builder.render.escape import html_text, inline
from archive_builder.render.facets import facets
from archive_builder.render.lookup import Lookup, was_there
from archive_builder.render.page import link, page, page_path

# Attendance roles that make someone a member of the committee (officers, guests and substitutes are not).
_MEMBER_ROLES = ("chair", "vice-chair", "member")
_ROLE_NAMES = {"chair": "Chair", "vice-chair": "Vice-Chair", "member": "Member", "substitute": "Substitute"}
_ROLE_ORDER = {"chair": 0, "vice-chair": 1, "member": 2, "substitute": 3}
YEAR = datetime.timedelta(days=365)


@dataclass
class _Member:
    key: str  # the person's id, else "name:" and the name as printed
    name: str
    url: str | None
    role: str
    present: int = 0
    apologies: int = 0
    absent: int = 0


def committee_page(lookup: Lookup, committee: Committee) -> tuple[str, str]:
    here = page_path(committee.url)
    meetings = lookup.meetings_by_committee.get(committee.id, [])
    series = committee_series(lookup, committee.id)
    waiting = lookup.actions(actions.WAITING, committee=committee.id)
    parts = []
    if committee.aliases:
        parts.append("Also known as: " + "; ".join(inline(a) for a in sorted(committee.aliases)))
    parts.append(" · ".join([
        f"[{words.count(len(meetings), 'meeting')}](#meetings)",
        f"[{words.count(len(series), 'recurring item')}](#recurring-items)",
        f"[{words.count(len(waiting), 'open action')}](#open-actions)",
    ]))
    parts.append(_members(lookup, meetings, here))
    parts.append(_meetings(meetings, here))
    parts.append(_series(lookup, series, here))
    parts.append(actions.committee_section(lookup, committee.id, here))
    parts.append(subscriptions.section(lookup, here, committee.id))
    body = "\n\n".join(part for part in parts if part)
    return here, page("committee", committee.name, body, committee=committee.id, committee_name=committee.name,
                      meetings=len(meetings), series=len(series), open_actions=len(waiting),
                      search_facets=facets("Committee", committee.name),
                      feeds={kind: addresses.feed_url(kind, committee.id) for kind in ("meetings", "decisions")})


def _meetings(meetings: list[Meeting], here: str) -> str:
    if not meetings:
        return "## Meetings {#meetings}\n\nThe archive has no meetings of this committee yet."
    rows = []
    for meeting in meetings:
        resolutions = sum(len(item.resolutions) for item in meeting.items if not item.exempt)
        rows.append([tables.text_link(words.meeting_date(meeting), here, meeting.url),
                     html_text(words.meeting_status(meeting.status)), str(len(meeting.items)), str(resolutions)])
    return "\n".join(["## Meetings {#meetings}", "", f"{words.count(len(meetings), 'meeting')}, newest first.", "",
                      tables.html_table(["Date", "Status", "Items", "Resolutions"], rows, script=False)])


# --- Members -----------------------------------------------------------------------------------


def _members(lookup: Lookup, meetings: list[Meeting], here: str) -> str:
    intro, members = current_members(lookup, meetings, here)
    if not members:
        return ""
    lines = ["## Members {#members}", "", intro, "", "| Name | Role | Attendance in the last year |",
             "| --- | --- | --- |"]
    for member in members:
        name = link(member.name, here, member.url) if member.url else inline(member.name)
        record = f"present at {member.present}"
        record += "".join(f", {label} {count}" for label, count in (("apologies", member.apologies),
                                                                    ("absent", member.absent)) if count)
        lines.append(f"| {name} | {_ROLE_NAMES.get(member.role, inline(member.role))} | {record} |")
    return "\n".join(lines)


def current_members(lookup: Lookup, meetings: list[Meeting], here: str = "") -> tuple[str, list[_Member]]:
    """The committee's members as the latest agenda listing its membership names them; without one,
    everyone the attendance records of the last year of meetings name as a member (or chair)."""
    recent = _last_year(meetings)
    listed = next((m for m in meetings if m.membership), None)  # meetings are newest first
    members: dict[str, _Member] = {}
    if listed is not None:
        intro = f"As the papers of the meeting of {link(words.medium_date(listed.date), here, listed.url)} list them"
        for entry in listed.membership:
            _member(lookup, members, entry.person, entry.name, entry.role)
    else:
        intro = ("Everyone the attendance records of the last year of meetings name as a member "
                 "(no agenda lists the membership)")
        for meeting in recent:
            for attendee in meeting.attendance:
                if attendee.role in _MEMBER_ROLES:
                    _member(lookup, members, attendee.person, attendee.name, attendee.role)
    for meeting in recent:
        for attendee in meeting.attendance:
            found = members.get(_key(lookup, attendee.person, attendee.name))
            if found is not None:
                found.present += was_there(attendee)
                found.apologies += attendee.status == AttendanceStatus.APOLOGIES
                found.absent += attendee.status == AttendanceStatus.ABSENT
    period = (f"; attendance over the {words.count(len(recent), 'meeting')} from "
              f"{words.medium_date(recent[-1].date)} to {words.medium_date(recent[0].date)}") if recent else ""
    ordered = sorted(members.values(), key=lambda m: (_ROLE_ORDER.get(m.role, 9), m.name.casefold(), m.key))
    return intro + period + ".", ordered


def _member(lookup: Lookup, members: dict[str, _Member], person_id: str | None, printed: str, role: str) -> None:
    key = _key(lookup, person_id, printed)
    person = lookup.people.get(person_id or "")
    if key not in members:
        members[key] = _Member(key, person.name if person else printed, person.url if person else None, role)
    elif _ROLE_ORDER.get(role, 9) < _ROLE_ORDER.get(members[key].role, 9):
        members[key].role = role


def _key(lookup: Lookup, person_id: str | None, printed: str) -> str:
    return person_id if person_id in lookup.people else "name:" + " ".join(printed.split()).casefold()


def _last_year(meetings: list[Meeting]) -> list[Meeting]:
    """The meetings held in the year up to the committee's latest one with an attendance record."""
    held = [m for m in meetings if m.attendance and words.is_date(m.date)]
    if not held:
        return []
    since = (datetime.date.fromisoformat(held[0].date) - YEAR).isoformat()
    return [m for m in held if m.date > since]


# --- Recurring items ---------------------------------------------------------------------------


def committee_series(lookup: Lookup, committee_id: str) -> list[Series]:
    found = [s for s in lookup.series.values() if s.committee == committee_id]
    return sorted(found, key=lambda s: (s.title.casefold(), s.id))


def _series(lookup: Lookup, series: list[Series], here: str) -> str:
    lines = ["## Recurring items {#recurring-items}", ""]
    if not series:
        return "\n".join(lines + ["No item of this committee recurs from meeting to meeting."])
    lines += ["Business that comes back meeting after meeting, each as one history, oldest first."]
    for one in series:
        anchor = one.url.partition("#")[2]
        items = [lookup.items[i] for i in one.items if i in lookup.items]
        rows = []
        for meeting, item in items:
            name = f"{item.number}. {item.title}" if item.number else item.title
            rows.append([tables.date_html(meeting.date, here, meeting.url), tables.text_link(name, here, item.url),
                         _outcomes(item, here) if not item.exempt else "taken in private"])
        lines += ["", f"### {inline(one.title)} {{#{anchor}}}", "",
                  f"{words.count(len({m.id for m, _ in items}), 'meeting')}.", "",
                  tables.html_table(["Date", "Item", "Resolutions"], rows, script=False)]
    return "\n".join(lines)


def _outcomes(item: Item, here: str) -> str:
    """The item's resolutions and their outcomes, linked, for an HTML cell."""
    shown = []
    for resolution in item.resolutions:
        text = words.outcome(resolution.outcome)
        shown.append(tables.text_link(f"{words.label(resolution.label)} {text}" if resolution.label else text,
                                      here, resolution.url))
    return "; ".join(shown) or "no resolution"


# --- The committees index ----------------------------------------------------------------------


def committees_index(lookup: Lookup) -> tuple[str, str]:
    here = "committees/index.md"
    committees = sorted(lookup.committees.values(), key=lambda c: (c.name.casefold(), c.id))
    rows = ["| Committee | Other names | Meetings | Latest meeting | Open actions |", "| --- | --- | --- | --- | --- |"]
    for committee in committees:
        meetings = lookup.meetings_by_committee.get(committee.id, [])
        latest = link(words.medium_date(meetings[0].date), here, meetings[0].url) if meetings else ""
        waiting = len(lookup.actions(actions.WAITING, committee=committee.id))
        rows.append(f"| {link(committee.name, here, committee.url)} | "
                    f"{'; '.join(inline(a) for a in sorted(committee.aliases))} | {len(meetings)} | {latest} | "
                    f"{waiting} |")
    return here, page("listing", "Committees", "\n".join(rows), listing="committees", committees=len(committees))
