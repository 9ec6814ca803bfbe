"""Bytes -> text with page numbers: one Extraction per source file, whatever its format or state.

`extract` never raises for a bad file. What went wrong is in Extraction.problems: "error" when no
text could be read at all, "warning" when text was read with a caveat. One broken file in a folder
of hundreds must not stop a build, and the clerk should learn which file and why.

The format comes from the file name, checked against the content: downloads are often misnamed
(a PDF saved as .htm, an error page saved as .pdf), and some files have no extension at all.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import zipfile
from pathlib import Path

from archive_builder.extract import docx, html, markdown, pdf, text
from archive_builder.extract.reading import Reading, unreadable
from archive_builder.model import Extraction, Problem

# Bump whenever extracted text, titles, metadata or problems change: cached extractions are keyed by it.
EXTRACTOR_VERSION = "5"  # 2: scanned PDF pages read by OCR; 3: text that does not read as words, stray NUL bytes; 4: headings marked; 5: PDF lines in bold or larger type marked as headings

SUFFIX_FORMATS = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
}
READERS = {"pdf": pdf.read, "html": html.read, "markdown": markdown.read, "text": text.read, "docx": docx.read}
FORMAT_NAMES = {"pdf": "PDF", "html": "HTML", "markdown": "Markdown", "text": "text", "docx": "Word document"}
TEXT_FORMATS = ("html", "markdown", "text")
EMPTY = "empty file: nothing to read"
STILL_LISTED = "not read (the file is still listed with its download)"
# Formats we cannot read, recognised by their first bytes so they are never mistaken for text.
BINARY_SIGNATURES = (
    b"\xd0\xcf\x11\xe0",  # OLE2: .doc, .xls, .msg
    b"{\\rtf",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"\x1f\x8b",  # gzip
    b"Rar!",
    b"7z\xbc\xaf",
)
HTML_PREAMBLE = r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
HTML_DOCUMENT_START = re.compile(HTML_PREAMBLE + r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I | re.S)
# Enough to call a file with no known extension a fragment of HTML; never enough to overrule a .txt.
HTML_FRAGMENT_START = re.compile(
    HTML_PREAMBLE + r"<(?:div|p|table|h[1-6]|ul|ol|section|article|main|span|meta|title)[\s>/]", re.I | re.S
)
# What one file may cost: every reading step is linear, so these bound the time and memory of any
# file, whatever it holds (a Word package's own limits are in docx.py).
MAX_FILE_BYTES = 512_000_000  # an agenda pack of scanned plans runs to 100 MB and more
MAX_TEXT_CHARACTERS = 12_000_000  # about 4,000 pages of minutes
TEXT_CONTROL_BYTES = {9, 10, 12, 13, 27}
# Text that reads as words: real minutes have 80% and more of their characters in words (or numbers),
# a PDF's text layer made with fonts that map to no letters 5% and less.
_WORD = re.compile(r"^[(\"'‘“\[]?[^\W\d_]*[aeiouyAEIOUYÀ-ÖØ-öø-ÿŵŷŴŶ][^\W\d_]*(?:[-'’][^\W\d_]+)*[.,;:)\]\"'’”!?]*$")
MIN_SHARE_OF_WORDS = 0.4
MIN_TEXT_FOR_WORDS = 200
BLANK_BYTES = b" \t\r\n\x0b\x0c\x00"
NUL = b"\x00"


def extract(path: Path, source: str) -> Extraction:
    """The text of the file at `path`, page by page; `source` names it in the Extraction and its problems."""
    path = Path(path)
    named = SUFFIX_FORMATS.get(path.suffix.lower(), "unknown")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _failed(source, "", named, f"too large to read ({size / 1e6:,.0f} MB; the builder reads files of up to "
                                              f"{MAX_FILE_BYTES / 1e6:,.0f} MB): {STILL_LISTED}")
        data = path.read_bytes()
    except OSError as error:
        reason = f"{type(error).__name__}: {error.strerror or error}"
        return _failed(source, "", named, f"cannot read the file ({reason})")
    digest = hashlib.sha256(data).hexdigest()
    if is_blank(data):
        return _failed(source, digest, named, EMPTY)
    kind, problems = format_of(path, data, source)
    if kind == "unknown":
        return Extraction(source=source, sha256=digest, format=kind, problems=problems)
    reading = _within_text_limit(_reading(kind, data, source), source)
    nuls = data.count(NUL) if kind in TEXT_FORMATS else 0
    if nuls:
        problems.append(Problem(source, f"held {nuls} NUL byte(s), left out: the file may be damaged"))
    problems += words_problem(reading.pages, source, kind)
    return Extraction(
        source=source,
        sha256=digest,
        format=kind,
        pages=reading.pages,
        title=reading.title,
        metadata=reading.metadata,
        problems=problems + reading.problems,
        ocr_pages=reading.ocr_pages,
    )


def words_problem(pages: list[str], source: str, kind: str = "pdf") -> list[Problem]:
    """A warning where the text read does not read as words: a PDF whose fonts map to no letters, or
    a damaged file. Its facts (dates, names, decisions) are likely missing, so the clerk is told."""
    text = " ".join(pages)
    tokens = text.split()
    total = sum(map(len, tokens))
    if total < MIN_TEXT_FOR_WORDS:
        return []
    share = sum(len(token) for token in tokens if _WORD.match(token) or token.isdigit()) / total
    if share >= MIN_SHARE_OF_WORDS:
        return []
    cause = "a PDF whose fonts map to no letters, or a damaged file" if kind == "pdf" else "a damaged or encoded file"
    return [Problem(source, f"its text does not read as words (only {share:.0%} of it does): {cause}; it is listed, "
                            "but its facts may be missing: check the original")]


def _reading(kind: str, data: bytes, source: str) -> Reading:
    try:
        return READERS[kind](data, source)
    except Exception as error:  # a reader's bug or a library's surprise is one file's problem, not the build's
        return unreadable(source, f"could not read this {FORMAT_NAMES[kind]} ({type(error).__name__}: {error})")


def _within_text_limit(reading: Reading, source: str) -> Reading:
    """The reading, unless its text is longer than any reading step is given: then none of it, and why."""
    characters = sum(map(len, reading.pages))
    if characters <= MAX_TEXT_CHARACTERS:
        return reading
    return unreadable(source, f"holds {characters / 1e6:,.1f} million characters of text, more than the "
                              f"{MAX_TEXT_CHARACTERS / 1e6:,.0f} million the builder reads in one file (about "
                              f"{MAX_TEXT_CHARACTERS // 3000:,} pages): split it into smaller files; {STILL_LISTED}")


def _failed(source: str, digest: str, kind: str, message: str) -> Extraction:
    return Extraction(source=source, sha256=digest, format=kind, problems=[Problem(source, message, "error")])


def is_blank(data: bytes) -> bool:
    """Nothing but whitespace (or NUL padding, or a lone byte-order mark)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if data[:4096].strip(BLANK_BYTES):  # settles almost every file without copying it whole
        return False
    return not data.strip(BLANK_BYTES)


def format_of(path: Path, data: bytes, source: str) -> tuple[str, list[Problem]]:
    """The format to read the file as, and problems about its name (an error when it is "unknown")."""
    suffix = path.suffix.lower()
    named = SUFFIX_FORMATS.get(suffix)
    content = sniffed_format(data)
    if content in ("pdf", "docx") and named != content:
        return content, _misnamed(source, suffix, content)
    if named in ("pdf", "docx"):
        if content in ("html", "text"):  # typically a web page (login, "not found") saved under the document's name
            return content, _misnamed(source, suffix, content)
        return named, []  # damaged or truncated: the reader says how
    if named in TEXT_FORMATS:
        if content == "binary":
            return "unknown", [Problem(source, f"binary content in a '{suffix}' file: {STILL_LISTED}", "error")]
        if named == "text" and content == "html":
            return "html", _misnamed(source, suffix, "html")
        return named, []
    if content == "text" and HTML_FRAGMENT_START.match(_sample(data)):
        content = "html"
    if content in ("html", "text"):
        reason = f"'{suffix}' is not a format the archive knows" if suffix else "no file extension"
        return content, [Problem(source, f"{reason}: read as {FORMAT_NAMES[content]} from its content", "info")]
    described = f"'{suffix}'" if suffix else "(no file extension)"
    return "unknown", [Problem(source, f"unknown file type {described}: {STILL_LISTED}", "error")]


def _misnamed(source: str, suffix: str, content: str) -> list[Problem]:
    named = f"named '{suffix}'" if suffix else "without a file extension"
    return [Problem(source, f"file {named} holds {FORMAT_NAMES[content]}: read as {FORMAT_NAMES[content]}")]


def sniffed_format(data: bytes) -> str:
    """What the first bytes say: "pdf", "docx", "html", "text" or "binary"."""
    if data[:1024].lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_word_package(data) else "binary"  # other zips: .xlsx, .pptx, .odt, archives
    if data.startswith(BINARY_SIGNATURES) or looks_binary(data[:8192]):
        return "binary"
    return "html" if HTML_DOCUMENT_START.match(_sample(data)) else "text"


def _sample(data: bytes) -> str:
    return text.decoded(data[:4096], "")[0].lstrip("\ufeff")


def _is_word_package(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def looks_binary(sample: bytes) -> bool:
    """Binary, unless it is UTF-16/32 text: NUL bytes (more than a stray one or two, which a damaged
    text file may hold) or many control bytes."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if sample.count(b"\x00") > max(2, len(sample) // 1000):
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in TEXT_CONTROL_BYTES)
    return controls > len(sample) * 0.1
