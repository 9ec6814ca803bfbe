"""Document pages (what the file is, where it came from, what it says, page by page) and the
documents index."""

from __future__ import annotations

import re

from archive_builder.model import Document, ReportFacts
from archive_builder.render import tables, words
from archive_builder.render.downloads import download_link
from archive_builder.render.escape import html_text, inline, text_block
from archive_builder.render.facets import facets
from archive_builder.render.lookup import Lookup, document_order
from archive_builder.render.page import link, page, page_path
from archive_builder.sources.withheld import WITHHELD_PREFIX

_HEX = re.compile(r"^[0-9a-f]+$")


def document_page(lookup: Lookup, document: Document) -> tuple[str, str]:
    here = page_path(document.url)
    parts = [
        _withheld_note(document),
        _facts(lookup, document, here),
        _warnings(document),
        _report(lookup, document.report, here) if document.report else "",
        _parts(lookup, document, here),
        _text(document, _search_weight(lookup, document)),
    ]
    body = "\n\n".join(part for part in parts if part)
    return here, page("document", document.title or document.id, body, document=document.id,
                      document_kind=document.kind,
                      meeting=document.meeting, source_file=document.source, sha256=document.sha256,
                      published=document.published, search_facets=_facets(lookup, document))


def _facets(lookup: Lookup, document: Document) -> dict[str, str]:
    meeting = lookup.meetings.get(document.meeting or "")
    committee = lookup.committee_name(meeting.committee) if meeting else document.committee_name
    return facets(words.document_kind(document.kind), committee, meeting.date if meeting else document.date)


def _facts(lookup: Lookup, document: Document, here: str) -> str:
    rows = [("Kind", inline(words.document_kind(document.kind)))]
    meeting = lookup.meetings.get(document.meeting or "")
    if meeting:
        rows.append(("Meeting", link(lookup.meeting_label(meeting), here, meeting.url)))
    elif document.committee_name or document.date:
        printed = ", ".join(inline(x) for x in (document.committee_name, document.date) if x)
        rows.append(("Meeting named", f"{printed} (not in the archive)"))
    pack = lookup.documents.get(document.part_of or "")
    if pack:
        rows.append(("Part of", f"{link(pack.title, here, pack.url)}, from page {document.first_page}"))
    rows.append(("Source file", inline(document.source)))
    if document.sha256:
        sha = f"`{document.sha256}`" if _HEX.match(document.sha256) else inline(document.sha256)
        rows.append(("SHA-256", f'<span class="archive-hash">{sha}</span>'))
    if document.pages:
        rows.append(("Pages", str(document.pages)))
    rows.append(("Original file", _download(document, here)))
    if document.corrections and not document.exempt:
        rows.append(("Corrected by the clerk", inline("; ".join(document.corrections))))
    return "\n".join(f"- **{label}:** {value}" for label, value in rows)


def _withheld_note(document: Document) -> str:
    """Why a document is listed with nothing of it to read (sources/withheld.py took it all out)."""
    if not document.exempt:
        return ""
    return ('!!! note "Withheld"\n\n'
            f"    This document is exempt from publication: {inline(document.withheld or 'exempt')}. "
            "It is listed so that the archive is complete; its text and the original file are not published.")


def _download(document: Document, here: str) -> str:
    if document.exempt:
        return "Not published: exempt from publication"
    if document.download:
        return download_link(document, here)
    if not document.published:
        reason = "; ".join(document.warnings) or "the clerk has withheld it"
        return f"Not published: {inline(reason)}"
    return "The original file is not available."


def _warnings(document: Document) -> str:
    """What the build report said about the file, where a reader cannot miss it."""
    shown = [w for w in document.warnings if not (document.exempt and w.startswith(WITHHELD_PREFIX))]
    if not shown:
        return ""
    lines = ['!!! warning "Problems reading this document"', "",
             "    The archive noticed these problems when it read the file:", ""]
    lines += [f"    - {inline(warning)}" for warning in shown]
    return "\n".join(lines)


def _report(lookup: Lookup, report: ReportFacts, here: str) -> str:
    rows = [(label, inline(value)) for label, value in (
        ("Title", report.title), ("Report from", report.author), ("Contact officer", report.contact_officer),
        ("Wards", report.wards), ("Key decision", report.key_decision), ("Classification", report.classification),
        ("Decision number", report.decision_number), ("Signed off by", report.signed_off_by),
    ) if value]
    if report.exempt:
        rows.append(("Exempt", "yes: not for publication"))
    goes_to = ", ".join(inline(x) for x in (report.meeting_body, words.medium_date(report.meeting_date)
                                           if report.meeting_date else None) if x)
    if goes_to:
        rows.append(("For the meeting", goes_to))
    if report.background_papers:
        rows.append(("Background papers", inline(report.background_papers)))
    lines = ["## Report", ""] + [f"- **{label}:** {value}" for label, value in rows]
    for heading, entries in (("Recommendations", report.recommendations), ("Appendices", report.appendices)):
        if entries:
            lines += ["", f"**{heading}**", ""] + [f"1. {inline(entry)}" for entry in entries]
    if report.appendix_count and not report.appendices:
        lines += ["", f"**Appendices:** {words.count(report.appendix_count, 'appendix', 'appendices')}"]
    return "\n".join(lines)


def _parts(lookup: Lookup, document: Document, here: str) -> str:
    parts = sorted((lookup.documents[p] for p in document.parts if p in lookup.documents),
                   key=lambda d: (d.first_page, d.id))
    if not parts:
        return ""
    lines = ["## Parts of this pack", "", "| From page | Document | Kind | Pages |", "| --- | --- | --- | --- |"]
    lines += [f"| {part.first_page} | {link(part.title, here, part.url)} | {inline(words.document_kind(part.kind))} | "
              f"{part.pages or ''} |" for part in parts]
    return "\n".join(lines)


# The kinds of document whose text the meeting page sets out item by item: their words count for less
# in the site's search (Pagefind's data-pagefind-weight), so that a search finds the meeting's item
# or resolution before the page of the minutes it was read from.
_SET_OUT_ON_MEETING_PAGES = ("agenda", "agenda-pack", "minutes")
SET_OUT_WEIGHT = "0.3"


def _search_weight(lookup: Lookup, document: Document) -> str | None:
    if document.kind in _SET_OUT_ON_MEETING_PAGES and document.meeting in lookup.meetings:
        return SET_OUT_WEIGHT
    return None


def _text(document: Document, search_weight: str | None = None) -> str:
    if document.exempt:
        return "## Text\n\nWithheld: this document is exempt from publication."
    if not document.published:
        return "## Text\n\nThe text of this document is not published."
    if not any(page_text.strip() for page_text in document.text_pages):
        return "## Text\n\nThe archive has no text of this document."
    pages = []
    weight = f' data-pagefind-weight="{search_weight}"' if search_weight else ""
    for index, page_text in enumerate(document.text_pages):
        number = document.first_page + index
        pages.append(f'<div class="archive-page" id="page-{number}"{weight}>\n'
                     f'<p class="archive-page-number">Page {number}</p>\n\n'
                     f"{text_block(page_text) or '<p><em>(No text on this page.)</em></p>'}\n</div>")
    return "## Text\n\n" + "\n\n".join(pages)


def documents_index(lookup: Lookup) -> tuple[str, str]:
    """Every document, under its committee and meeting (newest first), then those without a meeting."""
    here = "documents/index.md"
    lines = [f"The archive holds {words.count(len(lookup.documents), 'document')}."]
    by_meeting: dict[str, list[Document]] = {}
    loose: list[Document] = []
    for document in lookup.documents.values():
        if document.meeting in lookup.meetings:
            by_meeting.setdefault(document.meeting, []).append(document)
        else:
            loose.append(document)
    for committee_id in sorted(lookup.meetings_by_committee, key=lambda c: (lookup.committee_name(c).casefold(), c)):
        meetings = [m for m in lookup.meetings_by_committee[committee_id] if m.id in by_meeting]
        if meetings:
            documents = [d for m in meetings for d in sorted(by_meeting[m.id], key=document_order)]
            lines += ["", f"## {inline(lookup.committee_name(committee_id))}", "", *_table(lookup, documents, here)]
    if loose:
        lines += ["", "## Documents without a meeting", "",
                  *_table(lookup, sorted(loose, key=lambda d: (d.date or "", d.id)), here)]
    return here, page("listing", "Documents", "\n".join(lines), listing="documents", documents=len(lookup.documents))


def _table(lookup: Lookup, documents: list[Document], here: str) -> list[str]:
    """The documents, as an HTML table: the index lists every document of the archive."""
    rows = []
    for document in documents:
        meeting = lookup.meetings.get(document.meeting or "")
        when = (tables.text_link(words.medium_date(meeting.date), here, meeting.url) if meeting
                else html_text(document.date or ""))
        rows.append([when, tables.text_link(document.title, here, document.url),
                     html_text(words.document_kind(document.kind)), str(document.pages or ""),
                     html_text(_notes(document))])
    return [tables.html_table(["Meeting", "Document", "Kind", "Pages", "Notes"], rows, script=False)]


def _notes(document: Document) -> str:
    notes = []
    if document.exempt:
        notes.append("withheld (exempt)")
    elif not document.published:
        notes.append("not published")
    if document.warnings:
        notes.append(f"⚠ {words.count(len(document.warnings), 'warning')}")
    return ", ".join(notes)
