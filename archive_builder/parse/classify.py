"""What kind of document a text is: agenda, minutes, report, decision notice, or other.

Each kind has signals, weighted by how surely they tell it; the head of a document (its first lines)
counts most, since a report or an agenda may quote minutes and minutes quote agendas.
"""

from __future__ import annotations

import re

from archive_builder.model import Line

KINDS = ("agenda", "minutes", "report", "decision", "other")
HEAD = 25
NEAR = 90  # an agenda may print its membership and notes before the word "Agenda"

# (kind, pattern, weight, where): where is "head" (first lines, once), "line" (any line start, per hit, capped)
_SIGNALS = [
    ("minutes", re.compile(r"^\s*(?:draft\s+|confirmed\s+|approved\s+|printed\s+)?minutes\b", re.I), 6, "head"),
    ("minutes", re.compile(r"\bminutes of (?:a|an|the) (?:\w+ )?(?:meeting|proceedings)\b", re.I), 6, "head"),
    ("minutes", re.compile(r"\bdraft minutes\b", re.I), 4, "head"),
    ("minutes", re.compile(r"^\s*(?:members\s+)?(?:present|attendance|in attendance|roll call)\b\s*(?:in the chair)?\s*:", re.I), 4, "head"),
    ("minutes", re.compile(r"\bRESOLVED\b|\b(?:seconded|motion carried|carried unanimously)\b", re.I), 1, "line"),
    ("agenda", re.compile(r"^\s*(?:A G E N D A|AGENDA|Agenda)\s*$"), 6, "head"),
    ("agenda", re.compile(r"\b(?:summons to and agenda|agenda for (?:a|an|the)|notice of (?:a |the )?meeting|agenda pack)\b", re.I), 6, "head"),
    ("agenda", re.compile(r"\((?:Pages?\s+\d+\s*-\s*\d+|Page\s+\d+)\)|\bTo Follow\b"), 1, "line"),
    ("agenda", re.compile(r"\b(?:will be held|is to be held|to deal with the following business)\b", re.I), 2, "head"),
    ("agenda", re.compile(r"^\s*Membership\s*:?\s*$", re.I), 2, "head"),
    ("agenda", re.compile(r"^\s*(?:Agenda|AGENDA)\s*$|^\s*Item\s+Page\s*$|^\s*Substitute Members?\b|press and public are welcome", re.I), 3, "near"),
    ("report", re.compile(r"^\s*Report (?:from|to|of|for|by)\b", re.I), 6, "head"),
    ("report", re.compile(r"^\s*(?:Subject|Title of report|Report title)\s*:", re.I), 5, "head"),
    ("report", re.compile(r"^\s*(?:From|By)\s*:", re.I), 2, "head"),
    ("report", re.compile(r"\b(?:Wards? Affected|Electoral Divisions?|Contact Officer|Key or Non-Key|Classification\s*:|Report author)\b", re.I), 3, "head"),
    ("report", re.compile(r"^\s*(?:\d+(?:\.0)?\s+)?Recommendations?(?:\(s\))?\s*:?\s*$", re.I), 2, "line"),
    ("report", re.compile(r"^\s*(?:\d+(?:\.0)?\s+)?(?:Financial|Legal|Equality) Implications\b", re.I), 1, "line"),
    ("decision", re.compile(r"\b(?:record of (?:executive |officer )?decision|decision notice|notice of decision|decision to be taken by|decision record)\b", re.I), 8, "head"),
    ("decision", re.compile(r"^\s*decision\s+(?:no|number|ref(?:erence)?)\.?\s*:?", re.I), 3, "head"),
]
LINE_HIT_CAP = 4
MIN_SCORE = 4


def classify(lines: list[Line]) -> str:
    scores = kind_scores(lines)
    kind, score = max(scores.items(), key=lambda pair: (pair[1], -KINDS.index(pair[0])))
    if score >= MIN_SCORE:
        return kind
    return "agenda" if _lists_business_to_come(lines) else "other"


# An agenda that never says "Agenda" (a portal's: "BOARD MEETING / Tuesday, February 25, 2025 / I. Call
# to Order / II. ..."): numbered business, and none of what minutes record of it.
_NUMBERED_HEADING = re.compile(r"^\s*(?:(?:[IVXL]{1,6}|\d{1,2})\.?\s*$|\d{1,2}\.\s+[A-Z])")
_RECORDED = re.compile(
    r"\b(?:called\s+(?:the\s+meeting\s+)?to\s+order|seconded|carried|passed|was\s+approved|were\s+approved|"
    r"present\s+were|apologies\s+(?:for\s+absence\s+)?were\s+received|resolved|adjourned\s+at)\b",
    re.I,
)
MIN_AGENDA_ITEMS = 5
# A short agenda (a special meeting's four items) is told by the fixed business every meeting opens
# or closes with, as an item title: a clerk can only write that of a meeting to come.
MIN_SHORT_AGENDA_ITEMS = 3
_ORDER_OF_BUSINESS = re.compile(
    r"^\s*(?:call\s+to\s+order|roll\s+call|apologies(?:\s+for\s+absence)?|declarations?\s+of\s+interests?|"
    r"approval\s+of\s+(?:the\s+)?minutes|public\s+(?:comment|participation|questions)|adjourn(?:ment)?|"
    r"any\s+other\s+business|date\s+of\s+(?:the\s+)?next\s+meeting)\s*$",
    re.I,
)


def _lists_business_to_come(lines: list[Line]) -> bool:
    if any(_RECORDED.search(line.text) for line in lines):
        return False
    numbered = [index for index, line in enumerate(lines) if _NUMBERED_HEADING.match(line.text)]
    if len(numbered) >= MIN_AGENDA_ITEMS:
        return True
    titles = sum(1 for index in numbered for line in lines[index : index + 2] if _ORDER_OF_BUSINESS.match(
        _NUMBERED_HEADING.sub("", line.text)))
    return len(numbered) >= MIN_SHORT_AGENDA_ITEMS and titles >= 2


def kind_scores(lines: list[Line]) -> dict[str, int]:
    scores = {kind: 0 for kind in KINDS}
    head = [line.text for line in lines[:HEAD]]
    for kind, pattern, weight, where in _SIGNALS:
        if where in ("head", "near"):
            zone = head if where == "head" else [line.text for line in lines[:NEAR]]
            if any(pattern.search(text) for text in zone):
                scores[kind] += weight
        else:
            hits = sum(1 for line in lines if pattern.search(line.text))
            scores[kind] += weight * min(hits, LINE_HIT_CAP)
    return scores
