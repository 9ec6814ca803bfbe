"""One person, whatever form their name takes in the documents; never two people merged.

"Councillor Margaret McLennan", "Councillor McLennan" and "Cllr. McLennan" are one person;
"Ms J Meade" and "Mr J Meade" are two, as are "Mrs P T Cole" and "Mr P Cole": an honorific of the
other gender, a different initial or forename keeps names apart. A short form that fits more than
one known person is given to the one seen in the same committee, and to no one where that does not
decide it (a wrong merge is worse than a missing one).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from archive_builder.model import Person
from archive_builder.parse.names import ROLE_WORDS, PersonName, is_honorific, parse_name
from archive_builder.slugs import slugify


@dataclass
class _Candidate:
    names: list[PersonName] = field(default_factory=list)
    forms: dict[tuple, PersonName] = field(default_factory=dict)  # one name per distinct form, for matching
    committees: Counter = field(default_factory=Counter)
    organisations: Counter = field(default_factory=Counter)

    @property
    def fullest(self) -> PersonName:
        return max(self.names, key=_fullness)


def _fullness(name: PersonName) -> tuple:
    return (len(name.forenames), len(name.initials), bool(name.honorific), "-" in name.surname, len(name.printed))


def _form(name: PersonName) -> tuple:
    """What of a name can tell two people apart (see `_compatible`)."""
    return (name.surname_key, name.gender, name.initials, name.forenames[0].lower() if name.forenames else "")


def _compatible(a: PersonName, b: PersonName) -> bool:
    if not a.surname_key or a.surname_key != b.surname_key:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.initials and b.initials and not (a.initials.startswith(b.initials) or b.initials.startswith(a.initials)):
        return False
    if a.forenames and b.forenames:
        x, y = a.forenames[0].lower(), b.forenames[0].lower()
        return x.startswith(y) or y.startswith(x)
    return True


class PeopleIndex:
    """Collects every mention, then decides who is who (`resolve`), then answers `person_of`."""

    def __init__(self) -> None:
        self._mentions: list[tuple[str, str | None, str | None]] = []  # (printed name, committee, organisation)
        self._people: list[_Candidate] = []
        self._by_surname: dict[str, list[_Candidate]] = {}  # only names of one surname can be one person
        self._ids: dict[int, str] = {}
        self._answers: dict[tuple[str, str | None], str | None] = {}

    def mention(self, printed: str, committee: str | None = None, organisation: str | None = None) -> None:
        if printed and printed.strip():
            self._mentions.append((printed.strip(), committee, organisation))

    def resolve(self) -> list[Person]:
        specific = [(m, parse_name(m[0])) for m in self._mentions]
        for (printed, committee, organisation), name in sorted(specific, key=lambda pair: _fullness(pair[1]), reverse=True):
            if not name.surname_key or _post_only(printed):
                continue
            candidate = self._match(name, committee, create=True)
            if candidate is not None:
                candidate.names.append(name)
                candidate.forms.setdefault(_form(name), name)
                if committee:
                    candidate.committees[committee] += 1
                if organisation:
                    candidate.organisations[organisation] += 1
        return self._people_records()

    def person_of(self, printed: str, committee: str | None = None) -> str | None:
        key = (printed.strip(), committee)
        if key not in self._answers:
            name = parse_name(printed)
            candidate = self._match(name, committee, create=False) if name.surname_key else None
            self._answers[key] = self._ids.get(id(candidate)) if candidate is not None else None
        return self._answers[key]

    def _match(self, name: PersonName, committee: str | None, create: bool) -> _Candidate | None:
        known = self._by_surname.get(name.surname_key, [])
        matches = [c for c in known if all(_compatible(name, form) for form in c.forms.values())]
        if len(matches) > 1 and committee:
            local = [c for c in matches if c.committees[committee]]
            matches = local if local else matches
        if len(matches) == 1:
            return matches[0]
        if not matches and create:
            candidate = _Candidate()
            self._people.append(candidate)
            self._by_surname.setdefault(name.surname_key, []).append(candidate)
            return candidate
        return None  # fits several people: better no link than a wrong one

    def _people_records(self) -> list[Person]:
        people: list[Person] = []
        base_ids = Counter(slugify(_display(c.fullest, with_honorific=False)) for c in self._people)
        taken: set[str] = set()
        for candidate in sorted(self._people, key=lambda c: _sort_key(c.fullest)):
            full = candidate.fullest
            base = slugify(_display(full, with_honorific=False))
            person_id = slugify(_display(full, with_honorific=True)) if base_ids[base] > 1 else base
            while person_id in taken:
                person_id += "-2"
            taken.add(person_id)
            self._ids[id(candidate)] = person_id
            aliases = sorted({n.printed for n in candidate.names} - {_display(full, True)})
            organisation = candidate.organisations.most_common(1)[0][0] if candidate.organisations else None
            people.append(Person(id=person_id, name=_display(full, with_honorific=not full.forenames), aliases=aliases,
                                 organisation=organisation))
        return people


def _post_only(printed: str) -> bool:
    """'Chair', 'the Clerk': a post printed where a name would be, which names no one in particular."""
    words = [w.strip(".,").lower() for w in printed.split()]
    return all(w in ROLE_WORDS or w == "the" or is_honorific(w) for w in words)


def _display(name: PersonName, with_honorific: bool) -> str:
    given = " ".join(name.forenames) if name.forenames else " ".join(name.initials)
    words = [name.honorific] if with_honorific and name.honorific else []
    return re.sub(r"\s+", " ", " ".join(words + [given, name.surname])).strip()


def _sort_key(name: PersonName) -> tuple:
    return (name.surname_key, " ".join(name.forenames).lower(), name.initials, name.honorific or "")
