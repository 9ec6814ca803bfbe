"""The corpus benchmark: every folder of ../shared/corpus that expected.yaml names, built as a clerk's
archive and scored by the corpus's own checker.

    ./run corpora                      # every folder
    ./run corpora seeds kent-moderngov

Each folder is built into a new archive (`archive build --sources FOLDER --no-publish`: read, linked,
indexed and rendered, as a build does, without MkDocs) and its export is scored by
`../shared/corpus/check.py`. One table: a column per folder, a row per measure of check.py, then the
score (every measure's facts found of those checked), the wrong approval links, and the share of the
minutes in which the build found members present, at least one decision, and an approval of earlier
minutes; last, the seconds each build took.
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
WRONG = "approval links wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="corpus folders (default: every folder expected.yaml checks)")
    args = parser.parse_args()
    if not (CORPUS / "check.py").exists():
        sys.exit(f"the real documents are not here: {CORPUS} is missing (../shared/corpus beside the project)")
    folders = args.folders or checked_folders()
    columns = {folder: score(folder) for folder in folders}
    print_table(columns)


def checked_folders() -> list[str]:
    import yaml

    expected = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    return sorted(name for name in expected.get("sources", expected) if (CORPUS / name).is_dir())


def score(folder: str) -> dict:
    """check.py's measures of the folder's build (name -> (found, checked)), with the minutes' shares."""
    archive = [sys.executable, "-m", "archive_builder"]
    with tempfile.TemporaryDirectory(prefix="corpora-") as work:
        root = Path(work) / "archive"
        subprocess.run([*archive, "init", str(root)], check=True, capture_output=True, cwd=PROJECT)
        started = time.perf_counter()
        built = subprocess.run([*archive, "build", "--root", str(root), "--sources", str(CORPUS / folder), "--no-publish",
                                "--quiet"], capture_output=True, text=True, cwd=PROJECT)
        seconds = time.perf_counter() - started
        export_file = root / "docs" / "data" / "archive.json"
        if built.returncode not in (0, 1) or not export_file.is_file():
            print(f"{folder}: the build failed:\n{built.stderr[-2000:]}", file=sys.stderr)
            return {"seconds": (seconds, None)}
        checked = subprocess.run([sys.executable, str(CORPUS / "check.py"), str(export_file), folder, "--json"],
                                 capture_output=True, text=True, check=True)
        export = json.loads(export_file.read_text(encoding="utf-8"))
    measures = {name: tuple(value) for name, value in json.loads(checked.stdout).items()}
    measures.update(minutes_shares(export))
    measures["seconds"] = (seconds, None)
    return measures


def minutes_shares(export: dict) -> dict:
    """Of the minutes, how many gave their meeting members present, a decision, an approval of minutes."""
    meetings = {m["id"]: m for m in export["meetings"]}
    approving = {link["from"].rsplit("/", 1)[0] if link["from"].count("/") > 2 else link["from"]
                 for link in export["links"] if link["kind"] == "approves-minutes"}
    minutes = [d for d in export["documents"] if d["kind"] == "minutes" and d.get("meeting") in meetings]
    present = decided = approved = 0
    for document in minutes:
        meeting = meetings[document["meeting"]]
        present += any(a["status"] == "present" and a["role"] in ("member", "chair", "vice-chair", "substitute")
                       for a in meeting["attendance"])
        decided += any(item["resolutions"] for item in meeting["items"])
        approved += any(item["id"] in approving or item["id"].rsplit("/", 1)[0] in approving for item in meeting["items"])
    total = len(minutes)
    return {"minutes: members present": (present, total), "minutes: a decision": (decided, total),
            "minutes: approves minutes": (approved, total)}


def print_table(columns: dict[str, dict]) -> None:
    folders = list(columns)
    rows = []
    for measures in columns.values():
        rows += [name for name in measures if name not in rows]
    checked = [name for name in rows if name not in (WRONG, "seconds") and not name.startswith("minutes:")]
    width = max(14, *(len(f) for f in folders))
    print(f"{'measure':34}" + "".join(f"{folder:>{width + 2}}" for folder in folders))
    for name in checked + ["score", WRONG] + [r for r in rows if r.startswith("minutes:")] + ["seconds"]:
        cells = []
        for folder in folders:
            measures = columns[folder]
            if name == "score":
                found = [measures[n] for n in checked if n in measures and measures[n][1]]
                cells.append(_ratio(sum(f[0] for f in found), sum(f[1] for f in found)))
            elif name not in measures:
                cells.append("")
            elif name == "seconds":
                cells.append(f"{measures[name][0]:.1f}")
            elif measures[name][1] is None:
                cells.append(str(measures[name][0]))
            else:
                cells.append(_ratio(*measures[name]))
        print(f"{name:34}" + "".join(f"{cell:>{width + 2}}" for cell in cells))


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total} ({100 * hit / total:.0f}%)" if total else "-"


if __name__ == "__main__":
    main()
