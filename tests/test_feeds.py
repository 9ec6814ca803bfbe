"""Atom feeds of new meetings and new decisions, as a feed reader gets them: valid, newest first, with
ids that never change, links that lead to the page, one committee's feed holding only that committee,
and nothing of an item taken in private."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import fixtures_archive as fx
import pytest

from archive_builder.config import Config
from archive_builder.model import Archive, Committee, Item, Meeting, Resolution
from archive_builder.render import render_site
from archive_builder.render.feeds import DECISIONS_CAP, MEETINGS_CAP

SITE_URL = "https://decisions.example.gov.uk/archive/"
ET = "environment-and-transport"
JTB = "joint-transport-board"
BASE = "http://archive.invalid/"  # where a reader fetched the site from, to resolve relative links


def render(root: Path, sources: Path, archive: Archive | None = None, site_url: str | None = None) -> dict[str, str]:
    return render_site(archive or fx.sample_archive(), Config(root=root, site_url=site_url), sources).pages


def read(text: str | bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def site_feed(site_dir: Path, path: str) -> feedparser.FeedParserDict:
    return read((site_dir / path).read_bytes())


def page_of(site_dir: Path, feed_path: str, href: str) -> tuple[Path, str]:
    """The built HTML file a feed's link leads to, resolved as a reader resolves it, and its anchor."""
    address = urljoin(BASE + feed_path, href)
    assert address.startswith(BASE), address
    parts = urlsplit(address)
    return site_dir / parts.path.lstrip("/") / "index.html", parts.fragment


def dates(feed) -> list[str]:
    return [entry.updated[:10] for entry in feed.entries]


# --- The demo site ------------------------------------------------------------------------------


def test_the_meetings_feed_lists_the_meetings_newest_first_and_each_link_opens_its_page(demo_site):
    feed = site_feed(demo_site.site_dir, "feeds/meetings.xml")
    assert feed.feed.title == "Demo committee archive: new meetings"
    assert dates(feed) == ["2025-05-15", "2025-03-13", "2025-01-16", "2024-11-14", "2024-09-12"]
    assert feed.entries[0].title == "Environment and Transport Committee, 15 May 2025 (scheduled)"
    assert feed.entries[1].title == "Environment and Transport Committee, 13 March 2025"
    assert feed.feed.updated.startswith("2025-05-15")
    for entry in feed.entries:
        page, _ = page_of(demo_site.site_dir, "feeds/meetings.xml", entry.link)
        assert page.is_file(), entry.link
        assert entry.tags[0].term == ET
    summary = feed.entries[3].summary  # 14 November 2024
    assert summary.startswith("Thursday 14 November 2024, 18:30, Council Chamber, Harbourside Civic Centre")
    assert "Items:" in summary


def test_the_decisions_feed_holds_every_public_resolution_each_linking_to_its_anchor(demo_site):
    feed = site_feed(demo_site.site_dir, "feeds/decisions.xml")
    export = demo_site.export
    public = [r for m in export["meetings"] for i in m["items"] if not i["exempt"] for r in i["resolutions"]]
    assert len(feed.entries) == len(public) == 36
    assert dates(feed) == sorted(dates(feed), reverse=True)  # newest meeting first
    anchors = []
    for entry in feed.entries:
        page, anchor = page_of(demo_site.site_dir, "feeds/decisions.xml", entry.link)
        assert f'id="{anchor}"' in page.read_text(encoding="utf-8"), entry.link
        anchors.append(page.parent.relative_to(demo_site.site_dir).as_posix() + "/#" + anchor)
    assert sorted(anchors) == sorted(r["url"] for r in public)
    bus = next(e for e in feed.entries if e.link.endswith("2024-09-12/#item-6-r2a"))
    assert bus.title == ("Environment and Transport Committee, 12 September 2024, item 6: Bus Services on Harbour "
                         "Road, resolution (2)(a)")
    assert "Harbourline Buses" in bus.summary and "Outcome: Carried" in bus.summary


def test_within_a_meeting_the_decisions_come_in_the_minutes_order(demo_site):
    feed = site_feed(demo_site.site_dir, "feeds/decisions.xml")
    march = [e.link.rsplit("#", 1)[1] for e in feed.entries if "/2025-03-13/" in e.link]
    assert march[:3] == ["item-3-r1", "item-5-r1", "item-5-r2"]


def test_a_committee_feed_holds_only_that_committee(demo_site):
    everything = site_feed(demo_site.site_dir, "feeds/meetings.xml")
    for committee in (ET, JTB):
        for kind in ("meetings", "decisions"):
            feed = site_feed(demo_site.site_dir, f"committees/{committee}/{kind}.xml")
            assert {tag.term for e in feed.entries for tag in e.tags} <= {committee}
            assert all(f"/meetings/{committee}/" in urljoin(BASE + "committees/x/y.xml", e.link)
                       for e in feed.entries)
    own = site_feed(demo_site.site_dir, f"committees/{ET}/meetings.xml")
    assert [e.id for e in own.entries] == [e.id for e in everything.entries if e.tags[0].term == ET]
    board = site_feed(demo_site.site_dir, f"committees/{JTB}/meetings.xml")
    assert board.entries == [] and board.feed.title == "Harbourside Joint Transport Board: new meetings"
    assert board.feed.updated.startswith("2024-10-03")  # its own latest (mentioned) meeting, not the clock


def test_a_feed_reader_given_any_page_finds_the_feeds_and_on_a_committee_page_that_committees_own(demo_site):
    def discovered(page: str) -> dict[str, str]:
        html = (demo_site.site_dir / page / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<link rel="[^"]*\balternate\b[^"]*" type="([^"]+)" title="([^"]+)" href="([^"]+)"', html)
        found = {title: urljoin(BASE + page + "/", href)[len(BASE):] for _, title, href in links}
        for path in found.values():
            assert (demo_site.site_dir / path).is_file(), path
        return found
    assert discovered("meetings")["New decisions"] == "feeds/decisions.xml"
    own = discovered(f"committees/{ET}")
    assert own == {"New meetings": f"committees/{ET}/meetings.xml", "New decisions": f"committees/{ET}/decisions.xml"}


def test_the_private_item_is_in_no_feed(demo_site):
    for path in demo_site.site_dir.rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        assert "Wharf Lane Depot" not in text and "CONFIDENTIAL-DEMO-TEXT" not in text, path
        assert "2025-03-13/#item-11" not in text, path


# --- The sample archive -------------------------------------------------------------------------


def test_entry_ids_stay_the_same_on_every_build_and_as_the_archive_grows(tmp_path, sample_sources):
    first = render(tmp_path / "a", sample_sources)
    second = render(tmp_path / "b", sample_sources)
    for path in ("feeds/meetings.xml", "feeds/decisions.xml", "committees/cabinet/decisions.xml"):
        assert first[path] == second[path]  # byte for byte: nothing from the clock

    grown = fx.sample_archive()
    later = Meeting("cabinet/2019-02-19", "cabinet", "2019-02-19", items=[
        Item("cabinet/2019-02-19/2", "2", "Budget",
             resolutions=[Resolution("cabinet/2019-02-19/2/r1", "That the budget be set.")])])
    grown.meetings.append(later)
    third = render(tmp_path / "c", sample_sources, grown)
    before, after = read(first["feeds/decisions.xml"]), read(third["feeds/decisions.xml"])
    assert after.entries[0].link.endswith("meetings/cabinet/2019-02-19/#item-2-r1")
    assert [(e.id, e.link) for e in after.entries[1:]] == [(e.id, e.link) for e in before.entries]
    assert len({e.id for e in after.entries}) == len(after.entries)
    meetings_before, meetings_after = read(first["feeds/meetings.xml"]), read(third["feeds/meetings.xml"])
    assert {e.id for e in meetings_before.entries} < {e.id for e in meetings_after.entries}


def test_with_the_site_address_links_are_absolute_and_ids_are_tag_uris(tmp_path, sample_sources):
    pages = render(tmp_path, sample_sources, site_url=SITE_URL)
    feed = read(pages["feeds/decisions.xml"])
    procured = next(e for e in feed.entries if e.link.endswith("#item-6-r2a"))
    assert procured.link == SITE_URL + "meetings/joint-ict/2018-10-16/#item-6-r2a"
    assert procured.id == "tag:decisions.example.gov.uk,2018-10-16:/archive/decision/joint-ict/2018-10-16/6/r2a"
    assert feed.feed.id == SITE_URL + "feeds/decisions.xml"
    meetings = read(pages["committees/cabinet/meetings.xml"])
    assert [e.link for e in meetings.entries] == [SITE_URL + "meetings/cabinet/2019-01-15/",
                                                  SITE_URL + "meetings/cabinet/2018-11-20/"]
    assert meetings.entries[0].id == "tag:decisions.example.gov.uk,2019-01-15:/archive/meeting/cabinet/2019-01-15"


def test_without_the_site_address_links_are_relative_to_the_feed_and_ids_still_permanent(tmp_path, sample_sources):
    pages = render(tmp_path, sample_sources)
    feed = read(pages["committees/joint-ict/decisions.xml"])
    procured = next(e for e in feed.entries if e.link.endswith("#item-6-r2a"))
    assert procured.link == "../../meetings/joint-ict/2018-10-16/#item-6-r2a"
    assert urljoin(BASE + "committees/joint-ict/decisions.xml", procured.link) == (
        BASE + "meetings/joint-ict/2018-10-16/#item-6-r2a")
    assert procured.id.startswith("urn:uuid:")
    site_wide = read(pages["feeds/decisions.xml"]).entries
    assert procured.id == next(e.id for e in site_wide if e.link.endswith("#item-6-r2a"))


def test_cancelled_and_scheduled_meetings_say_so_and_meetings_only_mentioned_are_left_out(tmp_path, sample_sources):
    feed = read(render(tmp_path, sample_sources)["feeds/meetings.xml"])
    assert [e.title for e in feed.entries] == [
        "Joint ICT Committee, 12 March 2019 (scheduled)",
        "Cabinet, 15 January 2019 (cancelled)",
        "Cabinet, 20 November 2018",
        "Joint ICT Committee, 16 October 2018",
    ]  # 12 June 2018 is only mentioned: nothing to announce
    assert "Cancelled." in feed.entries[1].summary


def test_nothing_of_an_exempt_item_reaches_a_feed(tmp_path, sample_sources):
    pages = render(tmp_path, sample_sources, site_url=SITE_URL)
    feeds = {path: text for path, text in pages.items() if path.endswith(".xml")}
    assert len(feeds) == 6
    for path, text in feeds.items():
        for withheld in (fx.SECRET, "Staffing matter", "item-7", "/7/r1", fx.EXEMPT_LINK_EVIDENCE):
            assert withheld not in text, (path, withheld)
    summary = next(e.summary for e in read(pages["feeds/meetings.xml"]).entries if "16 October" in e.title)
    assert "6. Update report (4 resolutions)" in summary and "7." not in summary


def test_titles_and_text_from_documents_read_back_as_the_literal_words(tmp_path, sample_sources):
    archive = fx.sample_archive()
    archive.meetings[0].items[-1].resolutions[0].text += "\x0c and \x01 control characters"
    pages = render(tmp_path, sample_sources, archive)
    raw = pages["feeds/decisions.xml"]
    assert "<script>" not in raw and "</title><script>" not in raw
    feed = read(raw)
    hostile = next(e for e in feed.entries if e.link.endswith("#item-8-r1"))
    assert hostile.title == f"Joint ICT Committee, 16 October 2018, item 8: {fx.HOSTILE_TITLE}, resolution"
    assert hostile.summary.startswith(fx.HOSTILE_TEXT)
    assert "\n and  control characters" in hostile.summary
    assert "Outcome: Lost (For 2, Against 5, Abstain 0). Moved by " + fx.HOSTILE_NAME in hostile.summary


def test_feeds_keep_the_latest_meetings_and_never_half_a_meeting(tmp_path, sample_sources):
    meetings = []
    for number in range(60):
        date = f"20{10 + number // 12:02d}-{number % 12 + 1:02d}-10"
        meeting_id = f"board/{date}"
        meetings.append(Meeting(meeting_id, "board", date, items=[
            Item(f"{meeting_id}/1", "1", "Business", resolutions=[
                Resolution(f"{meeting_id}/1/r{n}", f"Resolution {n} of {date}.") for n in (1, 2, 3)])]))
    archive = Archive("Busy archive", committees=[Committee("board", "Board")], meetings=meetings)
    pages = render(tmp_path, sample_sources, archive)
    feed = read(pages["feeds/meetings.xml"])
    newest = sorted((m.date for m in meetings), reverse=True)
    assert len(feed.entries) == MEETINGS_CAP and dates(feed) == newest[:MEETINGS_CAP]
    decisions = read(pages["committees/board/decisions.xml"])
    whole_meetings = DECISIONS_CAP // 3
    assert len(decisions.entries) == whole_meetings * 3
    assert sorted(set(dates(decisions)), reverse=True) == newest[:whole_meetings]
    assert decisions.entries[0].title.endswith("resolution") and "Resolution 1 of" in decisions.entries[0].summary


def test_a_committee_with_no_meetings_still_has_valid_feeds(tmp_path, sample_sources):
    archive = fx.sample_archive()
    archive.committees.append(Committee("planning", "Planning Committee"))
    pages = render(tmp_path, sample_sources, archive)
    for kind in ("meetings", "decisions"):
        feed = read(pages[f"committees/planning/{kind}.xml"])
        assert feed.entries == [] and feed.feed.updated.startswith("2019-03-12")  # the archive's latest meeting


@pytest.mark.parametrize("kind", ["meetings", "decisions"])
def test_every_entry_has_what_atom_requires(tmp_path, sample_sources, kind):
    feed = read(render(tmp_path, sample_sources)[f"feeds/{kind}.xml"])
    assert feed.version == "atom10"
    assert feed.feed.id and feed.feed.title and feed.feed.updated and feed.feed.author
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated and entry.link and entry.summary
