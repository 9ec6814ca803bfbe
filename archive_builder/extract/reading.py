"""What a format reader returns: the text it read, page by page, and what it noticed on the way.

The readers know nothing of files or hashes; `extract()` wraps a Reading into the model's Extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive_builder.model import Problem


@dataclass
class Reading:
    pages: list[str] = field(default_factory=list)
    title: str | None = None
    metadata: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text OCR read (scans)


NO_TEXT = "no text found"


def unreadable(source: str, message: str) -> Reading:
    """A reading that got no text at all: one error says why."""
    return Reading(problems=[Problem(source, message, "error")])


def has_text(pages: list[str]) -> bool:
    return any(page.strip() for page in pages)
