"""The items of an agenda or minutes: where each begins, its numbers and title, and its text.

Bodies number their business in different ways, and the builder must read documents it has never
seen, so each way is a scheme tried in turn, from the most explicit:

- ModernGov printed minutes: "286. Apologies for Absence" ... "(Item 1)": minute and agenda numbers,
  and minutes without minute numbers that still mark each item "(Item 3)" under its title;
- minute references per year run into the text: "48/18 Apologies and Welcome There were ...";
- numbered headings: "1. Appointment of Chair", "4 Minutes of the Previous Meeting<TAB>1 - 8",
  "Item 5: Budget", chosen as the longest run of consecutive numbers whose lines read as titles,
  so numbered paragraphs inside an item are not taken for items;
- headings in capitals without numbers ("ADOPTION OF THE AGENDA").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from archive_builder.dates import find_dates
from archive_builder.model import Line
from archive_builder.parse.private import Heading, section_headings
from archive_builder.parse.vocabulary import DEFAULT_WORDS, Words

_ITEM_MARKER = re.compile(r"^\(\s*(?:Agenda\s+)?Item\s+(?:No\.?\s*)?(\d{1,3}[A-Za-z]?(?:\.\d+)?)\s*\)\s*$", re.I)
_MINUTE_NUMBER_LINE = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")
_NUMBERED_PARAGRAPH = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s")
_MINUTE_REF_LINE = re.compile(r"^(?:Minute\s+)?(\d{1,4})/(\d{2}|\d{4})\.?(?:\s+(?=[A-Z0-9‘'\"(])|(?=[A-Z]))(.*)$")
_NUMBERED = re.compile(
    r"^(?:(?:Agenda\s+)?Item\s+(?:No\.?\s*)?)?(\d{1,3})([a-z]?|\.\d{1,2})?(?:[.):]|\s*[-–—]\s|(?=\s))\s*(\S.*)$", re.I
)
# "XIV. Chair's Report": a Roman numeral in capitals, its stop, then the title (the stop tells it from
# a word: "I am", "MIX").
_ROMAN_NUMBERED = re.compile(r"^([IVXL]{1,6})\.\s+(\S.*)$")
_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\b|$)", re.I)
_NUMBER_ALONE = re.compile(r"^\s*(?:(?:Agenda\s+)?Item\s+)?(?:(?P<arabic>\d{1,3})|(?P<roman>[IVXL]{1,6}))\.?\s*$", re.I)
_ATTACHMENT = re.compile(r"^(?:PDF|Word|DOCX?|HTML|XLSX?)\s+\d+\s*[KM]B\b", re.I)
_OPENING_LIST = re.compile(r"^(?:Present|Absent|Regrets|Staff|Also Present|Attendance|Members Present|Roll Call|Guests|Officers|In Attendance)\b[^:]{0,30}:", re.I)
_CAPITALS_HEADING = re.compile(r"^[A-Z][A-Z0-9 ,&'’/()-]{5,80}$")
_PAGES = re.compile(r"\s*(?:\((Pages?\s+[\d\s\-–]+)\)|\t\s*(\d+\s*[-–]\s*\d+|\d+|To Follow)|\(?\b(To Follow)\)?)\s*$", re.I)
_DECISION_NUMBER = re.compile(r"^((?:[A-Z]{2,6}/\d{2,4}/\d{2,5}|\d{2}/\d{4,6}))\s*[-–—:]\s*")
_SMALL = {"of", "the", "and", "to", "for", "on", "in", "at", "a", "an", "or", "&", "by", "with", "from", "as",
          "into", "under", "about", "re", "vs", "v", "-", "–", "—", "if", "be", "is", "per", "within", "via", "dated",
          "held", "including", "between", "that"}
_STARTERS = {"The", "There", "It", "This", "That", "These", "Those", "A", "An", "Cllr", "Cllr.", "Councillor",
             "Councillors", "Mr", "Mrs", "Ms", "Miss", "Dr", "Members", "Member", "He", "She", "They", "We", "Following",
             "No", "Nothing", "In", "As", "Apologies", "All", "Having", "After", "Further", "Some", "Concerns", "Our",
             "Residents", "Both", "Each", "Two", "Three", "Four", "One", "Its", "Their", "His", "Her", "Once", "Due",
             "Whilst", "While", "Although", "Resolved", "RESOLVED", "It’s", "Proposed", "Since", "Officers", "Cllrs"}
MAX_TITLE_WORDS = 14
_NARRATIVE_VERB = re.compile(
    r"\b(?:was|were|had|has|have|is|are|said|says|noted|agreed|advised|asked|reported|introduced|presented|thanked|"
    r"highlighted|explained|confirmed|proposed|seconded|received|considered|shared|welcomed|stated|informed|resolved)\b"
)
_SIGN_OFF_NOTE = re.compile(
    r"\bmobile phones?\b|\bat the time of preparing the agenda\b|\bno exempt items\b|\bmeeting is likely (?:NOT )?to be open\b|"
    r"\bmay be (?:filmed|recorded)\b|\bmeeting (?:closed|ended|finished) at\b",
    re.I,
)
MAX_RUN_ON_TITLE_WORDS = 30
WRAP_WIDTH = 50  # a heading this long that stops without punctuation ran on to the next line
_LIST_MARKER = re.compile(r"^\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})\)$")


@dataclass
class ItemBlock:
    """One item as the text sets it out, before its resolutions and other facts are read."""

    number: str | None
    title: str
    lines: list[Line]  # the item's text, without its heading
    page: int
    minute_number: str | None = None
    private: str | None = None  # why it was taken in private (parse/private.py), or None
    public_record: bool = False  # the minuted motion into private session (parse/private.py): published
    pages: str | None = None  # the agenda's page range for the item's papers
    decision_number: str | None = None
    span: tuple[int, int] = (0, 0)  # the item's lines, heading included, as indexes into the document's lines


@dataclass
class ItemLayout:
    preamble: list[Line] = field(default_factory=list)  # what comes before the first item
    items: list[ItemBlock] = field(default_factory=list)
    headings: dict[int, Heading] = field(default_factory=dict)  # the section headings, by line index (parse/private.py)


def find_items(lines: list[Line], words: Words = DEFAULT_WORDS) -> ItemLayout:
    """The items, each with its lines; which of them were taken in private is read afterwards
    (parse/private.py), from the layout. `words`: what heads a section ("UNRESTRICTED ITEMS", "Part 2"),
    which is never an item nor part of one's title."""
    headings = section_headings(lines, words)
    sections = {lines[index] for index in headings}
    for scheme in (_by_item_markers, _by_minute_references, _by_numbered_headings, _by_capital_headings):
        layout = scheme(lines, sections)
        if layout is not None:
            _without_sign_off(layout.items[-1])
            layout = _with_unnumbered_opening(layout, sections)
            layout.headings = headings
            return layout
    return ItemLayout(preamble=lines, headings=headings)


UNNUMBERED_BUSINESS = "Business of the meeting"


def as_one_item(lines: list[Line], headings: dict[int, Heading]) -> ItemLayout:
    """Minutes in which no item could be found, their business after the opening lists as one item:
    their decisions are still read, and belong to an item with a title."""
    start = _after_opening_lists(lines)
    if start < 1 or start >= len(lines):
        return ItemLayout(preamble=lines, headings=headings)
    item = ItemBlock(number=None, title=UNNUMBERED_BUSINESS, lines=lines[start:], page=lines[start].page,
                     span=(start - 1, len(lines)))  # the span starts at the line before, as a heading's would
    layout = ItemLayout(preamble=lines[:start], items=[item], headings=headings)
    _without_sign_off(item)
    return layout


def _without_sign_off(item: ItemBlock) -> None:
    """The last item does not own what closes the document: the officer's or chair's signature, the
    date it was published, a phone number, a note on exempt items or on mobile phones."""
    lines = item.lines
    end = len(lines)
    while end > 0:
        text = lines[end - 1].text.strip()
        if text.endswith(")") and not text.startswith("("):
            opening = next((i for i in range(end - 1, max(-1, end - 6), -1) if lines[i].text.lstrip().startswith("(")), None)
            if opening is not None and _SIGN_OFF_NOTE.search(" ".join(l.text for l in lines[opening:end])):
                end = opening
                continue
        if not _sign_off_line(text):
            break
        end -= 1
    if end < len(lines):
        item.lines = lines[:end]
        item.span = (item.span[0], item.span[1] - (len(lines) - end))


def _sign_off_line(text: str) -> bool:
    if _SIGN_OFF_NOTE.search(text) and (text.startswith("(") or len(text) < 120):
        return True
    if re.fullmatch(r"(?:Tel(?:ephone)?:?\s*)?[\d\s()+-]{7,}", text) or re.fullmatch(r"\S+@\S+", text):
        return True
    if re.fullmatch(r"(?:Signed|Chair(?:man|person)?|Date|Dated)\s*:?[\s._…-]*", text, re.I):
        return True
    words = text.split()
    if not words or len(words) > 7 or re.search(r"[.;:]$", text):
        return False

    dates = find_dates(text)
    if dates and len(text) - len(dates[0].text) < 14:
        return True  # "Wednesday, 4 September 2024": when the agenda was published
    if text.isupper() and len(words) <= 5:
        return True  # "COUNCILLOR MARGARET OKONKWO"
    return all(w[:1].isupper() or w.lower() in _SMALL for w in words) and len(words) <= 7 and not _NUMBERED.match(text)


def _with_unnumbered_opening(layout: ItemLayout, sections: set[Line]) -> ItemLayout:
    """Business minuted before the first numbered item, under a heading of its own ("UNRESTRICTED ITEMS
    / Election of Chair / 1. Mr Gough proposed ..."), is an item without a number."""
    preamble = layout.preamble
    starts = [i for i, line in enumerate(preamble) if line in sections]
    if not starts or starts[-1] + 2 >= len(preamble):
        return layout
    heading = starts[-1] + 1
    title = preamble[heading].text
    if not _title_like(title) or re.search(r"[.:;]$", title):
        return layout
    item = ItemBlock(number=None, title=title.strip(), lines=preamble[heading + 1 :], page=preamble[heading].page,
                     span=(heading, len(preamble)))
    layout.preamble = preamble[:heading]
    layout.items.insert(0, item)
    return layout


# --- Scheme: "(Item 3)" under each title --------------------------------------------------------


def _by_item_markers(lines: list[Line], sections: set[Line]) -> ItemLayout | None:
    markers = [i for i, line in enumerate(lines) if _ITEM_MARKER.match(line.text)]
    if len(markers) < 2:
        return None
    bounds = [-1] + markers
    minutes = [_minute_line_before(lines, marker, previous) for marker, previous in zip(markers, bounds, strict=False)]
    if not _numbers_run_on([_minute_value(lines[m]) for m in minutes if m is not None], len(markers)):
        minutes = [None] * len(markers)  # "4. RESOLVED that ..." is a numbered paragraph, not a minute
    heads = [
        _minute_heading(lines, minute, marker) if minute is not None else _title_above(lines, marker, previous)
        for marker, previous, minute in zip(markers, bounds, minutes, strict=False)
    ]
    layout = ItemLayout(preamble=lines[: heads[0][0]])
    for n, (marker, (start, minute, title)) in enumerate(zip(markers, heads, strict=False)):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        number = _ITEM_MARKER.match(lines[marker].text).group(1)
        layout.items.append(
            ItemBlock(number=number, title=title, lines=lines[marker + 1 : end], page=lines[start].page,
                      minute_number=minute, span=(start, end))
        )
    return layout


def _minute_line_before(lines: list[Line], marker: int, previous: int) -> int | None:
    for index in range(marker - 1, max(previous, marker - 5), -1):
        if _MINUTE_NUMBER_LINE.match(lines[index].text):
            return index
    return None


def _minute_value(line: Line) -> int:
    return int(_MINUTE_NUMBER_LINE.match(line.text).group(1))


def _numbers_run_on(numbers: list[int], markers: int) -> bool:
    """Minute numbers are real when most items have one and each is the previous plus one."""
    if len(numbers) < max(2, 0.6 * markers):
        return False
    steps = [b - a for a, b in pairwise(numbers)]
    return sum(1 for step in steps if step == 1) >= 0.8 * len(steps)


def _minute_heading(lines: list[Line], index: int, marker: int) -> tuple[int, str | None, str]:
    match = _MINUTE_NUMBER_LINE.match(lines[index].text)
    rest = [lines[i].text for i in range(index + 1, marker)]
    return index, match.group(1), _join_title([match.group(2)] + rest)


def _title_above(lines: list[Line], marker: int, previous: int) -> tuple[int, None, str]:
    """The title lines printed just above an "(Item N)" marker, in minutes without minute numbers."""
    start = marker
    for index in range(marker - 1, max(previous, marker - 4), -1):
        text = lines[index].text
        if not _title_like(text) or re.search(r"[.;:]$", text) or _NUMBERED_PARAGRAPH.match(text):
            break
        if text.count(")") > text.count("(") or (index < marker - 1 and text.endswith(")")):
            break  # the end of a list of names with posts in brackets, not a title
        start = index
    title = _join_title([lines[i].text for i in range(start, marker)]) or lines[marker].text.strip("()")
    return start, None, title


# --- Scheme: "48/18 Apologies ..." -----------------------------------------------------------------


def _by_minute_references(lines: list[Line], sections: set[Line]) -> ItemLayout | None:
    candidates = [(i, m) for i, line in enumerate(lines) for m in [_MINUTE_REF_LINE.match(line.text)] if m]
    chain = _longest_run(candidates, key=lambda c: (int(c[1].group(2)), int(c[1].group(1))), max_step=2)
    if len(chain) < 3:
        return None
    layout = ItemLayout(preamble=lines[: chain[0][0]])
    for n, (index, match) in enumerate(chain):
        end = chain[n + 1][0] if n + 1 < len(chain) else len(lines)
        title, rest = split_run_on_title(match.group(3))
        first = [Line(rest, lines[index].page)] if rest else []
        layout.items.append(
            ItemBlock(
                number=None,
                minute_number=f"{match.group(1)}/{match.group(2)}",
                title=title,
                lines=first + lines[index + 1 : end],
                page=lines[index].page,
                span=(index, end),
            )
        )
    return layout


def split_run_on_title(text: str) -> tuple[str, str]:
    """'Apologies and Welcome There were no apologies.' -> ('Apologies and Welcome', 'There were ...').

    A title is a run of words up to where a sentence begins: at a lower-case word, the text started
    at the last sentence opener before it ("The", "There", "Cllr", ...); a title in sentence case
    ("Urgent Items as agreed by the Chairman") has no opener, so reading goes on. A colon, a full stop
    or a list marker ("a)") also ends it.
    """
    words = text.split()
    last_lower = 0
    for index, word in enumerate(words[:MAX_RUN_ON_TITLE_WORDS]):
        bare = word.strip("()‘’'\"")
        if index and _LIST_MARKER.match(word):
            return _title_and_rest(words, index)
        if index and bare[:1].islower() and bare.lower() not in _SMALL:
            opener = _opener_between(words, last_lower + 1, index)
            if opener:
                return _title_and_rest(words, opener)
            last_lower = index
        if index and _ends_sentence(word) and not (index <= 2 and word.endswith(":") and words[0].lower() == "to"):
            return _title_and_rest(words, index + 1)  # but "To Approve: Planting of ..." goes on
    return _title_and_rest(words, min(len(words), MAX_TITLE_WORDS))


def _opener_between(words: list[str], start: int, end: int) -> int | None:
    for index in range(end - 1, max(start, 1) - 1, -1):
        if words[index] in _STARTERS:
            while index - 1 >= max(start, 1) and words[index - 1] in _STARTERS:
                index -= 1  # "The Councillors had ...": the sentence opens at "The"
            return index
    return None


def _title_and_rest(words: list[str], stop: int) -> tuple[str, str]:
    return " ".join(words[:stop]).rstrip(".:;,-–— "), " ".join(words[stop:])


def _ends_sentence(word: str) -> bool:
    return bool(re.search(r"[a-z0-9)][.:]$", word)) and not re.fullmatch(r"(?:[A-Z]|No|St|Cllr|Mr|Mrs|Ms|Dr|[ap]\.m)\.", word)


# --- Scheme: numbered headings --------------------------------------------------------------------


@dataclass(frozen=True)
class _Numbered:
    """A numbered heading: "4a. Budget", or a number alone on its line with the title under it
    ("III." / "Executive Session", as Granicus agendas and minutes print them)."""

    value: int  # the number, for the run ("III" is 3)
    printed: str  # as printed, with its letter ("4a", "III")
    roman: bool  # numbered I, II, III: a run of its own, never continued by 5
    suffixed: bool  # "4a", "4.1": a part of item 4
    title: str
    lines: int  # the lines the heading takes


def _numbered(lines: list[Line], index: int) -> _Numbered | None:
    match = _NUMBERED.match(lines[index].text)
    if match and _CLOCK.match(lines[index].text):
        return None  # "5:30 PM" is a time, not item 5
    if match and _heading_like(_strip_pages(match.group(3))[0]):
        return _Numbered(int(match.group(1)), match.group(1) + (match.group(2) or ""), False, bool(match.group(2)),
                         match.group(3), 1)
    roman = _ROMAN_NUMBERED.match(lines[index].text)
    if roman and _heading_like(_strip_pages(roman.group(2))[0]) and (value := _roman(roman.group(1))):
        return _Numbered(value, roman.group(1), True, False, roman.group(2), 1)
    alone = _NUMBER_ALONE.match(lines[index].text)
    if alone and index + 1 < len(lines) and _heading_like(lines[index + 1].text) and not _NUMBER_ALONE.match(lines[index + 1].text):
        printed = alone.group("arabic") or alone.group("roman").upper()
        value = int(printed) if alone.group("arabic") else _roman(printed)
        return _Numbered(value, printed, not alone.group("arabic"), False, lines[index + 1].text.strip(), 2) if value else None
    return None


def _roman(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for n, letter in enumerate(text):
        value = values[letter]
        total += -value if n + 1 < len(text) and values[text[n + 1]] > value else value
    return total if 0 < total < 200 else None


def _by_numbered_headings(lines: list[Line], sections: set[Line]) -> ItemLayout | None:
    candidates = [(index, found) for index in range(len(lines)) if (found := _numbered(lines, index))]
    chain = _longest_run(candidates, key=lambda c: (c[1].roman, c[1].value), suffixed=lambda c: c[1].suffixed)
    if len(chain) < 2:
        return None
    layout = ItemLayout(preamble=lines[: chain[0][0]])
    for n, (index, heading) in enumerate(chain):
        end = chain[n + 1][0] if n + 1 < len(chain) else len(lines)
        body = lines[index + heading.lines : end]
        title_text, body = _title_with_continuation(heading.title, body, sections)
        title, pages = _strip_pages(title_text)
        pages = pages or _pages_line(body)
        decision = _DECISION_NUMBER.match(title)
        title = _title_case(title) if title.isupper() and len(title) > 4 else title
        layout.items.append(
            ItemBlock(
                number=heading.printed,
                title=_DECISION_NUMBER.sub("", title) or title,
                lines=[line for line in body if not _PAGES.fullmatch(line.text)],
                page=lines[index].page,
                pages=pages,
                decision_number=decision.group(1) if decision else None,
                span=(index, end),
            )
        )
    return layout


def _title_with_continuation(title: str, body: list[Line], sections: set[Line]) -> tuple[str, list[Line]]:
    """A heading that wraps onto the next line(s): 'Draft Revenue Budget 2025-26, MTFP 2025-28, ...'
    continued by 'and Treasury Management Strategy (Pages 85 - 276)'."""
    taken = 0
    for line in body[:2]:
        text = line.text
        if line in sections or (_PAGES.search(title) and title.count("(") <= title.count(")")):
            break
        if text.rstrip().endswith(":") or _ATTACHMENT.match(text):
            break  # "Minutes:", "Decision:", "PDF 161 KB": what follows a ModernGov item title
        wraps = (
            text[:1].islower()
            or title.count("(") > title.count(")")
            or (title.rstrip().endswith((",", "-", "–", " and", " of", " the", " or", " for", " to", " in", " on", "&")) and _title_like(text))
            or (len(title) >= WRAP_WIDTH and not re.search(r"[.:;]$", title) and (text[:1].isdigit() or _title_like(text)) and not _NUMBERED.match(text))
        )
        pages_follow = bool(_PAGES.search(text)) and not _PAGES.search(title) and len(text) < 90 and _title_like(_strip_pages(text)[0] or "X")
        if _PAGES.fullmatch(text) and not _PAGES.search(title):
            title = f"{title} {text}"
            taken += 1
            break
        if not (wraps or pages_follow):
            break
        title = f"{title} {text}"
        taken += 1
    return title, body[taken:]


def _pages_line(body: list[Line]) -> str | None:
    for line in body[:2]:
        match = _PAGES.fullmatch(line.text)
        if match:
            return _page_text(match)
    return None


def _strip_pages(title: str) -> tuple[str, str | None]:
    match = _PAGES.search(title)
    if not match:
        return title.split("\t")[0].strip(), None
    return title[: match.start()].split("\t")[0].strip(), _page_text(match)


def _page_text(match: re.Match) -> str:
    text = next(group for group in match.groups() if group)
    return re.sub(r"^Pages?\s+", "", text.strip(), flags=re.I).replace("–", "-")


# --- Scheme: headings in capitals -----------------------------------------------------------------


def _by_capital_headings(lines: list[Line], sections: set[Line]) -> ItemLayout | None:
    """Headings without numbers: lines in capitals ("ADOPTION OF THE AGENDA"), or lines the layout
    makes headings (a Markdown '## Road', an HTML <h3>, a Word heading), which two suffice to trust."""
    start = _after_opening_lists(lines)
    heads = [i for i, line in enumerate(lines)
             if i >= start and line not in sections and (_CAPITALS_HEADING.match(line.text) or _layout_heading(line))]
    if len(heads) < (2 if any(lines[i].heading for i in heads) else 3):
        return None
    layout = ItemLayout(preamble=lines[: heads[0]])
    for n, index in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        text = lines[index].text.strip()
        title = _title_case(text) if text.isupper() else text
        layout.items.append(ItemBlock(number=None, title=title, lines=lines[index + 1 : end], page=lines[index].page, span=(index, end)))
    return layout


def _layout_heading(line: Line) -> bool:
    text = line.text.strip()
    return line.heading and 0 < len(text.split()) <= MAX_TITLE_WORDS and not text.endswith(".") and text[:1].isalpha()


def _after_opening_lists(lines: list[Line]) -> int:
    """Where the business can start: after the head and the attendance lists, so that a letterhead in
    capitals ("TOWN OF MAPLE FALLS") is not taken for an item."""
    lists = [i for i, line in enumerate(lines[:40]) if _OPENING_LIST.match(line.text)]
    return lists[-1] + 1 if lists else min(3, len(lines))


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(w if (i and w in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


# --- Shared ---------------------------------------------------------------------------------------


def _longest_run(candidates: list, key, suffixed=None, max_step: int = 1) -> list:
    """The longest chain of candidates, in document order, whose numbers go up by one each time
    (by up to `max_step`, where a body's minutes may skip a number; or repeat with a letter, '4' then
    '4a', where `suffixed(c)` says c has one). key(c) -> (series, number). Of chains as long, the one
    begun first.

    Each candidate extends the best chain ending at a number it may follow, found by that number, not
    by trying every chain so far: linear in the candidates (a table of 20,000 numbered rows)."""
    ending: dict[tuple, tuple[int, int, tuple]] = {}  # (series, number) -> (length, order made, chain) ending there
    best: tuple | None = None  # the longest chain: a linked list (candidate, the chain before it)
    best_length = 0
    for order, candidate in enumerate(candidates):
        series, number = key(candidate)
        before = [(series, number - step) for step in range(1, max_step + 1)]
        if suffixed is not None and suffixed(candidate):
            before.append((series, number))
        found = [ending[k] for k in before if k in ending]
        length, _, chain = max(found, key=lambda f: (f[0], -f[1])) if found else (0, 0, None)
        chain, length = (candidate, chain), length + 1
        if length > ending.get((series, number), (0,))[0]:
            ending[(series, number)] = (length, order, chain)
        if length > best_length:
            best, best_length = chain, length
    found_chain = []
    while best is not None:
        found_chain.append(best[0])
        best = best[1]
    return found_chain[::-1]


def _title_like(text: str) -> bool:
    """A heading, not a sentence: short, mostly capitalised words, not ending like a sentence."""
    text = text.strip()
    if not text or len(text) > 160 or not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "‘'\"("):
        return False
    words = [w.strip("()‘’'\",:;") for w in text.split()]
    significant = [w for w in words if w and w.lower() not in _SMALL]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[:1].isupper() or w[:1].isdigit())
    if len(words) > 18 or (text.endswith(".") and len(words) > 8):
        return False
    return capitalised / len(significant) >= 0.5 or len(significant) <= 3


def _heading_like(text: str) -> bool:
    """A numbered line that heads an item: a title, or a short line in sentence case that does not read
    as the start of a sentence ("36. Air quality monitoring update", not "2. The Chair said that ...")."""
    if _title_like(text):
        return True
    words = text.split()
    return (
        0 < len(words) <= 9 and len(text) <= 60 and text[:1].isupper()
        and not re.search(r"[.;,]$", text) and not _NARRATIVE_VERB.search(text)
    )


def _join_title(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(part.strip() for part in parts)).strip(" .")
