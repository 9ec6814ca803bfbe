"""Feeds, calendars and spreadsheets in the built demo site: linked from the home page, each committee's
page and the register, copied by MkDocs unchanged, and served so that a feed reader following a
feed's links reaches the pages."""

from __future__ import annotations

import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
from browser import serve

ET = "environment-and-transport"
SITE_WIDE = ["feeds/meetings.xml", "feeds/decisions.xml", "calendar/meetings.ics", "data/decisions.csv",
             "data/attendance.csv"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}  # resolved address -> link text
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            if self._href:
                self.links.setdefault(self._href, "")

    def handle_data(self, data):
        if self._href:
            self.links[self._href] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def links_of(site_dir: Path, page: str) -> dict[str, str]:
    """The site-relative files a built page links to, with their link text."""
    parser = _Links()
    parser.feed((site_dir / page).read_text(encoding="utf-8"))
    base = "http://site.invalid/" + page
    found = {}
    for href, text in parser.links.items():
        address = urljoin(base, href)
        if address.startswith("http://site.invalid/"):
            found[urlsplit(address).path.lstrip("/")] = " ".join(text.split())
    return found


def test_the_home_page_links_to_every_feed_calendar_and_spreadsheet(demo_site):
    links = links_of(demo_site.site_dir, "index.html")
    assert {path: links.get(path) for path in SITE_WIDE} == {
        "feeds/meetings.xml": "New meetings",
        "feeds/decisions.xml": "New decisions",
        "calendar/meetings.ics": "Meetings calendar",
        "data/decisions.csv": "Decision register",
        "data/attendance.csv": "Attendance",
    }
    home = (demo_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert "Subscribe and download" in home


def test_each_committee_page_links_to_its_own_feeds_and_calendar(demo_site):
    for committee in (ET, "joint-transport-board"):
        links = links_of(demo_site.site_dir, f"committees/{committee}/index.html")
        for path in (f"committees/{committee}/meetings.xml", f"committees/{committee}/decisions.xml",
                     f"committees/{committee}/meetings.ics", "data/decisions.csv"):
            assert path in links, (committee, path)
        assert "feeds/meetings.xml" not in links  # the committee's own, not everyone's


def test_the_register_links_to_its_spreadsheet(demo_site):
    assert links_of(demo_site.site_dir, "decisions/index.html")["data/decisions.csv"] == "Decision register"
    year = links_of(demo_site.site_dir, "decisions/2024/index.html")
    assert year["data/decisions.csv"] == "every year as a spreadsheet (CSV)"


def test_mkdocs_copies_the_files_unchanged(demo_site):
    docs, site = demo_site.root / "docs", demo_site.site_dir
    files = [*SITE_WIDE, *(f"committees/{c}/{name}" for c in (ET, "joint-transport-board")
                           for name in ("meetings.xml", "decisions.xml", "meetings.ics"))]
    for path in files:
        assert (site / path).read_bytes() == (docs / path).read_bytes(), path


def test_a_feed_reader_fetching_the_feed_reaches_every_page_it_links_to(demo_site):
    with serve(demo_site.site_dir) as url:
        home = urljoin(url, "index.html")
        for path in ("feeds/decisions.xml", f"committees/{ET}/meetings.xml"):
            feed = feedparser.parse(urljoin(home, path))  # as a reader does: fetched, links resolved against it
            assert not feed.bozo and feed.entries, path
            for entry in feed.entries[:12]:
                assert entry.link.startswith(url), entry.link
                with urllib.request.urlopen(entry.link.split("#")[0]) as response:
                    assert response.status == 200
        with urllib.request.urlopen(urljoin(url, "calendar/meetings.ics")) as response:
            assert response.read().startswith(b"BEGIN:VCALENDAR\r\n")


def test_with_the_site_address_the_calendar_can_be_subscribed_to_in_one_click(tmp_path, sample_sources):
    import fixtures_archive as fx

    from archive_builder.config import Config
    from archive_builder.render import render_site

    config = Config(root=tmp_path, site_url="https://decisions.example.gov.uk/archive/")
    pages = render_site(fx.sample_archive(), config, sample_sources).pages
    assert "(webcal://decisions.example.gov.uk/archive/calendar/meetings.ics)" in pages["index.md"]
    assert "(webcal://decisions.example.gov.uk/archive/committees/cabinet/meetings.ics)" in (
        pages["committees/cabinet/index.md"])
    without = render_site(fx.sample_archive(), Config(root=tmp_path), sample_sources).pages
    assert "webcal:" not in without["index.md"]  # it needs the full address
