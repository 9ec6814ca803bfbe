"""Who moved and who seconded a resolution, as a person of the archive.

Minutes print a mover as they please ("Cllr Fairweather", "Mr Derek Murphy", "The Chairman"). The
printed name is matched against the people the same meeting's attendance record puts in the room:
the surname against the last word of each person's id, any given name or initial against the rest of
the id ("Mr" against "Ms" too, where ids keep the form of address), and "the Chair(man)" or "the
Vice-Chair(man)" against the one attendee in that role. A name is linked only where exactly one
attendee matches; anything else stays as printed.
"""

from __future__ import annotations

from archive_builder.model import AttendanceStatus, Attendee, Meeting
from archive_builder.slugs import slugify

_TITLES = {"cllr", "councillor", "county", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
           "lord", "lady", "rev", "revd", "reverend", "the", "hon", "mbe", "obe", "cbe", "jp"}
_FORMS = {"mr", "mrs", "ms", "miss", "mx"}  # forms of address some minutes keep in a person's name
_ROLES = {
    ("chair",): "chair", ("chairman",): "chair", ("chairperson",): "chair", ("chairwoman",): "chair",
    ("vice", "chair"): "vice-chair", ("vice", "chairman"): "vice-chair", ("vice", "chairperson"): "vice-chair",
}


def person_of(printed: str | None, meeting: Meeting) -> str | None:
    """The person id of the one attendee of `meeting` the printed name can only mean, else None."""
    words = slugify(printed or "", limit=None).split("-")
    in_room = [a for a in meeting.attendance if a.person and _there(a)]
    if words[:1] == ["the"] and tuple(words[1:]) in _ROLES:
        role = _ROLES[tuple(words[1:])]
        return _only({a.person for a in in_room if a.role == role})
    names = [w for w in words if w and w not in _TITLES]
    if not names or names == ["untitled"]:
        return None
    surname, given = names[-1], names[:-1]
    forms = set(words) & _FORMS
    found = set()
    for attendee in in_room:
        parts = attendee.person.split("-")
        while len(parts) > 1 and parts[-1].isdigit():  # "anne-patel-2": a second Anne Patel's id
            parts.pop()
        if parts[-1] != surname:
            continue
        before = [part for part in parts[:-1] if part not in _TITLES]
        if forms and set(parts) & _FORMS and not forms & set(parts):
            continue  # "Mr Meade" is not the Ms Meade whose id keeps her title
        if all(_given_matches(g, before) for g in given):
            found.add(attendee.person)
    return _only(found)


def _given_matches(given: str, before_surname: list[str]) -> bool:
    """'Derek' or 'D' against the given names or initials the person's id keeps."""
    if len(given) == 1:
        return any(part.startswith(given) for part in before_surname)
    return any(part == given or (len(part) == 1 and given.startswith(part)) for part in before_surname)


def _there(attendee: Attendee) -> bool:
    return attendee.status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY)


def _only(found: set[str | None]) -> str | None:
    found.discard(None)
    return next(iter(found)) if len(found) == 1 else None
