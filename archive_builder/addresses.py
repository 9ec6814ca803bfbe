"""Every page's and anchor's address, derived from ids alone, so they are the same after every rebuild.

    /committees/<committee>/            /meetings/<committee>/<yyyy-mm-dd>/#item-6-r2a
    /people/<person>/                   /decisions/<yyyy>/
    /documents/<document-id>/

Addresses are relative to the site root and end in '/' (a page) or carry '#anchor' (part of a page).
Item ids are '<meeting id>/<item key>' and resolution ids '<item id>/<resolution key>', so an anchor is
'item-<item key>' or 'item-<item key>-<resolution key>'.
"""

from __future__ import annotations

from dataclasses import replace

from archive_builder.model import Archive, Item, Meeting, Resolution, with_values
from archive_builder.slugs import slugify


def committee_url(committee_id: str) -> str:
    return f"committees/{committee_id}/"


def meeting_url(meeting_id: str) -> str:
    return f"meetings/{meeting_id}/"


def person_url(person_id: str) -> str:
    return f"people/{person_id}/"


def document_url(document_id: str) -> str:
    return f"documents/{document_id}/"


def series_url(series_id: str) -> str:
    """A series is shown on its committee's page: '/committees/<committee>/#series-<slug>'."""
    committee, slug = series_id.split("/", 1)
    return f"{committee_url(committee)}#series-{slug}"


def decisions_url(year: str) -> str:
    return f"decisions/{year}/"


def item_anchor(item_id: str) -> str:
    return "item-" + item_id.rsplit("/", 1)[1]


def resolution_anchor(resolution_id: str) -> str:
    item_id, key = resolution_id.rsplit("/", 1)
    return f"{item_anchor(item_id)}-{key}"


def meeting_of(item_or_resolution_id: str) -> str:
    """The meeting id an item or resolution id belongs to: '<committee>/<date>'."""
    committee, date = item_or_resolution_id.split("/")[:2]
    return f"{committee}/{date}"


def url_of(any_id: str) -> str:
    """The address of a link end: a document, meeting, item or resolution id, told apart by their
    number of '/'-separated parts (1, 2, 3 and 4)."""
    parts = any_id.split("/")
    if len(parts) == 2:
        return meeting_url(any_id)
    if len(parts) == 3:
        return meeting_url(meeting_of(any_id)) + "#" + item_anchor(any_id)
    if len(parts) == 4:
        return meeting_url(meeting_of(any_id)) + "#" + resolution_anchor(any_id)
    return document_url(any_id)


def with_urls(archive: Archive) -> Archive:
    """The archive with the `url` of everything in it filled in from its id (what has it already is kept)."""
    return replace(
        archive,
        committees=[with_values(c, url=committee_url(c.id)) for c in archive.committees],
        people=[with_values(p, url=person_url(p.id)) for p in archive.people],
        documents=[with_values(d, url=document_url(d.id)) for d in archive.documents],
        meetings=[_meeting_with_urls(m) for m in archive.meetings],
        series=[with_values(s, url=series_url(s.id)) for s in archive.series],
    )


def _meeting_with_urls(meeting: Meeting) -> Meeting:
    url = meeting_url(meeting.id)
    return with_values(meeting, url=url, items=[
        with_values(item, url=f"{url}#{item_anchor(item.id)}", resolutions=[
            with_values(r, url=f"{url}#{resolution_anchor(r.id)}") for r in item.resolutions])
        for item in meeting.items])


def item_key(item: Item, ordinal: int) -> str:
    """The last part of an item's id: its agenda number, else its minute number, else its position."""

    for number in (item.number, item.minute_number):
        if number:
            return slugify(number)
    return str(ordinal)


def resolution_key(resolution: Resolution, ordinal: int) -> str:
    """'r2a' for a resolution labelled '(2)(a)'; 'r1', 'r2'... for unlabelled ones, in order."""

    if resolution.label:
        return "r" + slugify(resolution.label).replace("-", "")
    return f"r{ordinal}"


# --- Feeds, calendars and spreadsheets: files to subscribe to or download, not pages ---------------
#
#   /feeds/meetings.xml  /feeds/decisions.xml  /calendar/meetings.ics     the whole archive
#   /committees/<committee>/meetings.xml  .../decisions.xml  .../meetings.ics   one committee
#   /data/decisions.csv  /data/attendance.csv                              spreadsheets

DECISIONS_CSV = "data/decisions.csv"
ATTENDANCE_CSV = "data/attendance.csv"


def feed_url(kind: str, committee_id: str | None = None) -> str:
    """The Atom feed of `kind` ('meetings' or 'decisions'), of one committee or of the whole archive."""
    return f"{committee_url(committee_id)}{kind}.xml" if committee_id else f"feeds/{kind}.xml"


def calendar_url(committee_id: str | None = None) -> str:
    """The iCalendar file of the meetings of one committee, or of the whole archive."""
    return f"{committee_url(committee_id)}meetings.ics" if committee_id else "calendar/meetings.ics"
