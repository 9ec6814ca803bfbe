"""Committee pages (other names, meetings newest first, members) and the committees index."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Committee, Meeting
from . import words
from .escape import inline
from .lookup import Lookup, was_there
from .page import link, page, page_path

# Attendance roles that make someone a member of the committee (officers and guests are not).
_MEMBER_ROLES = {"member", "chair", "vice-chair", "substitute"}
_ROLE_NAMES = {"chair": "Chair", "vice-chair": "Vice-Chair", "substitute": "Substitute"}


@dataclass
class _Member:
    name: str
    url: str | None
    roles: set[str] = field(default_factory=set)
    present: int = 0
    apologies: int = 0


def committee_page(lookup: Lookup, committee: Committee) -> tuple[str, str]:
    here = page_path(committee.url)
    meetings = lookup.meetings_by_committee.get(committee.id, [])
    parts = []
    if committee.aliases:
        parts.append("Also known as: " + "; ".join(inline(a) for a in sorted(committee.aliases)))
    parts.append(_meetings(lookup, meetings, here))
    parts.append(_members(lookup, meetings, here))
    body = "\n\n".join(part for part in parts if part)
    return here, page("committee", committee.name, body, committee=committee.id, committee_name=committee.name,
                      meetings=len(meetings))


def _meetings(lookup: Lookup, meetings: list[Meeting], here: str) -> str:
    if not meetings:
        return "## Meetings\n\nThe archive has no meetings of this committee yet."
    rows = ["## Meetings", "", f"{words.count(len(meetings), 'meeting')}, newest first.", "",
            "| Date | Status | Items | Resolutions |", "| --- | --- | --- | --- |"]
    for meeting in meetings:
        resolutions = sum(len(item.resolutions) for item in meeting.items if not item.exempt)
        rows.append(f"| {link(words.long_date(meeting.date), here, meeting.url)} | "
                    f"{inline(words.meeting_status(meeting.status))} | {len(meeting.items)} | {resolutions} |")
    return "\n".join(rows)


def _members(lookup: Lookup, meetings: list[Meeting], here: str) -> str:
    members = committee_members(lookup, meetings)
    if not members:
        return ""
    lines = ["## Members", "", "As the agendas' membership lists and the attendance records name them.", ""]
    for member in members:
        name = link(member.name, here, member.url) if member.url else inline(member.name)
        roles = ", ".join(_ROLE_NAMES[r] for r in sorted(member.roles) if r in _ROLE_NAMES)
        record = f"present at {words.count(member.present, 'meeting')}"
        if member.apologies:
            record += f", apologies for {member.apologies}"
        lines.append(f"- {name}{f' ({roles})' if roles else ''}: {record}")
    return "\n".join(lines)


def committee_members(lookup: Lookup, meetings: list[Meeting]) -> list[_Member]:
    """Everyone named as a member, keyed by person where names were merged, else by name as printed."""
    members: dict[str, _Member] = {}

    def member(person_id: str | None, printed: str) -> _Member:
        person = lookup.people.get(person_id or "")
        key = person.id if person else "name:" + " ".join(printed.split()).casefold()
        if key not in members:
            members[key] = _Member(person.name if person else printed, person.url if person else None)
        return members[key]

    for meeting in meetings:
        for listed in meeting.membership:
            member(listed.person, listed.name).roles.add(listed.role)
        for attendee in meeting.attendance:
            if attendee.role in _MEMBER_ROLES:
                found = member(attendee.person, attendee.name)
                found.roles.add(attendee.role)
                found.present += was_there(attendee)
                found.apologies += attendee.status == "apologies"
    return sorted(members.values(), key=lambda m: (m.name.casefold(), m.name, m.url or ""))


def committees_index(lookup: Lookup) -> tuple[str, str]:
    here = "committees/index.md"
    committees = sorted(lookup.committees.values(), key=lambda c: (c.name.casefold(), c.id))
    rows = ["| Committee | Other names | Meetings | Latest meeting |", "| --- | --- | --- | --- |"]
    for committee in committees:
        meetings = lookup.meetings_by_committee.get(committee.id, [])
        latest = link(words.medium_date(meetings[0].date), here, meetings[0].url) if meetings else ""
        rows.append(f"| {link(committee.name, here, committee.url)} | "
                    f"{'; '.join(inline(a) for a in sorted(committee.aliases))} | {len(meetings)} | {latest} |")
    return here, page("listing", "Committees", "\n".join(rows), listing="committees", committees=len(committees))
