"""Person pages (meetings attended per committee, declarations of interest) and the people index."""

from __future__ import annotations

from collections import Counter

from ..model import Attendee, Meeting, Person
from . import words
from .escape import inline
from .lookup import Lookup, was_there
from .page import link, page, page_path

_STATUS = {"present": "present", "apologies": "apologies", "absent": "absent", "late": "present (late)",
           "left-early": "present (left early)"}
_ROLE = {"chair": "Chair", "vice-chair": "Vice-Chair", "substitute": "substitute", "also-present": "also present",
         "officer": "officer", "member": "member", "other": ""}


def person_page(lookup: Lookup, person: Person) -> tuple[str, str]:
    here = page_path(person.url)
    attended = lookup.attendance_by_person.get(person.id, [])
    parts = []
    facts = []
    if person.aliases:
        facts.append(f"- **Also written as:** {'; '.join(inline(a) for a in sorted(person.aliases))}")
    if person.organisation:
        facts.append(f"- **Organisation:** {inline(person.organisation)}")
    parts.append("\n".join(facts))
    parts.append(_attendance(lookup, attended, here))
    parts.append(_declarations(lookup, person, here))
    body = "\n\n".join(part for part in parts if part)
    return here, page("person", person.name, body, person=person.id, person_name=person.name, meetings=len(attended))


def _attendance(lookup: Lookup, attended: list[tuple[Meeting, Attendee]], here: str) -> str:
    if not attended:
        return "## Meetings\n\nThe archive has no attendance record for this person."
    lines = ["## Meetings"]
    by_committee: dict[str, list[tuple[Meeting, Attendee]]] = {}
    for meeting, attendee in attended:  # already newest first
        by_committee.setdefault(meeting.committee, []).append((meeting, attendee))
    for committee_id in sorted(by_committee, key=lambda c: (lookup.committee_name(c).casefold(), c)):
        rows = by_committee[committee_id]
        counts = Counter(attendee.status for _, attendee in rows)
        summary = f"Present at {words.count(sum(was_there(a) for _, a in rows), 'meeting')}"
        summary += "".join(f", {status} {counts[status]}" for status in ("apologies", "absent") if counts[status])
        lines += ["", f"### {inline(lookup.committee_name(committee_id))}", "", summary + ".", "",
                  "| Date | Attendance | Role |", "| --- | --- | --- |"]
        for meeting, attendee in rows:
            lines.append(f"| {link(words.long_date(meeting.date), here, meeting.url)} | "
                         f"{_STATUS.get(attendee.status, inline(attendee.status))} | "
                         f"{_ROLE.get(attendee.role, inline(attendee.role))} |")
    return "\n".join(lines)


def _declarations(lookup: Lookup, person: Person, here: str) -> str:
    declared = lookup.declarations_by_person.get(person.id, [])
    if not declared:
        return ""
    lines = ["## Declarations of interest", ""]
    for meeting, declaration in declared:
        found = lookup.items.get(declaration.item or "")
        where = link(lookup.item_label(*found), here, found[1].url) if found else link(
            lookup.meeting_label(meeting), here, meeting.url)
        lines.append(f"- {where}: {inline(declaration.text)}")
    return "\n".join(lines)


def people_index(lookup: Lookup) -> tuple[str, str]:
    here = "people/index.md"
    people = sorted(lookup.people.values(), key=lambda p: (p.name.casefold(), p.id))
    rows = ["Councillors, officers and others the documents name.", "",
            "| Name | Organisation | Meetings |", "| --- | --- | --- |"]
    for person in people:
        attended = sum(was_there(a) for _, a in lookup.attendance_by_person.get(person.id, []))
        rows.append(f"| {link(person.name, here, person.url)} | {inline(person.organisation or '')} | {attended} |")
    return here, page("listing", "People", "\n".join(rows), listing="people", people=len(people))
