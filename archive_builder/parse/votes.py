"""Recorded votes and outcomes, however minutes write them.

"For (57) Mr Baker, ... Against (0) Abstain (2) Mr B Lewis, Mr D Ross" (ModernGov recorded votes),
"For: 8 Against: 3 Abstention: 1", "Motion Carried 6-1", "eight were in favour, one abstained",
"six in favour, 1 abstained", "4 agreed and 4 abstained", "all were in favour", "Agreed unanimously",
"Ayes: Lee, Kim. Nays: Cho.", a roll call read out ("Dick Dillon yea, Janet Keough yea").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive_builder.model import Votes

NUMBER_WORDS = {
    "no": 0, "none": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
_COUNT = r"(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
_LABELLED = re.compile(
    r"^(?P<side>For|Against|Abstain\w*|Abstentions?|Ayes?|Noes?|Nays?)\s*(?:\((?P<n>\d+)\)|:\s*(?P<m>\d+))\s*(?P<names>.*)$",
    re.I,
)
_SIDES = {"for": "for", "aye": "for", "ayes": "for", "against": "against", "no": "against", "noes": "against",
          "nay": "against", "nays": "against"}
_SCORE = re.compile(r"\b(?:carried|passed|lost|defeated|failed|agreed)\s*(?:by\s+)?\(?(\d{1,3})\s*[-–:]\s*(\d{1,3})(?:\s*[-–:]\s*(\d{1,3}))?\)?", re.I)
# "5 for, 2 against" but not "£52 for 2025/26"
_PROSE_FOR = re.compile(
    rf"(?<![£$€\d.,])\b{_COUNT}\s+(?:were\s+|votes?\s+|members\s+|councillors\s+)?(?:in favour|for(?=\s*(?:,|;|\.|and\b|$))|agreed\b|voted for)",
    re.I,
)
_PROSE_AGAINST = re.compile(rf"\b{_COUNT}\s+(?:were\s+|votes?\s+|members\s+|councillors\s+)?(?:against|voted against|opposed)", re.I)
_PROSE_ABSTAIN = re.compile(rf"\b{_COUNT}\s+(?:were\s+|members\s+|councillors\s+)?(?:abstained|abstentions?|abstaining)", re.I)
UNANIMOUS = re.compile(r"\b(?:unanimous(?:ly)?|all (?:were |members |councillors )?(?:in favour|agreed)|nem(?:ine)?\.? con(?:tradicente)?\.?)\b", re.I)

_OUTCOME = re.compile(
    r"\b(?P<what>(?:substantive\s+)?motion|amendment|recommendations?|proposal|resolution)?\s*(?:was\s+|were\s+)?"
    r"(?P<result>carried|passed|lost|fell|defeated|failed|not carried|withdrawn|agreed|approved|deferred|rejected)\b",
    re.I,
)


def labelled_vote(text: str) -> tuple[str, int, str] | None:
    """'For (57) Mr Baker, ...' -> ('for', 57, 'Mr Baker, ...'); None for other text."""
    match = _LABELLED.match(text.strip())
    if not match:
        return None
    side_word = match.group("side").lower()
    side = _SIDES.get(side_word, "abstain" if side_word.startswith("abst") else None)
    if side is None:
        return None
    return side, int(match.group("n") or match.group("m")), match.group("names").strip()


def prose_votes(text: str) -> Votes | None:
    """Counts written in words or figures in a sentence, or a score like 'Carried 6-1'."""
    score = _SCORE.search(text)
    if score:
        return Votes(for_=int(score.group(1)), against=int(score.group(2)),
                     abstain=int(score.group(3)) if score.group(3) else None)
    found = {side: _number(pattern.search(text)) for side, pattern in
             (("for", _PROSE_FOR), ("against", _PROSE_AGAINST), ("abstain", _PROSE_ABSTAIN))}
    if all(value is None for value in found.values()):
        return named_votes(text)
    return Votes(for_=found["for"], against=found["against"], abstain=found["abstain"])


# A vote by names: "Ayes: Lee, Kim, Park. Nays: Cho." and a roll call read out, "Dick Dillon yea, Janet
# Keough yea, and Gary Mantay nay".
_NAMED_SIDE = re.compile(
    r"\b(?P<side>(?i:ayes?|yeas?|nays?|noes?|abstain(?:ed|ing)?|abstentions?))\s*[:–—-]\s*"
    r"(?P<names>[A-Z][^.;:]*?)(?=\s*[.;]|\s+(?i:ayes?|yeas?|nays?|noes?|abstain\w*|abstentions?|absent)\s*[:–—-]|$)")
_ROLL_CALL_VOTE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?P<vote>yea|aye|nay)\b")
_NAMED_SIDES = {"aye": "for", "ayes": "for", "yea": "for", "yeas": "for", "nay": "against", "nays": "against",
                "no": "against", "noes": "against", "yes": "for"}


def named_votes(text: str) -> Votes | None:
    """Counts from the names each side lists, or None where no side is listed by name."""
    names: dict[str, list[str]] = {}
    called_out = False  # a roll call names everyone who voted: a side no one took is 0, not unknown
    for match in _NAMED_SIDE.finditer(text):
        side = _NAMED_SIDES.get(match.group("side").lower(), "abstain")
        # surnames alone, as roll calls print them: "Lee, Kim and Park" (not "Surname, Forename")
        listed = [n.strip() for n in re.split(r"\s*(?:,|;|&|\band\b)\s*", match.group("names"))
                  if n.strip() and not re.fullmatch(r"(?i:none|nil|no\s+one|nobody)", n.strip())]
        names.setdefault(side, []).extend(listed)
    if not names:
        called = list(_ROLL_CALL_VOTE.finditer(text))
        if len(called) < 2:
            return None
        called_out = True
        for match in called:
            names.setdefault(_NAMED_SIDES[match.group("vote").lower()], []).append(match.group("name"))
    unlisted = 0 if called_out else None
    return Votes(for_=len(names["for"]) if "for" in names else unlisted,
                 against=len(names["against"]) if "against" in names else unlisted,
                 abstain=len(names["abstain"]) if "abstain" in names else None, names=names)


def _number(match: re.Match | None) -> int | None:
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def outcome_of(text: str) -> str | None:
    """'Motion carried.' -> 'carried'; 'Amendment lost.' -> 'lost'; None where the text says nothing."""
    match = _OUTCOME.search(text)
    if not match:
        return None
    result = match.group("result").lower()
    if result in {"carried", "passed", "agreed", "approved"}:
        return "carried"
    if result in {"lost", "fell", "defeated", "failed", "not carried", "rejected", "withdrawn"}:
        return "lost"
    return "deferred"


def outcome_line(text: str) -> str | None:
    """The outcome where a whole short line states it: 'Motion carried.', 'Agreed unanimously.'."""
    stripped = text.strip().rstrip(".")
    if len(stripped) > 60:
        return None
    if re.fullmatch(r"(?:agreed|carried|passed)\s+unanimously|unanimously\s+(?:agreed|carried|passed)|carried|agreed|passed", stripped, re.I):
        return "carried"
    if re.fullmatch(r"defeated|lost|not carried|failed|withdrawn", stripped, re.I):
        return "lost"
    if re.fullmatch(r"(?:the\s+)?(?:(?:substantive\s+)?motion|amendment|recommendations?|proposal)s?\s+(?:was\s+)?\w+(?:\s+\w+)?", stripped, re.I):
        return outcome_of(stripped)
    return None


def outcome_from_votes(votes: Votes) -> str | None:
    if votes.for_ is None or votes.against is None:
        return None
    return "carried" if votes.for_ > votes.against else "lost"


# How boards on Granicus and like portals tabulate a result: "RESULT: PASSED [14 TO 1]", "ADOPTED AS
# AMENDED [UNANIMOUS]", "DEFEATED [3 TO 12]" (the result word in capitals, as the portal prints it),
# and how a chair declares it: "Chair Bouquet declared the motion PASSED."
_RESULT = re.compile(
    r"^(?:RESULT:\s*)?(?P<result>PASSED|ADOPTED(?:\s+AS\s+AMENDED)?|APPROVED|CARRIED|DEFEATED|FAILED|LOST|WITHDRAWN|"
    r"POSTPONED|TABLED)\b(?:\s*\[(?:(?P<unanimous>UNANIMOUS)|(?P<for>\d{1,3})\s+TO\s+(?P<against>\d{1,3}))\])?"
)
_DECLARED = re.compile(
    r"\bdeclared\s+the\s+(?:main\s+)?motion(?:,?\s+as\s+amended,?)?(?:\s+to\s+\w+)?\s+(?P<result>passed|carried|adopted|failed|defeated|lost)\b",
    re.I,
)
_RESULT_OUTCOMES = {"passed": "carried", "adopted": "carried", "approved": "carried", "carried": "carried",
                    "defeated": "lost", "failed": "lost", "lost": "lost", "withdrawn": "lost", "postponed": "deferred",
                    "tabled": "deferred"}


@dataclass
class Result:
    """A tabulated result ("PASSED [8 TO 7]") or a chair's declaration of one."""

    outcome: str
    votes: Votes | None
    printed: str  # as the minutes print it: "PASSED [8 TO 7]", "Chair Bouquet declared the motion PASSED."
    declared: bool  # the chair's declaration, which ends the record of a vote


def result_record(text: str) -> Result | None:
    """The tabulated result or chair's declaration that `text` prints, or None."""
    tabulated = _RESULT.match(text.strip())
    match = tabulated or _DECLARED.search(text)
    if not match:
        return None
    outcome = _RESULT_OUTCOMES[match.group("result").split()[0].lower()]
    groups = match.groupdict()
    votes = Votes(for_=int(groups["for"]), against=int(groups["against"])) if groups.get("for") else None
    if tabulated:
        return Result(outcome, votes, match.group(0).strip(), declared=False)
    sentence = next((s for s in re.split(r"(?<=[.!?])\s+", text) if _DECLARED.search(s)), match.group(0))
    # what a run-on line puts before the declaration: "Vince Buzek Chair Bouquet declared ..."
    declared = re.search(r"\b(?:Chair(?:man|woman|person)?|Mayor|President|Presiding\s+Officer|Speaker|Clerk|"
                         r"Vice\s+Chair|Deputy\s+Mayor)\b[^.]*$", sentence[: _DECLARED.search(sentence).start()])
    printed = sentence[declared.start():] if declared else sentence
    return Result(outcome, votes, printed.strip(), declared=True)
