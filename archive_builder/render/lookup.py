"""The archive indexed by id, built once per render so every page finds what it links to quickly.

It also decides what may be shown: the resolutions of an exempt item are not in `resolutions`, and
links that touch an exempt item are left out altogether, since their evidence may quote it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from archive_builder import addresses
from archive_builder.model import (
    Action,
    ActionStatus,
    Archive,
    AttendanceStatus,
    Attendee,
    Committee,
    Declaration,
    Document,
    Item,
    Link,
    Meeting,
    Member,
    Person,
    Resolution,
    Series,
)
from archive_builder.render import words
from archive_builder.render.movers import person_of

Decision = tuple[Meeting, Item, Resolution]
Shown = tuple[Meeting, Item]


@dataclass
class Lookup:
    archive: Archive
    site_url: str | None = None  # the published site's address, for links to copy
    committees: dict[str, Committee] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)  # newest first, as every listing wants them
    documents: dict[str, Document] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    items: dict[str, tuple[Meeting, Item]] = field(default_factory=dict)
    resolutions: dict[str, tuple[Meeting, Item, Resolution]] = field(default_factory=dict)
    links_by_end: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    meetings_by_committee: dict[str, list[Meeting]] = field(default_factory=lambda: defaultdict(list))
    attendance_by_person: dict[str, list[tuple[Meeting, Attendee]]] = field(default_factory=lambda: defaultdict(list))
    declarations_by_person: dict[str, list[tuple[Meeting, Declaration]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    membership_by_person: dict[str, list[tuple[Meeting, Member]]] = field(default_factory=lambda: defaultdict(list))
    series: dict[str, Series] = field(default_factory=dict)
    # Where each item and resolution stands in the archive: (date, meeting id, item's place, resolution's place).
    positions: dict[str, tuple] = field(default_factory=dict)
    # Resolution id -> {"moved": person id, "seconded": person id}, where the printed name is certain.
    movers: dict[str, dict[str, str]] = field(default_factory=dict)
    moved_by_person: dict[str, list[tuple[str, Decision]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, archive: Archive, site_url: str | None = None) -> Lookup:
        lookup = cls(archive, site_url)
        lookup.committees = {c.id: c for c in archive.committees}
        lookup.documents = {d.id: d for d in archive.documents}
        lookup.people = {p.id: p for p in archive.people}
        # A series is shown under a heading of its committee's page, anchored by its id's slug.
        lookup.series = {s.id: s for s in archive.series
                         if s.committee in lookup.committees and _ANCHOR.fullmatch(s.id.partition("/")[2])}
        hidden: set[str] = set()
        for meeting in newest_first(archive.meetings):
            lookup._add_meeting(meeting, hidden)
        for link in sorted(archive.links, key=_link_key):
            ends = {link.from_, link.to}
            if ends & hidden or link.from_ == link.to or not all(map(lookup.known, ends)):
                continue
            for end in sorted(ends):
                lookup.links_by_end[end].append(link)
        return lookup

    def _add_meeting(self, meeting: Meeting, hidden: set[str]) -> None:
        self.meetings[meeting.id] = meeting
        self.meetings_by_committee[meeting.committee].append(meeting)
        for number, item in enumerate(meeting.items):
            self.items[item.id] = (meeting, item)
            self.positions[item.id] = (meeting.date, meeting.id, number, -1, item.id)
            if item.exempt:
                hidden.add(item.id)
            for place, resolution in enumerate(item.resolutions):
                self.positions[resolution.id] = (meeting.date, meeting.id, number, place, resolution.id)
                if item.exempt:
                    hidden.add(resolution.id)
                else:
                    self.resolutions[resolution.id] = (meeting, item, resolution)
                    self._add_movers(meeting, item, resolution)
        for attendee in meeting.attendance:
            if attendee.person:
                self.attendance_by_person[attendee.person].append((meeting, attendee))
        for declaration in meeting.declarations:
            if declaration.person:
                self.declarations_by_person[declaration.person].append((meeting, declaration))
        for member in meeting.membership:
            if member.person:
                self.membership_by_person[member.person].append((meeting, member))

    def _add_movers(self, meeting: Meeting, item: Item, resolution: Resolution) -> None:
        for role, printed in (("moved", resolution.mover), ("seconded", resolution.seconder)):
            person = person_of(printed, meeting) if printed else None
            if person in self.people:
                self.movers.setdefault(resolution.id, {})[role] = person
                self.moved_by_person[person].append((role, (meeting, item, resolution)))

    # --- Decisions and actions -------------------------------------------------------------------

    @cached_property
    def series_neighbours(self) -> dict[tuple[str, str], tuple[Shown | None, Shown | None]]:
        """(series id, item id) -> the items just before and after it in the series, of those shown."""
        found = {}
        for series in self.series.values():
            shown = [self.items[i] for i in series.items if i in self.items]
            for place, (_, item) in enumerate(shown):
                found.setdefault((series.id, item.id), (shown[place - 1] if place > 0 else None,
                                                        shown[place + 1] if place + 1 < len(shown) else None))
        return found

    @cached_property
    def decisions(self) -> list[Decision]:
        """Every resolution that may be shown (none of an exempt item), oldest first, in the minutes' order."""
        return sorted(self.resolutions.values(), key=lambda found: self.positions[found[2].id])

    def actions(self, statuses: tuple[str, ...] = (ActionStatus.OPEN, ActionStatus.OVERDUE), committee: str | None = None
                ) -> list[tuple[Meeting, Item, Resolution, Action]]:
        """The actions of the shown resolutions whose status is one of `statuses`, oldest first."""
        return [(meeting, item, resolution, action) for meeting, item, resolution in self.decisions
                if committee in (None, meeting.committee)
                for action in resolution.actions if action.status in statuses]

    def order_of(self, any_id: str) -> tuple:
        """A sort key putting link ends in the order they happened: by date, then agenda order."""
        if any_id in self.positions:
            return self.positions[any_id]
        if any_id in self.meetings:  # a meeting before its own items
            return (self.meetings[any_id].date, any_id, -2, -1, any_id)
        document = self.documents.get(any_id)
        return (self.date_of(any_id) or "9999", (document.meeting or "") if document else "", 9999, -1, any_id)

    # --- What an id is --------------------------------------------------------------------------

    def known(self, any_id: str) -> bool:
        """Whether `any_id` has a page or anchor on the site."""
        return any(any_id in table for table in (self.resolutions, self.items, self.meetings, self.documents))

    def date_of(self, any_id: str) -> str | None:
        """The meeting date a link end belongs to (for a document: its meeting's, else its own)."""
        if any_id in self.documents:
            document = self.documents[any_id]
            meeting = self.meetings.get(document.meeting or "")
            return meeting.date if meeting else document.date
        meeting = self.meetings.get(addresses.meeting_of(any_id) if "/" in any_id else "")
        return meeting.date if meeting else None

    def describe(self, any_id: str) -> str:
        """A link end in words, readable out of context:
        'Joint ICT Committee, 16 October 2018, item 6: Update report, resolution (2)(a)'."""
        if any_id in self.resolutions:
            meeting, item, resolution = self.resolutions[any_id]
            label = f"resolution {words.label(resolution.label)}" if resolution.label else "resolution"
            return f"{self.item_label(meeting, item)}, {label}"
        if any_id in self.items:
            return self.item_label(*self.items[any_id])
        if any_id in self.meetings:
            return self.meeting_label(self.meetings[any_id])
        document = self.documents[any_id]
        return f"{document.title} ({words.document_kind(document.kind).lower()})"

    # --- Names -------------------------------------------------------------------------------------

    def committee_name(self, committee_id: str) -> str:
        committee = self.committees.get(committee_id)
        return committee.name if committee else committee_id

    def meeting_label(self, meeting: Meeting) -> str:
        """'Joint ICT Committee, 16 October 2018'."""
        return f"{self.committee_name(meeting.committee)}, {words.meeting_date(meeting, long=False)}"

    def item_label(self, meeting: Meeting, item: Item) -> str:
        """'Joint ICT Committee, 16 October 2018, item 6: Update report'."""
        number = f"item {item.number}" if item.number else "item"
        return f"{self.meeting_label(meeting)}, {number}: {item.title}"

    def person_name(self, person_id: str | None, printed: str) -> str:
        person = self.people.get(person_id or "")
        return person.name if person else printed

    # --- Documents -----------------------------------------------------------------------------

    def has_page_anchor(self, document_id: str | None, page: int | None) -> bool:
        """Whether the document's page shows text page `page` (and so has the anchor 'page-N')."""
        document = self.documents.get(document_id or "")
        if document is None or page is None or not document.published:
            return False
        return document.first_page <= page < document.first_page + len(document.text_pages)

    def documents_of(self, meeting: Meeting) -> list[Document]:
        """A meeting's documents in reading order: agenda, pack and its parts, reports, minutes."""
        found = [self.documents[d] for d in meeting.documents if d in self.documents]
        return sorted(found, key=document_order)


_ANCHOR = re.compile(r"[a-z0-9][a-z0-9-]*")

_KIND_ORDER = {"agenda": 0, "agenda-pack": 1, "report": 2, "decision": 3, "minutes": 4, "other": 5}


def document_order(document: Document) -> tuple:
    # A pack's parts sort with their pack, in page order, so the table reads like the pack.
    return (_KIND_ORDER.get(document.kind, 9) if not document.part_of else 1, document.part_of or document.id,
            document.first_page if document.part_of else 0, document.id)


def was_there(attendee: Attendee) -> bool:
    """Whether the attendance record puts this person in the room (late or leaving early counts)."""
    return attendee.status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY)


def newest_first(meetings: list[Meeting]) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (m.date, m.id), reverse=True)


def _link_key(link: Link) -> tuple:
    return (link.from_, link.to, link.kind, link.evidence, link.score if link.score is not None else -1.0)
