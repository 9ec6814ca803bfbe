"""Explicit references in an item's words: "minute 288", "(minute 127/18)", a decision number
("24/00096", "HDC/2025/004"), a resolution number ("R2024-017"), and another meeting by its date
("the meeting of the Scrutiny Committee held on 29 January 2025"). Each is a certain link
(refers-to), with the sentence that makes it. A date that is not a meeting's ("published on 5th
February 2025", "by 30 June 2025") is not a reference.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from archive_builder import forked
from archive_builder.assemble.meetings import name_key
from archive_builder.dates import find_dates, reading_order
from archive_builder.model import Archive, Item, Link, LinkKind, Meeting, MeetingStatus
from archive_builder.parse.report import DECISION_NUMBER

_MINUTE = re.compile(r"\bminutes?\s+(?:no\.?\s*|number\s+)?(?P<n>\d{1,4}(?:/\d{2,4})?)\b(?!\s*(?:minutes|mins)\b)", re.I)
_DECISION = re.compile(rf"(?<![\w/])(?P<n>{DECISION_NUMBER})(?![\w/])")
_OF_LAST_MEETING = re.compile(r"\s+of\s+the\s+(?:last|previous|preceding)\s+meeting\b", re.I)
_RESOLUTION_NUMBER = re.compile(r"\b(?P<n>[A-Z]{1,3}\d{4}[-/]\d{2,4})\b")
_BODY = r"[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|&|for|the))*?\s+(?:Committee|Sub-Committee|Panel|Board|Cabinet|Council|Forum|Commission|Partnership)"
_MEETING_BEFORE_DATE = re.compile(
    rf"(?:\bmeeting\s+of\s+(?:the\s+)?(?P<of>{_BODY})|(?P<named>{_BODY})(?:’s|'s)?(?:\s+meeting)?|\b(?P<plain>meeting))"
    r"(?:\s+(?:held|which took place|that took place))?\s+on\s+(?:the\s+)?$"
)
_ROLL = re.compile(r"^(?:apolog|declarations?\b|disclosures?\b|(?:consider\s+)?declarations)", re.I)
_GENERIC_BODY = re.compile(r"^(?:the\s+)?(?:full\s+)?(?:council|committee|cabinet|panel|board)$", re.I)


def mention_links(archive: Archive) -> list[Link]:
    """Every item's and decision's references, the meetings shared out over the cores (reading a
    meeting's words needs only the tables of what can be referred to)."""
    known = _Known(
        meetings={m.id: m for m in archive.meetings},
        minutes=_items_by_minute(archive),
        decisions=_holders_of_decisions(archive),
        labels={(m.committee, r.label): r.id for m in archive.meetings for i in m.items for r in i.resolutions
                if r.label and _RESOLUTION_NUMBER.fullmatch(r.label)},
        committees=_committee_names(archive),
        previous_of=_previous_meetings(archive),
        date_orders={d.id: d.date_order for d in archive.documents},
    )
    found = forked.map_shared(functools.partial(_mentions_of_meetings, known), archive.meetings)
    return [link for links in found for link in links]


@dataclass(frozen=True)
class _Known:
    """What can be referred to: meetings by id, items by minute number, holders of decision numbers,
    resolutions by label, committees by name, and each meeting's previous one."""
    meetings: dict[str, Meeting]
    minutes: dict[tuple[str, str], list[tuple[str, str]]]
    decisions: dict[str, list[str]]
    labels: dict[tuple[str, str], str]
    committees: dict[str, str]
    previous_of: dict[str, Meeting]
    date_orders: dict[str, str]  # document id -> how its numeric dates read


def _mentions_of_meetings(known: _Known, meetings: list[Meeting]) -> list[list[Link]]:
    return [_mentions_of_meeting(known, meeting) for meeting in meetings]


def _mentions_of_meeting(known: _Known, meeting: Meeting) -> list[Link]:
    links: list[Link] = []
    for item in meeting.items:
        if item.exempt or _ROLL.match(item.title):
            continue  # a declaration naming an item is the declaration's link, not the item's
        # the item's dates read as its document's other dates do ("02/01/2024": dates.py)
        with reading_order(known.date_orders.get(item.document or "", "day-first")):
            links += _mentions_of_item(known, meeting, item)
    return links


def _mentions_of_item(known: _Known, meeting: Meeting, item: Item) -> list[Link]:
    links: list[Link] = []
    labels = known.labels
    for origin, text in [(item.id, item.text), *((r.id, r.text) for r in item.resolutions)]:
        for sentence in _sentences(text):
            links += _minute_links(origin, sentence, meeting, known.minutes, item.id, known.previous_of.get(meeting.id))
            links += _decision_links(origin, sentence, known.decisions, item.id)
            links += [Link(origin, labels[(meeting.committee, m.group("n"))], LinkKind.REFERS_TO, _quote(sentence, m))
                      for m in _RESOLUTION_NUMBER.finditer(sentence)
                      if (meeting.committee, m.group("n")) in labels and not labels[(meeting.committee, m.group("n"))].startswith(item.id + "/")]
            links += _meeting_links(origin, sentence, meeting, known.meetings, known.committees)
    return links


QUOTE = 240  # characters of evidence: the sentence, or as much of it around the reference as fits


def _quote(sentence: str, where) -> str:
    """The sentence that makes a reference, cut around the reference's words where it is too long
    to show whole (a paragraph of parish minutes can be one long sentence)."""
    start, end = where.span() if hasattr(where, "span") else where
    if len(sentence) <= QUOTE:
        return sentence
    before = max(0, start - (QUOTE - (end - start)) // 2)
    after = min(len(sentence), before + max(QUOTE, end - start))
    before = max(0, min(before, after - QUOTE))
    cut = sentence[before:after]
    if before:
        cut = "…" + cut.split(" ", 1)[-1] if " " in cut[:30] else "…" + cut
    if after < len(sentence):
        cut = cut.rsplit(" ", 1)[0] + "…" if " " in cut[-30:] else cut + "…"
    return cut


def _sentences(text: str) -> list[str]:
    paragraphs = (text or "").split("\n\n")
    return [s.strip() for p in paragraphs for s in re.split(r"(?<=[.;:!?])\s+(?=[A-Z(“\"])", p) if s.strip()]


def _items_by_minute(archive: Archive) -> dict[tuple[str, str], list[tuple[str, str]]]:
    found: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for meeting in archive.meetings:
        for item in meeting.items:
            if item.minute_number:
                found[(meeting.committee, item.minute_number)].append((meeting.date, item.id))
    return found


def _minute_links(origin: str, sentence: str, meeting: Meeting, minutes: dict, own_item: str, previous: Meeting | None) -> list[Link]:
    links = []
    for match in _MINUTE.finditer(sentence):
        number = match.group("n")
        if previous is not None and _OF_LAST_MEETING.match(sentence[match.end() :]):
            # "minute 4 of the last meeting": a body that numbers each meeting's minutes from 1
            target = next((i.id for i in previous.items if number in (i.number, i.minute_number)), None)
            if target:
                links.append(Link(origin, target, LinkKind.REFERS_TO, _quote(sentence, match)))
            continue
        candidates = [(date, item) for date, item in minutes.get((meeting.committee, number), []) if item != own_item and date <= meeting.date]
        if candidates:
            links.append(Link(origin, max(candidates)[1], LinkKind.REFERS_TO, _quote(sentence, match)))
    return links


def _previous_meetings(archive: Archive) -> dict[str, Meeting]:
    """Each meeting's previous meeting of the same committee that has documents."""
    previous: dict[str, Meeting] = {}
    last: dict[str, Meeting] = {}
    for meeting in sorted(archive.meetings, key=lambda m: m.date):
        if meeting.committee in last:
            previous[meeting.id] = last[meeting.committee]
        if meeting.status != MeetingStatus.REFERENCED:
            last[meeting.committee] = meeting
    return previous


def _holders_of_decisions(archive: Archive) -> dict[str, list[str]]:
    """Every item and paper that carries a decision number, by number."""
    found: dict[str, list[str]] = defaultdict(list)
    for meeting in archive.meetings:
        for item in meeting.items:
            for number in {item.decision_number, *(_DECISION.findall(item.title) or [])} - {None}:
                found[number].append(item.id)
    for document in archive.documents:
        if document.report and document.report.decision_number:
            found[document.report.decision_number].append(document.id)
    return found


def _decision_links(origin: str, sentence: str, decisions: dict, own_item: str) -> list[Link]:
    links = []
    for match in _DECISION.finditer(sentence):
        for target in decisions.get(match.group("n"), []):
            if target != own_item and not target.startswith(own_item + "/"):
                links.append(Link(origin, target, LinkKind.REFERS_TO, _quote(sentence, match)))
    return links


def _committee_names(archive: Archive) -> dict[str, str]:
    names = {}
    for committee in archive.committees:
        for name in [committee.name, *committee.aliases]:
            names[name_key(name)] = committee.id
    return names


def _meeting_links(origin: str, sentence: str, meeting: Meeting, meetings: dict, committees: dict) -> list[Link]:
    links = []
    for date in find_dates(sentence):
        context = _MEETING_BEFORE_DATE.search(sentence[max(0, date.start - 120) : date.start])
        if not context or date.iso == meeting.date:
            continue
        body = context.group("of") or context.group("named")
        if body and _GENERIC_BODY.match(body):
            continue
        committee = committees.get(name_key(body)) if body else meeting.committee
        target = meetings.get(f"{committee}/{date.iso}") if committee else None
        if target is not None:
            start = max(0, date.start - 120) + context.start()
            links.append(Link(origin, target.id, LinkKind.REFERS_TO, _quote(sentence, (start, date.end))))
    return links
