"""Documents withheld whole: exempt papers, and whatever the clerk's sidecar marks `exempt: true`.

An exempt document stays listed (the agenda lists its title publicly, so its title is kept: a
clerk who finds the title itself sensitive gives it another with the sidecar's `title:`), but
nothing it says may reach a page, the export, the search index or a feed. So what it says is taken
out of its facts here, before assembly, exactly as parse/ drops the text of items taken in private:
nothing later can publish what it never receives. What stays: its id, kind, title, file name,
meeting, page count and why it is withheld; of a report, only its classification, decision number
and the meeting it goes to; of agenda or minutes, each item's number and title, as for an item
taken in private. Its sha256 stays too: the export's schema requires it, and it says nothing of
the text.

The original file is never offered for download (`published` is false), nor is an agenda pack
holding an exempt part.
"""

from __future__ import annotations

from archive_builder.model import DocumentFacts, ReportFacts

WITHHELD_PREFIX = "withheld: "


def withhold_exempt(facts: list[DocumentFacts]) -> list[DocumentFacts]:
    """One file's facts (a pack first, then its parts), with every exempt document's contents taken out."""
    for found in facts:
        if found.document.exempt:
            _withhold(found)
    pack = facts[0].document if facts else None
    if pack is not None and pack.parts:
        exempt_parts = [f.document for f in facts[1:] if f.document.exempt]
        if exempt_parts and not pack.exempt:
            pack.published = False
            titles = ", ".join(f"part {facts.index(f)}" for f in facts[1:] if f.document.exempt)
            pack.warnings.append(f"{WITHHELD_PREFIX}holds an exempt paper ({titles}); the original file is not published")
    return facts


def _withhold(found: DocumentFacts) -> None:
    document = found.document
    document.published = False
    document.text_pages = []
    document.withheld = document.withheld or "exempt from publication"
    document.warnings.append(f"{WITHHELD_PREFIX}{document.withheld}")
    if document.report is not None:
        document.report = _safe_report(document.report)
    for item in found.items:
        item.exempt = True
        item.text, item.resolutions = "", []
    found.attendance, found.declarations, found.membership, found.references = [], [], [], []


def _safe_report(report: ReportFacts) -> ReportFacts:
    """What an agenda prints of a private report anyway: title, classification, number, meeting."""
    return ReportFacts(
        title=report.title,
        classification=report.classification,
        exempt=True,
        decision_number=report.decision_number,
        key_decision=report.key_decision,
        meeting_body=report.meeting_body,
        meeting_date=report.meeting_date,
    )
