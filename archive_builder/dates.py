"""Dates and times as committee documents print them, read into ISO form.

"Tuesday 5 March 2019", "Thursday, 13th February, 2025", "9th January 2025", "4 July 2018",
"March 5, 2019", "05/03/2019" -> "2019-03-05"; "6.30 pm", "6:30pm", "10.00 am", "18:30" -> "18:30".

"02/01/2024" is 2 January in the UK and 1 February in the US. A document is read in the order its own
unambiguous dates show ("13/02/2024"), else in the archive's `date_order`, else as its dates in words
suggest ("February 13, 2024"), else day first, and then the parser says so (`numeric_order`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# "Tuesday 5 March 2019", "13th February, 2025", "4th of June 2018", "the 2nd day of January, 2024"
_DAY_MONTH_YEAR = re.compile(
    rf"\b{_WEEKDAY}?{_DAY}(?:\s+day)?(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE
)
# "March 5, 2019", "Tuesday, March 5th 2019"
_MONTH_DAY_YEAR = re.compile(rf"\b{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
# "05/03/2019", "5.3.2019": day first (the UK, Ireland, Australia), or month first (the US)
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
_NUMERIC_MONTH_FIRST = re.compile(r"\b(?P<month>[01]?\d)[/.](?P<day>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
_NUMBERS = re.compile(r"\b(?P<first>[0-3]?\d)[/.](?P<second>[0-3]?\d)[/.](?:19|20)\d\d\b")
# The order numeric dates are read in, for the document being read (parse/__init__.py sets it).
_ORDER: ContextVar[str] = ContextVar("date_order", default="day-first")
# "2019-03-05"
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

# "6.30 pm", "6:30pm", "10.00 am", "7 pm", "18:30", "6.30p.m."
_TIME_12 = re.compile(r"\b(?P<hour>[01]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?", re.IGNORECASE)
_TIME_24 = re.compile(r"\b(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)\b(?!\s*[ap]\.?m)", re.IGNORECASE)
_NOON = re.compile(r"\b(?:12\s+)?noon\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int
    text: str


# Every date pattern above holds a year: most sentences have none, and need no further look.
_ANY_YEAR = re.compile(r"(?:19|20)\d\d\b")


def find_dates(text: str) -> list[DateMatch]:
    """Every real calendar date written in `text`, in order of position."""
    if not _ANY_YEAR.search(text):
        return []
    found: dict[int, DateMatch] = {}
    numeric = _NUMERIC_MONTH_FIRST if _ORDER.get() == "month-first" else _NUMERIC
    for pattern, numeric_month in ((_DAY_MONTH_YEAR, False), (_MONTH_DAY_YEAR, False), (_ISO, True), (numeric, True)):
        for match in pattern.finditer(text):
            if any(m.start <= match.start() < m.end for m in found.values()):
                continue
            iso = _iso(match, numeric_month)
            if iso:
                found[match.start()] = DateMatch(iso, match.start(), match.end(), match.group(0))
    return [found[key] for key in sorted(found)]


# "January 22", "22nd January", with no year: read only where a date it must follow is known.
_MONTH_DAY = re.compile(rf"\b{_WEEKDAY}?{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)(?![:.]\d)", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b{_WEEKDAY}?{_DAY}(?:\s+of)?\s+{_MONTH}\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)


@contextlib.contextmanager
def reading_order(order: str):
    """Numeric dates read in `order` ("day-first" or "month-first") while the block runs."""
    token = _ORDER.set(order)
    try:
        yield
    finally:
        _ORDER.reset(token)


def numeric_order(text: str, setting: str | None) -> tuple[str, str | None]:
    """(the order to read `text`'s numeric dates in, a note where it was not settled). A numeric
    date that fits one order only ("13/02/2024") settles it; else the archive's setting; else the
    way the document writes dates in words ("February 13, 2024" is month first); else day first,
    with a note naming a date that could be read either way."""
    day_first = month_first = 0
    ambiguous = None
    for match in _NUMBERS.finditer(text):
        first, second = int(match.group("first")), int(match.group("second"))
        if first > 12 >= second >= 1:
            day_first += 1
        elif second > 12 >= first >= 1:
            month_first += 1
        elif first != second and first <= 12 and second <= 12 and ambiguous is None:
            ambiguous = match.group(0)
    if day_first != month_first:
        return ("day-first" if day_first > month_first else "month-first"), None
    if ambiguous is None or setting:
        return setting or "day-first", None
    written_day_first, written_month_first = len(_DAY_MONTH_YEAR.findall(text)), len(_MONTH_DAY_YEAR.findall(text))
    if written_day_first != written_month_first:
        return ("day-first" if written_day_first > written_month_first else "month-first"), None
    return "day-first", (f"dates such as '{ambiguous}' could be day first or month first: read day first; "
                         "set date_order in archive.yml if this council writes the month first")


def dates_after(text: str, after: str) -> list[DateMatch]:
    """Dates written without a year ("the next meeting will be on January 22"), each read as the first
    such day after `after` (YYYY-MM-DD), with the dates that do give their year; in order of position."""
    return _yearless(text, after, later=True)


def dates_before(text: str, before: str) -> list[DateMatch]:
    """Dates written without a year ("approve the emergency meeting on March 24"), each read as the
    last such day before `before` (YYYY-MM-DD), with the dates that do give their year."""
    return _yearless(text, before, later=False)


def _yearless(text: str, known: str, later: bool) -> list[DateMatch]:
    found = {m.start: m for m in find_dates(text)}
    start = dt.date.fromisoformat(known)
    years = (start.year, start.year + 1) if later else (start.year, start.year - 1)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            if any(m.start <= match.start() < m.end for m in found.values()):
                continue
            month, day = MONTHS[match.group("month").lower().rstrip(".")], int(match.group("day"))
            for year in years:
                try:
                    day_of = dt.date(year, month, day)
                except ValueError:
                    continue
                if day_of > start if later else day_of < start:
                    found[match.start()] = DateMatch(day_of.isoformat(), match.start(), match.end(), match.group(0))
                    break
    return [found[key] for key in sorted(found)]


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0].iso if dates else None


def _iso(match: re.Match, numeric_month: bool) -> str | None:
    month_text = match.group("month")
    month = int(month_text) if numeric_month else MONTHS[month_text.lower().rstrip(".")]
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None  # "31 February": a slip in the source, not a date


def find_time(text: str) -> str | None:
    """The first clock time in `text` as 'HH:MM' (24-hour)."""
    candidates = []
    for match in _TIME_12.finditer(text):
        hour = int(match.group("hour"))
        if hour > 12:
            continue
        minute = int(match.group("minute") or 0)
        if match.group("half").lower() == "p" and hour != 12:
            hour += 12
        if match.group("half").lower() == "a" and hour == 12:
            hour = 0
        candidates.append((match.start(), f"{hour:02d}:{minute:02d}"))
    for match in _TIME_24.finditer(text):
        candidates.append((match.start(), f"{int(match.group('hour')):02d}:{match.group('minute')}"))
    for match in _NOON.finditer(text):
        candidates.append((match.start(), "12:00"))
    return min(candidates)[1] if candidates else None


def month_of(text: str, after: str | None = None) -> str | None:
    """'March' or 'March 2019' -> 'YYYY-MM'; a bare month is taken as the first such month after `after`."""
    match = re.search(rf"\b{_MONTH}(?:\s+{_YEAR})?\b", text, re.IGNORECASE)
    if not match:
        return None
    month = MONTHS[match.group("month").lower().rstrip(".")]
    if match.group("year"):
        return f"{match.group('year')}-{month:02d}"
    if not after:
        return None
    year, after_month = int(after[:4]), int(after[5:7])
    return f"{year + (1 if month <= after_month else 0)}-{month:02d}"


def long_date(iso: str) -> str:
    """'2018-10-16' -> 'Tuesday 16 October 2018'."""
    day = dt.date.fromisoformat(iso)
    return f"{day:%A} {day.day} {day:%B %Y}"
