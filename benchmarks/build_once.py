"""Build one archive and print what the build measured, as JSON: run by benchmarks/run.py in a process
of its own, so that its peak memory (with MkDocs and Pagefind) is the build's alone.

    .venv/bin/python benchmarks/build_once.py ARCHIVE_DIR
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main(root: Path) -> None:
    from archive_builder.build import build
    from archive_builder.config import load_config

    started = time.perf_counter()
    result = build(load_config(root), publish_site=True)
    elapsed = time.perf_counter() - started
    written = result.written
    print(json.dumps({
        "seconds": elapsed,
        "timings": result.timings,
        "files": result.files,
        "pages_written": len(written.written) if written else 0,
        "pages_unchanged": written.unchanged if written else 0,
        "errors": len(result.errors),
        "warnings": len([p for p in result.problems if p.severity == "warning"]),
        # The largest of this process and the programs it ran (Pagefind's indexer), in bytes.
        "peak_bytes": max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) * 1024,
        "read": getattr(result, "read", None),
    }))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
