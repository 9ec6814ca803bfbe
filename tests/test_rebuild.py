"""The clerk's rebuild after each meeting: new files in, one command, and the site follows; pages that
move leave a redirect behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from demo import copy_demo


def build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archive_builder", "build", "--root", str(root), *args],
                          capture_output=True, text=True)


def export(root: Path) -> dict:
    return json.loads((root / "site" / "data" / "archive.json").read_text(encoding="utf-8"))


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    copy_demo(tmp_path)
    assert build(tmp_path).returncode == 0
    return tmp_path


def test_a_renamed_file_leaves_a_redirect_at_its_old_address(demo):
    before = next(d for d in export(demo)["documents"] if d["source"].endswith("2024-09-12_environment-and-transport_agenda.pdf"))
    (demo / "sources" / before["source"]).rename(demo / "sources" / "2024-09-12_et-agenda-final.pdf")
    assert build(demo).returncode == 0
    after = next(d for d in export(demo)["documents"] if d["source"].endswith("2024-09-12_et-agenda-final.pdf"))
    assert after["url"] != before["url"]
    moved = (demo / "site" / before["url"] / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in moved and "location.hash" in moved
    target = (demo / "site" / before["url"] / moved.split('url=')[1].split('"')[0]).resolve()
    assert target == (demo / "site" / after["url"]).resolve()
    assert (target / "index.html").exists()
    # the table outlives the builder's state: the redirect is still made with .archive/ cleared
    assert before["url"] in (demo / "redirects.yml").read_text(encoding="utf-8")
    subprocess.run(["rm", "-rf", str(demo / ".archive")], check=True)
    assert build(demo).returncode == 0
    assert (demo / "site" / before["url"] / "index.html").read_text(encoding="utf-8") == moved


def test_a_second_build_while_one_runs_is_refused(demo):
    """Two builds at once: the second says so and changes nothing; the lock ends with its process."""
    from archive_builder.incremental.lock import LOCK_FILE

    site_before = (demo / "site" / "index.html").read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, sys, time\n"
        f"handle = open({str(demo / '.archive' / LOCK_FILE)!r}, 'a+')\n"
        "fcntl.flock(handle, fcntl.LOCK_EX)\n"
        "handle.write('process 4242'); handle.flush()\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = build(demo)
        assert refused.returncode == 3
        assert "another build of this archive is running (process 4242)" in refused.stderr
        assert (demo / "site" / "index.html").read_bytes() == site_before
    finally:
        holder.kill()
        holder.wait()
    assert build(demo).returncode == 0  # a killed build leaves no lock behind


# --- After a meeting: one more meeting's papers --------------------------------------------------------

ET = "environment-and-transport"
MAY_MINUTES = """HARBOURSIDE DISTRICT COUNCIL
ENVIRONMENT AND TRANSPORT COMMITTEE

MINUTES of the meeting of the Environment and Transport Committee held on Thursday 15 May 2025 at 6.30 pm
in the Council Chamber, Harbourside Civic Centre

PRESENT: Cllr Helen Achterberg (Chair), Cllr Anne Patel, Cllr Siobhan Reilly, Cllr David Fairweather

1. Apologies and Substitutes
Apologies were received from Cllr Thomas Brennan.

2. Declarations of Interest
There were none.

3. Minutes of the Previous Meeting
RESOLVED that the minutes of the meeting held on 13 March 2025 be approved as a correct record.

4. Public Participation
There were no questions.

5. Air Quality Monitoring Update
RESOLVED that the first three months of results from Station Approach be noted.

6. Air Quality Annual Status Report 2024
RESOLVED that the Annual Status Report 2024 be approved for submission to the Department.

7. Appointment to the Harbourside Joint Transport Board
RESOLVED that Cllr Anne Patel be appointed to the Harbourside Joint Transport Board for 2025/26.

8. Work Programme 2025/26
RESOLVED that the work programme be agreed.

9. Date of Next Meeting
The dates of meetings for 2025/26 were noted.
"""


def site_files(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def pages(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*.md"))}


def test_after_one_more_meeting_only_its_files_are_read_and_untouched_pages_keep_their_bytes(demo):
    before_pages, before_site = pages(demo), site_files(demo)
    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    done = build(demo)
    assert done.returncode == 0, done.stderr
    report = (demo / ".archive" / "build-report.txt").read_text(encoding="utf-8")
    assert "Read: 1 new or changed file(s): 2025-05-15_environment-and-transport_minutes.txt; 12 unchanged, from the cache" in report
    # the new link shows on the older meeting's page
    march = (demo / "site" / "meetings" / ET / "2025-03-13" / "index.html").read_text(encoding="utf-8")
    assert "Minutes approved" in march and "15 May 2025" in march
    after_pages, after_site = pages(demo), site_files(demo)
    changed = {path for path in before_pages if after_pages.get(path) != before_pages[path]}
    assert f"meetings/{ET}/2025-03-13/index.md" in changed and f"meetings/{ET}/2025-05-15/index.md" in changed
    untouched = set(before_pages) - changed
    # the older documents' pages, for one; (a meeting's page may gain a "possibly related" link: one
    # more meeting's words change how telling each word is)
    assert "documents/2024-09-12-environment-and-transport-printed-minutes/index.md" in untouched
    assert len(untouched) > len(changed)
    for path in untouched:  # the built page too, byte for byte
        html = path[: -len("index.md")] + "index.html" if path.endswith("index.md") else path[:-3] + "/index.html"
        assert after_site.get(html) == before_site.get(html), html


def test_a_source_replaced_by_a_file_with_an_older_time_is_published_anew(demo):
    """The site's download is a copy of its source, made at the last build; the clerk's corrected
    file replaces it even where its time is older than that copy's (a file copied with its time)."""
    agenda = next(d for d in export(demo)["documents"] if d["source"] == "2025-05-15_environment-and-transport_agenda.html")
    source = demo / "sources" / agenda["source"]
    source.write_text(source.read_text(encoding="utf-8").replace("</body>", "<p>Corrected: a late item.</p></body>"),
                      encoding="utf-8")
    os.utime(source, (946684800, 946684800))  # 1 January 2000
    done = build(demo)
    assert done.returncode == 0, done.stderr
    assert (demo / "site" / agenda["download"]).read_bytes() == source.read_bytes()
    assert b"Corrected: a late item." in source.read_bytes()


def test_a_source_written_over_in_place_to_the_same_size_and_time_is_published_anew(demo):
    """A rebuild keeps the last site's copy of a download whose file has not changed since (the same
    file on the disk, not a byte read): one written over in place, with its size and modification
    time as they were, is still copied anew."""
    agenda = next(d for d in export(demo)["documents"] if d["source"] == "2025-05-15_environment-and-transport_agenda.html")
    source = demo / "sources" / agenda["source"]
    kept = next(d for d in export(demo)["documents"] if d["source"] != agenda["source"] and d.get("download"))
    kept_before = os.stat(demo / "site" / kept["download"]).st_ino
    before = os.stat(source)
    text = source.read_text(encoding="utf-8")
    assert "Agenda" in text
    with open(source, "r+b") as handle:  # in place: the same file, the same size
        handle.write(text.replace("Agenda", "AGENDA", 1).encode("utf-8"))
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(source).st_size == before.st_size and os.stat(source).st_ino == before.st_ino
    done = build(demo)
    assert done.returncode == 0, done.stderr
    assert (demo / "site" / agenda["download"]).read_bytes() == source.read_bytes()
    assert b"AGENDA" in source.read_bytes()
    assert os.stat(demo / "site" / kept["download"]).st_ino == kept_before  # the last site's copy, kept


def test_a_rebuild_with_nothing_new_reads_nothing_and_changes_nothing(demo):
    before = site_files(demo)
    done = build(demo)
    assert done.returncode == 0
    assert "Read: no new or changed files (12 unchanged, from the cache)" in (demo / ".archive" / "build-report.txt").read_text(encoding="utf-8")
    after = site_files(demo)
    assert {p for p in before if not p.startswith("pagefind/")} == {p for p in after if not p.startswith("pagefind/")}
    assert all(after[p] == before[p] for p in before if not p.startswith("pagefind/"))


def test_the_same_sources_built_incrementally_or_from_scratch_give_the_same_site(demo, tmp_path_factory):
    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    assert build(demo).returncode == 0
    fresh = copy_demo(tmp_path_factory.mktemp("fresh"))
    (fresh / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    assert build(fresh).returncode == 0
    incremental, scratch = site_files(demo), site_files(fresh)
    assert sorted(p for p in incremental if not p.startswith("pagefind/")) == sorted(p for p in scratch if not p.startswith("pagefind/"))
    different = [p for p in scratch if not p.startswith("pagefind/") and incremental[p] != scratch[p]]
    assert different == []


def test_deleting_a_source_removes_its_pages_links_and_index_entries(demo):
    """The May agenda deleted: its document page, its items and their entries go; the meeting stays
    known only because the March minutes fixed it as the next ('referenced'); the rest is as it was."""
    from search.searching import search

    agenda = next(d for d in export(demo)["documents"] if d["source"] == "2025-05-15_environment-and-transport_agenda.html")
    before_pages = pages(demo)
    (demo / "sources" / agenda["source"]).unlink()
    assert build(demo).returncode == 0
    data = export(demo)
    assert agenda["id"] not in {d["id"] for d in data["documents"]}
    may = next(m for m in data["meetings"] if m["id"] == f"{ET}/2025-05-15")
    assert (may["status"], may["items"], may["documents"]) == ("referenced", [], [])
    assert not [l for l in data["links"] if l["from"].startswith(f"{ET}/2025-05-15/") or agenda["id"] in (l["from"], l["to"])]
    assert not (demo / "site" / agenda["url"]).exists() and not (demo / "docs" / agenda["url"]).exists()
    assert not (demo / "site" / agenda["download"]).exists()
    index = demo / ".archive" / "index"
    assert not [r for r in search(index, "", limit=1000).results if r.id == agenda["id"] or r.id.startswith(f"{ET}/2025-05-15/")]
    after_pages = pages(demo)  # (a series the May meeting was part of is one meeting shorter)
    assert after_pages["documents/2024-09-12-environment-and-transport-printed-minutes/index.md"] == \
        before_pages["documents/2024-09-12-environment-and-transport-printed-minutes/index.md"]


def test_a_parser_change_reads_every_file_again_without_clearing_anything(demo, monkeypatch):
    from archive_builder.build import read_archive
    from archive_builder.config import load_config
    from archive_builder.incremental import cache

    assert read_archive(load_config(demo)).read == []
    monkeypatch.setattr(cache, "parser_fingerprint", lambda: "a-new-parser")
    assert len(read_archive(load_config(demo)).read) == 12


def test_a_build_that_fails_mid_way_leaves_the_previous_site_byte_identical(demo, monkeypatch):
    from archive_builder.build import build as run_build
    from archive_builder.config import load_config
    from archive_builder.publish import site as publish

    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    agenda = demo / "sources" / "2025-05-15_environment-and-transport_agenda.html"  # a download replaced too
    agenda.write_text(agenda.read_text(encoding="utf-8").replace("</body>", "<p>Corrected.</p></body>"), encoding="utf-8")
    before = site_files(demo)

    def broken(*args):
        raise publish.PublishError("Pagefind could not index the site: forced by the test")

    monkeypatch.setattr(publish, "_pagefind_index", broken)
    with pytest.raises(publish.PublishError):
        run_build(load_config(demo))
    assert site_files(demo) == before
    monkeypatch.undo()
    assert build(demo).returncode == 0  # and the next build publishes what the failed one could not
    assert "15 May 2025" in (demo / "site" / "meetings" / ET / "2025-03-13" / "index.html").read_text(encoding="utf-8")


def test_the_last_site_is_linked_for_the_rebuild_while_it_reads_and_left_alone_when_it_fails(demo, monkeypatch):
    """A rebuild starts linking the last site's files into the new site at once, in a process of its
    own, and publishes from them; a build that fails before publishing leaves no half-made site behind."""
    from archive_builder import build as build_module
    from archive_builder.build import build as run_build
    from archive_builder.config import load_config
    from archive_builder.publish import last_site

    unchanged_page = demo / "site" / "documents" / "2024-09-12-environment-and-transport-printed-minutes" / "index.html"
    inode = unchanged_page.stat().st_ino
    linked_here = []
    link_tree = last_site.link_tree
    monkeypatch.setattr(last_site, "link_tree", lambda *args: linked_here.append(args) or link_tree(*args))
    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    run_build(load_config(demo))
    assert linked_here == []  # linked by the process started with the build, not by publishing
    assert unchanged_page.stat().st_ino == inode  # the last site's file, kept
    assert "15 May 2025" in (demo / "site" / "meetings" / ET / "2025-03-13" / "index.html").read_text(encoding="utf-8")

    before = site_files(demo)

    def broken(*args, **kwargs):
        raise RuntimeError("forced by the test")

    monkeypatch.setattr(build_module, "render_site", broken)
    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES + "\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        run_build(load_config(demo))
    assert site_files(demo) == before
    assert not (demo / ".archive" / "site-new").exists()


def test_a_generated_page_changed_by_hand_is_written_again_and_the_rest_left_alone(demo):
    """Each page is compared with what docs/ holds where it is rendered: one edited by hand since the
    last build is written again as generated; the others are not touched."""
    page = demo / "docs" / "meetings" / ET / "2024-09-12" / "index.md"
    generated = page.read_bytes()
    other = demo / "docs" / "meetings" / ET / "2025-03-13" / "index.md"
    other_time = other.stat().st_mtime_ns
    page.write_bytes(generated + b"\nEdited by hand.\n")
    done = build(demo)
    assert done.returncode == 0, done.stderr
    assert page.read_bytes() == generated
    assert other.stat().st_mtime_ns == other_time
    assert b"Edited by hand." not in (demo / "site" / "meetings" / ET / "2024-09-12" / "index.html").read_bytes()


def test_a_rebuild_counts_the_words_of_new_texts_only(demo, monkeypatch):
    """Linking weighs the words of every text of the archive; a rebuild counts those of the texts it
    has not seen (kept in .archive/cache/words.pickle), and links exactly as a build from scratch
    (test_the_same_sources_built_incrementally_or_from_scratch_give_the_same_site)."""
    from archive_builder.build import read_archive
    from archive_builder.config import load_config
    from archive_builder.link.similarity import Similarity
    from search.index import entries

    counted: list[int] = []
    count_all = Similarity._counted_all
    monkeypatch.setattr(Similarity, "_counted_all", lambda self, texts: counted.append(len(texts)) or count_all(self, texts))
    assert (demo / ".archive" / "cache" / "words.pickle").is_file()
    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    archive = read_archive(load_config(demo), index=False).archive
    texts = len(list(entries(archive, digests=False)))
    assert len(counted) == 1 and 0 < counted[0] < texts / 5, (counted, texts)  # the new minutes' texts alone


KILLED_AT = {
    # the process dies while writing the pages (after some, before others) ...
    "writing pages": ("archive_builder.publish.pages", "_atomic_write", 5),
    # ... while caching what it parsed ...
    "caching": ("archive_builder.incremental.cache.ParseCache", "put", 0),
    # ... or while Pagefind indexes the new site
    "indexing the site": ("archive_builder.publish.site", "_pagefind_index", 0),
}


@pytest.mark.parametrize("moment", KILLED_AT)
def test_a_build_killed_mid_way_leaves_a_usable_site_and_the_next_build_completes(demo, moment):
    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    if moment == "caching":
        (demo / ".archive" / "cache" / "parse").exists() and subprocess.run(["rm", "-rf", str(demo / ".archive" / "cache" / "parse")], check=True)
    before = site_files(demo)
    owner, name, after_calls = KILLED_AT[moment]
    killer = (
        "import importlib, os, signal, sys\n"
        f"owner, name, after = {owner!r}, {name!r}, {after_calls}\n"
        "module, _, cls = owner.rpartition('.') if owner.endswith('ParseCache') else (owner, '', '')\n"
        "target = getattr(importlib.import_module(module), cls) if cls else importlib.import_module(owner)\n"
        "original, calls = getattr(target, name), []\n"
        "def dying(*args, **kwargs):\n"
        "    calls.append(1)\n"
        "    if len(calls) > after:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return original(*args, **kwargs)\n"
        "setattr(target, name, dying)\n"
        "from archive_builder.cli import main\n"
        f"sys.argv = ['archive', 'build', '--root', {str(demo)!r}]\n"
        "main()\n"
    )
    killed = subprocess.run([sys.executable, "-c", killer], capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    assert site_files(demo) == before  # the last good site, as it was
    done = build(demo)
    assert done.returncode == 0, done.stderr
    assert "15 May 2025" in (demo / "site" / "meetings" / ET / "2025-03-13" / "index.html").read_text(encoding="utf-8")


def test_a_meeting_moved_by_a_correction_leaves_a_redirect_in_every_later_build(tmp_path):
    """The minutes misprint the day: the clerk's sidecar moves the meeting, and the old address (with
    its anchors) sends readers to the new one, build after build."""
    from clerk_archive import archive, minutes, new_archive

    root = new_archive(tmp_path, {"minutes.txt": minutes(date="Tuesday 4 March 2025")})
    assert archive(root, "build").exit_code == 0
    old = "meetings/planning-committee/2025-03-04/"
    assert (root / "site" / old / "index.html").exists()
    (root / "sources" / "minutes.txt.yml").write_text("date: 2025-03-05\n", encoding="utf-8")
    for _ in range(2):
        assert archive(root, "build").exit_code == 0
        moved = (root / "site" / old / "index.html").read_text(encoding="utf-8")
        assert 'content="0; url=../2025-03-05/"' in moved and "location.hash" in moved
        assert "Riverside footbridge" in (root / "site" / "meetings" / "planning-committee" / "2025-03-05" / "index.html").read_text(encoding="utf-8")
    assert yaml_table(root) == {old: "meetings/planning-committee/2025-03-05/"}
    # the correction withdrawn: the page is back at its old address, and the redirect is gone
    (root / "sources" / "minutes.txt.yml").unlink()
    assert archive(root, "build").exit_code == 0
    assert "Riverside footbridge" in (root / "site" / old / "index.html").read_text(encoding="utf-8")
    assert yaml_table(root).get(old) is None


def yaml_table(root: Path) -> dict:
    import yaml

    path = root / "redirects.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def test_progress_shows_on_a_terminal_and_not_in_a_log(demo):
    """A clerk at a terminal sees the files read and the pages written; a CI log gets the report only."""
    import os
    import pty

    (demo / "sources" / "2025-05-15_environment-and-transport_minutes.txt").write_text(MAY_MINUTES, encoding="utf-8")
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "archive_builder", "build", "--root", str(demo)],
                               stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the build ended and closed its end
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert process.wait() == 0
    screen = seen.decode("utf-8", "replace")
    assert "read 13/13: 2025-05-15_environment-and-transport_minutes.txt" in screen
    assert "changed pages" in screen and "unchanged); publishing the site" in screen
    logged = build(demo)  # stderr a pipe, as in CI
    assert "read 1/13" not in logged.stderr and "publishing the site" not in logged.stderr
    assert "Problems:" in logged.stderr


def test_the_sites_replaced_by_builds_do_not_pile_up(demo):
    """Each build keeps the site it replaced until the next build removes it, in the background."""
    for _ in range(3):
        assert build(demo).returncode == 0
        assert len([p for p in (demo / ".archive").iterdir() if p.name.startswith("site-old")]) <= 1
