"""The clerk's rebuild after each meeting: new files in, one command, and the site follows; pages that
move leave a redirect behind."""

from __future__ import annotations

import json
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
    from archive_builder.lock import LOCK_FILE

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
