"""The archive's benchmark: build generated archives of 100 and 1,000 meetings and print the figures.

    .venv/bin/python benchmarks/run.py                    # 100 and 1,000 meetings
    .venv/bin/python benchmarks/run.py --sizes 100        # a quick look

For each size it prints the time of each build step (extract, parse, link, Whoosh index, render,
MkDocs, Pagefind), pages per second, peak memory, the site's size, Whoosh query latency (p50 and p95
over the fixed queries of benchmarks/queries.py), the bytes the browser fetches for a first and a
second search in headless Chromium beside the size of Material's own search index for the same
pages, and the time to add one meeting and rebuild beside the full build's. Then, for an archive of
the same size written as a real council's whole archive is (benchmarks/long_archive.py: long names,
one body under several names, people printed in several forms), how many bodies, people and
meetings the builder found beside how many the generator wrote. Figures, not pass/fail:
the targets are in guide/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from generate import generate  # noqa: E402
from long_archive import generate as generate_long  # noqa: E402
from queries import QUERIES  # noqa: E402

STEPS = ["extract", "parse", "assemble", "link", "index", "render", "write", "mkdocs", "pagefind"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="meetings per archive")
    parser.add_argument("--work", type=Path, help="where to build (default: a temporary folder, removed after)")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium measurements")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="archive-bench-"))
    try:
        for size in args.sizes:
            report(size, measure(work / f"m{size}", size, args.seed, browser=not args.no_browser))
            report_names(size, names_found(work / f"long{size}", size, args.seed))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def measure(root: Path, meetings: int, seed: int, browser: bool) -> dict:
    shutil.rmtree(root, ignore_errors=True)
    _archive_init(root)
    files = generate(root / "sources", meetings, seed)
    figures: dict = {"meetings": meetings, "files": files, "reference": _reference_seconds()}
    figures["full"] = _build(root)
    figures["site_bytes"] = _size(root / "site")
    figures["site_files"] = sum(1 for p in (root / "site").rglob("*") if p.is_file())
    figures["pages"] = sum(1 for _ in (root / "docs").rglob("*.md"))
    figures["whoosh"] = _query_latencies(root / ".archive" / "index")
    figures["material_index_bytes"] = _material_search_index_bytes(root)
    if browser:
        from browser_bytes import search_bytes

        figures["browser"] = search_bytes(root / "site", ["consultation", "parking charges"])
    figures["one_more"] = _add_one_meeting(root, meetings, seed)
    return figures


def names_found(root: Path, meetings: int, seed: int) -> dict:
    """The long-named archive exported (no site: the names are what is measured), against what the
    generator wrote."""
    shutil.rmtree(root, ignore_errors=True)
    _archive_init(root)
    expected = generate_long(root / "sources", meetings, seed)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "archive_builder", "export", "--root", str(root)],
                          capture_output=True, text=True, env=os.environ | {"PYTHONPATH": str(HERE.parent)})
    if done.returncode != 0:
        raise SystemExit(f"the export of {root} failed:\n{done.stderr[-3000:]}")
    export = json.loads(done.stdout)
    people = {p["name"] for p in export["people"]}
    return {"seconds": time.perf_counter() - started, "bodies": len(expected.committees),
            "committees": len(export["committees"]), "people_expected": len(expected.people), "people": len(people),
            "people_right": len(people & expected.people), "meetings_expected": len(expected.sittings),
            "meetings": len(export["meetings"]), "coverage": export.get("coverage", {})}


def report_names(size: int, found: dict) -> None:
    coverage = found["coverage"]
    print(f"long-named archive of {size} meetings, exported in {found['seconds']:.1f} s: "
          f"{found['committees']} committees for {found['bodies']} bodies; "
          f"{found['people']} people for {found['people_expected']} ({found['people_right']} named exactly); "
          f"{found['meetings']} meetings for {found['meetings_expected']}; minutes with members present "
          f"{coverage.get('minutes_with_members_present')}/{coverage.get('minutes')}, with a decision "
          f"{coverage.get('minutes_with_a_decision')}, approving earlier minutes {coverage.get('minutes_approving_earlier_minutes')}")


def _reference_seconds() -> float:
    """How fast this machine is just now, for comparing runs (shared machines vary two or three times
    from hour to hour): the best of three runs of a fixed piece of work like the builder's own, cutting
    a text into words, counting them and sorting the counts."""
    import collections
    import re

    text = " ".join(f"resolved that the report {n % 997} on item {n % 89} be noted by the committee" for n in range(60_000))

    def once() -> float:
        started = time.perf_counter()
        counts = collections.Counter(re.findall(r"\w+", text))
        sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
        return time.perf_counter() - started
    return min(once() for _ in range(3))


def _archive_init(root: Path) -> None:
    subprocess.run([sys.executable, "-m", "archive_builder", "init", str(root), "--site-name", "Westbridge benchmark"],
                   check=True, capture_output=True)


def _build(root: Path) -> dict:
    """One `archive build` in a process of its own: its figures, and its wall time seen from outside."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE / "build_once.py"), str(root)], capture_output=True, text=True,
                          env=os.environ | {"PYTHONPATH": str(HERE.parent)})
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"the build of {root} failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = wall
    return figures


def _query_latencies(index_dir: Path) -> dict:
    """Each query as `archive search` runs it (opening the index each time), in milliseconds."""
    from search.query import Filters, read_date
    from search.searching import search

    search(index_dir, "warm up")  # the first search of a process loads Python's modules, not the index
    times = []
    for text, options in QUERIES:
        options = dict(options)
        limit = options.pop("limit", 10)
        filters = Filters(**{k: read_date(v, k) if k.startswith("date") else v for k, v in options.items()})
        started = time.perf_counter()
        search(index_dir, text, filters, limit)
        times.append((time.perf_counter() - started) * 1000)
    ordered = sorted(times)
    return {"queries": len(times), "p50_ms": statistics.median(ordered), "p95_ms": ordered[max(0, round(0.95 * len(ordered)) - 1)],
            "max_ms": ordered[-1]}


def _material_search_index_bytes(root: Path) -> int | None:
    """The baseline: the same pages built with Material's own search plugin, which the browser
    downloads whole (search_index.json) before its first result."""
    config = root / "mkdocs-material-search.yml"
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(text.replace("plugins: []", "plugins:\n  - search"), encoding="utf-8")
    site = root / ".archive" / "site-material-search"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, cwd=root, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    index = site / "search" / "search_index.json"
    size = index.stat().st_size if done.returncode == 0 and index.exists() else None
    shutil.rmtree(site, ignore_errors=True)
    config.unlink()
    return size


def _add_one_meeting(root: Path, meetings: int, seed: int) -> dict:
    """The clerk's case: the next meeting's papers arrive (the sources of an archive one meeting
    longer that are new or changed), then a rebuild."""
    with tempfile.TemporaryDirectory() as bigger:
        generate(Path(bigger), meetings + 1, seed)
        arrived = []
        for path in sorted(Path(bigger).iterdir()):
            target = root / "sources" / path.name
            if not target.exists() or target.read_bytes() != path.read_bytes():
                shutil.copy2(path, target)
                arrived.append(path.name)
    figures = _build(root)
    figures["arrived"] = arrived
    return figures


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def report(size: int, figures: dict) -> None:
    full = figures["full"]
    timings = full["timings"]
    print(f"\n== {size} meetings: {figures['files']} source files, {figures['pages']} pages ==")
    print(f"machine: a fixed reference task (words cut, counted, sorted) took {figures['reference']:.2f} s (its speed just now, for comparing runs)")
    print(f"whole build: {full['wall']:.1f} s (inside the build: {full['seconds']:.1f} s), "
          f"{full['errors']} errors, {full['warnings']} warnings")
    for step in STEPS:
        if step in timings:
            print(f"  {step:<9} {timings[step]:7.2f} s")
    print(f"pages per second: {figures['pages'] / full['wall']:.1f} (whole build)")
    print(f"peak memory: {full['peak_bytes'] / 2**20:.0f} MB")
    print(f"site: {figures['site_bytes'] / 2**20:.1f} MB in {figures['site_files']} files")
    whoosh = figures["whoosh"]
    print(f"Whoosh: {whoosh['queries']} queries, p50 {whoosh['p50_ms']:.1f} ms, p95 {whoosh['p95_ms']:.1f} ms, "
          f"max {whoosh['max_ms']:.1f} ms")
    material = figures["material_index_bytes"]
    if material:
        print(f"Material's search index for the same pages (baseline): {material / 1024:.0f} KB")
    browser = figures.get("browser")
    if browser:
        first, second = browser["first"], browser["second"]
        ratio = f", {material / first:.0f} times less than the baseline" if material and first else ""
        print(f"browser, first search: {first / 1024:.0f} KB fetched{ratio}; second search: {second / 1024:.0f} KB more")
    more = figures["one_more"]
    print(f"one more meeting ({len(more['arrived'])} files): rebuilt in {more['wall']:.1f} s, "
          f"{more['wall'] / full['wall']:.2f} of the full build; {more['pages_written']} pages rewritten, "
          f"{more['pages_unchanged']} unchanged")
    print("  its steps: " + ", ".join(f"{step} {more['timings'][step]:.1f} s" for step in STEPS if step in more["timings"]))


if __name__ == "__main__":
    main()
