"""What a hostile or careless clerk's folder holds never escapes it, breaks a build or the next one:
links out of the sources folder, names of every length and character, settings that point outside the
archive, a build killed while writing pages, commands that must only read. Each case is built from
files made for the test."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from clerk_archive import archive, minutes, new_archive

SECRET = "hostilesecretzq"


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _published(root: Path) -> bytes:
    return b"".join(p.read_bytes() for folder in ("site", "docs") for p in (root / folder).rglob("*") if p.is_file())


# --- Sources stay inside their folder -----------------------------------------------------------


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    """An archive whose sources hold every kind of link and odd file."""
    base = tmp_path_factory.mktemp("links")
    outside = base / "outside.txt"
    outside.write_text(f"MINUTES of the Planning Committee held on 4 March 2025\n\n{SECRET}\n", encoding="utf-8")
    root = new_archive(base / "archive", {"2025-03-04_minutes.txt": minutes()})
    sources = root / "sources"
    (sources / "passwd.txt").symlink_to("/etc/passwd")
    (sources / "relative.txt").symlink_to("../../outside.txt")
    (sources / "dangling.txt").symlink_to("nothing-here.txt")
    (sources / "loop.txt").symlink_to("loop.txt")
    (sources / "same-minutes.txt").symlink_to("2025-03-04_minutes.txt")  # inside: read
    (sources / "folder").mkdir()
    (sources / "folder" / "up").symlink_to("..")
    (sources / "elsewhere").symlink_to(base)
    os.mkfifo(sources / "pipe.txt")
    (sources / ".DS_Store").write_bytes(b"\x00\x01")
    (sources / "minutes.txt~").write_text(SECRET, encoding="utf-8")
    (sources / "~$minutes.docx").write_bytes(b"lock")
    (sources / ".hidden").mkdir()
    (sources / ".hidden" / "notes.txt").write_text(SECRET, encoding="utf-8")
    return archive(root, "build")


def test_links_out_of_the_folder_are_refused_and_the_rest_is_built(linked):
    assert linked.exit_code == 1, linked.stderr  # errors to see; the site is built
    assert (linked.root / "site" / "index.html").is_file()
    for name in ("passwd.txt", "relative.txt"):
        assert (f"ERROR: {name}: a link to a file outside the sources folder: refused, so that nothing outside "
                "the folder is ever published (copy the file into the folder instead)") in linked.stderr
    assert "ERROR: elsewhere: " not in linked.stderr
    assert "WARNING: elsewhere: a link to a folder outside the sources folder: refused" in linked.stderr


def test_nothing_outside_the_folder_is_published(linked):
    published = _published(linked.root)
    assert b"root:x:0:0" not in published and SECRET.encode() not in published
    sources = {d["source"] for d in linked.export["documents"]}
    assert sources == {"2025-03-04_minutes.txt", "same-minutes.txt"}


@pytest.mark.parametrize("line", [
    "WARNING: dangling.txt: a link to a file that is not there (nothing-here.txt): not read",
    "WARNING: loop.txt: a link that leads round in a loop: not read",
    "WARNING: folder/up: a link to another folder of the sources: not followed, so that its files are not listed twice",
    "ERROR: pipe.txt: not a file but a named pipe: not read",
    "INFO: .DS_Store: skipped: a hidden file",
    "INFO: minutes.txt~: skipped: an editor's backup, lock or system file, not a document",
    "INFO: ~$minutes.docx: skipped: an editor's backup, lock or system file, not a document",
    "INFO: .hidden/: skipped: a hidden folder",
])
def test_every_file_left_out_has_its_line_in_the_report(linked, line):
    assert line in linked.report


def test_a_link_out_removed_leaves_a_next_build_that_completes(tmp_path):
    (tmp_path / "outside.txt").write_text("MINUTES of the Planning Committee held on 4 March 2025\n", encoding="utf-8")
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    (root / "sources" / "relative.txt").symlink_to("../../outside.txt")
    assert archive(root, "build").exit_code == 1
    (root / "sources" / "relative.txt").unlink()
    again = archive(root, "build")
    assert again.exit_code == 0, again.stderr


def test_another_folder_of_links_is_read_only_for_what_it_holds(tmp_path):
    """`--sources` names any folder (as /etc/ssl does, with its links into /usr/share): only what is in it is read."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "target.txt").write_text(SECRET, encoding="utf-8")
    (elsewhere / "cert.txt").symlink_to(tmp_path / "target.txt")
    (elsewhere / "2025-03-04_minutes.txt").write_text(minutes(), encoding="utf-8")
    root = new_archive(tmp_path / "a", {})
    built = archive(root, "build", "--sources", str(elsewhere))
    assert built.exit_code == 1 and "ERROR: cert.txt: a link to a file outside the sources folder" in built.stderr
    assert SECRET.encode() not in _published(root)


# --- archive.yml: every value checked, nothing outside the archive --------------------------------


@pytest.mark.parametrize("settings, message", [
    ("committees:\n  - id: ../../../../outside/ESCAPED\n    name: Planning Committee\n",
     "committees: Planning Committee: id '../../../../outside/ESCAPED' must be lower-case letters, digits and hyphens"),
    ("committees: 5\n", "committees: expected a list of committees (each `- name: ...`), found '5'"),
    ("committees:\n  - name: Planning\n    id: planning\n  - name: Planning Committee\n    id: planning\n",
     "committees: 'Planning' and 'Planning Committee' both have the id 'planning'"),
    ("site_url: 123\n", "site_url: expected the site's web address (e.g. https://decisions.example.org/), found '123'"),
    ("site_url: javascript:alert(1)\n", "site_url: expected the site's web address"),
    ("sources: /etc/ssl\n", "sources: '/etc/ssl' is not a folder inside the archive"),
    ("sources: ../elsewhere\n", "sources: '../elsewhere' is not a folder inside the archive"),
    ("site_name: [a, b]\n", "site_name: expected a line of text, found a list"),
    ("private_headings: Members only\n", "private_headings: expected a list of headings"),
    ("committees:\n  - name: Planning\n    aliases: Planning Cttee\n", "committees: Planning: aliases: expected a list of names"),
    ("date_order: sideways\n", "date_order: expected one of day-first, month-first, found 'sideways'"),
    ("attendance_labels: [Regrets]\n", "attendance_labels: expected lines of `words: meaning` (meaning one of present, chair,"),
    ("attendance_labels:\n  Regrets: perhaps\n", "attendance_labels: Regrets: expected one of present, chair, apologies,"),
    ("outcome_words:\n  Motion sustained: won\n", "outcome_words: Motion sustained: expected one of carried, lost, deferred, noted"),
    ("decision_words: It was determined\n", "decision_words: expected a list"),
])
def test_a_wrong_setting_is_named_clearly_and_nothing_is_built(tmp_path, settings, message):
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()}, settings)
    built = archive(root, "build")
    assert built.exit_code == 1 and message in built.stderr, built.stderr
    assert not (tmp_path / "outside").exists() and not (root / "site").exists()


def test_an_archive_yml_that_is_not_text_is_named_clearly(tmp_path):
    root = new_archive(tmp_path / "a", {})
    (root / "archive.yml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    built = archive(root, "build")
    assert built.exit_code == 1 and "archive.yml: not a text file (not UTF-8 at byte 0)" in built.stderr


def test_a_manifest_naming_paths_outside_docs_removes_nothing_there(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    assert archive(root, "build").exit_code == 0
    manifest = root / ".archive" / "manifest.json"
    entries = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**entries, "../../victim.txt": "copy", str(victim): "copy"}), encoding="utf-8")
    assert archive(root, "build").exit_code == 0
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_folder_of_docs_that_links_out_is_never_written_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    shutil.rmtree(root / "docs" / "meetings", ignore_errors=True)
    (root / "docs" / "meetings").symlink_to(outside)
    built = archive(root, "build", "--no-publish")
    assert list(outside.iterdir()) == []
    assert "ERROR: docs/meetings/planning-committee/2025-03-04/index.md: an address outside docs/: not written" in built.stderr


def test_a_redirect_from_an_address_outside_the_site_is_never_written(tmp_path):
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    (root / "redirects.yml").write_text("'../../../outside/': meetings/planning-committee/2025-03-04/\n", encoding="utf-8")
    archive(root, "build")
    assert not (tmp_path / "outside").exists()


# --- A build killed or failing while writing pages -------------------------------------------------


def _killed_while_writing(root: Path, after: str) -> subprocess.CompletedProcess:
    """`archive build`, killed (SIGKILL) right after it wrote the first page whose path holds `after`."""
    killer = (
        "import os, signal, sys\n"
        "import archive_builder.publish.pages as writer\n"
        "original = writer._atomic_write\n"
        "def dying(path, data):\n"
        "    original(path, data)\n"
        f"    if {after!r} in str(path):\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "writer._atomic_write = dying\n"
        "from archive_builder.cli import main\n"
        f"sys.argv = ['archive', 'build', '--root', {str(root)!r}]\n"
        "main()\n"
    )
    return subprocess.run([sys.executable, "-c", killer], capture_output=True, text=True)


def test_pages_written_by_a_killed_build_are_the_builders_at_the_next(tmp_path):
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    assert archive(root, "build").exit_code == 0
    (root / "sources" / "2025-04-01_minutes.txt").write_text(minutes(date="Tuesday 1 April 2025"), encoding="utf-8")
    killed = _killed_while_writing(root, "2025-04-01")  # a page of the new meeting written, others not
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = archive(root, "build")
    assert again.exit_code == 0, again.stderr
    assert "written by a person" not in again.report
    # ... and they follow the sources from then on: the new meeting's minutes corrected, its page too
    (root / "sources" / "2025-04-01_minutes.txt").write_text(
        minutes(date="Tuesday 1 April 2025", business="RESOLVED that the footbridge be painted green."), encoding="utf-8")
    assert archive(root, "build").exit_code == 0
    assert "painted green" in (root / "site" / "meetings" / "planning-committee" / "2025-04-01" / "index.html").read_text(encoding="utf-8")


def test_a_build_failing_while_writing_pages_leaves_a_next_build_that_completes(tmp_path, monkeypatch):
    import archive_builder.publish.pages as writer

    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    original, calls = writer._atomic_write, []

    def failing(*args):
        calls.append(1)
        if len(calls) > 4:
            raise OSError(28, "No space left on device")
        return original(*args)

    monkeypatch.setattr(writer, "_atomic_write", failing)
    with pytest.raises(OSError):
        archive(root, "build")
    monkeypatch.setattr(writer, "_atomic_write", original)
    again = archive(root, "build")
    assert again.exit_code == 0 and "written by a person" not in again.report, again.stderr


# --- Names of every length and character -------------------------------------------------------------


def test_names_too_long_for_any_file_system_once_derived_still_build(tmp_path):
    long_254 = "2025-03-04_" + "m" * (254 - len("2025-03-04_") - len(".txt")) + ".txt"
    folder = "a" * 200
    files = {
        long_254: minutes(),
        f"{folder}/2025-04-01_{'x' * 200}_minutes-one.txt": minutes(date="Tuesday 1 April 2025"),
        f"{folder}/2025-04-01_{'x' * 200}_minutes-two.txt": minutes(committee="Licensing Committee", date="Tuesday 1 April 2025"),
    }
    assert len(long_254.encode()) == 254
    root = new_archive(tmp_path / "a", files)
    built = archive(root, "build")
    assert built.exit_code == 0, built.stderr
    documents = built.export["documents"]
    assert len({d["id"] for d in documents}) == 3  # names that differ only after the 200th character stay apart
    for document in documents:
        assert len(document["id"]) <= 122
        download = root / "site" / urllib.parse.unquote(document["download"])
        assert download.is_file() and len(download.name.encode()) <= 200
    again = json.loads(archive(root, "export").stdout)["documents"]
    assert [d["id"] for d in again] == [d["id"] for d in documents]  # the same ids at every build


@pytest.mark.parametrize("name", ["Minutes #3 (draft?) 2025-03-04.txt", "2025-03-04 minutes 100%.txt", "2025-03-04 minutes&more.txt"])
def test_a_download_link_works_whatever_the_file_is_called(tmp_path, name):
    root = new_archive(tmp_path / "a", {name: minutes()})
    built = archive(root, "build")
    assert built.exit_code == 0, built.stderr
    document = built.export["documents"][0]
    page = root / "site" / document["url"] / "index.html"
    link = _download_href(page.read_text(encoding="utf-8"))
    target = (page.parent / urllib.parse.unquote(urllib.parse.urlsplit(link).path)).resolve()  # as a browser reads it
    assert target.is_file() and target.read_text(encoding="utf-8") == minutes()


def _download_href(html: str) -> str:
    from html.parser import HTMLParser

    found = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if tag == "a" and "download" in attributes:
                found.append(attributes["href"])

    Links().feed(html)
    assert len(found) == 1, found
    return found[0]


def test_a_name_that_is_not_utf8_is_read_and_listed(tmp_path):
    root = new_archive(tmp_path / "a", {})
    (root / "sources").joinpath(os.fsdecode(b"2025-03-04_minutes-\xff.txt")).write_text(minutes(), encoding="utf-8")
    built = archive(root, "build")
    assert built.exit_code == 0, built.stderr
    assert [d["source"] for d in built.export["documents"]] == ["2025-03-04_minutes-\ufffd.txt"]
    assert "its name is not valid UTF-8" in built.report


# --- Read-only commands --------------------------------------------------------------------------------


def test_export_check_and_search_write_nothing_with_or_without_sources(tmp_path):
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    other = tmp_path / "other"
    other.mkdir()
    (other / "2025-05-06_minutes.txt").write_text(minutes(committee="Licensing Committee", date="Tuesday 6 May 2025"),
                                                  encoding="utf-8")
    assert archive(root, "build").exit_code == 0
    before = _tree_digest(root / ".archive")
    exported = json.loads(archive(root, "export", "--sources", str(other)).stdout)
    assert [m["date"] for m in exported["meetings"] if m["status"] == "held"] == ["2025-05-06"]
    archive(root, "export")
    archive(root, "check", "--sources", str(other))
    archive(root, "check")
    archive(root, "search", "footbridge")
    assert _tree_digest(root / ".archive") == before
    assert archive(root, "search", "footbridge", "--committee", "planning-committee").stdout.startswith("4 results")
    assert archive(root, "search", "licensing").stdout.startswith("0 results")  # the index is the archive's own


def test_search_never_empties_an_index_it_cannot_read(tmp_path):
    from search import index as search_index

    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes()})
    assert archive(root, "build").exit_code == 0
    before = _tree_digest(root / ".archive" / "index")
    original = search_index.archive_schema

    def other_fields():
        schema = original()
        schema.remove("title")
        return schema

    search_index.archive_schema = other_fields
    try:
        found = archive(root, "search", "footbridge")
    finally:
        search_index.archive_schema = original
    assert found.exit_code == 1 and "made by an earlier version of the builder: run `archive build`" in found.stderr
    assert _tree_digest(root / ".archive" / "index") == before


def test_one_files_unforeseen_failure_is_its_error_and_the_rest_is_built(tmp_path, monkeypatch):
    import archive_builder.build as build_module

    original = build_module.parse_extraction

    def failing(extraction, document_id, **how):
        if extraction.source == "2025-04-01_minutes.txt" and extraction.pages:
            raise ValueError("an unforeseen layout")
        return original(extraction, document_id, **how)

    monkeypatch.setattr(build_module, "parse_extraction", failing)
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes(),
                                        "2025-04-01_minutes.txt": minutes(date="Tuesday 1 April 2025")})
    built = archive(root, "build")
    assert built.exit_code == 1
    assert ("ERROR: 2025-04-01_minutes.txt: could not be read (ValueError: an unforeseen layout); the rest was built: "
            "please report this") in built.stderr
    assert [m["date"] for m in built.export["meetings"]] == ["2025-03-04"]
    assert {d["source"] for d in built.export["documents"]} == {"2025-03-04_minutes.txt", "2025-04-01_minutes.txt"}
