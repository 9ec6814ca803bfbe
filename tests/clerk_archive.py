"""A clerk's archive made in a test: `archive init`, documents written as text, then the real
commands (`archive build`, `archive check`) run on it, in-process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from archive_builder.cli import main


def minutes(committee: str = "Planning Committee", date: str = "Tuesday 4 March 2025",
            present: str = "Councillor Ann Example (Chair), Councillor Bob Smiht and Councillor Carol Test",
            business: str = "RESOLVED that the footbridge repairs be approved.") -> str:
    return (
        f"{committee.upper()}\n\n"
        f"MINUTES of a meeting of the {committee} held on {date} at 7.00 pm at the Town Hall\n\n"
        f"PRESENT: {present}\n\n"
        "1. Apologies for absence\n\nApologies were received from Councillor Dan Other.\n\n"
        f"2. Riverside footbridge\n\n{business}\n"
    )


def report(title: str, text: str, classification: str = "Open", committee: str = "Planning Committee",
           date: str = "4 March 2025") -> str:
    return (
        f"{committee.upper()}\n{date}\n\nReport of the Head of Planning\n\n"
        f"Subject: {title}\nClassification: {classification}\n\n"
        f"1. Summary\n\n{text}\n\n2. Recommendations\n\nThat the committee notes {text}\n"
    )


@dataclass
class Run:
    root: Path
    exit_code: int
    stdout: str
    stderr: str

    @property
    def report(self) -> str:
        return (self.root / ".archive" / "build-report.txt").read_text(encoding="utf-8")

    @property
    def export(self) -> dict:
        return json.loads((self.root / "site" / "data" / "archive.json").read_text(encoding="utf-8"))

    def page(self, address: str) -> str:
        return (self.root / "site" / address / "index.html").read_text(encoding="utf-8")

    def lines(self, start: str) -> list[str]:
        return [line for line in (self.stdout + self.stderr).splitlines() if line.startswith(start)]


def new_archive(root: Path, files: dict[str, str | bytes], settings: str | None = None) -> Path:
    """An archive at `root` whose sources are `files` (path in sources/ -> text or bytes)."""
    result = CliRunner().invoke(main, ["init", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    if settings is not None:
        (root / "archive.yml").write_text(settings, encoding="utf-8")
    for name, content in files.items():
        path = root / "sources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def archive(root: Path, *args: str) -> Run:
    """`archive <args> --root <root>`, as a clerk runs it (a traceback fails the test)."""
    result = CliRunner().invoke(main, [*args, "--root", str(root)], catch_exceptions=False)
    return Run(root, result.exit_code, result.stdout, result.stderr)
