"""Running a search: results with their context, a highlighted snippet and the page address (with the
item's or resolution's anchor), and, where words find nothing, the close terms the archive does have."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh import highlight
from whoosh.query import Every
from whoosh.util.times import datetime_to_long

from .index import read_index
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
    index = read_index(index_dir)
    with index.searcher() as searcher:
        allowed = _allowed(searcher, filters)
        hits, total = _ranked(searcher, parsed.query or Every(), allowed, limit)
        results = [_result(hit, parsed) for hit in hits]
        outcome = Outcome(query=text, filters=_described(filters), total=total, results=results)
        outcome.unknown_words = [w for w in parsed.words if not _known(searcher, w)]
        if outcome.unknown_words or not results:
            outcome.suggestions = _suggestions(searcher, parsed.words)
    return outcome


NO_DATE = 2**64 - 1  # what the date column holds for an entry without one
MARGIN = 20  # results asked for beyond the limit, to see whether ties with the last one run further


def _allowed(searcher, filters: Filters) -> set[int] | None:
    """The index documents the filters allow (None: all). Dates are read from the date column: as a
    query, a date range expands into many terms and took a tenth of a second in a large archive."""
    restriction = filters.query(dates=False)
    allowed = set(searcher.docs_for_query(restriction)) if restriction is not None else None
    if filters.date_from or filters.date_to:
        start = datetime_to_long(dt.datetime.combine(filters.date_from or dt.date(1, 1, 1), dt.time.min))
        end = datetime_to_long(dt.datetime.combine(filters.date_to or dt.date(9999, 12, 31), dt.time.max))
        dates = _dates(searcher)
        candidates = allowed if allowed is not None else searcher.reader().all_doc_ids()
        allowed = {docnum for docnum in candidates if start <= dates[docnum] <= end}  # no date: never in range
    return allowed


def _ranked(searcher, query, allowed: set[int] | None, limit: int) -> tuple[list, int]:
    """The best `limit` hits, by score, then newest first, then in reading order, and how many match
    in all. Whoosh finds the best few without scoring every match (a common word matches thousands);
    where equal scores run past what it returned, every match is scored, so that ties always break
    the same way."""
    wanted = limit + MARGIN
    hits = searcher.search(query, filter=allowed, limit=wanted, terms=True)
    top = hits.top_n
    complete = len(top) < wanted
    if not complete and round(top[min(limit, len(top)) - 1][0], 6) == round(top[-1][0], 6):
        hits = searcher.search(query, filter=allowed, limit=None, terms=True)
        complete = True
    total = len(hits.top_n) if complete else _count(searcher, query, allowed)
    return _best_first(searcher, hits, limit), total


def _count(searcher, query, allowed: set[int] | None) -> int:
    matching = searcher.docs_for_query(query)
    return sum(1 for docnum in matching if allowed is None or docnum in allowed)


def _best_first(searcher, hits, limit: int) -> list:
    """The best `limit` of `hits`: by score, then newest first, then in reading order. Dates come from
    the index's column; only the hits that may make the cut are read whole, for their ids."""
    dates = _dates(searcher)
    ranked = sorted((-round(score, 6), _newest_first(dates[docnum]), docnum) for score, docnum in hits.top_n)
    if len(ranked) > limit:
        last = ranked[limit - 1][:2]
        ranked = [entry for entry in ranked if entry[:2] <= last]  # all tied with the last one that makes it
    by_docnum = {hit.docnum: hit for hit in hits}  # a Hit reads nothing until asked
    chosen = sorted((by_docnum[docnum] for *_, docnum in ranked),
                    key=lambda hit: (-round(hit.score, 6), _newest_first(dates[hit.docnum]), _natural(hit["id"])))
    return chosen[:limit]


def _dates(searcher):
    """The date column, as Whoosh stores it (an entry with no date holds the largest number, which
    cannot be read back as a date)."""
    return searcher.reader().column_reader("date", translate=False)


def _natural(entry_id: str) -> tuple:
    """Ids in reading order: item 7 before item 11, resolution r7 before r11."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", entry_id))


def _newest_first(stored: int) -> int:
    return -stored if stored != NO_DATE else 0  # no date: after every dated entry


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
