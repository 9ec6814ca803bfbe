"""The archive written out as the open-data export (../shared/schema/archive-export.schema.json).

One mapping, EXPORTED, says which fields of each kind of the model's objects the export carries,
in the order it carries them; everything is written from it. A field of the model that is not in
the mapping is not exported (Item.public_record, Attendee.date_from: how the builder reads, not a fact).

What is withheld never reaches the export: exempt items keep only their number and title, and
documents that are not published keep their listing but not their text. An exempt document keeps
its id, kind, title, file name, sha256 (the schema requires it; it says nothing of the text),
meeting and why it is withheld; its contents were taken out before assembly (withheld.py).
"""

from __future__ import annotations

import dataclasses
import json

from archive_builder.assemble.coverage import coverage_of
from archive_builder.model import (
    Action,
    Archive,
    Attendee,
    Committee,
    Declaration,
    Document,
    Item,
    Link,
    Meeting,
    Member,
    Person,
    ReportFacts,
    Resolution,
    Series,
    Votes,
)

SCHEMA_VERSION = "1"

# Each kind of object -> its exported fields, in order. A field written `name:key` is exported as `key`
# (Python cannot name a field "from" or "for").
EXPORTED: dict[type, tuple[str, ...]] = {
    Committee: ("id", "name", "aliases", "url"),
    Meeting: ("id", "committee", "date", "start_time", "venue", "status", "title", "url", "documents", "attendance",
              "declarations", "membership", "items"),
    Attendee: ("person", "name", "role", "status", "organisation", "title", "note"),
    Member: ("person", "name", "role", "organisation"),
    Declaration: ("person", "name", "item", "text", "page", "document"),
    Item: ("id", "number", "minute_number", "title", "exempt", "url", "text", "decision_number", "pages", "page",
           "document", "sources", "series", "resolutions"),
    Resolution: ("id", "label", "text", "outcome", "votes", "mover", "seconder", "url", "page", "document", "actions"),
    Votes: ("for_:for", "against", "abstain", "names"),
    Action: ("text", "owner", "due", "status"),
    Document: ("id", "kind", "title", "source", "sha256", "meeting", "parts", "part_of", "pages", "first_page", "format",
               "url", "download", "published", "exempt", "withheld", "ocr_pages", "warnings", "committee_name", "date",
               "report"),
    ReportFacts: ("title", "author", "contact_officer", "wards", "key_decision", "classification", "exempt",
                  "decision_number", "recommendations", "appendices", "appendix_count", "background_papers",
                  "signed_off_by", "meeting_body", "meeting_date"),
    Person: ("id", "name", "aliases", "organisation", "url"),
    Series: ("id", "committee", "title", "items", "url"),
    Link: ("from_:from", "to", "kind", "evidence", "score"),
}
# Of these kinds, a field whose value is empty (None, {}) is left out rather than written as null:
# the schema's votes have only the counts the minutes give.
LEFT_OUT_WHEN_EMPTY = {Votes}


def export_json(archive: Archive) -> str:
    """The whole archive as one JSON document, keys and lists in a fixed order. Not indented: Python
    writes indented JSON with its slow encoder (seconds for a large archive), and tools read it anyway."""
    return json.dumps(export_data(archive), ensure_ascii=False, sort_keys=False) + "\n"


def export_data(archive: Archive) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "site_name": archive.site_name,
        "committees": exported(archive.committees),
        "meetings": exported([_withheld(m) for m in archive.meetings]),
        "documents": exported(archive.documents),
        "people": exported(archive.people),
        "links": exported(archive.public_links()),
        "series": exported(archive.series),
        "coverage": coverage_of(archive).data(),
    }


def exported(value):
    """`value` as the export writes it: an object of the model by EXPORTED, a list item by item."""
    if isinstance(value, list):
        return [exported(one) for one in value]
    fields = EXPORTED.get(type(value))
    if fields is None:
        return value
    found = {}
    for field in fields:
        name, _, key = field.partition(":")
        found[key or name] = exported(getattr(value, name))
    if type(value) in LEFT_OUT_WHEN_EMPTY:
        found = {key: one for key, one in found.items() if one not in (None, {})}
    return found


def _withheld(meeting: Meeting) -> Meeting:
    """The meeting with nothing of its exempt items but their number and title (and where they are)."""
    if not any(item.exempt for item in meeting.items):
        return meeting
    return dataclasses.replace(meeting, items=[dataclasses.replace(item, text="", resolutions=[]) if item.exempt else item
                                               for item in meeting.items])
