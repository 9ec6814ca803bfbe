"""Links between decisions, as a reader meets them.

The linker gives every link a direction: a follow-up and a possibly related item point from the later
item to the earlier resolution; a reference points from the item (or resolution) whose words make it
to what they name; "next meeting" from the resolution that fixed it to the meeting. A reader wants
the other way round as well, so each side is shown where it belongs:

- on a resolution, "What happened next": the later items that followed it up, the later items and
  resolutions that refer to it (or to its item), the next meeting it fixed; apart from them, what is
  only "possibly related" (similar wording), with its score. Oldest first, each with its date.
- on an item, "Follows up": the earlier resolutions it answers (and, apart, those it is only possibly
  related to); "Refers to": the papers, meetings, items and resolutions its words name.

Links touching an exempt item never get here: the lookup leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive_builder import addresses
from archive_builder.model import Item, Link, LinkKind, Meeting, Resolution
from archive_builder.render import words
from archive_builder.render.escape import inline
from archive_builder.render.lookup import Lookup
from archive_builder.render.page import href
from archive_builder.render.words import document_kind, medium_date, shorten

EVIDENCE = 240  # characters of a link's evidence shown under it


@dataclass(frozen=True)
class Entry:
    """One line of a list of links: what the link is to the reader, the other end, and the link."""

    label: str  # "Followed up", "Referred to", "Papers", ... ("" where the list's heading says it)
    other: str  # the id of the end that is not the thing the list belongs to
    link: Link


# --- Which links a list holds ------------------------------------------------------------------


def what_happened_next(lookup: Lookup, meeting: Meeting, item: Item, resolution: Resolution) -> list[Entry]:
    """Follow-ups of the resolution, later references to it or its item, the next meeting it fixed."""
    own = _own_ids(item)
    entries = []
    for found in lookup.links_by_end.get(resolution.id, []):
        if found.to == resolution.id and found.kind == LinkKind.FOLLOW_UP and found.from_ not in own:
            entries.append(Entry("Followed up", found.from_, found))
        elif found.from_ == resolution.id and found.kind == LinkKind.NEXT_MEETING:
            entries.append(Entry("Next meeting", found.to, found))
    entries += _referred_to_later(lookup, meeting, [resolution.id, item.id], own)
    return _in_order(lookup, _distinct(entries))  # a reference to the resolution says more than one to its item


def item_happened_next(lookup: Lookup, meeting: Meeting, item: Item) -> list[Entry]:
    """Later references to an item with no resolution to show them under."""
    return _in_order(lookup, _referred_to_later(lookup, meeting, [item.id], _own_ids(item)))


def mentioned_before(lookup: Lookup, meeting: Meeting, item: Item) -> list[Entry]:
    """References to the item or its resolutions made at earlier meetings (a decision number named in
    advance, say): they belong to its past, not to what happened next."""
    own = _own_ids(item)
    entries = [Entry("", found.from_, found) for end in sorted(own) for found in lookup.links_by_end.get(end, [])
               if found.to == end and found.kind == LinkKind.REFERS_TO and found.from_ not in own
               and _before(lookup, found.from_, meeting)]
    return _in_order(lookup, _distinct(entries))


def possibly_related_later(lookup: Lookup, resolution: Resolution) -> list[Entry]:
    entries = [Entry("", found.from_, found) for found in lookup.links_by_end.get(resolution.id, [])
               if found.kind == LinkKind.RELATED and found.to == resolution.id]
    return _in_order(lookup, entries)


def follows_up(lookup: Lookup, item: Item) -> list[Entry]:
    """The earlier resolutions this item (or one of its resolutions) follows up."""
    return _outgoing(lookup, item, (LinkKind.FOLLOW_UP,))


def possibly_related_earlier(lookup: Lookup, item: Item) -> list[Entry]:
    return _outgoing(lookup, item, ("related",))


def refers_to(lookup: Lookup, item: Item) -> list[Entry]:
    """What the item's words (or its resolutions') name: papers, meetings, items, resolutions; the
    minutes it approves; the next meeting it fixes (where no resolution of it does)."""
    entries = []
    for entry in _outgoing(lookup, item, (LinkKind.REFERS_TO, LinkKind.APPROVES_MINUTES, LinkKind.NEXT_MEETING)):
        if entry.link.kind == LinkKind.NEXT_MEETING:
            if entry.link.from_ != item.id:
                continue  # a resolution's next meeting is in its "What happened next"
            label = "Next meeting"
        elif entry.link.kind == LinkKind.APPROVES_MINUTES:
            label = "Minutes approved"
        elif entry.other in lookup.documents:
            label = "Papers"
        elif entry.other in lookup.meetings:
            label = "Meeting"
        else:
            label = ""
        entries.append(Entry(label, entry.other, entry.link))
    return entries


_MEETING_LABELS = {LinkKind.APPROVES_MINUTES: "Minutes approved", LinkKind.NEXT_MEETING: "Fixed as the next meeting",
                   LinkKind.REFERS_TO: "Referred to", LinkKind.FOLLOW_UP: "Followed up", LinkKind.RELATED: "Possibly related"}


def meeting_mentions(lookup: Lookup, meeting: Meeting) -> list[Entry]:
    """Where else the archive speaks of a meeting: its minutes approved, its date fixed, its name cited."""
    entries = []
    for found in lookup.links_by_end.get(meeting.id, []):
        other = found.from_ if found.to == meeting.id else found.to
        entries.append(Entry(_MEETING_LABELS.get(found.kind, found.kind), other, found))
    return _in_order(lookup, entries)


def _own_ids(item: Item) -> set[str]:
    return {item.id, *(r.id for r in item.resolutions)}


def _referred_to_later(lookup: Lookup, meeting: Meeting, targets: list[str], own: set[str]) -> list[Entry]:
    return [Entry("Referred to", found.from_, found)
            for target in targets for found in lookup.links_by_end.get(target, [])
            if found.to == target and found.kind == LinkKind.REFERS_TO and found.from_ not in own
            and not _before(lookup, found.from_, meeting)]


def _outgoing(lookup: Lookup, item: Item, kinds: tuple[str, ...]) -> list[Entry]:
    own = _own_ids(item)
    entries = [Entry("", found.to, found) for origin in [item.id, *(r.id for r in item.resolutions)]
               for found in lookup.links_by_end.get(origin, [])
               if found.from_ == origin and found.kind in kinds and found.to not in own]
    return _in_order(lookup, _distinct(entries))


def _distinct(entries: list[Entry]) -> list[Entry]:
    """One line per other end and kind: an item and its resolution naming the same thing say it once."""
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        seen.setdefault((entry.other, entry.link.kind), entry)
    return list(seen.values())


def _in_order(lookup: Lookup, entries: list[Entry]) -> list[Entry]:
    kinds = {LinkKind.FOLLOW_UP: 0, LinkKind.REFERS_TO: 1, LinkKind.APPROVES_MINUTES: 2, LinkKind.NEXT_MEETING: 3, LinkKind.RELATED: 4}
    return sorted(entries, key=lambda e: (lookup.order_of(e.other), kinds.get(e.link.kind, 9), e.link.kind,
                                          e.link.from_, e.link.to))


def _before(lookup: Lookup, other: str, meeting: Meeting) -> bool:
    date = lookup.date_of(other)
    return bool(date) and date < meeting.date


# --- How a list reads --------------------------------------------------------------------------


def block(lookup: Lookup, heading: str, entries: list[Entry], here: str, css: str, from_meeting: Meeting,
          related: list[Entry] | None = None, related_heading: str = "Possibly related") -> str:
    """A set-apart list under `heading`; the possibly related ones after the certain ones, under their
    own words; '' when there is nothing to list."""
    related = related or []
    if not entries and not related:
        return ""
    parts = [f'<div class="{css}" markdown>', "", f"**{heading}**", ""]
    if entries:
        parts += [line(lookup, entry, here, from_meeting) for entry in entries] + [""]
    if related:
        parts += [f'<p class="archive-related-note" markdown="span">*{related_heading} (similar wording only, '
                  "not a certain link):*</p>", ""]
        parts += [line(lookup, entry, here, from_meeting) for entry in related] + [""]
    return "\n".join(parts + ["</div>"])


def line(lookup: Lookup, entry: Entry, here: str, from_meeting: Meeting | None) -> str:
    """'- Followed up: [14 November 2024, item 27 Air Quality Monitoring Update](...)', the evidence
    under it in small print."""
    label = f"{inline(entry.label)}: " if entry.label else ""
    text = f"- {label}[{where(lookup, entry.other, from_meeting)}]({href(here, addresses.url_of(entry.other))})"
    if entry.link.kind == LinkKind.RELATED and entry.link.score is not None:
        text += f" (score {entry.link.score:.2f})"
    if entry.link.evidence.strip():
        text += f'<br><span class="archive-evidence">{_evidence(lookup, entry)}</span>'
    return text


def _evidence(lookup: Lookup, entry: Entry) -> str:
    """The link's evidence, escaped: in quotation marks where it is a document's own sentence (a
    reference, an approval, a next meeting's date), as it is where it explains itself (a follow-up's
    reasoning, a paper's title, the words in common)."""
    evidence = shorten(entry.link.evidence, EVIDENCE)
    quoted = entry.link.kind in (LinkKind.REFERS_TO, LinkKind.APPROVES_MINUTES, LinkKind.NEXT_MEETING) and "“" not in evidence and (
        entry.other not in lookup.documents)
    return f"“{inline(evidence)}”" if quoted else inline(evidence)


def where(lookup: Lookup, any_id: str, from_meeting: Meeting | None) -> str:
    """A link end in words (escaped), dated, naming its committee only where it is not the reader's:
    '14 November 2024, item 27 Air Quality Monitoring Update, resolution (2)(a)'."""
    if any_id in lookup.documents:
        document = lookup.documents[any_id]
        kind = inline(f"{document.title} ({document_kind(document.kind).lower()})")
        meeting = lookup.meetings.get(document.meeting or "")
        if meeting is None or from_meeting is None or meeting.id == from_meeting.id:
            return kind
        return f"{kind}, {_meeting_words(lookup, meeting, from_meeting)}"
    if any_id in lookup.meetings:
        return _meeting_words(lookup, lookup.meetings[any_id], from_meeting)
    if any_id in lookup.resolutions:
        meeting, item, resolution = lookup.resolutions[any_id]
        label = f"resolution {words.label(resolution.label)}" if resolution.label else "resolution"
        return f"{_item_words(lookup, meeting, item, from_meeting)}, {inline(label)}"
    meeting, item = lookup.items[any_id]
    return _item_words(lookup, meeting, item, from_meeting)


def _item_words(lookup: Lookup, meeting: Meeting, item: Item, from_meeting: Meeting | None) -> str:
    number = f"item {item.number} " if item.number else ""
    return f"{_meeting_words(lookup, meeting, from_meeting)}, {inline(number + item.title)}"


def _meeting_words(lookup: Lookup, meeting: Meeting, from_meeting: Meeting | None) -> str:
    date = inline(medium_date(meeting.date))
    if from_meeting is not None and from_meeting.committee == meeting.committee:
        return date
    return f"{date}, {inline(lookup.committee_name(meeting.committee))}"

