"""The hostile-files benchmark: what each kind of file that once cost minutes or gigabytes costs now.

    .venv/bin/python benchmarks/hostile.py            # every case
    .venv/bin/python benchmarks/hostile.py table-20k  # one case

Each case is a file made here (nothing is copied from anywhere), read by `extract` and `parse` in a
process of its own, which prints its time and peak memory (the process's maximum resident set). The
baseline, measured in the same run, is plain prose minutes of the same size as the largest case: a
ratio near 1 means the hostile shape costs no more than ordinary text of its size. Figures, not
pass/fail: the tests check that every case is read or refused with its message.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEAD = ("PLANNING COMMITTEE\n\nMINUTES of a meeting of the Planning Committee held on Tuesday 4 March 2025 at 7.00 pm\n\n"
        "PRESENT: Councillor Ann Example (Chair)\n\n1. Apologies\n\nNone.\n\n2. Business\n\n")
SENTENCE = "The committee discussed the matter of the town centre at length and agreed to return to it. "
TARGET_BYTES = 800_000


def prose(size: int = TARGET_BYTES) -> bytes:
    """Ordinary minutes: the baseline."""
    paragraphs = []
    while sum(map(len, paragraphs)) < size:
        paragraphs.append(SENTENCE * 5)
    return (HEAD + "\n\n".join(paragraphs)).encode()


def table(rows: int) -> bytes:
    """Minutes holding a schedule of payments: rows with no full stop, which run into one paragraph."""
    return (HEAD + "\n".join(f"Payee {i} \tInvoice {i * 7} \t{i * 3}.00" for i in range(rows)) + "\n").encode()


def numbered(lines: int) -> bytes:
    """Numbered lines, out of order: what the item finder weighs as headings."""
    return (HEAD + "\n".join(f"{(i * 7919) % 500 + 1}. Title of heading {i}" for i in range(lines))).encode()


def run_on(minutes: int) -> bytes:
    """Minutes run together into one line, minute numbers inside: the run-on splitter's work."""
    return (HEAD + " ".join(f"{n}/18 Minutes RESOLVED that item {n} be noted." for n in range(minutes))).encode()


def private_headings(sections: int) -> bytes:
    """A heading of private business and its return, again and again."""
    return (HEAD + "\n".join(f"Part 2\nThe offer {i} was considered.\nPart 1\nThe public returned." for i in range(sections))).encode()


def word(paragraphs: list[str], table_rows: int = 0) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table_rows:
        grid = document.add_table(rows=table_rows, cols=3)
        for n, row in enumerate(grid.rows):
            for m, cell in enumerate(row.cells):
                cell.text = f"r{n}c{m}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb(megabytes: int) -> bytes:
    """A Word package whose document.xml inflates to `megabytes` of spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(b" " * (1 << 20))
    return out.getvalue()


CASES = {
    "baseline-prose": (lambda: prose(), ".txt"),
    "table-20k": (lambda: table(20_000), ".txt"),
    "lines-40k": (lambda: table(40_000), ".txt"),
    "numbered-20k": (lambda: numbered(20_000), ".txt"),
    "run-on-20k": (lambda: run_on(20_000), ".txt"),
    "private-headings-5k": (lambda: private_headings(5_000), ".txt"),
    "nul-bytes": (lambda: prose().replace(b"town", b"to\x00wn", 3), ".txt"),
    "docx-table-20k": (lambda: word(["PLANNING COMMITTEE", "Minutes of 4 March 2025"], 20_000), ".docx"),
    "docx-run-on-paragraph": (lambda: word(["PLANNING COMMITTEE", " ".join(
        f"{n}/18 Minutes RESOLVED that {n} be noted." for n in range(20_000))]), ".docx"),
    "docx-zip-bomb-1.2GB": (lambda: zip_bomb(1_200), ".docx"),
}

_MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {project!r})
from pathlib import Path
from archive_builder.extract import extract
from archive_builder.parse import parse_extraction
path = Path({path!r})
started = time.perf_counter()
extraction = extract(path, path.name)
extracted = time.perf_counter()
facts = parse_extraction(extraction, "case")
done = time.perf_counter()
print(json.dumps({{"extract": extracted - started, "parse": done - extracted,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "items": len(facts[0].items), "problems": [p.message for p in extraction.problems]}}))
"""


def measure(name: str, work: Path) -> dict:
    make, suffix = CASES[name]
    data = make()
    path = work / f"{name}{suffix}"
    path.write_bytes(data)
    code = _MEASURE.format(project=str(HERE.parent), path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800)
    if done.returncode:
        return {"name": name, "bytes": len(data), "error": done.stderr.strip().splitlines()[-1:]}
    return {"name": name, "bytes": len(data), **json.loads(done.stdout)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", choices=[*CASES, []], help="cases to run (default: all)")
    names = parser.parse_args().cases or list(CASES)
    if "baseline-prose" not in names:
        names.insert(0, "baseline-prose")
    with tempfile.TemporaryDirectory(prefix="archive-hostile-") as work:
        rows = [measure(name, Path(work)) for name in names]
    baseline = next(r for r in rows if r["name"] == "baseline-prose")
    base_seconds = baseline["extract"] + baseline["parse"]
    print(f"{'case':24} {'file MB':>8} {'extract s':>10} {'parse s':>8} {'x baseline':>10} {'peak MB':>8}  outcome")
    for row in rows:
        if "error" in row:
            print(f"{row['name']:24} {row['bytes'] / 1e6:8.2f}  failed: {row['error']}")
            continue
        seconds = row["extract"] + row["parse"]
        outcome = row["problems"][0][:60] if row["problems"] else f"read: {row['items']} items"
        print(f"{row['name']:24} {row['bytes'] / 1e6:8.2f} {row['extract']:10.2f} {row['parse']:8.2f} "
              f"{seconds / base_seconds:10.2f} {row['peak_mb']:8.0f}  {outcome}")
    print(f"baseline: plain prose minutes of {baseline['bytes'] / 1e6:.2f} MB, read in {base_seconds:.2f} s")


if __name__ == "__main__":
    main()
