"""A document's pages -> clean lines, each with the page of the source it was printed on.

Parsers read lines, so this module takes away what is not content: Markdown emphasis, page numbers
and running headers/footers repeated on every page, and breaks paragraphs that a website or a copy
and paste ran together (whole minutes in one paragraph) at the places a new minute or section starts.
"""

from __future__ import annotations

import re
from collections import Counter

from archive_builder.model import HEADING_MARK, Line

_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STRAY_EMPHASIS = re.compile(r"\*\*|__")
_SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u202f]+")
_CELL_BREAK = re.compile(r"[ \u00a0]*\t[\t \u00a0]*")  # tabs separate table cells: kept, one per break
_PAGE_NUMBER_LINE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
# "Page 2 of 6" printed inside a run-on paragraph: where the source's page 2 began.
_INLINE_PAGE_MARKER = re.compile(r"\bPage\s+(\d{1,3})\s+of\s+(\d{1,3})\b")
# Where a new minute starts inside a run-on paragraph: "48/18 Apologies", "12/2019 Minutes".
_INLINE_MINUTE = re.compile(r"(?<=[\s.:;])(?=\d{1,4}/(?:\d{2}|\d{4})(?:\s+[A-Z0-9]|[A-Z]))(?<!/)")
_INLINE_SECTIONS = re.compile(
    r"(?<=\S)\s+(?=(?:Attendance|Also,? in attendance|Also present|Members of the Public|In attendance|"
    r"Apologies|DECISION|RESOLVED)\s*:)"
)
RUN_ON_LENGTH = 600  # a paragraph longer than this with minute numbers inside is minutes run together


def document_lines(pages: list[str], first_page: int = 1) -> list[Line]:
    """The clean, non-empty lines of a document whose first page is source page `first_page`."""
    raw = [_page_lines(text) for text in pages]
    raw = _without_running_furniture(raw)
    lines: list[Line] = []
    for offset, page_lines in enumerate(raw):
        page = first_page + offset
        for text in page_lines:
            lines.extend(_split_run_on(text, page))
    return [line for line in lines if line.text]


def clean(text: str) -> str:
    """One line's text without emphasis marks and with single spaces; a line all in bold ("**Item 1**")
    marked as a heading."""
    bold = _EMPHASIS.fullmatch(text.strip())
    heading = text.lstrip().startswith(HEADING_MARK) or bool(bold and bold.group(1) == "**")
    text = text.replace(HEADING_MARK, "")  # a mark anywhere else (a table's cell) says nothing of the line
    text = _EMPHASIS.sub(r"\2", text)
    text = _STRAY_EMPHASIS.sub("", text)
    text = text.replace("\ufeff", "").replace("\u00ad", "")
    text = _CELL_BREAK.sub("\t", _SPACES.sub(" ", text))
    text = text.strip()
    return HEADING_MARK + text if heading and text else text


def _page_lines(text: str) -> list[str]:
    return [clean(line) for line in text.replace("\r", "\n").split("\n")]


def _without_running_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and header/footer lines repeated at the top or bottom of most pages."""
    repeated = _repeated_edge_lines(pages)
    result = []
    for lines in pages:
        content = [line for line in lines if line]
        edges = set(range(min(3, len(content)))) | set(range(max(0, len(content) - 3), len(content)))
        kept = [
            line
            for index, line in enumerate(content)
            if not (index in edges and (_PAGE_NUMBER_LINE.match(line) or _shape(line) in repeated))
        ]
        result.append(kept)
    return result


def _repeated_edge_lines(pages: list[list[str]]) -> set[str]:
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line]
        counts.update({_shape(line) for line in content[:2] + content[-2:]})
    threshold = max(3, (len(pages) + 1) // 2)
    return {shape for shape, count in counts.items() if count >= threshold and len(shape) > 3}


def _shape(line: str) -> str:
    # Running headers differ only by their numbers ("Page 3", "CPP - 29 October 2024 - 3").
    return re.sub(r"\d+", "#", line.lower())


def _split_run_on(text: str, page: int) -> list[Line]:
    if text.startswith(HEADING_MARK):
        text = text.lstrip(HEADING_MARK).strip()
        return [Line(text, page, heading=True)] if text else []
    if len(text) < RUN_ON_LENGTH:
        return [Line(text, page)]
    lines = []
    for piece, piece_page in _split_at_page_markers(text, page):
        piece = _INLINE_SECTIONS.sub("\n", piece)
        piece = _INLINE_MINUTE.sub("\n", piece)
        lines.extend(Line(part.strip(), piece_page) for part in piece.split("\n") if part.strip())
    return lines


def _split_at_page_markers(text: str, page: int) -> list[tuple[str, int]]:
    """Cut a run-on paragraph where it says 'Page N of M', dropping the running header around the marker."""
    markers = list(_INLINE_PAGE_MARKER.finditer(text))
    if not markers:
        return [(text, page)]
    befores = [text[: m.start()].rstrip().split(" ")[-30:] for m in markers]
    afters = [text[m.end() :].lstrip().split(" ")[:30] for m in markers]
    header_before = _shared_words([list(reversed(words)) for words in befores])
    header_after = _shared_words(afters)
    pieces, start, current = [], 0, page
    for marker, before, after in zip(markers, befores, afters, strict=False):
        end = marker.start() - _furniture_length(list(reversed(before)), header_before, text[: marker.start()])
        if marker.group(1) != "1":  # whatever stands before "Page 1 of N" is that page's header
            pieces.append((text[start:end], current))
        start = marker.end() + _furniture_length(after, header_after, text[marker.end() :], leading=True)
        current = page - 1 + int(marker.group(1))
    pieces.append((text[start:], current))
    return [(piece.strip(), number) for piece, number in pieces if piece.strip()]


def _shared_words(contexts: list[list[str]]) -> list[str]:
    """The words, read outward from the markers, that a majority of the markers have around them.

    A running header ("Parish Clerk clerk@example.com / 0779 500 6811") repeats at every marker;
    the words of the minutes themselves do not.
    """
    need = max(2, (len(contexts) + 1) // 2)
    alive = list(range(len(contexts)))
    shared: list[str] = []
    for depth in range(30):
        words = Counter(contexts[i][depth] for i in alive if len(contexts[i]) > depth)
        if not words:
            break
        word, count = words.most_common(1)[0]
        if count < need:
            break
        alive = [i for i in alive if len(contexts[i]) > depth and contexts[i][depth] == word]
        shared.append(word)
    return shared


def _furniture_length(words: list[str], shared: list[str], text: str, leading: bool = False) -> int:
    """Characters of running header beside one marker: the shared words, if this marker has them all."""
    if not shared or words[: len(shared)] != shared:
        return 0
    header = " ".join(shared)
    if leading:
        stripped = text.lstrip()
        return len(text) - len(stripped) + len(header) if stripped.startswith(header) else 0
    stripped = text.rstrip()
    return len(text) - len(stripped) + len(header) if stripped.endswith(header) else 0
