"""What the published site copied from docs/ (the downloads, the stylesheet, a person's images): each
file's stat as it was when the site was built, kept in .archive/docs-copies.json.

A rebuild keeps the last site's copy of a file whose stat has not changed since, without reading a
byte of either: at 1,000 meetings, comparing the 3,000 downloads with their copies byte for byte cost
more than the rest of reusing the last site. The stat holds the change time, which no program can
set back, so a file written over in place, even to the same size and modification time, is copied
again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from archive_builder.publish.last_site import files_of

STATE_FILE = "docs-copies.json"


def signatures(docs_dir: Path) -> dict[str, list[int]]:
    """docs-relative path -> the stat that tells a file changed, of every file MkDocs copies as it is
    (all but the Markdown pages)."""
    found = {}
    for relative in files_of(docs_dir):
        if not relative.endswith(".md"):
            try:
                stat = os.stat(os.path.join(docs_dir, relative))
            except OSError:  # a link to nothing: MkDocs says so, with its name
                continue
            found[relative] = [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
    return found


def unchanged(now: dict[str, list[int]], state_dir: Path) -> set[str]:
    """The files whose stat is as the last published site recorded it: its copies of them are current."""
    try:
        recorded = json.loads((state_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {relative for relative, stat in now.items() if recorded.get(relative) == stat}


def forget(state_dir: Path) -> None:
    (state_dir / STATE_FILE).unlink(missing_ok=True)


def save(state_dir: Path, now: dict[str, list[int]]) -> None:
    (state_dir / STATE_FILE).write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
