"""Atom feeds (RFC 4287) of new meetings and new decisions, for the whole archive and for each committee.

- Newest first: meetings by date; decisions by their meeting's date, and within a meeting in the
  order the minutes give them.
- `updated` is the meeting's date (midnight UTC): documents carry no time of publication, and the
  clock would make every build differ. A feed's own `updated` is its newest entry's.
- Capped, because readers poll a feed and only need what is new since they last looked; the whole
  history is in the decision register and its CSV. 50 meetings are months of a council's busy
  committees together, years of one committee. Decisions come by whole meetings (a reader never
  gets half a meeting's resolutions), as many as fit in 100 entries, and always the latest one.
- Only what the site shows: meetings known only from a mention ('referenced') have no papers to
  announce and are left out; exempt items are never named, and their resolutions never appear.
- Ids never change between builds: see subscriptions.py.
- Written by feedgen, which escapes the text and writes the XML. feedgen 1.0 leaves out an entry
  link's rel and type; Atom reads a link without rel as "alternate", which it is.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from feedgen.feed import FeedGenerator

from archive_builder import addresses
from archive_builder.model import Item, Meeting, MeetingStatus, Resolution
from archive_builder.render import words
from archive_builder.render.lookup import Decision, Lookup
from archive_builder.render.subscriptions import absolute, address_from, stable_uuid, tag_uri

MEETINGS_CAP = 50
DECISIONS_CAP = 100
GENERATOR = "Committee archive"
EPOCH = "1970-01-01"  # `updated` of a feed with nothing in it, where the archive has no meeting either


def feeds(lookup: Lookup) -> list[tuple[str, str]]:
    """Every feed: the whole archive's, then each committee's (path -> text)."""
    found = [meetings_feed(lookup), decisions_feed(lookup)]
    for committee_id in sorted(lookup.committees):
        found += [meetings_feed(lookup, committee_id), decisions_feed(lookup, committee_id)]
    return found


def feed_meetings(lookup: Lookup, committee_id: str | None = None) -> list[Meeting]:
    """The meetings a meetings feed holds, newest first."""
    shown = [m for m in lookup.meetings.values()  # newest first
             if committee_id in (None, m.committee) and m.status != MeetingStatus.REFERENCED and words.is_date(m.date)]
    return shown[:MEETINGS_CAP]


def feed_decisions(lookup: Lookup, committee_id: str | None = None) -> list[Decision]:
    """The resolutions a decisions feed holds: those of the latest meetings, newest meeting first."""
    found: list[Decision] = []
    for meeting in lookup.meetings.values():  # newest first
        if committee_id not in (None, meeting.committee) or not words.is_date(meeting.date):
            continue
        decisions = [lookup.resolutions[r.id] for item in meeting.items for r in item.resolutions
                     if r.id in lookup.resolutions]  # none of an exempt item
        if found and len(found) + len(decisions) > DECISIONS_CAP:
            break
        found += decisions
    return found


# --- The two feeds -----------------------------------------------------------------------------


def meetings_feed(lookup: Lookup, committee_id: str | None = None) -> tuple[str, str]:
    path = addresses.feed_url("meetings", committee_id)
    meetings = feed_meetings(lookup, committee_id)
    entries = [_meeting_entry(lookup, path, m) for m in meetings]
    subtitle = (f"The latest {MEETINGS_CAP} meetings (or fewer) of {_whose(lookup, committee_id)}, newest first, "
                "with their status, time, venue and items.")
    return path, _feed(lookup, path, "meetings", committee_id, subtitle, [m.date for m in meetings], entries)


def decisions_feed(lookup: Lookup, committee_id: str | None = None) -> tuple[str, str]:
    path = addresses.feed_url("decisions", committee_id)
    decisions = feed_decisions(lookup, committee_id)
    entries = [_decision_entry(lookup, path, *found) for found in decisions]
    subtitle = (f"The resolutions of the latest meetings of {_whose(lookup, committee_id)} (up to "
                f"{DECISIONS_CAP}, whole meetings), newest meeting first, with outcome, votes and actions.")
    return path, _feed(lookup, path, "decisions", committee_id, subtitle, [m.date for m, _, _ in decisions], entries)


def _whose(lookup: Lookup, committee_id: str | None) -> str:
    return lookup.committee_name(committee_id) if committee_id else "every committee"


def _feed(lookup: Lookup, path: str, kind: str, committee_id: str | None, subtitle: str, dates: list[str],
          entries: list[Callable[[FeedGenerator], None]]) -> str:
    name = lookup.committee_name(committee_id) if committee_id else lookup.archive.site_name
    home = addresses.committee_url(committee_id) if committee_id else ""
    feed = FeedGenerator()
    feed.id(absolute(lookup, path) or "urn:uuid:" + stable_uuid(lookup, "feed", path))
    feed.title(_one_line(f"{name}: new {kind}"))
    feed.subtitle(_clean(subtitle))
    feed.language("en-GB")
    feed.updated(_timestamp(max(dates, default=None) or _newest_date(lookup, committee_id)))
    feed.link(href=_one_line(address_from(lookup, path, home)), rel="alternate", type="text/html")
    feed.link(href=_one_line(address_from(lookup, path, path)), rel="self", type="application/atom+xml")
    feed.author(name=_clean(lookup.archive.site_name))
    feed.generator(GENERATOR)  # without feedgen's version, which would change the bytes on an upgrade
    for entry in entries:
        entry(feed)
    return feed.atom_str(pretty=True, encoding="utf-8").decode("utf-8")


def _newest_date(lookup: Lookup, committee_id: str | None) -> str:
    """`updated` of a feed with no entries: its committee's latest meeting, else the archive's (never the clock)."""
    dated = [m.date for m in lookup.meetings.values() if words.is_date(m.date)]  # newest first
    own = [m.date for m in lookup.meetings_by_committee.get(committee_id or "", []) if words.is_date(m.date)]
    return (own or dated or [EPOCH])[0]


# --- Entries -----------------------------------------------------------------------------------


def _meeting_entry(lookup: Lookup, path: str, meeting: Meeting) -> Callable[[FeedGenerator], None]:
    title = lookup.meeting_label(meeting)
    if meeting.title:
        title += f": {meeting.title}"
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.SCHEDULED):
        title += f" ({meeting.status})"
    return _entry(lookup, path, tag_uri(lookup, "meeting", meeting.id, meeting.date), title, meeting,
                  meeting.url, meeting_summary(meeting))


def meeting_summary(meeting: Meeting) -> str:
    """The meeting in a few lines: when, where, its status, and its items (none taken in private)."""
    when = ", ".join(part for part in (words.long_date(meeting.date), meeting.start_time, meeting.venue) if part)
    lines = [f"{when}. {words.meeting_status(meeting.status)}."]
    items = [item for item in meeting.items if not item.exempt]
    if items:
        lines += ["", "Items:", *(_item_line(item) for item in items)]
    return "\n".join(lines)


def _item_line(item: Item) -> str:
    name = " ".join((f"{item.number}. {item.title}" if item.number else item.title).split())
    if item.resolutions:
        name += f" ({words.count(len(item.resolutions), 'resolution')})"
    return name


def _decision_entry(lookup: Lookup, path: str, meeting: Meeting, item: Item,
                    resolution: Resolution) -> Callable[[FeedGenerator], None]:
    return _entry(lookup, path, tag_uri(lookup, "decision", resolution.id, meeting.date),
                  lookup.describe(resolution.id), meeting, resolution.url, decision_summary(resolution))


def decision_summary(resolution: Resolution) -> str:
    """The resolution's words, then its outcome and votes, who moved and seconded it, and its actions."""
    outcome = words.outcome(resolution.outcome)
    counted = words.votes(resolution.votes)
    facts = [f"Outcome: {outcome}" + (f" ({counted})" if counted else "") + "."]
    if resolution.mover or resolution.seconder:
        moved = [f"{verb} by {name}" for verb, name in (("moved", resolution.mover),
                                                         ("seconded", resolution.seconder)) if name]
        said = ", ".join(moved)
        facts.append(said[:1].upper() + said[1:] + ".")
    lines = [resolution.text.strip() or "No wording recorded.", "", " ".join(facts)]
    if resolution.actions:
        lines += ["", "Actions:"]
        for action in resolution.actions:
            details = [words.action_status(action.status)]
            if action.due:
                details.append(words.due_words(action.due))
            lines.append(f"- {action.text} ({'; '.join(details)})")
    return "\n".join(lines)


def _entry(lookup: Lookup, path: str, entry_id: str, title: str, meeting: Meeting, url: str,
           summary: str) -> Callable[[FeedGenerator], None]:
    """The entry, to be added to its feed, after the ones before it (newest first)."""

    def add_to(feed: FeedGenerator) -> None:
        entry = feed.add_entry(order="append")
        entry.id(entry_id)
        entry.title(_one_line(title))
        entry.updated(_timestamp(meeting.date))
        entry.link(href=_one_line(address_from(lookup, path, url)), rel="alternate", type="text/html")
        entry.category(term=_one_line(meeting.committee), label=_one_line(lookup.committee_name(meeting.committee)))
        entry.summary(_clean(summary), type="text")

    return add_to


# --- XML ---------------------------------------------------------------------------------------

# What XML 1.0 cannot hold at all (control characters a PDF's text may carry): dropped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _NOT_XML.sub("", text)


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _timestamp(date: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(date).replace(tzinfo=datetime.UTC)
