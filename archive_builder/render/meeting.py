"""The meeting page, the heart of the site: what the meeting was, its documents, who was there,
declarations of interest, then every item with its resolutions."""

from __future__ import annotations

from archive_builder.model import AttendanceStatus, Attendee, Meeting, MeetingStatus
from archive_builder.render import links, words
from archive_builder.render.downloads import download_link
from archive_builder.render.escape import inline
from archive_builder.render.facets import facets
from archive_builder.render.item import item_section, source_link
from archive_builder.render.lookup import Lookup
from archive_builder.render.page import link, page, page_path

_STATUS_NOTES = {
    "cancelled": '!!! warning "Cancelled"\n\n    This meeting was cancelled.',
    "scheduled": '!!! info "Upcoming"\n\n'
    "    This meeting is upcoming: the archive has its agenda only, and no minutes yet.",
}

# Attendance groups in the order a reader looks for them.
_GROUPS = ("Present", "Arrived late", "Substitutes", "Apologies", "Absent", "Also present", "Officers")

_ROLE_MARKS = {"chair": "Chair", "vice-chair": "Vice-Chair"}


def meeting_page(lookup: Lookup, meeting: Meeting) -> tuple[str, str]:
    here = page_path(meeting.url)
    committee = lookup.committee_name(meeting.committee)
    parts = [
        _facts(lookup, meeting, here),
        _status_note(lookup, meeting, here),
        _documents(lookup, meeting, here),
        _attendance(lookup, meeting, here),
        _declarations(lookup, meeting, here),
        *(item_section(lookup, meeting, item, here) for item in meeting.items),
    ]
    body = "\n\n".join(part for part in parts if part)
    # `meeting_status`, not `status`: Material reads a page's `status` as a badge of its own.
    return here, page("meeting", f"{committee}, {words.meeting_date(meeting)}", body, meeting=meeting.id,
                      committee=meeting.committee, committee_name=committee, date=meeting.date,
                      meeting_status=meeting.status, items=len(meeting.items),
                      resolutions=sum(len(i.resolutions) for i in meeting.items if not i.exempt),
                      search_facets=facets("Meeting", committee, meeting.date))


def _facts(lookup: Lookup, meeting: Meeting, here: str) -> str:
    committee = lookup.committees.get(meeting.committee)
    name = lookup.committee_name(meeting.committee)
    rows = [("Committee", link(name, here, committee.url) if committee else inline(name))]
    if meeting.title:
        rows.append(("Meeting", inline(meeting.title)))
    rows.append(("Date", inline(words.long_date(meeting.date))))
    if meeting.start_time:
        rows.append(("Time", inline(meeting.start_time)))
    if meeting.venue:
        rows.append(("Venue", inline(meeting.venue)))
    rows.append(("Status", inline(words.meeting_status(meeting.status))))
    return "\n".join(f"- **{label}:** {value}" for label, value in rows)


def _status_note(lookup: Lookup, meeting: Meeting, here: str) -> str:
    """Why a meeting page may be thin, and where the archive heard of the meeting."""
    mentions = links.meeting_mentions(lookup, meeting)
    if meeting.status == MeetingStatus.REFERENCED:
        lines = ['!!! note "Known only from other documents"', "",
                 "    The archive has no document of this meeting: other documents mention it."]
        if mentions:
            lines += ["", "    It is mentioned in:", ""]
            lines += ["    " + links.line(lookup, entry, here, meeting) for entry in mentions]
        return "\n".join(lines)
    note = _STATUS_NOTES.get(meeting.status, "")
    if mentions:
        note += ("\n\n" if note else "") + links.block(lookup, "Elsewhere in the archive", mentions, here,
                                                        "archive-mentions", meeting)
    return note


def _documents(lookup: Lookup, meeting: Meeting, here: str) -> str:
    documents = lookup.documents_of(meeting)
    if not documents:
        return ""
    rows = ["## Documents", "", "| Document | Kind | Pages | Download |", "| --- | --- | --- | --- |"]
    for document in documents:
        rows.append(f"| {link(document.title, here, document.url)} | {inline(words.document_kind(document.kind))} | "
                    f"{document.pages or ''} | {download_link(document, here)} |")
    return "\n".join(rows)


def _attendance(lookup: Lookup, meeting: Meeting, here: str) -> str:
    groups: dict[str, list[str]] = {name: [] for name in _GROUPS}
    for attendee in meeting.attendance:
        groups[_group(attendee)].append(_attendee(lookup, attendee, here))
    lines = [f"**{name} ({len(names)}):** {'; '.join(names)}" for name, names in groups.items() if names]
    return "## Attendance\n\n" + "\n\n".join(lines) if lines else ""


def _group(attendee: Attendee) -> str:
    if attendee.status == AttendanceStatus.APOLOGIES:
        return "Apologies"
    if attendee.status == AttendanceStatus.ABSENT:
        return "Absent"
    if attendee.role == "officer":
        return "Officers"
    if attendee.role == "substitute":
        return "Substitutes"
    if attendee.role in ("also-present", "other"):
        return "Also present"
    return "Arrived late" if attendee.status == AttendanceStatus.LATE else "Present"


def _attendee(lookup: Lookup, attendee: Attendee, here: str) -> str:
    person = lookup.people.get(attendee.person or "")
    name = link(attendee.name, here, person.url) if person else inline(attendee.name)
    marks = [_ROLE_MARKS.get(attendee.role), attendee.title, attendee.organisation, attendee.note,
             "left early" if attendee.status == AttendanceStatus.LEFT_EARLY else None]
    marks = [inline(mark) for mark in marks if mark]
    return f"{name} ({', '.join(marks)})" if marks else name


def _declarations(lookup: Lookup, meeting: Meeting, here: str) -> str:
    if not meeting.declarations:
        return ""
    lines = ["## Declarations of interest", ""]
    for declaration in meeting.declarations:
        person = lookup.people.get(declaration.person or "")
        name = link(declaration.name, here, person.url) if person else inline(declaration.name)
        found = lookup.items.get(declaration.item or "")
        number = found[1].number if found else declaration.item_number
        where = ""
        if found:
            where = f" ({link('item ' + (number or found[1].title), here, found[1].url)})"
        elif number:
            where = f" (item {inline(number)})"
        source = source_link(lookup, declaration.document, declaration.page, here)
        source = f' <span class="archive-cite">({source})</span>' if source else ""
        lines.append(f"- {name}{where}: {inline(declaration.text)}{source}")
    return "\n".join(lines)
