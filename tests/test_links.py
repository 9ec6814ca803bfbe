"""Following decisions forward: every link the corpora's README lists, with the right kind and the words
that justify it; and documents written to tempt a wrong link, which must not get one (a wrong
certain link is worse than a missing one)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus import export_of, item, links, meeting

from archive_builder.cli import main

JOINT = "joint-ict-committee"
DOCUMENTS = Path(__file__).parent / "documents" / "links"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return export_of("seeds", tmp_path_factory)


@pytest.fixture(scope="module")
def kent(tmp_path_factory):
    return export_of("kent-moderngov", tmp_path_factory)


@pytest.fixture(scope="module")
def parish(tmp_path_factory):
    return export_of("stoke-ferry-parish", tmp_path_factory)


@pytest.fixture(scope="module")
def tempting(tmp_path_factory):
    """Two committees' minutes written to tempt wrong links (tests/documents/links)."""
    root = tmp_path_factory.mktemp("tempting")
    CliRunner().invoke(main, ["init", str(root)])
    result = CliRunner().invoke(main, ["export", "--root", str(root), "--sources", str(DOCUMENTS)])
    return json.loads(result.stdout)


def found(export: dict) -> set[tuple[str, str, str]]:
    return {(l["from"], l["to"], l["kind"]) for l in links(export)}


def actions(export: dict) -> dict[str, list[dict]]:
    return {r["id"]: r["actions"] for m in export["meetings"] for i in m["items"] for r in i["resolutions"] if r["actions"]}


# --- The seed documents: every link their README lists ----------------------------------------------


def test_seeds_approvals_and_next_meeting(seeds):
    assert (f"{JOINT}/2018-10-16/4", f"{JOINT}/2018-07-04", "approves-minutes") in found(seeds)
    assert (f"{JOINT}/2019-03-05/4", f"{JOINT}/2018-10-16", "approves-minutes") in found(seeds)
    assert (f"{JOINT}/2018-10-16/10/r1", f"{JOINT}/2019-03-05", "next-meeting") in found(seeds)


def test_seeds_item_7_action_is_followed_up_by_the_march_update_report(seeds):
    (action,) = actions(seeds)[f"{JOINT}/2018-10-16/7/r1"]
    assert (action["due"], action["status"]) == ("next-meeting", "followed-up")
    follow_up = next(l for l in links(seeds, "follow-up") if l["to"] == f"{JOINT}/2018-10-16/7/r1")
    assert follow_up["from"] == f"{JOINT}/2019-03-05/6"
    assert "due at the next meeting" in follow_up["evidence"]
    assert "Update report" in follow_up["evidence"]


def test_seeds_letter_and_benchmarking_actions_are_kept(seeds):
    for label in ("r2a", "r2b"):
        (action,) = actions(seeds)[f"{JOINT}/2018-10-16/6/{label}"]
        assert action["status"] in ("open", "followed-up")
    assert "letter be sent" in actions(seeds)[f"{JOINT}/2018-10-16/6/r2a"][0]["text"]
    assert "benchmarking options" in actions(seeds)[f"{JOINT}/2018-10-16/6/r2b"][0]["text"]


def test_seeds_update_report_series_holds_three_meetings(seeds):
    (series,) = [s for s in seeds["series"] if s["committee"] == JOINT]
    assert series["items"] == [f"{JOINT}/2018-07-04/1", f"{JOINT}/2018-10-16/6", f"{JOINT}/2019-03-05/6"]
    july = meeting(seeds, f"{JOINT}/2018-07-04")
    assert july["items"][0]["title"] == "Report from the Head of Digital Services"  # the meeting's business, from its report
    assert all(i["series"] == series["id"] for m in seeds["meetings"] for i in m["items"] if i["id"] in series["items"])


# --- Kent ------------------------------------------------------------------------------------------


def test_kent_minute_288_approves_both_earlier_council_meetings(kent):
    assert ("county-council/2025-02-13/3", "county-council/2024-12-19", "approves-minutes") in found(kent)
    assert ("county-council/2025-02-13/3", "county-council/2025-01-09", "approves-minutes") in found(kent)
    assert item(meeting(kent, "county-council/2025-02-13"), "288")["id"] == "county-council/2025-02-13/3"


def test_kent_minute_295_refers_to_the_panel_meetings(kent):
    from_295 = {(to, kind) for f, to, kind in found(kent) if f.startswith("county-council/2025-03-13/4")}
    assert ("corporate-parenting-panel/2024-10-29", "refers-to") in from_295
    assert ("corporate-parenting-panel/2024-12-10", "refers-to") in from_295
    assert not any(kind == "approves-minutes" for _, kind in from_295)


def test_kent_cabinet_minute_86_approves_9_january(kent):
    assert ("cabinet/2025-01-30/3", "cabinet/2025-01-09", "approves-minutes") in found(kent)


def test_kent_decision_24_00096_joins_report_record_and_agenda_item(kent):
    plan = item(meeting(kent, "cabinet/2025-01-30"), "92")
    report = "2025-01-30-cabinet-report-24-00096-education-commissioning-plan"
    record = "2025-01-30-cabinet-proposed-record-of-decision-24-00096"
    agenda = "2025-01-30-cabinet-agenda-frontsheet"
    assert {report, record, agenda} <= set(plan["sources"])
    assert (plan["id"], record, "refers-to") in found(kent)
    assert (plan["id"], report, "refers-to") in found(kent)
    evidence = {l["to"]: l["evidence"] for l in links(kent) if l["from"] == plan["id"]}
    assert "24/00096" in evidence[record]


def test_kent_later_items_on_decision_24_00093_are_referred_to(kent):
    later = {to for f, to, kind in found(kent) if kind == "refers-to" and f.startswith("cabinet/2025-01-30/4")}
    assert {"cabinet/2025-03-04/7", "county-council/2025-03-13/9"} <= later


# --- Stoke Ferry -----------------------------------------------------------------------------------


def test_parish_each_month_approves_the_previous_month(parish):
    approvals = {(f.split("/")[1], to.split("/")[1]) for f, to, kind in found(parish) if kind == "approves-minutes"}
    months = ["2018-01-03", "2018-02-07", "2018-03-07", "2018-04-04", "2018-05-02", "2018-06-06", "2018-07-04"]
    assert all((later, earlier) in approvals for earlier, later in pairwise(months))
    assert ("2018-09-05", "2018-08-01") in approvals
    assert meeting(parish, "stoke-ferry-parish-council/2018-08-01")["status"] == "referenced"


def test_parish_minute_references_are_linked(parish):
    assert ("stoke-ferry-parish-council/2018-07-04/143-18", "stoke-ferry-parish-council/2018-06-06/127-18", "refers-to") in found(parish)


def test_reference_evidence_shows_the_words_that_make_it(parish, kent):
    """A reference made deep inside a long paragraph is quoted around its words, not from the top."""
    references = [l for export in (parish, kent) for l in links(export, "refers-to")]
    minute = next(l for l in references if l["to"] == "stoke-ferry-parish-council/2018-06-06/127-18")
    assert "127/18" in minute["evidence"]
    assert all(len(l["evidence"]) <= 245 for l in references)


# --- Every link ------------------------------------------------------------------------------------


def test_every_link_has_its_evidence_and_ends_at_something_in_the_archive(seeds, kent, parish):
    for export in (seeds, kent, parish):
        ids = {m["id"] for m in export["meetings"]} | {d["id"] for d in export["documents"]}
        ids |= {i["id"] for m in export["meetings"] for i in m["items"]}
        ids |= {r["id"] for m in export["meetings"] for i in m["items"] for r in i["resolutions"]}
        for link in links(export):
            assert link["evidence"], link
            assert link["from"] in ids and link["to"] in ids, link
            assert (link["score"] is not None) == (link["kind"] == "related"), link


def test_related_links_stay_within_a_committee(seeds, kent, parish):
    for export in (seeds, kent, parish):
        for link in links(export, "related"):
            assert link["from"].split("/")[0] == link["to"].split("/")[0]
            assert 0 < link["score"] <= 1


# --- Documents that must not link --------------------------------------------------------------------


def test_a_date_that_is_not_a_meeting_does_not_link(tempting):
    meetings = {m["id"] for m in tempting["meetings"]}
    assert "planning-committee/2024-01-29" not in meetings  # "The report was published on 29 January 2024"
    assert "planning-committee/2024-06-30" not in meetings  # "the consultation ... closes on 30 June 2024"
    assert not any(l["to"].endswith(("2024-01-29", "2024-06-30")) for l in links(tempting))


def test_a_similar_title_in_another_committee_is_not_linked(tempting):
    assert not any(s["title"] == "Air Quality Monitoring Update" for s in tempting["series"])
    for link in links(tempting):
        assert link["from"].split("/")[0] == link["to"].split("/")[0], link
    lighting = actions(tempting)["planning-committee/2024-02-06/5/r1"][0]
    assert lighting["status"] == "overdue"  # the licensing committee's item on the same lanterns is not its answer


def test_the_answered_action_is_followed_up_and_its_minute_referred_to(tempting):
    quotations = actions(tempting)["planning-committee/2024-02-06/4/r1"][0]
    assert quotations["status"] == "followed-up"
    assert ("planning-committee/2024-03-05/3", "planning-committee/2024-02-06/4/r1", "follow-up") in found(tempting)
    assert ("planning-committee/2024-03-05/3", "planning-committee/2024-02-06/4", "refers-to") in found(tempting)
    assert ("planning-committee/2024-02-06/2", "planning-committee/2024-01-09", "approves-minutes") in found(tempting)


def test_links_touching_a_private_item_never_reach_the_export():
    """A link's evidence can quote its ends: none from or to an exempt item or its decisions."""
    import json

    import tests.fixtures_archive as fx
    from archive_builder.render.export import export_data

    archive = fx.sample_archive()
    exported = json.dumps(export_data(archive))
    assert fx.SECRET not in exported
    assert fx.EXEMPT_LINK_EVIDENCE not in exported
    private = archive.private_ids()
    assert private and not [l for l in export_data(archive)["links"] if {l["from"], l["to"]} & private]
