"""`archive check`: what the builder finds in the sources, and what needs the clerk's attention,
without writing a page or publishing anything.

The check reads the sources exactly as a build does (with the extraction cache) and links the
archive, then looks across files for what no single file shows: two files that are the same
document, minutes approving a meeting the archive lacks, actions overdue, committees that
archive.yml does not know. `archive build` finds the same (build.py calls `archive_warnings`) and
writes the same report (build_report.py), so the two always agree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from archive_builder.config import Config
from archive_builder.model import ActionStatus, Archive, Document, DocumentKind, Item, LinkKind, Meeting, MeetingStatus, Problem
from archive_builder.render import words

if TYPE_CHECKING:
    pass

NEAR_IDENTICAL = 0.8  # share of word triples two texts have in common to count as one document
SHINGLE = 3


def archive_warnings(archive: Archive, config: Config) -> list[Problem]:
    """What the clerk should know about the archive as a whole, each on the file it concerns."""
    return [*_duplicates(archive), *_missing_approved(archive), *_overdue(archive), *_unknown_committees(archive, config)]


# --- Two files, one document -------------------------------------------------------------------


def _duplicates(archive: Archive) -> list[Problem]:
    files = sorted((d for d in archive.documents if not d.part_of), key=lambda d: d.source)
    problems, copies = [], set()
    by_hash: dict[str, list[Document]] = defaultdict(list)
    for document in files:
        if document.sha256:
            by_hash[document.sha256].append(document)
    for same in by_hash.values():
        for other in same[1:]:
            problems.append(Problem(other.source, f"the same file as {same[0].source} (identical content): "
                                                  "it is listed twice; keep one of them"))
            copies.add(other.id)
    by_meeting: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for document in files:
        if document.meeting and document.id not in copies:
            by_meeting[(document.kind, document.meeting)].append(document)
    pages = _text_pages(archive)
    for (kind, meeting), documents in sorted(by_meeting.items()):
        if len(documents) < 2:
            continue
        shingles = {d.id: _shingles(pages.get(d.id, [])) for d in documents}
        for first, other in combinations(documents, 2):
            likeness = _likeness(shingles[first.id], shingles[other.id])
            if likeness >= NEAR_IDENTICAL:
                problems.append(Problem(other.source, f"looks like the same document as {first.source}: both are "
                                        f"{words.document_kind(kind).lower()} of {_meeting_label(archive, meeting)} and "
                                        f"{round(likeness * 100)}% of their text is the same (two versions?): keep the one to publish"))
    return problems


def _text_pages(archive: Archive) -> dict[str, list[str]]:
    """Each file's text (a pack's is its parts')."""
    pages: dict[str, list[str]] = defaultdict(list)
    for document in archive.documents:
        pages[document.part_of or document.id] += document.text_pages
    return pages


def _shingles(pages: list[str]) -> set[int]:
    """The text's word triples, hashed (the same within one run, which is all a comparison needs)."""
    found = re.findall(r"\w+", " ".join(pages).lower())
    return {hash(tuple(found[i:i + SHINGLE])) for i in range(max(len(found) - SHINGLE + 1, 0))}


def _likeness(one: set, other: set) -> float:
    return len(one & other) / len(one | other) if one and other else 0.0


# --- Meetings missing, actions overdue, committees unknown -------------------------------------


def _missing_approved(archive: Archive) -> list[Problem]:
    meetings = {m.id: m for m in archive.meetings}
    documents = {d.id: d for d in archive.documents}
    problems = []
    for link in archive.links:
        target = meetings.get(link.to)
        if link.kind != LinkKind.APPROVES_MINUTES or target is None or target.status != MeetingStatus.REFERENCED:
            continue
        origin = meetings.get(_meeting_id(link.from_))
        item = _item(origin, link.from_)
        document = _document_of(documents, origin, item)
        if document is None or origin is None:
            continue
        verb = "is to approve" if document.kind == DocumentKind.AGENDA else "approves"
        where = f"item {item.number or item.minute_number}" if item and (item.number or item.minute_number) else "it"
        problems.append(Problem(document.source, f"{where} {verb} the minutes of {_meeting_label(archive, target.id)}, "
                                                 "a meeting the archive has no document of: add its minutes if you have them"))
    return problems


def _overdue(archive: Archive) -> list[Problem]:
    documents = {d.id: d for d in archive.documents}
    problems = []
    for meeting in archive.meetings:
        for item in meeting.items:
            for resolution in item.resolutions:
                for action in resolution.actions:
                    if action.status != ActionStatus.OVERDUE:
                        continue
                    document = documents.get(resolution.document or "")
                    number = item.number or item.minute_number
                    where = f"item {number}" if number else f"'{_short(item.title)}'"
                    label = f", resolution {_label(resolution.label)}" if resolution.label else ""
                    due = f" ({words.due_words(action.due)})" if action.due else ""
                    problems.append(Problem(document.source if document else meeting.id,
                                            f"an action of {where}{label} is overdue{due}: '{_short(action.text)}'; "
                                            "no later meeting in the archive answers it"))
    return problems


def _unknown_committees(archive: Archive, config: Config) -> list[Problem]:
    """Documents filed under, or mentioning, a committee archive.yml does not list (when it lists any)."""
    if not config.committees:
        return []
    configured = {c.id for c in config.committees}
    names = {c.id: c.name for c in archive.committees}
    meetings = {m.id: m for m in archive.meetings}
    documents = {d.id: d for d in archive.documents}
    found: dict[tuple[str, str], str] = {}
    for document in archive.documents:
        committee = (document.meeting or "").split("/")[0]
        if committee and committee not in configured:
            found.setdefault((document.source, committee), "is filed under")
    for link in archive.links:
        target = meetings.get(link.to)
        if target is None or target.status != MeetingStatus.REFERENCED or target.committee in configured:
            continue
        origin = meetings.get(_meeting_id(link.from_))
        document = _document_of(documents, origin, _item(origin, link.from_))
        if document is not None:
            found.setdefault((document.source, target.committee), "mentions")
    return [
        Problem(source, f"{verb} the committee '{names.get(committee, committee)}', which archive.yml does not list: "
                        "add it under committees (or add this name to the aliases of the committee it is), "
                        "or correct the file with a sidecar")
        for (source, committee), verb in sorted(found.items())
    ]


def _meeting_id(any_id: str) -> str:
    return "/".join(any_id.split("/")[:2])


def _item(meeting: Meeting | None, any_id: str) -> Item | None:
    if meeting is None:
        return None
    return next((i for i in meeting.items if any_id == i.id or any_id.startswith(i.id + "/")), None)


def _document_of(documents: dict[str, Document], meeting: Meeting | None, item: Item | None) -> Document | None:
    """The document an item (or else its meeting) was read from: the minutes, where there are some."""
    if item is not None and item.document in documents:
        return documents[item.document]
    if meeting is None:
        return None
    held = [documents[d] for d in meeting.documents if d in documents]
    return next((d for d in held if d.kind == DocumentKind.MINUTES), held[0] if held else None)


def _meeting_label(archive: Archive, meeting_id: str) -> str:
    committee, _, date = meeting_id.partition("/")
    name = next((c.name for c in archive.committees if c.id == committee), committee)
    meeting = next((m for m in archive.meetings if m.id == meeting_id), None)
    return f"{name}, {words.meeting_date(meeting, long=False) if meeting else words.medium_date(date)}"


def _label(label: str) -> str:
    """'2)' as printed -> '(2)'; '(2)(a)' stays."""
    label = label.strip()
    return f"({label}" if label.endswith(")") and "(" not in label else label


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
