"""How boards record what they did, beyond a RESOLVED: two sittings of a board on one day, a portal's
record of each vote among amendments, and the town-board forms of a motion. The documents are written
for these tests (tests/documents/), each tempting a wrong reading: a vote given to a withdrawn motion,
two meetings taken for one, an agenda's private item published through the minutes."""

from __future__ import annotations

import json
from pathlib import Path

from clerk_archive import archive, new_archive

from archive_builder.extract import extract
from archive_builder.model import Line
from archive_builder.parse import parse_extraction
from archive_builder.parse.resolutions import read_decisions

DOCUMENTS = Path(__file__).parent / "documents"
BOARD = "lakeport-regional-transit-district-board-of-directors"


def _document(name: str) -> str:
    return (DOCUMENTS / name).read_text(encoding="utf-8")


def _april(approves: str) -> str:
    """The regular minutes moved to April, approving what `approves` names."""
    return _document("us-transit-board-minutes.txt").replace("March 11, 2025", "April 8, 2025").replace(
        "The minutes of the February 11, 2025 meeting were approved as presented.",
        f"The minutes of the {approves} were approved as presented.")


def _export(tmp_path: Path, files: dict[str, str]) -> dict:
    root = new_archive(tmp_path / "archive", files)
    return json.loads(archive(root, "export").stdout)


def _day(tmp_path: Path, april: str) -> dict:
    return _export(tmp_path, {
        "2025-03-11_special_minutes.txt": _document("us-transit-board-special-minutes.txt"),
        "2025-03-11_special_agenda.txt": _document("us-transit-board-special-agenda.txt"),
        "2025-03-11_minutes.txt": _document("us-transit-board-minutes.txt"),
        "2025-04-08_minutes.txt": april,
    })


class TestTwoSittingsOnOneDay:
    """A special meeting at 4 pm and the regular one at 5.30, both of the Board, both on 11 March."""

    def test_each_is_a_meeting_of_its_own(self, tmp_path):
        export = _day(tmp_path, _april("March 11, 2025, Special Board Meeting and Board Meeting"))
        march = {m["id"]: m for m in export["meetings"] if m["date"] == "2025-03-11"}
        # The ordinary meeting keeps the plain address; the special one is told apart by its time.
        assert sorted(march) == [f"{BOARD}/2025-03-11", f"{BOARD}/2025-03-11-1600"]
        special, regular = march[f"{BOARD}/2025-03-11-1600"], march[f"{BOARD}/2025-03-11"]
        assert (special["start_time"], regular["start_time"]) == ("16:00", "17:30")
        assert [i["title"] for i in special["items"]] == ["Call to Order", "Executive Session", "Adjourn"]
        assert "Fare Study" in [i["title"] for i in regular["items"]]
        # each document with its own sitting: the special agenda, though it has no minutes' words
        by_file = {d["source"]: d["meeting"] for d in export["documents"]}
        assert by_file["2025-03-11_special_agenda.txt"] == f"{BOARD}/2025-03-11-1600"
        assert by_file["2025-03-11_minutes.txt"] == f"{BOARD}/2025-03-11"

    def test_an_approval_naming_both_links_both(self, tmp_path):
        export = _day(tmp_path, _april("March 11, 2025, Special Board Meeting and Board Meeting"))
        approved = sorted(l["to"] for l in export["links"] if l["kind"] == "approves-minutes" and "2025-04-08" in l["from"])
        assert approved == [f"{BOARD}/2025-03-11", f"{BOARD}/2025-03-11-1600"]

    def test_an_approval_naming_one_links_that_one(self, tmp_path):
        export = _day(tmp_path, _april("March 11, 2025, Special Board Meeting"))
        approved = [l["to"] for l in export["links"] if l["kind"] == "approves-minutes" and "2025-04-08" in l["from"]]
        assert approved == [f"{BOARD}/2025-03-11-1600"]
        export = _day(tmp_path / "plain", _april("March 11, 2025 meeting"))
        approved = [l["to"] for l in export["links"] if l["kind"] == "approves-minutes" and "2025-04-08" in l["from"]]
        assert approved == [f"{BOARD}/2025-03-11"]  # a bare date: the ordinary meeting, not a guess at both

    def test_the_minuted_move_into_executive_session_is_published_and_nothing_of_the_agendas(self, tmp_path):
        export = _day(tmp_path, _april("March 11, 2025 meeting"))
        special = next(m for m in export["meetings"] if m["id"].endswith("-1600"))
        session = special["items"][1]
        assert not session["exempt"]
        assert [(r["text"], r["outcome"]) for r in session["resolutions"]] == [
            ("Director Ruiz made the motion to adjourn into Executive Session. The motion PASSED.", "carried")]
        # The agenda's own words under the private heading stay withheld, wherever they might show.
        assert "Canary" not in json.dumps(export)


def test_papers_that_disagree_on_the_time_are_still_one_meeting(tmp_path):
    """The agenda says 5:00 PM and the minutes 5:30 PM; a second agenda moves the time: one meeting each."""
    minutes = _document("us-transit-board-minutes.txt")
    agenda = _document("us-transit-board-agenda.txt").replace("April 8, 2025", "March 11, 2025")
    assert "March 11, 2025" in agenda
    export = _export(tmp_path, {"agenda.txt": agenda.replace("5:30 PM", "5:00 PM"), "minutes.txt": minutes})
    assert [(m["id"], m["start_time"]) for m in export["meetings"] if m["status"] == "held"] == [
        (f"{BOARD}/2025-03-11", "17:30")]
    export = _export(tmp_path / "two", {"a.txt": agenda, "b.txt": agenda.replace("5:30 PM", "6:00 PM")})
    assert [m["id"] for m in export["meetings"] if m["status"] == "scheduled"] == [f"{BOARD}/2025-03-11"]


def _decisions(text: str, meeting_date: str = "2025-03-11") -> list:
    """The decisions of an item's text, each with the actions it sets, as the parser gives them."""
    from archive_builder.parse.actions import actions_in

    found = read_decisions([Line(line, 1) for line in text.splitlines()], "Recommended Action").resolutions
    for resolution in found:
        resolution.actions = [] if resolution.outcome in ("lost", "deferred") else actions_in(resolution.text, meeting_date)
    return found


AMENDED = """Motion:

Director Ruiz made the motion to approve the 2025 Short-term Goals.
Director Kim seconded the motion.
Motion To Amend:

Director Olsen made the motion to amend Goal #2 to raise the ridership target.
Director Kim seconded the motion.
VOTE ON THE MOTION TO AMEND
RESULT:
PASSED [3 TO 2]
MOVER:
Peter Olsen, Director, District 2
SECONDER: Grace Kim, Director, District 4
AYES:
Olsen, Kim, Ruiz
NAYS:
Delgado, Whitfield
Chair Delgado declared the motion to amend PASSED.
Motion To Amend:

Director Whitfield made the motion to remove Goal #3.
Director Olsen seconded the motion.
Director Whitfield withdrew the motion to amend.

VOTE ON THE MAIN MOTION AS AMENDED
RESULT:
ADOPTED AS AMENDED [4 TO 1]
AYES:
Delgado, Kim, Olsen, Ruiz
NAYS:
Whitfield
Chair Delgado declared the main motion, as amended, PASSED.
"""


def test_each_vote_goes_to_the_motion_it_decided():
    main, amendment, withdrawn = _decisions(AMENDED)
    assert (main.mover, main.outcome, main.votes.for_, main.votes.against) == ("Director Ruiz", "carried", 4, 1)
    assert main.text == ("Director Ruiz made the motion to approve the 2025 Short-term Goals. ADOPTED AS AMENDED [4 TO 1] "
                         "Chair Delgado declared the main motion, as amended, PASSED.")
    assert (amendment.mover, amendment.outcome, amendment.votes.for_) == ("Director Olsen", "carried", 3)
    assert amendment.text.endswith("Chair Delgado declared the motion to amend PASSED.")
    # The withdrawn amendment fell without a vote: the main motion's 4 to 1 is not its.
    assert (withdrawn.mover, withdrawn.outcome, withdrawn.votes) == ("Director Whitfield", "lost", None)
    assert withdrawn.text.endswith("Director Whitfield withdrew the motion to amend.")


def test_town_board_motions():
    text = ("Gary Lund offered a resolution, supported by Anne Berg to give the clerk the right to apply for the "
            "election grant. Upon a roll call vote Anne Berg yea, Gary Lund yea, and Joe Marsh yea with the nay vote "
            "being zero the resolution was passed.\n\n"
            "Motion by Joe Marsh, second by Anne Berg to change the meetings for the next two months. The new meeting "
            "dates are May 12 and June 9 at 7:00 pm. Motion carried.\n\n"
            "Joe Marsh suggested that the board look at the grader. The board will think about it.\n")
    grant, dates = _decisions(text)
    assert (grant.mover, grant.seconder, grant.outcome) == ("Gary Lund", "Anne Berg", "carried")
    assert grant.text.startswith("Gary Lund offered a resolution")
    assert (dates.mover, dates.outcome) == ("Joe Marsh", "carried")
    assert dates.text.endswith("The new meeting dates are May 12 and June 9 at 7:00 pm.")  # what the motion set


def test_meetings_approved_under_a_heading_of_minutes(tmp_path):
    """"to approve the emergency meeting on March 24" (no year, no word "minutes") under MINUTES."""
    town = _document("us-town-board-minutes.md")
    april = town.replace(
        "to approve the March board minutes",
        "to approve the emergency meeting on March 24.  Motion carried.  Motion by Joe Marsh, second by Anne Berg "
        "to approve the meeting dates for the summer")
    march = town.replace("April 14, 2025", "March 24, 2025")
    assert april != town
    export = _export(tmp_path, {"2025-03-24_minutes.md": march, "2025-04-14_minutes.md": april})
    approvals = [(l["from"].split("/")[1], l["to"]) for l in export["links"] if l["kind"] == "approves-minutes"]
    assert approvals == [("2025-04-14", "town-of-cedar-hollow/2025-03-24")]  # "meeting dates" approve no meeting


def test_apologies_in_an_item_of_their_own_late_in_the_order_of_business(tmp_path):
    text = ("Glenbrae Community Council\nMinutes of a Meeting held on Tuesday 4 March 2025 at 7.00pm in Glenbrae Hall\n"
            "Present Alison Reid AR Callum Ross CR\n\n1. Welcome\nThe Chair welcomed all.\n\n2. Police Report\nNothing.\n\n"
            "3. Planning\nNo applications.\n\n4. Open Forum\nThe chair apologised for the late start.\n\n"
            "5. Apologies for Absence\nApologies for absence were received from Morag Innes and Iain\nMunro.\n\n"
            "6. Roads\nPotholes on Mill Road; apologies from the council for the delay were read.\n")
    path = tmp_path / "2025-03-04_minutes.txt"
    path.write_text(text, encoding="utf-8")
    (facts,) = parse_extraction(extract(path, path.name), "minutes")
    assert [a.name for a in facts.attendance if a.status == "apologies"] == ["Morag Innes", "Iain Munro"]


def test_the_site_tells_the_two_sittings_apart(tmp_path):
    root = new_archive(tmp_path / "archive", {
        "2025-03-11_special_minutes.txt": _document("us-transit-board-special-minutes.txt"),
        "2025-03-11_minutes.txt": _document("us-transit-board-minutes.txt"),
    })
    assert archive(root, "build", "--no-publish").exit_code == 0
    pages = root / "docs" / "meetings" / BOARD
    import frontmatter

    special = frontmatter.load(pages / "2025-03-11-1600" / "index.md")
    regular = frontmatter.load(pages / "2025-03-11" / "index.md")
    assert special["title"].endswith("Tuesday 11 March 2025 (Special Board Meeting)")
    assert regular["title"].endswith("Tuesday 11 March 2025")
    listing = (root / "docs" / "meetings" / "index.md").read_text(encoding="utf-8")
    assert "Tuesday 11 March 2025 (Special Board Meeting)" in listing


def test_what_a_meeting_sent_on_to_a_later_one():
    referral, postponed = _decisions(
        "Motion To Move To a Date Certain:\n\nDirector Kim made the motion to refer this item back to the April 2025 "
        "Executive Committee.\nDirector Olsen seconded the motion.\nRESULT:\nPASSED [5 TO 0]\n\n"
        "Motion to\nPostpone:\n\nDirector Ruiz made the motion to postpone this item to the May 2025 Finance Committee.\n"
        "Director Kim seconded the motion.\n\nDirectors Ruiz and Kim withdrew the motion.\n")
    assert referral.text.startswith("Director Kim made the motion to refer")  # the portal's label is no part of it
    assert [(a.owner, a.due) for a in referral.actions] == [(None, "2025-04")]
    assert (postponed.outcome, postponed.actions) == ("lost", [])  # withdrawn: it sends nothing on
    assert postponed.text.endswith("Directors Ruiz and Kim withdrew the motion.")


def test_undertakings_after_a_motion_in_the_same_paragraph_and_invitations():
    found = _decisions(
        "Motion by Dick Lund, second by Anne Berg to approve the April minutes.  Motion carried.  "
        "Anne Berg said she will bring the draft notices to the May board meeting.\n\n"
        "Bill Stewart would be invited to address the proposal at the June meeting of the council.\n\n"
        "It was agreed that a special meeting would be organised in September 2025 to start planning.\n")
    assert [(r.text, [(a.owner, a.due) for a in r.actions]) for r in found] == [
        ("Motion by Dick Lund, second by Anne Berg to approve the April minutes.", []),
        ("Anne Berg said she will bring the draft notices to the May board meeting.", [(None, "2025-05")]),
        ("Bill Stewart would be invited to address the proposal at the June meeting of the council.", [(None, "2025-06")]),
        ("It was agreed that a special meeting would be organised in September 2025 to start planning.",
         [(None, "2025-09")]),
    ]


def test_votes_by_name():
    """ "AYES: Lee, Kim, Park. NAYS: Cho." and a roll call read out give the counts and who voted how;
    a list of ayes alone says nothing of the nays."""
    listed, called, ayes_only = (_decisions(text)[0] for text in (
        "Moved by Councilmember Lee, seconded by Councilmember Kim, to adopt the budget. AYES: Lee, Kim, Park. "
        "NAYS: Cho. Motion carried.",
        "Gary Lund offered a resolution, supported by Anne Berg to apply for the grant. Upon a roll call vote Anne "
        "Berg yea, Gary Lund yea, and Joe Marsh nay the resolution was passed.",
        "Moved by Councilmember Lee, seconded by Councilmember Kim, to adopt the budget. Ayes: Lee, Kim. Motion carried."))
    assert (listed.votes.for_, listed.votes.against, listed.votes.names) == (
        3, 1, {"for": ["Lee", "Kim", "Park"], "against": ["Cho"]})
    assert (called.mover, called.seconder, called.outcome) == ("Gary Lund", "Anne Berg", "carried")
    assert (called.votes.for_, called.votes.against, called.votes.names["against"]) == (2, 1, ["Joe Marsh"])
    assert (ayes_only.votes.for_, ayes_only.votes.against) == (2, None)


def test_dates_and_honorifics_as_other_countries_write_them():
    from archive_builder.dates import find_dates
    from archive_builder.parse.names import parse_name

    assert [d.iso for d in find_dates("Monday, 19TH SEPTEMBER, 2022; the 2nd day of January, 2024; January 2, 2024")] == [
        "2022-09-19", "2024-01-02", "2024-01-02"]
    name = parse_name("Cr Jane Smith")  # Australia and New Zealand
    assert (name.honorific, name.surname) == ("Cr", "Smith")


CITY_AGENDA = """CITY OF LAKEWOOD
CITY COUNCIL REGULAR MEETING AGENDA
Tuesday, March 11, 2025 - 7:00 PM
Council Chambers, 480 S. Allison Parkway

1. CALL TO ORDER
2. ROLL CALL
3. APPROVAL OF MINUTES
4. CONSENT AGENDA
4.1 Contract for street sweeping services
4.2 Purchase of two snow plows
4.3 Appointment to the Library Board
5. PUBLIC HEARINGS
5.1 Ordinance 2025-07 amending the zoning code
6. ADJOURNMENT
"""


def test_a_consent_agenda_adopted_in_one_motion_decides_each_of_its_items(tmp_path):
    export = _export(tmp_path, {"agenda.txt": CITY_AGENDA, "minutes.txt": _document("us-city-council-minutes.txt")})
    (meeting,) = [m for m in export["meetings"] if m["status"] == "held"]
    decided = {i["number"]: i["resolutions"] for i in meeting["items"]}
    for number in ("4.1", "4.2", "4.3"):
        (resolution,) = decided[number]
        assert resolution["text"].startswith("Approved on the consent agenda, in one motion with items 4.1 to 4.3")
        assert (resolution["outcome"], resolution["mover"], resolution["votes"]["for"]) == (
            "carried", "Councilmember Patel", 4)
    assert [i["number"] for i in meeting["items"]][3:7] == ["4", "4.1", "4.2", "4.3"]
    assert [r["text"][:40] for r in decided["5"]] == ["Moved by Councilmember Lee, seconded by "]  # outside the range
    assert [i["title"] for i in meeting["items"]][4:7] == [
        "Contract for street sweeping services", "Purchase of two snow plows", "Appointment to the Library Board"]


def test_what_tempts_a_wrong_reading_stays_unread():
    """A decision of another meeting told or quoted in the minutes, officers listed like members, and
    numbered paragraphs inside an item: only this meeting's one decision, its three items, its members."""
    path = DOCUMENTS / "tempting-planning-minutes.txt"
    (facts,) = parse_extraction(extract(path, path.name), "minutes")
    assert [(i.number, i.title) for i in facts.items] == [
        ("1", "Apologies"), ("2", "Planning Application 25/0012 - Mill Lane"), ("3", "Any Other Business")]
    assert [r.text for i in facts.items for r in i.resolutions] == ["Planning permission be refused."]
    assert [(a.name, a.role) for a in facts.attendance] == [
        ("Cllr Ann Example", "chair"), ("Cllr Bob Smith", "member"), ("Cllr Carol Jones", "member"),
        ("Jane Roe", "officer"), ("John Smith", "officer")]


def test_movers_named_as_irish_and_canadian_minutes_name_them():
    canadian, irish = (_decisions(text)[0] for text in (
        "R2024-018 S. Kirkey, S. Foote: THAT the minutes of the regular meeting of January 8, 2024 be adopted as "
        "circulated. Carried.",
        "The draft minutes were adopted on the proposal of Cllr. J. Scanlan, seconded by Cllr. J. Egan and unanimously "
        "agreed."))
    assert (canadian.label, canadian.mover, canadian.seconder, canadian.outcome) == (
        "R2024-018", "S. Kirkey", "S. Foote", "carried")
    assert canadian.text.startswith("THAT the minutes of the regular meeting")
    assert (irish.mover, irish.seconder, irish.outcome) == ("Cllr. J. Scanlan", "Cllr. J. Egan", "carried")
    assert _decisions("Smith, Jones: That is all we know.") == []  # two names and a colon are no motion


def test_members_listed_as_irish_and_australian_minutes_list_them():
    from archive_builder.parse.attendance import read_attendance

    def attendance(*lines: str) -> list[tuple[str, str]]:
        return [(a.name, a.role) for a in read_attendance([Line(text, 1) for text in lines], [])]

    assert attendance("MEMBERS PRESENT:", "Councillors: Daniel Butler, John Egan, Sheahan (M) and Sheehan (C).") == [
        ("Daniel Butler", "member"), ("John Egan", "member"), ("M Sheahan", "member"), ("C Sheehan", "member")]
    assert attendance("PRESENT IN THE CHAIR: Mayor Cr Jane Smith") == [("Mayor Cr Jane Smith", "chair")]
    # with an honorific, a letter in brackets is more often a party than an initial: left as printed beside it
    assert attendance("Present: Cllr Smith (C), Cllr Jones (L)") == [("Cllr Smith", "member"), ("Cllr Jones", "member")]


def test_a_portals_heads_and_numbering():
    """The start time alone on a line under the date, a short agenda that never says "agenda", and
    Roman numerals with the title on the same line."""
    from archive_builder.parse.items import find_items

    path = DOCUMENTS / "us-transit-board-special-agenda.txt"
    (agenda,) = parse_extraction(extract(path, path.name), "agenda")
    assert (agenda.document.kind, agenda.start_time, agenda.meeting_title) == ("agenda", "16:00", "Special Board Meeting")
    lines = [Line(text, 1) for text in ["BOARD MEETING", "XIII.", "Approval of Minutes", "XIV. Chair's Report",
                                        "Presented by Chair Delgado.", "XV. General Manager's Report", "None."]]
    assert [(b.number, b.title) for b in find_items(lines).items] == [
        ("XIII", "Approval of Minutes"), ("XIV", "Chair's Report"), ("XV", "General Manager's Report")]


def test_minutes_named_by_month_among_other_meetings_approved_in_one_motion():
    from archive_builder.model import Item, Resolution
    from archive_builder.parse.references import read_references

    item = Item(id="", number=None, title="MINUTES/DISBURSEMENTS", resolutions=[Resolution(
        id="", text="Motion by Dick Lund, second by Anne Berg to approve the reorganized meeting and the March "
                    "monthly meeting.")])
    assert [(r.kind, r.month) for r in read_references([item], ["Town of Cedar Hollow"], "2025-04-14")] == [
        ("approves-minutes", "2025-03")]
