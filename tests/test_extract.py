"""Reading source files: every format gives its text page by page, and every bad file says what is wrong."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from archive_builder.extract import EXTRACTOR_VERSION, extract
from archive_builder.model import HEADING_MARK
from archive_builder.parse import parse_extraction

CORPUS = Path(__file__).parent.parent.parent / "shared" / "corpus"
KENT = CORPUS / "kent-moderngov"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")

ENCRYPTED = "encrypted PDF (password-protected): its text cannot be read"
NO_TESSERACT = "Tesseract OCR is not installed (on Debian or Ubuntu: sudo apt-get install tesseract-ocr)"
NO_TEXT_LAYER = f"PDF has no text layer (scanned images?): no text could be read; {NO_TESSERACT}"
needs_tesseract = pytest.mark.skipif(not shutil.which("tesseract"), reason="Tesseract is not installed (./run test installs it)")
STILL_LISTED = "not read (the file is still listed with its download)"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def plain(pages: list[str]) -> list[str]:
    """Pages without the marks extraction puts before headings (tested on their own below)."""
    return [page.replace(HEADING_MARK, "") for page in pages]


def messages(extraction, severity: str) -> list[str]:
    return [problem.message for problem in extraction.problems if problem.severity == severity]


def pdf_bytes(*pages: str | None) -> bytes:
    """A PDF with one page per argument: its text, or None for a page with only a drawn rectangle."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (the test extra) builds the PDF fixtures")
    document = fpdf.FPDF()
    document.set_font("Helvetica", size=12)
    for text in pages:
        document.add_page()
        if text is None:
            document.rect(20, 20, 120, 60, style="F")
        else:
            document.multi_cell(0, 8, text)
    return bytes(document.output())


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_lines_in_bold_or_larger_type_are_headings_and_give_the_items(tmp_path):
    """Minutes with no numbers: the items are the lines printed in bold. A bold word inside a line of
    text, and the text itself, are no headings."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (the test extra) builds the PDF fixtures")
    document = fpdf.FPDF()
    document.add_page()

    def printed(text: str, style: str = "", size: int = 11) -> None:
        document.set_font("Helvetica", style=style, size=size)
        document.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")

    printed("Brookfield Parish Council", size=18)
    printed("Minutes of the meeting of the Parish Council held on Monday 3 March 2025 at 7.30 pm in the Village Hall")
    printed("Present: Cllr Ann Example (Chair), Cllr Bob Smith, Cllr Carol Jones")
    for title, text in (("Welcome and Apologies", "The Chair welcomed everyone. Apologies were received from Cllr Dan Brown."),
                        ("Village Green", "It was agreed that the contractor be asked for a quote."),
                        ("Bus Shelter", "The shelter has been repaired.")):
        printed(title, "B")
        printed(text)
    document.set_font("Helvetica", size=11)
    document.write(7, "The clerk noted that ")
    document.set_font("Helvetica", style="B", size=11)
    document.write(7, "urgent")
    document.set_font("Helvetica", size=11)
    document.write(7, " repairs were needed to the fence.")
    path = write(tmp_path, "2025-03-03_minutes.pdf", bytes(document.output()))
    (facts,) = parse_extraction(extract(path, path.name), "minutes")
    assert [(item.number, item.title) for item in facts.items] == [
        (None, "Welcome and Apologies"), (None, "Village Green"), (None, "Bus Shelter")]
    assert facts.committee_name == "Brookfield Parish Council"  # larger type: a heading, still the letterhead
    assert "The clerk noted that urgent repairs were needed to the fence." in facts.items[-1].text
    assert [a.name for a in facts.attendance if a.status == "apologies"] == ["Cllr Dan Brown"]


def test_pdf_text_is_read_page_by_page(tmp_path):
    data = pdf_bytes(
        "Minutes of the meeting held on 5 March 2019",
        "4. Minutes of the previous meeting\nRESOLVED that the minutes be agreed.",
    )
    path = write(tmp_path, "minutes.pdf", data)

    extraction = extract(path, "2019/minutes.pdf")

    assert extraction.format == "pdf"
    assert extraction.source == "2019/minutes.pdf"
    assert extraction.sha256 == hashlib.sha256(data).hexdigest()
    assert len(extraction.pages) == 2
    assert "Minutes of the meeting held on 5 March 2019" in extraction.pages[0]
    assert "RESOLVED that the minutes be agreed." in extraction.pages[1]
    assert "RESOLVED" not in extraction.pages[0]
    assert extraction.problems == []


def test_pdf_pages_have_no_carriage_returns_or_trailing_spaces(tmp_path):
    data = pdf_bytes("Apologies were received from Mr Derek Crow-Brown, Ms Smith and Mr Jones today.")

    extraction = extract(write(tmp_path, "a.pdf", data), "a.pdf")

    page = extraction.pages[0]
    assert "\r" not in page and "\x00" not in page
    assert all(line == line.rstrip() for line in page.split("\n"))


def test_pdf_without_text_layer_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no Tesseract
    extraction = extract(write(tmp_path, "scan.pdf", pdf_bytes(None, None)), "scan.pdf")

    assert messages(extraction, "error") == [NO_TEXT_LAYER]
    assert len(extraction.pages) == 2  # the page count is still known
    assert not extraction.readable


def test_pdf_with_some_pages_without_text_warns_naming_them(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no Tesseract
    extraction = extract(write(tmp_path, "mixed.pdf", pdf_bytes("Agenda", None, "Minutes", None)), "mixed.pdf")

    assert messages(extraction, "error") == []
    assert messages(extraction, "warning") == [f"pages 2, 4 have no text layer (scanned images?): {NO_TESSERACT}"]
    assert "Minutes" in extraction.pages[2]


@needs_tesseract
def test_pdf_pages_with_only_pictures_are_read_by_ocr_and_say_nothing_was_found(tmp_path):
    extraction = extract(write(tmp_path, "mixed.pdf", pdf_bytes("Agenda", None)), "mixed.pdf")

    assert messages(extraction, "warning") == ["page 2 has no text layer (scanned images?): OCR found no text on it"]
    assert extraction.ocr_pages == []


def test_blank_pdf_page_is_not_a_problem(tmp_path):
    """The empty back of a printed agenda front sheet has nothing on it to read."""
    fpdf = pytest.importorskip("fpdf")
    document = fpdf.FPDF()
    document.set_font("Helvetica", size=12)
    document.add_page()
    document.multi_cell(0, 8, "Agenda")
    document.add_page()
    extraction = extract(write(tmp_path, "frontsheet.pdf", bytes(document.output())), "frontsheet.pdf")

    assert extraction.pages == ["Agenda", ""]
    assert extraction.problems == []


def test_encrypted_pdf_is_an_error(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes("Exempt report")))
    writer.encrypt("secret")
    encrypted = io.BytesIO()
    writer.write(encrypted)

    extraction = extract(write(tmp_path, "exempt.pdf", encrypted.getvalue()), "exempt.pdf")

    assert messages(extraction, "error") == [ENCRYPTED]
    assert extraction.pages == []


def test_truncated_pdf_is_an_error(tmp_path):
    extraction = extract(write(tmp_path, "cut.pdf", pdf_bytes("Agenda", "Minutes")[:300]), "cut.pdf")

    [error] = messages(extraction, "error")
    assert error.startswith("not a readable PDF: damaged or truncated (")
    assert extraction.format == "pdf"
    assert extraction.pages == []


def test_pdf_is_read_with_pypdf_when_pdfium_fails(tmp_path, monkeypatch):
    from archive_builder.extract import pdf

    def fail(*args, **kwargs):
        raise pdf.pdfium.PdfiumError("Failed to load document (PDFium: Unknown error).")

    monkeypatch.setattr(pdf.pdfium, "PdfDocument", fail)
    extraction = extract(write(tmp_path, "a.pdf", pdf_bytes("Agenda", "Minutes")), "a.pdf")

    assert "Minutes" in extraction.pages[1]
    assert messages(extraction, "warning") == ["read with pypdf because pdfium could not (pdfium: unknown error)"]


def test_pdf_named_otherwise_is_read_as_pdf(tmp_path):
    data = pdf_bytes("Printed minutes")

    misnamed = extract(write(tmp_path, "minutes.htm", data), "minutes.htm")
    nameless = extract(write(tmp_path, "download", data), "download")

    assert misnamed.format == nameless.format == "pdf"
    assert misnamed.pages == nameless.pages == ["Printed minutes"]
    assert messages(misnamed, "warning") == ["file named '.htm' holds PDF: read as PDF"]


# --- Word ----------------------------------------------------------------------------------------


def docx_bytes(build) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_tables_and_page_breaks(tmp_path):
    from docx.enum.text import WD_BREAK

    def build(document):
        document.core_properties.title = "Minutes of 5 March 2019"
        document.add_heading("Joint Committee", level=1)
        document.add_paragraph("Apologies", style="List Number")
        document.add_paragraph("Minutes of the previous meeting", style="List Number")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Wards affected:", "All"
        table.cell(1, 0).text, table.cell(1, 1).text = "Key or Non-Key Decision:", "Non-Key"
        document.add_paragraph("After the table.").add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph("Date of the next meeting", style="List Number")

    extraction = extract(write(tmp_path, "minutes.docx", docx_bytes(build)), "minutes.docx")

    assert extraction.format == "docx"
    assert extraction.title == "Minutes of 5 March 2019"
    assert len(plain(extraction.pages)) == 2
    first = plain(extraction.pages)[0].split("\n")
    assert first[:3] == ["Joint Committee", "1. Apologies", "2. Minutes of the previous meeting"]
    assert first[3:6] == ["Wards affected: \tAll", "Key or Non-Key Decision: \tNon-Key", "After the table."]
    assert plain(extraction.pages)[1] == "3. Date of the next meeting"
    assert extraction.problems == []
    json.dumps(extraction.metadata)


def test_docx_multilevel_numbering_is_written_out(tmp_path):
    """Resolutions numbered by Word's lists ("1.", "(a)") keep the labels a reader sees."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    levels = [("decimal", "%1."), ("lowerLetter", "(%2)")]
    abstract = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for level, (kind, text) in enumerate(levels)
    )

    def build(document):
        numbering = document.part.numbering_part.element
        definition = f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{abstract}</w:abstractNum>'
        numbering.insert(0, parse_xml(definition))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        paragraphs = [("RESOLVED that:", 0), ("a letter be sent;", 1), ("options be found.", 1), ("Noted.", 0), ("again", 1)]
        for text, level in paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
            )

    extraction = extract(write(tmp_path, "minutes.docx", docx_bytes(build)), "minutes.docx")

    assert extraction.pages[0].split("\n") == [
        "1. RESOLVED that:",
        "(a) a letter be sent;",
        "(b) options be found.",
        "2. Noted.",
        "(a) again",
    ]


def test_docx_rendered_page_breaks_start_pages(tmp_path):
    from docx.oxml import OxmlElement

    def build(document):
        document.add_paragraph("Page one text.")
        run = document.add_paragraph().add_run()
        run._r.append(OxmlElement("w:lastRenderedPageBreak"))
        run.add_text("Page two text.")

    extraction = extract(write(tmp_path, "a.docx", docx_bytes(build)), "a.docx")

    assert extraction.pages == ["Page one text.", "Page two text."]


def test_corrupt_docx_is_an_error(tmp_path):
    data = docx_bytes(lambda document: document.add_paragraph("Agenda"))

    extraction = extract(write(tmp_path, "agenda.docx", data[: len(data) // 2]), "agenda.docx")

    [error] = messages(extraction, "error")
    assert error.startswith("not a readable Word document")
    assert extraction.pages == []


# --- HTML ----------------------------------------------------------------------------------------

MODERNGOV_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Agenda for Cabinet on Thursday, 30th January, 2025, 10.00 am | Kent County Council</title>
<style>.mgItemTable { color: red; }</style>
<script>var trackingCode = "UA-12345"; function menuToggle() {}</script>
</head>
<body>
<div class="cookie-banner"><p>We use cookies to make this site work.</p><button>Accept cookies</button></div>
<a class="skip-link" href="#content">Skip to main content</a>
<form method="post" action="./ieListDocuments.aspx?CId=115&amp;MId=9496" id="aspnetForm">
<header role="banner"><div class="logo">Kent County Council</div></header>
<nav id="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/council-tax">Council Tax</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="mgListCommittees.aspx">Committees</a></div>
<div id="modgov">
  <h1 class="mgMainTitleTxt">Agenda, decisions and minutes</h1>
  <p>Venue: Council Chamber, Sessions House. Contact: Democratic Services &amp; Scrutiny</p>
  <ul class="mgActionList"><li><a href="documents/g9496/Printed minutes.pdf">Printed minutes <span>PDF 161 KB</span></a></li></ul>
  <table class="mgItemTable">
    <tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">3.</p></td>
        <td><p class="mgAiTitleTxt"><a href="documents/s1/Minutes.pdf">Minutes of the meeting held on 9 January 2025</a></p>
            <p class="mgSubItemTitleTxt">Decision:</p>
            <div class="mgWordPara">RESOLVED that the minutes be approved as a correct record.</div></td></tr>
    <tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">4.</p></td>
        <td><p class="mgAiTitleTxt">24/00096 - Commissioning Plan for Education Provision</p></td></tr>
  </table>
</div>
<aside><h2>Related pages</h2><p>Find your councillor</p></aside>
<footer role="contentinfo"><p>Copyright Kent County Council</p></footer>
</form>
<script>document.write("injected text");</script>
</body></html>
"""


def test_moderngov_page_keeps_the_content_and_drops_the_site(tmp_path):
    extraction = extract(write(tmp_path, "meeting.html", MODERNGOV_PAGE), "meeting.html")

    assert extraction.format == "html"
    assert extraction.title == "Agenda for Cabinet on Thursday, 30th January, 2025, 10.00 am | Kent County Council"
    [page] = plain(extraction.pages)
    lines = page.split("\n")
    assert lines[0] == "Agenda, decisions and minutes"
    assert "3. \tMinutes of the meeting held on 9 January 2025" in lines
    assert "RESOLVED that the minutes be approved as a correct record." in lines
    assert "4. \t24/00096 - Commissioning Plan for Education Provision" in lines
    assert "Venue: Council Chamber, Sessions House. Contact: Democratic Services & Scrutiny" in lines
    assert "- Printed minutes PDF 161 KB" in lines
    for site_text in ("Home", "Council Tax", "Committees", "cookies", "Skip to", "Copyright", "Related pages",
                      "trackingCode", "menuToggle", "injected", "color: red"):
        assert site_text not in page
    links = extraction.metadata["links"]
    assert {"text": "Printed minutes PDF 161 KB", "href": "documents/g9496/Printed minutes.pdf"} in links
    assert {"text": "Minutes of the meeting held on 9 January 2025", "href": "documents/s1/Minutes.pdf"} in links
    assert extraction.problems == []


def test_html_fragment_is_read_line_by_line(tmp_path):
    fragment = """<h1>Cabinet decisions</h1>
<p>RESOLVED that:</p>
<ol><li>the report be <b>noted</b>;</li><li>a further update be provided.</li></ol>
<ul><li>Cllr Smith</li><li>Cllr Jones</li></ul>
<p>Signed<br>Chair</p>
<table><tr><th>For</th><th>Against</th></tr><tr><td>57</td><td>0</td></tr></table>"""

    extraction = extract(write(tmp_path, "decisions.htm", fragment), "decisions.htm")

    assert extraction.title == "Cabinet decisions"
    assert plain(extraction.pages)[0].split("\n") == [
        "Cabinet decisions",
        "RESOLVED that:",
        "1. the report be noted;",
        "2. a further update be provided.",
        "- Cllr Smith",
        "- Cllr Jones",
        "Signed",
        "Chair",
        "For \tAgainst",
        "57 \t0",
    ]


def test_html_without_text_is_an_error(tmp_path):
    page = "<html><head><title>Loading</title><script>load()</script></head><body><nav>Home</nav></body></html>"

    extraction = extract(write(tmp_path, "empty.html", page), "empty.html")

    assert messages(extraction, "error") == ["no text found"]


# --- Markdown ------------------------------------------------------------------------------------


def test_markdown_front_matter_becomes_title_and_metadata(tmp_path):
    source = """---
title: "Stoke Ferry Parish Council - March Meeting minutes"
date: 2018-07-28
categories:
  - parish-councils
---

# Minutes of the **Parish Council**

<!-- draft: check names -->
48/18 Apologies and Welcome: see the [agenda](https://example.org/agenda.pdf) and __notes__.
![logo](logo.png)

- Cllr Sue Lintern *Chair*
* Cllr Jim McNeill
1. Minutes approved
2. Matters arising 17/00469/NMA\\_1
"""

    extraction = extract(write(tmp_path, "minutes.md", source), "minutes.md")

    assert extraction.format == "markdown"
    assert extraction.title == "Stoke Ferry Parish Council - March Meeting minutes"
    assert extraction.metadata == {
        "title": "Stoke Ferry Parish Council - March Meeting minutes",
        "date": "2018-07-28",
        "categories": ["parish-councils"],
    }
    json.dumps(extraction.metadata)
    lines = [line for line in plain(extraction.pages)[0].split("\n") if line]
    assert lines == [
        "Minutes of the Parish Council",
        "48/18 Apologies and Welcome: see the agenda and notes.",
        "- Cllr Sue Lintern Chair",
        "- Cllr Jim McNeill",
        "1. Minutes approved",
        "2. Matters arising 17/00469/NMA_1",
    ]
    assert extraction.problems == []


def test_markdown_without_front_matter(tmp_path):
    path = write(tmp_path, "notes.markdown", "## Item 1\n\nApologies were received.\n")

    extraction = extract(path, "notes.markdown")

    assert extraction.title is None
    assert extraction.metadata == {}
    assert plain(extraction.pages) == ["Item 1\n\nApologies were received."]


def test_markdown_with_bad_front_matter_warns_and_reads_the_whole_file(tmp_path):
    source = "---\ntitle: [unclosed\n---\nMinutes of the meeting\n"

    extraction = extract(write(tmp_path, "bad.md", source), "bad.md")

    [warning] = messages(extraction, "warning")
    assert warning.startswith("front matter is not valid YAML")
    assert extraction.metadata == {}
    assert "title: [unclosed" in extraction.pages[0]
    assert "Minutes of the meeting" in extraction.pages[0]


# --- Plain text ----------------------------------------------------------------------------------


def test_cp1252_text_is_decoded_with_a_warning(tmp_path):
    data = "Caf\u00e9 \u2013 \u00a3250 agreed \u201cunanimously\u201d".encode("cp1252")

    extraction = extract(write(tmp_path, "minutes.txt", data), "minutes.txt")

    assert extraction.format == "text"
    assert extraction.pages == ["Caf\u00e9 \u2013 \u00a3250 agreed \u201cunanimously\u201d"]
    assert messages(extraction, "warning") == ["text is not UTF-8: read as cp1252 (Windows-1252)"]


def test_utf8_text_with_bom_and_windows_line_endings(tmp_path):
    extraction = extract(write(tmp_path, "a.txt", "\ufeffAgenda  \r\nItem 1\r\n".encode("utf-8")), "a.txt")

    assert extraction.pages == ["Agenda\nItem 1"]
    assert extraction.problems == []


def test_form_feeds_split_text_into_pages(tmp_path):
    extraction = extract(write(tmp_path, "pack.txt", "Agenda\fMinutes\f"), "pack.txt")

    assert extraction.pages == ["Agenda", "Minutes"]


def test_printed_page_markers_do_not_split_text(tmp_path):
    text = "Initialled by Chairperson: DATE Page 1 of 6 STOKE FERRY PARISH COUNCIL ... Page 2 of 6 Signed:"

    extraction = extract(write(tmp_path, "minutes.txt", text), "minutes.txt")

    assert extraction.pages == [text]


@pytest.mark.parametrize(
    "name, note",
    [
        ("README", "no file extension: read as text from its content"),
        ("notes.csv", "'.csv' is not a format the archive knows: read as text from its content"),
    ],
)
def test_text_file_with_unknown_extension_is_read_as_text(tmp_path, name, note):
    extraction = extract(write(tmp_path, name, "Minutes of the meeting"), name)

    assert extraction.format == "text"
    assert extraction.pages == ["Minutes of the meeting"]
    assert messages(extraction, "info") == [note]


def test_web_page_saved_as_pdf_is_read_as_html(tmp_path):
    page = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><p>Please sign in.</p></body></html>"

    extraction = extract(write(tmp_path, "agenda.pdf", page), "agenda.pdf")

    assert extraction.format == "html"
    assert extraction.pages == ["Please sign in."]
    assert messages(extraction, "warning") == ["file named '.pdf' holds HTML: read as HTML"]


# --- Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data", [("empty.pdf", b""), ("empty.txt", b""), ("blank.md", b" \n\t\r\n"), ("blank.html", b"\n\n")]
)
def test_empty_file_is_an_error(tmp_path, name, data):
    extraction = extract(write(tmp_path, name, data), name)

    assert [(problem.source, problem.severity, problem.message) for problem in extraction.problems] == [
        (name, "error", "empty file: nothing to read")
    ]
    assert extraction.pages == []
    assert extraction.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("budget.xlsx", b"PK\x03\x04" + b"\x00" * 40, "unknown file type '.xlsx': " + STILL_LISTED),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)), "unknown file type '.jpg': " + STILL_LISTED),
        ("papers.zip", b"PK\x03\x04" + bytes(range(256)), "unknown file type '.zip': " + STILL_LISTED),
        ("download", b"\x00\x01\x02binary" * 20, "unknown file type (no file extension): " + STILL_LISTED),
        ("minutes.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "unknown file type '.doc': " + STILL_LISTED),
    ],
)
def test_unknown_file_type_is_an_error(tmp_path, name, data, message):
    extraction = extract(write(tmp_path, name, data), name)

    assert extraction.format == "unknown"
    assert messages(extraction, "error") == [message]
    assert extraction.sha256 == hashlib.sha256(data).hexdigest()


def test_unreadable_path_names_the_os_error(tmp_path):
    extraction = extract(tmp_path / "missing.pdf", "missing.pdf")

    [error] = messages(extraction, "error")
    assert error.startswith("cannot read the file (FileNotFoundError: No such file or directory")
    assert extraction.format == "pdf"


def test_permission_error_is_reported_not_raised(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", "secret")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    extraction = extract(path, "locked.txt")

    assert messages(extraction, "error") == ["cannot read the file (PermissionError: Permission denied)"]
    assert extraction.sha256 == ""


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their permissions"
)
def test_file_without_read_permission_is_an_error(tmp_path):
    path = write(tmp_path, "locked.txt", "secret")
    path.chmod(0)
    try:
        extraction = extract(path, "locked.txt")
    finally:
        path.chmod(0o644)

    assert messages(extraction, "error") == ["cannot read the file (PermissionError: Permission denied)"]


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html", ".md", ".txt", ".htm", ""])
@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n%%EOF", b"PK\x03\x04junk", b"<html><body>", b"\xff\xfe\x00\x00junk", bytes(range(256)) * 4]
)
def test_extract_never_raises(tmp_path, suffix, data):
    extraction = extract(write(tmp_path, f"junk{suffix}", data), f"junk{suffix}")

    assert extraction.readable or messages(extraction, "error")
    assert all(problem.source == f"junk{suffix}" for problem in extraction.problems)


def test_extractor_version_is_a_cache_key():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


# --- The real corpus -----------------------------------------------------------------------------


@needs_corpus
def test_every_kent_pdf_has_text_on_its_pages():
    pdfs = sorted(KENT.glob("*.pdf"))
    assert len(pdfs) == 21
    for path in pdfs:
        extraction = extract(path, f"kent-moderngov/{path.name}")
        assert extraction.format == "pdf"
        assert len(extraction.pages) > 0, path.name
        assert extraction.readable, path.name
        assert messages(extraction, "error") == [], path.name
        assert not any(character in page for page in extraction.pages for character in "\x02\ufffe\r\x00"), path.name


@needs_corpus
@pytest.mark.parametrize(
    "name, page, words",
    [
        ("2025-02-13_county-council_printed-minutes.pdf", 2, "288. Minutes of the meetings held on 19 December 2024"),
        ("2025-02-13_county-council_printed-minutes.pdf", 1, "Mr Derek Crow-Brown"),  # pdfium's \x02 hyphen
        ("2025-03-13_county-council_printed-minutes.pdf", 1, "COUNTY COUNCIL"),
        ("2025-01-30_cabinet_proposed-record-of-decision_24-00096.pdf", 1, "24/00096"),
    ],
)
def test_known_words_on_known_pdf_pages(name, page, words):
    extraction = extract(KENT / name, f"kent-moderngov/{name}")

    assert words in extraction.pages[page - 1]


@needs_corpus
def test_stoke_ferry_markdown_keeps_page_markers_in_one_page():
    name = "stoke-ferry-parish/2018-03-07_stoke-ferry-pc_minutes.md"

    extraction = extract(CORPUS / name, name)

    assert extraction.title == "Stoke Ferry Parish Council - March Meeting minutes"
    assert extraction.metadata["date"] == "2018-07-28"
    assert len(extraction.pages) == 1
    assert "Page 1 of 6" in extraction.pages[0] and "Page 2 of 6" in extraction.pages[0]
    assert extraction.problems == []


@needs_corpus
def test_seed_text_keeps_its_lines():
    name = "seeds/002_bf680f97e9985e1a.txt"

    extraction = extract(CORPUS / name, name)

    assert extraction.format == "text"
    assert len(extraction.pages) == 1
    assert "Tuesday 5 March 2019 at 6.30 pm" in extraction.pages[0].split("\n")


# --- What the layout says: headings ---------------------------------------------------------------


def _heading_lines(path, name):
    from archive_builder.parse.text import document_lines

    return [(line.text, line.heading) for line in document_lines(extract(path, name).pages)]


def test_markdown_headings_and_whole_bold_lines_are_headings(tmp_path):
    path = tmp_path / "minutes.md"
    path.write_text("# Town of Cedar Hollow\nApril 14, 2025\n\n## ROAD\nThe grader is **due** for service.\n\n"
                    "**Item 2**\n\n**Planning**\n", encoding="utf-8")
    assert _heading_lines(path, path.name) == [
        ("Town of Cedar Hollow", True), ("April 14, 2025", False), ("ROAD", True),
        ("The grader is due for service.", False), ("Item 2", True), ("Planning", True)]


def test_html_headings_and_bold_paragraphs_are_headings_but_not_table_cells(tmp_path):
    path = tmp_path / "minutes.html"
    path.write_text("<html><body><main><h2>Minutes</h2><p><strong>Item 1</strong></p><p>Text with <b>bold</b> in it.</p>"
                    "<table><tr><td><strong>Cell</strong></td><td>Other</td></tr></table></main></body></html>",
                    encoding="utf-8")
    assert _heading_lines(path, path.name) == [
        ("Minutes", True), ("Item 1", True), ("Text with bold in it.", False), ("Cell\tOther", False)]


def test_word_heading_styles_and_bold_paragraphs_are_headings(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Minutes of the Board", level=1)
    document.add_paragraph().add_run("Apologies").bold = True
    paragraph = document.add_paragraph("Apologies were received ")
    paragraph.add_run("from Cllr Smith").bold = True
    path = tmp_path / "minutes.docx"
    document.save(path)
    assert _heading_lines(path, path.name) == [
        ("Minutes of the Board", True), ("Apologies", True), ("Apologies were received from Cllr Smith", False)]


def test_no_heading_mark_is_ever_left_in_the_text(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("**MINUTES**\nPlain \ufdd0 text\n", encoding="utf-8")
    assert _heading_lines(path, path.name) == [("MINUTES", True), ("Plain text", False)]
