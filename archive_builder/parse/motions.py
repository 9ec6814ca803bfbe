"""Motions: who proposed and seconded what, as sentences of minutes put it.

"Mr Oakford proposed, and Mr Gough seconded the motion that: “...”", "It was proposed by Cllr X,
seconded by Cllr Y and unanimously agreed that ...", "Cllr Grant Tomkins proposed that ..., this was
seconded by Cllr Shirley Cordner, and all were in favour", "... were approved. Proposed. Cllr Jim
McNeill, Seconded Cllr Grant Tomkins, eight were in favour, one abstained", "Moved by X, seconded by Y";
and as US boards minute them: "Motion by Janet Keough, second by Gary Mantay to approve ...",
"Director Nicholson made the motion to approve ... Director Ruscha seconded the motion.", "Motion and
second to appoint ..." (no names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = (
    r"(?:Cllr\.?|Councillor|Cllrs?|Clir|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Mayor|Deputy Mayor|Alderman|Alderperson|"
    r"Prof|Council ?member|Councilwoman|Councilman|Commissioner|Supervisor|Trustee|Reeve|Director|Selectman|Selectwoman)"
)
_NAME_WORD = r"[A-Z](?=[\w'’\-]*[a-z])[\w'’\-]*"  # capitalised, not a word in capitals ("THAT")
# "The Chairman proposed and the Vice-Chairman seconded": a post in the chair stands for the person.
_CHAIR = r"(?:[Tt]he\s+)?(?:Vice[- ]Chair(?:man|woman|person)?|Chair(?:man|woman|person)?|Mayor|Deputy Mayor|Leader(?: of the Council)?|Deputy Leader)"
_NEXT_WORD = rf"(?:{_NAME_WORD}|[A-Z]\.?(?=[\s,;:]|$))"
# A name may open with initials: "Cllr. J. Scanlan", "S. Kirkey"
_FIRST_WORD = rf"(?:(?:[A-Z]\.\s*){{1,3}}{_NAME_WORD}|{_NAME_WORD})"
_PERSON = rf"{_TITLE}\.?\s+{_FIRST_WORD}(?:\s+{_NEXT_WORD}){{0,3}}"
_LOOSE_PERSON = rf"(?:{_TITLE}\.?\s+)?{_FIRST_WORD}(?:\s+{_NEXT_WORD}){{0,3}}"

# "offered a resolution" (US town boards), "introduced the motion"
_OFFERED = r"(?:offered|introduced)\s+(?:a|the)\s+(?:resolution|motion)"
_MOVER_FIRST = re.compile(rf"(?P<name>{_PERSON}|{_CHAIR})\s+(?:proposed|moved|made\s+(?:a|the)\s+motion|{_OFFERED})\b")
_MOTION_BY = re.compile(rf"(?i:\bmotion\s+(?:was\s+)?(?:made\s+)?by)\s+(?P<name>{_LOOSE_PERSON}|{_CHAIR})")
_MOVED_BY = re.compile(rf"(?i:\b(?:proposed|moved)(?:\s+by)?)[.:,]?\s+(?P<name>{_PERSON})")
# Irish minutes: "adopted on the proposal of Cllr. J. Scanlan, seconded by Cllr. J. Egan"
_PROPOSAL_OF = re.compile(rf"(?i:\bon\s+the\s+(?:proposal|motion)\s+of)\s+(?P<name>{_LOOSE_PERSON}|{_CHAIR})")
# Canadian numbered resolutions name mover and seconder before the motion: "S. Kirkey, S. Foote: THAT ..."
_NAMES_BEFORE_THAT = re.compile(
    rf"^\W*(?P<name>{_LOOSE_PERSON})\s*,\s*(?P<seconder>{_LOOSE_PERSON})\s*:\s*(?=THAT\b)")
_LATE_BY = re.compile(rf"(?i:\bproposed\b)(?:(?!(?i:seconded)).){{0,160}}?\bby\s+(?P<name>{_LOOSE_PERSON}|{_CHAIR})")
_BARE_MOVER_FIRST = re.compile(rf"^[\W\d)]*(?P<name>[A-Z][a-z’'-]+\s+[A-Z][\w’'-]+)\s*,?\s+(?i:proposed|moved|made\s+(?:a|the)\s+motion|{_OFFERED})\b")
# Minutes that name members by their initials throughout: "Proposed by RW and seconded by PP."
_MOVED_BY_INITIALS = re.compile(r"(?i:\b(?:proposed|moved)\s+by)\s+(?P<name>[A-Z]{2,3})\b(?![’'\w])")
_SECONDED_BY_INITIALS = re.compile(r"(?i:\bseconded\s+by)\s+(?P<name>[A-Z]{2,3})\b(?![’'\w])")
_MOVER_LABEL = re.compile(rf"(?i:\b(?:mover|proposer))\s*:\s*(?P<name>{_LOOSE_PERSON})")
_SECONDER_FIRST = re.compile(rf"(?P<name>{_PERSON}|{_CHAIR})\s+[Ss]econded\b")
_SECONDED_BY = re.compile(rf"(?i:\bseconded(?:\s+by)?|\bsecond\s+by|\bsupported\s+by)[.:,]?\s+(?P<name>{_LOOSE_PERSON})")
_BARE_SECONDER_FIRST = re.compile(r"^[\W\d)]*(?P<name>[A-Z][a-z’'-]+\s+[A-Z][\w’'-]+)\s*,?\s+(?i:seconded)\b")
# A motion named only as such: "Motion and second to appoint ...", "Motion made and seconded to ..."
_UNNAMED = re.compile(r"^\W*motion\s+(?:made\s+)?and\s+(?:a\s+)?second(?:ed)?\b", re.I)
_MOVING = re.compile(rf"\b(?:proposed|moved|mover|proposer|motion\s+(?:was\s+)?(?:made\s+)?by|made\s+(?:a|the)\s+motion|{_OFFERED}|"
                     r"on\s+the\s+(?:proposal|motion)\s+of)\b", re.I)
_SECONDER_LABEL = re.compile(rf"(?i:\bseconder)\s*:\s*(?P<name>{_LOOSE_PERSON})")
_TRAILING_WORDS = re.compile(r"\s+(?:and|the|that|to|this|it|all|who|which)$", re.I)


@dataclass
class Motion:
    mover: str | None
    seconder: str | None


def motion_in(sentence: str) -> Motion | None:
    """The mover and seconder a sentence names, or None where it proposes nothing."""
    if _UNNAMED.search(sentence):
        return Motion(mover=None, seconder=None)
    named = _NAMES_BEFORE_THAT.match(sentence)
    if named:
        return Motion(mover=_first_name(named.group("name"), (re.compile(r"(?P<name>.+)"),)),
                      seconder=_first_name(named.group("seconder"), (re.compile(r"(?P<name>.+)"),)))
    if not _MOVING.search(sentence):
        return None
    mover = _first_name(sentence, (_MOVER_FIRST, _MOTION_BY, _PROPOSAL_OF, _MOVED_BY, _MOVER_LABEL, _BARE_MOVER_FIRST,
                                   _LATE_BY, _MOVED_BY_INITIALS))
    seconder = seconder_in(sentence)
    if mover is None and seconder is None:
        return None
    return Motion(mover=mover, seconder=seconder)


def seconder_in(sentence: str) -> str | None:
    """Who seconded, where the sentence says so ("Director Ruscha seconded the motion.")."""
    return _first_name(sentence, (_SECONDER_FIRST, _SECONDED_BY, _SECONDER_LABEL, _BARE_SECONDER_FIRST,
                                  _SECONDED_BY_INITIALS))


def _first_name(sentence: str, patterns) -> str | None:
    for pattern in patterns:
        match = pattern.search(sentence)
        if match:
            name = _TRAILING_WORDS.sub("", match.group("name").strip(" ,.;:"))
            name = re.sub(r"^[Tt]he\s+", "the ", name)
            if name and name.split()[0].lower() not in {"that", "this", "it", "a", "an"} and name.lower() != "the":
                return name[:1].upper() + name[1:]
    return None


_BARE_LABEL = re.compile(r"^(?:Proposed|Seconded|Moved)[.:]?$", re.I)  # "Proposed. Cllr X, Seconded Cllr Y"
_ABBREVIATIONS = re.compile(r"\b(?:Cllr|Mr|Mrs|Ms|Dr|No|St|Sir|Prof|Rev|Revd|Cllrs|[A-Z])\.$")


def sentences(text: str) -> list[str]:
    """Split prose at full stops that end sentences (not 'Cllr.', 'Mr.', initials or '7.00 pm')."""
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-Z‘“\"(])", text)
    result: list[str] = []
    for piece in pieces:
        if result and (_ABBREVIATIONS.search(result[-1]) or _BARE_LABEL.match(result[-1])):
            result[-1] = f"{result[-1]} {piece}"
        else:
            result.append(piece)
    return [s.strip() for s in result if s.strip()]
