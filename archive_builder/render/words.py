"""How the site writes dates, kinds, outcomes and counts: in English, the same on every machine.

Day and month names are spelt out here rather than taken from the locale, so a build on a machine
set to another language gives the same pages.
"""

from __future__ import annotations

import datetime

from archive_builder.model import ActionStatus, Votes

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")

DOCUMENT_KINDS = {
    "agenda": "Agenda",
    "agenda-pack": "Agenda pack",
    "report": "Report",
    "minutes": "Minutes",
    "decision": "Decision notice",
    "other": "Other document",
}

MEETING_STATUSES = {
    "held": "Held",
    "cancelled": "Cancelled",
    "scheduled": "Scheduled (upcoming)",
    "referenced": "Referenced only",
}

OUTCOMES = {
    "carried": "Carried",
    "lost": "Lost",
    "deferred": "Deferred",
    "noted": "Noted",
    "unknown": "Outcome not recorded",
}

ACTION_STATUSES = {ActionStatus.OPEN: "open", ActionStatus.FOLLOWED_UP: "followed up", ActionStatus.OVERDUE: "overdue",
                   ActionStatus.UNKNOWN: "status unknown"}


def long_date(iso_date: str | None) -> str:
    """'2018-10-16' -> 'Tuesday 16 October 2018'; anything that is not a date is returned as it is."""
    day = _date(iso_date)
    if day is None:
        return iso_date or "date unknown"
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def meeting_date(meeting, long: bool = True) -> str:
    """A meeting's date, and for a committee's second meeting of the day what sets it apart:
    'Tuesday 28 January 2025 (Special Board Meeting)', '28 January 2025 (16:00)'."""
    date = long_date(meeting.date) if long else medium_date(meeting.date)
    if not meeting.another_sitting:
        return date
    return f"{date} ({meeting.title or meeting.start_time})"


def medium_date(iso_date: str | None) -> str:
    """'2018-10-16' -> '16 October 2018'."""
    day = _date(iso_date)
    if day is None:
        return iso_date or "date unknown"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def due_date(due: str | None) -> str:
    """An action's due point in words: 'next-meeting', 'YYYY-MM-DD' or 'YYYY-MM'."""
    if not due:
        return ""
    if due == "next-meeting":
        return "the next meeting"
    if len(due) == 7 and due[4] == "-" and due[:4].isdigit() and due[5:].isdigit() and 1 <= int(due[5:]) <= 12:
        return f"{_MONTHS[int(due[5:]) - 1]} {due[:4]}"
    return medium_date(due)


def due_words(due: str | None) -> str:
    """'due at the next meeting', 'due March 2019', 'due 31 January 2019', or 'no date set'."""
    if not due:
        return "no date set"
    if due == "next-meeting":
        return "due at the next meeting"
    return "due " + due_date(due)


def year_of(iso_date: str | None) -> str | None:
    return iso_date[:4] if iso_date and len(iso_date) >= 4 and iso_date[:4].isdigit() else None


def document_kind(kind: str) -> str:
    return DOCUMENT_KINDS.get(kind, kind.replace("-", " ").capitalize())


def meeting_status(status: str) -> str:
    return MEETING_STATUSES.get(status, status.capitalize())


def outcome(value: str) -> str:
    return OUTCOMES.get(value, value.capitalize())


def action_status(status: str) -> str:
    return ACTION_STATUSES.get(status, status)


def votes(counted: Votes | None) -> str:
    """'For 5, Against 1, Abstain 0', leaving out counts the minutes do not give."""
    if counted is None:
        return ""
    parts = [(label, value) for label, value in
             (("For", counted.for_), ("Against", counted.against), ("Abstain", counted.abstain)) if value is not None]
    return ", ".join(f"{label} {value}" for label, value in parts)


def count(number: int, singular: str, plural: str | None = None) -> str:
    """'1 meeting', '3 meetings'."""
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def shorten(text: str, limit: int = 300) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (plus an ellipsis)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(" ,;:.") + "…"


def is_date(text: str | None) -> bool:
    """Whether `text` is a date written YYYY-MM-DD (and nothing else)."""
    return bool(text) and len(text) == 10 and _date(text) is not None


def _date(iso_date: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso_date or "")
    except ValueError:
        return None


def label(printed: str | None) -> str:
    """A resolution's label as a name: "1." and "(2)(a):" are printed with the stops that end them."""
    return (printed or "").strip().rstrip(".:").strip()
