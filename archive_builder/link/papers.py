"""A meeting's papers joined to the items they are for: a report or decision notice belongs to the item
of its meeting with the same decision number ("24/00096 - Commissioning Plan ..."), else the same
title. The item lists the paper among its sources, and a refers-to link records why."""

from __future__ import annotations

from archive_builder.link.series import procedural
from archive_builder.model import Archive, Document, DocumentKind, Item, Link, LinkKind
from archive_builder.titles import overlap, title_words

SAME_TITLE = 0.8


def paper_links(archive: Archive) -> tuple[list[Link], dict[str, list[str]]]:
    """The links from items to their papers, and the papers each item gains as sources (item id ->
    document ids, in the order found)."""
    items_of = {meeting.id: meeting.items for meeting in archive.meetings}
    links: list[Link] = []
    sources: dict[str, list[str]] = {}
    for document in archive.documents:
        if document.kind not in (DocumentKind.REPORT, DocumentKind.DECISION) or not document.meeting or not document.report:
            continue
        item, evidence = _item_for(document, items_of.get(document.meeting, []))
        if item is None or item.document == document.id:
            continue  # a meeting known only from its papers: the item is the paper itself
        gained = sources.setdefault(item.id, [])
        if document.id not in item.sources and document.id not in gained:
            gained.append(document.id)
        links.append(Link(from_=item.id, to=document.id, kind=LinkKind.REFERS_TO, evidence=evidence))
    return links, sources


def _item_for(document: Document, items: list[Item]) -> tuple[Item | None, str]:
    number = document.report.decision_number
    if number:
        for item in items:
            if item.decision_number == number or number in item.title:
                return item, f"decision {number}"
    title = document.report.title or document.title
    words = title_words(title)
    best = max(
        (item for item in items if not item.exempt and not procedural(item.title)),
        key=lambda item: overlap(words, title_words(item.title)),
        default=None,
    )
    if best is not None and overlap(words, title_words(best.title)) >= SAME_TITLE:
        return best, f"the {document.kind} \u201c{title}\u201d, for the item of the same title"
    return None, ""
