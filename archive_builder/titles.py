"""Whether two titles name the same business: their significant words, without numbers, periods or
decision numbers ("Quarterly Performance Report, Q3 2024-2025" and "... Q2 2024-2025" are one series)."""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.lang.porter import stem  # "Approval of Payments" and "To approve payments" name one business

_STOP = {"the", "of", "and", "to", "for", "on", "in", "a", "an", "at", "by", "with", "from", "if", "be", "any", "this", "that"}
_ROUTINE = {"to", "consider", "discuss", "receive"}  # "To consider: ..." says how, not what
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"


@lru_cache(maxsize=65536)  # series compare every title with many others: read each once
def title_words(title: str) -> frozenset[str]:
    text = re.sub(r"\b(?:[A-Z]{2,6}/\d{2,4}/\d{2,5}|\d{2}/\d{4,6})\b", " ", title.lower())
    text = re.sub(r"\b(?:19|20)\d\d(?:[-/]\d\d(?:\d\d)?)?\b|\bq[1-4]\b", " ", text)
    text = re.sub(rf"\b(?:{_MONTHS})\b", " ", text)
    return frozenset(stem(w) for w in re.findall(r"[a-z][a-z'’]+", text) if w not in _STOP and w not in _ROUTINE)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words (Jaccard): 1 for the same words, 0 for none in common."""
    return len(a & b) / len(a | b) if a and b else 0.0
