"""Running a search: results with their context, a highlighted snippet and the page address (with the
item's or resolution's anchor), and, where words find nothing, the close terms the archive does have."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh import highlight
from whoosh.query import Every

from .index import open_index
from .query import Filters, QueryError, parse
from .schema import stemmed

SNIPPET_CHARS = 240


@dataclass
class Result:
    id: str
    kind: str
    committee: str | None
    date: str | None
    title: str
    context: str
    snippet: str
    url: str
    score: float


@dataclass
class Outcome:
    query: str
    filters: dict
    total: int
    results: list[Result] = field(default_factory=list)
    unknown_words: list[str] = field(default_factory=list)  # words no entry of the archive contains
    suggestions: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def search(index_dir: Path, text: str, filters: Filters | None = None, limit: int = 10) -> Outcome:
    if limit < 1:
        raise QueryError("--limit must be 1 or more")
    filters = filters or Filters()
    parsed = parse(text, filters)
    index = open_index(index_dir)
    with index.searcher() as searcher:
        query = parsed.query or Every()
        restriction = filters.query()
        # Every match is scored, so that ties are broken by date (newest first) the same way each time,
        # and the total counts matches after the filters (Whoosh's own length counts them before).
        hits = searcher.search(query, filter=restriction, limit=None, terms=True)
        ordered = sorted(hits, key=lambda hit: (-round(hit.score, 6), _newest_first(hit.get("date")), _natural(hit["id"])))
        results = [_result(hit, parsed) for hit in ordered[:limit]]
        outcome = Outcome(query=text, filters=_described(filters), total=len(ordered), results=results)
        outcome.unknown_words = [w for w in parsed.words if not _known(searcher, w)]
        if outcome.unknown_words or not results:
            outcome.suggestions = _suggestions(searcher, parsed.words)
    return outcome


def _natural(entry_id: str) -> tuple:
    """Ids in reading order: item 7 before item 11, resolution r7 before r11."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", entry_id))


def _newest_first(date) -> float:
    return -date.timestamp() if date else 0.0


def _result(hit, parsed) -> Result:
    date = hit.get("date")
    return Result(
        id=hit["id"],
        kind=hit["kind"],
        committee=hit.get("committee"),
        date=date.date().isoformat() if date else None,
        title=hit.get("title", ""),
        context=hit.get("context", ""),
        snippet=_snippet(hit, parsed),
        url="/" + hit.get("url", ""),
        score=round(hit.score, 3),
    )


class _Marked(highlight.Formatter):
    """Matched words between ** **: readable on a terminal, in JSON and in Markdown."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return f"**{highlight.get_text(text, token, replace)}**"


def _snippet(hit, parsed) -> str:
    text = hit.get("text", "") or ""
    if parsed.words and text:  # an entry with no text (an exempt item: its title only) has nothing to mark
        hit.results.fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=90)
        hit.results.formatter = _Marked()
        found = hit.highlights("text", top=2)
        if found:
            return _tidy(found)
    for needle in [*parsed.phrases, *parsed.identifiers]:
        at = text.lower().find(needle.lower())
        if at >= 0:
            start = max(0, at - 90)
            piece = text[start : at] + f"**{text[at : at + len(needle)]}**" + text[at + len(needle) : at + len(needle) + 120]
            return _tidy(("…" if start else "") + piece + "…")
    return _tidy(text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else ""))


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _known(searcher, word: str) -> bool:
    stems = [t.text for t in stemmed()(word)]
    return all(searcher.doc_frequency("text", s) or searcher.doc_frequency("title", s) for s in stems)


def _suggestions(searcher, words: list[str]) -> dict[str, list[str]]:
    """Close words the archive contains (by edit distance), for each word typed."""
    corrector = searcher.corrector("exact")
    found = {}
    for word in words:
        close = [s for s in corrector.suggest(word.lower(), limit=3, maxdist=2) if s != word.lower()]
        if close:
            found[word] = close
    return found


def _described(filters: Filters) -> dict:
    described = {key: value for key, value in asdict(filters).items() if value}
    for key in ("date_from", "date_to"):
        if key in described:
            described[key] = described[key].isoformat()
    return described
