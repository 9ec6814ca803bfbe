"""Lines -> paragraphs: PDF text wraps at the margin, so a sentence spans lines; rejoin them, but keep
apart what starts on its own line by design: numbered and lettered parts, bullets, "RESOLVED",
the "For (57)" / "Against (0)" lines of a recorded vote, and outcomes such as "Motion carried."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive_builder.model import Line

_STARTS_PARAGRAPH = re.compile(
    r"^(?:[-•●▪◦*]\s|\(?[0-9]{1,2}[.)]\s|\([0-9]{1,2}\)|\(?[a-z][.)]\s|\([a-z]\)|\(?[ivx]{1,4}[.)]\s|\([ivx]{1,4}\)|"
    r"RESOLVED\b|Resolved\b|And\s+Resolved\b|DECISION\b|Decision\s*:|AGREED\b|Minutes\s*:|"
    r"(?i:(?:For|Against|Abstain\w*|Abstentions?|Ayes?|Noes?|Nays?)\s*(?:\(\d+\)|:\s*\d+))|"
    r"(?i:(?:Substantive\s+)?(?:Motion|Amendment|Recommendation)s?\s+(?:was\s+)?(?:carried|lost|agreed|fell|defeated|withdrawn)\b)|"
    r"(?:Agreed|Carried|AGREED|CARRIED)\s+(?i:unanimously)\b|Proposed\b|Seconded\b|Post meeting note)"
)
_ENDS_SENTENCE = re.compile(r"[.:;!?][\"”’)]*$")


@dataclass
class Paragraph:
    text: str
    page: int


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """The lines rejoined into paragraphs. Each paragraph is kept as a list of its lines until it is
    complete, and only its last line is looked at, so the cost stays linear in the text however long
    a paragraph runs (a table of 20,000 rows with no full stop reads as one)."""
    result: list[Paragraph] = []
    parts: list[str] = []  # the open paragraph's text, as joined so far, in pieces
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if parts and _continues(parts[-1], text):
            if _hyphenated(parts[-1], text, len(parts) > 1):
                parts[-1] = parts[-1][:-1] + text  # a word hyphenated at the line break
            else:
                parts.append(text)
            continue
        if parts:
            result[-1].text = " ".join(parts)
        result.append(Paragraph(text, line.page))
        parts = [text]
    if parts:
        result[-1].text = " ".join(parts)
    return result


def starts_paragraph(text: str) -> bool:
    return bool(_STARTS_PARAGRAPH.match(text))


# "Proposed by X;" / "Seconded by Y;" / "And Resolved:" printed a clause a line: one sentence, as when
# printed on one line, so that the decision keeps its mover and seconder.
_NEXT_CLAUSE = re.compile(r"^(?:Seconded|And\s+Resolved|And\s+Agreed)\b", re.I)


def _continues(previous: str, text: str) -> bool:
    if previous.endswith(";") and _NEXT_CLAUSE.match(text):
        return True
    if starts_paragraph(text):
        return False
    if text[:1].islower() or text[:1] in ",;)":
        return True
    return not _ENDS_SENTENCE.search(previous)  # "For (57)" takes the names printed after it


def _hyphenated(last: str, text: str, joined: bool) -> bool:
    """A word broken at the line's end ("commit-" / "tee"), not a dash; `joined`: the paragraph's
    last line has a line before it, so a lone "-" there follows a space."""
    dash = last.endswith(" -") or (joined and last == "-")
    return last.endswith("-") and not dash and text[:1].islower()
