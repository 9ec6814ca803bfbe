"""The clerk's build report: what was read, one line per problem (file name first after its
severity), the corrections applied, what was withheld, then what each file holds.

`archive check` prints it and `archive build` writes it (`.archive/build-report.txt`): one text, so
the two always agree. On screen, `archive build` leaves out the file-by-file part (`files=False`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from archive_builder.assemble.coverage import coverage_of
from archive_builder.report.files import corrections_section, files_section, withheld_section

if TYPE_CHECKING:
    from archive_builder.build import BuildResult

_ORDER = {"error": 0, "warning": 1, "info": 2}


def report_text(result: BuildResult, files: bool = True, heading: str = "Build report") -> str:
    archive = result.archive
    lines = [f"{heading}: {result.files} source file(s) in {result.sources_dir}"]
    lines.append(_what_was_read(result))
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
    lines += coverage_of(archive).lines()
    problems = sorted(result.problems, key=lambda p: (_ORDER.get(p.severity, 3), p.source, p.message))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = sum(1 for p in problems if p.severity == "warning")
    lines.append(f"Problems: {errors} error(s), {warnings} warning(s)")
    lines += [problem.line() for problem in problems]
    lines += file_sections(result, problems, files)
    if result.written is not None:
        written = result.written
        lines.append(f"Pages: {len(written.written)} written, {written.unchanged} unchanged, {len(written.removed)} removed")
    if result.redirects:
        lines.append(f"Moved pages: {len(result.redirects)} old address(es) redirect to the new (redirects.yml)")
    if result.published:
        lines.append("Site published to site/ (MkDocs strict build passed).")
    return "\n".join(lines) + "\n"


def _what_was_read(result: BuildResult) -> str:
    """Which files this build read anew: after one meeting, its few files; the rest from the cache."""
    unchanged = result.files - len(result.read)
    if not result.read:
        return f"Read: no new or changed files ({unchanged} unchanged, from the cache)"
    shown = ", ".join(result.read[:20]) + (f" and {len(result.read) - 20} more" if len(result.read) > 20 else "")
    return f"Read: {len(result.read)} new or changed file(s): {shown}; {unchanged} unchanged, from the cache"


def file_sections(result: BuildResult, problems: list, files: bool = True) -> list[str]:
    """Corrections applied, documents withheld, and (with `files`) what each file holds."""

    lines = corrections_section(result.archive) + withheld_section(result.archive)
    if files:
        lines += files_section(result.archive, problems, result.files, result.counts)
    return lines
