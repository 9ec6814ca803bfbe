"""Business taken in private: which items and lines of a document were taken with the public excluded.

Councils say so in many ways, and a private item once published cannot be taken back, so what
marks private business is read by meaning, in any case and with any punctuation, from tables of
words (a clerk adds headings in `archive.yml`: `private_headings`, `public_headings`):

- headings that open a private section ("Part 2", "EXEMPT ITEMS:", "Closed Session", "In camera",
  "Exclusion of the press and public") or head one private item ("Exempt report", a citation of
  Schedule 12A or of Ontario's s.239), and those that return to public business ("Part 1",
  "UNRESTRICTED ITEMS", "Return to open session");
- the titles of single private items ("Sale of the depot (exempt)", "Confidential: staffing");
- what minutes record as it happens: the public excluded or the meeting moving into closed or
  executive session, and the return to open session.

The motion that excludes the public is itself public (the law requires it to be made in public), so
the item recording it stays published and the items after it are private, until an item records the
return. A heading's section is private until a public heading; one whose whole content says there is
nothing private ("EXEMPT ITEMS / (there were no exempt items)") withholds nothing. When the words are
unsure, the text is withheld: each withheld item and line carries the reason, which the build report
prints so that the clerk can see what was held back and why.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from archive_builder.model import Line
from archive_builder.parse.vocabulary import DEFAULT_WORDS, Words

# --- The tables of words ---------------------------------------------------------------------------
#
# A phrase is words in a row, matched on the words of a line (letters and digits, any case: "s.239(2)"
# is the words "s 239 2"); "a/b" is either word; a leading "^" ties the phrase to the heading's start.

PRIVATE_SECTIONS = (
    "^part 2/ii/two/b",
    "exempt/confidential/private/restricted/closed items/business/information/matters/reports/papers/section/part/agenda",
    "items/business/matters/reports in private/camera",
    "taken/considered/dealt/heard/discussed/held/conducted in private/camera",
    "not for publication",
    "not open to the public",
    "closed to the public",
    "public excluded",
    "press and public excluded",
    "exclusion of the press and public",
    "exclusion of the press and the public",
    "exclusion of press and public",
    "exclusion of the public",
    "exclusion of public",
    "exclude the press and public",
    "exclude the public",
    "private and confidential",
)
# One private item ("Exempt report", "... (Schedule 12A, paragraph 3)"): a section of its own when it
# heads lines of text, only itself when it is an item's title.
PRIVATE_ITEMS = (
    "exempt/confidential/private/restricted item/report/paper/matter/appendix/minute/minutes",
    "item/report/matter in private/camera",
    "schedule 12a",
    "section/s 100a",
    "schedule 7a",
    "section/s 50a",
    "section/s 239",
    "section 90 of the community charter",
    "section 48 of the local government official information",
)
PRIVATE_SESSIONS = (
    "closed/executive/private/confidential/camera session/meeting",
    "in camera",
)
PUBLIC_SECTIONS = (
    "^part 1/i/one/a",
    "unrestricted items/business/section/part/agenda",
    "open/public session/business/items/section/part/agenda",
    "return/returned/returning/reconvene/reconvened/resume/resumed/resumption to/in/into/of open/public",
    "return/returned/returning/reconvene/reconvened/resume/resumed/resumption to/in/into/of the open/public",
    "rise/rose/rising from closed/executive/private/confidential/camera",
    "rise/rose and report",
    "press and public readmitted",
    "press and public re admitted",
)
MAX_HEADING_WORDS = 16  # a line longer than this is a sentence, not a heading
MAX_TITLE_WORDS = 20  # an item's title, which wraps more freely
MAX_EMPTY_NOTE_WORDS = 60  # "(At the time of preparing the agenda there were no exempt items ...)"

# A heading is a label, not a sentence: these words say a line reports what happened.
_NARRATIVE = {"was", "were", "is", "are", "had", "has", "have", "there", "did", "do", "does", "said", "noted", "agreed",
              "resolved", "went", "moved", "which", "please", "include", "should", "must"}
# A line ending so carries its sentence on ("Appendix A" does not: a lone "a" is often a letter).
_CARRIES_ON = re.compile(r"(?:[,(&–-]|\b(?:and|or|of|the|to|into|an|in|for|with|from|by|under|that|be|at))\s*$", re.I)
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,3}[a-z]?|[a-z]|[ivx]{1,5})[.):]\s+", re.I)

# An item marked private by its own title, not by a heading over it.
_PRIVATE_WORD = r"(?:exempt|confidential|private(?:\s+and\s+confidential)?|restricted|not\s+for\s+publication|part\s*(?:2|ii|b))"
_PRIVATE_ITEM_TITLE = re.compile(
    rf"^\W*{_PRIVATE_WORD}(?:\s+(?:item|report|paper|appendix|information|business|minutes?))?\s*(?:[:(\[]|[-–—]\s|$)"
    rf"|[(\[]\s*(?:{_PRIVATE_WORD}|closed(?:\s+session)?|in[\s-]camera)\b[^)\]]*[)\]]"
    rf"|\s[-–—:]\s*(?:exempt|confidential|private|in[\s-]camera)\s*$"
    r"|\bnot\s+for\s+publication\b|\bschedule\s+(?:12|7)\s*a\b|\bs(?:ection|\.)?\s*100\s*a\b|\bs(?:ection|\.)?\s*239\b",
    re.I,
)

# What minutes record as it happens. The exclusion of the public, or a move into a session held in private:
_SESSION = r"(?:closed|executive|private|confidential|in[\s-]camera|camera)"
_ENTERS = re.compile(
    r"\b(?:press\s+and\s+)?public\s+(?:be|were|are|was|being|to\s+be|is)\s+excluded\b"
    r"|\bexclud(?:e|es|ed|ing)\s+(?:the\s+)?(?:press\s+and\s+(?:the\s+)?)?public\b"
    r"|\b(?:move[sd]?|moving|go(?:es)?|going|went|proceed(?:s|ed|ing)?|adjourn(?:s|ed|ing)?|retire[sd]?|convene[sd]?|"
    r"enter(?:s|ed)?|recess(?:es|ed)?|resolve[sd]?)\s+(?:(?:the\s+)?(?:main\s+)?meeting\s+)?(?:in(?:to)?|to)\s+"
    rf"(?:an?\s+)?{_SESSION}(?:\s+(?:session|meeting|business))?\b"
    r"|\b(?:proceed(?:s|ed)?|move[sd]?|go|went|sit|sat|meet|met|continue[sd]?|resolve[sd]?)\s+in[\s-]camera\b",
    re.I,
)
# ... and the return to business in public:
_LEAVES = re.compile(
    r"\b(?:return(?:s|ed)?|reconvene[sd]?|resume[sd]?|re-?open(?:s|ed)?|move[sd]?\s+back|came\s+back|come\s+back)\s+"
    r"(?:in(?:to)?|to)\s+(?:an?\s+|the\s+)?(?:open|public)\b"
    rf"|\b(?:ris(?:e|es|ing)|rose|came\s+out|come\s+out|emerge[sd]?)\s+(?:from|of)\s+(?:the\s+)?{_SESSION}"
    rf"|\b{_SESSION}\s+(?:session|meeting)\s+(?:was|is|were)\s+(?:adjourned|ended|closed|concluded|terminated|over)\b"
    r"|\b(?:press\s+and\s+)?public\s+(?:were|was|be|are)\s+re-?admitted\b"
    r"|\bre-?admit(?:s|ted)?\s+the\s+(?:press\s+and\s+(?:the\s+)?)?public\b",
    re.I,
)
# A notice of the public's admission says nothing of the business: "(During these items the meeting is
# likely NOT to be open to the public)".
_NOTICE = re.compile(r"^\W*during\s+(?:these|this|the\s+following)\s+items?\b.{0,60}\bto\s+be\s+open\s+to\s+the\s+public\W*$", re.I)
_NEGATION_BEFORE = re.compile(r"\b(?:no|not|nothing|none|never|without)\b(?:\W+\w+){0,10}\W*$", re.I)
_NOTHING = re.compile(r"\b(?:no|none|nil)\b|\bnot\s+(?:required|needed|necessary)\b", re.I)


@dataclass(frozen=True)
class Heading:
    private: bool
    kind: str = "section"  # "section" of items, a "session" ("Closed Session"), one "item" ("Exempt report")


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


@functools.lru_cache(maxsize=64)
def _table(phrases: tuple[str, ...]) -> dict[str, list[tuple[bool, tuple[frozenset[str], ...]]]]:
    """The phrases by each word they may start with: a line's words are looked up, not every phrase
    tried at every word."""
    table: dict[str, list] = {}
    for phrase in phrases:
        anchored = phrase.lstrip().startswith("^")
        parts = tuple(frozenset(words_of(part.replace("/", " "))) for part in phrase.lstrip(" ^").split())
        parts = tuple(part for part in parts if part)
        for word in parts[0] if parts else ():
            table.setdefault(word, []).append((anchored, parts))
    return table


def _found(phrases: tuple[str, ...], tokens: list[str], anchored_only: bool = False) -> bool:
    table = _table(phrases)
    for start, token in enumerate(tokens):
        for anchored, parts in table.get(token, ()):
            if (anchored or anchored_only) and start:
                continue
            if anchored_only and not anchored:
                continue
            if start + len(parts) <= len(tokens) and all(tokens[start + n] in part for n, part in enumerate(parts)):
                return True
    return False


def heading(text: str, words: Words = DEFAULT_WORDS, limit: int = MAX_HEADING_WORDS,
            parts: bool = True, previous: str | None = None) -> Heading | None:
    """What a line or title that heads a section says of the business under it, if anything.
    `parts`: "Part 1"/"Part 2" mark public and private business (agendas and minutes; in a report
    they are only its parts). `previous`: the line before, when this is a line of text: a line that
    carries on the sentence before it ("... made the motion to adjourn" / "into Executive Session.")
    is not a heading."""
    stripped = _ENUMERATOR.sub("", text, count=1)
    tokens = words_of(stripped)
    if not tokens or len(tokens) > limit:
        return None
    # A line in capitals is a heading wherever it stands; another must not read as a sentence.
    capitals = _in_capitals(stripped)
    if not capitals and previous is not None and _continues(previous, stripped):
        return None
    if not capitals and stripped.rstrip().endswith(".") and len(tokens) > 4:
        return None
    # With the words of a sentence in it, only a heading's start counts ("Part 2 - items which are ...").
    anchored_only = not capitals and bool(_NARRATIVE.intersection(tokens))
    private = PRIVATE_SECTIONS if parts else PRIVATE_SECTIONS[1:]
    for table, kind in ((private + words.private, "section"), (PRIVATE_SESSIONS, "session"), (PRIVATE_ITEMS, "item")):
        if _found(table, tokens, anchored_only):
            return Heading(private=True, kind=kind)
    public = PUBLIC_SECTIONS if parts else PUBLIC_SECTIONS[1:]
    if _found(public + words.public, tokens, anchored_only):
        return Heading(private=False)
    return None


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _continues(previous: str, text: str) -> bool:
    """Whether `text` carries on the sentence of the line before it."""
    first = text.lstrip(" #*_>-–•\t")[:1]
    if not first or _CARRIES_ON.search(previous):
        return True
    return first.islower() and not re.search(r"[.:;!?)\]]\W*$", previous.strip() or ".")


def title_marking(title: str, words: Words = DEFAULT_WORDS) -> str | None:
    """How an item's title marks it: "section" (private business follows: "Part 2", "Exclusion of
    the press and public"), "session" ("Closed Session"), "item" (this item alone: "... (exempt)",
    "Exempt report"), "public" ("Return to open session"), or None."""
    marked = heading(title, words, MAX_TITLE_WORDS)
    if marked is not None and (marked.kind == "section" or not marked.private):
        return "section" if marked.private else "public"
    if _PRIVATE_ITEM_TITLE.search(title):
        return "item"  # "Staffing matter - in camera": a matter, named, taken in private
    return marked.kind if marked is not None else None


def movement(text: str) -> str | None:
    """The last move that `text` records: "enters" (the public excluded, into closed session),
    "leaves" (back in open session), or None."""
    last: tuple[int, str] | None = None
    for pattern, kind in ((_ENTERS, "enters"), (_LEAVES, "leaves")):
        for match in pattern.finditer(text):
            if kind == "enters" and _negated(text, match.start()):
                continue
            if last is None or match.start() > last[0]:
                last = (match.start(), kind)
    return last[1] if last else None


def _negated(text: str, start: int) -> bool:
    """ "No items ... required the exclusion of the public": what comes before, in the same sentence."""
    before = text[max(0, start - 200):start]
    sentence = re.split(r"[.;!?]\s", before)[-1]
    return bool(_NEGATION_BEFORE.search(sentence))


def says_nothing_private(text: str) -> bool:
    """A short note that there is no private business: "None.", "(there were no exempt items)"."""
    tokens = words_of(text)
    return len(tokens) <= MAX_EMPTY_NOTE_WORDS and bool(_NOTHING.search(text))


# --- Reading a document's private business --------------------------------------------------------


@dataclass
class Privacy:
    """Where a document's private business is: why each item is private (None: it is public), and
    the lines withheld outside private items (in the head, or after a private heading inside an item),
    as indexes into the document's lines. `headings` are the section headings, which no item keeps."""

    items: list[str | None] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)
    headings: set[int] = field(default_factory=set)
    reasons: dict[str, None] = field(default_factory=dict)  # why lines outside private items were withheld, in order
    records: set[int] = field(default_factory=set)  # items (by position) that are the public record of a move into private


def private_business(lines: list[Line], spans: list[tuple[int, int]], titles: list[str],
                     words: Words = DEFAULT_WORDS, parts: bool = True,
                     headings: dict[int, Heading] | None = None) -> Privacy:
    """Which of a document's items (their lines' spans and titles, in order) and which other lines
    were taken in private: a walk through the lines in order, keeping the state (None: public; else
    why it is private). `headings`: the document's section headings, where the item finder read them."""
    privacy = Privacy()
    if not words.withhold:
        privacy.items = [None] * len(spans)
        return privacy
    if headings is None:
        headings = section_headings(lines, words, parts)
    walk = _Walk(lines, headings, [start for start, _ in spans], privacy)
    state: str | None = None
    position = 0
    for (start, end), title in zip(spans, titles, strict=False):
        state = walk.settled(start, walk.through(range(position, start), state))
        body = range(_after_title(lines, range(start + 1, end), title), end)  # a title printed under its number
        why, state, record = _item_privacy(walk.text(range(start + 1, end)), title, state, words)
        if record:
            privacy.records.add(len(privacy.items))
        privacy.items.append(why)
        state = walk.through(body, state, title, withheld=bool(why))
        if why is None:
            state = _after_moves(movement(walk.text(body)), state, title)
        position = end
    # After the last item, only what its end was not (the signature, the date of publication): the
    # state of the business does not carry into it, though a heading there still counts.
    walk.through(range(position, len(lines)), state if not spans else None)
    return privacy


def section_headings(lines: list[Line], words: Words = DEFAULT_WORDS, parts: bool = True) -> dict[int, Heading]:
    """The lines that head a section of private or public business, by their index."""
    found = {}
    for index, line in enumerate(lines):
        marked = heading(line.text, words, parts=parts, previous=lines[index - 1].text if index else "")
        if marked is not None:
            found[index] = marked
    return found


class _Walk:
    """The lines of a document between and inside its items, walked in order: a section heading
    changes the state, and a line read while the state is private is withheld."""

    def __init__(self, lines: list[Line], headings: dict[int, Heading], starts: list[int], privacy: Privacy) -> None:
        self.lines, self.headings, self.starts, self.privacy = lines, headings, starts, privacy
        self.heading_indexes = sorted(headings)
        self.pending: tuple[int, str | None] | None = None  # (where, the state from there): after a public record

    def through(self, indexes: range, state: str | None, item: str | None = None, withheld: bool = False) -> str | None:
        """The state after the lines `indexes`; `item`: the item they are in, for the reason;
        `withheld`: a private item's, withheld whole already."""
        for index in indexes:
            state = self.settled(index, state)
            found = self.headings.get(index)
            if found is not None:
                self.privacy.headings.add(index)
                state = self._under(index, found, state)
            elif state and not withheld and not _NOTICE.search(self.lines[index].text):
                self.privacy.reasons.setdefault((f"in item '{_quoted(item)}', " if item else "") + state)
                self.privacy.lines.add(index)
        return state

    def settled(self, index: int, state: str | None) -> str | None:
        if self.pending and index >= self.pending[0]:
            state, self.pending = self.pending[1], None
        return state

    def text(self, indexes: range) -> str:
        """What the lines say, without the headings and what is withheld."""
        return " ".join(self.lines[i].text for i in indexes if i not in self.headings and i not in self.privacy.lines)

    def _under(self, index: int, found: Heading, state: str | None) -> str | None:
        """The state under a heading: public under a public one; under a private one, private, unless
        what it heads says there is nothing private, or records the public's exclusion (a public
        record: what follows it is private) or the whole session (in and out again)."""
        if not found.private:
            return None
        following = self._next(self.heading_indexes, index)
        end = min(following, self._next(self.starts, index))
        text = self.text(range(index + 1, end))
        if end == following and says_nothing_private(text):
            return state
        moved = movement(text)
        if moved is not None and text:
            self.pending = (end, _after_moves(moved, state, self.lines[index].text))
            return state
        return f"under the heading '{_quoted(self.lines[index].text)}'"

    def _next(self, indexes: list[int], index: int) -> int:
        at = bisect.bisect_right(indexes, index)
        return indexes[at] if at < len(indexes) else len(self.lines)


def _after_title(lines: list[Line], body: range, title: str) -> int:
    """Where an item's text starts, after the lines its title was printed on ("III." / "Executive Session")."""
    start = body.start
    flat = " ".join(title.split()).casefold()
    while start < body.stop and start < body.start + 3 and " ".join(lines[start].text.split()).casefold() in flat:
        start += 1
    return start


def _item_privacy(text: str, title: str, state: str | None, words: Words) -> tuple[str | None, str | None, bool]:
    """(why the item is private, or None; the state after it, as far as its heading says; whether it
    is the public record of the move into private business)."""
    moved = movement(text)
    marking = title_marking(title, words)
    if state:
        if moved == "leaves" or marking == "public":
            return None, None, False  # the item records the return to public business
        return state, state, False
    if marking == "item":
        return f"titled '{_quoted(title)}'", None, False
    if marking in ("section", "session") and not says_nothing_private(text):
        if moved is not None:
            return None, None, True  # the public record of the move: the motion to exclude the public, its vote
        why = f"titled '{_quoted(title)}'"
        return why, (f"after item '{_quoted(title)}'" if marking == "section" else None), False
    return None, None, False


def _after_moves(moved: str | None, state: str | None, where: str) -> str | None:
    if moved == "enters":
        return f"after the public were excluded at '{_quoted(where)}'"
    if moved == "leaves":
        return None
    return state


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."
