"""An agenda pack -> its parts: the agenda, then each bundled document (minutes, reports, notices).

A part starts where a line reads like the head of a new document, after the first part's head:
"MINUTES OF THE JOINT COMMITTEE ...", "MINUTES of a meeting of the Cabinet", "Report from ...",
"From: / To: / Subject:", "RECORD OF DECISION", or a page stamped "Agenda Item 5". Each part keeps
the source page numbers of its lines, so it still cites the pack's pages.
"""

from __future__ import annotations

import re

from archive_builder.dates import find_dates
from archive_builder.model import Line

FIRST_PART_MIN_LINES = 8  # the pack's own head is not a boundary

_MINUTES_HEAD = re.compile(
    r"^\s*(?:DRAFT\s+|CONFIRMED\s+)?MINUTES\s+OF\b|^\s*MINUTES of (?:a|an|the) (?:\w+ )?meeting\b|"
    r"^\s*(?:Draft\s+)?Minutes of (?:a|an|the) (?:\w+ )?meeting of\b"
)
_REPORT_HEAD = re.compile(r"^\s*Report (?:from|to|of|for|by) (?:the )?[A-Z]")
_FROM_TO = re.compile(r"^\s*From\s*:")
_DECISION_HEAD = re.compile(r"\b(?:RECORD OF (?:EXECUTIVE |OFFICER )?DECISION|DECISION NOTICE)\b", re.I)
_ITEM_STAMP = re.compile(r"^\s*Agenda Item\s+\d+[A-Za-z]?\s*$", re.I)
_ATTENDANCE = re.compile(r"^\s*(?:PRESENT|Present|Attendance|ATTENDANCE|Members present)\b")


def split_parts(lines: list[Line]) -> list[list[Line]]:
    """The lines of each part, in order; a document that is not a pack gives one part."""
    starts = [0] + [i for i in range(FIRST_PART_MIN_LINES, len(lines)) if _starts_document(lines, i)]
    starts = _drop_close_starts(starts)
    return [lines[start:end] for start, end in zip(starts, starts[1:] + [len(lines)], strict=False)]


def _starts_document(lines: list[Line], index: int) -> bool:
    text = lines[index].text
    following = lines[index + 1 : index + 30]
    if _ITEM_STAMP.match(text) and _first_on_page(lines, index):
        return True
    if _MINUTES_HEAD.search(text):
        near = " ".join(line.text for line in [lines[index]] + following[:6])
        return bool(find_dates(near)) and any(_ATTENDANCE.match(line.text) for line in following)
    if _DECISION_HEAD.search(text) and _first_on_page(lines, index, slack=3):
        return True
    if _REPORT_HEAD.match(text) and len(text) < 160:
        return _first_on_page(lines, index, slack=4) or _near_previous_end(lines, index)
    if _FROM_TO.match(text):
        labels = " ".join(line.text for line in following[:8])
        return bool(re.search(r"\bTo\s*:", labels) and re.search(r"\bSubject\s*:", labels))
    return False


def _first_on_page(lines: list[Line], index: int, slack: int = 2) -> bool:
    page = lines[index].page
    first = next(i for i in range(index, -1, -1) if i == 0 or lines[i - 1].page != page)
    return index - first < slack and lines[index].page != lines[0].page


def _near_previous_end(lines: list[Line], index: int) -> bool:
    # A text pack without page breaks: the previous document ends with a signature or a closing line.
    before = " ".join(line.text for line in lines[max(0, index - 3) : index])
    return bool(re.search(r"\b(?:Chair(?:man)?|signed|closed at|meeting ended)\b", before, re.I))


def _drop_close_starts(starts: list[int]) -> list[int]:
    # An item stamp followed by the report's own head is one boundary, not two.
    kept: list[int] = []
    for start in starts:
        if kept and start - kept[-1] < 6 and kept[-1] != 0:
            continue
        kept.append(start)
    return kept
