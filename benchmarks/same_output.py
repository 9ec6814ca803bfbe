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
                found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


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
