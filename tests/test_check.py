"""`archive check`: what a clerk learns about their files before publishing anything: what was found in
each file, and every warning, file name first; exit status 1 when something is an error. `archive
build` writes the same report, so the two never disagree."""

from __future__ import annotations

import pytest
from clerk_archive import archive, minutes, new_archive

FIRST = minutes("Planning Committee", "Tuesday 4 March 2025", business=(
    "RESOLVED that the Head of Highways report back on the footbridge costs to the next meeting.\n\n"
    "3. Minutes of the previous meeting\n\n"
    "RESOLVED that the minutes of the meeting held on 4 February 2025 be approved as a correct record."
))
SECOND = minutes("Planning Committee", "Tuesday 1 April 2025",
                 business="RESOLVED that the tree preservation order be confirmed.").replace(
    "2. Riverside footbridge", "2. Tree preservation order at Elm Road")
UNDATED = "LICENSING COMMITTEE\n\nMINUTES of the Licensing Committee\n\nPRESENT: Councillor Ann Example\n\n1. Apologies\n\nNone.\n"
SETTINGS = "site_name: Planning\ncommittees:\n  - name: Planning Committee\n    aliases: [Planning Applications Committee]\n"

FILES = {
    "2025-03-04_minutes.txt": FIRST,
    "2025-04-01_minutes.txt": SECOND,
    "copy-of-april.txt": SECOND,
    "2025-04-01_minutes-v2.md": SECOND.replace("be confirmed", "be confirmed without modification"),
    "licensing.txt": minutes("Licensing Committee", "Tuesday 8 April 2025"),
    "2025-05-06_undated-minutes.txt": UNDATED.replace("LICENSING", "PLANNING").replace("Licensing", "Planning"),
    "no-date-anywhere.txt": UNDATED.replace("LICENSING", "PLANNING").replace("Licensing", "Planning").replace("Ann", "Eve"),
    "budget.xlsx": b"PK\x03\x04" + bytes(range(256)) * 4,
    "m.txt.yml": "comittee: Planning Committee\n",
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    root = new_archive(tmp_path_factory.mktemp("check"), FILES, SETTINGS)
    return archive(root, "check")


def _warning(run, source: str, words: str) -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith(f"WARNING: {source}: ") and words in line]


def test_errors_make_check_exit_1(checked):
    assert checked.exit_code == 1
    assert checked.stdout.startswith("Check: 8 source file(s) in ")
    assert "Problems: 3 error(s), 6 warning(s)" in checked.stdout


def test_each_file_says_what_was_found_in_it(checked):
    files = checked.stdout.split("what was found in each:\n", 1)[1].splitlines()
    assert "- 2025-03-04_minutes.txt: minutes, Planning Committee, 4 March 2025: 3 items, 2 resolutions, 4 attendees " \
           "(2 warnings above)" in files
    assert "- licensing.txt: minutes, Licensing Committee, 8 April 2025: 2 items, 1 resolution, 4 attendees (1 warning above)" in files
    assert "- budget.xlsx: nothing could be read (1 error above)" in files
    assert [line for line in files if line.startswith("- no-date-anywhere.txt: minutes, not attached to any meeting: ")
            and line.endswith("(1 error above)")]


def test_a_missing_date_is_a_warning_with_the_file_name_date_and_an_error_without(checked):
    assert _warning(checked, "2025-05-06_undated-minutes.txt", "no meeting date in the text; used the date in the file name (2025-05-06)")
    assert "ERROR: no-date-anywhere.txt: no date found in the text or the file name" in checked.stdout


def test_a_file_that_cannot_be_read_is_an_error(checked):
    assert "ERROR: budget.xlsx: unknown file type '.xlsx'" in checked.stdout


def test_unknown_committee_when_archive_yml_lists_committees(checked):
    assert _warning(checked, "licensing.txt", "is filed under the committee 'Licensing Committee', which archive.yml does not list")
    assert not [line for line in checked.stdout.splitlines() if "'Planning Committee', which archive.yml" in line]


def test_unknown_committees_are_not_warned_of_when_archive_yml_lists_none(tmp_path):
    run = archive(new_archive(tmp_path, {"licensing.txt": minutes("Licensing Committee", "Tuesday 8 April 2025")}), "check")
    assert run.exit_code == 0
    assert "archive.yml does not list" not in run.stdout


def test_two_copies_of_one_file(checked):
    assert _warning(checked, "copy-of-april.txt", "the same file as 2025-04-01_minutes.txt (identical content)")
    assert len([line for line in checked.stdout.splitlines() if line.startswith("WARNING: copy-of-april.txt: ")]) == 1


def test_two_versions_of_one_document(checked):
    assert _warning(checked, "2025-04-01_minutes.txt", "looks like the same document as 2025-04-01_minutes-v2.md: both are "
                                                       "minutes of Planning Committee, 1 April 2025")


def test_minutes_approving_a_meeting_the_archive_lacks(checked):
    assert _warning(checked, "2025-03-04_minutes.txt", "item 3 approves the minutes of Planning Committee, 4 February 2025, "
                                                       "a meeting the archive has no document of")


def test_an_action_overdue(checked):
    assert _warning(checked, "2025-03-04_minutes.txt", "an action of item 2 is overdue (due at the next meeting): "
                                                       "'The Head of Highways report back on the footbridge costs")


def test_sidecar_problems(checked):
    assert "ERROR: m.txt.yml: corrects no file: there is no 'm.txt' beside it" in checked.stdout
    assert "ERROR: m.txt.yml: unknown key" not in checked.stdout  # a sidecar of nothing is not read further


def test_check_writes_no_pages_no_site_and_no_index(checked):
    root = checked.root
    assert not (root / "site").exists()
    assert not (root / ".archive" / "index").exists()
    assert not (root / ".archive" / "build-report.txt").exists()
    assert not (root / "docs" / "meetings" / "planning-committee").exists()


def test_quiet_leaves_out_the_file_by_file_listing(checked):
    quiet = archive(checked.root, "check", "--quiet")
    assert quiet.exit_code == 1
    assert "what was found in each" not in quiet.stdout
    assert [line for line in quiet.stdout.splitlines() if line.startswith(("ERROR:", "WARNING:"))] == \
           [line for line in checked.stdout.splitlines() if line.startswith(("ERROR:", "WARNING:"))]


def test_build_writes_the_same_report(checked, tmp_path):
    built = archive(new_archive(tmp_path / "built", FILES, SETTINGS), "build", "--no-publish")
    assert built.exit_code == 1
    # the same, but for what only a build does: write pages (and move them, and publish)
    body = "".join(line for line in built.report.splitlines(keepends=True)[1:] if not line.startswith("Pages: "))
    assert body == checked.stdout.split("\n", 1)[1]
    assert "Pages: 47 written, 2 unchanged, 0 removed" in built.report
    assert built.report.startswith("Build report: 8 source file(s)")
    # On screen, the build prints the problems and leaves the file-by-file listing to the report.
    assert "Files (8)" not in built.stderr and "Files (8)" in built.report
    assert "WARNING: licensing.txt: is filed under the committee 'Licensing Committee'" in built.stderr


def test_a_clean_archive_checks_with_exit_0(tmp_path):
    run = archive(new_archive(tmp_path, {"2025-03-04_minutes.txt": minutes()}), "check")
    assert run.exit_code == 0, run.stdout
    assert "Problems: 0 error(s), 0 warning(s)" in run.stdout
    assert "- 2025-03-04_minutes.txt: minutes, Planning Committee, 4 March 2025: 2 items, 1 resolution, 4 attendees" in run.stdout
