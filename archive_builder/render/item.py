"""An item of a meeting page, with its resolutions set apart so each can be read on its own."""

from __future__ import annotations

import html

from archive_builder import addresses
from archive_builder.model import Action, Item, Meeting, Resolution
from archive_builder.render import links, words
from archive_builder.render.escape import inline, text_block
from archive_builder.render.lookup import Lookup
from archive_builder.render.page import href, link

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
    parts = [
        heading,
        _facts(item),
        series_note(lookup, item, here),
        links.block(lookup, "Follows up", links.follows_up(lookup, item), here, "archive-follows", meeting,
                    related=links.possibly_related_earlier(lookup, item),
                    related_heading="Possibly related to earlier decisions"),
        text_block(item.text),
        citation(lookup, item.document, item.page, here),
        links.block(lookup, "Refers to", links.refers_to(lookup, item), here, "archive-refers", meeting),
        links.block(lookup, "Mentioned before this meeting", links.mentioned_before(lookup, meeting, item), here,
                    "archive-refers", meeting),
        *(resolution_block(lookup, meeting, item, r, here) for r in item.resolutions),
    ]
    if not item.resolutions:  # with resolutions, each shows what came of it, references to its item included
        parts.append(links.block(lookup, "What happened next", links.item_happened_next(lookup, meeting, item), here,
                                 "archive-next", meeting))
    return "\n\n".join(part for part in parts if part)


def series_note(lookup: Lookup, item: Item, here: str) -> str:
    """'Part of a series: Update report · before: 16 October 2018 · after: 12 March 2019'. No count of
    the series' meetings (the committee's page has it): with one, each new meeting of a recurring item
    would change every earlier meeting page of the series, and a rebuild would rewrite them all."""
    series = lookup.series.get(item.series or "")
    if series is None:
        return ""
    text = f"Part of a series: {link(series.title, here, series.url)}"
    before, after = lookup.series_neighbours.get((series.id, item.id), (None, None))
    if before is not None:
        text += f" · before: {link(words.medium_date(before[0].date), here, before[1].url)}"
    if after is not None:
        text += f" · after: {link(words.medium_date(after[0].date), here, after[1].url)}"
    return f'<p class="archive-series" markdown="span">{text}</p>'


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
    label = f"Resolution {words.label(resolution.label)}" if resolution.label else "Resolution"
    title = f"{label}: {words.outcome(resolution.outcome)}"
    parts = [
        f'<div class="admonition {_ADMONITION.get(resolution.outcome, "note")} archive-resolution" id="{anchor}" '
        "markdown>",
        f'<p class="admonition-title" markdown="span">{inline(title)}</p>',
        # Whoever arrives at the anchor sees which meeting and item this is without scrolling up.
        f'<p class="archive-context" markdown="span">{link(lookup.item_label(meeting, item), here, item.url)}</p>',
        text_block(resolution.text) or "*The minutes give no wording for this resolution.*",
        _resolution_facts(lookup, resolution, here),
        actions_list(resolution),
        citation(lookup, resolution.document or item.document, resolution.page, here),
        _permalink(lookup, resolution, anchor),
        links.block(lookup, "What happened next", links.what_happened_next(lookup, meeting, item, resolution), here,
                    "archive-next", meeting, related=links.possibly_related_later(lookup, resolution)),
        "</div>",
    ]
    return "\n\n".join(part for part in parts if part)


def _resolution_facts(lookup: Lookup, resolution: Resolution, here: str) -> str:
    facts = [f"**Outcome:** {inline(words.outcome(resolution.outcome))}"]
    counted = words.votes(resolution.votes)
    if counted:
        facts.append(f"**Votes:** {inline(counted)}")
    if resolution.votes and resolution.votes.names:
        for side, names in sorted(resolution.votes.names.items()):
            facts.append(f"**Voted {inline(side)}:** {inline(', '.join(names))}")
    known = lookup.movers.get(resolution.id, {})
    for role, printed, words_ in (("moved", resolution.mover, "Moved by"), ("seconded", resolution.seconder,
                                                                            "Seconded by")):
        if printed:
            person = lookup.people.get(known.get(role, ""))
            facts.append(f"**{words_}:** {link(printed, here, person.url) if person else inline(printed)}")
    return "\n".join(f"- {fact}" for fact in facts)


def actions_list(resolution: Resolution) -> str:
    if not resolution.actions:
        return ""
    lines = ["**Actions**", ""]
    for action in resolution.actions:
        lines.append(f"- {badge(action.status)} {inline(action.text)}{action_details(action)}")
    return "\n".join(lines)


def action_details(action: Action) -> str:
    """' (due at the next meeting; owner: Officers)' in small print, or ''."""
    details = [words.due_words(action.due)]
    if action.owner:
        details.append(f"owner: {action.owner}")
    return f' <span class="archive-action-details">({inline("; ".join(details))})</span>'


def badge(status: str, escape=inline) -> str:
    """An action's status as a badge a reader sees at once (and a filter can read: `data-value`);
    `escape`: inline in Markdown, html_text in an HTML table."""
    name = words.action_status(status)
    css = html.escape(status if status in words.ACTION_STATUSES else "other", quote=True)
    return (f'<span class="archive-badge archive-badge-{css}" data-value="{html.escape(name, quote=True)}">'
            f"{escape(name)}</span>")


def _permalink(lookup: Lookup, resolution: Resolution, anchor: str) -> str:
    """The anchor as a link to copy; with the site's address known, the full address too."""
    text = f'<p class="archive-permalink" markdown="span">[Link to this resolution](#{anchor})'
    if lookup.site_url:
        text += f" `{(lookup.site_url.rstrip('/') + '/' + resolution.url).replace('`', '')}`"
    return text + "</p>"
