"""Stoke Ferry Parish Council's minutes as a village website published them (Markdown, run-on
paragraphs, minute numbers per year, decisions in prose)."""

from __future__ import annotations

from itertools import pairwise

import jsonschema
import pytest
from corpus import corpus_folder, export_of, item, links, meeting, schema

COUNCIL = "stoke-ferry-parish-council"
MONTHS = ["2018-01-03", "2018-02-07", "2018-03-07", "2018-04-04", "2018-05-02", "2018-06-06", "2018-07-04",
          "2018-09-05", "2018-10-03", "2018-11-07", "2018-12-05"]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return export_of("stoke-ferry-parish", tmp_path_factory)


def test_export_is_valid_against_the_schema(export):
    jsonschema.validate(export, schema())


def test_one_parish_council(export):
    assert [(c["id"], c["name"]) for c in export["committees"]] == [(COUNCIL, "Stoke Ferry Parish Council")]


def test_meeting_dates_come_from_the_text_not_the_front_matter(export):
    held = [m["date"] for m in export["meetings"] if m["status"] == "held"]
    assert held == MONTHS
    march = next(d for d in export["documents"] if d["source"] == "2018-03-07_stoke-ferry-pc_minutes.md")
    assert march["meeting"] == f"{COUNCIL}/2018-03-07"  # its front matter says date: "2018-07-28"


def test_times_venues_and_the_annual_meeting(export):
    may = meeting(export, f"{COUNCIL}/2018-05-02")
    assert (may["start_time"], may["venue"], may["title"]) == ("19:20", "Stoke Ferry Village Hall", "Annual Meeting")


def test_minute_numbers_per_year_are_kept(export):
    march = meeting(export, f"{COUNCIL}/2018-03-07")
    assert [i["minute_number"] for i in march["items"]] == [f"{n}/18" for n in range(48, 68)]
    assert item(march, "48/18")["title"] == "Apologies and Welcome"
    assert item(march, "58/18")["title"] == "Draft Anti-Harassment and Bullying Policy"
    assert item(march, "58/18")["id"] == f"{COUNCIL}/2018-03-07/58-18"


def test_attendance_from_a_run_on_paragraph(export):
    march = meeting(export, f"{COUNCIL}/2018-03-07")
    roles = {a["name"]: (a["role"], a["status"]) for a in march["attendance"]}
    assert roles["Cllr Sue Lintern"] == ("chair", "present")
    assert roles["Cllr Jim McNeill"] == ("vice-chair", "present")
    assert roles["Helen Richardson"] == ("officer", "present")
    assert roles["Cllr Martin Storey"] == ("also-present", "present")
    assert roles["Mr Chris Philpott"] == ("also-present", "present")
    members = [a["name"] for a in march["attendance"] if a["role"] in ("chair", "vice-chair", "member")]
    assert len(members) == 8


def test_apologies_and_late_arrival(export):
    october = meeting(export, f"{COUNCIL}/2018-10-03")
    status = {a["name"]: a["status"] for a in october["attendance"]}
    assert status["Cllr Kit Hesketh-Harvey"] == "apologies"
    assert status["Cllr Gail Reeve"] == "apologies"
    assert status["Cllr Grant Tomkins"] == "late"


def test_decisions_recorded_in_prose_are_resolutions(export):
    march = meeting(export, f"{COUNCIL}/2018-03-07")
    co_option = item(march, "50/18")["resolutions"][0]
    assert co_option["text"].startswith("Cllr Grant Tomkins proposed that Kit Hesketh-Harvey be appointed")
    assert (co_option["mover"], co_option["seconder"], co_option["outcome"]) == ("Cllr Grant Tomkins", "Cllr Shirley Cordner", "carried")
    minutes = item(march, "51/18")["resolutions"][0]
    assert minutes["text"] == "The minutes of the Ordinary Parish Council Meeting held on 7 February 2018 were approved."
    assert (minutes["votes"]["for"], minutes["votes"]["abstain"]) == (8, 1)
    assert (minutes["mover"], minutes["seconder"]) == ("Cllr Jim McNeill", "Cllr Grant Tomkins")
    policy = item(march, "58/18")["resolutions"]
    # the motion, then in the same paragraph what the Clerk undertook to bring to the April meeting
    assert [r["text"][:40] for r in policy] == ["It was proposed by Cllr Grant Tomkins to", "The Clerk agreed to draft a Communicatio"]
    assert [(a["owner"], a["due"]) for a in policy[1]["actions"]] == [("Clerk", "2018-04")]
    september = meeting(export, f"{COUNCIL}/2018-09-05")
    objection = item(september, "191/18")["resolutions"][0]
    assert (objection["votes"]["for"], objection["votes"]["abstain"]) == (6, 1)
    assert item(september, "186/18")["resolutions"][0]["text"] == "The Councillors agreed not to water from September."


def test_a_suggestion_nobody_seconded_is_not_a_decision(export):
    march = meeting(export, f"{COUNCIL}/2018-03-07")
    garden = item(march, "55/18")
    assert all("village be asked to come forward" not in r["text"] for r in garden["resolutions"])
    assert "Cllr Shirley Cordner proposed that the village be asked" in garden["text"]


def test_resolved_months_read_the_formal_resolutions(export):
    april = meeting(export, f"{COUNCIL}/2018-04-04")
    bin_decision = item(april, "77/18")["resolutions"][0]
    assert bin_decision["text"].startswith("That a litter bin costing £68 be purchased")  # as printed
    assert (bin_decision["mover"], bin_decision["seconder"]) == ("Cllr Grant Tomkins", "Cllr Mandy Leamon")


def test_each_month_approves_the_previous_months_minutes(export):
    approvals = {(l["from"].split("/")[1], l["to"].split("/")[1]) for l in links(export, "approves-minutes")}
    for earlier, later in pairwise(MONTHS):
        if earlier == "2018-07-04":
            continue  # August is missing: September approves 1 August instead
        assert (later, earlier) in approvals, (later, earlier)
    assert ("2018-09-05", "2018-08-01") in approvals


def test_september_links_to_a_referenced_august_meeting(export):
    august = meeting(export, f"{COUNCIL}/2018-08-01")
    assert august["status"] == "referenced"
    assert august["documents"] == []


def test_page_markers_printed_in_the_text_become_pages(export):
    march = meeting(export, f"{COUNCIL}/2018-03-07")
    assert item(march, "48/18")["page"] == 1
    assert item(march, "58/18")["page"] == 4
    assert item(march, "67/18")["page"] == 6


def test_every_source_file_is_a_document(export):
    sources = {p.name for p in corpus_folder("stoke-ferry-parish").iterdir()}
    assert {d["source"] for d in export["documents"]} == sources
