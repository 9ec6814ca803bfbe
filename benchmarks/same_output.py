"""Whether a change of the code changed what it builds: a digest of every page, site file and the
export, for the demo and a generated archive, saved before and compared after.

    .venv/bin/python benchmarks/same_output.py save /tmp/before.json            # before the change
    .venv/bin/python benchmarks/same_output.py compare /tmp/before.json         # after: lists what differs
    .venv/bin/python benchmarks/same_output.py save F --meetings 1000           # the 1,000-meeting archive too

Each archive is built from nothing in a folder of its own (the demo from a copy of sources/ and
archive.yml), so that caches of an earlier build cannot hide a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path[:0] = [str(PROJECT), str(HERE)]

import feedparser  # noqa: E402
import icalendar  # noqa: E402
from generate import generate  # noqa: E402

TREES = ("docs", "site")
# Pagefind writes its filter chunks in no fixed order (guide/limitations.md): its files differ
# between two builds of the same sources, so they are not compared.
UNSTABLE = "site/pagefind"


def digests(meetings: int | None) -> dict[str, dict[str, str]]:
    """archive name -> path -> SHA-256 of every file the build wrote."""
    with tempfile.TemporaryDirectory(prefix="same-output-") as work:
        archives = {"demo": _demo(Path(work) / "demo")}
        if meetings:
            archives[f"generated-{meetings}"] = _generated(Path(work) / "generated", meetings)
        return {name: _tree_digests(root) for name, root in archives.items()}


def _demo(root: Path) -> Path:
    _init(root)
    shutil.rmtree(root / "sources")
    shutil.copytree(PROJECT / "sources", root / "sources")
    shutil.copy2(PROJECT / "archive.yml", root / "archive.yml")
    _build(root)
    return root


def _generated(root: Path, meetings: int) -> Path:
    _init(root)
    generate(root / "sources", meetings, 7)
    _build(root)
    return root


def _init(root: Path) -> None:
    subprocess.run([sys.executable, "-m", "archive_builder", "init", str(root), "--site-name", "Same output"],
                   check=True, capture_output=True, cwd=PROJECT)


def _build(root: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "archive_builder", "build", "--root", str(root)],
                          capture_output=True, text=True, cwd=PROJECT, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        raise SystemExit(f"the build of {root} failed:\n{done.stderr[-3000:]}")


def _tree_digests(root: Path) -> dict[str, str]:
    found = {}
    for tree in TREES:
        for path in sorted((root / tree).rglob("*")):
            if path.is_file() and not str(path.relative_to(root)).startswith(UNSTABLE):
                found[str(path.relative_to(root))] = hashlib.sha256(_content(path)).hexdigest()
    return found


def _content(path: Path) -> bytes:
    """The file's bytes; of a feed or a calendar, what a feed reader or a calendar reads in it (the
    libraries that write them may lay the same entries out differently from one version to the next)."""
    if path.suffix == ".ics":
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        return json.dumps([[component.name, sorted((key, _ical(value)) for key, value in component.property_items(recursive=False))]
                           for component in calendar.walk()], sort_keys=True).encode("utf-8")
    if path.suffix == ".xml" and b"http://www.w3.org/2005/Atom" in path.read_bytes()[:400]:
        feed = feedparser.parse(path.read_bytes())
        return json.dumps([_feed_fields(feed.feed)] + [_feed_fields(entry) for entry in feed.entries],
                          sort_keys=True, default=str).encode("utf-8")
    return path.read_bytes()


def _ical(value) -> str:
    written = value.to_ical() if hasattr(value, "to_ical") else value
    return written.decode("utf-8") if isinstance(written, bytes) else str(written)


def _feed_fields(element) -> dict:
    return {key: [{"href": link.get("href"), "rel": link.get("rel", "alternate")} for link in value]
            if key == "links" else value for key, value in element.items()
            if key not in {"title_detail", "summary_detail", "subtitle_detail", "link", "updated",
                           "authors", "author_detail", "generator_detail", "generator", "guidislink"}}


def differences(before: dict, after: dict) -> list[str]:
    lines = []
    for name in sorted(set(before) | set(after)):
        old, new = ({p: d for p, d in tree.get(name, {}).items() if not p.startswith(UNSTABLE)} for tree in (before, after))
        lines += [f"{name}: only before: {p}" for p in sorted(set(old) - set(new))]
        lines += [f"{name}: only after: {p}" for p in sorted(set(new) - set(old))]
        lines += [f"{name}: differs: {p}" for p in sorted(set(old) & set(new)) if old[p] != new[p]]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--meetings", type=int, default=0, help="also a generated archive of this many meetings")
    args = parser.parse_args()
    if args.action == "save":
        found = digests(args.meetings or None)
        args.file.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        print(", ".join(f"{name}: {len(files)} files" for name, files in found.items()) + f" -> {args.file}")
        return
    before = json.loads(args.file.read_text(encoding="utf-8"))
    meetings = max((int(n.split("-")[1]) for n in before if n.startswith("generated-")), default=0)
    lines = differences(before, digests(meetings or None))
    print("\n".join(lines) if lines else "the same files, byte for byte: " + ", ".join(
        f"{name} ({len(files)} files)" for name, files in before.items()))
    sys.exit(1 if lines else 0)


if __name__ == "__main__":
    main()
