"""What the render stage produces: the pages, each as its text or, where it is the page the last
build wrote, as only its digest (Unchanged); and the files to copy in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from archive_builder.model import Archive


@dataclass(frozen=True)
class Unchanged:
    """A page found to be, byte for byte, the one the last build wrote (`settled`): only its digest."""

    sha256: str


@dataclass
class SiteFiles:
    """What the render stage produces: pages (docs-relative path -> text, or Unchanged) and files to copy in."""

    pages: dict[str, str | Unchanged] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)  # docs-relative path -> original file
    archive: Archive | None = None  # the archive as the pages show it: with its addresses and downloads


def settled(pages: list[tuple[str, str]], docs_dir: Path, previous: dict[str, str]) -> list[tuple[str, str | Unchanged]]:
    """`pages`, each one that the last build wrote (it is in the manifest `previous`) and that docs/ holds
    with the same bytes replaced by Unchanged. Called where the pages are rendered, in the forked
    processes, so that thousands of unchanged pages are neither sent back nor read again to be written."""
    found = []
    for relative, text in pages:
        if relative in previous:
            data = text.encode("utf-8")
            try:
                same = (docs_dir / relative).read_bytes() == data
            except OSError:
                same = False
            if same:
                found.append((relative, Unchanged(sha256_of(data))))
                continue
        found.append((relative, text))
    return found


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
