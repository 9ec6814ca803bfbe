"""What the feeds, the calendars and the spreadsheets share: addresses seen from outside the site,
identifiers that never change, and the "Subscribe and download" section of the pages that offer them.

A feed or calendar is read by a program that fetched it from the site, often long after, so:

- With the site's address configured (`site_url` in archive.yml), every link is absolute.
  Without it, a feed's links are relative to the feed file itself, which a feed reader resolves
  against the address it fetched the feed from (RFC 3986; Atom has no other base here); the
  spreadsheets give the site-relative address, as the open-data export does.
- Ids come from archive ids alone (and the site's address), never from the clock or a counter,
  so a rebuild gives every entry and event the id it had before and no reader shows it twice.
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote, urlsplit

from archive_builder import addresses
from archive_builder.render import words
from archive_builder.render.lookup import Lookup
from archive_builder.render.page import link


def absolute(lookup: Lookup, url: str) -> str | None:
    """`url` (site-relative) as a full address, where the site's address is configured."""
    if not lookup.site_url:
        return None
    return lookup.site_url.rstrip("/") + "/" + quote(url, safe="/#-._~")


def address_from(lookup: Lookup, file_path: str, url: str) -> str:
    """The address of `url` to write into the file `file_path`: absolute with the site's address
    known, else relative to that file ('../meetings/x/2018-10-16/#item-6-r1' from 'feeds/...')."""
    full = absolute(lookup, url)
    if full:
        return full
    address, _, anchor = url.partition("#")
    here = file_path.split("/")[:-1]
    parts = address.split("/")
    common = 0
    while common < len(here) and common < len(parts) - 1 and here[common] == parts[common]:
        common += 1
    relative = "/".join([".."] * (len(here) - common) + parts[common:]) or "./"
    return quote(relative, safe="/-._~") + ("#" + anchor if anchor else "")


def tag_uri(lookup: Lookup, kind: str, any_id: str, date: str) -> str:
    """A permanent id (RFC 4151 tag URI) for `any_id`: the site's host, the meeting's date, the site's
    path and the archive id, e.g. 'tag:decisions.example.gov.uk,2018-10-16:/meeting/joint-ict/2018-10-16'.
    Without the site's address (or a date) there is no authority to mint a tag, so the id is a name-based
    UUID of the site's name and the archive id instead: as permanent, though not as readable."""
    host = urlsplit(lookup.site_url).hostname if lookup.site_url else None
    if host and words.is_date(date):
        path = urlsplit(lookup.site_url).path.rstrip("/")
        return f"tag:{host},{date}:{quote(f'{path}/{kind}/{any_id}', safe='/-._~')}"
    return "urn:uuid:" + stable_uuid(lookup, kind, any_id)


def stable_uuid(lookup: Lookup, kind: str, any_id: str) -> str:
    """A UUID (version 5: a hash of names, nothing random) for `any_id` in this archive."""
    namespace = lookup.site_url or f"committee-archive:{lookup.archive.site_name}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{namespace}#{kind}/{any_id}"))


# --- The section on the home, committee and register pages -----------------------------------


def section(lookup: Lookup, here: str, committee_id: str | None = None) -> str:
    """'Subscribe and download': the feeds and calendar (of one committee, or of all), the spreadsheets."""
    whose = "this committee's" if committee_id else "every committee's"
    meetings_feed = addresses.feed_url("meetings", committee_id)
    decisions_feed = addresses.feed_url("decisions", committee_id)
    calendar = addresses.calendar_url(committee_id)
    lines = [
        "## Subscribe and download {#subscribe}",
        "",
        "Add a feed's address to a feed reader to hear of new meetings and decisions, or the calendar's "
        "to Outlook, Google or Apple Calendar; the spreadsheets open in Excel or LibreOffice.",
        "",
        f"- {link('New meetings', here, meetings_feed)} (Atom feed): {whose} latest meetings, newest first",
        f"- {link('New decisions', here, decisions_feed)} (Atom feed): the resolutions of {whose} latest "
        "meetings, newest first",
        f"- {link('Meetings calendar', here, calendar)} (iCalendar): {whose} meetings with their times and "
        f"venues{_webcal(lookup, calendar)}",
        f"- {link('Decision register', here, addresses.DECISIONS_CSV)} (CSV spreadsheet): every resolution of "
        "every committee, with its outcome, votes, mover, seconder and actions",
        f"- {link('Attendance', here, addresses.ATTENDANCE_CSV)} (CSV spreadsheet): who attended every meeting "
        "of every committee, and who sent apologies",
    ]
    return "\n".join(lines)


def _webcal(lookup: Lookup, calendar: str) -> str:
    """A webcal: link, which calendar programs open as a subscription (it needs the full address)."""
    full = absolute(lookup, calendar)
    if not full or not re.match(r"https?://", full):
        return ""
    return f" ([subscribe]({'webcal://' + full.split('://', 1)[1]}))"
