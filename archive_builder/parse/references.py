"""Mentions of other meetings in an agenda or minutes, with the words that make them.

- an item that approves (or is to approve) minutes: "RESOLVED that the minutes of the meetings held on
  19 December 2024 and 9 January 2025 be approved", "To approve the minutes of the previous meeting
  ... held on Tuesday 16 October 2018", "The minutes of the Meeting dated 7 February 2018 were
  approved", "the minutes of the last meeting were agreed" (no date: the previous meeting);
- minutes only noted, or minutes of another body: "the minutes of the Corporate Parenting Panel
  meetings held on 29 October 2024 and 10 December 2024 be noted";
- the next meeting: "the next meeting ... be confirmed for 6:30pm on Tuesday 5 March 2019".
Only words about meetings count: a date in "published on 5th February 2025" is not a meeting.
"""

from __future__ import annotations

import re

from archive_builder.dates import MONTHS, dates_after, dates_before, find_dates, find_time
from archive_builder.model import Item, LinkKind, MeetingRef
from archive_builder.parse.header import BODY_WORDS, GENERIC_NAME_WORDS, tidy_body_name

_MINUTES_OF = re.compile(r"\bminutes\b", re.I)
_APPROVING = re.compile(
    r"\b(?:approved?|agreed?|confirmed?|adopted?|signed|ratified|accepted|correct record|true record|accurate record|"
    r"fair record|if in order)\b",
    re.I,
)
_NOTING = re.compile(r"\bnot(?:ed|e|ing)\b|\breceived\b|\bfor (?:noting|information)\b", re.I)
_PREVIOUS = re.compile(r"\b(?:previous|last|preceding)\s+(?:ordinary\s+|regular\s+)?meeting\b", re.I)
_OTHER_BODY = re.compile(
    rf"\bminutes\s+of\s+(?:the\s+)?(?:meetings?\s+of\s+(?:the\s+)?)?(?P<body>[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|&|the|for))*?\s+{BODY_WORDS})\b"
)
_BODY_BEFORE_MINUTES = re.compile(
    r"^[,\s]*(?P<body>[A-Z][\w&’'-]*(?:,?\s+(?:[A-Z][\w&’'-]*|of|and|&|the|for)){0,10}?)\s+minutes\b"
)
_MONTH_WORD = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_MINUTES = re.compile(
    rf"\bthe\s+(?:amended\s+)?(?P<month>{_MONTH_WORD})\s+(?:(?:board|council|regular|monthly|meeting|ordinary)\s+){{0,2}}minutes\b"
    rf"|\b(?:minutes\s+(?:of|from)\s+|approve[sd]?\s+|approve[sd]?\s+the\s+[\w\s]{{1,40}}?\s+and\s+)the\s+(?P<month2>{_MONTH_WORD})\s+"
    rf"(?:(?:board|council|regular|monthly|ordinary)\s+)?meeting\b"
)
_APPROVES_MEETING = re.compile(
    r"\b(?:approve[sd]?|approving|adopt(?:s|ed)?|confirm(?:s|ed)?)\s+the\s+(?:[\w-]+\s+){0,3}?meetings?\b"
    r"(?!\s+(?:dates?|times?|schedule|calendar|venue|location|place|agenda|format)\b)",
    re.I,
)
_NEXT_MEETING = re.compile(r"\bnext\s+(?:[\w'’]+\s+){0,4}?meeting\b|\bdate\s+(?:and\s+(?:time|venue)\s+)?of\s+(?:the\s+)?next\s+meeting\b", re.I)
_NOT_MEETING_DATE = re.compile(r"\b(?:published|dated|report(?:ed)?\s+(?:of|on)|issued|circulated)\s+(?:on\s+)?$", re.I)


def read_references(items: list[Item], own_body_names: list[str], meeting_date: str | None = None) -> list[MeetingRef]:
    refs: list[MeetingRef] = []
    for item in items:
        if item.exempt:
            continue
        refs += _minutes_refs(item, own_body_names, meeting_date)
        refs += _next_meeting_refs(item, meeting_date)
    return refs


def _minutes_refs(item: Item, own_body_names: list[str], meeting_date: str | None = None) -> list[MeetingRef]:
    if not _MINUTES_OF.search(item.title) and not any(_MINUTES_OF.search(r.text) for r in item.resolutions):
        return []
    # Under a heading of minutes, "to approve the emergency meeting on March 24" approves its minutes.
    about_minutes = bool(_MINUTES_OF.search(item.title))
    sources = [(r.text, r.label) for r in item.resolutions
               if _MINUTES_OF.search(r.text) or about_minutes and _APPROVES_MEETING.search(r.text)]
    # Only what speaks of minutes: "MINUTES/DISBURSEMENTS" goes on to a bank balance "on 29 February".
    about = [sentence for sentence in _sentences(item.text) if _MINUTES_OF.search(sentence)]
    told = " ".join([f"{item.title}.", *about])
    if not sources:
        sources = [(told, None)]
    elif len(sources) == 1 and not _names_a_meeting(sources[0][0], meeting_date):
        # "Circulated, Minutes of ... held on 8th July, 2019." / RESOLVED: "That the Minutes be adopted."
        sources = [(f"{told} {sources[0][0]}", sources[0][1])]
    return _refs_in(sources, item, own_body_names, meeting_date)


def approving(text: str) -> bool:
    """Whether words about minutes approve them ("be adopted"), rather than note them."""
    return bool(_APPROVING.search(text)) or not _NOTING.search(text)


def _names_a_meeting(text: str, meeting_date: str | None) -> bool:
    return bool(find_dates(text) or _PREVIOUS.search(text) or _month_named(text, meeting_date))


def _refs_in(sources: list[tuple[str, str | None]], item: Item, own_body_names: list[str],
             meeting_date: str | None) -> list[MeetingRef]:
    refs: list[MeetingRef] = []
    for text, label in sources:
        body = _other_body(text, own_body_names)
        noting = not approving(text)
        kind = "notes-minutes" if noting or body else LinkKind.APPROVES_MINUTES
        found = dates_before(text, meeting_date) if meeting_date else find_dates(text)
        dates = [d for d in found if not _NOT_MEETING_DATE.search(text[: d.start])]
        evidence = _sentence_with(text, dates[0].text if dates else "minutes")
        dates = [d for d in dates if not any(r.date == d.iso for r in refs)]
        for date in dates:
            # "the April 9, 2025, Operations, Safety, and Security Committee minutes": that date is another body's
            named = _body_after(text[date.end:], own_body_names)
            refs.append(MeetingRef(date=date.iso, kind="notes-minutes" if named else kind, evidence=evidence,
                                   committee_name=named or body, item_number=_key(item), resolution_label=label))
        month = _month_named(text, meeting_date) if not dates and not body else None
        if month:
            # "approve the December board minutes": the meeting of that month, which the linker finds
            refs.append(MeetingRef(date=None, kind=kind, evidence=_sentence_with(text, month[1]), month=month[0],
                                   item_number=_key(item), resolution_label=label))
        elif not dates and _PREVIOUS.search(text) and not body:
            refs.append(MeetingRef(date=None, kind=kind, evidence=evidence, item_number=_key(item), resolution_label=label))
    return refs


def _month_named(text: str, meeting_date: str | None) -> tuple[str, str] | None:
    """('YYYY-MM', the month's word) where minutes are named by a month alone ("the December board
    minutes", "the minutes from the January monthly meeting"): the last such month up to the meeting's."""
    match = _MONTH_MINUTES.search(text)
    if not match or not meeting_date:
        return None
    word = match.group("month") or match.group("month2")
    month = MONTHS[word.lower()]
    year, current = int(meeting_date[:4]), int(meeting_date[5:7])
    return f"{year if month <= current else year - 1}-{month:02d}", word


def _other_body(text: str, own_body_names: list[str]) -> str | None:
    """The body whose minutes these are, where it is not the meeting's own."""
    match = _OTHER_BODY.search(text)
    if not match:
        return None
    body = tidy_body_name(match.group("body"))
    if re.match(r"^(?:previous|last|the|this|that|said)\b", body, re.I):
        return None
    # "the Ordinary Parish Council Meeting": the kind of meeting, not another body
    body = re.sub(r"^(?:ordinary|extraordinary|annual|special|full|regular|reconvened|budget)\s+", "", body, flags=re.I)
    own = {_normal(name) for name in own_body_names}
    if _normal(body) in own or any(_normal(body) in name or name in _normal(body) for name in own if name):
        return None
    if re.fullmatch(r"(?:joint\s+)?(?:council|committee|panel|board|cabinet)", body, re.I):
        return None
    return body


def _body_after(text: str, own_body_names: list[str]) -> str | None:
    """The body named between a date and the word "minutes" after it ("the April 9, 2025, Operations,
    Safety, and Security Committee minutes"), where it is not the meeting's own ("Board Meeting minutes")."""
    match = _BODY_BEFORE_MINUTES.match(text)
    if not match:
        return None
    name = tidy_body_name(match.group("body"))
    own = " ".join(own_body_names).lower()
    naming = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in GENERIC_NAME_WORDS]
    return name if naming and any(w not in own for w in naming) else None


def _normal(name: str) -> str:
    return re.sub(r"[^a-z]", "", re.sub(r"\b(?:the|of|and)\b", "", name.lower()))


def _next_meeting_refs(item: Item, meeting_date: str | None = None) -> list[MeetingRef]:
    sources = [(r.text, r.label) for r in item.resolutions if _NEXT_MEETING.search(r.text)]
    if not sources and _NEXT_MEETING.search(item.title):
        sources = [(f"{item.title}. {item.text}", None)]
    for text, label in sources:
        match = _NEXT_MEETING.search(text)
        after = text[match.start() :]
        # "The next meeting will be on January 22 at 6:30 pm": the first January 22 after this meeting
        dates = dates_after(after, meeting_date) if meeting_date else find_dates(after)
        if dates:
            window = after[: dates[0].end + 60]
            return [MeetingRef(date=dates[0].iso, kind=LinkKind.NEXT_MEETING, evidence=_sentence_with(text, dates[0].text),
                               item_number=_key(item), resolution_label=label, start_time=find_time(window))]
    return []


def _key(item: Item) -> str | None:
    """What the mention's item is known by: its number, or, where it has none, its title."""
    return item.number or item.minute_number or item.title


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;])\s+", text)


def _sentence_with(text: str, words: str) -> str:
    for sentence in _sentences(text):
        if words.lower() in sentence.lower():
            return sentence.strip()[:400]
    return text.strip()[:400]
