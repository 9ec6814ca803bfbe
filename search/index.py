"""The archive's Whoosh index: one entry per meeting, item, resolution and document, kept up to date in
place. Each entry is identified by its archive id and carries a digest of what was indexed, so a
rebuild writes only the entries that changed and deletes the ones whose source is gone; one new
meeting never means re-indexing the archive.

Nothing taken in private is indexed: an exempt item is entered by its title only, its decisions not
at all, a withheld document by the text that was published of it (private items replaced), and an
exempt document by its title only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import TOC

from archive_builder.model import Archive, Document, DocumentKind, Item, Meeting, Resolution
from archive_builder.slugs import slugify

from .schema import archive_schema

INDEX_NAME = "archive"


@dataclass
class IndexUpdate:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0


def open_index(index_dir: Path):
    """The index in `index_dir`; created empty where there is none, or where it was written with
    other fields by an earlier version of the builder (then every entry is written anew)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    if whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME):
        existing = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
        if _same_fields(existing.schema, archive_schema()):
            return existing
        existing.close()
    return whoosh_index.create_in(str(index_dir), archive_schema(), indexname=INDEX_NAME)


def read_index(index_dir: Path):
    """The index in `index_dir`, to read only: never created nor made anew (an index of an earlier
    version of the builder is refused, with what to do, instead of being emptied)."""
    if not whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME):
        raise IndexMissing(f"no search index in {index_dir}: run `archive build` first")
    existing = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME, readonly=True)
    if not _same_fields(existing.schema, archive_schema()):
        existing.close()
        raise IndexMissing(f"the search index in {index_dir} was made by an earlier version of the builder: "
                           "run `archive build` to make it anew")
    return existing


class IndexMissing(Exception):
    """There is no index to search, or one that this version cannot read."""


def _same_fields(one, other) -> bool:
    """The same fields, of the same types, holding the same (frequencies, positions...)."""
    def described(schema) -> dict:
        return {name: (type(schema[name]).__name__, type(getattr(schema[name], "format", None)).__name__) for name in schema.names()}
    return described(one) == described(other)


# A new index of at least this many entries is written by two processes at once (into a segment
# each): at 1,000 meetings (21,000 entries), 60 s where one writer took 111 s on two cores. Fewer
# entries are not worth starting processes for; an index that has entries is always updated by one
# writer, since only it can replace and delete what is there.
PARALLEL_FROM = 4000


def update_index(archive: Archive, index_dir: Path) -> IndexUpdate:
    index = open_index(index_dir)
    recorded = _recorded_digests(index, index_dir)
    known = recorded if recorded is not None else _indexed_digests(index)
    result = IndexUpdate()
    changed, wanted = [], {}
    for entry in entries(archive):
        wanted[entry["id"]] = entry["digest"]
        if known.get(entry["id"]) == entry["digest"]:
            result.unchanged += 1
            continue
        if entry["id"] in known:
            result.updated += 1
        else:
            result.added += 1
        changed.append(entry)
    gone = sorted(set(known) - set(wanted))
    result.removed = len(gone)
    if changed or gone:
        (index_dir / DIGESTS_FILE).unlink(missing_ok=True)  # until the index is written, it would be wrong
        _write(index, changed, gone, fresh=not known)
        _record_digests(index, index_dir, wanted)
    elif recorded is None:
        _record_digests(index, index_dir, wanted)  # the index as read: recorded for the next update
    return result


# Each entry's digest, as of the index's generation it names, in the index's folder: an update reads it
# instead of every stored entry of the index (at 1,000 meetings, 21,000 of them, a second a build).
DIGESTS_FILE = "digests.json"


def _recorded_digests(index, index_dir: Path) -> dict[str, str] | None:
    """The digests recorded for the index as it is now, or None (none recorded, or for another)."""
    try:
        recorded = json.loads((index_dir / DIGESTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    mark = _generation_mark(index, index_dir)
    if mark is None or not isinstance(recorded, dict) or recorded.get("index") != mark:
        return None
    digests = recorded.get("digests")
    return digests if isinstance(digests, dict) else None


def _record_digests(index, index_dir: Path, digests: dict[str, str]) -> None:
    mark = _generation_mark(index, index_dir)
    if mark is None:
        return
    record = {"index": mark, "digests": digests}
    temporary = index_dir / f".{DIGESTS_FILE}.tmp"
    temporary.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    os.replace(temporary, index_dir / DIGESTS_FILE)


def _generation_mark(index, index_dir: Path) -> list | None:
    """What tells this generation of the index from any other, even of an index made anew in the same
    folder: its number and the stat of its table of contents."""
    generation = index.latest_generation()
    try:
        toc = os.stat(index_dir / TOC._filename(INDEX_NAME, generation))
    except OSError:
        return None
    return [generation, toc.st_ino, toc.st_size, toc.st_mtime_ns, toc.st_ctime_ns]


def _write(index, changed: list[dict], gone: list[str], fresh: bool) -> None:
    processes = min(2, os.cpu_count() or 1) if fresh and len(changed) >= PARALLEL_FROM else 1
    if processes > 1:
        writer = index.writer(procs=processes, limitmb=128, multisegment=True)
    else:
        writer = index.writer(limitmb=256)
    try:
        for entry in changed:
            if fresh:
                writer.add_document(**entry)
            else:
                writer.update_document(**entry)
        for id_ in gone:
            writer.delete_by_term("id", id_)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def _indexed_digests(index) -> dict[str, str]:
    with index.searcher() as searcher:
        return {fields["id"]: fields.get("digest", "") for fields in searcher.all_stored_fields()}


def entries(archive: Archive, digests: bool = True) -> Iterator[dict]:
    """Every entry the index holds of the archive; each with the digest of its fields where `digests`
    (what tells an update which entries changed; linking, which reads only their words, goes without)."""
    entry = _entry if digests else _fields
    names = {c.id: c.name for c in archive.committees}
    known_as = {c.id: ",".join(sorted({slugify(n) for n in [c.name, c.id, *c.aliases]})) for c in archive.committees}
    for meeting in archive.meetings:
        committee = names.get(meeting.committee, meeting.committee)
        also = {"committee_names": known_as.get(meeting.committee, meeting.committee)}
        yield entry(_meeting_fields(meeting, committee) | also)
        for item in meeting.items:
            yield entry(_item_fields(meeting, item, committee) | also)
            if item.exempt:
                continue
            for resolution in item.resolutions:
                yield entry(_resolution_fields(meeting, item, resolution, committee) | also)
    for document in archive.documents:
        if document.kind != DocumentKind.AGENDA_PACK:  # a pack's text is its parts'
            committee = document.meeting.split("/")[0] if document.meeting else None
            yield entry(_document_fields(document, names) | ({"committee_names": known_as[committee]} if committee in known_as else {}))


def _entry(fields: dict) -> dict:
    fields = _fields(fields)
    digest_source = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False)
    fields["digest"] = hashlib.sha256(digest_source.encode("utf-8")).hexdigest()[:24]
    return fields


def _fields(fields: dict) -> dict:
    # A kind or status of the model's vocabulary (a StrEnum) is stored as its plain value.
    return {key: str(value) if isinstance(value, StrEnum) else value for key, value in fields.items()
            if value not in (None, "", [])}


def _when(iso: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(iso) if iso else None


def _meeting_fields(meeting: Meeting, committee: str) -> dict:
    people = [a.name for a in meeting.attendance]
    return {
        "id": meeting.id,
        "kind": "meeting",
        "committee": meeting.committee,
        "meeting": meeting.id,
        "date": _when(meeting.date),
        "year": int(meeting.date[:4]),
        "title": f"{committee} {meeting.date} {meeting.title or ''}".strip(),
        "text": " ".join(filter(None, [meeting.venue, *(i.title for i in meeting.items)])),
        "people": ", ".join(people),
        "person_ids": ",".join(sorted({a.person for a in meeting.attendance if a.person})),
        "status": meeting.status,
        "url": meeting.url,
        "context": f"{committee}, {meeting.date}",
    }


def _item_fields(meeting: Meeting, item: Item, committee: str) -> dict:
    decisions = [] if item.exempt else item.resolutions
    text = "" if item.exempt else " ".join([item.text, *(r.text for r in decisions)])
    people = [name for r in decisions for name in (r.mover, r.seconder) if name]
    people += [d.name for d in meeting.declarations if d.item == item.id]
    statuses = sorted({a.status for r in decisions for a in r.actions})
    return {
        "id": item.id,
        "kind": "item",
        "committee": meeting.committee,
        "meeting": meeting.id,
        "date": _when(meeting.date),
        "year": int(meeting.date[:4]),
        "title": item.title,
        "text": text,
        "exact": f"{item.title} {text}",
        "pairs": f"{item.title} {text}",
        "refs": ",".join(_item_refs(item)),
        "people": ", ".join(people),
        "person_ids": ",".join(sorted({d.person for d in meeting.declarations if d.item == item.id and d.person})),
        "status": ",".join(["exempt"] if item.exempt else statuses),
        "url": item.url,
        "context": _context(committee, meeting, item),
    }


def _resolution_fields(meeting: Meeting, item: Item, resolution: Resolution, committee: str) -> dict:
    statuses = [resolution.outcome, *(a.status for a in resolution.actions)]
    return {
        "id": resolution.id,
        "kind": "resolution",
        "committee": meeting.committee,
        "meeting": meeting.id,
        "date": _when(meeting.date),
        "year": int(meeting.date[:4]),
        "title": item.title,
        "text": resolution.text,
        "exact": f"{item.title} {resolution.text}",
        "pairs": f"{item.title} {resolution.text}",
        "refs": ",".join([*(_item_refs(item)), *([resolution.label.strip("()")] if resolution.label else [])]),
        "people": ", ".join(name for name in (resolution.mover, resolution.seconder) if name),
        "status": ",".join(sorted(set(statuses))),
        "url": resolution.url,
        "context": _context(committee, meeting, item) + (f", resolution {resolution.label}" if resolution.label else ""),
    }


def _document_fields(document: Document, names: dict[str, str]) -> dict:
    text = "" if document.exempt else "\n".join(document.text_pages)  # sources/withheld.py emptied it already
    committee = document.meeting.split("/")[0] if document.meeting else None
    return {
        "id": document.id,
        "kind": "document",
        "doc_kind": document.kind,
        "committee": committee,
        "meeting": document.meeting,
        "date": _when(document.date),
        "year": int(document.date[:4]) if document.date else None,
        "title": document.title,
        "text": text,
        "exact": f"{document.title} {text}",
        "pairs": f"{document.title} {text}",
        "refs": ",".join(filter(None, [document.report.decision_number if document.report else None])),
        "url": document.url,
        "context": ", ".join(filter(None, [names.get(committee or ""), document.date, document.title])),
    }


def _item_refs(item: Item) -> list[str]:
    # A body that numbers each meeting's minutes from 1 calls item 4 "minute 4".
    number = item.number if item.number and not item.minute_number else None
    return [ref for ref in (item.minute_number, item.decision_number, number) if ref]


def _context(committee: str, meeting: Meeting, item: Item) -> str:
    number = f"item {item.number}" if item.number else (f"minute {item.minute_number}" if item.minute_number else "item")
    return f"{committee}, {meeting.date}, {number}: {item.title}"
