"""The clerk sees what was not read: coverage in the build report, `archive check` and the export."""

from __future__ import annotations

import json

from clerk_archive import archive, minutes, new_archive


def test_coverage_counts_what_was_read_and_what_was_guessed(tmp_path):
    undated = minutes(date="").replace("held on  at", "held at")  # the date only in the file name
    unread = "Notes taken at the village hall.\n\nSome words about the weather, and nothing else.\n"
    root = new_archive(tmp_path / "archive", {
        "2025-03-04_minutes.txt": minutes(),
        "2025-04-01_minutes.txt": undated,
        "2025-05-06_minutes.txt": minutes(date="Tuesday 6 May 2025", present="", business="The bridge was discussed."),
        "notes.txt": unread,
    })
    built = archive(root, "build", "--no-publish")
    coverage = json.loads(archive(root, "export").stdout)["coverage"]
    assert coverage == {
        "minutes": 3, "minutes_with_members_present": 2, "minutes_with_a_decision": 2,
        "minutes_approving_earlier_minutes": 0, "minutes_with_items": 3,
        "files": 4, "files_with_a_meeting": 3, "files_with_committee_from_text": 3, "files_with_date_from_text": 2,
    }
    line = ("Coverage: of 3 minutes, 2 (67%) gave members present, 2 (67%) at least one decision, 0 (0%) an approval "
            "of earlier minutes, 3 (100%) items; of 4 files, 3 (75%) have a meeting, 3 (75%) a committee and 2 (50%) "
            "a date from their text")
    assert line in built.report and line in built.stderr + built.stdout
    assert line in archive(root, "check", "--quiet").stdout
    assert "- Planning Committee: 3 meeting(s)" in built.report


def test_a_committee_the_text_does_not_name_is_read_from_the_folder_and_the_clerk_told(tmp_path):
    """'2025/03/20-Meeting of the Licensing Committee/Minutes.md': the folder names the body, under
    any of its names, where the text and the file's own name do not; the nearest folder counts."""
    nameless = minutes().replace("PLANNING COMMITTEE\n\n", "").replace("of the Planning Committee ", "")
    root = new_archive(tmp_path / "archive", {
        "2025-02-04_minutes.txt": minutes(date="Tuesday 4 February 2025"),
        "2025-02-05_minutes.txt": minutes(committee="Licensing Committee", date="Wednesday 5 February 2025"),
        "Planning Committee/2025-03-04-Meeting of the Licensing Committee/Minutes.txt": nameless,
    })
    assert "Planning Committee" not in nameless and "Licensing" not in nameless
    built = archive(root, "build", "--no-publish")
    export = json.loads(archive(root, "export").stdout)
    (document,) = [d for d in export["documents"] if d["source"].endswith("Minutes.txt")]
    assert document["meeting"] == "licensing-committee/2025-03-04"
    assert "filed under 'licensing-committee' from the file or folder name" in built.report
    assert export["coverage"]["files_with_committee_from_text"] == 2
