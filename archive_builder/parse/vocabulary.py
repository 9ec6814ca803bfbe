"""A council's own words: what the clerk's `archive.yml` adds to the builder's tables of words.

The builder reads documents through tables of words (the labels of attendance lists, the words that
open a decision or tell an outcome, the headings of private business), each kept in the module that
reads with it. A clerk whose council writes otherwise teaches the builder in `archive.yml`, without
code:

    date_order: month-first          # how 02/01/2024 is read where a document does not settle it
    attendance_labels:               # a list's label, and what it says of the names after it
      Councillors in attendance: present
      Regrets: apologies
    decision_words: [It was determined that, The Board directed that]
    outcome_words:                   # words that tell how a motion went
      Approved on a voice vote: carried
      Failed for want of a second: lost
    private_headings: [Members only]
    public_headings: [Open business]

The words are part of what keys the parse cache (`digest`): other words may read a file otherwise.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

# What an attendance label may say of the names listed after it: (status, role, note).
ATTENDANCE_MEANINGS = {
    "present": ("present", "member", None),
    "chair": ("present", "chair", None),
    "apologies": ("apologies", "member", None),
    "absent": ("absent", "member", None),
    "late": ("late", "member", None),
    "substitutes": ("present", "substitute", None),
    "officers": ("present", "officer", None),
    "guests": ("present", "also-present", None),
}
OUTCOMES = ("carried", "lost", "deferred", "noted")
DATE_ORDERS = ("day-first", "month-first")


@dataclass(frozen=True)
class Words:
    """The clerk's words, added to the built-in tables, and how this file is to be read."""

    private: tuple[str, ...] = ()  # headings that open a private section
    public: tuple[str, ...] = ()  # headings that return to public business
    withhold: bool = True  # False: the clerk's sidecar says this file holds nothing private (exempt: false)
    attendance: tuple[tuple[str, str], ...] = ()  # (label, meaning in ATTENDANCE_MEANINGS)
    decisions: tuple[str, ...] = ()  # words that open a decision: "It was determined that"
    outcomes: tuple[tuple[str, str], ...] = ()  # (words, outcome in OUTCOMES): "Approved on a voice vote"
    date_order: str | None = None  # "day-first" or "month-first" where a document does not settle it

    @property
    def digest(self) -> str:
        """What keys cached parses: other words may read a file otherwise. (The built-in tables are
        the parser's code, which keys the cache by itself.)"""
        text = json.dumps([self.private, self.public, self.withhold, self.attendance, self.decisions, self.outcomes,
                           self.date_order])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


DEFAULT_WORDS = Words()
