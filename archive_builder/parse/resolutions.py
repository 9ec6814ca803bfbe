"""The decisions of one item: every resolution, with its label, text, outcome, votes, mover and seconder.

Minutes record decisions three ways, and all three are read:
- formally: "RESOLVED that ...", "RESOLVED: (1) ... (2)(a) ...", "DECISION: ...", "And Resolved: That ...";
- as motions: "Mr Oakford proposed, and Mr Gough seconded the motion that: “...”", then a recorded vote
  ("For (57) ... Against (0) Abstain (2)") and an outcome ("Motion carried.", "Amendment lost.");
  a carried motion restated as "RESOLVED" is one decision, with the motion's mover and votes;
- in prose, where a body records no resolutions: "It was proposed by Cllr X, seconded by Cllr Y,
  all were in favour", "It was agreed that ...".
What is not a decision stays as the item's text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from archive_builder.model import Line, Outcome, Resolution, Votes
from archive_builder.parse.actions import actions_in as actions_in_sentence
from archive_builder.parse.labels import Part, leaves, nest, read_label
from archive_builder.parse.motions import motion_in, seconder_in, sentences
from archive_builder.parse.names import split_name_list
from archive_builder.parse.paragraphs import Paragraph, paragraphs
from archive_builder.parse.vocabulary import DEFAULT_WORDS, Words
from archive_builder.parse.votes import (
    UNANIMOUS,
    labelled_vote,
    named_votes,
    outcome_from_votes,
    outcome_line,
    prose_votes,
    result_record,
)

_KEYWORD = re.compile(
    r"(?:\b(?:and\s+)?(?:it\s+)?was\s+(?:unanimously\s+|further\s+)?)?"
    r"(?:\bRESOLVED\b|\bAGREED\b(?=\s*(?:that\b|:|–|-|to\b))|\bDECISION\s*:|(?<![\w,] )\bDecision\s*:|"
    r"(?:(?<=^)|(?<=[.;:]\s)|(?<=\bAnd\s))Resolved\b|\bit\s+was\s+(?:unanimously\s+)?resolved\b)"
)
_CONNECTOR = re.compile(r"^\s*(?:[,:–—-]\s*)?(?:(?:(?-i:that)|as follows)\b\s*[:,–—-]?\s*)?", re.I)
_TO_THE_VOTE = re.compile(r"\bto the vote\b|\bvoting was as follows\b|\bput the (?:motion|amendment|recommendation)", re.I)
_RESOLUTION_NUMBER = re.compile(r"^(?:Resolution\s+(?:No\.?\s*)?)?([A-Z]{0,3}\d{2,4}[-/]\d{1,4}[A-Z]?)\s+(?=Moved|Proposed|It was|[A-Z])")
_PARAGRAPH_REFERENCE = re.compile(r"\bparagraph\s+(\d{1,2})\b", re.I)
_MOTION_TEXT = re.compile(
    r"\b(?:seconded|proposed|moved)\b[^:“\"]*?(?:(?:the\s+)?(?:following\s+)?(?:motion|amendment|recommendations?)(?:\s+that)?\s*:?|\bthat\s*:)\s*",
    re.I,
)
_BODY_AGREED = re.compile(
    r"\b(?:it\s+was\s+(?:unanimously\s+|further\s+|also\s+|then\s+|therefore\s+)?(?:agreed|decided)|"
    r"(?:the\s+)?(?:(?:parish|town|community|borough|county|city|district)\s+)?(?:council|committee|panel|board|members|councillors|cabinet|sub-committee)\s+"
    r"(?:unanimously\s+|also\s+|then\s+|therefore\s+|further\s+)?(?:agreed|decided|resolved|approved|adopted|endorsed|ratified)|"
    r"all\s+(?:members|councillors)\s+agreed)"
    r"\s+(?:that|to|not|on|the|unanimously|a|an)\b",
    re.I,
)
_NOT_THIS_MEETING = re.compile(r"\bat (?:that|its|their|the \w+) meeting\b|\bpreviously\b|\bhad (?:been )?agreed\b|\bif agreed\b|\bwould be agreed\b", re.I)
_PASSIVE_DECISION = re.compile(r"\b(?:were|was|be|been|is|are)\s+(?:unanimously\s+)?(?:approved|agreed|adopted|accepted|appointed|elected|noted|supported|endorsed|confirmed|co-opted|ratified)\b", re.I)
_NOTE_WORDS = re.compile(r"^(?:that\s+)?(?:[\w’'-]+\s+){0,6}?(?:to\s+)?(?:note|notes|noted)\b|\bbe noted\b|\bwas noted\b|\bwere noted\b", re.I)
_ACTING_WORDS = re.compile(r"\b(?:agree[sd]?|approve[sd]?|endorse[sd]?|adopt(?:s|ed)?|delegate[sd]?|appoint(?:s|ed)?|authoris|recommend|request|ask|refer|confirm|be sent|send|be given|be undertaken|be provided|be signed|be approved)\b", re.I)
_WHO_UNDERTAKES = (
    r"(?:(?i:the)\s+)?(?:Clerk|Chair(?:man|woman|person)?|Vice[- ]Chair\w*|Handyman|Officers?|Treasurer|Secretary)"
    r"|(?:Cllr\.?|Councillor|Director|Supervisor|Trustee)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
    r"|(?:(?i:the)\s+)?(?i:board|council|committee|[a-z]+\s+committee)"
)
_UNDERTAKING = re.compile(
    r"^(?:That\s+)?(?:(?i:it\s+was\s+(?:also\s+|further\s+|then\s+)?agreed)\s+(?:to\s+|that\s+)?[a-z]"
    rf"|(?:{_WHO_UNDERTAKES})\s+(?:still\s+)?(?:agreed|undertook|offered|volunteered|will|would|was\s+asked|is\s+to|to|plans\s+to)"
    r"\s+(?:to\s+)?[a-z]"
    # "Janet Keough said she will bring the descriptions to the May board meeting."
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s+said\s+(?:that\s+)?(?:she|he|they)\s+(?:will|would)\s+[a-z]"
    # "Bill Stewart would be invited to address the proposal at the June meeting."
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s+(?:will|would)\s+be\s+(?:invited|asked)\s+to\s+[a-z])"
)
_NEXT_MEETING_FIXED = re.compile(
    r"^(?:the\s+)?(?:next|next\s+month['’]s)\s+(?:\w+\s+){0,3}?meeting\s+(?:will|would|is\s+to|shall)\s+be\s+(?:held\s+)?(?:on\s+)?"
    r"(?:\w+day,?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{1,2}(?:st|nd|rd|th)?\s+\w+)",
    re.I,
)
_VERDICT = re.compile(r"(?:\s[–—-]\s*|\.\s+|\b(?:was|were|is)\s+)(?:supported|not\s+supported|opposed|objected\s+to)\.?\s*$", re.I)
_ACTION_INITIALS = re.compile(r"(?<=[.!?;])\s+[A-Z]{2,3}(?:\s*[/&,]\s*[A-Z]{2,3})*\s*$")
_BULLET_START = re.compile(r"^\s*(?:[-•●▪◦*\uf0b7\uf0a7\uf076\uf0d8]|\d{1,2}[.)])\s*")
_DEFERRED = re.compile(r"\b(?:be\s+)?(?:deferred|postponed)\b", re.I)


@dataclass
class _Motion:
    index: int  # paragraph index
    label: str | None
    text: str
    page: int
    mover: str | None
    seconder: str | None
    votes: Votes | None = None
    outcome: str | None = None
    used: bool = False
    amendment: bool = False
    voted: bool = False
    record: list[str] = field(default_factory=list)  # how it went, as printed: "PASSED [8 TO 7]", the chair's declaration


@dataclass
class _Block:
    start: int
    consumed: list[int]
    own_label: str | None
    leaves: list[tuple[str | None, str, int]]  # (label, text, page)
    before: str  # narrative text before the keyword in the first paragraph


@dataclass
class Decisions:
    resolutions: list[Resolution] = field(default_factory=list)
    narrative: list[Paragraph] = field(default_factory=list)  # the item's text that is not a decision


def read_decisions(lines: list[Line], item_title: str = "", words: Words = DEFAULT_WORDS) -> Decisions:
    """The decisions in an item's lines, and the rest of its text. `words`: the council's own words
    for a decision or an outcome (parse/vocabulary.py), with the built-in ones."""
    paras = paragraphs(lines)
    blocks = _formal_blocks(paras)
    consumed = {i for block in blocks for i in block.consumed}
    motions = _motions(paras, consumed, words)
    consumed |= {m.index for m in motions} | _motion_bodies(paras, motions, consumed)
    groups, voted = _vote_groups(paras, motions, consumed, words)
    consumed |= voted
    resolutions = _from_blocks(blocks, motions, groups) + _from_motions(motions, item_title, bool(blocks))
    if not blocks and not motions or words.decisions:
        prose, used = _prose_decisions(paras, consumed, words, only_the_clerks=bool(blocks or motions))
        resolutions += prose
        consumed |= used
    undertaken, used = _undertakings(paras, consumed, motions, words)
    resolutions += undertaken
    consumed |= used
    resolutions.sort(key=lambda r: r.page or 0)
    return Decisions(resolutions=_distinct(resolutions), narrative=_narrative(paras, consumed, blocks))


# --- Formal: RESOLVED ------------------------------------------------------------------------------


def _formal_blocks(paras: list[Paragraph]) -> list[_Block]:
    blocks: list[_Block] = []
    index = 0
    while index < len(paras):
        match = next((m for m in _KEYWORD.finditer(paras[index].text) if not _reported(paras[index].text, m.start())), None)
        if not match:
            index += 1
            continue
        block = _read_block(paras, index, match)
        blocks.append(block)
        index = max(block.consumed) + 1
    return blocks


# A decision of another meeting, told or quoted in this one's minutes: "The Chair reminded members that
# at the meeting on 4 February it was RESOLVED that ...", "the report quoted minute 45/24: 'RESOLVED ...'".
_REPORTED_BEFORE = re.compile(
    r"\b(?:reminded|recalled|reported|explained|noted|informed|advised|quoted|stated|said|confirmed)\b[^.;]*\bthat\b"
    r"|\bminute\s+(?:no\.?\s*)?\d|\b(?:on|dated)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}"
    r"|\bhad\s*(?:been\s*)?$|\bpreviously\b",
    re.I,
)


def _reported(text: str, start: int) -> bool:
    """Whether the keyword at `start` tells another meeting's decision: what its sentence says before
    it, or an open quotation."""
    sentence = re.split(r"(?<=[.!?])\s+", text[:start])[-1]
    if _NOT_THIS_MEETING.search(sentence) or _REPORTED_BEFORE.search(sentence):
        return True
    before = text[:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_QUOTED = re.compile(r"[\"“‘']\s*(.+?)\s*[\"”’']\s*")


def _read_block(paras: list[Paragraph], start: int, match: re.Match) -> _Block:
    first = paras[start]
    labelled = read_label(first.text)
    own_label = labelled[0] if labelled and labelled[1].startswith(first.text[match.start():]) else None
    before = "" if own_label else first.text[: match.start()].strip()
    remainder = _CONNECTOR.sub("", first.text[match.end() :], count=1).strip()
    parts, lead_in = _parts_in(remainder, first.page)
    consumed = [start]
    index = start + 1
    expecting = not remainder or remainder.endswith(":") or bool(parts)
    while index < len(paras):
        text = paras[index].text
        if _KEYWORD.search(text) or labelled_vote(text) or motion_in(text):
            break
        label = read_label(text, parts[-1].label if parts else None)
        if label:
            if own_label and label[0].style == own_label.style:
                break  # the next numbered paragraph of the minute, not a part of this decision
            parts.append(Part(label[0], _tidy(label[1]), paras[index].page))
        elif parts and (_subheading(text) or len(text) < 40) and index + 1 < len(paras) and read_label(paras[index + 1].text):
            pass  # "2025-26 Council Tax": a heading between parts
        elif expecting and not parts and _lead_in(text):
            lead_in = f"{lead_in} {text}".strip()
        elif expecting and not parts and not lead_in and not remainder and (quoted := _QUOTED.fullmatch(text)):
            lead_in = quoted.group(1)  # And Resolved: / "That the Minutes be adopted."
        else:
            break
        consumed.append(index)
        index += 1
    if parts:
        found = [(own(own_label) + leaf.label, _sentence(leaf.text), leaf.page) for leaf in leaves(nest(parts), lead_in=lead_in)]
    else:
        found = [(own(own_label) or None, _sentence(f"{lead_in} {remainder}".strip()), first.page)]
    return _Block(start=start, consumed=consumed, own_label=own(own_label) or None, leaves=found, before=before)


def own(label) -> str:
    return label.printed if label else ""


def _parts_in(remainder: str, page: int) -> tuple[list[Part], str]:
    """Parts printed inline after the keyword: 'RESOLVED 1) That the Clerk ... 2) That ...'."""
    pieces = re.split(r"\s+(?=(?:\(\d{1,2}\)|\d{1,2}\)|\([a-z]\)|[a-z]\))\s)", remainder)
    if len(pieces) < 2 and not read_label(remainder):
        return [], remainder if remainder.endswith(":") else ""
    parts: list[Part] = []
    lead_in = ""
    for piece in pieces:
        label = read_label(piece, parts[-1].label if parts else None)
        if label:
            parts.append(Part(label[0], _tidy(label[1]), page))
        elif not parts:
            lead_in = piece
        else:
            parts[-1].text = f"{parts[-1].text} {piece}"
    return parts, lead_in


def _subheading(text: str) -> bool:
    return len(text) < 80 and not re.search(r"[.:;,]$", text) and text[:1].isupper() or text[:1].isdigit() and len(text) < 80


def _lead_in(text: str) -> bool:
    return len(text) < 600 and not text.startswith(("“", '"')) or text.rstrip().endswith(":")


def _tidy(text: str) -> str:
    return re.sub(r"(?:;|,)?\s*(?:and|or)?\s*$", "", text.strip()).strip()


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if re.match(r"^[a-z][.)]\s", text):
        return text  # "a. Public trust ...": a list, not a sentence to capitalise
    return text[:1].upper() + text[1:] if text else text


def _from_blocks(blocks: list[_Block], motions: list[_Motion], groups: list[_VoteGroup]) -> list[Resolution]:
    """Each formal decision, with the vote put just before it and the motion that vote decided."""
    resolutions: list[Resolution] = []
    for block in blocks:
        group = _carried_vote_before(groups, block.start)
        motion = group.motion if group and group.motion else _carried_motion_before(motions, block.start)
        inline = motion_in(block.before) if block.before else None  # "Proposed by X; Seconded by Y; And Resolved: ..."
        if inline:
            motion = _Motion(block.start, None, "", 0, inline.mover, inline.seconder)
        if motion:
            motion.used = True
        votes = group.votes if group and (group.votes.for_ is not None or group.votes.against is not None) else (motion.votes if motion else None)
        for label, text, page in block.leaves:
            if not text:
                continue  # a "Decision:" heading whose words follow as a RESOLVED of their own
            resolution = Resolution(id="", text=text, label=label, page=page, outcome=_outcome_of_text(text), votes=votes)
            if motion:
                resolution.mover, resolution.seconder = motion.mover, motion.seconder
            resolutions.append(resolution)
    return resolutions


def _carried_vote_before(groups: list[_VoteGroup], index: int) -> _VoteGroup | None:
    before = [g for g in groups if g.index < index and not g.used]
    if before and before[-1].outcome in (None, "carried"):
        before[-1].used = True
        return before[-1]
    return None


def _carried_motion_before(motions: list[_Motion], index: int) -> _Motion | None:
    for motion in reversed([m for m in motions if m.index < index and not m.used]):
        if motion.outcome in (None, "carried"):
            return motion
    return None


def _outcome_of_text(text: str) -> str:
    if _DEFERRED.search(text[:200]) and not _ACTING_WORDS.search(text[:80]):
        return "deferred"
    if _NOTE_WORDS.search(text) and not _ACTING_WORDS.search(text):
        return "noted"
    return "carried"


# --- Motions and votes -----------------------------------------------------------------------------


def _motions(paras: list[Paragraph], consumed: set[int], words: Words = DEFAULT_WORDS) -> list[_Motion]:
    found: list[_Motion] = []
    for index, para in enumerate(paras):
        if index in consumed or labelled_vote(para.text):
            continue
        label, body = _motion_label(para.text)
        pieces = sentences(body)
        for n, sentence in enumerate(pieces):
            motion = motion_in(sentence)
            after = pieces[n + 1 :] or _next_sentences(paras, index, consumed)
            following = after[0] if after else ""
            # "Motion by X, second by Y to change the meetings. The new dates are ... Motion carried.":
            # a sentence that explains the motion, between it and its outcome, is part of it.
            explained = bool(motion) and len(after) > 1 and not _is_outcome(following, words) and not motion_in(following) \
                and not seconder_in(following) and _is_outcome(after[1], words)
            told_next = after[1] if explained else following
            if not motion or not _decided(motion, f"{sentence} {told_next}" if _is_outcome(told_next, words) else sentence,
                                          words):
                continue
            text = _LEADING_MOTION_LABEL.sub("", _motion_text(sentence, pieces[n - 1] if n else "", body))
            if explained and text:
                text = f"{text.rstrip()} {following}"
            # "... made the motion to approve ... Director Ruscha seconded the motion. The motion PASSED."
            seconded = bool(following) and not motion_in(following) and seconder_in(following)
            told = after[1] if (seconded or explained) and len(after) > 1 else following
            outcome = _prose_outcome(sentence, words) or (_prose_outcome(told, words) if _is_outcome(told, words) else None)
            votes = prose_votes(sentence) or (prose_votes(told) if _is_outcome(told, words) else None)
            if votes is not None and votes.names and told is not sentence:
                # "AYES: Lee, Kim, Park. NAYS: Cho.": the sides run over the sentences after the motion
                run = list(itertools.takewhile(lambda piece: not motion_in(piece), after))
                votes = named_votes(" ".join(run)) or votes
            seconder = motion.seconder or (seconder_in(following) if seconded else None)
            if not motion.mover and seconder and found and not found[-1].seconder and not outcome:
                found[-1].seconder = seconder  # "Director Nicholson seconded the motion.", after a table in the motion
                continue
            found.append(_Motion(index, label, text, para.page, motion.mover, seconder, votes=votes,
                                 outcome=outcome, amendment=_amends(sentence, paras[index - 1].text if index else "")))
            if sentence.rstrip().endswith(":") or len(pieces) == 1:
                break  # the motion's words follow in the next paragraphs
    return found


def _amends(sentence: str, before: str) -> bool:
    """ "... moved an amendment", "made the motion to amend ...", or under a "Motion To Amend:" label."""
    return bool(re.search(r"\bamendment\b|\bmotion\s+to\s+amend\b", sentence, re.I)
                or re.fullmatch(r"\W*motion\s+to\s+amend\W*", before, re.I))


def _next_sentences(paras: list[Paragraph], index: int, consumed: set[int]) -> list[str]:
    """The sentences of the paragraph after `index`: where a motion's paragraph ends, its seconder and
    outcome may be printed on the lines after it."""
    if index + 1 >= len(paras) or index + 1 in consumed:
        return []
    return sentences(paras[index + 1].text)


def _motion_label(text: str) -> tuple[str | None, str]:
    """A paragraph's own number: '(2)', '3)', or a resolution number such as 'R2025-031'."""
    numbered = _RESOLUTION_NUMBER.match(text)
    if numbered:
        return numbered.group(1), text[numbered.end() :]
    labelled = read_label(text)
    return (labelled[0].printed, labelled[1]) if labelled else (None, text)


def _is_outcome(sentence: str, words: Words = DEFAULT_WORDS) -> bool:
    """'Motion carried 4-0.', 'Carried.', 'Following a vote, the amendment was lost.': a sentence that
    only tells how a motion went."""
    if not sentence or len(sentence) >= 200:
        return False
    if _clerks_outcome(sentence, words):
        return True
    # "Upon a roll call vote Dick Dillon yea, Janet Keough yea ... the resolution was passed.": a long
    # sentence only where it ends so.
    if _TOLD_AT_END.search(sentence):
        return True
    if len(sentence) >= 100:
        return False
    bare = re.sub(r"\s*\(?\d+\s*[-–:]\s*\d+.*$", "", sentence)
    told = re.search(r"\b(?:motion|amendment|proposal|recommendation|resolution)s?\s+(?:was|were)\s+(?:carried|lost|defeated|agreed|withdrawn|not carried|passed|adopted)\b", sentence, re.I) \
        or re.match(r"(?:the\s+)?(?:motion|amendment)\s+(?:was\s+)?(?:carried|passed|failed|defeated|lost)\s+(?:by|on|with|unanimously)\b", sentence, re.I)
    return bool(outcome_line(bare) or prose_votes(sentence) or told)


_TOLD_AT_END = re.compile(
    r"\b(?:the\s+)?(?:motion|amendment|proposal|recommendation|resolution)\s+(?:was|were)\s+"
    r"(?:carried|lost|defeated|agreed|withdrawn|not\s+carried|passed|adopted|approved)(?:\s+unanimously)?\W*$", re.I)


def _decided(motion, sentence: str, words: Words = DEFAULT_WORDS) -> bool:
    """A proposal is a decision once it is seconded or its outcome is told; "Cllr X proposed that the
    village be asked for ideas" with neither is a suggestion, and stays in the item's text."""
    return bool(motion.seconder or _prose_outcome(sentence, words) or re.search(r"\bmotion\b", sentence, re.I))


def _motion_text(sentence: str, previous: str, paragraph: str) -> str:
    that = re.search(r"\bTHAT\b\s+", sentence)
    if that:
        return sentence[that.start() :]  # "Moved by X, Seconded by Y THAT the agenda be adopted."
    match = _MOTION_TEXT.search(sentence)
    if match and len(sentence) - match.end() > 15:
        return _unquote(sentence[match.end() :])
    if match:
        return ""  # the words follow in the next paragraphs
    if _names_only(sentence) or re.match(r"^(?:Proposed|Seconded|Moved)\b[.:,]?\s+(?:by\s+)?(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)", sentence):
        if previous and (_PASSIVE_DECISION.search(previous) or _BODY_AGREED.search(previous)) and not motion_in(previous):
            return previous  # "The minutes ... were approved. Proposed. Cllr X, Seconded Cllr Y"
        return ""  # nothing but names: the item's title says what was decided
    return sentence


def _names_only(sentence: str) -> bool:
    words = re.sub(r"\b(?:Proposed|Seconded|by|Cllr|Councillor|Mr|Mrs|Ms|and|all|were|in|favour|this|was|it)\b|[.,;:]", " ", sentence, flags=re.I)
    words = re.sub(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|abstained|against|agreed)\b", " ", words, flags=re.I)
    return len([w for w in words.split() if w[:1].islower()]) < 2


def _prose_outcome(sentence: str, words: Words = DEFAULT_WORDS) -> str | None:
    clerks = _clerks_outcome(sentence, words)
    if clerks:
        return clerks
    votes = prose_votes(sentence)
    if UNANIMOUS.search(sentence):
        return "carried"
    if votes:
        return outcome_from_votes(votes) or ("carried" if votes.for_ else None)
    if re.search(r"\b(?:not carried|was lost|fell|defeated|failed|was withdrawn)\b", sentence, re.I):
        return "lost"
    if re.search(r"\b(?:agreed|approved|carried|adopted|passed)\b", sentence, re.I):
        return "carried"
    return None


def _motion_bodies(paras: list[Paragraph], motions: list[_Motion], consumed: set[int]) -> set[int]:
    """Paragraphs that carry a motion's words: a quotation opened in the motion runs to its closing
    mark, whatever lists it holds; otherwise 'Proposed Purpose:' and the like, up to the next numbered
    paragraph or vote."""
    taken: set[int] = set()
    for motion in motions:
        opening = paras[motion.index].text
        quoting = _open_quote(opening)
        if not (quoting or opening.rstrip().endswith(":") or len(motion.text) < 20):
            continue
        words = []
        index = motion.index + 1
        starts = {m.index for m in motions}
        while index < len(paras) and index not in consumed and index not in starts:
            text = paras[index].text
            if labelled_vote(text) or _TO_THE_VOTE.search(text) or outcome_line(text) or _KEYWORD.search(text) \
                    or _VOTE_HEADING.match(text) or result_record(text) or _WITHDRAWN.search(text):
                break  # a quotation left open by the minutes still ends where the vote is put
            if not quoting and (read_label(text) or motion_in(text) or _MOTION_LABEL.fullmatch(text)):
                break
            if not quoting and seconder_in(text) and len(text) < 120:
                motion.seconder = motion.seconder or seconder_in(text)  # "Director Catlin seconded the motion."
                taken.add(index)
                break
            words.append(text)
            taken.add(index)
            index += 1
            if quoting and _closes_quote(text):
                break
            if not quoting and _open_quote(text) and not _closes_quote(text):
                quoting = True
        if words:
            body = " ".join(words)
            motion.text = _unquote(f"{motion.text} {body}")
    return taken


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or (text.count('"') % 2 == 1)


def _closes_quote(text: str) -> bool:
    return "”" in text or '"' in text


def _unquote(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("“", "").replace("”", "")).strip(' "')


def _vote_groups(paras: list[Paragraph], motions: list[_Motion], consumed: set[int],
                 words: Words = DEFAULT_WORDS) -> tuple[list[_VoteGroup], set[int]]:
    """Each vote put: its intro ("the Chairman put the motion set out in paragraph 2 to the vote"),
    the recorded counts with their names, and the outcome line; each given to the motion it decides.
    A portal's record of a vote ("VOTE ON THE MOTION TO AMEND / RESULT: PASSED [8 TO 7] / MOVER ... /
    Chair X declared the motion to amend PASSED.") is one vote, from its result to its declaration."""
    groups: list[_VoteGroup] = []
    taken: set[int] = set()
    current: _VoteGroup | None = None
    moved = {m.index for m in motions}
    for index, para in enumerate(paras):
        if index in consumed:
            if index in moved:
                current = None  # a new motion: what follows is no longer the last vote's record
            continue
        text = para.text
        vote = labelled_vote(text)
        told = _told_first(text)
        outcome = outcome_line(text) or (outcome_line(told) if told else None) or \
            (_clerks_outcome(text, words) if len(text) < 200 else None)
        result = None if outcome or vote else result_record(text)
        if _TO_THE_VOTE.search(text) and not vote:
            current = _VoteGroup(index, _motion_referred_to(text, motions, index))
            if UNANIMOUS.search(text):
                current.outcome = Outcome.CARRIED
            groups.append(current)
        elif vote:
            if current is None or current.closed or vote[0] in current.sides:
                current = _VoteGroup(index, _last_open_motion(motions, index))
                groups.append(current)
            current.add(*vote)
        elif _WITHDRAWN.search(text) and (withdrawn := _last_open_motion(motions, index)):
            withdrawn.outcome, withdrawn.voted = "lost", True
            withdrawn.record.append(_sentence(next(s for s in sentences(text) if _WITHDRAWN.search(s))))
        elif result and current is not None and current.tabulated and not current.declared and result.declared:
            current.declared = True  # the chair declares the result just tabulated
            current.record.append(result.printed)
        elif (outcome or result) and (current is not None or _last_open_motion(motions, index)):
            if current is None or current.closed:
                hint = f"{paras[index - 1].text if index else ''} {text}"
                current = _VoteGroup(index, _motion_voted_on(hint, motions, index, groups))
                groups.append(current)
            if result:
                current.votes = result.votes or current.votes
                current.tabulated, current.declared = not result.declared, result.declared
                current.record.append(result.printed)
            if told and not result:
                current.record.append(told)  # "Vote on The Motion: The motion PASSED. The Executive Session was ..."
            current.outcome, current.closed = outcome or result.outcome, True
        else:
            continue
        taken.add(index)
    for group in groups:
        motion = group.motion
        if motion is None or motion.voted:
            continue  # a later vote on a motion is on a part of it ("part 4 of the substantive motion")
        counted = group.votes.for_ is not None or group.votes.against is not None
        motion.votes = group.votes if counted else motion.votes
        motion.outcome = group.outcome or (outcome_from_votes(group.votes) if counted else motion.outcome)
        motion.voted = counted or group.outcome is not None
        motion.record += group.record
    return groups, taken


def _told_first(text: str) -> str | None:
    """The outcome a paragraph opens with, where more follows it: "Vote on The Motion: The motion
    PASSED. The Executive Session was called to order at 4:10 p.m." -> "The motion PASSED."."""
    opening = re.sub(r"^\W*vote\s+on\s+the\s+motion\s*:\s*", "", text, flags=re.I)
    first = sentences(opening)[0] if opening.strip() else ""
    return first if first != text.strip() and outcome_line(first) else None


# "VOTE ON THE MOTION TO AMEND", "Motion To Amend The Amendment:": where a motion's words end.
_VOTE_HEADING = re.compile(r"^\W*vote\s+on\s+the\b", re.I)
_MOTION_LABEL = re.compile(r"\W*(?:motion|amendment)(?:\s+to\s+amend(?:\s+the\s+amendment)?)?\s*:?\W*", re.I)
# "Motion To Amend the Amendment: Director X made the motion ...", "Motion To Move To a Date Certain: ...",
# "Motion To Amend Director X ...": the label a portal prints before the motion is no part of it.
_LEADING_MOTION_LABEL = re.compile(r"^\W*(?i:motion\b[^:.]{0,40}:|motion\s+to\s+amend(?:\s+the\s+amendment)?\b)\s*(?=[A-Z])")
# "Director Nicholson withdrew the motion to amend.": the motion falls without a vote.
_WITHDRAWN = re.compile(r"\bwithdrew\s+(?:the|his|her|their)\s+(?:motion|amendment)\b|\b(?:motion|amendment)\s+was\s+withdrawn\b", re.I)
# What a vote's heading says it was on: the main motion, or an amendment to it.
_ON_MAIN_MOTION = re.compile(r"\b(?:main|substantive|original)\s+motion\b", re.I)
_ON_AMENDMENT = re.compile(r"\bmotion\s+to\s+amend\b|\bamendment\b", re.I)


def _motion_voted_on(text: str, motions: list[_Motion], index: int, groups: list[_VoteGroup]) -> _Motion | None:
    """The open motion a vote is on: the main motion where its heading says so (the latest motion
    not to amend that no vote has decided yet), else the latest amendment or motion."""
    decided = {id(g.motion) for g in groups if g.motion is not None}
    open_before = [m for m in motions if m.index < index and m.outcome is None and id(m) not in decided]
    if _ON_MAIN_MOTION.search(text):
        main = [m for m in open_before if not m.amendment]
        return main[-1] if main else None
    if _ON_AMENDMENT.search(text):
        amendments = [m for m in open_before if m.amendment]
        return amendments[-1] if amendments else _last_open_motion(motions, index)
    return _last_open_motion(motions, index)


@dataclass
class _VoteGroup:
    index: int
    motion: _Motion | None
    votes: Votes = field(default_factory=Votes)
    outcome: str | None = None
    closed: bool = False
    used: bool = False
    tabulated: bool = False  # a portal's result table, which the chair's declaration may follow
    declared: bool = False
    record: list[str] = field(default_factory=list)  # the result as printed

    @property
    def sides(self) -> set[str]:
        return set(self.votes.names) | {side for side, value in (("for", self.votes.for_), ("against", self.votes.against), ("abstain", self.votes.abstain)) if value is not None}

    def add(self, side: str, count: int, names: str) -> None:
        setattr(self.votes, "for_" if side == "for" else side, count)
        if names:
            self.votes.names[side] = [entry.name for entry in split_name_list(names) if entry.name]


def _motion_referred_to(text: str, motions: list[_Motion], index: int) -> _Motion | None:
    reference = _PARAGRAPH_REFERENCE.search(text)
    if reference:
        for motion in motions:
            if motion.label and re.sub(r"\D", "", motion.label) == reference.group(1) and motion.index < index:
                return motion
    if re.search(r"\bsubstantive motion\b", text, re.I):
        substantive = [m for m in motions if m.index < index and not m.amendment]
        if substantive:
            return substantive[0]
    return _last_open_motion(motions, index)


def _last_open_motion(motions: list[_Motion], index: int) -> _Motion | None:
    before = [m for m in motions if m.index < index and m.outcome is None]
    return before[-1] if before else None


def _from_motions(motions: list[_Motion], item_title: str, has_blocks: bool) -> list[Resolution]:
    resolutions = []
    for motion in motions:
        if motion.used:
            continue
        if motion.outcome is None and motion.votes:
            motion.outcome = outcome_from_votes(motion.votes)
        if has_blocks and motion.outcome in (None, "carried") and not motion.votes:
            continue  # a motion the item's formal resolution records
        text = motion.text if len(motion.text) > 3 else item_title
        # "The Minutes ... were approved. Proposed by RW and seconded by PP.": the words say how it went
        outcome = motion.outcome or (_outcome_of_text(text) if _PASSIVE_DECISION.search(text) else "unknown")
        if outcome == Outcome.CARRIED:
            outcome = _outcome_of_text(text) if _outcome_of_text(text) != "carried" else "carried"
        text = " ".join([_sentence(text), *motion.record]) if motion.record else text
        resolutions.append(Resolution(id="", text=_sentence(text), label=motion.label, page=motion.page,
                                      outcome=outcome, votes=motion.votes, mover=motion.mover, seconder=motion.seconder))
    return resolutions


# --- Prose: "It was agreed that ..." ---------------------------------------------------------------


def _prose_decisions(paras: list[Paragraph], consumed: set[int], words: Words = DEFAULT_WORDS,
                     only_the_clerks: bool = False) -> tuple[list[Resolution], set[int]]:
    """Decisions told in prose ("It was agreed that ...", a planning verdict); `only_the_clerks`:
    only those in the council's own words (archive.yml: decision_words), where the item's decisions
    are minuted formally too."""
    found, used = [], set()
    for index, para in enumerate(paras):
        if index in consumed:
            continue
        verdict = None if only_the_clerks else _verdict(para.text)
        if verdict:
            found.append(Resolution(id="", text=_sentence(verdict), page=para.page, outcome=Outcome.CARRIED))
            used.add(index)
            continue
        for sentence in sentences(para.text):
            agreed = _clerks_decision(sentence, words) or (None if only_the_clerks else _BODY_AGREED.search(sentence))
            # "At that meeting, Members agreed ..." reports another meeting's decision, not this one's.
            if agreed and not _NOT_THIS_MEETING.search(sentence[: agreed.start()]):
                votes = prose_votes(sentence)
                outcome = _clerks_outcome(sentence, words) or (
                    _outcome_of_text(sentence) if not votes else (outcome_from_votes(votes) or "carried"))
                found.append(Resolution(id="", text=_sentence(sentence), page=para.page, outcome=outcome, votes=votes))
                if only_the_clerks:
                    used.add(index)
    return found, used


def _clerks_decision(sentence: str, words: Words) -> re.Match | None:
    """Where the council's own words for a decision ("It was determined that") open one."""
    return _phrase_in(words.decisions, sentence)


def _clerks_outcome(sentence: str, words: Words) -> str | None:
    """The outcome the council's own words tell ("Approved on a voice vote": carried)."""
    for phrase, outcome in words.outcomes:
        if _phrase_in((phrase,), sentence):
            return outcome
    return None


def _phrase_in(phrases: tuple[str, ...], sentence: str) -> re.Match | None:
    for phrase in phrases:
        pattern = r"\b" + r"\W+".join(re.escape(word) for word in re.findall(r"[^\W_]+", phrase)) + r"\b"
        match = re.search(pattern, sentence, re.I)
        if match:
            return match
    return None


def _undertakings(paras: list[Paragraph], consumed: set[int], motions: list[_Motion] = (),
                  words: Words = DEFAULT_WORDS) -> tuple[list[Resolution], set[int]]:
    """What a member or officer agreed to do, where it sets an action: "The Clerk agreed to add to the
    November agenda.", "Cllr Daphne Clements agreed to review the plan and bring it back to the June
    meeting." A remark ("Cllr X said ...") or a wish with nothing to be done is not one."""
    found, used = [], set()
    moved = {motion.index: motion for motion in motions}
    for index, para in enumerate(paras):
        if index in consumed and index not in moved:
            continue
        for sentence in sentences(para.text):
            # After a motion and its outcome, the paragraph may go on: "... Motion carried. Janet Keough
            # said she will bring draft descriptions to the May board meeting."
            if index in moved and (motion_in(sentence) or seconder_in(sentence) or _is_outcome(sentence, words)
                                   or sentence in moved[index].text):
                continue
            sentence = _after_run_in_heading(sentence)
            if _NEXT_MEETING_FIXED.search(sentence):
                # "The next meeting will be on January 22 at 6:30 pm.": the date fixed, as a decision records it
                found.append(Resolution(id="", text=_sentence(sentence), page=para.page, outcome=Outcome.CARRIED))
            elif _UNDERTAKING.match(sentence) and actions_in_sentence(sentence):
                found.append(Resolution(id="", text=_sentence(sentence), page=para.page, outcome=Outcome.CARRIED))
    return found, used


def _after_run_in_heading(sentence: str) -> str:
    """'Play Area The Clerk agreed to ...': a heading run into the sentence after it is not its start."""
    match = re.search(rf"(?<!\S)(?:{_WHO_UNDERTAKES})\s", sentence)
    if not match or match.start() == 0:
        return sentence
    words = sentence[: match.start()].split()
    if len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in {"of", "and", "the", "to", "for", "on", "in", "–", "-", "&"} for w in words):
        return sentence[match.start():]
    return sentence


def _verdict(text: str) -> str | None:
    """A planning application and what the council said of it, in a line of its own: "Extension to
    Dwelling House, 6 The Crofts – supported.", "Erection of Greenhouse, The Old Glebe. Supported. GD"
    (the initials after it are whose action it is, from the action column)."""
    text = _ACTION_INITIALS.sub("", text).strip()
    text = re.sub(r"^[\W\d]*(?=[A-Z])", "", text) if _BULLET_START.match(text) else text
    return text if _VERDICT.search(text) and len(text) < 300 else None


# --- Shared ----------------------------------------------------------------------------------------


def _distinct(resolutions: list[Resolution]) -> list[Resolution]:
    """ModernGov pages print a decision twice, in the minutes and again under "Decision:"."""
    seen: set[str] = set()
    kept = []
    for resolution in resolutions:
        key = re.sub(r"\W+", " ", resolution.text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        kept.append(resolution)
    return kept


def _narrative(paras: list[Paragraph], consumed: set[int], blocks: list[_Block]) -> list[Paragraph]:
    before = {block.start: block.before for block in blocks}
    result = []
    for index, para in enumerate(paras):
        if index in before and before[index]:
            result.append(Paragraph(before[index], para.page))
        elif index not in consumed:
            result.append(para)
    return result
