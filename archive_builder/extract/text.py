"""Plain text files, and the text rules every format shares: decoding bytes and tidying page text.

A text file's pages are split on form feeds, the only page mark plain text has. Printed markers
such as "Page 2 of 6" are left where they are: they often sit mid-paragraph in text copied out of
a PDF, and the parsers read them in context.
"""

from __future__ import annotations

import codecs
import re

from archive_builder.extract.reading import NO_TEXT, Reading, has_text, unreadable
from archive_builder.model import Problem

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACK_ENCODING = "cp1252"  # what Windows tools wrote before UTF-8; every byte decodes to something
# Controls that mean nothing on a page and break YAML/JSON output later (tab and newline stay).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def read(data: bytes, source: str) -> Reading:
    text, problems = decoded(data, source)
    pages = pages_of(text)
    if not has_text(pages):
        return unreadable(source, NO_TEXT)
    return Reading(pages=pages, problems=problems)


def decoded(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[Problem]]:
    """The text of `data`: by its byte-order mark, else its declared encoding, else UTF-8, else cp1252.

    Only the last guess earns a warning: accented letters and symbols may then be wrong.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    problems = []
    if declared:
        text = _strictly_decoded(data, declared)
        if text is not None:
            return text, []
        problems.append(Problem(source, f"declared encoding '{declared}' does not fit the bytes; ignored"))
    text = _strictly_decoded(data, "utf-8")
    if text is not None:
        return text, problems
    problems.append(Problem(source, f"text is not UTF-8: read as {FALLBACK_ENCODING} (Windows-1252)"))
    return data.decode(FALLBACK_ENCODING, errors="replace"), problems


def _strictly_decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def pages_of(text: str) -> list[str]:
    """Pages split on form feeds, each tidied; a final form feed does not start an empty page."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return [tidy(page) for page in pages]


def tidy(text: str) -> str:
    """One newline convention, no control characters, no trailing spaces, no blank lines at the ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL_CHARACTERS.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


CELL_SEPARATOR = " \t"


def row_lines(cells: list[list[str]]) -> list[str]:
    """A table row as lines: the cells' first lines joined by ' \\t', then each cell's further lines.

    A row of short cells stays one line ("4. \\tMinutes of the last meeting"), while a cell of many
    paragraphs (minutes laid out in a two-column table) keeps its line structure for the parsers.
    """
    if not any(cells):
        return []
    first = CELL_SEPARATOR.join(cell[0] if cell else "" for cell in cells)
    return [first, *(line for cell in cells for line in cell[1:])]
