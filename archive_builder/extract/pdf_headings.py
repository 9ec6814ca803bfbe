"""Which lines of a PDF page are printed as headings: in a bold face, or larger than the page's text.

A PDF keeps no structure, only glyphs in fonts, so a heading is told by how it is printed. pdfium
says each character's size and the font it is drawn in; a font is bold where its name says so
("Arial-BoldMT") or its descriptor forces bold. Many PDFs written by office tools name their fonts
only "CIDFont+F1", and then size is all there is to go on: where neither tells, no line is marked,
and the item finder reads the numbering alone, as before.

Only short lines are looked at (a heading is a label, not a paragraph), and only a sample of their
characters, so that a 500-page pack costs little more to read than its text.
"""

from __future__ import annotations

import ctypes
import re
import statistics

import pypdfium2.raw as pdfium_c

MAX_HEADING_CHARACTERS = 90
SAMPLE = 12  # characters looked at per line
LARGER = 1.15  # a line this much larger than the page's usual size stands out as a heading
FORCE_BOLD = 1 << 18  # PDF font descriptor flag 19
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|demi\b|extrabold|ultrabold", re.I)
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


def heading_lines(textpage) -> set[str]:
    """The texts (stripped) of the page's lines printed in bold or in a larger size than its text."""
    count = textpage.count_chars()
    if count <= 0:
        return set()
    text = textpage.get_text_range()
    if len(text) != count:
        return set()  # characters outside the Basic Multilingual Plane shift the indexes: no guessing
    fonts = _Fonts(textpage)
    usual = _usual_size(textpage, text)
    found: set[str] = set()
    for start, end in _lines(text):
        line = text[start:end].strip()
        if not line or len(line) > MAX_HEADING_CHARACTERS or not any(ch.isalpha() for ch in line):
            continue
        sample = _sample([i for i in range(start, end) if not text[i].isspace()])
        bold = all(fonts.bold(i) for i in sample)
        large = usual > 0 and min(pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in sample) >= usual * LARGER
        if bold or large:
            found.add(line)
    return found


def marked(text: str, headings: set[str], mark: str) -> str:
    """`text` with `mark` before each line whose text is one of `headings`."""
    if not headings:
        return text
    return "\n".join(mark + line if line.strip() in headings else line for line in text.split("\n"))


def _lines(text: str):
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _sample(indexes: list[int]) -> list[int]:
    if len(indexes) <= SAMPLE:
        return indexes
    step = len(indexes) / SAMPLE
    return [indexes[int(n * step)] for n in range(SAMPLE)]


def _usual_size(textpage, text: str) -> float:
    """The median size of the page's letters (a sample of them)."""
    letters = [i for i in range(0, len(text), 7) if text[i].isalpha()]
    sizes = [pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in letters]
    return statistics.median(sizes) if sizes else 0.0


class _Fonts:
    """Whether the font of a character is bold, asked once per text object."""

    def __init__(self, textpage) -> None:
        self.raw = textpage.raw
        self.known: dict[int, bool] = {}

    def bold(self, index: int) -> bool:
        text_object = pdfium_c.FPDFText_GetTextObject(self.raw, index)
        address = ctypes.cast(text_object, ctypes.c_void_p).value
        if not address:
            return False
        if address not in self.known:
            self.known[address] = _is_bold(pdfium_c.FPDFTextObj_GetFont(text_object))
        return self.known[address]


def _is_bold(font) -> bool:
    if not font:
        return False
    if pdfium_c.FPDFFont_GetFlags(font) & FORCE_BOLD:
        return True
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    if size <= 0 or size > 512:
        return False
    name = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, name, size)
    return bool(_BOLD_NAME.search(_SUBSET_PREFIX.sub("", name.value.decode("latin-1", errors="replace"))))
