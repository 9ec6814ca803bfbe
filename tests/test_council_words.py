"""A council's own words, taught in archive.yml without code (parse/vocabulary.py): labels of its
attendance lists, the words it opens a decision or tells an outcome with, and the order it writes
numeric dates in. Each test builds the same minutes with and without the words, so it shows that
the words, and nothing else, made the difference."""

from __future__ import annotations

from clerk_archive import archive, new_archive

MINUTES = """Riverbend Township Board

Minutes of the regular meeting of the Riverbend Township Board held on 03/04/2025 at 7:00 pm in the Town Hall

Councillors in attendance: Supervisor Ann Lake, Supervisor Bob Hill, Supervisor Cara Moss
Sent regrets: Supervisor Dan Ford

1. Roads

Moved by Supervisor Ann Lake, seconded by Supervisor Bob Hill, that the grader be repaired. Motion sustained.
It was determined that the culvert on Mill Road be replaced in the spring.

2. Adjournment

The meeting closed at 8:15 pm.
"""

WORDS = """attendance_labels:
  Councillors in attendance: present
  Sent regrets: apologies
decision_words: [It was determined that]
outcome_words:
  Motion sustained: carried
date_order: month-first
"""


def _meeting(tmp_path, settings: str | None):
    root = new_archive(tmp_path, {"minutes.txt": MINUTES}, settings)
    built = archive(root, "build", "--no-publish")
    assert built.exit_code == 0, built.stderr
    export = archive(root, "export")
    import json

    (meeting,) = [m for m in json.loads(export.stdout)["meetings"] if m["status"] == "held"]
    return meeting, built


def test_the_councils_words_are_read(tmp_path):
    meeting, _ = _meeting(tmp_path, "site_name: Riverbend\n" + WORDS)
    assert meeting["date"] == "2025-03-04"  # month first, as the archive says
    assert [(a["name"], a["status"], a["role"]) for a in meeting["attendance"]] == [
        ("Supervisor Ann Lake", "present", "member"), ("Supervisor Bob Hill", "present", "member"),
        ("Supervisor Cara Moss", "present", "member"), ("Supervisor Dan Ford", "apologies", "member")]
    roads = meeting["items"][0]
    assert [(r["text"], r["outcome"]) for r in roads["resolutions"]] == [
        ("Moved by Supervisor Ann Lake, seconded by Supervisor Bob Hill, that the grader be repaired.", "carried"),
        ("It was determined that the culvert on Mill Road be replaced in the spring.", "carried")]


def test_without_them_nothing_is_guessed(tmp_path):
    meeting, built = _meeting(tmp_path, None)
    assert meeting["date"] == "2025-04-03"  # day first, and the clerk is told so
    assert "dates such as '03/04/2025' could be day first or month first: read day first" in built.report
    assert "set date_order in archive.yml" in built.stdout + built.stderr
    assert [a["name"] for a in meeting["attendance"]] == []  # labels it does not know are no lists
    assert [(r["text"], r["outcome"]) for r in meeting["items"][0]["resolutions"]] == [
        ("Moved by Supervisor Ann Lake, seconded by Supervisor Bob Hill, that the grader be repaired.", "unknown")]


def test_a_document_settles_its_own_date_order(tmp_path):
    """A date that fits one order only ("13/03/2025") settles the document's, whatever the setting."""
    text = MINUTES.replace("The meeting closed at 8:15 pm.", "The next meeting will be held on 13/03/2025.")
    root = new_archive(tmp_path, {"minutes.txt": text}, "date_order: month-first\n")
    import json

    meetings = json.loads(archive(root, "export").stdout)["meetings"]
    assert [m["date"] for m in meetings if m["status"] == "held"] == ["2025-04-03"]


def test_a_meeting_mentioned_in_prose_is_found_in_the_documents_date_order(tmp_path):
    """ "as agreed at the meeting on 02/03/2025" in month-first minutes is 3 February, not 2 March."""
    earlier = MINUTES.replace("03/04/2025", "02/03/2025")
    later = MINUTES.replace("The meeting closed at 8:15 pm.",
                            "The clerk recalled what was agreed at the meeting on 02/03/2025 about the grader.")
    root = new_archive(tmp_path, {"a.txt": earlier, "b.txt": later}, "date_order: month-first\n")
    import json

    export = json.loads(archive(root, "export").stdout)
    assert sorted(m["date"] for m in export["meetings"] if m["status"] == "held") == ["2025-02-03", "2025-03-04"]
    refers = [(l["from"].split("/")[1], l["to"].split("/")[1]) for l in export["links"] if l["kind"] == "refers-to"]
    assert ("2025-03-04", "2025-02-03") in refers
