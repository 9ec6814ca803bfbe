"""Exempt documents: a paper classified exempt, headed "not for publication" or citing a paragraph of
Schedule 12A, or one the clerk's sidecar marks `exempt: true`, stays listed by its title and says it is
withheld and why, with no text and no download; nothing it says reaches a page, the export or the search
index; the build report lists what was withheld and why."""

from __future__ import annotations

import html
import json

import pytest
from clerk_archive import archive, minutes, new_archive, report
from corpus import corpus_folder

from archive_builder.model import Line
from archive_builder.parse.exempt import exempt_marking
from archive_builder.parse.report import read_report

# Words that appear only in what must be withheld: none may be found anywhere published.
SECRETS = ("zanzibarquux", "qwertyvault", "plughmoxie", "grobblewick", "frobnitzperson", "snarfblatt")

FILES = {
    "2025-03-04_exempt-report.txt": report("Disposal of the depot", "the offer of zanzibarquux for the depot.",
                                           classification="Exempt"),
    "2025-03-04_legal-advice.txt": (
        "NOT FOR PUBLICATION\n\nPLANNING COMMITTEE\n4 March 2025\n\nReport of the Head of Legal Services\n\n"
        "Subject: Legal advice on Mill Lane\n\n1. Advice\n\nCounsel qwertyvault advises that the appeal would fail.\n"
    ),
    "2025-03-04_lease.txt": (
        "PLANNING COMMITTEE\n4 March 2025\n\nReport of the Head of Property\n\nSubject: Lease of unit 4\n\n"
        "This report contains exempt information within paragraph 3 of Part 1 of Schedule 12A to the Local "
        "Government Act 1972.\n\n1. Terms\n\nThe rent offered by plughmoxie is below the market rent.\n"
    ),
    "2025-03-04_parking.txt": (
        "PLANNING COMMITTEE\n4 March 2025\n\nReport of the Head of Transport\n\nSubject: Parking review\n"
        "Classification: Open\nAppendix B is not for publication by virtue of paragraph 3 of Schedule 12A.\n\n"
        "1. Summary\n\nThe public parking proposals for the town centre.\n"
    ),
    "2025-03-04_minutes.txt": minutes("Planning Committee", "Tuesday 4 March 2025"),
    "2025-03-11_private-minutes.txt": minutes(
        "Planning Committee", "Tuesday 11 March 2025", present="Councillor Frobnitzperson (Chair) and Councillor Ann Example",
        business="RESOLVED that the grobblewick contract be terminated."),
    "2025-03-11_private-minutes.txt.yml": "exempt: true\n",
    "2025-03-18_pack.txt": (
        "PLANNING COMMITTEE\n\nAGENDA for a meeting of the Planning Committee to be held on Tuesday 18 March 2025 at "
        "7.00 pm at the Town Hall\n\n1. Apologies for absence\n\n2. Minutes of the previous meeting\n\n"
        "3. Sale of the depot (exempt)\n\f"
        "Agenda Item 3\n\nPLANNING COMMITTEE\n18 March 2025\n\nReport of the Head of Property\n\nSubject: Sale of the depot\n"
        "Classification: Exempt\n\n1. Summary\n\nThe offer from snarfblatt is the best.\n\n"
        "2. Recommendations\n\nThat the offer of snarfblatt be accepted.\n"
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = new_archive(tmp_path_factory.mktemp("withheld"), FILES)
    return archive(root, "build")


def _document(built, source: str) -> dict:
    return next(d for d in built.export["documents"] if d["source"] == source)


def test_the_archive_builds(built):
    assert built.exit_code == 0, built.stderr


@pytest.mark.parametrize("source, why", [
    ("2025-03-04_exempt-report.txt", "marked 'Exempt' (exempt from publication)"),
    ("2025-03-04_legal-advice.txt", "its first page says it is not for publication"),
    ("2025-03-04_lease.txt", "its first page cites paragraph 3 of Schedule 12A to the Local Government Act 1972 (exempt information)"),
    ("2025-03-11_private-minutes.txt", "the clerk marked it exempt from publication"),
])
def test_an_exempt_document_is_listed_withheld_and_says_why(built, source, why):
    document = _document(built, source)
    assert (document["exempt"], document["published"], document["download"], document["withheld"]) == (True, False, None, why)
    page = html.unescape(built.page(document["url"].strip("/")))
    assert f"This document is exempt from publication: {why}." in page
    assert "Withheld: this document is exempt from publication." in page
    assert 'class="archive-page"' not in page  # no text, page by page
    folder = built.root / "site" / document["url"].strip("/")
    assert [p.name for p in folder.iterdir()] == ["index.html"]  # no download
    listing = built.page("documents")
    assert document["title"] in listing
    assert f"- {source}: withheld whole (no text, no download; listed by title): {why}" in built.report


def test_the_title_of_an_exempt_report_is_kept(built):
    assert _document(built, "2025-03-04_exempt-report.txt")["title"] == "Disposal of the depot"
    assert _document(built, "2025-03-04_lease.txt")["title"] == "Lease of unit 4"


def test_an_exempt_report_keeps_only_what_an_agenda_prints_of_it(built):
    facts = _document(built, "2025-03-04_exempt-report.txt")["report"]
    assert facts["title"] == "Disposal of the depot" and facts["classification"] == "Exempt"
    assert (facts["recommendations"], facts["author"], facts["appendices"]) == ([], None, [])


def test_minutes_marked_exempt_keep_their_items_titles_only(built):
    meeting = next(m for m in built.export["meetings"] if m["id"] == "planning-committee/2025-03-11")
    assert [(i["title"], i["exempt"], i["text"], i["resolutions"]) for i in meeting["items"]] == [
        ("Apologies for absence", True, "", []), ("Riverside footbridge", True, "", [])]
    assert meeting["attendance"] == []


def test_an_agenda_pack_holding_an_exempt_report_is_not_offered_for_download(built):
    pack = _document(built, "2025-03-18_pack.txt")
    assert (pack["published"], pack["download"]) == (False, None)
    part = next(d for d in built.export["documents"] if d["part_of"] == pack["id"] and d["kind"] == "report")
    assert (part["exempt"], part["title"]) == (True, "Sale of the depot")


def test_an_open_report_citing_schedule_12a_for_an_appendix_stays_open_with_a_warning(built):
    document = _document(built, "2025-03-04_parking.txt")
    assert (document["exempt"], document["published"]) == (False, True)
    assert "The public parking proposals" in built.page(document["url"].strip("/"))
    assert ("WARNING: 2025-03-04_parking.txt: classified 'Open', but its first page also says it is not for publication: "
            "published as open; if any of it is exempt, withhold it with a sidecar saying exempt: true") in built.stderr


@pytest.mark.parametrize("secret", SECRETS)
def test_nothing_withheld_reaches_the_site(built, secret):
    for folder in ("site", "docs"):
        for path in (built.root / folder).rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes().lower(), path


@pytest.mark.parametrize("secret", SECRETS)
def test_nothing_withheld_reaches_the_export(built, secret):
    assert secret not in json.dumps(built.export).lower()
    assert secret not in archive(built.root, "export").stdout.lower()


@pytest.mark.parametrize("secret", SECRETS)
def test_nothing_withheld_reaches_the_search_index(built, secret):
    from search import open_index

    index = open_index(built.root / ".archive" / "index")
    with index.searcher() as searcher:
        stored = json.dumps(list(searcher.all_stored_fields()), default=str).lower()
        assert secret not in stored
        assert not [t for field in ("text", "title", "exact", "people") for t in searcher.lexicon(field)
                    if secret.encode() in t.lower()]
    found = archive(built.root, "search", secret)
    assert found.stdout.startswith("0 results"), found.stdout


def test_what_was_withheld_is_in_the_report_and_the_rest_is_published(built):
    section = built.report.split("Withheld from the site", 1)[1].split("\n\n", 1)[0]
    assert "2025-03-04_minutes.txt" not in section
    assert "- 2025-03-18_pack.txt: holds the text of business taken in private (3: titled 'Sale of the depot (exempt)'); " \
           "the original file is not published; holds an exempt paper (part 2); the original file is not published" in section
    assert "footbridge repairs be approved" in built.page("meetings/planning-committee/2025-03-04")


# --- What is not an exemption ----------------------------------------------------------------------


def _lines(text: str) -> list[Line]:
    return [Line(line, 1) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("head", [
    # The seed report's form: the label explains how to mark a paper exempt; its value is Open.
    "Report from the Head of Digital Services\nOpen or Part/Fully Exempt: (If exempt, please highlight relevant paragraph "
    "of Part 1, Schedule 12A of 1972 Local Government Act)\tOpen",
    # Kent's record of decision: an instruction to the author, under "For publication".
    "PROPOSED RECORD OF DECISION\nFor publication [Do not include information which is exempt from publication under "
    "schedule 12a of the Local Government Act 1972]",
])
def test_a_form_explaining_exemption_is_not_an_exemption(head):
    lines = _lines(head)
    assert exempt_marking(lines, read_report(lines)) == (False, None, None)


def test_no_paper_of_the_real_corpora_is_taken_for_exempt(tmp_path):
    from archive_builder.build import read_archive
    from archive_builder.config import Config

    for folder in ("seeds", "kent-moderngov"):
        result = read_archive(Config(root=tmp_path / folder), corpus_folder(folder), index=False)
        assert [d.source for d in result.archive.documents if d.exempt] == [], folder
