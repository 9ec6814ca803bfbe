"""How close two texts of the archive are: the Whoosh index finds the candidates (its key terms of a
text, searched among the entries a filter allows), and a TF-IDF cosine over the index's own word
statistics scores each candidate from 0 to 1, so thresholds mean the same in every archive."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from typing import Iterable

from whoosh import scoring
from whoosh.query import And, Or, Term

from search.schema import stemmed


QUERY_TERMS = 40  # enough of a text's words to find what shares only its common ones
CANDIDATES = 200  # entries scored by cosine, of those the index finds: far more than are ever kept


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    shared: tuple[str, ...]  # the words both texts carry, most telling first: the evidence


# Words of procedure say nothing about what a decision is about.
PROCEDURE_WORDS = {
    "cllr", "cllrs", "councillor", "councillors", "mr", "mrs", "ms", "miss", "dr", "propos", "second", "favour",
    "abstain", "abstent", "agre", "unanim", "carri", "resolv", "vote", "motion", "minut", "note", "chair", "chairman",
    "item", "meet", "committe", "council", "all", "were", "was", "been", "would", "which", "there", "their",
}


class Similarity:
    def __init__(self, index, texts: Iterable[str], ignore: set[str] | None = None) -> None:
        """`texts`: every indexed text of the archive, for the words' document frequencies (taken from
        the archive, not the index, whose statistics depend on its history of updates: the same
        sources must give the same scores). `ignore`: more words to leave out, such as the names of
        the archive's people ("Cllr Grant Tomkins proposed ..." makes decisions alike only in who moved them)."""
        # Term frequency with the query's own weights: a ranking that depends on the entries alone.
        self._searcher = index.searcher(weighting=scoring.Frequency())
        self._analyze = stemmed()
        self._ignore = PROCEDURE_WORDS | {token.text for word in (ignore or ()) for token in self._analyze(word)}
        self._frequency: Counter = Counter()
        count = 0
        for text in texts:
            self._frequency.update(set(self._terms(text)))
            count += 1
        self._documents = max(1, count)
        self._idf: dict[str, float] = {}
        self._vectors: dict[str, dict[str, float]] = {}

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> "Similarity":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def closest(self, text: str, among, limit: int = 10) -> list[Match]:
        """The entries allowed by the query `among` whose text is closest to `text`, best first."""
        vector = self.vector(text)
        if not vector:
            return []
        terms = sorted(vector, key=lambda t: (-round(vector[t], 9), t))[:QUERY_TERMS]
        query = Or([Term("text", term, boost=vector[term]) for term in terms])
        hits = self._searcher.search(And([query, among]), limit=max(limit, CANDIDATES))
        matches = []
        for hit in hits:
            other = self._stored_vector(hit["id"], f"{hit.get('title', '')}\n{hit.get('text', '')}")
            score = cosine(vector, other)
            shared = tuple(sorted(set(vector) & set(other), key=lambda t: (-round(vector[t] * other[t], 9), t)))
            matches.append(Match(hit["id"], round(score, 3), shared))
        return sorted(matches, key=lambda m: (-m.score, m.id))[:limit]

    def _terms(self, text: str) -> list[str]:
        return [
            token.text for token in self._analyze(text or "")
            if len(token.text) > 2 and not any(c.isdigit() for c in token.text) and token.text not in self._ignore
        ]

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(self._terms(text))
        weights = {term: (1 + math.log(count)) * self._term_idf(term) for term, count in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def _stored_vector(self, entry_id: str, text: str) -> dict[str, float]:
        if entry_id not in self._vectors:
            self._vectors[entry_id] = self.vector(text)
        return self._vectors[entry_id]

    def _term_idf(self, term: str) -> float:
        if term not in self._idf:
            self._idf[term] = math.log((self._documents + 1) / (self._frequency[term] + 1)) + 1
        return self._idf[term]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())
