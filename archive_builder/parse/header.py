"""The head of a document: which body, which meeting (date, time, venue), and whether it was cancelled.

Read from the first lines, where every kind of committee document says what it is about:
"MINUTES of a meeting of the Cabinet held in ... on Thursday, 30 January 2025", "Report to the
Joint ICT Committee on 4 July 2018", "To: Cabinet – 30 January 2025", "AGENDA / CABINET / Thursday,
30th January, 2025, at 10.00 am", "STOKE FERRY PARISH COUNCIL Draft Minutes ... Wednesday 7 March 2018".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive_builder.dates import DateMatch, find_dates, find_time
from archive_builder.model import Line

HEADER_LINES = 30
MIN_HEAD_LINES = 2
_BUSINESS_STARTS = re.compile(
    r"^(?:\d{1,3}[.)]?\s+(?:[A-Z][a-z]|[A-Z]{2})|\(Item\s+\d|(?:UNRESTRICTED|EXEMPT)\s+ITEMS\b|Items\s*$|"
    r"(?:Minute\s+)?\d{1,4}/\d{2,4}\s+[A-Z]|Apologies\b)"
)
BODY_WORDS = r"(?:Committee|Council|Cabinet|Panel|Board|Forum|Authority|Assembly|Commission|Partnership|Executive|Sub-Committee|Subcommittee|Trust|Group)"
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&"}
ORGANISATION_LINES = 12  # an organisation's name heads the page, above the address and the membership
# What a council, district or place is called: "Town of North Star", "Regional Transportation District".
_ORGANISATION_LINE = re.compile(
    r"(?:(?:Municipal|Metropolitan|Electoral|Rural|Urban)\s+)?(?:City|Town|Village|County|Borough|Township|Municipality|District|Parish|Region|Shire|Province)\s+of\s+"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}"
    r"|[A-Z][\w'’&-]+(?:\s+[A-Z][\w'’&-]+){0,5}\s+(?:District|Authority|Agency|Corporation|Township|Municipality)"
)
# Words that name no body in particular: a name made only of them ("Board of Directors", "the Full
# Council", "the previous meeting") is generic, and the organisation or the document's own body is meant.
GENERIC_NAME_WORDS = {"board", "boards", "directors", "trustees", "supervisors", "governors", "commissioners", "council",
                      "committee", "commission", "town", "city", "village", "county", "of", "the", "and", "for", "meeting",
                      "meetings", "regular", "special", "monthly", "ordinary", "annual", "full", "minutes", "agenda",
                      "draft", "amended", "previous", "last"}
_GENERIC_BODIES = {"council", "the council", "committee", "the committee", "parish council", "the parish council",
                   "town council", "the town council", "panel", "the panel", "board", "the board", "meeting"}

# The kinds of meeting a body holds, which are not part of its name ("Special Meeting of the Council",
# "Proceedings at Online Meeting of the ...", "City Council Regular Meeting").
MEETING_KINDS = ("regular", "ordinary", "special", "extraordinary", "annual", "monthly", "budget", "adjourned",
                 "inaugural", "virtual", "online", "hybrid", "remote", "statutory", "reconvened", "emergency",
                 "general", "full", "joint")
_KIND = "|".join(MEETING_KINDS)
# The kinds that set a meeting apart from the committee's ordinary one on the same day ("Special Board
# Meeting" at 4 pm, the Board Meeting at 5.30: assemble/meetings.py keeps them two meetings).
SITTING_WORDS = ("special", "extraordinary", "emergency", "reconvened", "adjourned", "annual", "budget",
                 "inaugural", "closed", "workshop", "work session", "study session")
# What a document says it is, before the body's name: "Minutes of Proceedings of Meeting of the",
# "Agenda - Special Meeting of", "Summary of", "Proceedings at Online Meeting of the".
_DOCUMENT_LEAD = re.compile(
    rf"^(?:(?:draft\s+|confirmed\s+|approved\s+)?(?:minutes|proceedings|summary|agenda|notice|record|report|summons)"
    rf"(?:\s+(?:of|at|for|from))?(?:\s+(?:the|a|an)\b)?\s*[-–—:]?\s*)+"
    rf"|^(?:(?:the|a|an)\s+)?(?:(?:{_KIND})\s+)*(?:meeting|session)\s+of\s+(?:the\s+)?",
    re.I,
)
# Each pattern names the body; the earlier, the more certain.
_BODY_PATTERNS = [
    re.compile(r"\bminutes of (?:a|an|the) (?:\w+ )?(?:meeting|proceedings|session) of (?:the )?(?P<name>.+?)\s+(?:held|which|that|on\b|at\b)", re.I),
    re.compile(r"\b(?:a|an) (?:\w+ )?meeting of (?:the )?(?P<name>.+?) (?:will|is to|to) be held", re.I),
    _MEETING_OF := re.compile(
        rf"(?i:\b(?:(?:{_KIND})\s+)*(?:meeting|session)\s+of\s+(?:the\s+)?)(?P<name>[A-Z][^.;:()]{{2,140}}?)"
        r"(?=\s+(?i:held|which|that|on|at|in|to\s+(?:consider|be)|will|is\s+to|commencing)\b|\s*,?\s*(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d)|\s*$)"),
    re.compile(r"\bMINUTES OF (?:THE )?(?:(?:[A-Z]+ )?MEETING OF (?:THE )?)?(?P<name>[A-Z][A-Z ,&'’-]+?)(?:\s+(?=(?:HELD|ON|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY)\b|[A-Z][a-z]|\d)|\s*$)"),
    re.compile(rf"^(?P<name>[A-Z][A-Za-z ,&'’-]+?{BODY_WORDS})\s*[–—-]+\s*\d", re.I),
    re.compile(r"^report (?:to|for) (?:the )?(?P<name>[A-Z][^.:;]{2,80}?)\s+(?:on|meeting|held|dated|,|–|—|-)\s", re.I),
    re.compile(r"^To:\s*(?P<name>[A-Z][^–—\-,:]+?)\s*(?:[–—,-]|$)"),
    re.compile(r"\b(?i:decision (?:to be )?taken by):?\s*(?P<name>[A-Z][a-z][A-Za-z ,&'’-]*?)(?=\s+[A-Z]{2,}|\s*:|\s*$)"),
]
_DOCUMENT_WORD = re.compile(r"^\s*(?:minutes|agenda|report|summons|notice|draft)\b", re.I)
_POST = re.compile(r"\b(?:Member|Members|Leader|Director|Officer|Manager|Counsel|Clerk|Head)\b")
_CAPITALS_BODY = re.compile(rf"^(?P<name>(?:[A-Z][A-Z'’&-]+ ){{0,8}}{BODY_WORDS.upper()})\b")
_MEETING_CONTEXT = re.compile(r"(?:held|meeting|to be held|will be held|takes? place)\b[^.]{0,40}?\bon\s*(?:\w+day,?\s*)?$|meeting\W*$|meeting of\b.*$", re.I)
_ADDRESSED_TO = re.compile(r"^\s*To:\s*(?!All\b)|\breport (?:to|for) (?:the )?", re.I)
_DATE_LABEL = re.compile(r"\b(?:date of (?:the )?(?:meeting|decision)|meeting date|decision date|date)\s*:?\s*$", re.I)
_NOT_MEETING_CONTEXT = re.compile(r"(?:published|dated|issued|despatched|dispatched|date of publication|printed)\W*$", re.I)
_VENUE_WORDS = re.compile(
    r"\b(?:Hall|House|Room|Rooms|Chamber|Centre|Center|Street|Road|Lane|Offices?|Building|Library|Square|Town Hall|"
    r"Civic|Suite|Church|School|Pavilion|Online|Virtual|Teams|Zoom)\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b"
)
_CANCELLED = re.compile(r"\b(?:meeting|this meeting)\s+(?:has been|was|is|had been)\s+cancelled\b|^\s*(?:meeting\s+)?cancell?ed\b", re.I)
# A time on a line of its own near the date is the meeting's start; a title is looked for in the
# first lines, or down to just below the date where a membership list comes first.
_TIME_ALONE = re.compile(r"^\s*(?:at\s+)?(?:\d{1,2}[.:]\d\d\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)\s*$", re.I)
TITLE_LINES = 12
_MEETING_TITLE = re.compile(
    r"\b(Annual(?: General| Parish| Council)?|Extraordinary|Special|Budget|Ordinary|Reconvened|Inaugural|Adjourned|"
    r"Emergency|Statutory|Monthly|Online|Virtual|Hybrid)\s+(?:\w+\s+)?Meeting\b", re.I)


@dataclass
class Header:
    committee_name: str | None = None
    other_names: list[str] = field(default_factory=list)  # other names the same document uses for its body
    date: str | None = None
    start_time: str | None = None
    venue: str | None = None
    cancelled: bool = False
    meeting_title: str | None = None


def read_header(lines: list[Line]) -> Header:
    head = head_of(lines)
    names = body_names(head)
    date_line, date = meeting_date(head)
    header = Header(
        committee_name=names[0] if names else None,
        other_names=names[1:],
        date=date.iso if date else None,
        start_time=_start_time(head, date_line, date),
        venue=_venue(head, date_line, date),
        cancelled=any(_CANCELLED.search(line.text) for line in head[:12]),
        meeting_title=_meeting_title(head[: max(TITLE_LINES, (date_line or 0) + 3)]),
    )
    return header


def head_of(lines: list[Line]) -> list[Line]:
    """The document's head: its first lines, up to where its business starts (the first item, the
    attendance lists), so that an item mentioning another body's meeting cannot name this one's."""
    head = lines[:HEADER_LINES]
    for index, line in enumerate(head):
        if index >= MIN_HEAD_LINES and _BUSINESS_STARTS.match(line.text) and not _starts_with_date(line.text):
            return head[:index]
    return head


def _starts_with_date(text: str) -> bool:
    """'25 February 2014.' wrapped onto its own line is the meeting's date, not item 25."""
    dates = find_dates(text[:40])
    return bool(dates) and dates[0].start <= 12


def body_names(lines: list[Line]) -> list[str]:
    """The names the document's head gives its body, most certain first, without repeats.

    A letterhead naming the organisation ("KENT COUNTY COUNCIL" above "CABINET") is not the body.
    """
    text_lines = [line.text for line in lines]
    joined = " ".join(text_lines)
    found: list[str] = []
    for pattern in _BODY_PATTERNS:
        for candidate in _pattern_names(pattern, joined, text_lines):
            _add_name(found, candidate)
    for candidate in _named_by_meeting(joined):
        _add_name(found, candidate, body_word=False)
    letterheads = _agenda_title_lines(text_lines) + _letterhead_bodies(text_lines)
    for candidate in letterheads:
        if not _organisation(candidate):
            _add_name(found, candidate)
    for candidate in letterheads if not found else []:
        _add_name(found, candidate)  # "STOKE FERRY PARISH COUNCIL": the council itself met
    if not found:
        named = _named_by_organisation(text_lines)
        if named:
            _add_name(found, named, organisation=True)
    for text in text_lines[:2] if not found else []:
        match = _CAPITALS_BODY.match(text)
        if match and not _whole_line_body(text):  # "STOKE FERRY PARISH COUNCIL Draft Minutes ..." run on
            _add_name(found, match.group("name"))
    return found


# After "Meeting of the X", what shows X is the whole of what met: "held", "to be held", its date.
_HELD_AFTER = re.compile(r"\s*,?\s*(?i:(?:which\s+was\s+|to\s+be\s+|was\s+)?held\b|on\s+(?:\w+day\b|\d)|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|to\s+consider\b)")
# What a meeting may be "of" that is no body: people, posts and the public.
_NOT_WHAT_MEETS = re.compile(
    r"^(?:(?:councill?ors?|cllrs?|mr|mrs|ms|dr|mayor|members?|residents|parishioners|electors|public|stakeholders|"
    r"chief executive|chair(?:man|person)?|officers?)\b)", re.I)


def _named_by_meeting(joined: str) -> list[str]:
    """Bodies named only by what met: "Monthly Meeting of the Metropolitan District of Limerick held",
    "Meeting of the SPC Economic Development, Enterprise & Planning to be held". Their names hold no
    word like "Committee", so the words around must show that the whole of what met is named."""
    return [m.group("name") for m in _MEETING_OF.finditer(joined)
            if _HELD_AFTER.match(joined, m.end()) and not _NOT_WHAT_MEETS.match(tidy_body_name(m.group("name")))]


def _pattern_names(pattern: re.Pattern, joined: str, text_lines: list[str]) -> list[str]:
    if pattern.pattern.startswith("^"):
        return [m.group("name") for text in text_lines for m in [pattern.search(text)] if m]
    return [m.group("name") for m in pattern.finditer(joined)]


def _named_by_organisation(text_lines: list[str]) -> str | None:
    """A body the head names only by what it belongs to: the organisation's or place's line, with the
    generic body printed under it ("Regional Transportation District" / "BOARD OF DIRECTORS"; "TOWN
    OF MAPLE FALLS" / "REGULAR COUNCIL MEETING"), or alone ("Town of North Star": its board met)."""
    organisation = next((tidy_body_name(t) for t in text_lines[:ORGANISATION_LINES]
                         if _ORGANISATION_LINE.fullmatch(tidy_body_name(t))), None)
    if organisation is None:
        return None
    generic = next((tidy_body_name(t) for t in text_lines if _whole_line_body(t) and _generic_body(t)), None)
    if not generic or generic.lower() in organisation.lower():
        return organisation
    place = re.match(r"(City|Town|Village|County|Borough|Township)\s+of\s+(.+)", organisation)
    if place and generic.lower().startswith(place.group(1).lower()):
        return f"{place.group(2)} {generic}"  # "CITY OF LAKEWOOD" / "CITY COUNCIL": Lakewood City Council
    return f"{organisation} {generic}"


def _generic_body(text: str) -> bool:
    """'BOARD OF DIRECTORS', 'Regular Council Meeting': a body named by what it is, not whose."""
    return set(re.findall(r"[a-z]+", text.lower())) <= GENERIC_NAME_WORDS


def _agenda_title_lines(text_lines: list[str]) -> list[str]:
    # "AGENDA" then the body on the next line: "AGENDA / CABINET".
    return [
        text_lines[i + 1]
        for i, text in enumerate(text_lines[:-1])
        if text.strip().upper() in {"AGENDA", "A G E N D A"} and _whole_line_body(text_lines[i + 1])
    ]


def _letterhead_bodies(text_lines: list[str]) -> list[str]:
    """Body names printed as whole lines at the top. Of two stacked ones, one is the organisation
    ("KENT COUNTY COUNCIL" above "CABINET", "Harbourside District Council" under its committee's name)
    and the other the body that met."""
    top = [text for text in text_lines[:4] if _whole_line_body(text)]
    if len(top) >= 2 and text_lines.index(top[1]) == text_lines.index(top[0]) + 1:
        bodies = [text for text in top[:2] if not _organisation(text)]
        return bodies[:1] or top[1:2]
    return top[:1]


_PLACE_KIND = r"(?:District|County|Borough|City|Town|Parish|Metropolitan Borough)"
_COUNCIL_OF_PLACE = rf"{_PLACE_KIND}(?:\s+and\s+{_PLACE_KIND})?\s+Council"  # "City and County Council"


def _organisation(text: str) -> bool:
    """'Kent County Council', 'Harbourside District Council', 'London Borough of Brent': a council as
    a whole, named by its place, not one of its committees."""
    name = tidy_body_name(text)
    return bool(
        re.fullmatch(rf"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+{_COUNCIL_OF_PLACE}", name)
        or re.fullmatch(r"(?:London Borough|Royal Borough|City|Borough|District|County|Town|Council) of [A-Z][\w ,'’-]+", name)
    )


def _whole_line_body(text: str) -> bool:
    words = text.replace(",", " ").split()
    if not words or len(words) > 16 or ":" in text or text.rstrip().endswith(",") or _DOCUMENT_WORD.match(text) or not re.search(rf"\b{BODY_WORDS}\b", text, re.I):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


# What no body's name holds: a date or weekday, an e-mail address, a venue ("Council Chamber, Dooradoyle
# and Online": the body word there names a room).
_NOT_A_BODY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:19|20)\d\d\b|@"
    r"|\b(?:Council|Committee|Board)\s+(?:Chamber|Room|Offices?|Building|Suite)s?\b|\b(?:Online|Virtual|Zoom|Teams)\s*$",
    re.I,
)


def _add_name(found: list[str], candidate: str, organisation: bool = False, body_word: bool = True) -> None:
    """Add a body's name, unless it is none (`organisation`: the name of what the body belongs to,
    which holds no word like "Committee"; `body_word`: whether the name must hold one)."""
    name = tidy_body_name(candidate)
    if not name or name.lower() in _GENERIC_BODIES or len(name) > 120 or len(name.split()) > 16 or _NOT_A_BODY.search(name):
        return
    if not organisation and _generic_body(name):
        return  # "Board of Directors" names no body until its organisation's name is joined to it
    needs_word = body_word and not organisation
    if (needs_word and not re.search(rf"\b{BODY_WORDS}\b", name, re.I)) or _POST.search(name):
        return
    if any(name.lower() == existing.lower() for existing in found):
        return
    found.append(name)


def tidy_body_name(text: str) -> str:
    """'JOINT COMMITTEE OF THE LONDON BOROUGHS OF BRENT, LEWISHAM AND SOUTHWARK' -> title case, trimmed."""
    text = re.sub(r"\s+", " ", text).strip(" ,.:;–—-")
    text = re.sub(r"^(?:all\s+)?(?:members\s+of\s+)?(?:the|a|an)\s+", "", text, flags=re.I)
    for _ in range(3):  # "Minutes of Proceedings of Meeting of the ...": each lead taken away in turn
        text = _DOCUMENT_LEAD.sub("", text).strip(" ,.:;–—-")
    text = re.sub(r"\s+(?:draft|minutes|agenda)$", "", text, flags=re.I)
    # "Special Meeting of the Council to consider the Issues Paper ...": what the meeting is for
    text = re.sub(r"\s+to\s+(?:consider|discuss|receive|review|adopt|agree|elect|hear|be\b).*$", "", text, flags=re.I)
    # "Regular Council Meeting", "City Council Regular Meeting": the kind of meeting is not the body's name
    text = re.sub(rf"\s+(?:(?:{_KIND})\s+)*meeting$", "", text, flags=re.I)
    # (not "General Purposes", "Joint Committee", "Budget Committee": those kinds name bodies too)
    text = re.sub(r"^(?:regular|ordinary|special|extraordinary|annual|monthly|adjourned|inaugural|online|virtual)\s+",
                  "", text, flags=re.I)
    if text.isupper():
        words = text.lower().split(" ")
        text = " ".join(w if (i and w in _SMALL_WORDS) else _capitalise(w) for i, w in enumerate(words))
    return text


def _capitalise(word: str) -> str:
    if 2 <= len(word) <= 5 and not re.search(r"[aeiouy]", word) and word not in {"st", "mr", "mrs", "ms", "dr"}:
        return word.upper()  # "SPC", "LCDC": initials, which no word of a name is without a vowel
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def meeting_date(lines: list[Line]) -> tuple[int | None, DateMatch | None]:
    """The date of the meeting the head speaks of, and the index of its line.

    A head may print other dates (when the agenda was published, a report's date); the meeting's own
    date is the one beside a time or after "held on"/"meeting on", else the first that is not a
    publication date.
    """
    best: tuple[int, int, DateMatch] | None = None
    for index, line in enumerate(lines):
        text = _with_wrapped_year(line.text, lines[index + 1].text if index + 1 < len(lines) else "")
        for date in find_dates(text):
            score = _date_score(text, date, lines, index)
            if best is None or score > best[0]:
                best = (score, index, date)
    if best is None or best[0] < 0:
        return None, None
    return best[1], best[2]


_DAY_AND_MONTH_AT_END = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$", re.I)
_YEAR_AT_START = re.compile(r"^\s*((?:19|20)\d\d)\b")


def _with_wrapped_year(text: str, following: str) -> str:
    """"... on Monday 11 August" + "2014." as one line: a PDF wraps a date where the line is full."""
    year = _YEAR_AT_START.match(following)
    return f"{text.rstrip()} {year.group(1)}" if year and _DAY_AND_MONTH_AT_END.search(text) else text


def _date_score(text: str, date: DateMatch, lines: list[Line], index: int) -> int:
    before = text[: date.start]
    after = text[date.end :]
    score = 10 - min(index, 20) // 2  # earlier is likelier
    if find_time(after[:40]) or (not after.strip() and index + 1 < len(lines) and find_time(lines[index + 1].text[:20])):
        score += 6
    if _MEETING_CONTEXT.search(before[-60:]):
        score += 6
    label_above = index > 0 and not before.strip() and _DATE_LABEL.search(lines[index - 1].text)
    if _ADDRESSED_TO.search(text) or _DATE_LABEL.search(before[-30:]) or label_above:
        score += 8
    if _NOT_MEETING_CONTEXT.search(before[-40:]):
        score -= 20
    if index + 1 < len(lines) and re.match(r"\s*To:\s*All\b", lines[index + 1].text):
        score -= 8  # a letter's date just above "To: All Members"
    return score


def _start_time(lines: list[Line], date_line: int | None, date: DateMatch | None) -> str | None:
    if date_line is None:
        return None
    text = lines[date_line].text
    after = text[date.end :] if date else text
    time = find_time(after[:60]) or find_time(text[: date.start][-30:] if date else "")
    if not time and date_line + 1 < len(lines):
        time = find_time(lines[date_line + 1].text[:30])
    for line in lines[date_line + 2 : date_line + 4] if not time else []:
        # a portal's header: "Tuesday, March 25, 2025 / IN-PERSON/REMOTE MEETING / 5:00 PM"
        if _TIME_ALONE.match(line.text):
            return find_time(line.text)
    return time


def _venue(lines: list[Line], date_line: int | None, date: DateMatch | None) -> str | None:
    joined = " ".join(line.text for line in lines[:15])
    labelled = re.search(r"\b(?:Venue|Location|Place)\s*:\s*(?P<v>[^:]{5,150}?)(?=\s+[A-Z][a-z]+\s*:|$)", joined)
    if labelled:
        return _tidy_venue(labelled.group("v"))
    held = re.search(
        r"\b(?:held|take place|meet)\s+(?:in|at)\s+(?:the\s+)?(?P<v>.+?)(?:,?\s+on\s+(?:\w+day|\d)|,?\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\.\s|\.$|\s+to deal with)",
        joined,
    )
    if held and _VENUE_WORDS.search(held.group("v")):
        return _tidy_venue(held.group("v"))
    if date_line is None:
        return None
    return _venue_after_date(lines, date_line, date)


def _venue_after_date(lines: list[Line], date_line: int, date: DateMatch | None) -> str | None:
    text = lines[date_line].text
    rest = text[date.end :] if date else ""
    rest = re.sub(r"^[,\s]*(?:at\s+)?\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?[,\s]*", "", rest, flags=re.I)
    rest = re.split(r"\s+(?:Ask for|Telephone|Tel|Email|Contact)\b", rest)[0]
    if rest and _VENUE_WORDS.search(rest) and rest[:1].isupper():
        return _tidy_venue(rest)
    following: list[str] = []
    for line in lines[date_line + 1 : date_line + 6]:
        candidate = re.split(r"\s*(?:Ask for|Telephone|Tel|Email|Contact)\b", line.text)[0]
        if not following and not _VENUE_WORDS.search(candidate):
            continue  # "(or on the rising of Full Council," / "Ask for: ..." before the venue
        if not _VENUE_WORDS.search(candidate) or ":" in candidate or len(candidate) > 160:
            break
        following.append(candidate)
        if not candidate.rstrip().endswith(","):
            break
    return _tidy_venue(" ".join(following)) if following else None


def _tidy_venue(text: str) -> str:
    text = re.sub(r"[.,;]?\s*(?:View|Get|Show)\s+(?:directions|map|on a map)\b.*$|\s*\((?:map|directions)\)\s*$", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip(" ,.;")


def _meeting_title(lines: list[Line]) -> str | None:
    for line in lines:
        match = _MEETING_TITLE.search(line.text)
        if match:
            words = match.group(0).split()
            return " ".join(w[:1].upper() + w[1:].lower() for w in words)
    return None
