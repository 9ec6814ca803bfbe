"""Document text -> facts: what each source file says about its meeting, items, people and decisions.

`parse_extraction` is a pure function of one file's extracted text; documents are put together
into meetings later (assemble/meetings.py). A pack of several documents gives its own facts and one set per
part. Items taken in private are read only far enough to know they exist: their text, decisions
and references are dropped here, so nothing later can publish them. A paper exempt as a whole is
only marked here (`document.exempt`, parse/exempt.py): the clerk's sidecar may say otherwise, so it
is emptied right after the corrections (sources/withheld.py), before anything else sees it.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from archive_builder.dates import find_dates, numeric_order, reading_order
from archive_builder.model import (
    Declaration,
    Document,
    DocumentFacts,
    DocumentKind,
    Extraction,
    Item,
    Line,
    MeetingStatus,
    Outcome,
    Problem,
)
from archive_builder.parse.actions import actions_in
from archive_builder.parse.attendance import names_by_initials, read_attendance, read_membership
from archive_builder.parse.classify import classify
from archive_builder.parse.declarations import read_declarations
from archive_builder.parse.exempt import exempt_marking
from archive_builder.parse.header import read_header
from archive_builder.parse.items import ItemBlock, as_one_item, find_items
from archive_builder.parse.paragraphs import paragraphs
from archive_builder.parse.private import Privacy, private_business
from archive_builder.parse.references import read_references
from archive_builder.parse.report import read_report
from archive_builder.parse.resolutions import read_decisions
from archive_builder.parse.split import split_parts
from archive_builder.parse.text import document_lines
from archive_builder.parse.vocabulary import DEFAULT_WORDS, Words

# Bump whenever parsed facts change for the same text: cached facts are keyed by it.
PARSER_VERSION = "2"  # 2: exempt papers marked (sources/withheld.py empties them), sidecar kind and date, OCR pages

# ModernGov pages label an item's parts ("Minutes:", "Decision:") and list its attachments ("PDF 161 KB").
_LABEL_ONLY = re.compile(r"^(?:Minutes|Decision|Decisions|Resolved|Purpose|Recommendations?|Motion|Result|Mover|Seconder|"
                         r"Ayes|Nays|Noes|Absent|Abstain|Abstentions?)\s*:\s*$|^(?:PDF|Word|DOCX?|HTML)\s+\d+\s*[KM]B\b", re.I)
_DECISION_NUMBER = re.compile(r"^((?:[A-Z]{2,6}/\d{2,4}/\d{2,5}|\d{2}/\d{4,6}))\s*[-–—:]\s*")
WITHHELD = "[Withheld: this part of the document was taken in private and is not published.]"
PRIVATE_WARNING = "withheld: holds the text of business taken in private"


def parse_extraction(extraction: Extraction, document_id: str, kind: str | None = None,
                     date: str | None = None, words: Words = DEFAULT_WORDS) -> list[DocumentFacts]:
    """One DocumentFacts per document in the file: a pack gives its own, then one per part.

    `kind` and `date` are what the clerk's sidecar says the document is (sources/sidecars.py): a file
    of a given kind is read whole as that kind, never split; the date is its meeting's (for a pack,
    its first part's). `words`: the council's own words (parse/vocabulary.py), with the order its
    numeric dates are written in."""
    order, note = numeric_order("\n".join(extraction.pages), words.date_order)
    with reading_order(order):
        found = _parse_extraction(extraction, document_id, kind, date, words)
    if note:
        found[0].problems.append(Problem(extraction.source, note))
    for facts in found:
        facts.document.date_order = order
    return found


def _parse_extraction(extraction: Extraction, document_id: str, kind: str | None, date: str | None,
                      words: Words) -> list[DocumentFacts]:
    lines = document_lines(extraction.pages)
    document = _document(extraction, document_id)
    if not lines:
        document.title = file_title(extraction.source)
        document.kind = DocumentKind(kind) if kind else document.kind
        document.date = date
        return [DocumentFacts(document=document, date=date, problems=list(extraction.problems))]
    parts = [lines] if kind else split_parts(lines)
    if len(parts) == 1:
        facts = _read_document(document, lines, extraction.source, kind, date, words)
        facts.problems = list(extraction.problems) + facts.problems
        return [facts]
    return _read_pack(document, parts, extraction, date, words)


def _document(extraction: Extraction, document_id: str) -> Document:
    return Document(
        id=document_id,
        kind=DocumentKind.OTHER,
        title="",
        source=extraction.source,
        sha256=extraction.sha256,
        pages=len(extraction.pages) or None,
        format=extraction.format,
        warnings=[p.message for p in extraction.problems if p.severity in ("error", "warning")],
        ocr_pages=list(extraction.ocr_pages),
    )


def _read_pack(pack: Document, parts: list[list[Line]], extraction: Extraction, date: str | None = None,
               words: Words = DEFAULT_WORDS) -> list[DocumentFacts]:
    part_facts = []
    for number, part_lines in enumerate(parts, 1):
        part = Document(
            id=f"{pack.id}-part-{number}",
            kind=DocumentKind.OTHER,
            title="",
            source=pack.source,
            sha256=pack.sha256,
            part_of=pack.id,
            first_page=part_lines[0].page,
            pages=part_lines[-1].page - part_lines[0].page + 1,
            format=pack.format,
        )
        part_facts.append(_read_document(part, part_lines, extraction.source, date=date if number == 1 else None, words=words))
    pack.kind = DocumentKind.AGENDA_PACK
    pack.parts = [facts.document.id for facts in part_facts]
    pack.published = all(facts.document.published for facts in part_facts)
    pack.warnings += [w for facts in part_facts for w in facts.document.warnings if "withheld" in w]
    first = part_facts[0]
    pack.committee_name, pack.date = first.committee_name, first.date
    pack.date_from = first.document.date_from
    pack_facts = DocumentFacts(document=pack, committee_name=first.committee_name, body_names=first.body_names,
                               date=first.date, problems=list(extraction.problems))
    return [pack_facts] + part_facts


def _read_document(document: Document, lines: list[Line], source: str, kind: str | None = None,
                   date: str | None = None, words: Words = DEFAULT_WORDS) -> DocumentFacts:
    header = read_header(lines)
    document.kind = DocumentKind(kind or classify(lines))
    facts = DocumentFacts(
        document=document,
        committee_name=header.committee_name,
        body_names=([header.committee_name] if header.committee_name else []) + header.other_names,
        date=date or header.date,
        start_time=header.start_time,
        venue=header.venue,
        status=MeetingStatus.CANCELLED if header.cancelled else None,
        meeting_title=header.meeting_title,
    )
    if document.kind in (DocumentKind.AGENDA, DocumentKind.MINUTES):
        hidden = _read_business(facts, lines, words)
        readable = lines
    else:
        # A report or other paper has no items, but may still head a part of itself as private.
        privacy = private_business(lines, [], [], words, parts=False)
        hidden = privacy.lines
        _withhold_lines(document, privacy, [])
        readable = [line for index, line in enumerate(lines) if index not in hidden] if hidden else lines
    if document.kind in (DocumentKind.REPORT, DocumentKind.DECISION):
        _read_report_facts(facts, readable)
        if date and document.report:
            document.report.meeting_date = date
    if document.kind in (DocumentKind.REPORT, DocumentKind.DECISION, DocumentKind.OTHER):
        # Withheld whole later (sources/withheld.py), unless the clerk's sidecar says it may be published.
        document.exempt, document.withheld, note = exempt_marking(readable, document.report)
        if note:
            facts.problems.append(Problem(source, note))
    document.date_from = "sidecar" if date else "text" if header.date else None
    _fill_gaps_from_file_name(facts, source)
    document.committee_name, document.date = facts.committee_name, facts.date
    document.text_pages = _text_pages(lines, hidden, document)
    return facts


def _read_business(facts: DocumentFacts, lines: list[Line], words: Words) -> set[int]:
    """Items, attendance, declarations and references of an agenda or minutes; returns the lines to
    withhold (what was taken in private: parse/private.py). Private items are read only for their
    number and title: nothing else of them is read, so nothing later can publish it."""
    document = facts.document
    layout = find_items(lines, words)
    if not layout.items and document.kind == DocumentKind.MINUTES:
        layout = as_one_item(lines, layout.headings)
    privacy = private_business(lines, [b.span for b in layout.items], [b.title for b in layout.items], words,
                               headings=layout.headings)
    out = {id(lines[index]) for index in privacy.lines | privacy.headings}
    layout.preamble = [line for line in layout.preamble if id(line) not in out]
    hidden = set(privacy.lines)
    printed: list[bool] = []  # whether each private item has text under its title, which is withheld
    for position, (block, why) in enumerate(zip(layout.items, privacy.items, strict=False)):
        block.private = why
        block.public_record = position in privacy.records
        if why:
            # Its title stays (the agenda prints it publicly); what is printed under it is withheld.
            text = {id(line) for line in block.lines}
            hidden.update(index for index in range(*block.span) if id(lines[index]) in text)
        printed.append(bool(why and block.lines))
        block.lines = [] if why else [line for line in block.lines if id(line) not in out]
    minutes = document.kind == DocumentKind.MINUTES
    items = [_item(block, document.id, minutes, facts.date, words) for block in layout.items]
    if minutes:
        facts.attendance = read_attendance(layout.preamble, [(b.title, b.lines) for b in layout.items], words)
        facts.declarations = _declarations(layout.preamble, layout.items, items)
        _name_initials(items, names_by_initials(facts.attendance))
    else:
        facts.membership = read_membership(layout.preamble)
    facts.items = items
    facts.references = read_references(items, facts.body_names, facts.date)
    _withhold_lines(document, privacy, [(item, why) for item, why, text in zip(items, privacy.items, printed, strict=False) if text])
    return hidden


def _name_initials(items: list[Item], names: dict[str, str]) -> None:
    """Movers and seconders given by initials ("Proposed by RW") named as the minutes' own list names them."""
    for resolution in (r for item in items for r in item.resolutions):
        resolution.mover = names.get(resolution.mover or "", resolution.mover)
        resolution.seconder = names.get(resolution.seconder or "", resolution.seconder)


def _withhold_lines(document: Document, privacy: Privacy, withheld: list[tuple[Item, str]]) -> None:
    """Say in the document's warnings what was withheld and why (the private items whose text is
    withheld, then the other lines); its original file is not published."""
    reasons = [f"{item.number or item.minute_number or item.title}: {why}" for item, why in withheld]
    reasons += list(privacy.reasons)
    if reasons:
        document.published = False
        document.warnings.append(f"{PRIVATE_WARNING} ({'; '.join(reasons)}); the original file is not published")


def _item(block: ItemBlock, document_id: str, minutes: bool, meeting_date: str | None = None,
          words: Words = DEFAULT_WORDS) -> Item:
    numbered = _DECISION_NUMBER.match(block.title)  # "24/00096 - Commissioning Plan ..."
    item = Item(
        id="",
        number=block.number,
        title=block.title[numbered.end() :] if numbered else block.title,
        minute_number=block.minute_number,
        exempt=bool(block.private),
        public_record=block.public_record,
        pages=block.pages,
        decision_number=block.decision_number or (numbered.group(1) if numbered else None),
        page=block.page,
        document=document_id,
        sources=[document_id],
    )
    if item.exempt:
        return item  # taken in private: its number and title, nothing more
    if minutes:
        decisions = read_decisions(block.lines, block.title, words)
        item.text = "\n\n".join(p.text for p in decisions.narrative if not _LABEL_ONLY.match(p.text))
        item.resolutions = decisions.resolutions
        for resolution in item.resolutions:
            resolution.document = document_id
            # A motion that fell sets nothing in motion, whatever it asked for.
            lost = resolution.outcome in (Outcome.LOST, Outcome.DEFERRED)
            resolution.actions = [] if lost else actions_in(resolution.text, meeting_date)
    else:
        item.text = "\n\n".join(p.text for p in paragraphs(block.lines))
    return item


def _declarations(preamble: list[Line], blocks: list[ItemBlock], items: list[Item]) -> list[Declaration]:
    """Declarations wherever the minutes record them; one made during an item is about that item.
    The same declaration minuted twice is merged in assembly, once item numbers are matched."""
    found = read_declarations(preamble)
    for block, item in zip(blocks, items, strict=False):
        for declaration in read_declarations(block.lines):
            if not declaration.item_number and not re.search(r"declaration|interest", block.title, re.I):
                declaration.item_number = item.number or item.minute_number
            found.append(declaration)
    for declaration in found:
        declaration.document = items[0].document if items else None
    return found


def _read_report_facts(facts: DocumentFacts, lines: list[Line]) -> None:
    report = read_report(lines)
    document = facts.document
    document.report = report
    facts.date = facts.date or report.meeting_date
    if report.meeting_body and not facts.committee_name:
        facts.committee_name = report.meeting_body
        facts.body_names.append(report.meeting_body)


def _fill_gaps_from_file_name(facts: DocumentFacts, source: str) -> None:
    if facts.date:
        return
    date = file_name_date(source)
    if date:
        facts.date = date
        facts.document.date_from = "file name"
        facts.problems.append(Problem(source, f"no meeting date in the text; used the date in the file name ({date})"))
        facts.document.warnings.append(f"meeting date taken from the file name ({date}); none found in the text")
    else:
        facts.problems.append(
            Problem(source, "no date found in the text or the file name: not attached to any meeting (the file is still listed)", "error")
        )
        facts.document.warnings.append("no date found: not attached to any meeting")


def file_name_date(source: str) -> str | None:
    stem = PurePosixPath(source).stem
    match = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)", stem)
    if match:
        found = find_dates("-".join(match.groups()))
        return found[0].iso if found else None
    found = find_dates(stem.replace("_", " ").replace("-", " "))
    return found[0].iso if found else None


def file_title(source: str) -> str:
    return PurePosixPath(source).name


def _text_pages(lines: list[Line], hidden: set[int], document: Document) -> list[str]:
    """The document's text to show, page by page, with what was taken in private replaced by a notice."""
    first, last = lines[0].page, lines[-1].page
    pages: dict[int, list[str]] = {page: [] for page in range(first, last + 1)}
    for index, line in enumerate(lines):
        if index in hidden:
            if index == 0 or index - 1 not in hidden:
                pages[line.page].append(WITHHELD)
            continue
        pages[line.page].append(line.text)
    document.first_page = first
    return ["\n".join(pages[page]) for page in range(first, last + 1)]
