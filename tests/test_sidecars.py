"""Sidecar corrections: a clerk's YAML beside a file (`minutes.txt.yml`) or for a folder (`_folder.yml`)
fixes what the builder read wrong or could not know, and everything built follows: meeting pages and
addresses, people, the export, the build report. A sidecar the builder cannot use is reported by
name with what is wrong, never ignored and never a traceback, and the rest is built."""

from __future__ import annotations

import pytest
from clerk_archive import archive, minutes, new_archive, report

NOTES = """Parks Working Group

Notes, 6 March 2025

Attendees: Ann Example, Bob Sample

1. Play area at Mill Park

It was agreed that the play area be resurfaced.

2. Benches

Noted.
"""

UNDATED = """AUDIT COMMITTEE

MINUTES of a meeting of the Audit Committee

PRESENT: Councillor Ann Example (Chair) and Councillor Carol Test

1. Internal audit plan

RESOLVED that the internal audit plan be approved.
"""

SIDECAR_SECRET = "SIDECAR-EXEMPT-SECRET"

CORRECTED = {
    "date/minutes.txt": minutes("Audit Committee", "Tuesday 4 March 2025"),
    "date/minutes.txt.yml": "date: 2025-03-05  # the minutes misprint the day\n",
    "date/undated.txt": UNDATED,
    "date/undated.txt.yml": "date: 2 April 2025\n",
    "committee/minutes.txt": minutes("Planning Committee", "Wednesday 12 March 2025"),
    "committee/minutes.txt.yml": "committee: Licensing Committee\n",
    "kind/notes.txt": NOTES,
    "kind/notes.txt.yml": "kind: minutes\n",
    "title/report.txt": report("Enforcement case at 4 Mill Lane", "the breach at 4 Mill Lane.", date="19 March 2025"),
    "title/report.txt.yml": "title: Planning enforcement update\n",
    "exempt/open-report.txt": report("Land disposal", f"the offer of {SIDECAR_SECRET} for the depot.", date="19 March 2025"),
    "exempt/open-report.txt.yml": "exempt: true\n",
    "exempt/marked-report.txt": report("Allotment rents", "the allotment rents for 2025.", classification="Exempt",
                                       date="19 March 2025"),
    "exempt/marked-report.txt.yml": "exempt: false  # nothing in it is exempt: marked so by mistake\n",
    "names/minutes.txt": minutes("Scrutiny Committee", "Thursday 6 March 2025",
                                 present="Councillor Jon Smiht (Chair) and Councillor Eve Adams",
                                 business="RESOLVED that the report be noted. Moved by Councillor Jon Smiht."),
    "names/minutes.txt.yml": "names:\n  Councillor Jon Smiht: Councillor Jon Smith\n",
    "folder/_folder.yml": (
        "defaults:\n  committee: Harbour Board\n"
        "files:\n  one.txt:\n    date: 2025-05-01\n"
    ),
    "folder/one.txt": minutes("Planning Committee", "Thursday 8 May 2025"),
    "folder/two.txt": minutes("Planning Committee", "Thursday 15 May 2025"),
    "folder/two.txt.yml": "committee: Ferry Board  # nearer than the folder's default\n",
}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    root = new_archive(tmp_path_factory.mktemp("corrected"), CORRECTED)
    return archive(root, "build")


def _meetings(run) -> set[str]:
    return {m["id"] for m in run.export["meetings"]}


def _document(run, source: str) -> dict:
    return next(d for d in run.export["documents"] if d["source"] == source)


def _corrections(run) -> str:
    return run.report.split("Corrections applied", 1)[1].split("\n\n", 1)[0]


def test_a_corrected_archive_builds_cleanly(corrected):
    assert corrected.exit_code == 0, corrected.stderr
    assert "0 error(s)" in corrected.stderr


def test_date_moves_the_document_to_its_meeting_and_page(corrected):
    assert "audit-committee/2025-03-05" in _meetings(corrected)
    assert "audit-committee/2025-03-04" not in _meetings(corrected)
    page = corrected.page("meetings/audit-committee/2025-03-05")
    assert "Riverside footbridge" in page and "Wednesday 5 March 2025" in page
    assert "- date/minutes.txt: meeting date: 2025-03-05 (read as 2025-03-04), from date/minutes.txt.yml" in _corrections(corrected)


def test_date_in_words_gives_an_undated_file_its_meeting_and_no_error(corrected):
    assert "audit-committee/2025-04-02" in _meetings(corrected)
    assert _document(corrected, "date/undated.txt")["meeting"] == "audit-committee/2025-04-02"
    assert "date/undated.txt:" not in corrected.stderr.split("Corrections applied")[0]  # no "no date found"
    assert "- date/undated.txt: meeting date: 2025-04-02 (no date found), from date/undated.txt.yml" in _corrections(corrected)


def test_committee_files_the_meeting_under_the_corrected_committee(corrected):
    assert "licensing-committee/2025-03-12" in _meetings(corrected)
    assert "planning-committee/2025-03-12" not in _meetings(corrected)
    assert "Licensing Committee" in corrected.page("committees/licensing-committee")
    assert "committee: Licensing Committee (read as Planning Committee)" in _corrections(corrected)


def test_kind_reads_the_file_as_that_kind(corrected):
    notes = _document(corrected, "kind/notes.txt")
    assert notes["kind"] == "minutes"
    meeting = next(m for m in corrected.export["meetings"] if m["id"] == notes["meeting"])
    resolutions = [r["text"] for i in meeting["items"] for r in i["resolutions"]]
    assert resolutions == ["It was agreed that the play area be resurfaced."]
    assert "- kind/notes.txt: kind: minutes (read as other), from kind/notes.txt.yml" in _corrections(corrected)


def test_title_renames_the_document_everywhere(corrected):
    document = _document(corrected, "title/report.txt")
    assert document["title"] == "Planning enforcement update"
    assert document["report"]["title"] == "Planning enforcement update"
    assert "<h1" in corrected.page(document["url"].strip("/")) and "Planning enforcement update" in corrected.page(document["url"].strip("/"))
    assert "- title/report.txt: title set, from title/report.txt.yml" in _corrections(corrected)


def test_exempt_true_withholds_the_document(corrected):
    document = _document(corrected, "exempt/open-report.txt")
    assert (document["published"], document["exempt"], document["download"]) == (False, True, None)
    assert document["withheld"] == "the clerk marked it exempt from publication"
    page = corrected.page(document["url"].strip("/"))
    assert "This document is exempt from publication" in page and SIDECAR_SECRET not in page
    for path in (corrected.root / "site").rglob("*"):
        if path.is_file():
            assert SIDECAR_SECRET.encode() not in path.read_bytes(), path
    assert "- exempt/open-report.txt: withheld whole" in corrected.report


def test_exempt_false_publishes_a_report_taken_for_exempt(corrected):
    document = _document(corrected, "exempt/marked-report.txt")
    assert (document["published"], document["exempt"]) == (True, False)
    assert document["download"]
    assert "the allotment rents for 2025" in corrected.page(document["url"].strip("/"))
    assert ("- exempt/marked-report.txt: exempt: false, published (the builder took it for exempt: marked 'Exempt' "
            "(exempt from publication)), from exempt/marked-report.txt.yml") in _corrections(corrected)


def test_names_show_people_as_the_clerk_says(corrected):
    meeting = next(m for m in corrected.export["meetings"] if m["id"] == "scrutiny-committee/2025-03-06")
    names = [a["name"] for a in meeting["attendance"]]
    assert "Councillor Jon Smith" in names and not any("Smiht" in name for name in names)
    people = {p["name"] for p in corrected.export["people"]}
    assert any("Jon Smith" in name for name in people) and not any("Jon Smiht" in name for name in people)
    assert "Councillor Jon Smith" in corrected.page("meetings/scrutiny-committee/2025-03-06")
    assert "name 'Councillor Jon Smiht' shown as 'Councillor Jon Smith'" in _corrections(corrected)


def test_quoted_text_stays_as_printed(corrected):
    meeting = next(m for m in corrected.export["meetings"] if m["id"] == "scrutiny-committee/2025-03-06")
    texts = " ".join(r["text"] for i in meeting["items"] for r in i["resolutions"]) + " ".join(i["text"] for i in meeting["items"])
    assert "Smiht" in texts


def test_folder_defaults_and_entries_apply_and_the_nearer_word_wins(corrected):
    assert "harbour-board/2025-05-01" in _meetings(corrected)  # the folder's committee, its entry's date
    assert "ferry-board/2025-05-15" in _meetings(corrected)  # the file's own sidecar over the folder's default
    lines = _corrections(corrected)
    assert ("- folder/one.txt: meeting date: 2025-05-01 (read as 2025-05-08), from folder/_folder.yml; "
            "committee: Harbour Board (read as Planning Committee), from folder/_folder.yml") in lines
    assert "- folder/two.txt: committee: Ferry Board (read as Planning Committee), from folder/two.txt.yml" in lines


def test_a_sidecar_is_not_a_document(corrected):
    sources = {d["source"] for d in corrected.export["documents"]}
    assert not any(source.endswith(".yml") for source in sources)
    assert not list((corrected.root / "site").rglob("*.yml"))


def test_the_document_page_says_what_the_clerk_corrected(corrected):
    page = corrected.page("documents/committee-minutes")
    assert "Corrected by the clerk" in page and "committee: Licensing Committee" in page


def test_corrections_apply_to_check_and_export_alike(corrected):
    checked = archive(corrected.root, "check")
    assert checked.exit_code == 0
    assert "- committee/minutes.txt: committee: Licensing Committee" in checked.stdout
    exported = archive(corrected.root, "export")
    assert '"licensing-committee/2025-03-12"' in exported.stdout


# --- Sidecars the builder cannot use --------------------------------------------------------------

BAD_SECRET = "BAD-SIDECAR-SECRET"

BAD = {
    "m1.txt": minutes("Audit Committee", "Tuesday 7 January 2025"),
    "m1.txt.yml": "committee: [Audit\n",
    "m2.txt": minutes("Audit Committee", "Tuesday 14 January 2025"),
    "m2.txt.yml": "comittee: Licensing Committee\ndate: 2025-01-15\n",
    "m3.txt": minutes("Audit Committee", "Tuesday 21 January 2025"),
    "m3.txt.yml": "date: 2025-02-30\n",
    "m4.txt": minutes("Audit Committee", "Tuesday 28 January 2025"),
    "m4.txt.yml": "date: next Tuesday\n",
    "m5.txt": minutes("Audit Committee", "Tuesday 4 February 2025"),
    "m5.txt.yml": "kind: memo\n",
    "m6.txt": minutes("Audit Committee", "Tuesday 11 February 2025"),
    "m6.txt.yml": "date: 2025-02-11\ndate: 2025-02-12\n",
    "m7.txt": minutes("Audit Committee", "Tuesday 18 February 2025"),
    "m7.txt.yml": "names: Councillor Bob Smiht\n",
    "r1.txt": report("Depot sale", f"the offer of {BAD_SECRET}-1 for the depot."),
    "r1.txt.yml": "exempt: maybe\n",
    "r2.txt": report("Car park lease", f"the lease to {BAD_SECRET}-2."),
    "r2.txt.yml": "exempt: true\ntitle: [Car park\n",
    "ghost.pdf.yml": "date: 2025-01-01\n",
    "notes.yml": "to do: ask the clerk\n",
    "sub/_folder.yml": "committee: Audit Committee\nfiles:\n  missing.txt:\n    date: 2025-01-01\n",
    "sub/m8.txt": minutes("Audit Committee", "Tuesday 25 February 2025"),
}

BAD_LINES = {
    "m1.txt.yml": "not valid YAML (line 2, column 1: ",
    "m2.txt.yml": "unknown key 'comittee': a sidecar can correct committee, date, kind, title, exempt, names (did you mean 'committee'?)",
    "m3.txt.yml": "date: '2025-02-30' is not a date in the calendar (write it as YYYY-MM-DD, e.g. 2025-02-13)",
    "m4.txt.yml": "date: 'next Tuesday' is not a date (write it as YYYY-MM-DD, e.g. 2025-02-13)",
    "m5.txt.yml": "kind: 'memo' is not a kind the archive knows; use one of agenda, minutes, report, decision, other",
    "m6.txt.yml": "the key 'date' is given twice",
    "m7.txt.yml": "names: expected lines of `printed name: correct name`",
    "r1.txt.yml": "exempt: 'maybe' must be true or false; until it is, the document is withheld, to be safe",
    "r2.txt.yml": "since it mentions exempt, its documents are withheld until it is fixed",
    "ghost.pdf.yml": "corrects no file: there is no 'ghost.pdf' beside it",
    "notes.yml": "corrects no file: it is not named after a file",
    "sub/_folder.yml": "files: 'missing.txt' is not a file in this folder",
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    root = new_archive(tmp_path_factory.mktemp("bad-sidecars"), BAD)
    return archive(root, "build")


def test_bad_sidecars_make_the_build_exit_1_and_the_rest_is_built(bad):
    assert bad.exit_code == 1, bad.stderr
    assert (bad.root / "site" / "index.html").exists()
    sources = {d["source"] for d in bad.export["documents"]}
    assert {name for name in BAD if not name.endswith(".yml")} == sources
    assert "empty: nothing to correct" not in bad.report  # an unreadable sidecar is not an empty one


@pytest.mark.parametrize("sidecar, message", sorted(BAD_LINES.items()))
def test_each_bad_sidecar_is_an_error_naming_it_and_what_is_wrong(bad, sidecar, message):
    lines = [line for line in bad.report.splitlines() if line.startswith(f"ERROR: {sidecar}: ")]
    assert any(message in line for line in lines), lines
    assert any(message in line for line in bad.lines(f"ERROR: {sidecar}: "))  # on screen too


def test_a_correction_key_at_the_top_of_a_folder_file_is_reported(bad):
    assert any("'committee' belongs under `defaults:`" in line for line in bad.lines("ERROR: sub/_folder.yml: "))


def test_what_is_valid_in_a_bad_sidecar_still_applies(bad):
    # m2.txt.yml misspells committee, but its date is good.
    assert next(d for d in bad.export["documents"] if d["source"] == "m2.txt")["meeting"] == "audit-committee/2025-01-15"


def test_a_sidecar_whose_exempt_cannot_be_read_withholds_its_document(bad):
    for source in ("r1.txt", "r2.txt"):
        document = next(d for d in bad.export["documents"] if d["source"] == source)
        assert (document["published"], document["exempt"], document["download"]) == (False, True, None)
    for path in (bad.root / "site").rglob("*"):
        if path.is_file():
            assert BAD_SECRET.encode() not in path.read_bytes(), path


def test_a_name_no_file_prints_is_a_warning(tmp_path):
    root = new_archive(tmp_path, {"m.txt": minutes(), "m.txt.yml": "names:\n  Councillor Nobody: Councillor Somebody\n"})
    run = archive(root, "check")
    assert run.exit_code == 0
    assert ("WARNING: m.txt.yml: names: 'Councillor Nobody' is not printed as anyone's name in m.txt: nothing was "
            "changed (copy the name as the page shows it)") in run.stdout
