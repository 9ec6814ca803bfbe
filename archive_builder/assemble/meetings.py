"""Facts from many documents -> one Archive: committees, meetings, items, people, and the meetings
that documents only mention.

A meeting is a committee and a date; every document naming both belongs to it. Where a meeting has
minutes, they define its items, attendance and decisions, and the agenda adds what only it prints
(page ranges, decision numbers, membership); a meeting known from an agenda alone keeps the agenda's
items. Ids are made here, from committee, date and printed numbers, so they are the same after
every rebuild.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from archive_builder.addresses import item_key, resolution_key
from archive_builder.assemble.people import PeopleIndex
from archive_builder.config import CommitteeConfig, Config
from archive_builder.model import (
    Archive,
    Committee,
    Declaration,
    DocumentFacts,
    DocumentKind,
    Item,
    Link,
    LinkKind,
    Meeting,
    MeetingRef,
    MeetingStatus,
    Outcome,
    Problem,
    Resolution,
)
from archive_builder.parse.attendance import same_person
from archive_builder.parse.header import SITTING_WORDS
from archive_builder.parse.names import parse_name
from archive_builder.parse.references import approving
from archive_builder.slugs import slugify, unique
from archive_builder.titles import overlap, title_words

KIND_ORDER = {"agenda-pack": 0, "agenda": 1, "report": 2, "decision": 3, "minutes": 4, "other": 5}
KIND_LABEL = {"agenda-pack": "Agenda pack", "agenda": "Agenda", "minutes": "Minutes", "report": "Report",
              "decision": "Decision", "other": "Document"}


def assemble(facts: list[DocumentFacts], config: Config) -> Archive:
    """The facts of every document put together as one archive. The archive is built of the facts'
    own objects (their items, attendees, documents), finished here; so it is built from a copy of
    them, and the facts given stay as they were. A copy through pickle: several times faster than
    copy.deepcopy, and the facts are plain data."""
    facts = pickle.loads(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
    archive = Archive(site_name=config.site_name)
    committees = Committees(config.committees)
    shared = _names_beside_several_bodies([f.body_names for f in facts])
    for item in facts:
        committees.learn([n for index, n in enumerate(item.body_names) if not index or name_key(n) not in shared])
        for ref in item.references:
            if ref.committee_name:
                committees.learn([ref.committee_name], primary=False)
    archive.committees = committees.settle()
    drafts = _meeting_drafts(facts, committees, archive.problems)
    meetings = {key: _meeting(key, draft) for key, draft in sorted(drafts.items())}
    archive.links = _referenced_meetings(meetings, drafts, committees, archive.problems)
    _settle_statuses(meetings, archive)
    archive.meetings = sorted(meetings.values(), key=lambda m: (m.date, m.committee, m.start_time or "", m.id))
    archive.documents = sorted((f.document for f in facts), key=lambda d: d.id)
    _title_documents(archive)
    _resolve_people(archive)
    archive.committees = [c for c in archive.committees if any(m.committee == c.id for m in archive.meetings)]
    archive.problems += [p for f in facts for p in f.problems]
    return archive


# --- Committees ---------------------------------------------------------------------------------


def name_key(name: str) -> str:
    """Names that differ only in case, 'the', '&' and punctuation are the same name."""
    text = name.lower().replace("&", " and ")
    text = re.sub(r"\bthe\b", " ", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _names_beside_several_bodies(documents: list[list[str]]) -> set[str]:
    """Keys of names a document prints beside its body's name for more than one body: the name of the
    organisation (a letterhead above every committee's agenda), not another name of one body. Learnt
    as another name, it would make every committee one."""
    beside: dict[str, set[str]] = {}
    for names in documents:
        keys = [name_key(n) for n in names if name_key(n)]
        for key in keys[1:]:
            beside.setdefault(key, set()).add(keys[0])
    return {key for key, bodies in beside.items() if len(bodies - {key}) > 1}


_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_FILLER = {"and", "of", "the", "for", "on", "in", "to"}


def _abbreviates(acronym: str, short: list[str], full: list[str]) -> bool:
    """Whether `short` (holding `acronym`) is `full` with a run of its words written as initials."""
    if acronym not in short:
        return False
    rest = sorted(w for w in short if w != acronym and w not in _FILLER)
    for start in range(len(full)):
        taken, initials = 0, ""
        for word in full[start:start + 2 * len(acronym)]:
            taken += 1
            if word in _FILLER:
                continue
            initials += word[0]
            if len(initials) == len(acronym):
                break
        if initials == acronym and full[start] not in _FILLER:
            others = sorted(w for w in full[:start] + full[start + taken:] if w not in _FILLER)
            if others == rest and rest:
                return True
    return False


def _aliases(printed: Counter, name: str) -> list[str]:
    """The body's other names, each once: of the forms of one name ("SPC Travel", "Spc Travel"), the
    most printed, in capitals only where nothing else was printed."""
    forms: dict[str, str] = {}
    for form in sorted(printed, key=lambda n: (n.isupper(), -printed[n], n)):
        forms.setdefault(name_key(form), form)
    forms.pop(name_key(name), None)
    return sorted(forms.values())


class Committees:
    """Committee names as documents print them, grouped into committees: configured ones first, then
    each group of names that one document uses for its own body."""

    def __init__(self, configured: list[CommitteeConfig]) -> None:
        self._configured = configured
        self._group_of: dict[str, int] = {}
        self._groups: list[set[str]] = []
        self._printed: dict[str, Counter] = {}
        self._ids: dict[int, str] = {}
        self._spelled: list[tuple[str, str]] = []  # every name as a slug, with its committee: once settled
        for index, committee in enumerate(configured):
            self._groups.append(set())
            for name in [committee.name, committee.id.replace("-", " "), *committee.aliases]:
                self._join(name_key(name), index)

    def learn(self, names: list[str], primary: bool = True) -> None:
        keys = [name_key(n) for n in names if name_key(n)]
        for name, key in zip(names, keys, strict=False):
            self._printed.setdefault(key, Counter())[name] += 2 if primary and name == names[0] else 1
        groups = {self._group_of[k] for k in keys if k in self._group_of}
        configured = {g for g in groups if g < len(self._configured)}
        if len(configured) > 1:
            keys = [k for k in keys if self._group_of.get(k) == min(configured) or k not in self._group_of][:1]
            groups = configured
        target = min(groups) if groups else self._new_group()
        for key in keys:
            if key in self._group_of and self._group_of[key] != target:
                self._merge(self._group_of[key], target)
            self._join(key, target)

    def _new_group(self) -> int:
        self._groups.append(set())
        return len(self._groups) - 1

    def _join(self, key: str, group: int) -> None:
        self._group_of[key] = group
        self._groups[group].add(key)

    def _merge(self, source: int, target: int) -> None:
        if source < len(self._configured):
            source, target = target, source
        for key in self._groups[source]:
            self._group_of[key] = target
        self._groups[target] |= self._groups[source]
        self._groups[source] = set()

    def settle(self) -> list[Committee]:
        self._merge_abbreviated()
        committees: list[Committee] = []
        taken = {c.id for c in self._configured}
        for index, keys in enumerate(self._groups):
            if not keys:
                continue
            printed = Counter()
            for key in keys:
                printed.update(self._printed.get(key, Counter()))
            if index < len(self._configured):
                config = self._configured[index]
                aliases = sorted({n for n in printed if name_key(n) != name_key(config.name)} | set(config.aliases))
                committees.append(Committee(id=config.id, name=config.name, aliases=aliases))
                self._ids[index] = config.id
                continue
            name = max(printed, key=lambda n: (printed[n], len(n), n))
            shortest = min(printed, key=lambda n: (len(n), n))
            committee_id = unique(slugify(shortest), taken)
            committees.append(Committee(id=committee_id, name=name, aliases=_aliases(printed, name)))
            self._ids[index] = committee_id
        self._spelled = self._spellings()
        return sorted(committees, key=lambda c: c.name.lower())

    def _merge_abbreviated(self) -> None:
        """One body printed in full and with its initials ("Travel and Transportation Strategic Policy
        Committee", "SPC Travel & Transportation"): merged where the initials stand for words of
        exactly one other name, in a row, and the other words of both names are the same."""
        spelled = {key: key.split() for keys in self._groups for key in keys}
        for key, printed in sorted(self._printed.items()):
            for name in printed:
                for acronym in _ACRONYM.findall(name) if not name.isupper() else []:
                    words = spelled.get(key, [])
                    targets = {other for other, other_words in spelled.items()
                               if other != key and _abbreviates(acronym.lower(), words, other_words)}
                    groups = {self._group_of[t] for t in targets} - {self._group_of.get(key)}
                    if len(groups) == 1 and key in self._group_of:
                        self._merge(self._group_of[key], groups.pop())

    def resolve(self, name: str | None) -> str | None:
        if not name:
            return None
        group = self._group_of.get(name_key(name))
        return self._ids.get(group) if group is not None else None

    def from_file_name(self, source: str) -> str | None:
        """A committee whose id or one of whose names the file's name spells ('2025-02-13_county-council_...'),
        or else the name of a folder it is in, the nearest first ('2022/06/20-Meeting of the Audit
        Committee/Minutes.md'); of several, the longest name."""
        path = PurePosixPath(source)
        for part in [path.stem, *reversed(path.parent.parts)]:
            spelled = f"-{slugify(part, limit=None)}-"
            found = [(len(key), committee_id) for key, committee_id in self._spelled if f"-{key}-" in spelled]
            if found:
                return max(found)[1]
        return None

    def _spellings(self) -> list[tuple[str, str]]:
        """(a name as a slug, the committee's id) for every name and id of every committee."""
        pairs = {(committee_id, committee_id) for committee_id in self._ids.values()}
        for index, committee_id in self._ids.items():
            pairs |= {(slugify(key, limit=None), committee_id) for key in self._groups[index] if key}
        return sorted(pairs)

    def only(self) -> str | None:
        ids = set(self._ids.values())
        return next(iter(ids)) if len(ids) == 1 else None


# --- Meetings -----------------------------------------------------------------------------------


@dataclass
class _Draft:
    committee: str
    date: str
    slot: str = ""  # the meeting id's second part: the date, or date-HHMM for a day's other sitting
    facts: list[DocumentFacts] = field(default_factory=list)
    title: str | None = None
    start_time: str | None = None


def _meeting_drafts(facts: list[DocumentFacts], committees: Committees, problems: list[Problem]) -> dict[tuple[str, str], _Draft]:
    """(committee, slot) -> the documents of one meeting. A committee and a date are one meeting,
    unless the day's minutes (or agendas of two kinds of meeting) give two start times: then each
    time is a sitting."""
    days: dict[tuple[str, str], list[DocumentFacts]] = {}
    for item in facts:
        committee = _committee_of(item, committees, problems)
        if committee and item.date:
            days.setdefault((committee, item.date), []).append(item)
    drafts: dict[tuple[str, str], _Draft] = {}
    for (committee, date), day in sorted(days.items()):
        for draft in _sittings(committee, date, day):
            drafts[(committee, draft.slot)] = draft
            for found in draft.facts:
                found.document.meeting = f"{committee}/{draft.slot}"
    return drafts


def _sittings(committee: str, date: str, day: list[DocumentFacts]) -> list[_Draft]:
    """The meetings a committee held on one day: one per start time where documents of one kind
    disagree on the time (a special meeting at 4 pm and the regular one at 5.30). Each other
    document joins the sitting of its time, else of its title's word ("Special"), else the
    ordinary sitting. The ordinary sitting (no such word, else the earliest) keeps the plain date
    as its address, so the address a day's only meeting had does not move when another is added."""
    times: set[str] = set()
    for kind in (DocumentKind.MINUTES, DocumentKind.AGENDA):
        of_kind = {f.start_time for f in day if f.document.kind == kind and f.start_time}
        titled = {_sitting_word(f.meeting_title) for f in day if f.document.kind == kind and f.start_time}
        # Two sets of minutes at two times are two meetings; two agendas only if they are also of two
        # kinds of meeting ("Special"): else the later one moved the time.
        if len(of_kind) > 1 and (kind == DocumentKind.MINUTES or len(titled) > 1):
            times |= of_kind
    if not times:
        return [_Draft(committee, date, date, list(day))]
    drafts = {time: _Draft(committee, date, facts=[], start_time=time) for time in sorted(times)}
    for found in day:
        if found.start_time in drafts and found.meeting_title:
            drafts[found.start_time].title = drafts[found.start_time].title or found.meeting_title
    for found in sorted(day, key=lambda f: f.start_time not in drafts):
        drafts[_sitting_of(found, drafts)].facts.append(found)
    ordinary = next((d for d in drafts.values() if not _sitting_word(d.title)), next(iter(drafts.values())))
    for draft in drafts.values():
        draft.slot = date if draft is ordinary else f"{date}-{draft.start_time.replace(':', '')}"
    return [draft for draft in drafts.values() if draft.facts]


def _sitting_of(found: DocumentFacts, drafts: dict[str, _Draft]) -> str:
    if found.start_time in drafts:
        return found.start_time
    word = _sitting_word(found.meeting_title)
    by_title = [time for time, d in drafts.items() if _sitting_word(d.title) == word]
    if len(by_title) == 1:
        return by_title[0]
    return next((time for time, d in drafts.items() if not _sitting_word(d.title)), next(iter(drafts)))


def _sitting_word(title: str | None) -> str | None:
    lowered = (title or "").lower()
    return next((word for word in SITTING_WORDS if re.search(rf"\b{word}\b", lowered)), None)


def _committee_of(facts: DocumentFacts, committees: Committees, problems: list[Problem]) -> str | None:
    committee = committees.resolve(facts.committee_name)
    document = facts.document
    if committee:
        document.committee_from = document.committee_from or "text"
        return committee
    by_name = committees.from_file_name(document.source)
    guess = by_name or committees.only()
    if facts.date and guess:
        document.committee_from = document.committee_from or ("file name" if by_name else "only committee")
        note = f"no committee named in the text; filed under '{guess}' from the file or folder name or the archive's only committee"
        document.warnings.append(note)
        problems.append(Problem(document.source, note))
        return guess
    if facts.date and not document.part_of:
        problems.append(Problem(document.source, "no committee named in the text or the file name: not attached to any meeting", "error"))
        document.warnings.append("no committee found: not attached to any meeting")
    return None


def _meeting(key: tuple[str, str], draft: _Draft) -> Meeting:
    committee, date = draft.committee, draft.date
    facts = sorted(draft.facts, key=lambda f: (KIND_ORDER.get(f.document.kind, 9), f.document.id))
    minutes = [f for f in facts if f.document.kind == DocumentKind.MINUTES]
    agendas = [f for f in facts if f.document.kind == DocumentKind.AGENDA]
    main_minutes = max(minutes, key=lambda f: (len(f.items), f.document.id)) if minutes else None
    meeting = Meeting(
        id=f"{committee}/{draft.slot}",
        committee=committee,
        date=date,
        status=MeetingStatus.HELD if minutes else "scheduled",
        start_time=draft.start_time or _first_of([*minutes, *agendas, *facts], "start_time"),
        venue=_first_of([*agendas, *minutes, *facts], "venue"),
        title=_first_of(facts, "meeting_title"),
        documents=[f.document.id for f in facts],
    )
    if any(f.status == MeetingStatus.CANCELLED for f in facts) and not minutes:
        meeting.status = MeetingStatus.CANCELLED
    agenda_items = max((f.items for f in agendas), key=len, default=[])
    meeting.items = _merged_items(main_minutes.items if main_minutes else [], agenda_items) or _paper_items(facts)
    if main_minutes:
        meeting.items = _with_consent_items(meeting.items, agenda_items)
        meeting.attendance = main_minutes.attendance
        meeting.declarations = main_minutes.declarations
    meeting.membership = next((f.membership for f in agendas if f.membership), [])
    _assign_ids(meeting)
    return meeting


# "to approve the Consent Agenda items 4.1 through 4.3": one motion decides every item in the range.
_CONSENT_RANGE = re.compile(r"\bitems?\s+(?:nos?\.?\s*)?(?P<first>[A-Z]|\d{1,3}(?:\.\d{1,2})?[a-z]?)\s+"
                            r"(?:through|thru|to|until|[-–])\s+(?P<last>[A-Z]|\d{1,3}(?:\.\d{1,2})?[a-z]?)\b", re.I)
_CONSENT = re.compile(r"\bconsent\b", re.I)


def _with_consent_items(items: list[Item], agenda: list[Item]) -> list[Item]:
    """The items a consent motion decided, each with that decision. An item the minutes do not
    print is taken from the agenda, so the meeting shows what was approved; a range whose first and
    last items the papers do not both number decides nothing (no guessing what "items 3 to 9" were)."""
    result = list(items)
    for item in items:
        for resolution in item.resolutions:
            found = _CONSENT_RANGE.search(resolution.text)
            if not found or resolution.outcome != Outcome.CARRIED or not (_CONSENT.search(resolution.text) or _CONSENT.search(item.title)):
                continue
            in_range = _numbered_range(result, found) or _numbered_range(agenda, found) or \
                _listed_in(item, agenda, found)
            at = result.index(item) + 1
            for entry in in_range:
                if entry.exempt:
                    continue
                decided = next((i for i in result if i.number and i.number == entry.number), None)
                if decided is None:
                    decided = Item(id="", number=entry.number, title=entry.title, text=entry.text, pages=entry.pages,
                                   decision_number=entry.decision_number, page=entry.page, document=entry.document,
                                   sources=list(entry.sources))
                    result.insert(at, decided)
                    at += 1
                if decided is not item and not decided.resolutions and not decided.exempt:
                    decided.resolutions.append(Resolution(
                        id="", text=f"Approved on the consent agenda, in one motion with items {found.group('first')} to "
                                    f"{found.group('last')}: {resolution.text}",
                        outcome=Outcome.CARRIED, votes=resolution.votes, mover=resolution.mover, seconder=resolution.seconder,
                        page=resolution.page, document=resolution.document))
    return result


def _numbered_range(items: list[Item], found: re.Match) -> list[Item]:
    numbers = [i.number.casefold() if i.number else None for i in items]
    first, last = found.group("first").casefold(), found.group("last").casefold()
    if first not in numbers or last not in numbers or numbers.index(last) < numbers.index(first):
        return []
    return items[numbers.index(first): numbers.index(last) + 1]


def _listed_in(item: Item, agenda: list[Item], found: re.Match) -> list[Item]:
    """The consent items printed as a list inside the consent item's own text ("4.1 Contract for street
    sweeping 4.2 Purchase of two snow plows ..."), in the agenda's entry for it, else the minutes'."""
    numbers = _range_numbers(found.group("first"), found.group("last"))
    if not numbers:
        return []
    entries = [entry for entry in agenda if entry.number and entry.number == item.number] + [item]
    for entry in entries:
        starts = []
        for number in numbers:
            # "4.1 Contract ...", "A. Certificates ...": a letter needs its stop ("A Resolution" is a word)
            stop = "[.)]" if number.isalpha() else "[.)]?"
            match = re.compile(rf"(?<!\S){re.escape(number)}{stop}\s+(?=\S)").search(entry.text, starts[-1][1] if starts else 0)
            if not match:
                break
            starts.append((match.start(), match.end()))
        if len(starts) != len(numbers):
            continue
        ends = [start for start, _ in starts[1:]] + [len(entry.text)]
        # each one's title is its first paragraph, what the agenda says of it the rest
        listed = [[p.strip() for p in entry.text[begin:end].split("\n\n") if p.strip()] for (_, begin), end in zip(starts, ends, strict=False)]
        if all(paragraphs and len(paragraphs[0]) <= 200 for paragraphs in listed):
            return [Item(id="", number=number, title=" ".join(paragraphs[0].split()), text="\n\n".join(paragraphs[1:]),
                         page=entry.page, document=entry.document, sources=list(entry.sources))
                    for number, paragraphs in zip(numbers, listed, strict=False)]
    return []


def _range_numbers(first: str, last: str) -> list[str] | None:
    """ "4.1", "4.3" -> 4.1, 4.2, 4.3; "A", "D" -> A to D; "3", "9" -> 3 to 9; None where the range
    is not a plain run (or is too long to be a list printed in one item)."""
    if re.fullmatch(r"[A-Za-z]", first) and re.fullmatch(r"[A-Za-z]", last) and first.isupper() == last.isupper():
        numbers = [chr(code) for code in range(ord(first), ord(last) + 1)]
    elif (a := re.fullmatch(r"(\d+)\.(\d+)", first)) and (b := re.fullmatch(r"(\d+)\.(\d+)", last)) and a.group(1) == b.group(1):
        numbers = [f"{a.group(1)}.{n}" for n in range(int(a.group(2)), int(b.group(2)) + 1)]
    elif first.isdigit() and last.isdigit():
        numbers = [str(n) for n in range(int(first), int(last) + 1)]
    else:
        return None
    return numbers if 1 < len(numbers) <= 60 else None


def _paper_items(facts: list[DocumentFacts]) -> list[Item]:
    """A meeting known only from its reports: each report is an item of its business, so that the
    meeting page says what was before it and the report can join its series."""
    items = []
    for found in facts:
        document = found.document
        if document.kind not in (DocumentKind.REPORT, DocumentKind.DECISION) or not document.report or document.report.exempt:
            continue
        title = document.report.title or document.title or "Report"
        summary = "\n\n".join(document.report.recommendations)
        items.append(Item(id="", number=None, title=title, text=summary, page=document.first_page,
                          document=document.id, sources=[document.id]))
    return items


def _first_of(facts: list[DocumentFacts], field_name: str):
    return next((getattr(f, field_name) for f in facts if getattr(f, field_name)), None)


def _merged_items(minutes: list[Item], agenda: list[Item]) -> list[Item]:
    """The minutes' items, each given what its agenda entry adds; the agenda's where there are no minutes.

    An agenda entry is the minutes item of the same title, else of the same number with a similar
    title. Where minutes number their business on from earlier meetings (minute 41 is agenda item 1),
    the minutes' number is a minute number and the agenda's is the item's number."""
    if not minutes:
        return agenda
    for item, match in _paired(minutes, agenda):
        if match.number and item.number != match.number:
            item.minute_number = item.minute_number or item.number
            item.number = match.number
        item.pages = item.pages or match.pages
        item.decision_number = item.decision_number or match.decision_number
        item.exempt = item.exempt or match.exempt and not item.public_record
        item.sources += [s for s in match.sources if s not in item.sources]
    return minutes


def _paired(minutes: list[Item], agenda: list[Item]) -> list[tuple[Item, Item]]:
    """(minutes item, agenda entry) pairs: by title, by number, then by position between pairs
    ("Minutes of the Previous Meeting" between items 2 and 4 is item 3, whatever each calls it)."""
    found: dict[int, int] = {}  # minutes index -> agenda index
    for index, item in enumerate(minutes):
        free = [i for i in range(len(agenda)) if i not in found.values()]
        match = _agenda_entry(item, [agenda[i] for i in free])
        if match is not None:
            found[index] = next(i for i in free if agenda[i] is match)
    for index in range(len(minutes)):
        if index in found:
            continue
        before, after = found.get(index - 1), found.get(index + 1)
        low = before + 1 if before is not None else (after - 1 if after is not None else None)
        high = after - 1 if after is not None else low
        if low is not None and low == high and 0 <= low < len(agenda) and low not in found.values():
            found[index] = low
    return [(minutes[m], agenda[a]) for m, a in sorted(found.items())]


def _agenda_entry(item: Item, agenda: list[Item]) -> Item | None:
    words = title_words(item.title)
    for entry in agenda:
        if title_words(entry.title) == words and words:
            return entry
    for entry in agenda:
        if item.number and entry.number == item.number and overlap(words, title_words(entry.title)) >= 0.5:
            return entry
    return None


def _assign_ids(meeting: Meeting) -> None:
    """Numbered items keep their numbers; an unnumbered item takes its position, or, among numbered
    ones, the number before it ('0' for business before item 1), so no number shifts another."""
    taken: set[str] = set()
    numbered = [item for item in meeting.items if item.number or item.minute_number]
    keys: dict[int, str] = {}
    for ordinal, item in enumerate(meeting.items, 1):
        if item.number or item.minute_number:
            keys[id(item)] = unique(item_key(item, ordinal), taken)
    previous = "0"
    for ordinal, item in enumerate(meeting.items, 1):
        if id(item) in keys:
            previous = keys[id(item)]
            continue
        keys[id(item)] = unique(previous if numbered else str(ordinal), taken)
    for item in meeting.items:
        item.id = f"{meeting.id}/{keys[id(item)]}"
        resolution_keys: set[str] = set()
        for n, resolution in enumerate(item.resolutions, 1):
            resolution.id = f"{item.id}/{unique(resolution_key(resolution, n), resolution_keys)}"
    for declaration in meeting.declarations:
        declaration.item = _item_numbered(meeting, declaration.item_number)
    meeting.declarations = _distinct_declarations(meeting.declarations)


def _distinct_declarations(declarations: list[Declaration]) -> list[Declaration]:
    """One declaration per person and item: minutes often record it under "Declarations of interest"
    and again at the item ("Having declared an interest, Cllr Lowe left the meeting")."""
    kept: list[Declaration] = []
    for declaration in sorted(declarations, key=lambda d: d.item is None):
        name = parse_name(declaration.name)
        twin = next((k for k in kept if same_person(parse_name(k.name), name) and (declaration.item in (None, k.item))), None)
        if twin is None:
            kept.append(declaration)
    return sorted(kept, key=declarations.index)


def _item_numbered(meeting: Meeting, number: str | None) -> str | None:
    if not number:
        return None
    for item in meeting.items:
        if number in (item.number, item.minute_number):
            return item.id
    if number.isdigit() and 0 < int(number) <= len(meeting.items) and not any(i.number and i.number.isdigit() and int(i.number) <= len(meeting.items) for i in meeting.items):
        return meeting.items[int(number) - 1].id  # "agenda item 8" where the minutes number only their minutes
    return None


# --- Meetings that documents mention ------------------------------------------------------------

_LINK_KIND = {LinkKind.APPROVES_MINUTES: LinkKind.APPROVES_MINUTES, "notes-minutes": LinkKind.REFERS_TO,
              LinkKind.NEXT_MEETING: LinkKind.NEXT_MEETING}


def _referenced_meetings(meetings: dict[tuple[str, str], Meeting], drafts: dict, committees: Committees,
                         problems: list[Problem]) -> list:
    """Meetings known only by mention become 'referenced' meetings, and every mention a link."""
    links: dict[tuple[str, str, str], Link] = {}
    for key, draft in sorted(drafts.items()):
        meeting = meetings[key]
        # Minutes first: what a meeting resolved is better evidence than what its agenda proposed.
        for facts in sorted(draft.facts, key=lambda f: f.document.kind != DocumentKind.MINUTES):
            for ref in facts.references:
                origin = _origin(meeting, ref)
                for target in _target_meetings(ref, meeting, meetings, committees):
                    kind = _LINK_KIND[ref.kind]
                    if ref.kind == "notes-minutes" and target.committee == meeting.committee and approving(ref.evidence):
                        kind = LinkKind.APPROVES_MINUTES  # its own minutes under another of its names ("SPC Travel")
                    link = Link(from_=origin, to=target.id, kind=kind, evidence=ref.evidence)
                    links.setdefault((link.from_, link.to, link.kind), link)
    return sorted(links.values(), key=lambda link: (link.from_, link.kind, link.to))


def _target_meetings(ref: MeetingRef, meeting: Meeting, meetings: dict, committees: Committees) -> list[Meeting]:
    committee = committees.resolve(ref.committee_name) if ref.committee_name else meeting.committee
    if not committee or committee == meeting.committee and ref.date == meeting.date:
        return []
    if ref.date:
        targets = _sittings_named(_sittings_on(meetings, committee, ref.date), ref.evidence)
    else:
        found = (_meeting_in_month(meetings, committee, ref.month, meeting.date) if ref.month
                 else _previous_meeting(meetings, committee, meeting.date))
        targets = [found] if found else []
    date = targets[0].date if targets else ref.date
    if not date:
        return []
    if ref.kind == LinkKind.APPROVES_MINUTES and date >= meeting.date or ref.kind == LinkKind.NEXT_MEETING and date <= meeting.date:
        return []  # minutes approved are of an earlier meeting, the next meeting is later: else a misreading
    if not targets:
        targets = [meetings.setdefault((committee, date), Meeting(id=f"{committee}/{date}", committee=committee,
                                                                  date=date, status=MeetingStatus.REFERENCED))]
    for target in targets:
        if ref.kind == LinkKind.NEXT_MEETING and ref.start_time and not target.start_time:
            target.start_time = ref.start_time
    return targets


def _sittings_on(meetings: dict, committee: str, date: str) -> list[Meeting]:
    return sorted((m for (c, _), m in meetings.items() if c == committee and m.date == date),
                  key=lambda m: (m.start_time or "", m.id))


def _sittings_named(sittings: list[Meeting], evidence: str) -> list[Meeting]:
    """Of a day's sittings, those the words name: "the Special Board Meeting and Board Meeting
    minutes" names both; "the special meeting" only the special one; a bare date the ordinary one."""
    if len(sittings) <= 1:
        return sittings
    lowered = evidence.lower()
    named = [m for m in sittings if _sitting_word(m.title) and re.search(rf"\b{_sitting_word(m.title)}\b", lowered)]
    qualified = len(re.findall(rf"\b(?:{'|'.join(SITTING_WORDS)})\s+(?:\w+\s+)?meeting", lowered))
    plain = [m for m in sittings if not _sitting_word(m.title)]
    if not named or len(re.findall(r"\bmeetings?\b", lowered)) > qualified:
        named += plain[:1]
    return sorted(named, key=sittings.index) or sittings[:1]


def _meeting_in_month(meetings: dict, committee: str, month: str, before: str) -> Meeting | None:
    """The committee's one meeting of `month` before `before`; none where there are several (which of
    them a month names is not known) or none in the archive."""
    found = [m for (c, _), m in meetings.items()
             if c == committee and m.date[:7] == month and m.date < before and m.status != MeetingStatus.REFERENCED]
    return found[0] if len(found) == 1 else None


def _previous_meeting(meetings: dict, committee: str, before: str) -> Meeting | None:
    earlier = [m for (c, _), m in meetings.items() if c == committee and m.date < before and m.status != MeetingStatus.REFERENCED]
    return max(earlier, key=lambda m: (m.date, m.start_time or "", m.id), default=None)


def _origin(meeting: Meeting, ref: MeetingRef) -> str:
    for item in meeting.items:
        if ref.item_number and ref.item_number in (item.number, item.minute_number) or \
                ref.item_number and not (item.number or item.minute_number) and ref.item_number == item.title:
            if ref.kind == LinkKind.NEXT_MEETING and ref.resolution_label is not None or ref.kind == LinkKind.NEXT_MEETING and item.resolutions:
                for resolution in item.resolutions:
                    if resolution.label == ref.resolution_label or ref.resolution_label is None:
                        return resolution.id
            return item.id
    return meeting.id


def _settle_statuses(meetings: dict, archive: Archive) -> None:
    """A meeting whose minutes a later meeting approves was held, even if the archive has no minutes of it."""
    approved = {link.to for link in archive.links if link.kind == LinkKind.APPROVES_MINUTES and _from_minutes(link.from_, meetings)}
    for meeting in meetings.values():
        if meeting.status == MeetingStatus.SCHEDULED and meeting.id in approved:
            meeting.status = MeetingStatus.HELD


def _from_minutes(origin: str, meetings: dict) -> bool:
    committee, date = origin.split("/")[:2]
    meeting = meetings.get((committee, date))
    return bool(meeting and meeting.status == MeetingStatus.HELD)


# --- Documents and people ------------------------------------------------------------------------


def _title_documents(archive: Archive) -> None:
    names = {c.id: c.name for c in archive.committees}
    for document in archive.documents:
        if document.title:
            continue
        committee = names.get(document.meeting.split("/")[0]) if document.meeting else None
        when = _short_date(document.date) if document.date else None
        context = ", ".join(x for x in (committee, when) if x)
        if document.kind in (DocumentKind.AGENDA, DocumentKind.MINUTES, DocumentKind.AGENDA_PACK):
            document.title = f"{KIND_LABEL[document.kind]}: {context}" if context else KIND_LABEL[document.kind]
        elif document.report and document.report.title:
            prefix = f"Decision {document.report.decision_number}: " if document.kind == DocumentKind.DECISION and document.report.decision_number else ""
            document.title = prefix + document.report.title
        else:
            label = KIND_LABEL.get(document.kind, "Document")
            document.title = f"{label}: {context}" if context else PurePosixPath(document.source).name


def _short_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _resolve_people(archive: Archive) -> None:
    index = PeopleIndex()
    for meeting in archive.meetings:
        for attendee in meeting.attendance:
            index.mention(attendee.name, meeting.committee, attendee.organisation)
        for member in meeting.membership:
            index.mention(member.name, meeting.committee, member.organisation)
        for declaration in meeting.declarations:
            index.mention(declaration.name, meeting.committee)
    archive.people = index.resolve()
    for meeting in archive.meetings:
        for entry in [*meeting.attendance, *meeting.membership, *meeting.declarations]:
            entry.person = index.person_of(entry.name, meeting.committee)
