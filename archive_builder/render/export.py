"""The archive written out as the open-data export (../shared/schema/archive-export.schema.json).

What is withheld never reaches the export: exempt items keep only their number and title, and
documents that are not published keep their listing but not their text. An exempt document keeps
its id, kind, title, file name, sha256 (the schema requires it; it says nothing of the text),
meeting and why it is withheld; its contents were taken out before assembly (withheld.py).
"""

from __future__ import annotations

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


def export_json(archive: Archive) -> str:
    """The whole archive as one JSON document, keys and lists in a fixed order. Not indented: Python
    writes indented JSON with its slow encoder (seconds for a large archive), and tools read it anyway."""
    return json.dumps(export_data(archive), ensure_ascii=False, sort_keys=False) + "\n"


def export_data(archive: Archive) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "site_name": archive.site_name,
        "committees": [_committee(c) for c in archive.committees],
        "meetings": [_meeting(m) for m in archive.meetings],
        "documents": [_document(d) for d in archive.documents],
        "people": [_person(p) for p in archive.people],
        "links": [_link(link) for link in archive.public_links()],
        "series": [_series(s) for s in archive.series],
        "coverage": coverage_of(archive).data(),
    }


def _committee(committee: Committee) -> dict:
    return {"id": committee.id, "name": committee.name, "aliases": committee.aliases, "url": committee.url}


def _meeting(meeting: Meeting) -> dict:
    return {
        "id": meeting.id,
        "committee": meeting.committee,
        "date": meeting.date,
        "start_time": meeting.start_time,
        "venue": meeting.venue,
        "status": meeting.status,
        "title": meeting.title,
        "url": meeting.url,
        "documents": meeting.documents,
        "attendance": [_attendee(a) for a in meeting.attendance],
        "declarations": [_declaration(d) for d in meeting.declarations],
        "membership": [_member(m) for m in meeting.membership],
        "items": [_item(i) for i in meeting.items],
    }


def _attendee(attendee: Attendee) -> dict:
    return {
        "person": attendee.person,
        "name": attendee.name,
        "role": attendee.role,
        "status": attendee.status,
        "organisation": attendee.organisation,
        "title": attendee.title,
        "note": attendee.note,
    }


def _member(member: Member) -> dict:
    return {"person": member.person, "name": member.name, "role": member.role, "organisation": member.organisation}


def _declaration(declaration: Declaration) -> dict:
    return {
        "person": declaration.person,
        "name": declaration.name,
        "item": declaration.item,
        "text": declaration.text,
        "page": declaration.page,
        "document": declaration.document,
    }


def _item(item: Item) -> dict:
    withheld = item.exempt
    return {
        "id": item.id,
        "number": item.number,
        "minute_number": item.minute_number,
        "title": item.title,
        "exempt": item.exempt,
        "url": item.url,
        "text": "" if withheld else item.text,
        "decision_number": item.decision_number,
        "pages": item.pages,
        "page": item.page,
        "document": item.document,
        "sources": item.sources,
        "series": item.series,
        "resolutions": [] if withheld else [_resolution(r) for r in item.resolutions],
    }


def _resolution(resolution: Resolution) -> dict:
    return {
        "id": resolution.id,
        "label": resolution.label,
        "text": resolution.text,
        "outcome": resolution.outcome,
        "votes": _votes(resolution.votes),
        "mover": resolution.mover,
        "seconder": resolution.seconder,
        "url": resolution.url,
        "page": resolution.page,
        "document": resolution.document,
        "actions": [_action(a) for a in resolution.actions],
    }


def _votes(votes: Votes | None) -> dict | None:
    if votes is None:
        return None
    counted = {"for": votes.for_, "against": votes.against, "abstain": votes.abstain}
    data: dict = {key: value for key, value in counted.items() if value is not None}
    if votes.names:
        data["names"] = votes.names
    return data


def _action(action: Action) -> dict:
    return {"text": action.text, "owner": action.owner, "due": action.due, "status": action.status}


def _document(document: Document) -> dict:
    return {
        "id": document.id,
        "kind": document.kind,
        "title": document.title,
        "source": document.source,
        "sha256": document.sha256,
        "meeting": document.meeting,
        "parts": document.parts,
        "part_of": document.part_of,
        "pages": document.pages,
        "first_page": document.first_page,
        "format": document.format,
        "url": document.url,
        "download": document.download,
        "published": document.published,
        "exempt": document.exempt,
        "withheld": document.withheld,
        "ocr_pages": document.ocr_pages,
        "warnings": document.warnings,
        "committee_name": document.committee_name,
        "date": document.date,
        "report": _report(document.report) if document.report else None,
    }


def _report(report: ReportFacts) -> dict:
    return {
        "title": report.title,
        "author": report.author,
        "contact_officer": report.contact_officer,
        "wards": report.wards,
        "key_decision": report.key_decision,
        "classification": report.classification,
        "exempt": report.exempt,
        "decision_number": report.decision_number,
        "recommendations": report.recommendations,
        "appendices": report.appendices,
        "appendix_count": report.appendix_count,
        "background_papers": report.background_papers,
        "signed_off_by": report.signed_off_by,
        "meeting_body": report.meeting_body,
        "meeting_date": report.meeting_date,
    }


def _person(person: Person) -> dict:
    return {
        "id": person.id,
        "name": person.name,
        "aliases": person.aliases,
        "organisation": person.organisation,
        "url": person.url,
    }


def _series(series: Series) -> dict:
    return {"id": series.id, "committee": series.committee, "title": series.title, "items": series.items, "url": series.url}


def _link(link: Link) -> dict:
    return {"from": link.from_, "to": link.to, "kind": link.kind, "evidence": link.evidence, "score": link.score}
