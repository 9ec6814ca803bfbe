"""The clerk's build report: what was read, and one line per file that needs attention."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import BuildResult

_ORDER = {"error": 0, "warning": 1, "info": 2}


def report_text(result: "BuildResult") -> str:
    archive = result.archive
    lines = [f"Build report: {result.files} source file(s) in {result.sources_dir}"]
    kinds = Counter(d.kind for d in archive.documents if not d.part_of)
    if kinds:
        lines.append("Documents: " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())))
    statuses = Counter(m.status for m in archive.meetings)
    items = sum(len(m.items) for m in archive.meetings)
    resolutions = sum(len(i.resolutions) for m in archive.meetings for i in m.items)
    lines.append(
        f"Meetings: {len(archive.meetings)} ("
        + ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
        + f"); committees: {len(archive.committees)}; items: {items}; resolutions: {resolutions}; people: {len(archive.people)}"
    )
    problems = sorted(result.problems, key=lambda p: (_ORDER.get(p.severity, 3), p.source, p.message))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = sum(1 for p in problems if p.severity == "warning")
    lines.append(f"Problems: {errors} error(s), {warnings} warning(s)")
    lines += [problem.line() for problem in problems]
    if result.published:
        lines.append("Site published to site/ (MkDocs strict build passed).")
    return "\n".join(lines) + "\n"
