"""How much of a council's documents the builder could read: the clerk's measure of what to correct.

Of the minutes, how many gave members present, at least one decision, an approval of earlier minutes
and items of their own; of all files, how many have a meeting, and a committee and a date read from
their text (not guessed from the file name); and the committees found, with the other names each was
found under, so that a clerk can merge or rename them with `archive.yml` aliases. The build report,
`archive check` and the export (`coverage`) give the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive_builder.model import Archive, AttendanceStatus, DocumentKind, LinkKind, MeetingStatus
from archive_builder.parse.items import UNNUMBERED_BUSINESS  # the one item made of minutes in which none was found


@dataclass
class Coverage:
    minutes: int = 0
    minutes_with_present: int = 0
    minutes_with_decision: int = 0
    minutes_with_approval: int = 0
    minutes_with_items: int = 0
    files: int = 0
    files_with_meeting: int = 0
    committee_from_text: int = 0
    date_from_text: int = 0
    committees: list[tuple[str, list[str], int]] = field(default_factory=list)  # (name, other names, meetings)

    def lines(self) -> list[str]:
        """The figures as the build report and `archive check` print them."""
        lines = [
            f"Coverage: of {self.minutes} minutes, {_share(self.minutes_with_present, self.minutes)} gave members present, "
            f"{_share(self.minutes_with_decision, self.minutes)} at least one decision, "
            f"{_share(self.minutes_with_approval, self.minutes)} an approval of earlier minutes, "
            f"{_share(self.minutes_with_items, self.minutes)} items; of {self.files} files, "
            f"{_share(self.files_with_meeting, self.files)} have a meeting, "
            f"{_share(self.committee_from_text, self.files)} a committee and {_share(self.date_from_text, self.files)} "
            "a date from their text (or a sidecar), not guessed from the file name",
            f"Committees found: {len(self.committees)} (merge or rename them with aliases in archive.yml)",
        ]
        for name, others, meetings in self.committees:
            also = f"; also named {', '.join(repr(o) for o in others)}" if others else ""
            lines.append(f"- {name}: {meetings} meeting(s){also}")
        return lines

    def data(self) -> dict:
        """For the export."""
        return {
            "minutes": self.minutes,
            "minutes_with_members_present": self.minutes_with_present,
            "minutes_with_a_decision": self.minutes_with_decision,
            "minutes_approving_earlier_minutes": self.minutes_with_approval,
            "minutes_with_items": self.minutes_with_items,
            "files": self.files,
            "files_with_a_meeting": self.files_with_meeting,
            "files_with_committee_from_text": self.committee_from_text,
            "files_with_date_from_text": self.date_from_text,
        }


def coverage_of(archive: Archive) -> Coverage:
    meetings = {m.id: m for m in archive.meetings}
    documents = {d.id: d for d in archive.documents}
    approving = {link.from_.split("/")[0] + "/" + link.from_.split("/")[1]
                 for link in archive.links if link.kind == LinkKind.APPROVES_MINUTES}
    found = Coverage()
    for document in archive.documents:
        if document.kind == DocumentKind.MINUTES:
            meeting = meetings.get(document.meeting or "")
            found.minutes += 1
            if meeting is None:
                continue
            found.minutes_with_present += any(a.status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE) for a in meeting.attendance)
            found.minutes_with_decision += any(i.resolutions for i in meeting.items)
            found.minutes_with_approval += meeting.id in approving
            found.minutes_with_items += any(i.title != UNNUMBERED_BUSINESS for i in meeting.items)
        if document.part_of:
            continue  # a part of a pack is counted with its pack
        found.files += 1
        found.files_with_meeting += bool(document.meeting or any(
            documents[part].meeting for part in document.parts if part in documents))
        found.committee_from_text += document.committee_from in ("text", "sidecar")
        found.date_from_text += document.date_from in ("text", "sidecar")
    held = {c.id: sum(1 for m in archive.meetings if m.committee == c.id and m.status != MeetingStatus.REFERENCED)
            for c in archive.committees}
    found.committees = [(c.name, list(c.aliases), held[c.id]) for c in archive.committees]
    return found


def _share(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole)}%)" if whole else "0"
