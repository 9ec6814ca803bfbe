"""The archive's one vocabulary: every stage takes and returns these types.

The open-data export (../shared/schema/archive-export.schema.json) is this model written out by
`render/export.py`; fields the schema does not name (page citations, report facts, membership) are
published as extra fields, which the schema allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

# --- The vocabulary: what each kind and status may be (the export's schema names the same) ----


class DocumentKind(StrEnum):
    AGENDA = "agenda"
    MINUTES = "minutes"
    REPORT = "report"
    AGENDA_PACK = "agenda-pack"  # split into its parts (agenda, reports, minutes of others)
    DECISION = "decision"  # a decision notice
    OTHER = "other"


class LinkKind(StrEnum):
    APPROVES_MINUTES = "approves-minutes"  # a meeting's minutes approve an earlier meeting's
    FOLLOW_UP = "follow-up"  # an item answers an action a decision set
    NEXT_MEETING = "next-meeting"  # minutes fix the date of the next meeting
    REFERS_TO = "refers-to"  # words name a minute, decision, resolution or meeting
    RELATED = "related"  # words alike: "possibly related", with a score


class MeetingStatus(StrEnum):
    HELD = "held"
    CANCELLED = "cancelled"
    SCHEDULED = "scheduled"  # papers but no minutes
    REFERENCED = "referenced"  # known only from a mention in another meeting's papers


class ActionStatus(StrEnum):
    OPEN = "open"
    FOLLOWED_UP = "followed-up"
    OVERDUE = "overdue"
    UNKNOWN = "unknown"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    LATE = "late"
    LEFT_EARLY = "left-early"


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    ALSO_PRESENT = "also-present"
    OFFICER = "officer"
    OTHER = "other"


class Outcome(StrEnum):
    CARRIED = "carried"
    LOST = "lost"
    DEFERRED = "deferred"
    NOTED = "noted"
    UNKNOWN = "unknown"


# --- Reading sources ---------------------------------------------------------------------------


@dataclass
class Problem:
    """One line of the build report: a file and what is wrong with it (or what was noticed)."""

    source: str
    message: str
    severity: str = "warning"  # "error" (nothing could be read), "warning", or "info"

    def line(self) -> str:
        return f"{self.severity.upper()}: {self.source}: {self.message}"


@dataclass
class Extraction:
    """A source file's text, one string per page (page 1 first), and what went wrong reading it."""

    source: str  # path relative to the sources folder, with '/' separators
    sha256: str
    format: str  # "pdf", "html", "markdown", "text", "docx" or "unknown"
    pages: list[str] = field(default_factory=list)
    title: str | None = None  # a title the file itself declares (HTML <title>, Markdown front matter)
    metadata: dict = field(default_factory=dict)  # front matter or document properties, as read
    problems: list[Problem] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return any(page.strip() for page in self.pages)


# What extraction puts before a line its layout makes a heading (a Markdown '#' line, an HTML <h2>, a
# Word 'Heading 1' paragraph, a line printed all in bold): a Unicode noncharacter, which no document
# holds. parse/text.py takes it off and sets Line.heading.
HEADING_MARK = "\ufdd0"


@dataclass(frozen=True)
class Line:
    """A line of document text, the page of the source file it was printed on, and whether its layout
    makes it a heading."""

    text: str
    page: int
    heading: bool = False


# --- What documents say ------------------------------------------------------------------------


@dataclass
class Votes:
    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    names: dict[str, list[str]] = field(default_factory=dict)  # "for"/"against"/"abstain" -> names as printed


@dataclass
class Action:
    text: str
    status: ActionStatus = ActionStatus.OPEN
    owner: str | None = None
    due: str | None = None  # "next-meeting", "YYYY-MM-DD" or "YYYY-MM"


@dataclass
class Resolution:
    id: str
    text: str
    label: str | None = None
    outcome: Outcome = Outcome.CARRIED
    votes: Votes | None = None
    actions: list[Action] = field(default_factory=list)
    mover: str | None = None
    seconder: str | None = None
    page: int | None = None  # page of the source document it is printed on
    document: str | None = None  # documents[].id it was read from
    url: str = ""


@dataclass
class Item:
    id: str
    number: str | None  # agenda item number as printed
    title: str
    minute_number: str | None = None
    text: str = ""
    exempt: bool = False
    # The minutes' public record of the motion into private session ("made the motion to adjourn into
    # Executive Session ... PASSED"): published, though the agenda's entry for it is withheld.
    public_record: bool = False
    resolutions: list[Resolution] = field(default_factory=list)
    pages: str | None = None  # the agenda's page range for its papers, as printed ("1 - 8", "To Follow")
    decision_number: str | None = None  # "24/00096" where the agenda names one
    page: int | None = None
    document: str | None = None
    sources: list[str] = field(default_factory=list)  # documents[].id that mention this item
    series: str | None = None  # series[].id where the item recurs meeting after meeting
    url: str = ""


@dataclass
class Attendee:
    name: str  # as printed
    status: AttendanceStatus = AttendanceStatus.PRESENT
    role: Role = Role.MEMBER
    organisation: str | None = None
    title: str | None = None  # the post printed beside an officer's name
    note: str | None = None  # e.g. "substitute for Cllr X", "virtually"
    person: str | None = None


@dataclass
class Declaration:
    name: str
    text: str
    item: str | None = None  # items[].id
    item_number: str | None = None  # as printed, before it is matched to an item
    person: str | None = None
    page: int | None = None
    document: str | None = None


@dataclass
class Member:
    """A member of the committee as an agenda's membership list prints them (not attendance)."""

    name: str
    role: Role = Role.MEMBER  # member, substitute, chair or vice-chair
    organisation: str | None = None
    person: str | None = None


@dataclass
class ReportFacts:
    title: str | None = None
    author: str | None = None  # "Report from ..." / "From:"
    contact_officer: str | None = None
    wards: str | None = None
    key_decision: str | None = None  # "Key" or "Non-Key"
    classification: str | None = None  # "Open", "Exempt", "Unrestricted", ...
    exempt: bool = False
    decision_number: str | None = None
    recommendations: list[str] = field(default_factory=list)
    appendices: list[str] = field(default_factory=list)
    appendix_count: int | None = None
    background_papers: str | None = None
    signed_off_by: str | None = None
    meeting_body: str | None = None  # the body the report goes to, as printed
    meeting_date: str | None = None  # YYYY-MM-DD of the meeting it goes to


@dataclass
class Document:
    id: str
    kind: DocumentKind
    title: str
    source: str
    sha256: str
    meeting: str | None = None
    parts: list[str] = field(default_factory=list)
    part_of: str | None = None  # the agenda pack this document was split out of
    pages: int | None = None
    first_page: int = 1  # page of the source file the document starts on (parts of a pack)
    format: str = "unknown"
    published: bool = True
    warnings: list[str] = field(default_factory=list)
    committee_name: str | None = None  # the body it names, as printed
    date: str | None = None  # the meeting date it names
    report: ReportFacts | None = None
    text_pages: list[str] = field(default_factory=list)  # the text to show, page by page (redacted)
    url: str = ""
    download: str | None = None  # site path of the original file, where it is published
    exempt: bool = False  # withheld whole: listed by title, with no text, report details or download
    withheld: str | None = None  # why an exempt document is withheld, in plain words
    ocr_pages: list[int] = field(default_factory=list)  # pages of the source file read by OCR
    corrections: list[str] = field(default_factory=list)  # what the clerk's sidecar corrected, in plain words
    date_order: str = "day-first"  # how its numeric dates read (dates.py), for what reads its text later
    # Where its meeting's date and committee were read: "text", "sidecar", "file name" (or, for the
    # committee, "only committee": the archive's one), None where not found. For the coverage report.
    date_from: str | None = None
    committee_from: str | None = None


@dataclass
class Meeting:
    id: str
    committee: str
    date: str
    status: MeetingStatus = MeetingStatus.HELD
    start_time: str | None = None
    venue: str | None = None
    documents: list[str] = field(default_factory=list)
    attendance: list[Attendee] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    membership: list[Member] = field(default_factory=list)
    title: str | None = None  # e.g. "Annual Meeting", "Extraordinary Meeting"
    url: str = ""

    @property
    def another_sitting(self) -> bool:
        """Whether this is a committee's second meeting of the day, whose address carries its time
        ('<committee>/2025-01-28-1600'): its name must say which it is."""
        return self.id.rsplit("/", 1)[-1] != self.date


@dataclass
class Committee:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    url: str = ""


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    organisation: str | None = None
    url: str = ""


@dataclass
class Series:
    """An item that recurs meeting after meeting (the update report, the work programme): one history."""

    id: str  # "<committee>/<slug of its title>"
    committee: str
    title: str
    items: list[str] = field(default_factory=list)  # items[].id, oldest first
    url: str = ""


@dataclass
class Link:
    from_: str
    to: str
    kind: LinkKind
    evidence: str = ""
    score: float | None = None


@dataclass
class Archive:
    site_name: str
    committees: list[Committee] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def private_ids(self) -> set[str]:
        """Ids of what was taken in private: exempt items and their decisions. Nothing about them is
        published but the item's number and title; a link to or from one could quote them."""
        return {
            any_id
            for meeting in self.meetings for item in meeting.items if item.exempt
            for any_id in (item.id, *(r.id for r in item.resolutions))
        }

    def public_links(self) -> list[Link]:
        return self._public(self.links)

    def _public(self, links: list[Link]) -> list[Link]:
        private = self.private_ids()
        return [link for link in links if link.from_ not in private and link.to not in private]

    # A step of the build returns a new archive rather than changing the one it was given; what it did
    # not change is shared between the two (nothing changes an archive's objects once made).

    def with_links(self, links: list[Link]) -> Archive:
        """The archive with these links, but none from or about an item taken in private (its evidence
        could quote it)."""
        return replace(self, links=self._public(links))

    def with_series(self, series: list[Series]) -> Archive:
        """The archive with these series, each of their items marked with its series' id."""
        series_of = {item_id: found.id for found in series for item_id in found.items}
        return replace(self, series=series, meetings=changed_items(
            self.meetings, lambda item: with_values(item, series=series_of.get(item.id, item.series))))

    def with_item_sources(self, added: dict[str, list[str]]) -> Archive:
        """The archive with these documents added to its items' sources: item id -> document ids."""
        return replace(self, meetings=changed_items(
            self.meetings, lambda item: with_values(item, sources=item.sources + added[item.id]) if added.get(item.id) else item))

    def with_action_statuses(self, statuses: dict[str, list[str]]) -> Archive:
        """The archive with its actions' statuses: resolution id -> each of its actions' status, in order."""

        def judged(item: Item) -> Item:
            resolutions = [with_values(r, actions=[with_values(a, status=s) for a, s in zip(r.actions, statuses[r.id], strict=True)])
                           if r.id in statuses else r for r in item.resolutions]
            return with_values(item, resolutions=resolutions)

        return replace(self, meetings=changed_items(self.meetings, judged))


def changed_items(meetings: list[Meeting], change: Callable[[Item], Item]) -> list[Meeting]:
    """The meetings with each item as `change` gives it: a meeting none of whose items changed is the same."""
    return [with_values(meeting, items=[change(item) for item in meeting.items]) for meeting in meetings]


def with_values(thing, **values):
    """`thing` with these values: itself where it already has them, else a copy that has. A list is
    the same where it holds the same objects (not merely equal ones: comparing them would walk the
    whole archive), as the lists a step rebuilds hold the objects it did not change."""
    if all(_same(getattr(thing, name), value) for name, value in values.items()):
        return thing
    return replace(thing, **values)


def _same(old, new) -> bool:
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))
    return old is new or old == new


# --- What one document says, before documents are put together ---------------------------------


@dataclass
class MeetingRef:
    """A mention of a meeting in a document: the words, the date, the body where it names one."""

    date: str | None  # YYYY-MM-DD; None for "the previous meeting", which the linker resolves
    kind: str  # a LinkKind (approves-minutes, next-meeting), "notes-minutes" or "mention"
    evidence: str
    committee_name: str | None = None  # None: the document's own committee
    item_number: str | None = None  # the item of this document that makes the mention
    resolution_label: str | None = None
    start_time: str | None = None
    venue: str | None = None
    month: str | None = None  # YYYY-MM: "the December board minutes", the meeting of that month


@dataclass
class DocumentFacts:
    """Everything the parser read from one document (or one part of an agenda pack)."""

    document: Document
    committee_name: str | None = None
    body_names: list[str] = field(default_factory=list)  # every name the document gives its body
    date: str | None = None
    start_time: str | None = None
    venue: str | None = None
    status: MeetingStatus | None = None  # cancelled where the document says so; otherwise decided in assembly
    meeting_title: str | None = None
    attendance: list[Attendee] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    membership: list[Member] = field(default_factory=list)
    references: list[MeetingRef] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
