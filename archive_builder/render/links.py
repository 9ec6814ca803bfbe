"""Links between decisions, as a reader meets them: "What happened next" and "Follows up".

A link joins two ids in either direction (the linker decides which end is `from`); what matters to
a reader is whether the other end came before or after. So links are split by the other end's
meeting date: later (or undated) ends are what happened next, earlier ends are what this follows up.
Links found by similar wording alone ("related") are kept apart as only possibly related.
"""

from __future__ import annotations

from .. import addresses
from ..model import Link, Meeting
from .escape import inline
from .lookup import Lookup
from .page import link
from .words import shorten

_KINDS = {
    "follow-up": "Follow-up",
    "next-meeting": "Next meeting",
    "refers-to": "Reference",
    "approves-minutes": "Minutes approved",
    "mention": "Mention",
}


def other_ends(lookup: Lookup, ids: list[str]) -> list[tuple[Link, str]]:
    """Each link touching any of `ids`, with its end outside them; each link once, in a fixed order."""
    own = set(ids)
    found: dict[int, tuple[Link, str]] = {}
    for any_id in ids:
        for candidate in lookup.links_by_end.get(any_id, []):
            other = candidate.to if candidate.from_ == any_id else candidate.from_
            if other not in own:
                found.setdefault(id(candidate), (candidate, other))
    return sorted(found.values(), key=lambda pair: (lookup.date_of(pair[1]) or "9999", pair[0].kind, pair[1]))


def later(lookup: Lookup, ids: list[str], meeting: Meeting) -> list[tuple[Link, str]]:
    return [(k, other) for k, other in other_ends(lookup, ids) if not _before(lookup, other, meeting)]


def earlier(lookup: Lookup, ids: list[str], meeting: Meeting) -> list[tuple[Link, str]]:
    return [(k, other) for k, other in other_ends(lookup, ids) if _before(lookup, other, meeting)]


def link_list(lookup: Lookup, heading: str, pairs: list[tuple[Link, str]], here: str, css: str) -> str:
    """A set-apart block: certain links first, then the possibly related ones; '' when there are none."""
    certain = [line(lookup, k, other, here) for k, other in pairs if k.kind != "related"]
    related = [line(lookup, k, other, here) for k, other in pairs if k.kind == "related"]
    if not certain and not related:
        return ""
    parts = [f'<div class="{css}" markdown>', "", f"**{heading}**", ""]
    if certain:
        parts += certain + [""]
    if related:
        parts += ["*Possibly related (similar wording only, not a certain link):*", ""] + related + [""]
    return "\n".join(parts + ["</div>"])


def line(lookup: Lookup, found: Link, other: str, here: str) -> str:
    """'- Follow-up: [Joint ICT Committee, 12 March 2019, item 5: Update report](...) — “evidence”'."""
    # Possibly related links sit under their own heading, so they need no kind of their own.
    kind = "" if found.kind == "related" else f"{inline(_KINDS.get(found.kind, found.kind))}: "
    text = f"- {kind}{link(lookup.describe(other), here, addresses.url_of(other))}"
    if found.kind == "related" and found.score is not None:
        text += f" (score {found.score:.2f})"
    if found.evidence.strip():
        text += f" — “{inline(shorten(found.evidence, 200))}”"
    return text


def _before(lookup: Lookup, other: str, meeting: Meeting) -> bool:
    date = lookup.date_of(other)
    return bool(date) and date < meeting.date
