"""A councillor's question -> a Whoosh query, precisely.

    datacentre link                  every word, stemmed: "benchmarking" finds "benchmark"
    "letter be sent"                 the words exactly, in that order
    24/00096  R2024-017  68/18       identifiers as written
    minute 288                       the item with that minute number
    committee:cabinet year:2025      fields, as the command's options (committee, kind, person,
    kind:resolution status:overdue   status, year, from, to)

Everything given must match (a precise question narrows, it does not widen). A query that cannot
be read raises QueryError with what to change, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import pairwise

from whoosh.analysis import STOP_WORDS
from whoosh.query import And, DateRange, Or, Query, Term

from archive_builder.dates import find_dates
from archive_builder.model import ActionStatus, MeetingStatus, Outcome
from archive_builder.slugs import slugify

from .schema import stemmed, unstemmed

KINDS = {"meeting", "item", "resolution", "document"}
KIND_SYNONYMS = {"decision": "resolution", "decisions": "resolution", "resolutions": "resolution", "items": "item",
                 "meetings": "meeting", "documents": "document"}
DOCUMENT_KINDS = {"agenda", "minutes", "report", "decision-notice", "other"}
STATUSES = {*Outcome, *ActionStatus, *MeetingStatus, "exempt"}
FIELDS = ("committee", "kind", "person", "status", "year", "from", "to")
REFS_BOOST = 4.0

_TOKEN = re.compile(r'(?P<field>[A-Za-z_]+):(?P<value>"[^"]*"|\S+)|"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)')
_IDENTIFIER = re.compile(r"^[A-Za-z]*\d+(?:[/.-]\d+)+[A-Za-z]*$|^[A-Za-z]{1,3}\d{4}[-/]\d{2,4}$")
_MINUTE_WORD = re.compile(r"^(?:minute|minutes|min|item)$", re.I)


class QueryError(ValueError):
    """A query that cannot be read; the message says what to change."""


@dataclass
class Filters:
    committee: str | None = None
    kind: str | None = None
    person: str | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def query(self, dates: bool = True) -> Query | None:
        """The filters as one Whoosh query; `dates=False` leaves the dates out, for a caller that
        applies them from the index's date column (a date range as a query is slow: see searching)."""
        parts: list[Query] = []
        if self.committee:
            parts.append(Or([Term("committee", slugify(self.committee)), Term("committee_names", slugify(self.committee))]))
        if self.kind:
            parts.append(Term("doc_kind", self.kind) if self.kind in DOCUMENT_KINDS else Term("kind", self.kind))
        if self.person:
            words = [t.text for t in unstemmed()(self.person) if t.text not in {"cllr", "councillor", "mr", "mrs", "ms", "dr"}]
            parts.append(And([Term("people", w) for w in words]) if words else Term("people", self.person.lower()))
        if self.status:
            parts.append(Term("status", self.status))
        if dates and (self.date_from or self.date_to):
            start = dt.datetime.combine(self.date_from, dt.time.min) if self.date_from else None
            end = dt.datetime.combine(self.date_to, dt.time.max) if self.date_to else None
            parts.append(DateRange("date", start, end))
        return And(parts) if parts else None


@dataclass
class ParsedQuery:
    query: Query | None
    words: list[str] = field(default_factory=list)  # plain words as typed, for "did you mean"
    phrases: list[str] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)


def parse(text: str, filters: Filters) -> ParsedQuery:
    """Read the query text; `field:value` parts set `filters` (the options given on the command line
    win where both say something)."""
    if text.count('"') % 2:
        raise QueryError(f'unbalanced quotation marks in "{text}": close the quoted phrase, or remove the stray "')
    parsed = ParsedQuery(query=None)
    parts: list[Query] = []
    tokens = list(_TOKEN.finditer(text))
    skip_next_word = False
    for index, token in enumerate(tokens):
        if token.group("field"):
            _set_field(filters, token.group("field").lower(), token.group("value").strip('"'))
        elif token.group("phrase") is not None:
            phrase = _phrase(token.group("phrase"))
            if phrase is not None:
                parts.append(phrase)
                parsed.phrases.append(token.group("phrase"))
        else:
            word = token.group("word").strip(".,;!?()")
            if not word:
                continue
            following = tokens[index + 1].group("word") if index + 1 < len(tokens) else None
            if _MINUTE_WORD.match(word) and following and re.match(r"^\d", following):
                skip_next_word = True  # "minute 288": the item numbered so, not the word "minute"
                parts.append(Term("refs", following.strip(".,;").lower()))
                continue
            if skip_next_word:
                skip_next_word = False
                continue
            if _IDENTIFIER.match(word) or word.isdigit():
                parts.append(_identifier(word))
                parsed.identifiers.append(word)
                continue
            stems = [t.text for t in stemmed()(word)]
            if not stems:
                continue  # a word too common to search by ("the", "of")
            parts.append(And([Or([Term("title", s), Term("text", s), Term("people", w.text)]) for s, w in zip(stems, unstemmed()(word), strict=False)]))
            parsed.words.append(word)
    parsed.query = And(parts) if parts else None
    return parsed


def _set_field(filters: Filters, name: str, value: str) -> None:
    if name not in FIELDS:
        raise QueryError(f"unknown field '{name}:' in the query; the fields are {', '.join(f + ':' for f in FIELDS)}")
    if name in ("from", "to"):
        setattr(filters, "date_from" if name == "from" else "date_to", read_date(value, name))
    elif name == "year":
        if not re.fullmatch(r"(?:19|20)\d\d", value):
            raise QueryError(f"'year:{value}' is not a year: write it as four figures, e.g. year:2024")
        filters.date_from, filters.date_to = dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    elif name == "kind":
        filters.kind = read_kind(value)
    elif name == "status":
        filters.status = read_status(value)
    else:
        setattr(filters, name, value)


def read_date(value: str, name: str = "from") -> dt.date:
    """'2018-01-01', '1 March 2019', '2019-03' (the start or end of the month) or '2019'."""
    value = value.strip()
    if re.fullmatch(r"(?:19|20)\d\d", value):
        return dt.date(int(value), 1, 1) if name == "from" else dt.date(int(value), 12, 31)
    month = re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})", value)
    if month and 1 <= int(month.group(2)) <= 12:
        year, number = int(month.group(1)), int(month.group(2))
        if name == "from":
            return dt.date(year, number, 1)
        following = dt.date(year + (number == 12), number % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    dates = find_dates(value)
    if len(dates) == 1 and len(dates[0].text.strip()) >= len(value) - 2:
        return dt.date.fromisoformat(dates[0].iso)
    raise QueryError(f"'{value}' is not a date: use a form such as 2018-10-16, 16 October 2018, 2018-10 or 2018")


def read_kind(value: str) -> str:
    kind = KIND_SYNONYMS.get(value.lower(), value.lower())
    if kind not in KINDS | DOCUMENT_KINDS:
        raise QueryError(f"'{value}' is not a kind; the kinds are {', '.join(sorted(KINDS | DOCUMENT_KINDS))}")
    return kind


def read_status(value: str) -> str:
    status = value.lower().replace(" ", "-").replace("followed_up", "followed-up")
    if status not in STATUSES:
        raise QueryError(f"'{value}' is not a status; the statuses are {', '.join(sorted(STATUSES))}")
    return status


def _phrase(text: str) -> Query | None:
    words = [t.text for t in unstemmed()(text)]
    if not words:
        return None
    if len(words) == 1:
        return Term("exact", words[0])
    pairs = list(pairwise(words))
    # "to the" is in nearly every text: the pairs either side of it hold the phrase together.
    telling = [pair for pair in pairs if not set(pair) <= STOP_WORDS] or pairs
    return And([Term("pairs", f"{first} {second}") for first, second in telling])


def _identifier(value: str) -> Query:
    token = value.lower()
    # The item or decision that carries the number comes before the texts that mention it.
    return Or([Term("refs", token, boost=REFS_BOOST), Term("exact", token)])
