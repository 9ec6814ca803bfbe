"""Recurring items: the same business meeting after meeting (the update report, the work programme),
shown as one history. Items of one committee are a series when their titles name the same business;
a report known only as a meeting's paper joins the series whose items its text is closest to.

Procedural items (apologies, declarations, the last minutes, urgent business, the next meeting's date)
recur at every meeting and tell nothing; they are not series.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from archive_builder.link.similarity import Similarity
from archive_builder.model import Archive, Item, Series
from archive_builder.slugs import slugify, unique
from archive_builder.titles import overlap, title_words

SAME_TITLE = 0.65  # share of significant (stemmed) title words two titles of one series have in common
REPORT_JOINS_SERIES = 0.45  # cosine of a paper's text with the series' items' text

_PROCEDURAL = re.compile(
    r"^(?:(?:to\s+)?(?:consider|receive|note|approve|confirm|accept)\s+)?(?:apolog|declarations?\b|disclosures?\b|minutes\b|(?:to\s+)?(?:approve|confirm|receive)\s+the\s+minutes|matters arising|"
    r"(?:provision for\s+)?public (?:participation|questions|forum|speaking)|questions\b|petitions?\b|deputations?\b|"
    r"(?:any\s+)?(?:other\s+)?urgent (?:business|items)|any other (?:urgent )?business|date (?:and (?:time|venue) )?of (?:the )?next meeting|"
    r"(?:motion to )?exclu(?:de|sion of)\b|(?:chair(?:man|person)?['’]?s?|mayor['’]?s?|leader['’]?s?) announcements|announcements|"
    r"(?:election|appointment) of (?:the )?(?:vice[- ])?chair|welcome|introductions|emergency evacuation|openness and transparency|"
    r"call to order|roll call|adjournment|adoption of (?:the )?agenda|approval of (?:the )?agenda|to note date)",
    re.I,
)


_MINUTES_OF_OTHERS = re.compile(r"\bminutes\b.*\b(?:for noting|to note|for information)\b|^[^-–—]{3,80}\s[-–—]\s+(?:\w+\s+)*?minutes\b", re.I)


def procedural(title: str) -> bool:
    title = title.strip(" ‘’'\"")
    return bool(_PROCEDURAL.match(title) or _MINUTES_OF_OTHERS.search(title))


def find_series(archive: Archive, similarity: Similarity | None) -> list[Series]:
    """Each committee's items grouped into series (Archive.with_series marks the items with them)."""
    groups: dict[str, list[list[tuple[str, Item]]]] = defaultdict(list)  # committee -> clusters of (date, item)
    titles: dict[int, set[frozenset[str]]] = {}  # id of a cluster -> the distinct title words of its items
    for meeting in sorted(archive.meetings, key=lambda m: m.date):
        for item in meeting.items:
            if item.exempt or procedural(item.title) or not title_words(item.title):
                continue
            _place(groups[meeting.committee], titles, meeting.date, item)
    if similarity is not None:
        _join_papers(archive, groups, similarity)
    taken: set[str] = set()
    found: list[Series] = []
    for committee, clusters in sorted(groups.items()):
        for cluster in clusters:
            meetings = {date for date, _ in cluster}
            if len(meetings) < 2:
                continue
            title = _common_title([item for _, item in cluster])
            series = Series(id=f"{committee}/{unique(slugify(title), taken)}", committee=committee, title=title,
                            items=[item.id for _, item in sorted(cluster, key=lambda pair: (pair[0], pair[1].id))])
            found.append(series)
    return found


def _place(clusters: list[list[tuple[str, Item]]], titles: dict[int, set[frozenset[str]]], date: str, item: Item) -> None:
    """Into the first cluster with a title like the item's and no item of its meeting's date, else a
    new one. Each cluster's titles are compared once each: a series repeats one title many times."""
    words = title_words(item.title)
    for cluster in clusters:
        if any(overlap(words, other) >= SAME_TITLE for other in titles[id(cluster)]) and date not in {d for d, _ in cluster}:
            cluster.append((date, item))
            titles[id(cluster)].add(words)
            return
    clusters.append([(date, item)])
    titles[id(clusters[-1])] = {words}


def _join_papers(archive: Archive, groups: dict, similarity: Similarity) -> None:
    """A meeting known only from its reports has items made from them ('Report from the Head of
    Digital Services'): such an item joins the series its text is closest to, if close enough."""
    papers = {doc.id: doc for doc in archive.documents}
    for _committee, clusters in groups.items():
        lone = [c for c in clusters if len(c) == 1 and c[0][1].number is None and c[0][1].minute_number is None]
        series = [c for c in clusters if len(c) > 1 or c not in lone]
        for cluster in lone:
            date, item = cluster[0]
            text = " ".join(" ".join(papers[s].text_pages) for s in item.sources if s in papers) or item.text
            cluster_of = {member.id: c for c in series if date not in {d for d, _ in c} for _, member in c}
            closest = similarity.ranked(text, list(cluster_of))
            if closest and closest[0].score >= REPORT_JOINS_SERIES:
                cluster_of[closest[0].id].append((date, item))
                clusters.remove(cluster)


def _common_title(items: list[Item]) -> str:
    counts = Counter(item.title for item in items if item.number or item.minute_number)
    if not counts:
        counts = Counter(item.title for item in items)
    return max(counts, key=lambda title: (counts[title], -len(title), title))
