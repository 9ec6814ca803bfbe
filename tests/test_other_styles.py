"""Minutes written the ways other councils write them (see ../shared/corpus/README.md, "Styles beyond
these folders"): the builder reads the general pattern, not the three corpora it was developed on.
The documents in tests/documents/ were written for these tests, each in one council's style."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from archive_builder.extract import extract
from archive_builder.model import Line
from archive_builder.parse import parse_extraction

DOCUMENTS = Path(__file__).parent / "documents"


@cache
def facts_of(name: str):
    path = DOCUMENTS / name
    (facts,) = parse_extraction(extract(path, name), Path(name).stem)
    return facts


def decisions(facts) -> list:
    return [r for item in facts.items for r in item.resolutions]


def people(facts, status: str, role: str | None = None) -> list[str]:
    return [a.name for a in facts.attendance if a.status == status and (role is None or a.role == role)]


class TestIrishCountyCouncil:
    """PRESENT IN THE CHAIR / MEMBERS PRESENT / OFFICIALS IN ATTENDANCE; Proposed; Seconded; And Resolved."""

    @pytest.fixture
    def facts(self):
        return facts_of("irish-county-council-minutes.txt")

    def test_meeting(self, facts):
        assert (facts.document.kind, facts.committee_name, facts.date, facts.start_time) == (
            "minutes", "Kilbracken County Council", "2025-02-24", "14:00")

    def test_attendance(self, facts):
        assert people(facts, "present", "chair") == ["Councillor Kevin Byrne"]
        assert len(people(facts, "present", "member")) == 6
        assert people(facts, "present", "officer") == ["Ms Sonya Kavanagh", "Mr John Boland", "Ms Ann Moran"]

    def test_proposed_seconded_and_resolved(self, facts):
        adoption, disposal, next_meeting = decisions(facts)
        assert (adoption.mover, adoption.seconder) == ("Councillor Aoife Breen", "Councillor Ciara Dunne")
        assert adoption.text == "That the minutes of the monthly meeting held on 27 January 2025 be adopted."
        assert (disposal.votes.for_, disposal.votes.against, disposal.votes.abstain) == (5, 1, 0)
        assert disposal.text.startswith("That the disposal of land at Main Street")
        assert "next monthly meeting be held on Monday 31 March 2025" in next_meeting.text

    def test_references(self, facts):
        assert {(r.kind, r.date) for r in facts.references} == {("approves-minutes", "2025-01-27"), ("next-meeting", "2025-03-31")}


class TestCanadianTownCouncil:
    """Items under headings in capitals, numbered resolutions "R2025-031 Moved by ... THAT ... Carried."."""

    @pytest.fixture
    def facts(self):
        return facts_of("canadian-town-council-minutes.txt")

    def test_meeting(self, facts):
        assert (facts.committee_name, facts.date, facts.start_time) == ("Town of Maple Falls Council", "2025-03-03", "18:00")
        assert facts.venue == "Council Chambers, Town Hall, 77 Beckwith Street"

    def test_present_absent_and_staff_on_separate_lines(self, facts):
        assert people(facts, "absent") == ["Councillor Dawn Quinn"]
        assert people(facts, "present", "officer") == ["Kerry Costello", "Malcolm Morris"]
        assert len(people(facts, "present")) == 6

    def test_items_from_headings_not_the_letterhead(self, facts):
        assert [i.title for i in facts.items] == ["Call to Order", "Adoption of Agenda", "Adoption of Minutes", "By-laws", "Adjournment"]

    def test_numbered_resolutions(self, facts):
        found = decisions(facts)
        assert [r.label for r in found] == ["R2025-031", "R2025-032", "R2025-033", "R2025-034"]
        assert all(r.outcome == "carried" for r in found)
        assert found[2].text.startswith("THAT By-law 2025-014")
        assert (found[2].mover, found[2].seconder) == ("Councillor McKenna", "Councillor Cummings")

    def test_the_minutes_adopted(self, facts):
        assert [(r.kind, r.date) for r in facts.references] == [("approves-minutes", "2025-02-18")]


class TestUSCityCouncil:
    """Roll call inside an item, "Moved by X, seconded by Y, to ...", "Motion carried 3-1"."""

    @pytest.fixture
    def facts(self):
        return facts_of("us-city-council-minutes.txt")

    def test_meeting(self, facts):
        assert (facts.committee_name, facts.date, facts.start_time) == ("Lakewood City Council", "2025-03-11", "19:00")

    def test_roll_call(self, facts):
        assert people(facts, "absent") == ["Councilmember Tom Brown"]
        assert "Councilmember Sarah Lee" in people(facts, "present")

    def test_motions_with_their_scores(self, facts):
        found = decisions(facts)
        assert [(r.votes.for_, r.votes.against) for r in found] == [(4, 0), (4, 0), (3, 1)]
        assert all(r.outcome == "carried" for r in found)
        assert (found[2].mover, found[2].seconder) == ("Councilmember Lee", "Councilmember Jones")
        assert [i.title for i in facts.items][:3] == ["Call to Order", "Roll Call", "Approval of Minutes"]


class TestModernGovWebPage:
    """A whole ModernGov "Agenda, decisions and minutes" page: navigation and scripts around the items."""

    @pytest.fixture
    def facts(self):
        return facts_of("moderngov-minutes-page.html")

    def test_meeting(self, facts):
        assert (facts.document.kind, facts.committee_name, facts.date, facts.start_time) == (
            "minutes", "Planning Committee", "2025-03-12", "19:00")
        assert facts.venue == "Council Chamber, Riverside Civic Centre"

    def test_items_and_decisions(self, facts):
        assert [(i.number, i.title) for i in facts.items] == [
            ("45", "Apologies for absence"),
            ("46", "Minutes of the previous meeting"),
            ("47", "24/01234/FUL - Land at Mill Lane, erection of 12 dwellings"),
        ]
        application = facts.items[2]
        assert [r.text for r in application.resolutions] == [
            "Planning permission be granted subject to the conditions set out in the report."]
        assert application.text == "The Planning Officer presented the report."

    def test_nothing_of_the_site_around_it(self, facts):
        text = "\n".join(facts.document.text_pages)
        assert "Council and democracy" not in text and "do-not-show" not in text and "Cookie" not in text

    def test_apologies(self, facts):
        assert people(facts, "apologies") == ["Councillor Jane Doe"]


def test_a_cancelled_meeting_page(tmp_path):
    from archive_builder.assemble.meetings import assemble
    from archive_builder.config import Config

    facts = facts_of("moderngov-cancelled-meeting.html")
    assert (facts.committee_name, facts.date, facts.status) == ("Licensing Committee", "2025-04-08", "cancelled")
    archive = assemble([facts], Config(root=tmp_path))
    assert [(m.id, m.status) for m in archive.meetings] == [("licensing-committee/2025-04-08", "cancelled")]


def test_a_date_wrapped_onto_the_next_line_is_the_meeting_date(tmp_path):
    """A PDF wraps "... on Monday 11 August" / "2014." where the line is full: still the meeting's date."""
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "WESTBRIDGE DISTRICT COUNCIL\nCABINET\n"
        "MINUTES of a meeting of the Cabinet held in the Council Chamber, Civic Centre, Westbridge on Monday 11 August\n"
        "2014.\nPRESENT: Cllr Tom Gupta (Chair), Cllr Nina Dawson\n"
        "1. Apologies for Absence\nThere were none.\n",
        encoding="utf-8",
    )
    (facts,) = parse_extraction(extract(minutes, minutes.name), "minutes")
    assert facts.date == "2014-08-11"


class TestBodiesNamedByTheirOrganisation:
    """A US transit board whose head prints its district's name and then only "BOARD OF DIRECTORS", and a
    town board whose minutes name only the town: each is the body that met, not a venue in the text."""

    def test_the_district_over_its_generic_board(self):
        facts = facts_of("us-transit-board-minutes.txt")
        assert (facts.committee_name, facts.date, facts.start_time) == (
            "Lakeport Regional Transit District Board of Directors", "2025-03-11", "17:30")

    def test_the_town_alone(self):
        facts = facts_of("us-town-board-minutes.md")
        assert (facts.committee_name, facts.date) == ("Town of Cedar Hollow", "2025-04-14")

    def test_a_minutes_item_approves_only_what_it_says_of_minutes(self):
        """A bank balance "on February 28" under "Treasurer's Report and Minutes" is no meeting approved."""
        transit = facts_of("us-transit-board-minutes.txt")
        assert [(r.kind, r.date) for r in transit.references if r.kind == "approves-minutes"] == [("approves-minutes", "2025-02-11")]
        town = facts_of("us-town-board-minutes.md")
        assert [(r.date, r.month) for r in town.references if r.kind == "approves-minutes"] == [(None, "2025-03")]

    def test_items_numbered_alone_on_their_line(self):
        """Granicus prints "I." on a line and the title on the next."""
        transit = facts_of("us-transit-board-minutes.txt")
        assert [(i.number, i.title) for i in transit.items] == [
            ("I", "Call to Order"), ("II", "Treasurer's Report and Minutes"), ("III", "Approval of Committee Minutes"),
            ("IV", "Fare Study")]

    def test_minutes_of_another_body_named_after_their_date_are_not_approved_as_the_boards(self):
        transit = facts_of("us-transit-board-minutes.txt")
        assert [(r.kind, r.date, r.committee_name) for r in transit.references if r.date == "2025-02-04"] == [
            ("notes-minutes", "2025-02-04", "Finance and Audit")]

    def test_motions_as_us_boards_minute_them(self):
        town = decisions(facts_of("us-town-board-minutes.md"))
        assert [(r.mover, r.seconder, r.outcome) for r in town][:2] == [
            ("Ann Lindqvist", "Joe Marsh", "carried"), (None, None, "carried")]
        assert town[0].text == "Motion by Ann Lindqvist, second by Joe Marsh to approve the March board minutes."
        assert town[1].text.startswith("Motion and second to hire Lake Grading")

    def test_a_motion_seconded_in_the_next_paragraph_and_its_tabulated_result(self):
        transit = decisions(facts_of("us-transit-board-minutes.txt"))
        fares = next(r for r in transit if "fare study" in r.text)
        assert (fares.mover, fares.seconder, fares.outcome) == ("Director Ruiz", "Director Whitfield", "lost")
        assert (fares.votes.for_, fares.votes.against) == (2, 3)
        accepted = next(r for r in transit if "Finance and Audit" in r.text)
        assert (accepted.mover, accepted.seconder, accepted.outcome) == ("Director Olsen", "Director Kim", "carried")

    def test_attendance_told_in_a_sentence_with_role_words_before_the_names(self):
        town = facts_of("us-town-board-minutes.md")
        assert people(town, "present", "member") == ["Ann Lindqvist", "Joe Marsh", "Li Chen"]
        assert [(a.name, a.title) for a in town.attendance if a.role == "officer"] == [
            ("Ray Olson", "Treasurer"), ("Pat Doyle", "Clerk")]  # the town's officers are not its members
        assert people(town, "present", "also-present") == ["Sam Reed", "Dana Fox"]


def test_minutes_named_by_their_month_approve_that_months_one_meeting(tmp_path):
    import json

    from clerk_archive import archive, new_archive

    march = (DOCUMENTS / "us-town-board-minutes.md").read_text(encoding="utf-8").replace("April 14, 2025", "March 10, 2025")
    april = (DOCUMENTS / "us-town-board-minutes.md").read_text(encoding="utf-8")
    root = new_archive(tmp_path / "one", {"2025-03-10_minutes.md": march, "2025-04-14_minutes.md": april})
    links = json.loads(archive(root, "export").stdout)["links"]
    approvals = [(l["from"].rsplit("/", 1)[0], l["to"]) for l in links if l["kind"] == "approves-minutes"]
    assert approvals == [("town-of-cedar-hollow/2025-04-14", "town-of-cedar-hollow/2025-03-10")]  # from its item
    # With two March meetings, which one "the March board minutes" are is not known: no link rather than a guess.
    emergency = march.replace("March 10, 2025", "March 24, 2025")
    root = new_archive(tmp_path / "two", {"2025-03-10_minutes.md": march, "2025-03-24_minutes.md": emergency,
                                          "2025-04-14_minutes.md": april})
    links = json.loads(archive(root, "export").stdout)["links"]
    assert [l for l in links if l["kind"] == "approves-minutes" and l["from"].startswith("town-of-cedar-hollow/2025-04-14")] == []


def test_a_roll_call_table_printed_column_by_column():
    """Granicus' roll call, as text taken from its PDF: names, then titles, statuses and times, a few rows at a time."""
    transit = facts_of("us-transit-board-minutes.txt")
    assert [(a.name, a.status, a.note) for a in transit.attendance] == [
        ("Maria Delgado", "present", None), ("Tom Whitfield", "present", "attended remotely"),
        ("Ana Ruiz", "present", None), ("Peter Olsen", "absent", None), ("Grace Kim", "present", None)]


def test_a_roll_call_whose_columns_do_not_tally_gives_no_one():
    from archive_builder.parse.attendance import read_attendance

    lines = [Line(text, 1) for text in ["Attendee Name", "Maria Delgado", "Tom Whitfield", "Status", "Present"]]
    assert read_attendance([], [("Roll Call", lines)]) == []


class TestScottishCommunityCouncil:
    """'Present' with no colon over a two-column table of names and initials; councillors of the
    local authority marked (SBC) among the members; guests and the public 'In Attendance'."""

    @pytest.fixture
    def facts(self):
        return facts_of("scottish-community-council-minutes.txt")

    def test_members_present_split_at_their_initials(self, facts):
        assert people(facts, "present", "member") == ["Alison Reid", "Morag Innes", "Callum Ross", "Fiona Grant"]
        assert people(facts, "present", "chair") == ["Duncan Fraser"]  # "The Meeting was chaired by Duncan Fraser."

    def test_the_public_and_sentences_are_no_one(self, facts):
        names = [a.name for a in facts.attendance]
        assert not [n for n in names if "public" in n.lower() or "Meeting" in n or "Action" in n], names
        assert people(facts, "apologies") == ["Iain Munro"]

    def test_decisions_by_initials_and_planning_verdicts(self, facts):
        approval, *verdicts = decisions(facts)
        assert (approval.text, approval.mover, approval.seconder, approval.outcome) == (
            "The Minutes of the Meeting held on 4 February 2025 were approved.", "Alison Reid", "Callum Ross", "carried")
        assert [r.text for r in verdicts] == [
            "Erection of Garage, 4 Mill Road, Glenbrae – supported.", "Extension to Dwelling, 9 Main Street. Supported."]
        assert [(r.kind, r.date) for r in facts.references] == [("approves-minutes", "2025-02-04")]


def test_undertakings_and_remarks_in_parish_minutes(tmp_path):
    text = ("STOKE BRIDGE PARISH COUNCIL\n\nMinutes of the Parish Council Meeting held on Wednesday 1 October 2025 at 7.00 pm\n\n"
            "Present: Cllr Ann Example (Chair), Cllr Bob Smith\n\n"
            "Play Area\n\nThe Clerk agreed to add the play area to the November agenda. Cllr Bob Smith agreed to review "
            "the Emergency Plan and bring it back to the December meeting. Cllr Ann Example said the swings would be "
            "discussed in November. The Clerk agreed that the visit had been useful.\n")
    path = tmp_path / "2025-10-01_minutes.txt"
    path.write_text(text, encoding="utf-8")
    (facts,) = parse_extraction(extract(path, path.name), "minutes")
    assert [(r.text, [(a.owner, a.due) for a in r.actions]) for r in decisions(facts)] == [
        ("The Clerk agreed to add the play area to the November agenda.", [("Clerk", "2025-11")]),
        ("Cllr Bob Smith agreed to review the Emergency Plan and bring it back to the December meeting.",
         [("Cllr Bob Smith", "2025-12")]),
    ]  # a remark ("said ... would be discussed") and an opinion with nothing to do are not decisions


def test_a_next_meeting_without_its_year_and_a_promise_to_bring_something_back():
    town = facts_of("us-town-board-minutes.md")
    closing = [r.text for r in decisions(town)][2:]
    assert closing == ["Joe Marsh said he will bring the road quotes to the May board meeting.",
                       "The next meeting will be on May 12 at 7:00 pm."]  # a remark ("said the grader was old") is none
    promise = decisions(town)[2]
    assert [(a.owner, a.due) for a in promise.actions] == [(None, "2025-05")]
    assert [(r.kind, r.date, r.start_time) for r in town.references if r.kind == "next-meeting"] == [
        ("next-meeting", "2025-05-12", "19:00")]


def test_an_agenda_that_never_says_agenda():
    """A portal's agenda: the board, the date, numbered business to come, and nothing minuted of it."""
    facts = facts_of("us-transit-board-agenda.txt")
    assert (facts.document.kind, facts.committee_name, facts.date) == (
        "agenda", "Lakeport Regional Transit District Board of Directors", "2025-04-08")
    assert [i.title for i in facts.items] == ["Call to Order", "Roll Call", "Approval of Minutes", "Fare Study", "Adjourn"]
    assert facts_of("us-transit-board-minutes.txt").document.kind == "minutes"


@pytest.mark.parametrize("head, body, kind", [
    ("MINUTES OF PROCEEDINGS OF MEETING OF THE ECONOMIC DEVELOPMENT, ENTERPRISE AND\nPLANNING STRATEGIC POLICY "
     "COMMITTEE HELD ON MONDAY, 20TH JUNE, 2022", "Economic Development, Enterprise and Planning Strategic Policy Committee", None),
    ("Proceedings at Online Meeting of the Travel and Transportation Strategic Policy Committee held on Monday, "
     "4th October, 2021", "Travel and Transportation Strategic Policy Committee", "Online Meeting"),
    ("Agenda - Special Meeting of Limerick City and County Council to consider the Issues Paper, 4th December 2017",
     "Limerick City and County Council", "Special Meeting"),
    ("SUMMARY OF DES MOINES CITY COUNCIL MEETING\nMonday, January 8, 2024\nMunicipal Service Center (MSC) Board Room",
     "Des Moines City Council", None),
    ("STOKE FERRY PARISH COUNCIL DRAFT Minutes Subject to the Approval at the next Meeting Ordinary Meeting of the "
     "Parish Council Wednesday 3 January 2018 at 7.00 pm Stoke Ferry Village Hall", "Stoke Ferry Parish Council",
     "Ordinary Meeting"),
    # a venue, however like a body it reads, names none
    ("Minutes of the Budget Meeting held in the Council Chamber, Dooradoyle and Online on 18th November 2021", None,
     "Budget Meeting"),
    # what met, named with no word like "Committee": the words around show the whole of it is named
    ("Minutes of the Monthly Meeting of the Metropolitan District of Limerick held in the Council Chamber on "
     "Tuesday, 15th March 2022", "Metropolitan District of Limerick", "Monthly Meeting"),
    ("MINUTES OF PROCEEDINGS OF ANNUAL MEETING OF THE SPC\nECONOMIC DEVELOPMENT, ENTERPRISE & PLANNING HELD ON "
     "MONDAY, 20TH JUNE, 2022", "SPC Economic Development, Enterprise & Planning", "Annual Meeting"),
    ("Westbridge City and County Council\nEnquiries to: meetings@westbridge.ie\nAGENDA\nMeeting of the Audit Committee\n"
     "to be held in the Council Chamber on Monday, 20th June, 2022 at 10.00 a.m.", "Audit Committee", None),
    # initials stay in capitals, abbreviations do not
    ("MINUTES OF THE ST JOHNS WARD COMMITTEE HELD ON MONDAY, 20TH JUNE, 2022", "St Johns Ward Committee", None),
    # a meeting of people is no body
    ("Minutes of a Meeting of Residents held in the Village Hall on Monday, 20th June, 2022", None, None),
    ("Notes of the Meeting of Councillor Ann Example held on Monday, 20th June, 2022", None, None),
])
def test_the_body_named_without_the_document_the_kind_of_meeting_or_the_venue(head, body, kind):
    from archive_builder.parse.header import read_header

    header = read_header([Line(text, 1) for text in head.split("\n")] + [Line("PRESENT: Councillor Ann Example", 1)])
    assert (header.committee_name, header.meeting_title) == (body, kind)


def test_one_body_printed_in_full_and_by_its_initials_is_one_committee():
    from archive_builder.assemble.meetings import Committees

    committees = Committees([])
    for name in ("Travel and Transportation Strategic Policy Committee", "SPC Travel & Transportation",
                 "Housing Strategic Policy Committee", "SPC Planning", "JIC"):
        committees.learn([name])
    assert [(c.name, c.aliases) for c in committees.settle()] == [
        ("Housing Strategic Policy Committee", []),
        ("JIC", []),  # initials alone stand for no one body
        ("SPC Planning", []),  # no Planning Strategic Policy Committee to stand for: left alone
        ("Travel and Transportation Strategic Policy Committee", ["SPC Travel & Transportation"]),
    ]


@pytest.mark.parametrize("organisation", ["Westbridge City and County Council", "Westbridge Health Partnership"])
def test_the_organisation_above_each_committees_agenda_makes_no_two_committees_one(tmp_path, organisation):
    """Every agenda heads its page with the council's name: printed beside every committee's, it is
    the organisation, not another name of each (learnt as one, all committees would be one)."""
    from clerk_archive import archive, new_archive

    def agenda(body: str, day: int) -> str:
        return (f"{organisation}\n\nWESTBRIDGE COUNCIL OFFICES\n\nAGENDA\n\n{body.upper()}\n\n"
                f"Monday, {day}th June, 2022 at 10.00 a.m.\n\n1. Adoption of Minutes\n\n2. Any Other Business\n")

    root = new_archive(tmp_path / "a", {"audit.txt": agenda("Audit Committee", 20), "housing.txt": agenda("Housing Committee", 27)})
    built = archive(root, "export")
    import json

    assert sorted(c["name"] for c in json.loads(built.stdout)["committees"]) == ["Audit Committee", "Housing Committee"]
