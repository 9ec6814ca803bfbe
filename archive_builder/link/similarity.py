"""How close two texts of the archive are: a TF-IDF cosine, from 0 to 1, over word statistics taken
from the archive's own entries, so thresholds mean the same in every archive and the same sources
always give the same scores.

Two uses: scoring a text against a few known entries (the items of the meeting an action is due at),
which needs no index; and finding, among many entries, the closest to a text (what a decision is
"possibly related" to), where the Whoosh index finds the candidates: the entries carrying the text's
most telling words.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from archive_builder import forked
from search.schema import stemmed_word, stemmed_words, words_of

Counts = dict[str, int]  # a text's words (stemmed terms) -> how often it has each

QUERY_TERMS = 12  # a text's most telling words: what it is about, without the long lists of common words
CANDIDATES = 40  # entries scored by cosine, of those the index ranks first: far more than are ever kept


@dataclass(frozen=True)
class Weighed:
    """A text's vector, and the index documents that carry its most telling words, heaviest first, as
    (-weight, entry id, document number); `place`: each document's place in that order."""
    vector: dict[str, float]
    heaviest: list[tuple[float, str, int]]
    place: dict[int, int]
    scores: dict[str, float] = field(default_factory=dict)  # see Similarity._ranking
    matches: dict[str, Match] = field(default_factory=dict)


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
    def __init__(self, texts: dict[str, str], ignore: set[str] | None = None,
                 known_counts: Mapping[str, Counts] | None = None) -> None:
        """`texts`: every indexed text of the archive by its entry id (what the index holds as its
        title and text), for the words' document frequencies and the entries' own vectors. They are
        taken from the archive, not the index, whose statistics depend on its history of updates.
        `ignore`: more words to leave out, such as the names of the archive's people ("Cllr Grant
        Tomkins proposed ..." makes decisions alike only in who moved them). `known_counts`: texts'
        word counts of an earlier build, by the text's digest (incremental/word_counts.py keeps them):
        only the texts they do not hold are counted. `word_counts`: every text's, to keep for the next."""
        self._ignore = PROCEDURE_WORDS | {term for word in (ignore or ()) for term in stemmed_words(word)}
        self._term_of: dict[str, str | None] = {}
        self._word_of: dict[str, str | None] = {}
        # Shared over the cores: cutting and stemming every text of the archive is pure and long.
        digests = {entry_id: text_digest(text) for entry_id, text in texts.items()}
        known = known_counts or {}
        missing = {digest: texts[entry_id] for entry_id, digest in digests.items() if digest not in known}
        counted = dict(zip(missing, forked.map_shared(self._counted_all, list(missing.values())), strict=True))
        self.word_counts: dict[str, Counts] = {digest: counted[digest] if digest in counted else known[digest]
                                               for digest in sorted(set(digests.values()))}
        self.counted_anew = len(missing)
        every_word = {entry_id: self.word_counts[digest] for entry_id, digest in digests.items()}
        ignored = self._ignore
        # In the order the words come in the text, as counting them here would give: vectors sum in it.
        self._counts = {entry_id: Counter({term: count for term, count in counts.items() if term not in ignored})
                        for entry_id, counts in every_word.items()}
        self._frequency: Counter = Counter()
        for counts in self._counts.values():
            self._frequency.update(counts.keys())
        self._documents = max(1, len(texts))
        self._idf: dict[str, float] = {}
        self._vectors: dict[str, dict[str, float]] = {}

    def _counted_all(self, texts: list[str]) -> list[Counter]:
        """Each text's words counted, the ignored ones included."""
        return [Counter(self._terms(text, self._word_of, self._judged_all)) for text in texts]

    def vector(self, text: str) -> dict[str, float]:
        return self._weighted(Counter(self._terms(text)))

    def ranked(self, text: str, entry_ids, limit: int | None = None) -> list[Match]:
        """The entries `entry_ids` that share words with `text`, closest first."""
        return self._ranked(self.vector(text), entry_ids, limit)

    def _ranked(self, vector: dict[str, float], entry_ids, limit: int | None) -> list[Match]:
        return list(self._ranking(vector, entry_ids, limit))

    def _ranking(self, vector: dict[str, float], entry_ids, limit: int | None,
                 seen: Weighed | None = None) -> Iterator[Match]:
        """_ranked, a match at a time: a caller that stops early spares finding the words of the rest.
        `seen`: the weighed text of `vector`, which keeps the scores and matches found for it, as a
        committee's decisions that repeat the same words are each scored against mostly the same items."""
        scores = seen.scores if seen else {}
        matches = seen.matches if seen else {}
        scored = sorted((self._negated_score(vector, e, scores), e) for e in entry_ids)
        for score, entry_id in scored[:limit]:
            if score >= 0:
                return  # no word in common, nor with any after it
            if entry_id not in matches:
                matches[entry_id] = self._match(vector, entry_id, -score)
            yield matches[entry_id]

    def _negated_score(self, vector: dict[str, float], entry_id: str, scores: dict[str, float]) -> float:
        """-cosine, to 3 places (the closest sort first), remembered in `scores`."""
        score = scores.get(entry_id)
        if score is None:
            score = scores[entry_id] = -round(cosine(vector, self._entry_vector(entry_id)), 3)
        return score

    def weighed(self, text: str, postings: Postings, pool: frozenset[int]) -> Weighed:
        """The text's vector, and the index documents of `pool` (Whoosh document numbers) that carry
        any of its most telling words, heaviest first: each weighs the summed weight of the words it
        carries (summed in the same order of words every time, so equal texts weigh exactly the same),
        and equal weights go in the order of their ids (not the index's order of documents, which the
        same sources do not always give). Weighed once for a whole committee's items, then narrowed to
        the later ones of each meeting (`closest`): a committee's decisions repeat the same words
        meeting after meeting."""
        vector = self.vector(text)
        weights: Counter = Counter()
        if vector and pool:
            for term in sorted(vector, key=lambda t: (-round(vector[t], 9), t))[:QUERY_TERMS]:
                for docnum in postings.carrying(term) & pool:
                    weights[docnum] += vector[term]
        ids = postings.ids
        heaviest = sorted((-weight, ids[docnum], docnum) for docnum, weight in weights.items())
        return Weighed(vector, heaviest, {docnum: place for place, (_, _, docnum) in enumerate(heaviest)})

    def closest(self, weighed: Weighed, allowed: set[int], limit: int = 10) -> Iterator[Match]:
        """The entries closest to a text among the index documents `allowed` (a part of the pool it
        was weighed in), best first: of the documents that weigh most (as if weighed among `allowed`
        alone), the best are scored by cosine."""
        if not weighed.vector or not allowed:
            return iter(())
        # Walking the heaviest until CANDIDATES are allowed takes about CANDIDATES * heaviest / allowed
        # steps; sorting the allowed by their places, allowed steps: the fewer, for the same candidates.
        if len(allowed) ** 2 < CANDIDATES * len(weighed.heaviest):  # a late meeting's few later items
            places = sorted(weighed.place[docnum] for docnum in allowed if docnum in weighed.place)[:CANDIDATES]
            candidates = [weighed.heaviest[place][1] for place in places]
        else:  # an early meeting's many: the first heavy documents are mostly among them
            candidates = []
            for _, entry_id, docnum in weighed.heaviest:
                if docnum in allowed:
                    candidates.append(entry_id)
                    if len(candidates) == CANDIDATES:
                        break
        return self._ranking(weighed.vector, candidates, limit, weighed)

    def _match(self, vector: dict[str, float], entry_id: str, score: float) -> Match:
        other = self._entry_vector(entry_id)
        shared = tuple(sorted(set(vector) & set(other), key=lambda t: (-round(vector[t] * other[t], 9), t)))
        return Match(entry_id, score, shared)

    def _terms(self, text: str, known: dict[str, str | None] | None = None, judged=None) -> list[str]:
        """The text's stemmed words, less short words, numbers and the ignored words (all `judged`
        would keep, remembered in `known`). Each distinct word is judged once (a large archive's
        texts hold a few thousand words, over and over)."""
        terms = []
        known, judged = (self._term_of, self._judged) if known is None else (known, judged)
        for word in words_of(text or ""):
            term = known.get(word, _UNSEEN)
            if term is _UNSEEN:
                term = known[word] = judged(word)
            if term is not None:
                terms.append(term)
        return terms

    def _judged(self, word: str) -> str | None:
        term = self._judged_all(word)
        return term if term not in self._ignore else None

    @staticmethod
    def _judged_all(word: str) -> str | None:
        """The word's term, but for short words and numbers, whether ignored or not."""
        term = stemmed_word(word)
        return term if term is not None and len(term) > 2 and not _has_digit(term) else None

    def _entry_vector(self, entry_id: str) -> dict[str, float]:
        if entry_id not in self._vectors:
            self._vectors[entry_id] = self._weighted(self._counts.get(entry_id, Counter()))
        return self._vectors[entry_id]

    def _weighted(self, counts: Counter) -> dict[str, float]:
        weights = {term: (1 + math.log(count)) * self._term_idf(term) for term, count in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def _term_idf(self, term: str) -> float:
        if term not in self._idf:
            self._idf[term] = math.log((self._documents + 1) / (self._frequency[term] + 1)) + 1
        return self._idf[term]


class Postings(Protocol):
    """Which index documents carry a (stemmed) word of the `text` field (search.terms.Postings), and
    the archive id of each document that may be asked for."""

    ids: dict[int, str]

    def carrying(self, term: str) -> frozenset[int]: ...


def text_digest(text: str) -> str:
    """What a text's word counts are kept by between builds."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


_DIGIT = re.compile(r"\d")
_UNSEEN = object()


def _has_digit(term: str) -> bool:
    return _DIGIT.search(term) is not None


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # In a's order, every time: the same texts give the same float, to the last bit.
    return sum(weight * b[term] for term, weight in a.items() if term in b)
