"""The report's sections about files: the clerk's corrections applied, the documents withheld from
the site and why, and what each file holds (its kind, its meeting, counts of what was read in it).

Plain words, file names first: a clerk reads this to learn whether the builder understood their
files, so every line starts with the file it is about.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from archive_builder.model import Archive, Document, DocumentFacts, DocumentKind, Meeting, Problem
from archive_builder.render import words
from archive_builder.sources.discover import SIDECAR_SUFFIXES
from archive_builder.sources.withheld import WITHHELD_PREFIX


class Counts(NamedTuple):
    """What was read in one document, before its meeting was put together from several."""

    items: int
    resolutions: int
    attendees: int


def counts_of(facts: list[DocumentFacts]) -> dict[str, Counts]:
    """Document id -> what was read in it: kept by the build for this report."""
    return {
        found.document.id: Counts(len(found.items), sum(len(i.resolutions) for i in found.items), len(found.attendance))
        for found in facts
    }


def corrections_section(archive: Archive) -> list[str]:
    corrected = [d for d in _files(archive) if d.corrections]
    if not corrected:
        return []
    lines = ["", f"Corrections applied ({len(corrected)} file{'s' if len(corrected) != 1 else ''}):"]
    for document in corrected:
        lines.append(f"- {document.source}: " + "; ".join(document.corrections))
    return lines


def withheld_section(archive: Archive) -> list[str]:
    """Every document not published whole or in part because of what it holds, and why."""
    entries = []
    for document in sorted(archive.documents, key=lambda d: (d.source, d.first_page, d.id)):
        name = _name(document)
        if document.exempt:
            entries.append(f"- {name}: withheld whole (no text, no download; listed by title): {document.withheld}")
            continue
        private = [w[len(WITHHELD_PREFIX):] for w in document.warnings if w.startswith(WITHHELD_PREFIX)]
        if private and not document.part_of:
            entries.append(f"- {name}: {'; '.join(private)}")
    if not entries:
        return []
    return ["", f"Withheld from the site ({len(entries)}):", *entries]


def files_section(archive: Archive, problems: list[Problem], count: int, counts: dict[str, Counts]) -> list[str]:
    """One line per source file (and one per part of a pack): what the builder found in it."""
    severities: dict[str, Counter] = {}
    for problem in problems:
        severities.setdefault(problem.source, Counter())[problem.severity] += 1
    meetings = {m.id: m for m in archive.meetings}
    parts: dict[str, list[Document]] = {}
    for document in archive.documents:
        if document.part_of:
            parts.setdefault(document.part_of, []).append(document)
    lines = ["", f"Files ({count}), what was found in each:"]
    for document in _files(archive):
        line = f"- {document.source}: {_found(archive, document, meetings, counts)}"
        flags = []
        for named in (document.source, *(document.source + suffix for suffix in SIDECAR_SUFFIXES)):
            noted = severities.get(named, Counter())
            counted = " and ".join(words.count(noted[s], s) for s in ("error", "warning") if noted[s])
            if counted:
                flags.append(counted if named == document.source else f"its sidecar {named}: {counted}")
        lines.append(line + (f" ({'; '.join(flags)} above)" if flags else ""))
        for part in sorted(parts.get(document.id, []), key=lambda d: (d.first_page, d.id)):
            lines.append(f"    part from page {part.first_page}: {_found(archive, part, meetings, counts)}")
    return lines


def _files(archive: Archive) -> list[Document]:
    return sorted((d for d in archive.documents if not d.part_of), key=lambda d: d.source)


def _name(document: Document) -> str:
    return f"{document.source}, part from page {document.first_page}" if document.part_of else document.source


def _found(archive: Archive, document: Document, meetings: dict[str, Meeting], counts: dict[str, Counts]) -> str:
    if document.kind == DocumentKind.AGENDA_PACK:
        what = f"agenda pack of {words.count(len(document.parts), 'part')}"
    elif document.kind == DocumentKind.OTHER and not document.text_pages and not document.exempt and not document.meeting:
        return "nothing could be read" if document.warnings else "no text found"
    else:
        what = words.document_kind(document.kind).lower()
        if document.kind in (DocumentKind.REPORT, DocumentKind.DECISION) and document.report and document.report.title:
            what += f" '{document.report.title}'"
    meeting = meetings.get(document.meeting or "")
    if meeting is not None:
        what += f", {_committee_name(archive, meeting.committee)}, {words.medium_date(meeting.date)}"
    else:
        what += ", not attached to any meeting"
    counted = _counts(document, counts.get(document.id))
    notes = [counted] if counted else []
    if document.ocr_pages:
        notes.append(f"{_pages(document.ocr_pages)} read by OCR")
    if document.exempt:
        notes.append("withheld whole (exempt)")
    elif not document.published and not document.part_of:
        notes.append("original file not offered for download")
    if document.corrections:
        notes.append("corrected by a sidecar")
    return what + (": " + "; ".join(notes) if notes else "")


def _counts(document: Document, counted: Counts | None) -> str:
    if counted is None or document.kind not in (DocumentKind.AGENDA, DocumentKind.MINUTES):
        return ""
    found = [words.count(counted.items, "item")]
    if document.kind == DocumentKind.MINUTES:
        found.append(words.count(counted.resolutions, "resolution"))
        found.append(words.count(counted.attendees, "attendee"))
    return ", ".join(found)


def _pages(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(str(n) for n in numbers)


def _committee_name(archive: Archive, committee_id: str) -> str:
    return next((c.name for c in archive.committees if c.id == committee_id), committee_id)
