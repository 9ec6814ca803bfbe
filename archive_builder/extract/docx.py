"""Word (.docx) files: paragraphs and tables in body order, split into pages where Word broke them.

A .docx has no fixed pages; the breaks we know are the explicit ones (page breaks, page-break-before,
section breaks) and the w:lastRenderedPageBreak marks Word leaves where it last laid a page out.
Those marks are what a reader of the printed or PDF copy saw, so page citations follow them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from archive_builder.extract.numbering import ListNumbering, list_numbering
from archive_builder.extract.reading import NO_TEXT, Reading, has_text, unreadable
from archive_builder.extract.text import row_lines, tidy
from archive_builder.model import HEADING_MARK, Problem

W = {name: qn(f"w:{name}") for name in (
    "p", "tbl", "tr", "tc", "r", "t", "tab", "ptab", "br", "cr", "lastRenderedPageBreak", "noBreakHyphen",
    "sdt", "sdtContent", "customXml", "smartTag", "hyperlink", "ins", "moveTo", "fldSimple", "dir", "bdo",
    "pPr", "pageBreakBefore", "sectPr", "type", "txbxContent", "drawing", "pict", "val", "pStyle", "rPr", "b",
)}
MC_ALTERNATE_CONTENT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Wrappers whose children are ordinary content (deleted text, w:del and w:moveFrom, is not among them).
INLINE_WRAPPERS = {
    W[name]
    for name in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "dir", "bdo", "sdt", "sdtContent")
}
BLOCK_WRAPPERS = {W["sdt"], W["sdtContent"], W["customXml"]}
FALSE_VALUES = {"0", "false", "off"}
_HEADING_STYLE = re.compile(r"^(?:heading\s*\d|title|subtitle)$", re.I)
# What a Word package may expand to. Real minutes are a few MB of XML; lxml holds about ten times its
# XML in memory, so these bound a file's memory at well under a gigabyte.
MAX_XML_BYTES = 64_000_000
MAX_PACKAGE_BYTES = 512_000_000
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # XML compresses 5 to 20 times; a bomb, thousands
MIN_BOMB_BYTES = 10_000_000
CORE_PROPERTIES = (
    "title", "subject", "author", "keywords", "category", "comments", "last_modified_by", "created", "modified"
)


def read(data: bytes, source: str) -> Reading:
    refused = package_problem(data)
    if refused:
        return unreadable(source, refused)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zip, XML and key errors alike for a bad file
        detail = " ".join(str(error).split()) or type(error).__name__
        return unreadable(source, f"not a readable Word document: damaged or not a .docx ({detail})")
    writer = _PageWriter()
    _write_blocks(document.element.body, writer, list_numbering(document))
    pages = [tidy(page) for page in writer.pages()]
    metadata = core_properties(document)
    title = metadata.get("title")
    if not has_text(pages):
        return Reading(title=title, metadata=metadata, problems=[Problem(source, NO_TEXT, "error")])
    return Reading(pages=pages, title=title, metadata=metadata)


def package_problem(data: bytes) -> str | None:
    """Why a Word package is not opened: what it would expand to, read from its table of contents
    before a byte is inflated (a 1 MB "zip bomb" expands to gigabytes of XML), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # python-docx says what is wrong with it
    if len(members) > MAX_MEMBERS:
        return f"not read: its package holds {len(members):,} parts, more than a Word document has ({MAX_MEMBERS:,} at most)"
    xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    whole = sum(m.file_size for m in members)
    if xml > MAX_XML_BYTES or whole > MAX_PACKAGE_BYTES:
        return (f"not read: it expands to {whole / 1e6:,.0f} MB ({xml / 1e6:,.0f} MB of text and layout), more than the "
                f"{MAX_XML_BYTES / 1e6:,.0f} MB of text and {MAX_PACKAGE_BYTES / 1e6:,.0f} MB in all the builder opens")
    for member in members:
        if member.file_size > MIN_BOMB_BYTES and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            return (f"not read: its part {member.filename} expands {member.file_size / max(member.compress_size, 1):,.0f} "
                    f"times (to {member.file_size / 1e6:,.0f} MB), as no real document does (a zip bomb?)")
    return None


def core_properties(document) -> dict:
    """The document properties Word stores (title, author, dates as ISO strings), where set."""
    try:
        # python-docx invents defaults ("Word Document", modified now) for a file without them: ask first.
        document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
        properties = document.core_properties
    except Exception:
        return {}
    metadata = {}
    for name in CORE_PROPERTIES:
        try:
            value = getattr(properties, name)
        except Exception:  # a malformed date in docProps/core.xml
            continue
        if isinstance(value, dt.datetime):
            value = value.isoformat()
        if isinstance(value, str) and value.strip():
            metadata[name] = value.strip()
    return metadata


class _PageWriter:
    """Collects lines into pages; a page break on an empty page is ignored, since Word often marks
    the same break twice (an explicit break, then the rendered-break mark after it)."""

    def __init__(self) -> None:
        self._pages: list[list[str]] = [[]]
        self._line: list[str] = []
        self._label = ""

    def start_paragraph(self, label: str, heading: bool = False) -> None:
        self._label = (HEADING_MARK if heading else "") + (f"{label} " if label else "")

    def text(self, text: str) -> None:
        if text and self._label:  # the list label goes with the first text, after any leading page break
            self._line.append(self._label)
            self._label = ""
        self._line.append(text)

    def end_line(self) -> None:
        line = "".join(self._line)
        self._line = []
        lines = self._pages[-1]
        if line.strip() or (lines and lines[-1].strip()):  # blank paragraphs: one blank line at most
            lines.append(line)

    def page_break(self) -> None:
        if "".join(self._line).strip():  # a break inside a paragraph: its first half stays on this page
            self.end_line()
        self._line = []
        if any(line.strip() for line in self._pages[-1]):
            self._pages.append([])

    def add_lines(self, lines: list[str]) -> None:
        if "".join(self._line).strip():  # a text box in mid-paragraph: the text before it comes first
            self.end_line()
        self._line = []
        self._pages[-1].extend(lines)

    def pages(self) -> list[str]:
        self.end_line()
        pages = ["\n".join(lines) for lines in self._pages]
        if len(pages) > 1 and not pages[-1].strip():
            pages.pop()  # a document ending in a page break has no empty last page
        return pages


def _write_blocks(container, writer: _PageWriter, numbering: ListNumbering) -> None:
    for element in _block_children(container):
        if element.tag == W["p"]:
            _write_paragraph(element, writer, numbering)
        elif element.tag == W["tbl"]:
            _write_table(element, writer, numbering)


def _block_children(container) -> list:
    children = []
    for child in container:
        children += _block_children(child) if child.tag in BLOCK_WRAPPERS else [child]
    return children


def _write_paragraph(paragraph, writer: _PageWriter, numbering: ListNumbering) -> None:
    properties = paragraph.find(W["pPr"])
    if _is_on(properties, "pageBreakBefore"):
        writer.page_break()
    writer.start_paragraph(numbering.label(paragraph), _is_heading(paragraph, properties))
    _write_inline(paragraph, writer, numbering)
    writer.end_line()
    writer.start_paragraph("")
    if _ends_section_on_new_page(properties):
        writer.page_break()


def _write_inline(element, writer: _PageWriter, numbering: ListNumbering) -> None:
    for child in element:
        if child.tag == W["r"]:
            _write_run(child, writer, numbering)
        elif child.tag in INLINE_WRAPPERS:
            _write_inline(child, writer, numbering)


def _write_run(run, writer: _PageWriter, numbering: ListNumbering) -> None:
    for child in run:
        tag = child.tag
        if tag == W["t"]:
            writer.text(child.text or "")
        elif tag in (W["tab"], W["ptab"]):
            writer.text("\t")
        elif tag == W["noBreakHyphen"]:
            writer.text("-")
        elif (tag == W["br"] and child.get(W["type"]) == "page") or tag == W["lastRenderedPageBreak"]:
            writer.page_break()
        elif tag in (W["br"], W["cr"]):
            writer.end_line()
        elif tag in (W["drawing"], W["pict"], MC_ALTERNATE_CONTENT):
            _write_text_boxes(child, writer, numbering)


def _write_text_boxes(drawing, writer: _PageWriter, numbering: ListNumbering) -> None:
    # mc:Fallback repeats the mc:Choice text box for old readers: read one copy only.
    for box in drawing.iter(W["txbxContent"]):
        if not any(ancestor.tag == MC_FALLBACK for ancestor in box.iterancestors()):
            writer.add_lines(_lines_within(box, numbering))


def _write_table(table, writer: _PageWriter, numbering: ListNumbering) -> None:
    for row in _block_children(table):
        if row.tag != W["tr"]:
            continue
        if _breaks_page(row):  # cells are flattened to lines, so a row moves to the page it starts on
            writer.page_break()
        cells = [_lines_within(cell, numbering) for cell in _block_children(row) if cell.tag == W["tc"]]
        writer.add_lines(row_lines(cells))


def _lines_within(container, numbering: ListNumbering) -> list[str]:
    """The non-blank lines of a table cell or text box, page breaks inside it ignored."""
    writer = _PageWriter()
    _write_blocks(container, writer, numbering)
    # A table cell's or text box's lines are parts of a row or a box, not headings of the document.
    return [line.replace(HEADING_MARK, "").strip() for page in writer.pages() for line in page.split("\n")
            if line.replace(HEADING_MARK, "").strip()]


def _breaks_page(row) -> bool:
    if next(row.iter(W["lastRenderedPageBreak"]), None) is not None:
        return True
    return any(br.get(W["type"]) == "page" for br in row.iter(W["br"]))


def _is_heading(paragraph, properties) -> bool:
    """A paragraph Word styles as a heading ("Heading 1", "Title"), or whose text is all in bold."""
    style = properties.find(W["pStyle"]) if properties is not None else None
    if style is not None and _HEADING_STYLE.match(style.get(W["val"]) or ""):
        return True
    runs = [run for run in paragraph.iter(W["r"]) if "".join(t.text or "" for t in run.iter(W["t"])).strip()]
    return bool(runs) and all(_is_on(run.find(W["rPr"]), "b") for run in runs)


def _is_on(properties, name: str) -> bool:
    if properties is None:
        return False
    element = properties.find(W[name])
    return element is not None and (element.get(W["val"]) or "true").lower() not in FALSE_VALUES


def _ends_section_on_new_page(properties) -> bool:
    section = properties.find(W["sectPr"]) if properties is not None else None
    if section is None:
        return False
    kind = section.find(W["type"])
    return kind is None or kind.get(W["val"]) not in ("continuous", "nextColumn")
