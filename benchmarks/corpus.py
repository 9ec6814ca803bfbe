"""The corpus benchmark: each folder of ../shared/corpus read as a clerk's archive, scored by its checker.

    .venv/bin/python benchmarks/corpus.py              # every folder expected.yaml checks
    .venv/bin/python benchmarks/corpus.py seeds kent-moderngov

For each folder it runs `archive export --sources FOLDER` on a new, empty archive (the export the
site publishes as data/archive.json) and `../shared/corpus/check.py` on it, then prints one table:
the facts found of those hand-checked, the wrong approval links, and the seconds the export took.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
CORPUS = PROJECT.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="corpus folders (default: every folder expected.yaml checks)")
    args = parser.parse_args()
    if not (CORPUS / "check.py").exists():
        sys.exit(f"the real documents are not here: {CORPUS} is missing (../shared/corpus beside the project)")
    folders = args.folders or _checked_folders()
    rows = [_score(folder) for folder in folders]
    print(f"{'folder':28} {'facts':>16} {'wrong approvals':>16} {'seconds':>8}")
    hits = totals = 0
    for folder, hit, total, wrong, seconds in rows:
        hits, totals = hits + hit, totals + total
        print(f"{folder:28} {_ratio(hit, total):>16} {wrong:>16} {seconds:>8.1f}")
    print(f"{'all':28} {_ratio(hits, totals):>16}")


def _checked_folders() -> list[str]:
    import yaml

    expected = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    folders = expected.get("sources", expected)
    return sorted(name for name in folders if (CORPUS / name).is_dir())


def _score(folder: str) -> tuple[str, int, int, int, float]:
    archive = [sys.executable, "-m", "archive_builder"]
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as work:
        root = Path(work) / "archive"
        subprocess.run([*archive, "init", str(root)], check=True, capture_output=True, cwd=PROJECT)
        started = time.perf_counter()
        exported = subprocess.run([*archive, "export", "--root", str(root), "--sources", str(CORPUS / folder)],
                                  capture_output=True, text=True, cwd=PROJECT)
        seconds = time.perf_counter() - started
        if exported.returncode not in (0, 1):
            print(f"{folder}: export failed:\n{exported.stderr[-2000:]}", file=sys.stderr)
            return folder, 0, 0, 0, seconds
        export = Path(work) / "archive.json"
        export.write_text(exported.stdout, encoding="utf-8")
        checked = subprocess.run([sys.executable, str(CORPUS / "check.py"), str(export), folder, "--json"],
                                 capture_output=True, text=True, check=True)
    measures = json.loads(checked.stdout)
    wrong = measures.pop("approval links wrong", [0])[0]
    hit = sum(v[0] for v in measures.values() if len(v) > 1 and v[1] is not None)
    total = sum(v[1] for v in measures.values() if len(v) > 1 and v[1] is not None)
    return folder, hit, total, wrong, seconds


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total} ({100 * hit / total:.0f}%)" if total else "0/0"


if __name__ == "__main__":
    main()
