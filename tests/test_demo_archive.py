"""The demo archive the repository ships (a fictional council, written for the project) builds cleanly
and reads as its documents say: every kind of document, in every format, and the private item kept out."""

from __future__ import annotations

import jsonschema
import pytest
from corpus import item, links, meeting, schema

ET = "environment-and-transport"


@pytest.fixture(scope="module")
def export(demo_site):
    return demo_site.export


def test_the_demo_builds_with_no_problems(demo_site):
    """No problem with any file; the only warnings say the demo lacks the two meetings whose minutes
    its first minutes approve (11 July and 8 August 2024: the demo starts in September)."""
    assert demo_site.completed.returncode == 0, demo_site.completed.stderr
    assert "0 error(s), 2 warning(s)" in demo_site.completed.stderr
    warnings = [line for line in demo_site.completed.stderr.splitlines() if line.startswith("WARNING:")]
    assert warnings == [
        f"WARNING: 2024-09-12_{ET}_printed-minutes.pdf: item 3 approves the minutes of Environment and Transport "
        f"Committee, {date}, a meeting the archive has no document of: add its minutes if you have them"
        for date in ("11 July 2024", "8 August 2024")
    ]
    assert (demo_site.site_dir / "index.html").exists()


def test_export_is_valid_against_the_schema(export):
    jsonschema.validate(export, schema())


def test_every_kind_and_format_of_document(export):
    kinds = {(d["kind"], d["format"]) for d in export["documents"]}
    assert {"agenda", "minutes", "report", "agenda-pack", "decision"} <= {kind for kind, _ in kinds}
    assert {"pdf", "html", "markdown", "text", "docx"} == {fmt for _, fmt in kinds}


def test_meetings_and_their_statuses(export):
    assert [(m["id"], m["status"]) for m in export["meetings"]] == [
        (f"{ET}/2024-07-11", "referenced"),
        (f"{ET}/2024-08-08", "referenced"),
        (f"{ET}/2024-09-12", "held"),
        ("joint-transport-board/2024-10-03", "referenced"),
        (f"{ET}/2024-11-14", "held"),
        (f"{ET}/2025-01-16", "held"),
        (f"{ET}/2025-03-13", "held"),
        (f"{ET}/2025-05-15", "scheduled"),
    ]
    for found in export["meetings"]:
        if found["status"] != "referenced":
            assert (found["start_time"], found["venue"]) == (
                "18:30", "Council Chamber, Harbourside Civic Centre, Quay Street, Harbourside HS1 4QT")


def test_the_short_name_in_a_report_is_the_same_committee(export):
    committee = next(c for c in export["committees"] if c["id"] == ET)
    assert committee["name"] == "Environment and Transport Committee"
    feasibility = next(d for d in export["documents"] if "feasibility" in d["source"])
    assert feasibility["meeting"] == f"{ET}/2024-09-12"


def test_september_attendance(export):
    september = meeting(export, f"{ET}/2024-09-12")
    found = {(a["name"], a["status"], a["role"]) for a in september["attendance"]}
    assert ("Cllr M Okonkwo", "present", "chair") in found
    assert ("Cllr D Fairweather", "present", "vice-chair") in found
    assert ("Cllr R Patel", "late", "member") in found
    assert ("Cllr O Pryce", "present", "substitute") in found
    assert ("Cllr Lucy Hargreaves", "apologies", "member") in found
    assert ("Cllr S Marchetti", "present", "also-present") in found
    officers = {a["name"] for a in september["attendance"] if a["role"] == "officer"}
    assert len(officers) == 4
    declared = {(d["name"], d["item"]) for d in september["declarations"]}
    assert declared == {("Cllr Lowe", f"{ET}/2024-09-12/7"), ("Cllr Reilly", f"{ET}/2024-09-12/7")}


def test_agenda_and_minutes_numbers_are_paired(export):
    march = meeting(export, f"{ET}/2025-03-13")
    assert [(i["number"], i["minute_number"]) for i in march["items"]] == [(str(n), str(n + 40)) for n in range(1, 12)]
    cycle_path = item(march, "6")
    assert cycle_path["decision_number"] == "HDC/2025/004"
    assert cycle_path["pages"] == "15 - 36"


def test_decisions_in_every_style(export):
    september = meeting(export, f"{ET}/2024-09-12")
    feasibility = item(september, "7")["resolutions"]
    amendment, resolved = feasibility[0], feasibility[-1]
    assert (amendment["outcome"], amendment["mover"], amendment["seconder"]) == ("lost", "Cllr Brennan", "Cllr Whitcombe")
    assert (amendment["votes"]["for"], amendment["votes"]["against"], amendment["votes"]["abstain"]) == (2, 6, 1)
    assert resolved["outcome"] == "carried"
    assert (resolved["votes"]["for"], resolved["votes"]["against"], resolved["votes"]["abstain"]) == (6, 2, 1)
    assert len(resolved["votes"]["names"]["for"]) == 6
    buses = item(september, "6")["resolutions"]
    assert [r["label"] for r in buses] == ["(1)", "(2)(a)", "(2)(b)"]
    january = meeting(export, f"{ET}/2025-01-16")
    minutes = item(january, "3")["resolutions"][0]  # written in prose in the Markdown minutes
    assert (minutes["mover"], minutes["votes"]["for"], minutes["votes"]["abstain"]) == ("Cllr Fairweather", 8, 2)
    november = meeting(export, f"{ET}/2024-11-14")
    garden = item(november, "29")["resolutions"]
    assert sorted(r["outcome"] for r in garden) == ["carried", "lost"]


def test_two_people_who_share_a_surname_stay_apart(export):
    patels = [p for p in export["people"] if p["name"].endswith("Patel")]
    assert sorted(p["name"] for p in patels) == ["Anne Patel", "Ravi Patel"]
    anne = next(p for p in patels if p["name"] == "Anne Patel")
    assert {"Cllr A Patel", "Cllr. A. Patel"} <= set(anne["aliases"])


def test_links_between_meetings(export):
    found = {(l["from"], l["to"], l["kind"]) for l in links(export)}
    assert (f"{ET}/2024-09-12/3", f"{ET}/2024-07-11", "approves-minutes") in found
    assert (f"{ET}/2024-09-12/3", f"{ET}/2024-08-08", "approves-minutes") in found
    assert (f"{ET}/2025-01-16/3", f"{ET}/2024-11-14", "approves-minutes") in found  # "the previous meeting"
    assert (f"{ET}/2025-03-13/3", f"{ET}/2025-01-16", "approves-minutes") in found
    assert (f"{ET}/2025-05-15/3", f"{ET}/2025-03-13", "approves-minutes") in found
    assert (f"{ET}/2024-09-12/10/r1", f"{ET}/2024-11-14", "next-meeting") in found
    assert (f"{ET}/2025-03-13/9/r1", f"{ET}/2025-05-15", "next-meeting") in found
    assert (f"{ET}/2024-11-14/26", "joint-transport-board/2024-10-03", "refers-to") in found


def test_the_private_item_is_listed_and_nothing_of_it_published(demo_site, export):
    march = meeting(export, f"{ET}/2025-03-13")
    depot = item(march, "11")
    assert (depot["title"], depot["exempt"], depot["text"], depot["resolutions"]) == (
        "Wharf Lane Depot: Lease Renewal", True, "", [])
    minutes = next(d for d in export["documents"] if d["source"].endswith("2025-03-13_environment-and-transport_minutes.docx"))
    assert minutes["published"] is False and minutes["download"] is None
    for path in [*demo_site.site_dir.rglob("*"), *(demo_site.root / "docs").rglob("*")]:
        if path.is_file():
            assert b"CONFIDENTIAL-DEMO-TEXT" not in path.read_bytes(), path
    page = (demo_site.site_dir / "meetings" / ET / "2025-03-13" / "index.html").read_text(encoding="utf-8")
    assert "Wharf Lane Depot: Lease Renewal" in page and "taken in private" in page


def test_every_source_file_is_a_document_with_its_download(demo_site, export):
    from demo import PROJECT

    sources = {p.name for p in (PROJECT / "sources").iterdir()}
    documents = [d for d in export["documents"] if not d["part_of"]]
    assert {d["source"] for d in documents} == sources
    for document in documents:
        if document["published"]:
            assert (demo_site.site_dir / document["download"]).read_bytes() == (PROJECT / "sources" / document["source"]).read_bytes()


def test_resolutions_are_named_without_the_stops_printed_after_their_numbers(demo_site, export):
    """"1." in the minutes is "Resolution 1" on the page, not "Resolution 1.:"."""
    assert "1." in {r["label"] for m in export["meetings"] for i in m["items"] for r in i["resolutions"]}
    pages = "".join(path.read_text(encoding="utf-8") for path in demo_site.site_dir.rglob("*.html"))
    assert "Resolution 1:" in pages
    assert "Resolution 1.:" not in pages and "resolution 1.," not in pages


def test_actions_read_as_what_is_to_be_done_with_their_due_point(export):
    actions = {r["id"]: r["actions"] for m in export["meetings"] for i in m["items"] for r in i["resolutions"] if r["actions"]}
    route = actions[f"{ET}/2025-01-16/6/r1"][0]
    assert route["text"].startswith("Route B be taken forward") and "in favour" not in route["text"]
    assert route["due"] == "next-meeting"
    response = actions[f"{ET}/2024-09-12/6/r2b"][0]
    assert response["text"] == "Officers report back to the next meeting on the operator's response."
    # "officers monitor ... and report to the Committee in October 2025": no "to", still an action
    monitoring = [a for r, found in actions.items() if r.startswith(f"{ET}/2024-11-14/28/") for a in found]
    assert [(a["owner"], a["due"]) for a in monitoring] == [("Officers", "2025-10")]
    # nothing is set by a resolution that only notes
    assert not [r for r in actions if r.startswith(f"{ET}/2024-11-14/28/") and not r.endswith("2")]
