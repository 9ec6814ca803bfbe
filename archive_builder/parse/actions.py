"""The actions a decision sets: something someone is to do, with who and by when where it says.

"a letter be sent on to LGfL/Virgin ...", "further consideration be given to the identification of
benchmarking options", "further work be undertaken ... with a further update on progress to be provided
at the next Joint Committee", "officers to report back in March", "The Clerk would ask the mill ...",
"the Parish Council would ... report back at the following Parish Council meeting".
A decision that only notes, approves, adopts or appoints sets no action.
"""

from __future__ import annotations

import re

from archive_builder.dates import find_dates, month_of
from archive_builder.model import Action, ActionStatus

_ACTION = re.compile(
    r"\b(?:be\s+(?:sent|written|given|undertaken|prepared|arranged|investigated|explored|reviewed|developed|"
    r"provided|brought|submitted|presented|produced|drafted|circulated|commissioned|sought|obtained|"
    r"contacted|consulted|pursued|progressed|carried out|updated|reported|organised|organized|convened|scheduled)|"
    r"(?:to|will|would|shall|should)\s+(?:send|write|report|provide|bring|submit|present|prepare|arrange|investigate|"
    r"explore|review|develop|contact|consult|ask|seek|obtain|draft|circulate|commission|look into|follow up|"
    r"progress|chase|raise|pursue|liaise|meet|attend|update|identify)|"
    r"report(?:s|ing)?\s+back|\breport\s+(?:the\s+(?:results|outcome|findings)|progress)\b|\bcarr(?:y|ied)\s+out\b|"
    r"a\s+(?:further\s+)?(?:update|report)\b[^.;]{0,80}?\b(?:to be|be|will be|would be)\s+"
    r"(?:provided|brought|submitted|presented|given|made)|"
    r"(?:requests?|asks?|instructs?|directs?|authoris\w+)\s+(?:the\s+)?(?:officers?|clerk|director|chief executive|"
    r"head of|leader|cabinet member|chair)\b|"
    # "officers monitor ... and report to the Committee in October": the subjunctive, with no "to"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!['’]s\s)(?<!\bthis\s)\breport\s+to\s+(?:the\s+)?(?:next\s+)?(?:committee|panel|board|cabinet|council|meeting)\b|"
    r"\b(?:officers?|the\s+clerk)\s+(?:monitor|review|investigate|prepare|consult|write|contact|explore|arrange|seek|draft)\b)",
    re.I,
)
_NEXT_MEETING = re.compile(
    r"\b(?:(?:at|to|for|by|before)\s+(?:the\s+)?(?:next|following|subsequent)\s+(?:\w+\s+){0,6}?(?:meeting|committee|panel|board|cabinet|council)\b|"
    r"(?:next|following)\s+meeting\b)",
    re.I,
)
_BY_WHEN = re.compile(r"\b(?:by|in|before|during|at the end of|no later than|from)\s+(?P<when>(?:the\s+)?(?:end\s+of\s+)?[^.;,]{3,40})", re.I)
_OWNER = re.compile(
    r"^(?:that\s+)?(?P<owner>(?:the\s+)?(?:officers?|clerk|chair(?:man)?|vice[- ]chair|director[\w ]{0,40}?|head of [\w ]{1,40}?|"
    r"chief executive|leader|cabinet member[\w ]{0,40}?|(?:parish|town|district|county)?\s*council|committee|panel|"
    r"(?:cllr\.?|councillor|mr|mrs|ms|dr)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))\s+(?:to|will|would|shall|should|be asked to|agreed to)\b",
    re.I,
)
# Business sent on to a meeting or agenda to come: "add to the November agenda", "bring back to the June
# meeting", "for further discussion in July", "deferred to March", "invite X to the April meeting".
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_FORUM = re.compile(
    rf"\b(?:(?:next|following|subsequent)\s+(?:\w+\s+){{0,2}}?(?:meeting|agenda)|{_MONTHS}\s+(?:\w+\s+)?(?:meeting|agenda)|"
    # "refer this item back to the April 2025 Executive Committee": a body's meeting of a month
    rf"{_MONTHS}\s+(?:\d{{4}}\s+)?(?:[A-Z][\w,&]*\s+){{0,5}}(?:Committee|Board|Council|Panel|Cabinet|Commission)\b|"
    rf"(?:on|onto|to|for|within)\s+(?:the\s+|an?\s+)?(?:\w+\s+){{0,3}}?agenda(?:\s+item)?|"
    rf"(?:in|at|for|to|until|till|by)\s+(?:the\s+)?{_MONTHS}\b)"
)
_DOING = re.compile(
    r"\b(?:add|adding|added|place|placed|put|bring|brought|discuss|discussed|review|reviewed|invite|invited|defer|deferred|"
    r"draft|get|obtain|circulate|consider|considered|complete|take\s+forward|taken\s+forward|report|scan|email|"
    r"amend|seek|look\s+at|provide|available|forward|contact|arrange|prepare|investigate|check|confirm|"
    r"raise|revisit|return|come\s+back|make\s+(?:more\s+|further\s+)?decisions?|decide|refer|referred|send\s+back|sent\s+back)\b",
    re.I,
)
_MONTH_FORUM = re.compile(rf"\b(?:in|at|for|to|until|till|by|the)\s+(?:the\s+)?(?P<month>{_MONTHS})\b")
_NOT_AN_ACTION = re.compile(r"^(?:that\s+)?(?:to\s+)?(?:note|notes|noted|approve|approves|approved|adopt|confirm)\b", re.I)


def actions_in(text: str, meeting_date: str | None = None) -> list[Action]:
    """The action a decision sets, if any (one per decision: its parts are decisions of their own)."""
    sent_on = bool(_FORUM.search(text) and _DOING.search(text))
    if not (_ACTION.search(text) or sent_on) or \
            (_NOT_AN_ACTION.search(text) and not sent_on and not re.search(r"\breport\s+back\b|\bbe sent\b", text, re.I)):
        return []
    text = _what_is_to_be_done(text)
    return [Action(text=text, owner=_owner(text), due=due_of(text, meeting_date), status=ActionStatus.OPEN)]


_PREAMBLE = re.compile(
    r"^(?:it\s+was\s+(?:(?:proposed|moved)\b[^;]*?\band\s+)?(?:unanimously\s+)?(?:agreed|resolved)\s+(?:unanimously\s+)?(?:that\s+)?|"
    r"that,?\s+(?:arising\s+from|further\s+to|following)\s+\([^)]*\)\s*[:,]?\s*)",
    re.I,
)
_TALLY = re.compile(r"[;,.]?\s*\(?\d+\s+(?:in\s+favour|for)\b.*$", re.I)


def _what_is_to_be_done(text: str) -> str:
    """The decision's words without the procedure around them: who proposed it, the vote, "arising
    from (1):"."""
    cut = _TALLY.sub("", _PREAMBLE.sub("", text.strip())).strip()
    if not cut:
        return text.strip()
    cut = cut[:1].upper() + cut[1:]
    return cut if cut.endswith((".", "!", "?")) else cut + "."


def due_of(text: str, meeting_date: str | None = None) -> str | None:
    """'next-meeting', a date 'YYYY-MM-DD' or a month 'YYYY-MM', where the words say when."""
    if _NEXT_MEETING.search(text):
        return "next-meeting"
    dates = [d for d in find_dates(text) if not meeting_date or d.iso > meeting_date]
    if dates:
        return dates[0].iso
    for match in [*_BY_WHEN.finditer(text), *_MONTH_FORUM.finditer(text)]:
        month = month_of(match.group("when") if "when" in match.groupdict() else match.group("month"), after=meeting_date)
        if month and (not meeting_date or month > meeting_date[:7]):
            return month
    return None


def _owner(text: str) -> str | None:
    match = _OWNER.search(text.strip())
    if match and not re.search(r"\b(?:made|moved|motion|seconded|proposed)\b", match.group("owner"), re.I):
        owner = re.sub(r"^the\s+", "", match.group("owner").strip(), flags=re.I)
        return owner[:1].upper() + owner[1:]
    if re.search(r"\bofficers?\b", text, re.I):
        return "Officers"
    return None
