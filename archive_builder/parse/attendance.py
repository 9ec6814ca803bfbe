"""Who attended a meeting, in what capacity, and who sent apologies, from the minutes' own lists.

Labelled lists open minutes ("PRESENT:", "Also Present:", "IN ATTENDANCE:", "Attendance:",
"MEMBERS PRESENT:", "OFFICIALS IN ATTENDANCE:", "ROLL CALL: Present ... Absent ..."); apologies are
usually minuted in the first items ("An apology for absence was received from ...", "Apologies were
received from X and Y who was substituted by Z"); later sentences add lateness, early departures
and remote attendance. An agenda prints the committee's membership instead (members, substitutes).
"""

from __future__ import annotations

import functools
import re

from archive_builder.model import AttendanceStatus, Attendee, Line, Member
from archive_builder.parse.names import ListedName, is_honorific, parse_name, split_name_list
from archive_builder.parse.vocabulary import ATTENDANCE_MEANINGS, DEFAULT_WORDS, Words

# The labels of attendance lists ("PRESENT:", "Officials in attendance:"), each with what it says of the
# names after it (parse/vocabulary.py: ATTENDANCE_MEANINGS); a clerk adds more in archive.yml
# (attendance_labels). Matched in any case, with any spacing, before a colon.
ATTENDANCE_LABELS = {
    "present": "present", "members present": "present", "councillors present": "present", "attendance": "present",
    "councillors": "present", "members": "present", "directors present": "present", "trustees present": "present",
    "supervisors present": "present", "commissioners present": "present",
    "roll call": "present", "roll call: present": "present", "board members present": "present",
    "present in the chair": "chair", "members present in the chair": "chair", "in the chair": "chair",
    "also present": "guests", "also, present": "guests", "also in attendance": "guests",
    "also, in attendance": "guests", "others present": "guests",
    "officers present": "officers", "officer present": "officers", "officers in attendance": "officers",
    "officer in attendance": "officers", "officials present": "officers", "officials in attendance": "officers",
    "staff present": "officers", "staff in attendance": "officers", "officers": "officers", "staff": "officers",
    "in attendance": "officers", "in attendance virtually": "officers", "in attendance remotely": "officers",
    "apologies": "apologies", "apologies for absence": "apologies", "absent with apologies": "apologies",
    "regrets": "apologies",
    "absent": "absent",
    "substitute": "substitutes", "substitutes": "substitutes",
}


def _alternatives(phrases) -> str:
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split())
                    for phrase in sorted(phrases, key=len, reverse=True))


def _label_pattern(labels) -> re.Pattern:
    return re.compile(rf"^\s*(?P<label>{_alternatives({label.lower() for label in labels})})\s*:\s*(?P<rest>.*)$", re.I)


_LABEL = _label_pattern(ATTENDANCE_LABELS)


@functools.lru_cache(maxsize=16)
def _labels_with(extra: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """The label pattern and table with the clerk's labels added."""
    if not extra:
        return _LABEL, ATTENDANCE_LABELS
    table = {**ATTENDANCE_LABELS, **{" ".join(label.lower().split()): meaning for label, meaning in extra}}
    return _label_pattern(table), table


# A line may carry several lists: "Public: 2 Also, in attendance: Cllr Colin Sampson, ...".
# Labels that run on after another list on one line ("Public: 2 Also, in attendance: Cllr A"), where a
# line is cut (after its first list); and those a list may carry without their colon, before the
# first name ("Present Catherine Chisholm CC ...").
INLINE_LABELS = ("also in attendance", "also, in attendance", "also present", "members of the public", "public",
                 "apologies", "in attendance", "officers present")
BARE_LABELS = ("present", "also present", "in attendance", "apologies", "absent")


_INLINE_LABEL = re.compile(
    rf"(?<=\S)(?<!Also)(?<!Also,)(?<!Officials)(?<!Officers)(?<!Staff)(?<!Members)\s+(?=(?:{_alternatives(INLINE_LABELS)})\s*:)",
    re.I,
)
_PUBLIC_COUNT = re.compile(r"(?:,?\s*(?:with|and)\s+|^\s*)(?:\d+|[a-z]+)\s+members?\s+of\s+the\s+(?:public|press)\b[^,;]*", re.I)
# A list's label printed without its colon, before the first name: "Present Catherine Chisholm CC ..."
_BARE_LABEL = re.compile(rf"^\s*(?P<label>{_alternatives(BARE_LABELS)})\s+(?P<rest>(?-i:[A-Z]).*)$", re.I)
# Where a list stops: a sentence ("The Meeting was chaired by ..."), an action table's head ("Items Action").
_LIST_ENDS = re.compile(r"^(?:.*\b(?:was|were|had|has)\b.*\.\s*$|items?\s+action\s*$)", re.I)
_CHAIRED_BY = re.compile(r"\b(?:chaired|presided(?:\s+over)?)\s+by\s+(?P<name>(?:Cllr\.?\s+|Councillor\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})", re.I)
# Initials printed after each name, as a two-column table reads: "Kenny Combe KC Graham Dolan GD".
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
_STOP_LABEL = re.compile(r"^\s*(?:members of the public|public|press|guests?|visitors?)\s*:", re.I)
_OFFICER_WORDS = re.compile(
    r"\b(?:Clerk|Officer|Manager|Director|Head|Chief|Counsel|Warden|Secretary|Treasurer|Solicitor|Assistant|Adviser|Advisor|"
    r"Executive|Engineer|Planner|Accountant|Analyst|Lead|Coordinator|Co-ordinator|Commissioner|Consultant|Auditor|Nurse|Monitoring|"
    r"Administrator|Inspector|Surveyor|Registrar|Architect|Specialist|Controller|Superintendent|Technician|Attorney)\b"
)
_ORGANISATION_WORDS = re.compile(
    r"\b(?:Borough|Council|County|District|Ward|Parish|Authority|Party|Group|Labour|Conservative|Liberal|Green|Independent|"
    r"Reform|Agency|Police|Trust|Association|Society|Company|Ltd|Limited|NHS|Board|Partnership|University|College)\b"
)
_APOLOGY = re.compile(
    r"\bapolog(?:y|ies)(?:\s+(?:for|of)\s+(?P<kind>absence|lateness|late\s+arrival|non-attendance))?"
    r"(?:\s+(?:were|was|had been|have been)\s+(?:received|accepted|given|noted|reported|tendered)(?:\s+and\s+(?:accepted|noted))?)?"
    r"(?:\s+(?:received|accepted)(?:\s+and\s+accepted)?)?(?:\s+for\s+(?P<kind2>absence|lateness))?\s+from\s+(?P<names>[^.]+)",
    re.I,
)
_NO_APOLOGIES = re.compile(r"\bno apologies\b|\bthere were no apologies\b", re.I)
_SUBSTITUTED = re.compile(r"\s*,?\s*(?:who\s+was|was|being)\s+substituted\s+by\s+(?P<sub>[^,;]+?)(?=,|;|$| and\b)", re.I)
_SUBSTITUTE_FOR = re.compile(r"\(?\s*(?:as\s+(?:a\s+)?)?substitut(?:e|ing)(?:\s+(?:member\s+)?for\s+(?P<for>[^)]+))?\)?\s*$", re.I)
_NO_SUBSTITUTE = re.compile(r"\s*(?:,\s*)?with\s+no\s+substitute[^,;]*|\s*\((?:health reasons|[a-z ]+reasons)\)", re.I)
_VIRTUAL = re.compile(r"^(?P<names>.+?)\s+(?:were|was)\s+(?:in\s+attendance|present|attending)\s+(?:virtually|remotely|online)", re.I)
_ARRIVED = re.compile(r"(?P<name>(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:arrived|joined the meeting)\b", re.I)
_LATE_NOTICE = re.compile(r"(?P<name>(?:Cllr\.?|Councillor)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:had\s+)?(?:advised|said|indicated)\s+(?:that\s+)?(?:he|she|they)\s+would\s+be\s+(?:attending|arriving)\s+late", re.I)
_LEFT = re.compile(r"(?P<name>(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+left\s+the\s+meeting\b", re.I)


def read_attendance(preamble: list[Line], items: list[tuple[str, list[Line]]],
                    words: Words = DEFAULT_WORDS) -> list[Attendee]:
    """Attendance from the lists before the first item, then apologies and notes from the items
    (given as (title, lines)). `words`: the council's own labels, with the built-in ones."""
    labels = _labels_with(words.attendance)
    attendees: list[Attendee] = []
    for label, text in _labelled_lists(preamble, labels[0]):
        attendees.extend(_list_attendees(label, text, labels[1]))
    if not attendees:
        # Some minutes take the roll inside an item: "2. ROLL CALL / Present: ... / Absent: ..."
        for _title, lines in items[:4]:
            for label, text in _labelled_lists(lines, labels[0]):
                attendees.extend(_list_attendees(label, text, labels[1]))
    if not attendees:
        # ... or in a roll-call table a portal printed column by column (names, titles, statuses, times)
        for lines in [preamble] + [lines for title, lines in items[:6]]:
            attendees.extend(_roll_call_table(lines))
    if not attendees:
        # ... or in a sentence: "Board members present were supervisors A, B and C, treasurer D and clerk E."
        for lines in [preamble] + [lines for title, lines in items[:3]]:
            for sentence in _sentences(lines):
                attendees.extend(_sentence_attendees(sentence))
    # Apologies are read in the opening items, and in an item of their own wherever the order of
    # business puts it ("5. Apologies for Absence"): elsewhere "apologised" is only a word.
    early = [lines for n, (title, lines) in enumerate(items) if n < 4 or _ATTENDANCE_TITLE.search(title)]
    for lines in early:
        for sentence in _sentences(lines):
            _apologies_in(sentence, attendees)
    for _title, lines in items:
        for sentence in _sentences(lines):
            _notes_in(sentence, attendees)
    for sentence in _sentences(preamble):
        chaired = _CHAIRED_BY.search(sentence)
        found = find_attendee(attendees, chaired.group("name")) if chaired else None
        if found and found.role == "member":
            found.role = "chair"  # "The Meeting was chaired by Kenny Combe."
    return attendees


_ATTENDANCE_TITLE = re.compile(r"\b(?:apolog(?:y|ies)|regrets|absen(?:t|ces?)|excused|attendance|roll\s+call)\b", re.I)


def _labelled_lists(lines: list[Line], pattern: re.Pattern = _LABEL) -> list[tuple[str, str]]:
    """(label, text) for each labelled list, its text running on until the next label."""
    found: list[tuple[str, str]] = []
    pieces = [piece for line in lines for piece in _inline_lists(line.text) if piece.strip()]
    for text in pieces:
        line = Line(text.strip(), 0)
        match = pattern.match(line.text) or _BARE_LABEL.match(line.text)
        if match:
            found.append((match.group("label").lower(), match.group("rest").strip()))
        elif _STOP_LABEL.match(line.text) or re.match(r"^(?:UNRESTRICTED|EXEMPT|PART\s+(?:1|2|I|II|ONE|TWO)\b)", line.text) \
                or _LIST_ENDS.match(line.text):
            found.append(("stop", ""))  # the lists end where the business begins
        elif found and found[-1][0] != "stop":
            label, text = found[-1]
            found[-1] = (label, f"{text} {line.text}".strip())
    return [(label, text) for label, text in found if label != "stop" and text]


def _inline_lists(text: str) -> list[str]:
    """A line cut where a second list's label starts, after a first list: "Public: 2 Also, in
    attendance: Cllr A". A label's own words are no second label ("Councillors in attendance:")."""
    colon = text.find(":")
    if colon < 0:
        return [text]
    head, *rest = _INLINE_LABEL.split(text[colon:])
    return [text[:colon] + head, *rest]


def _list_attendees(label: str, text: str, table: dict[str, str] = ATTENDANCE_LABELS) -> list[Attendee]:
    status, role, note = _meaning(label, table)
    text = _without_initials(_PUBLIC_COUNT.sub("", text))
    if re.match(r"^\s*(?:none|nil|no apologies)\b", text, re.I):
        return []
    attendees = []
    for entry in split_name_list(text):
        if not entry.name:
            continue
        entry_role = role
        if role == "officer" and label.startswith("in attendance") and re.match(r"^(?:Cllr|Councillor)\b", entry.name):
            entry_role = "member"  # "In attendance: Cllr A (Chair) Cllr B ...": the members' own list
        attendees.append(_attendee(entry, status, entry_role, note))
    return attendees


# Attendance told in a sentence, and the words before names that say in what capacity they attended:
# "Board members present were supervisors Janet Keough, Dick Dillon, and Gary Mantay, treasurer Ray
# Barnes and clerk Linda Britton. Also present were Marv and Sue Forbragd."
_PRESENT_WERE = re.compile(
    r"\b(?P<also>also\s+)?(?:(?:board|council|committee|commission)\s+)?(?:members|directors|councillors|trustees|"
    r"supervisors|commissioners|those)?\s*(?:present|in\s+attendance)\s+(?:were|was|included)\s*:?\s+(?P<names>[^.;]+)",
    re.I,
)
MEMBER_WORDS = ("supervisors", "supervisor", "councillors", "councilors", "council members", "directors", "trustees",
                "commissioners", "aldermen", "selectmen", "board members", "members")
OFFICER_WORDS = ("deputy clerk", "clerk", "treasurer", "deputy treasurer", "secretary", "attorney", "solicitor",
                 "engineer", "administrator", "manager", "chief executive", "staff")
_ROLE_WORD = re.compile(r"(?:^|(?<=[\s,]))(?P<word>" + "|".join(
    re.escape(w) for w in sorted(MEMBER_WORDS + OFFICER_WORDS, key=len, reverse=True)) + r")\s+(?=[A-Z])", re.I)


def _sentence_attendees(sentence: str) -> list[Attendee]:
    match = _PRESENT_WERE.search(sentence)
    if not match:
        return []
    default = ("present", "also-present") if match.group("also") else ("present", "member")
    attendees = []
    for role, post, text in _by_role_word(match.group("names"), default[1]):
        for entry in split_name_list(text):
            if entry.name and len(entry.name.split()) <= 5:
                attendee = _attendee(entry, "present", role, None)
                attendee.title = attendee.title or post
                attendees.append(attendee)
    return attendees


def _by_role_word(text: str, role: str) -> list[tuple[str, str | None, str]]:
    """The list cut where a role word stands before names: (role, an officer's post, the names it covers)."""
    pieces, start, post = [], 0, None
    for found in _ROLE_WORD.finditer(text):
        pieces.append((role, post, text[start:found.start()]))
        word = found.group("word").lower()
        if word in OFFICER_WORDS:
            role, post = "officer", word.title()
        else:
            role, post = ("member" if role != "also-present" else role), None
        start = found.end()
    pieces.append((role, post, text[start:]))
    return [(role, post, re.sub(r"^[\s,]*(?:and\s+)?|[\s,]*(?:and)?\s*$", "", piece))
            for role, post, piece in pieces if piece.strip(" ,")]


# A roll call as a table ("Attendee Name | Title | Status | Arrived"), which text taken from a PDF gives
# column by column, a few rows at a time: the names, then their titles, statuses and times. Read in
# order, the n-th name is the n-th status's; where the counts differ, nothing is read (no guess).
_TABLE_HEADER = re.compile(r"^\s*(?:attendee\s+name|name|member)\s*$", re.I)
_TABLE_LABELS = re.compile(r"^\s*(?:attendee\s+name|name|title|status|arrived|departed|member|district)\s*$", re.I)
_ROLL_STATUS = {"present": ("present", None), "remote": ("present", "attended remotely"), "absent": ("absent", None),
                "excused": ("absent", "excused"), "late": ("late", None)}
_ROLL_TIME = re.compile(r"^\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*$", re.I)
_ROLL_TITLE = re.compile(r"\b(?:Director|District|Chair|Secretary|Treasurer|Member|Trustee|Councill?or|Mayor|Commissioner)\b")
_ROLL_NAME = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){1,3}$")
_PAGE_LINE = re.compile(r"^\s*page\s+\d+\s+of\s+\d+\s*$", re.I)


def _roll_call_table(lines: list[Line]) -> list[Attendee]:
    start = next((i for i, line in enumerate(lines) if _TABLE_HEADER.match(line.text)), None)
    if start is None:
        return []
    names, statuses = [], []
    for line in lines[start + 1:]:
        text = line.text.strip()
        if _TABLE_LABELS.match(text) or _ROLL_TIME.match(text) or _PAGE_LINE.match(text):
            continue
        if text.lower() in _ROLL_STATUS:
            statuses.append(_ROLL_STATUS[text.lower()])
        elif _ROLL_TITLE.search(text) and "," in text or _ROLL_TITLE.fullmatch(text):
            continue
        elif _ROLL_NAME.match(text) and len(names) <= len(statuses) + 12:
            names.append(text)
        else:
            break  # the table has ended: the next item's words
    if not names or len(names) != len(statuses):
        return []
    return [Attendee(name=name, status=status, role="member", note=note) for name, (status, note) in zip(names, statuses, strict=False)]


def names_by_initials(attendees: list[Attendee]) -> dict[str, str]:
    """'RW' -> 'Rob Weatherston': the members' initials, where minutes name them so ("Proposed by RW"),
    each only where one member has them."""
    found: dict[str, list[str]] = {}
    for attendee in attendees:
        if attendee.role in ("member", "chair", "vice-chair", "substitute"):
            words = [w for w in re.findall(r"[A-Z][\w'’-]*", attendee.name) if not is_honorific(w)]
            if 2 <= len(words) <= 3:
                found.setdefault("".join(w[0] for w in words), []).append(attendee.name)
    return {initials: names[0] for initials, names in found.items() if len(set(names)) == 1}


def _without_initials(text: str) -> str:
    """'Kenny Combe KC Carol Hamilton (SBC) CH' -> 'Kenny Combe, Carol Hamilton (SBC)': where each name is
    followed by its own initials, they separate the names (and are not names themselves)."""
    kept: list[str] = []
    names: list[str] = []  # the words kept that can be names (not a bracket, not a separator)
    last_separator = -1  # where in `kept` the last separator (initials, or a comma of the text) stands
    found = 0
    for word in text.split():
        k = len(word)
        if _INITIALS.match(word) and len(names) >= k and "".join(w[:1] for w in names[-k:]).upper() == word \
                and last_separator < len(kept) - k:
            last_separator = len(kept)
            kept.append(",")
            found += 1
        else:
            if word == ",":
                last_separator = len(kept)
            elif not word.startswith("("):
                names.append(word)
            kept.append(word)
    if found < 2:
        return text
    return " ".join(kept).replace(" ,", ",").strip(" ,")


def _meaning(label: str, table: dict[str, str] = ATTENDANCE_LABELS) -> tuple[str, str, str | None]:
    """(status, role, note) a list's label gives its names."""
    label = " ".join(label.lower().split())
    status, role, note = ATTENDANCE_MEANINGS[table.get(label, "present")]
    if role == "officer" and ("virtual" in label or "remote" in label):
        note = "attended remotely"
    return status, role, note


def _attendee(entry: ListedName, status: str, role: str, note: str | None) -> Attendee:
    bracket = entry.bracket
    name = entry.name
    if bracket and re.fullmatch(r"[A-Z]\.?", bracket.strip()) and re.fullmatch(r"[A-Z][\w'’-]+", name):
        # "Sheahan (M)": a bare surname with its initial after it, as Irish minutes tell two members of
        # one surname apart ("Cllr Smith (C)", with an honorific, is more often a party)
        name, bracket = f"{bracket.strip().rstrip('.')} {name}", None
    attendee = Attendee(name=_tidy_name(name), status=status, role=role, note=note)
    for extra in (bracket, entry.post):
        if extra:
            _apply_extra(attendee, extra)
    return attendee


def _apply_extra(attendee: Attendee, extra: str) -> None:
    """Read what was printed beside a name: a chair's role, a borough, an officer's post, a substitution."""
    substitute = _SUBSTITUTE_FOR.match(extra.strip())
    if substitute:
        attendee.role = "substitute"
        if substitute.group("for"):
            attendee.note = f"substitute for {substitute.group('for').strip()}"
        return
    pieces = [p.strip() for p in re.split(r"\s+[–—-]\s+|;", extra) if p.strip() and not re.match(r"vacanc", p.strip(), re.I)]
    for piece in pieces:
        lowered = piece.lower().replace("-", " ")
        if re.fullmatch(r"(?:the\s+)?(?:chair|chairman|chairwoman|chairperson|chair of the meeting|in the chair|mayor)", lowered):
            attendee.role = "chair"
        elif re.fullmatch(r"(?:the\s+)?vice\s*(?:chair|chairman|chairwoman|chairperson)", lowered):
            attendee.role = "vice-chair"
        elif _ORGANISATION_WORDS.search(piece) and not _OFFICER_WORDS.search(piece) and not re.search(r"Councillor\b", piece):
            attendee.organisation = piece
        elif attendee.role in ("officer", "also-present") or _OFFICER_WORDS.search(piece):
            attendee.title = piece if not attendee.title else f"{attendee.title}; {piece}"
            if attendee.role == "member" and _OFFICER_WORDS.search(piece):
                attendee.role = "officer"
        else:
            attendee.title = piece if not attendee.title else f"{attendee.title}; {piece}"


# What is printed with a name and is none of it: the reason for an apology ("Shirley Cordner due to
# illness"), a category before it ("guests Marv"), the next column of a table glued on ("Suzanne Jacobs
# One member of the public").
_NOT_OF_THE_NAME = [
    re.compile(r"\s+(?:due|owing)\s+to\b.*$|\s+(?:because|through|as)\s+(?:of\s+)?(?:illness|ill|work|holiday|family)\b.*$", re.I),
    re.compile(r"^(?:(?!(?:de|da|di|du|van|von|der|den|le|la|del|della|mac|ap)\s)[a-z]+\s+)+(?=[A-Z])"),
    re.compile(r"\s+(?:(?i:one|two|three|four|five|six|seven|eight|nine|ten|a|\d+)\s+)?(?i:members?\s+of\s+(?:the\s+)?public)\b.*$"),
]


def _tidy_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    for pattern in _NOT_OF_THE_NAME:
        name = pattern.sub("", name)
    return name.strip(" ,.;:")


def _sentences(lines: list[Line]) -> list[str]:
    text = without_abbreviation_stops(" ".join(line.text for line in lines))
    return [s.strip() for s in re.split(r"(?<=[.;])\s+(?=[A-Z0-9(])", text) if s.strip()]


def without_abbreviation_stops(text: str) -> str:
    """'Cllr. D. Fairweather' -> 'Cllr D Fairweather': the full stops of honorifics and initials are
    not the ends of sentences."""
    text = re.sub(r"\b(Cllrs?|Mr|Mrs|Ms|Dr|Prof|Rev|Revd|St|Councillor)\.(?=\s)", r"\1", text)
    return re.sub(r"(?<=\b[A-Z])\.(?=\s*[A-Z][a-z]|\s*[A-Z]\.)", "", text)


def _apologies_in(sentence: str, attendees: list[Attendee]) -> None:
    if _NO_APOLOGIES.search(sentence):
        return
    match = _APOLOGY.search(sentence)
    if not match:
        return
    kind = (match.group("kind") or match.group("kind2") or "absence").lower()
    names = match.group("names")
    no_substitute = bool(re.search(r"\bwith\s+no\s+substitute", names, re.I))
    substituted = {}
    for sub in _SUBSTITUTED.finditer(names):
        before = split_name_list(_SUBSTITUTED.sub("", _NO_SUBSTITUTE.sub("", names[: sub.start()])))
        if before:
            substituted[before[-1].name] = sub.group("sub").strip()  # "X, who was substituted by Y"
    names = _SUBSTITUTED.sub("", _NO_SUBSTITUTE.sub("", names))
    status = AttendanceStatus.LATE if kind.startswith(("late", "lateness")) else "apologies"
    for entry in split_name_list(names):
        if not entry.name or len(entry.name.split()) > 6:
            continue
        note = "apology for lateness" if status == AttendanceStatus.LATE else None
        if entry.name in substituted:
            note = f"substituted by {substituted[entry.name]}"
        elif no_substitute and status == AttendanceStatus.APOLOGIES:
            note = "no substitute"
        _record(attendees, entry, status, note)
    for absent, substitute in substituted.items():
        _record(attendees, ListedName(name=substitute), "present", f"substitute for {absent}", role="substitute")


def _record(attendees: list[Attendee], entry: ListedName, status: str, note: str | None, role: str | None = None) -> None:
    existing = find_attendee(attendees, entry.name)
    if existing:
        if status == AttendanceStatus.LATE or existing.status == AttendanceStatus.PRESENT and status == AttendanceStatus.APOLOGIES and existing.role != "officer":
            existing.status = status if status == AttendanceStatus.LATE else existing.status
        if note:
            existing.note = note
        if role:
            existing.role = role
        return
    attendee = Attendee(name=_tidy_name(entry.name), status=status, role=role or "member", note=note)
    if entry.bracket:
        _apply_extra(attendee, entry.bracket)
    attendees.append(attendee)


def find_attendee(attendees: list[Attendee], name: str) -> Attendee | None:
    """The attendee a later mention means: same surname, and no forename, initial or honorific that
    tells them apart ("Councillor Cryan" is "Councillor Stephanie Cryan"; "Mr J Meade" is not "Ms J Meade")."""
    wanted = parse_name(name)
    for attendee in attendees:
        if same_person(parse_name(attendee.name), wanted):
            return attendee
    return None


def same_person(a, b) -> bool:
    if not a.surname_key or a.surname_key != b.surname_key:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.initials and b.initials and a.initials[0] != b.initials[0]:
        return False
    if a.forenames and b.forenames and a.forenames[0].lower() != b.forenames[0].lower():
        return a.forenames[0].lower().startswith(b.forenames[0].lower()) or b.forenames[0].lower().startswith(a.forenames[0].lower())
    return True


def _notes_in(sentence: str, attendees: list[Attendee]) -> None:
    virtual = _VIRTUAL.search(sentence)
    if virtual:
        for entry in split_name_list(virtual.group("names")):
            found = find_attendee(attendees, entry.name)
            if found:
                found.note = "attended remotely"
    late = _LATE_NOTICE.search(sentence)
    if late and not find_attendee(attendees, late.group("name")):
        attendees.append(Attendee(name=late.group("name"), status=AttendanceStatus.LATE, role="member", note="arrived during the meeting"))
    for pattern, status in ((_ARRIVED, "late"), (_LEFT, "left-early")):
        if status == AttendanceStatus.LEFT_EARLY and re.search(r"\bfor (?:this|that|the) item\b|\breturned\b|\bre-?joined\b", sentence, re.I):
            continue  # out of the room for one item, not gone for the rest of the meeting
        for match in pattern.finditer(sentence):
            found = find_attendee(attendees, match.group("name"))
            if found and found.status == AttendanceStatus.PRESENT and found.role != "officer":
                found.status = status


def read_membership(lines: list[Line]) -> list[Member]:
    """An agenda's membership: 'Members' then one name per line, then 'Substitute Members'; or one
    list after its label, 'Membership (10): Councillors M Okonkwo (Chair), D Fairweather, ...'."""
    inline = _inline_membership(lines)
    if inline:
        return inline
    members: list[Member] = []
    role = None
    for line in lines:
        text = line.text.strip()
        lowered = text.lower().rstrip(":")
        if lowered in {"membership", "members", "committee members", "panel members", "councillors"}:
            role = "member"
            continue
        if lowered in {"substitute members", "substitutes", "reserve members", "named substitutes"}:
            role = "substitute"
            continue
        if role is None:
            continue
        entries = split_name_list(text) if re.match(r"^(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr)\s", text) else []
        if not entries:
            if members:
                role = None if len(text) > 40 or ":" in text else role
            continue
        members += [_member(entry, role) for entry in entries]
    return members


def _inline_membership(lines: list[Line]) -> list[Member]:
    for index, line in enumerate(lines):
        match = re.match(r"^(?:Membership|Members|Committee members)(?:\s*\(\d+\))?\s*:\s*(?P<rest>.+)$", line.text, re.I)
        if not match:
            continue
        text = match.group("rest")
        for following in lines[index + 1 : index + 6]:
            if re.match(r"^[A-Z][\w ]{0,30}:", following.text) or following.text.isupper():
                break  # "Quorum: 3", "UNRESTRICTED ITEMS"
            text = f"{text} {following.text}"
        return [_member(entry, "member") for entry in split_name_list(text) if entry.name]
    return []


def _member(entry: ListedName, role: str) -> Member:
    member = Member(name=_tidy_name(entry.name), role=role)
    extra = " – ".join(x for x in (entry.bracket, entry.post) if x)
    if re.search(r"\bvice[- ]?chair", extra, re.I):
        member.role = "vice-chair"
    elif re.search(r"\bchair", extra, re.I):
        member.role = "chair"
    organisations = [piece.strip() for piece in re.split(r"\s+[–—-]\s+", extra) if _ORGANISATION_WORDS.search(piece)]
    member.organisation = organisations[0] if organisations else None
    return member
