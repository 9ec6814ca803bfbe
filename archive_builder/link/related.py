"""Possibly related: later items of the same committee whose words are close to a decision's, found
through the Whoosh index. Shown apart from the certain links, with their score. Only the same
committee: a similar title in another committee is a different matter."""

from __future__ import annotations

import bisect
import functools
import math
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from archive_builder import forked
from archive_builder.link.series import procedural
from archive_builder.link.similarity import Postings, Similarity, Weighed
from archive_builder.model import Archive, Link, LinkKind, Meeting

RELATED = 0.3  # tuned on the corpora: see tests/test_links_*.py for what it must and must not link
PER_DECISION = 3
SHARED_WORDS = 3  # two words in common ("payment", "approve") are a coincidence of routine, not a matter


class Index(Protocol):
    """What linking reads in the index (search.IndexTerms): its items, and which entries carry a word."""

    def items(self) -> tuple[dict[str, list[tuple[str, int]]], dict[int, str]]: ...

    def postings(self, ids: dict[int, str]) -> AbstractContextManager[Postings]: ...


def related_links(archive: Archive, similarity: Similarity, index: Index, certain: list[Link]) -> list[Link]:
    """Every decision's possibly related later items, the meetings shared out over the cores (each
    decision's search is independent of the others')."""

    items_of, ids = index.items()
    known = _Known(
        linked={(link.from_, link.to) for link in certain},
        series_of={item.id: item.series for meeting in archive.meetings for item in meeting.items if item.series},
        routine={item.id for meeting in archive.meetings for item in meeting.items if procedural(item.title)},
        items_of={committee: sorted(found) for committee, found in items_of.items()}, ids=ids,
        similarity=similarity, index=index,
        pools={committee: frozenset(docnum for _, docnum in found) for committee, found in items_of.items()})
    found = forked.map_shared(functools.partial(_related_of_meetings, known), archive.meetings)
    return [link for links in found for link in links]


@dataclass(frozen=True)
class _Known:
    """What every decision's search reads: the certain links, series, routine items, and the index's
    items (by committee, with their dates) and ids."""
    linked: set[tuple[str, str]]
    series_of: dict[str, str]
    routine: set[str]
    items_of: dict[str, list[tuple[str, int]]]  # committee -> its items' (date, document number), in that order
    ids: dict[int, str]
    similarity: Similarity
    index: Index
    pools: dict[str, frozenset[int]]  # committee -> its indexed items' document numbers


def _related_of_meetings(known: _Known, meetings: list[Meeting]) -> list[list[Link]]:
    """Each meeting's possibly related links, through postings this process opens (a forked process
    must not read through its parent's open files)."""

    found: list[list[Link]] = [[] for _ in meetings]
    weighed: dict[str, Weighed] = {}  # a decision's words -> their weights in its committee's items
    committee = None
    with known.index.postings(known.ids) as postings:
        # A committee at a time, so that its decisions' words are weighed once and then forgotten.
        for number in sorted(range(len(meetings)), key=lambda n: (meetings[n].committee, meetings[n].date, n)):
            meeting = meetings[number]
            if meeting.committee != committee:
                weighed, committee = {}, meeting.committee
            found[number] = _related_of_meeting(known, meeting, postings, weighed)
    return found


def _related_of_meeting(known: _Known, meeting: Meeting, postings: Postings, weighed: dict[str, Weighed]) -> list[Link]:
    items = known.items_of.get(meeting.committee, [])
    later_items = {docnum for _, docnum in items[bisect.bisect_right(items, (meeting.date, math.inf)):]}
    pool = known.pools.get(meeting.committee, frozenset())
    links: list[Link] = []
    for item in meeting.items:
        if item.exempt or procedural(item.title):
            continue
        for resolution in item.resolutions:
            found = 0
            if resolution.text not in weighed:
                weighed[resolution.text] = known.similarity.weighed(resolution.text, postings, pool)
            for match in known.similarity.closest(weighed[resolution.text], later_items, limit=8):
                if match.score < RELATED or found >= PER_DECISION:
                    break
                if len(match.shared) < SHARED_WORDS or match.id in known.routine:
                    continue
                if (match.id, resolution.id) in known.linked or _linked_through_item(match.id, resolution.id, known.linked):
                    continue
                if item.series and known.series_of.get(match.id) == item.series:
                    continue  # the series already shows the later items of the same business
                links.append(Link(match.id, resolution.id, LinkKind.RELATED, f"words in common: {', '.join(match.shared[:6])}", match.score))
                found += 1
    return links


def _linked_through_item(later: str, resolution: str, linked: set[tuple[str, str]]) -> bool:
    item = resolution.rsplit("/", 1)[0]
    return (later, item) in linked
