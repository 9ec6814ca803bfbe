"""The two seed documents (../shared/corpus/seeds) give exactly the facts their README lists."""

from __future__ import annotations

import jsonschema
import pytest
from corpus import export_of, item, links, meeting, schema

JOINT = "joint-ict-committee"


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return export_of("seeds", tmp_path_factory)


def test_export_is_valid_against_the_schema(export):
    jsonschema.validate(export, schema())


def test_one_committee_known_by_all_its_names(export):
    assert [c["id"] for c in export["committees"]] == [JOINT]
    committee = export["committees"][0]
    assert committee["name"] == "Joint Committee of the London Boroughs of Brent, Lewisham and Southwark"
    assert "Joint ICT Committee" in committee["aliases"]


def test_three_meetings_with_their_statuses(export):
    assert [(m["date"], m["status"]) for m in export["meetings"]] == [
        ("2018-07-04", "held"),
        ("2018-10-16", "held"),
        ("2019-03-05", "scheduled"),
    ]


def test_the_agenda_pack_is_split_into_agenda_and_minutes_of_two_meetings(export):
    documents = {d["id"]: d for d in export["documents"]}
    pack = next(d for d in documents.values() if d["source"] == "002_bf680f97e9985e1a.txt" and d["kind"] == "agenda-pack")
    assert len(pack["parts"]) == 2
    agenda, minutes = (documents[part] for part in pack["parts"])
    assert (agenda["kind"], agenda["meeting"]) == ("agenda", f"{JOINT}/2019-03-05")
    assert (minutes["kind"], minutes["meeting"]) == ("minutes", f"{JOINT}/2018-10-16")


def test_the_report_belongs_to_the_july_meeting(export):
    report = next(d for d in export["documents"] if d["source"] == "000_3143346e027e2ae4.txt")
    assert report["kind"] == "report"
    assert report["meeting"] == f"{JOINT}/2018-07-04"


def test_march_meeting_time_and_venue_from_the_agenda(export):
    march = meeting(export, f"{JOINT}/2019-03-05")
    assert march["start_time"] == "18:30"
    assert march["venue"].startswith("London Borough of Southwark, 160 Tooley Street, SE1 2QH")


def test_march_agenda_lists_nine_items_and_the_membership(export):
    march = meeting(export, f"{JOINT}/2019-03-05")
    assert [i["number"] for i in march["items"]] == [str(n) for n in range(1, 10)]
    assert item(march, "4")["pages"] == "1 - 8"
    assert item(march, "6")["pages"] == "To Follow"
    members = {(m["name"], m["role"], m["organisation"]) for m in march["membership"]}
    assert ("Councillor Margaret McLennan", "member", "London Borough of Brent") in members
    assert ("Councillor Kieron Williams", "substitute", "London Borough of Southwark") in members
    assert sum(1 for m in march["membership"] if m["role"] == "member") == 6
    assert sum(1 for m in march["membership"] if m["role"] == "substitute") == 6


def test_october_attendance_exactly_as_listed(export):
    october = meeting(export, f"{JOINT}/2018-10-16")
    attendance = {(a["name"], a["status"], a["role"]) for a in october["attendance"]}
    assert attendance == {
        ("Councillor McLennan", "present", "chair"),
        ("Councillor Miller", "present", "member"),
        ("Councillor Bonavia", "present", "member"),
        ("Councillor Cryan", "late", "member"),  # present, with an apology for lateness
        ("Councillor Leeming", "present", "member"),
        ("Councillor Paschoud", "present", "also-present"),
        ("Councillor Amanda De Ryk", "apologies", "member"),
    }
    organisations = {a["name"]: a["organisation"] for a in october["attendance"]}
    assert organisations["Councillor McLennan"] == "London Borough of Brent"
    assert organisations["Councillor Leeming"] == "London Borough of Southwark"
    assert organisations["Councillor Cryan"] == "London Borough of Southwark"
    notes = {a["name"]: a["note"] for a in october["attendance"]}
    assert notes["Councillor Cryan"] == "apology for lateness"
    assert notes["Councillor Amanda De Ryk"] == "no substitute"
    assert october["declarations"] == []


def test_short_and_full_names_are_one_person(export):
    october = meeting(export, f"{JOINT}/2018-10-16")
    chair = next(a for a in october["attendance"] if a["role"] == "chair")
    person = next(p for p in export["people"] if p["id"] == chair["person"])
    assert person["name"] == "Margaret McLennan"
    march = meeting(export, f"{JOINT}/2019-03-05")
    member = next(m for m in march["membership"] if m["name"] == "Councillor Margaret McLennan")
    assert member["person"] == chair["person"]


def test_october_items_one_to_ten(export):
    october = meeting(export, f"{JOINT}/2018-10-16")
    assert [i["number"] for i in october["items"]] == [str(n) for n in range(1, 11)]
    assert item(october, "6")["title"].startswith("Update report to the Joint Borough IT Committee")
    assert item(october, "7")["title"] == "Shared ICT Service Arrangements"


def test_every_resolution_of_items_1_4_6_7_and_10(export):
    october = meeting(export, f"{JOINT}/2018-10-16")
    with_resolutions = {i["number"]: i["resolutions"] for i in october["items"] if i["resolutions"]}
    assert sorted(with_resolutions, key=int) == ["1", "4", "6", "7", "10"]
    assert "Councillor Margaret McLennan" in with_resolutions["1"][0]["text"]
    assert "be appointed as Chair" in with_resolutions["1"][0]["text"]
    assert "held on Wednesday 4 July 2018 be approved as a correct record" in with_resolutions["4"][0]["text"]
    six = with_resolutions["6"]
    assert [r["label"] for r in six] == ["(1)", "(2)(a)", "(2)(b)", "(3)", "(4)"]
    assert [r["outcome"] for r in six] == ["noted", "carried", "carried", "noted", "noted"]
    assert "a letter be sent on to LGfL/Virgin" in six[1]["text"]
    assert "benchmarking options" in six[2]["text"]
    assert "further update on progress to be provided at the next Joint Committee" in with_resolutions["7"][0]["text"]
    assert "Tuesday 5 March 2019" in with_resolutions["10"][0]["text"]
    assert "Lonfon Borough of Southwark" in with_resolutions["10"][0]["text"]  # the slip stays as printed


def test_resolution_ids_and_anchors_follow_their_labels(export):
    october = meeting(export, f"{JOINT}/2018-10-16")
    two_a = item(october, "6")["resolutions"][1]
    assert two_a["id"] == f"{JOINT}/2018-10-16/6/r2a"
    assert two_a["url"] == f"meetings/{JOINT}/2018-10-16/#item-6-r2a"


def test_report_facts(export):
    report = next(d for d in export["documents"] if d["source"] == "000_3143346e027e2ae4.txt")["report"]
    assert report["author"] == "Head of Digital Services"
    assert report["wards"] == "All"
    assert report["key_decision"] == "Non-Key"
    assert report["classification"] == "Open"
    assert report["exempt"] is False
    assert report["appendix_count"] == 1
    assert report["appendices"] == ["Performance Pack - June 2018"]
    assert report["background_papers"] == "None"
    assert report["contact_officer"] == "Prod Sarigianis, Head of Digital Services"
    assert [r.split(")")[0] for r in report["recommendations"]] == ["a", "b"]
    assert report["recommendations"][0] == "a) Note the actions being taken in Section 3 Detail."
    assert report["signed_off_by"] == "Althea Loderick, Strategic Director of Resources"
    assert (report["meeting_body"], report["meeting_date"]) == ("Joint ICT Committee", "2018-07-04")


def test_links_the_documents_state(export):
    found = {(l["from"], l["to"], l["kind"]) for l in links(export)}
    assert (f"{JOINT}/2018-10-16/4", f"{JOINT}/2018-07-04", "approves-minutes") in found
    assert (f"{JOINT}/2019-03-05/4", f"{JOINT}/2018-10-16", "approves-minutes") in found
    assert (f"{JOINT}/2018-10-16/10/r1", f"{JOINT}/2019-03-05", "next-meeting") in found
    for link in links(export):
        assert link["evidence"], link


def test_every_source_file_is_a_document(export):
    assert {d["source"] for d in export["documents"]} == {"000_3143346e027e2ae4.txt", "002_bf680f97e9985e1a.txt"}
