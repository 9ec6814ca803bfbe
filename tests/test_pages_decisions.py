"""Following a decision forward, as the pages show it: "What happened next" under each resolution,
"Follows up" and "Refers to" under each item, the decision register, the follow-up tracker, the
person pages' attendance records, and the committee pages' recurring items and open actions.

Checked on the sample archive (tests/fixtures_archive.py), both in the Markdown the builder writes and
in the HTML MkDocs builds from it in strict mode.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser

import fixtures_archive as fx
import frontmatter
import pytest
from test_render import _element, _html

from archive_builder.model import Attendee, Meeting
from archive_builder.render.movers import person_of

MEETING_PAGE = "meetings/joint-ict/2018-10-16/index.html"
CABINET_PAGE = "meetings/cabinet/2018-11-20/index.html"
SCHEDULED_PAGE = "meetings/joint-ict/2019-03-12/index.html"


def _markdown(site, path: str) -> str:
    return frontmatter.loads(site.files.pages[path]).content


def _block(text: str, heading: str) -> str:
    """The text of a list from its heading to the next heading (or the end)."""
    start = text.index(heading)
    rest = text[start + len(heading):]
    ends = [rest.index(h) for h in ("Possibly related", "Follows up", "Refers to", "Resolution", "Link to this")
            if h in rest]
    return heading + rest[: min(ends)] if ends else heading + rest


def _export(site) -> dict:
    return json.loads(_html(site, "data/archive.json"))


# --- On the meeting page: what happened next --------------------------------------------------


def test_what_happened_next_lists_follow_ups_oldest_first_with_dates_and_evidence(sample_site):
    resolution = _element(_html(sample_site, MEETING_PAGE), "item-6-r2a")
    following = _block(resolution.text, "What happened next")
    lines = [
        "Followed up: 20 November 2018, Cabinet, item 4 Datacentre link procurement",
        "Referred to: 20 November 2018, Cabinet, item 4 Datacentre link procurement",
        "Next meeting: 12 March 2019",
        "Followed up: 12 March 2019, item 5 Update report",  # the same committee: not named again
    ]
    positions = [following.index(line) for line in lines]
    assert positions == sorted(positions)
    assert "words in common: datacentr, link, procur" in following  # the follow-up's evidence
    assert "Update report on the datacentre link" in following
    assert ("../../cabinet/2018-11-20/#item-4", "20 November 2018, Cabinet, item 4 Datacentre link procurement") in (
        resolution.links
    )
    assert ("../2019-03-12/#item-5", "12 March 2019, item 5 Update report") in resolution.links
    assert ("../2019-03-12/", "12 March 2019") in resolution.links
    # The evidence is small print of its own under each link.
    html = _html(sample_site, MEETING_PAGE)
    assert re.search(r'<span class="archive-evidence">“Report back on the procurement” \(due at the next meeting\)',
                     html)


def test_what_happened_next_in_the_markdown_is_in_date_order(sample_site):
    text = _markdown(sample_site, "meetings/joint-ict/2018-10-16/index.md")
    block = text[text.index('id="item-6-r2a"'):text.index('id="item-6-r2b"')]
    block = block[block.index("**What happened next**"):]
    items = [line for line in block.splitlines() if line.startswith("- ")]
    assert [line.split("](")[0] for line in items] == [
        "- Followed up: [20 November 2018, Cabinet, item 4 Datacentre link procurement",
        "- Referred to: [20 November 2018, Cabinet, item 4 Datacentre link procurement",
        "- Next meeting: [12 March 2019",
        "- Followed up: [12 March 2019, item 5 Update report",
    ]


def test_references_to_a_resolution_or_to_its_item_are_part_of_what_happened_next(sample_site):
    noted = _block(_element(_html(sample_site, MEETING_PAGE), "item-6-r1").text, "What happened next")
    to_item = noted.index("Referred to: 20 November 2018, Cabinet, item 4")  # names minute 288, the item
    to_resolution = noted.index("Referred to: 12 March 2019, item 5 Update report")  # names the resolution
    assert to_item < to_resolution and "“minute 288”" in noted


def test_possibly_related_items_are_kept_apart_with_their_score(sample_site):
    budget = _element(_html(sample_site, MEETING_PAGE), "item-6-r2b").text
    certain, related = budget.split("Possibly related (similar wording only, not a certain link):")
    assert "12 March 2019" not in _block(certain, "What happened next")
    assert "12 March 2019, item 5 Update report (score 0.42)" in related
    assert "<script>alert('evidence')</script>" in related  # evidence shown as the literal words


def test_each_action_shows_its_status_as_a_badge_with_due_point_and_owner(sample_site):
    html = _html(sample_site, MEETING_PAGE)
    for status, words in (("followed-up", "followed up"), ("overdue", "overdue"), ("open", "open"),
                          ("unknown", "status unknown")):
        assert f'<span class="archive-badge archive-badge-{status}" data-value="{words}">{words}</span>' in html
    assert "followed up Report back on the procurement (due at the next meeting; owner: Head of ICT)" in _element(
        html, "item-6-r2a").text
    assert "overdue Review the budget (due March 2019)" in _element(html, "item-6-r2b").text
    protocol = _element(html, "item-6-r2c").text
    assert "open Agree a data-sharing protocol (due 30 June 2019; owner: Jane Officer)" in protocol
    assert "status unknown Publish the protocol (no date set)" in protocol


# --- On the meeting page: what an item follows up and refers to -------------------------------


def test_a_later_item_says_what_it_follows_up_and_links_back(sample_site):
    cabinet = _html(sample_site, CABINET_PAGE)
    item = _section(cabinet, 'id="item-4"', 'id="item-4-r1"')
    follows = _element(item, "follows")
    assert "Follows up" in follows.text
    assert ("../../joint-ict/2018-10-16/#item-6-r2a",
            "16 October 2018, Joint ICT Committee, item 6 Update report, resolution (2)(a)") in follows.links
    assert "words in common: datacentr, link, procur" in follows.text
    refers = _element(item, "refers")
    assert ("../../joint-ict/2018-10-16/#item-6", "16 October 2018, Joint ICT Committee, item 6 Update report") in (
        refers.links
    )
    assert "minute 288" in refers.text


def test_the_next_meeting_item_follows_up_refers_to_and_is_possibly_related(sample_site):
    item = _section(_html(sample_site, SCHEDULED_PAGE), 'id="item-5"', "</article>")
    follows = _element(item, "follows")
    assert follows.links[0] == ("../2018-10-16/#item-6-r2a", "16 October 2018, item 6 Update report, resolution (2)(a)")
    assert "Possibly related to earlier decisions" in follows.text
    assert ("../2018-10-16/#item-6-r2b", "16 October 2018, item 6 Update report, resolution (2)(b)") in follows.links
    refers = _element(item, "refers")
    assert ("../2018-10-16/#item-6-r1", "16 October 2018, item 6 Update report, resolution (1)") in refers.links
    assert "Staffing matter" not in item and "item-7" not in item  # the exempt item's links never show


def test_an_item_names_its_papers_and_its_series(sample_site):
    item = _section(_html(sample_site, MEETING_PAGE), 'id="item-6"', 'id="item-6-r1"')
    refers = _element(item, "refers")
    assert "Papers: Update report (report)" in refers.text
    assert ("../../../documents/joint-ict-2018-10-16-update-report/", "Update report (report)") in refers.links
    series = _element(item, "series")
    assert series.text.startswith("Part of a series: Update report · after: 12 March 2019")
    assert ("../../../committees/joint-ict/#series-update-report", "Update report") in series.links
    assert ("../2019-03-12/#item-5", "12 March 2019") in series.links


def test_approved_minutes_are_what_the_approving_item_refers_to(sample_site):
    item = _section(_html(sample_site, MEETING_PAGE), 'id="item-3"', 'id="item-3-r1"')
    assert "Minutes approved: 12 June 2018" in _element(item, "refers").text


def test_movers_and_seconders_link_to_the_one_person_they_can_mean(sample_site):
    html = _html(sample_site, MEETING_PAGE)
    protocol = _element(html, "item-6-r2c")
    assert ("../../../people/bob-jones/", "Cllr Jones") in protocol.links  # the only Jones in the room
    assert ("../../../people/anne-smith/", "The Chair") in protocol.links
    cabinet = _element(_html(sample_site, CABINET_PAGE), "item-4-r1")
    assert ("../../../people/anne-smith/", "Cllr Smith") in cabinet.links
    # Cllr Jones sent apologies to that meeting: the seconder printed "Cllr Jones" is left as printed.
    assert "Seconded by: Cllr Jones" in cabinet.text
    assert not [link for link in cabinet.links if "bob-jones" in link[0]]


def _room(*people: str, chair: str | None = None, away: tuple[str, ...] = ()) -> Meeting:
    attendance = [Attendee(p, person=p, role="chair" if p == chair else "member") for p in people]
    attendance += [Attendee(p, person=p, status="apologies") for p in away]
    return Meeting("x/2025-01-01", "x", "2025-01-01", attendance=attendance)


@pytest.mark.parametrize(
    ("printed", "meeting", "person"),
    [
        ("Cllr Fairweather", _room("david-fairweather", "anne-patel"), "david-fairweather"),
        ("Cllr Patel", _room("anne-patel", "ravi-patel"), None),  # two Patels in the room
        ("Cllr A Patel", _room("anne-patel", "ravi-patel"), "anne-patel"),
        ("Councillor Ravi Patel", _room("anne-patel", "ravi-patel"), "ravi-patel"),
        ("Cllr Patel", _room("anne-patel", away=("ravi-patel",)), "anne-patel"),  # the other sent apologies
        ("Mr Meade", _room("mr-j-meade", "ms-j-meade"), "mr-j-meade"),  # ids that keep the form of address
        ("Ms Meade", _room("mr-j-meade", "ms-j-meade"), "ms-j-meade"),
        ("Mr Derek Murphy", _room("d-murphy"), "d-murphy"),
        ("Mr Rob Thomas", _room("r-j-thomas", "mr-d-robey"), "r-j-thomas"),
        ("Cllr Trudy", _room("trudy-mann"), None),  # a given name is not a surname
        ("Cllr Grant", _room("grant-tomkins", "anne-grant"), "anne-grant"),
        ("The Chairman", _room("b-j-sweetland", "a-m-ridgers", chair="b-j-sweetland"), "b-j-sweetland"),
        ("The Vice-Chairman", _room("b-j-sweetland", chair="b-j-sweetland"), None),
        ("The Leader", _room("r-gough"), None),
        ("Cllr Smith", _room(), None),
    ],
)
def test_a_printed_mover_is_the_one_person_in_the_room_it_can_mean(printed, meeting, person):
    assert person_of(printed, meeting) == person


# --- The decision register ---------------------------------------------------------------------


def test_the_register_has_a_row_for_every_resolution_with_outcome_and_action_status(sample_site):
    table = _tables(_html(sample_site, "decisions/2018/index.html"))[0]
    assert table.attrs["data-filters"] == "Committee,Outcome,Actions"
    assert table.header == ["Date", "Committee", "Item", "Label", "Decision", "Outcome", "Actions"]
    expected = [r for m in _export(sample_site)["meetings"] if m["date"].startswith("2018") for i in m["items"]
                if not i["exempt"] for r in i["resolutions"]]
    assert len(table.rows) == len(expected) == 7
    by_anchor = {row.links[1][0].rsplit("#", 1)[1]: row for row in table.rows}
    assert set(by_anchor) == {"item-3-r1", "item-6-r1", "item-6-r2a", "item-6-r2b", "item-6-r2c", "item-8-r1",
                              "item-4-r1"}
    assert by_anchor["item-6-r2a"].cells[1:] == [
        "Joint ICT Committee", "6. Update report", "(2)(a)", "That the datacentre link be procured.", "Carried",
        "followed up"]
    assert by_anchor["item-6-r2b"].cells[-1] == "overdue"
    assert by_anchor["item-6-r2c"].cells[-1] == "open status unknown"
    assert by_anchor["item-6-r1"].cells[-2:] == ["Noted", "—"]
    assert by_anchor["item-8-r1"].cells[-2] == "Lost"
    assert by_anchor["item-4-r1"].cells[:2] == ["20 November 2018", "Cabinet"]
    assert by_anchor["item-6-r2a"].links[1] == ("../../meetings/joint-ict/2018-10-16/#item-6-r2a", "6. Update report")
    assert by_anchor["item-6-r2a"].datetimes == ["2018-10-16"]
    # Newest first, as the page says (and as the script marks the Date column).
    dates = [row.datetimes[0] for row in table.rows]
    assert dates == sorted(dates, reverse=True) and table.attrs["data-sorted"] == "0:descending"


def test_the_register_shortens_long_decisions_and_escapes_them(sample_site):
    table = _tables(_html(sample_site, "decisions/2018/index.html"))[0]
    hostile = next(row for row in table.rows if row.links[1][0].endswith("#item-8-r1"))
    assert hostile.cells[4].startswith("# Heading * item 1. foo [click](javascript:alert(1)) <script>")
    assert len(hostile.cells[4]) <= 201
    assert fx.SECRET not in _html(sample_site, "decisions/2018/index.html")


def test_the_register_in_the_markdown_is_a_table_of_one_line_a_resolution(sample_site):
    # HTML (see raw_html.py), so that MkDocs does not read a big year's register as Markdown, cell by cell
    text = _markdown(sample_site, "decisions/2018/index.md")
    rows = [line for line in text.splitlines() if line.startswith("<tr><td><a href=") and "<time" in line]
    assert len(rows) == 7
    assert '<div class="archive-table" data-filters="Committee,Outcome,Actions" data-sorted="0:descending"' in text


# --- The follow-up tracker ---------------------------------------------------------------------


def test_the_tracker_lists_open_and_overdue_actions_oldest_first(sample_site):
    html = _html(sample_site, "followups/index.html")
    table = _tables(html)[0]
    assert table.header == ["Date", "Committee", "Decision", "Action", "Due", "Owner", "Status"]
    assert [(row.datetimes[0], row.cells[1], row.cells[3], row.cells[6]) for row in table.rows] == [
        ("2018-10-16", "Joint ICT Committee", "Review the budget", "overdue"),
        ("2018-10-16", "Joint ICT Committee", "Agree a data-sharing protocol", "open"),
        ("2018-11-20", "Cabinet", "Sign the contract", "open"),
    ]
    assert table.rows[1].cells[4:6] == ["30 June 2019", "Jane Officer"]
    assert table.rows[0].links[1] == ("../meetings/joint-ict/2018-10-16/#item-6-r2b",
                                      "6. Update report, resolution (2)(b)")
    text = _element(html, "article").text
    assert "3 actions are waiting for an answer: 1 overdue and 2 open, across 2 committees." in text
    for answered_or_hidden in ("Report back on the procurement", "Publish the protocol", "Tell staff", fx.SECRET):
        assert answered_or_hidden not in html


def test_the_tracker_is_in_the_navigation_and_on_the_home_page(sample_site):
    home = _element(_html(sample_site, "index.html"), "article")
    assert ("decisions/", "Decision register") in home.links and ("followups/", "Follow-up tracker") in home.links
    assert "3 actions waiting for an answer, 1 of them overdue, 2 open" in home.text
    assert '<a href="followups/" class="md-tabs__link">' in _html(sample_site, "index.html").replace("\n", "")


# --- Person pages ------------------------------------------------------------------------------


def _recorded(export: dict) -> dict[str, dict[str, Counter]]:
    """Person id -> committee name (and 'Total') -> counts of their attendance entries in the export."""
    names = {c["id"]: c["name"] for c in export["committees"]}
    found: dict[str, dict[str, Counter]] = {}
    for meeting in export["meetings"]:
        for attendee in meeting["attendance"]:
            if attendee.get("person"):
                status = "present" if attendee["status"] in ("present", "late", "left-early") else attendee["status"]
                for key in (names[meeting["committee"]], "Total"):
                    counts = found.setdefault(attendee["person"], {}).setdefault(key, Counter())
                    counts[status] += 1
                    counts["all"] += 1
    return found


def test_person_pages_count_attendance_per_committee_and_in_total_as_the_minutes_record_it(sample_site):
    recorded = _recorded(_export(sample_site))
    assert set(recorded) == {"anne-smith", "bob-jones", "evil-name", "jane-officer"}
    for person, expected in recorded.items():
        html = _html(sample_site, f"people/{person}/index.html")
        summary = _tables(html)[0]
        assert summary.header == ["Committee", "Present", "Apologies", "Absent", "Meetings"]
        shown = {row.cells[0]: [int(cell) for cell in row.cells[1:]] for row in summary.rows}
        assert shown == {key: [c["present"], c["apologies"], c["absent"], c["all"]] for key, c in expected.items()}
        # One row per attendance entry in the lists of meetings that follow, date linked to the meeting.
        listed = [row for table in _tables(html)[1:] if table.header == ["Date", "Attendance", "Role"]
                  for row in table.rows]
        assert len(listed) == expected["Total"]["all"]
        assert all(row.links and row.links[0][0].startswith("../../meetings/") for row in listed)
    bob = {row.cells[0]: row.cells[1:] for row in _tables(_html(sample_site, "people/bob-jones/index.html"))[0].rows}
    assert bob == {"Cabinet": ["0", "1", "0", "1"], "Joint ICT Committee": ["1", "0", "0", "1"],
                   "Total": ["1", "1", "0", "2"]}
    assert "Present counts arriving late and leaving early as present." in _html(sample_site,
                                                                                "people/evil-name/index.html")


def test_person_page_shows_roles_declarations_and_decisions_moved_or_seconded(sample_site):
    html = _html(sample_site, "people/anne-smith/index.html")
    text = _element(html, "article").text
    assert "Cabinet: member at 1 meeting" in text
    assert "Joint ICT Committee: Chair at 1 meeting; listed as Chair in the papers of 16 October 2018" in text
    assert "Also written as: Councillor A Smith" in text
    declarations = next(t for t in _tables(html) if t.header == ["Meeting", "Item", "Declaration"])
    assert declarations.rows[0].cells == ["Cabinet, 20 November 2018", "4. Datacentre link procurement",
                                          "Personal interest: a member of the Joint ICT Committee."]
    assert declarations.rows[0].links[1] == ("../../meetings/cabinet/2018-11-20/#item-4",
                                             "4. Datacentre link procurement")
    moved = next(t for t in _tables(html) if t.header[-2:] == ["Moved or seconded", "Outcome"])
    assert [(row.links[1][0].rsplit("#", 1)[1], row.cells[3]) for row in moved.rows] == [
        ("item-6-r2a", "moved"), ("item-6-r2c", "seconded"), ("item-4-r1", "moved")]
    bob = _tables(_html(sample_site, "people/bob-jones/index.html"))
    bob_moved = next(t for t in bob if t.header[-2:] == ["Moved or seconded", "Outcome"])
    # Not the Cabinet resolution: he sent apologies, so "Cllr Jones" there cannot be him.
    assert [(row.links[1][0].rsplit("#", 1)[1], row.cells[3]) for row in bob_moved.rows] == [
        ("item-6-r2a", "seconded"), ("item-6-r2c", "moved")]


def test_people_index_has_committees_and_counts(sample_site):
    table = _tables(_html(sample_site, "people/index.html"))[0]
    assert table.header == ["Name", "Organisation", "Committees", "Present", "Apologies", "Absent", "Meetings"]
    rows = {row.cells[0]: row.cells for row in table.rows}
    assert rows["Cllr Bob Jones"][2:] == ["Cabinet, Joint ICT Committee", "1", "1", "0", "2"]
    assert rows["Cllr Anne Smith"][2:] == ["Cabinet, Joint ICT Committee", "2", "0", "0", "2"]


# --- Committee pages ---------------------------------------------------------------------------


def test_committee_page_shows_members_series_and_open_actions(sample_site):
    html = _html(sample_site, "committees/joint-ict/index.html")
    members = _element(html, "article").text
    assert "As the papers of the meeting of 16 October 2018 list them" in members
    tables = _tables(html)
    roster = next(t for t in tables if t.header[:2] == ["Name", "Role"])
    assert [row.cells[:2] for row in roster.rows] == [["Cllr Anne Smith", "Chair"], ["Cllr Bob Jones", "Member"],
                                                     ["Cllr Carol White", "Member"]]
    series = _element(html, "series-update-report")  # the heading the meeting pages link to
    assert series.text.startswith("Update report")
    history = next(t for t in tables if t.header == ["Date", "Item", "Resolutions"])
    assert [row.datetimes[0] for row in history.rows] == ["2018-10-16", "2019-03-12"]
    assert history.rows[0].cells[1:] == ["6. Update report",
                                         "(1) Noted; (2)(a) Carried; (2)(b) Carried; (2)(c) Carried"]
    assert ("../../meetings/joint-ict/2018-10-16/#item-6-r2b", "(2)(b) Carried") in history.rows[0].links
    assert history.rows[1].cells[2] == "no resolution"
    waiting = next(t for t in tables if t.header[-1] == "Status")
    assert [(row.cells[2], row.cells[-1]) for row in waiting.rows] == [
        ("Review the budget", "overdue"), ("Agree a data-sharing protocol", "open")]
    assert "Sign the contract" not in html  # Cabinet's action is on Cabinet's page


def test_committee_without_a_membership_list_names_last_years_members_from_attendance(sample_site):
    html = _html(sample_site, "committees/cabinet/index.html")
    roster = next(t for t in _tables(html) if t.header[:2] == ["Name", "Role"])
    assert [row.cells for row in roster.rows] == [["Cllr Anne Smith", "Member", "present at 1"],
                                                  ["Cllr Bob Jones", "Member", "present at 0, apologies 1"]]
    waiting = next(t for t in _tables(html) if t.header[-1] == "Status")
    assert [row.cells[2] for row in waiting.rows] == ["Sign the contract"]
    assert "No item of this committee recurs from meeting to meeting." in html


# --- Nothing exempt ----------------------------------------------------------------------------


def test_links_to_and_from_an_exempt_item_are_never_shown(sample_site):
    for path, text in sample_site.files.pages.items():
        if not path.endswith(".md"):
            continue  # the open data export is export.py's to redact
        assert fx.EXEMPT_LINK_EVIDENCE not in text, path
        assert "item-7-r1" not in text, path
    for path in sample_site.site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert fx.EXEMPT_LINK_EVIDENCE not in html and "#item-7-r1" not in html, path
    scheduled = _section(_html(sample_site, SCHEDULED_PAGE), 'id="item-5"', "</article>")
    assert "Staffing matter" not in scheduled


# --- Helpers -----------------------------------------------------------------------------------


def _section(html: str, start: str, end: str) -> str:
    """The HTML from the element holding `start` to `end`, wrapped so `_element` can find its parts by
    class: 'follows', 'refers', 'series' name the item's blocks."""
    fragment = html[html.rindex("<", 0, html.index(start)): html.index(end, html.index(start))]
    for name in ("follows", "refers", "series"):
        fragment = fragment.replace(f'class="archive-{name}"', f'class="archive-{name}" id="{name}"', 1)
    return fragment


class _Row:
    def __init__(self) -> None:
        self.cells: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.datetimes: list[str] = []


class _Table:
    def __init__(self, attrs: dict) -> None:
        self.attrs = attrs  # the attributes of the div.archive-table around it, if any
        self.header: list[str] = []
        self.rows: list[_Row] = []


class _Tables(HTMLParser):
    """Every table of a page: header texts, and per row the cells' texts, links and <time> dates."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[_Table] = []
        self._wrapper: dict = {}
        self._row: _Row | None = None
        self._cell: list[str] | None = None
        self._href: str | None = None
        self._link: list[str] = []
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and "archive-table" in (attributes.get("class") or "").split():
            self._wrapper = attributes
        elif tag == "table":
            self.tables.append(_Table(self._wrapper))
            self._wrapper = {}
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = _Row()
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and self._cell is not None:
            self._href, self._link = attributes.get("href"), []
        elif tag == "time" and self._row is not None:
            self._row.datetimes.append(attributes.get("datetime"))

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "a" and self._href is not None and self._row is not None:
            self._row.links.append((self._href, " ".join("".join(self._link).split())))
            self._href = None
        elif tag == "tr" and self._row is not None and self.tables:
            if self._in_head:
                self.tables[-1].header = self._row.cells
            else:
                self.tables[-1].rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._href is not None:
            self._link.append(data)


def _tables(html: str) -> list[_Table]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables

