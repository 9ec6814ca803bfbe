"""An item of a meeting page, with its resolutions set apart so each can be read on its own."""

from __future__ import annotations

import html

from .. import addresses
from ..model import Item, Meeting, Resolution
from . import links, words
from .escape import inline, text_block
from .lookup import Lookup
from .page import href, link

EXEMPT_NOTE = (
    "This item was taken in private (exempt information under Schedule 12A of the Local Government Act 1972); "
    "its text is not published."
)

# Material admonition types: the colour tells the outcome before a word is read.
_ADMONITION = {"carried": "success", "lost": "failure", "deferred": "warning", "noted": "info"}


def item_section(lookup: Lookup, meeting: Meeting, item: Item, here: str) -> str:
    heading = f"## {heading_text(item)} {{#{addresses.item_anchor(item.id)}}}"
    if item.exempt:
        # Number and title only: nothing else of an exempt item may reach the site.
        return f"{heading}\n\n{EXEMPT_NOTE}"
    resolution_ids = [r.id for r in item.resolutions]
    parts = [
        heading,
        _facts(item),
        text_block(item.text),
        citation(lookup, item.document, item.page, here),
        links.link_list(lookup, "Follows up", links.earlier(lookup, [item.id, *resolution_ids], meeting), here,
                        "archive-follows"),
        *(resolution_block(lookup, meeting, item, r, here) for r in item.resolutions),
        links.link_list(lookup, "What happened next", links.later(lookup, [item.id], meeting), here, "archive-next"),
    ]
    return "\n\n".join(part for part in parts if part)


def heading_text(item: Item) -> str:
    title = item.title.strip() or "Untitled item"
    number = (item.number or "").strip().rstrip(".")
    return inline(f"{number}. {title}" if number else title)


def _facts(item: Item) -> str:
    facts = []
    if item.minute_number:
        facts.append(f"Minute {inline(item.minute_number)}")
    if item.decision_number:
        facts.append(f"Decision {inline(item.decision_number)}")
    if item.pages:
        facts.append(f"Agenda papers: pages {inline(item.pages)}")
    return f'<p class="archive-item-facts" markdown="span">{" · ".join(facts)}</p>' if facts else ""


def citation(lookup: Lookup, document_id: str | None, page: int | None, here: str) -> str:
    """'Source: minutes, page 4' as its own line, or '' where the source is not known."""
    source = source_link(lookup, document_id, page, here)
    return f'<p class="archive-cite" markdown="span">Source: {source}</p>' if source else ""


def source_link(lookup: Lookup, document_id: str | None, page: int | None, here: str) -> str:
    """'[minutes, page 4](...)', linking to that page of the document's text where the site shows it."""
    document = lookup.documents.get(document_id or "")
    if document is None:
        return ""
    name = words.document_kind(document.kind).lower() + (f", page {page}" if page else "")
    target = document.url + (f"#page-{page}" if lookup.has_page_anchor(document.id, page) else "")
    return f"[{inline(name)}]({href(here, target)})"


def resolution_block(lookup: Lookup, meeting: Meeting, item: Item, resolution: Resolution, here: str) -> str:
    anchor = html.escape(addresses.resolution_anchor(resolution.id))
    label = f"Resolution {resolution.label}" if resolution.label else "Resolution"
    title = f"{label}: {words.outcome(resolution.outcome)}"
    parts = [
        f'<div class="admonition {_ADMONITION.get(resolution.outcome, "note")} archive-resolution" id="{anchor}" '
        "markdown>",
        f'<p class="admonition-title" markdown="span">{inline(title)}</p>',
        # Whoever arrives at the anchor sees which meeting and item this is without scrolling up.
        f'<p class="archive-context" markdown="span">{link(lookup.item_label(meeting, item), here, item.url)}</p>',
        text_block(resolution.text) or "*The minutes give no wording for this resolution.*",
        _resolution_facts(resolution),
        _actions(resolution),
        citation(lookup, resolution.document or item.document, resolution.page, here),
        _permalink(lookup, resolution, anchor),
        links.link_list(lookup, "What happened next", links.later(lookup, [resolution.id], meeting), here,
                        "archive-next"),
        "</div>",
    ]
    return "\n\n".join(part for part in parts if part)


def _resolution_facts(resolution: Resolution) -> str:
    facts = [f"**Outcome:** {inline(words.outcome(resolution.outcome))}"]
    counted = words.votes(resolution.votes)
    if counted:
        facts.append(f"**Votes:** {inline(counted)}")
    if resolution.votes and resolution.votes.names:
        for side, names in sorted(resolution.votes.names.items()):
            facts.append(f"**Voted {inline(side)}:** {inline(', '.join(names))}")
    if resolution.mover:
        facts.append(f"**Moved by:** {inline(resolution.mover)}")
    if resolution.seconder:
        facts.append(f"**Seconded by:** {inline(resolution.seconder)}")
    return "\n".join(f"- {fact}" for fact in facts)


def _actions(resolution: Resolution) -> str:
    if not resolution.actions:
        return ""
    lines = ["**Actions**", ""]
    for action in resolution.actions:
        details = [f"status: {words.action_status(action.status)}"]
        if action.owner:
            details.append(f"owner: {action.owner}")
        if action.due:
            details.append(f"due: {words.due_date(action.due)}")
        lines.append(f'- {inline(action.text)} <span class="archive-action-{html.escape(action.status)}">'
                     f"({inline('; '.join(details))})</span>")
    return "\n".join(lines)


def _permalink(lookup: Lookup, resolution: Resolution, anchor: str) -> str:
    """The anchor as a link to copy; with the site's address known, the full address too."""
    text = f'<p class="archive-permalink" markdown="span">[Link to this resolution](#{anchor})'
    if lookup.site_url:
        text += f" `{(lookup.site_url.rstrip('/') + '/' + resolution.url).replace('`', '')}`"
    return text + "</p>"
