"""Person pages (roles, attendance per committee and in total, declarations of interest, decisions moved
or seconded) and the people index.

Every count is a count of the attendance records that name the person: present (arriving late and
leaving early count as present, as the minutes record them in the room), apologies, absent.
"""

from __future__ import annotations

from collections import Counter

from archive_builder.model import Attendee, Meeting, Person
from archive_builder.render import tables, words
from archive_builder.render.escape import html_text, inline
from archive_builder.render.facets import facets
from archive_builder.render.lookup import Lookup, was_there
from archive_builder.render.page import link, page, page_path

_STATUS = {"present": "present", "apologies": "apologies", "absent": "absent", "late": "present (arrived late)",
           "left-early": "present (left early)"}
_ROLE = {"chair": "Chair", "vice-chair": "Vice-Chair", "substitute": "substitute", "also-present": "also present",
         "officer": "officer", "member": "member", "other": "other"}
_ROLE_ORDER = ("chair", "vice-chair", "member", "substitute", "officer", "also-present", "other")
PRESENT_NOTE = "Present counts arriving late and leaving early as present."

Attended = list[tuple[Meeting, Attendee]]


def person_page(lookup: Lookup, person: Person) -> tuple[str, str]:
    here = page_path(person.url)
    attended = lookup.attendance_by_person.get(person.id, [])  # newest first
    by_committee = _by_committee(lookup, attended)
    parts = [
        _facts(lookup, person, by_committee, here),
        _roles(lookup, person, by_committee, here),
        _attendance(lookup, by_committee, here),
        _declarations(lookup, person, here),
        _moved(lookup, person, here),
    ]
    body = "\n\n".join(part for part in parts if part)
    totals = record(attended)
    return here, page("person", person.name, body, person=person.id, person_name=person.name, meetings=len(attended),
                      present=totals["present"], apologies=totals["apologies"], absent=totals["absent"],
                      search_facets=facets("Person"))


def record(attended: Attended) -> Counter:
    """Counts of the attendance records: present (late and left early included), apologies, absent, all."""
    counts = Counter()
    for _, attendee in attended:
        counts["present" if was_there(attendee) else attendee.status] += 1
        counts["all"] += 1
    return counts


def _by_committee(lookup: Lookup, attended: Attended) -> dict[str, Attended]:
    found: dict[str, Attended] = {}
    for meeting, attendee in attended:
        found.setdefault(meeting.committee, []).append((meeting, attendee))
    return {c: found[c] for c in sorted(found, key=lambda c: (lookup.committee_name(c).casefold(), c))}


def _committee_link(lookup: Lookup, committee_id: str, here: str) -> str:
    committee = lookup.committees.get(committee_id)
    return link(committee.name, here, committee.url) if committee else inline(committee_id)


def _facts(lookup: Lookup, person: Person, by_committee: dict[str, Attended], here: str) -> str:
    facts = []
    if person.aliases:
        facts.append(f"- **Also written as:** {'; '.join(inline(a) for a in sorted(person.aliases))}")
    if person.organisation:
        facts.append(f"- **Organisation:** {inline(person.organisation)}")
    committees = set(by_committee) | {m.committee for m, _ in lookup.membership_by_person.get(person.id, [])}
    if committees:
        names = sorted(committees, key=lambda c: (lookup.committee_name(c).casefold(), c))
        facts.append(f"- **Committees:** {'; '.join(_committee_link(lookup, c, here) for c in names)}")
    return "\n".join(facts)


def _roles(lookup: Lookup, person: Person, by_committee: dict[str, Attended], here: str) -> str:
    listed: dict[str, list] = {}
    for meeting, member in lookup.membership_by_person.get(person.id, []):  # newest first
        listed.setdefault(meeting.committee, []).append((meeting, member))
    committees = sorted(set(by_committee) | set(listed), key=lambda c: (lookup.committee_name(c).casefold(), c))
    if not committees:
        return ""
    lines = ["## Roles", ""]
    for committee_id in committees:
        described = []
        roles = Counter(attendee.role for _, attendee in by_committee.get(committee_id, []))
        for role in sorted(roles, key=lambda r: (_ROLE_ORDER.index(r) if r in _ROLE_ORDER else 99, r)):
            described.append(f"{_ROLE.get(role, inline(role))} at {words.count(roles[role], 'meeting')}")
        if committee_id in listed:
            meeting, member = listed[committee_id][0]
            described.append(f"listed as {_ROLE.get(member.role, inline(member.role))} in the papers of "
                             f"{link(words.medium_date(meeting.date), here, meeting.url)}")
        lines.append(f"- {_committee_link(lookup, committee_id, here)}: {'; '.join(described)}")
    return "\n".join(lines)


def _attendance(lookup: Lookup, by_committee: dict[str, Attended], here: str) -> str:
    if not by_committee:
        return "## Attendance\n\nThe archive has no attendance record for this person."
    lines = ["## Attendance", "", PRESENT_NOTE, "", "| Committee | Present | Apologies | Absent | Meetings |",
             "| --- | --- | --- | --- | --- |"]
    everything: Attended = []
    for committee_id, rows in by_committee.items():
        everything += rows
        lines.append(f"| {_committee_link(lookup, committee_id, here)} | {_counts(record(rows))} |")
    lines.append(f"| **Total** | {_counts(record(everything), bold=True)} |")
    # A row per meeting, which a long-serving member has hundreds of: HTML, not Markdown (raw_html.py).
    for committee_id, rows in by_committee.items():
        cells = [[tables.date_html(meeting.date, here, meeting.url),
                  _STATUS.get(attendee.status) or html_text(attendee.status),
                  _ROLE.get(attendee.role) or html_text(attendee.role)] for meeting, attendee in rows]
        lines += ["", f"### {inline(lookup.committee_name(committee_id))}", "",
                  tables.html_table(["Date", "Attendance", "Role"], cells, script=False)]
    return "\n".join(lines)


def _counts(counts: Counter, bold: bool = False) -> str:
    cells = [str(counts[key]) for key in ("present", "apologies", "absent", "all")]
    return " | ".join(f"**{cell}**" if bold else cell for cell in cells)


def _declarations(lookup: Lookup, person: Person, here: str) -> str:
    declared = lookup.declarations_by_person.get(person.id, [])
    if not declared:
        return ""
    rows = []
    for meeting, declaration in declared:
        found = lookup.items.get(declaration.item or "")
        if found:
            _, item = found
            item_cell = tables.text_link(f"{item.number}. {item.title}" if item.number else item.title, here, item.url)
        else:
            item_cell = html_text(f"item {declaration.item_number}" if declaration.item_number else "")
        rows.append([tables.text_link(lookup.meeting_label(meeting), here, meeting.url), item_cell, html_text(declaration.text)])
    return "\n".join(["## Declarations of interest", "",
                      tables.html_table(["Meeting", "Item", "Declaration"], rows, script=False)])


def _moved(lookup: Lookup, person: Person, here: str) -> str:
    moved = lookup.moved_by_person.get(person.id, [])
    if not moved:
        return ""
    moved = sorted(moved, key=lambda pair: (lookup.order_of(pair[1][2].id), pair[0]))
    rows = []
    for role, (meeting, item, resolution) in moved:
        name = f"{item.number}. {item.title}" if item.number else item.title
        if resolution.label:
            name += f", resolution {words.label(resolution.label)}"
        rows.append([tables.date_html(meeting.date, here, meeting.url), html_text(lookup.committee_name(meeting.committee)),
                     tables.text_link(name, here, resolution.url), html_text(role), html_text(words.outcome(resolution.outcome))])
    return "\n".join(["## Decisions moved or seconded", "",
                      "Where the minutes name who moved or seconded a resolution, and the name can only mean this "
                      "person among those present.", "",
                      tables.html_table(["Date", "Committee", "Resolution", "Moved or seconded", "Outcome"], rows,
                                        script=False)])


def people_index(lookup: Lookup) -> tuple[str, str]:
    here = "people/index.md"
    people = sorted(lookup.people.values(), key=lambda p: (p.name.casefold(), p.id))
    rows = []
    for person in people:
        attended = lookup.attendance_by_person.get(person.id, [])
        committees = sorted({m.committee for m, _ in attended}, key=lambda c: (lookup.committee_name(c).casefold(), c))
        counts = record(attended)
        rows.append([tables.text_link(person.name, here, person.url), html_text(person.organisation or ""),
                     ", ".join(tables.value(lookup.committee_name(c), escape=html_text) for c in committees),
                     *(str(counts[key]) for key in ("present", "apologies", "absent", "all"))])
    lines = ["Councillors, officers and others the documents name, with the meetings their attendance records "
             f"cover. {PRESENT_NOTE}", "",
             tables.html_table(["Name", "Organisation", "Committees", "Present", "Apologies", "Absent", "Meetings"], rows,
                               filters=("Committees",), sorted_by="0:ascending", label="people")]
    return here, page("listing", "People", "\n".join(lines), wide=True, listing="people", people=len(people))
