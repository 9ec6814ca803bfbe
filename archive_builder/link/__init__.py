"""Following decisions forward: the links that make an archive worth having.

Run after assembly (which already links each meeting to the meetings its minutes approve, note or
fix as the next), with the archive's Whoosh index up to date:

1. series: items that recur meeting after meeting, as one history;
2. papers: reports and decision notices joined to the items they are for;
3. mentions: minute, decision and resolution numbers, and other meetings by date, in items' words;
4. follow-ups: the later item that answers each action a decision set, and the action's status;
5. related: later items whose words are close to a decision's ("possibly related", with a score).

Certain links (1-4) rest on explicit words or on a series; similarity alone only ever gives
"related". Every link carries the words that justify it.
"""

from __future__ import annotations

from collections.abc import Mapping

from archive_builder.link.followups import follow_ups
from archive_builder.link.mentions import mention_links
from archive_builder.link.papers import paper_links
from archive_builder.link.related import Index, related_links
from archive_builder.link.series import find_series
from archive_builder.link.similarity import Counts, Similarity
from archive_builder.model import Archive, Link
from search.index import entries


def similarity_of(archive: Archive, known_counts: Mapping[str, Counts] | None = None) -> Similarity:
    """Word statistics of the archive's indexed texts, by entry id, for every link made by likeness;
    `known_counts`: the texts' word counts of an earlier build, so that only new texts are counted."""

    texts = {entry["id"]: f"{entry.get('title', '')}\n{entry.get('text', '')}" for entry in entries(archive, digests=False)}
    return Similarity(texts, ignore=_names_in(archive), known_counts=known_counts)


def certain_links(archive: Archive, similarity: Similarity) -> Archive:
    """Steps 1-4: the archive with its series, papers, mentions and follow-ups, and each action's
    status. They need no index, so the index is written once, after them, with the statuses they set."""
    archive = archive.with_series(find_series(archive, similarity))
    papers, sources = paper_links(archive)
    archive = archive.with_item_sources(sources)
    certain = _distinct(archive.links + papers + _new(mention_links(archive), archive.links))
    archive = archive.with_links(certain)
    answers, statuses = follow_ups(archive, similarity)
    archive = archive.with_action_statuses(statuses)
    return archive.with_links(_in_order(_distinct(archive.links + answers)))


def possibly_related(archive: Archive, similarity: Similarity, index: Index) -> Archive:
    """Step 5: the archive with its possibly related links, found through the index, which must be up to date."""
    related = related_links(archive, similarity, index, archive.links)
    return archive.with_links(_in_order(_distinct(archive.links + related)))


def _in_order(links: list[Link]) -> list[Link]:
    return sorted(links, key=lambda l: (l.from_, l.kind, l.to))


def _names_in(archive: Archive) -> set[str]:
    """Every word of every person's name, as printed anywhere in the archive."""
    names = [p.name for p in archive.people] + [alias for p in archive.people for alias in p.aliases]
    for meeting in archive.meetings:
        names += [r.mover or "" for i in meeting.items for r in i.resolutions]
        names += [r.seconder or "" for i in meeting.items for r in i.resolutions]
    return {word for name in names for word in name.split() if word[:1].isupper()}


def _new(mentions: list[Link], known: list[Link]) -> list[Link]:
    """Mentions not already linked as something more specific: "the minutes of the meeting on 9 January"
    in an approval is that approval, not a further reference."""
    covered = {(_item_of(link.from_), link.to) for link in known}
    return [m for m in mentions if (_item_of(m.from_), m.to) not in covered]


def _item_of(any_id: str) -> str:
    parts = any_id.split("/")
    return "/".join(parts[:3]) if len(parts) >= 3 else any_id


def _distinct(links: list[Link]) -> list[Link]:
    """One link per (from, to, kind): the first found keeps its evidence."""
    seen: dict[tuple[str, str, str], Link] = {}
    for link in links:
        if link.from_ != link.to:
            seen.setdefault((link.from_, link.to, link.kind), link)
    return list(seen.values())
