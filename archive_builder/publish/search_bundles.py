"""The site's search index in two parts, so that a rebuild indexes again only what can have changed.

Pagefind has no update mode: run over a whole site, it indexes every page again, which at a thousand
meetings is a large part of a rebuild. So the index is two bundles, which the browser merges into one
search (Pagefind's mergeIndex; the second bundle loads no runtime of its own):

- `pagefind/`, the primary bundle: the pages dated in the archive's last two years (RECENT_YEARS) and
  every page without a date (people, committees, pages a person wrote);
- `pagefind-earlier/`: the pages dated before those (meetings, their documents, decision years).

A new meeting's pages are recent. The older pages a rebuild rewrites mostly change only where the
index does not look (the boxes of links to other meetings: "What happened next", "Possibly
related"...), so the earlier bundle is kept from the last site for as long as the words it was made
from are the same: each earlier page's Markdown with those boxes taken out (`searched_digest`). A
change to an earlier page's words, a page added to or gone from the earlier years, or a new year
(pages move from one bundle to the other) makes it anew.

The digests are kept in .archive/search-bundles.json, with each page's Markdown digest from the
pages writer's manifest, so that only the pages written since the last build are read again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

PRIMARY = "pagefind"
EARLIER = "pagefind-earlier"
MERGE_LIST = "archive-bundles.json"  # in the primary bundle: the bundles the browser merges into it
STATE_FILE = "search-bundles.json"
FOLDERS = (f"{PRIMARY}/", f"{EARLIER}/")  # the site's folders the bundles are written into, not MkDocs
RECENT_YEARS = 2  # the latest year of the archive's pages and the one before it

# What the search index leaves out of a page (publish.PAGEFIND_EXCLUDE), as the renderer writes it in
# the Markdown: the boxes of links (render/links.py `block`), and the lines of a series, a source and
# a permalink. Text from documents in them is escaped (no '<'), so the first closing tag ends them.
_LEFT_OUT = re.compile(
    r'<div class="archive-(?:next|follows|refers|mentions)" markdown>\n.*?\n</div>'
    r'|<p class="archive-(?:series|cite|permalink)" markdown="span">.*?</p>', re.S)
_FACETS = re.compile(r"^search_facets:\n((?:[ \t]+.*\n)+)", re.M)
_YEAR = re.compile(r"^[ \t]+year:[ \t]*['\"]?(\d{4})['\"]?[ \t]*$", re.M)


@dataclass
class Plan:
    """Which pages go to the earlier bundle, and whether the last site's earlier bundle still holds them."""

    earlier: list[str] = field(default_factory=list)  # docs-relative Markdown paths, sorted
    signature: str = ""  # of the earlier bundle's recipe and words: equal signatures, the same bundle
    # path -> [Markdown digest, year or None, searched digest, whether the index reads it at all]
    pages: dict[str, list] = field(default_factory=dict)
    keep_earlier: bool = False  # set by publish where the last site's earlier bundle can be reused

    def earlier_html(self) -> set[str]:
        """The site-relative HTML files of the earlier pages."""
        return {_html(path) for path in self.earlier}

    def unsearched_html(self) -> set[str]:
        """The site-relative HTML files of the generated pages the index leaves out: those without
        search facets (the listings: home, indexes, registers, the follow-up tracker), which the
        site's templates do not mark for Pagefind (overrides/main.html)."""
        return {_html(path) for path, facts in self.pages.items() if not facts[3]}

    def state(self) -> dict:
        return {"signature": self.signature, "pages": self.pages}


def plan(docs_dir: Path, last_state: dict, manifest: dict[str, str], recipe: str, split: bool = True) -> Plan:
    """The bundles of the pages now in docs/ (those in the pages writer's `manifest`), reading again
    only the pages written since `last_state` (read_state); `recipe`: what else shapes the index (the
    site's templates, Pagefind's version and settings). Not `split`: every page in the primary bundle,
    for a site whose search script does not merge bundles."""
    known = last_state.get("pages", {})
    pages = {}
    for path, digest in sorted(manifest.items()):
        if not path.endswith(".md"):
            continue
        last = known.get(path)
        if isinstance(last, list) and len(last) == 4 and last[0] == digest:
            pages[path] = last
        else:
            pages[path] = [digest, *_page_facts(docs_dir / path)]
    years = {path: facts[1] for path, facts in pages.items() if facts[1] is not None}
    latest = max(years.values(), default=None)
    earlier = sorted(path for path, year in years.items() if split and latest - year >= RECENT_YEARS)
    signature = hashlib.sha256(json.dumps([recipe, latest, [[p, pages[p][2]] for p in earlier]]).encode()).hexdigest()
    return Plan(earlier=earlier, signature=signature if earlier else "", pages=pages)


def reusable(plan_now: Plan, last_state: dict, last_site: Path) -> bool:
    """Whether the last site's earlier bundle was made from exactly the words `plan_now` would index."""
    return bool(plan_now.earlier) and last_state.get("signature") == plan_now.signature and (
        last_site / EARLIER / "pagefind-entry.json").is_file()


def _page_facts(path: Path) -> tuple[int | None, str, bool]:
    """A page's year (its search facets'), the digest of the words the index reads in it, and whether
    it has search facets at all (without them, the index leaves it out)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None, "", True
    facets = _FACETS.search(text.split("\n---", 1)[0] + "\n") if text.startswith("---") else None
    found = _YEAR.search(facets.group(1)) if facets else None
    if not found:
        return None, "", facets is not None
    return int(found.group(1)), searched_digest(text), True


def _html(markdown_path: str) -> str:
    """The built page of a generated page (all are 'x/index.md')."""
    return markdown_path[: -len(".md")] + ".html"


def searched_digest(markdown: str) -> str:
    """The digest of a page's Markdown without the parts the search index leaves out, and with its
    white space made single spaces (a box taken out leaves its blank lines)."""
    return hashlib.sha256(" ".join(_LEFT_OUT.sub("", markdown).split()).encode("utf-8")).hexdigest()


def merge_list(plan_now: Plan) -> bytes:
    """The primary bundle's list of the bundles to merge into it, as site-relative folders."""
    return json.dumps({"merge": [f"{EARLIER}/"] if plan_now.earlier else []}).encode("utf-8")


def read_state(state_dir: Path) -> dict:
    try:
        found = json.loads((state_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def forget_state(state_dir: Path) -> None:
    """Until a new site is in place, no bundle of the last one is trusted."""
    (state_dir / STATE_FILE).unlink(missing_ok=True)


def save_state(state_dir: Path, plan_now: Plan) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / STATE_FILE).write_text(json.dumps(plan_now.state(), sort_keys=True), encoding="utf-8")
