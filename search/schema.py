"""What the Whoosh index holds about each meeting, item, resolution and document, and how words are cut.

Words are stemmed in `text` and `title` ("benchmarking" finds "benchmark"), and kept as printed in
`exact`, and as pairs of neighbouring words in `pairs`, so a quoted phrase matches the words exactly. Identifiers stay whole in every field
("24/00096", "R2024-017", "68/18"): the tokenizer takes a run of digits joined by / . or - as one token.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh import analysis
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang import porter

TOKENS = r"[A-Za-z]*\d+(?:[/.-]\d+)+[A-Za-z]*|\w+(?:['’-]\w+)*"


def stemmed() -> analysis.Analyzer:
    return analysis.RegexTokenizer(TOKENS) | analysis.LowercaseFilter() | analysis.StopFilter() | analysis.StemFilter(cachesize=50000)


_TOKEN = re.compile(TOKENS)
_stem = lru_cache(maxsize=100_000)(porter.stem)


def stemmed_words(text: str) -> list[str]:
    """The terms `stemmed()` makes of a text, several times faster: linking weighs every text of the
    archive, and Whoosh's analyzers make an object of every word."""
    return [term for word in words_of(text) if (term := stemmed_word(word)) is not None]


def words_of(text: str) -> list[str]:
    """The words of a text as `stemmed()` cuts them, lower-cased, before stop words and stemming."""
    return _TOKEN.findall(text.lower())


def stemmed_word(word: str) -> str | None:
    """The term `stemmed()` makes of one word of `words_of`, or None for a stop word."""
    return _stem(word) if len(word) >= 2 and word not in analysis.STOP_WORDS else None


def word_pairs() -> analysis.Analyzer:
    """Each two neighbouring words as one term ("report back", "back to", ...): a quoted phrase is found
    as the chain of its pairs, without word positions, which Whoosh checks slowly for common phrases."""
    return unstemmed() | analysis.ShingleFilter(size=2, sep=" ")


def unstemmed() -> analysis.Analyzer:
    # No stop words either: a quoted phrase must match every word it has ("the minutes of the meeting").
    return analysis.RegexTokenizer(TOKENS) | analysis.LowercaseFilter()


def archive_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),  # the archive's own id: meeting, item, resolution or document
        kind=ID(stored=True),  # meeting, item, resolution, document
        committee=ID(stored=True),
        meeting=ID(stored=True),
        date=DATETIME(stored=True, sortable=True),
        year=NUMERIC(stored=True),
        title=TEXT(analyzer=stemmed(), stored=True, field_boost=2.0, phrase=False),
        text=TEXT(analyzer=stemmed(), stored=True, phrase=False),
        exact=TEXT(analyzer=unstemmed(), phrase=False),  # single words and identifiers as printed
        pairs=TEXT(analyzer=word_pairs(), phrase=False),  # quoted phrases: see word_pairs
        refs=KEYWORD(lowercase=True, commas=True, scorable=True),  # minute, decision and resolution numbers
        people=TEXT(analyzer=unstemmed()),  # present, movers, seconders, declarants, as printed
        committee_names=KEYWORD(commas=True),  # slugs of the committee's name and other names
        person_ids=KEYWORD(commas=True),
        status=KEYWORD(lowercase=True, commas=True, stored=True),  # meeting status, action statuses
        doc_kind=ID(stored=True),  # agenda, minutes, report ... for documents
        url=STORED(),
        context=STORED(),  # "Cabinet, 30 January 2025, item 9: ..." for showing a result on its own
        digest=STORED(),  # the indexed content's hash: an unchanged entry is not written again
    )
