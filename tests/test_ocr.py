"""Scanned PDFs: pages with no text layer are read with Tesseract OCR where it is installed, and the
report says which pages were; without Tesseract the clerk is told the file has no text layer and how
to install it."""

from __future__ import annotations

import shutil

import pytest
from clerk_archive import archive, new_archive

from archive_builder.extract import extract

needs_tesseract = pytest.mark.skipif(not shutil.which("tesseract"), reason="Tesseract is not installed (./run test installs it)")

PAGE_ONE = """PLANNING COMMITTEE

MINUTES of a meeting of the Planning Committee held on Tuesday 4 March 2025 at 7.00 pm at the Town Hall

PRESENT: Councillor Ann Example (Chair), Councillor Bob Sample and Councillor Carol Test

1. Apologies for absence

Apologies were received from Councillor Dan Other.
"""
PAGE_TWO = """2. Riverside footbridge

RESOLVED that the footbridge repairs be approved.

3. Allotment rents

RESOLVED that the allotment rents for 2025 be frozen.
"""
NOT_INSTALLED = ("PDF has no text layer (scanned images?): no text could be read; Tesseract OCR is not installed "
                 "(on Debian or Ubuntu: sudo apt-get install tesseract-ocr)")


def scanned_pdf(*pages: str) -> bytes:
    """A PDF of page images and no text at all, as a scanner makes: each page's text is printed
    (fpdf2's built-in Helvetica, so no font needs installing), rendered to a picture at 200 dpi,
    and only the picture is kept."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (the test extra) builds the PDF fixtures")
    import pypdfium2 as pdfium

    scan = fpdf.FPDF()
    for text in pages:
        printed = fpdf.FPDF()
        printed.add_page()
        printed.set_font("helvetica", size=12)
        printed.multi_cell(0, 7, text)
        document = pdfium.PdfDocument(bytes(printed.output()))
        image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
        document.close()
        scan.add_page()
        scan.image(image, x=0, y=0, w=210, h=297)
    return bytes(scan.output())


@pytest.fixture(scope="module")
def scan() -> bytes:
    data = scanned_pdf(PAGE_ONE, PAGE_TWO)
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument(data)
    assert all(not document[i].get_textpage().get_text_bounded().strip() for i in range(len(document)))  # no text layer
    document.close()
    return data


@pytest.fixture(scope="module")
def built(scan, tmp_path_factory):
    if not shutil.which("tesseract"):
        pytest.skip("Tesseract is not installed (./run test installs it)")
    root = new_archive(tmp_path_factory.mktemp("ocr"), {"2025-03-04_planning_minutes-scan.pdf": scan})
    return archive(root, "build")


@needs_tesseract
def test_a_scanned_pdf_is_read_by_ocr_and_built(built):
    assert built.exit_code == 0, built.stderr
    meeting = built.page("meetings/planning-committee/2025-03-04")
    assert "Riverside footbridge" in meeting
    assert "footbridge repairs be approved" in meeting
    assert "allotment rents for 2025 be frozen" in meeting
    assert "Carol Test" in meeting


@needs_tesseract
def test_the_report_names_the_pages_read_by_ocr(built):
    line = ("WARNING: 2025-03-04_planning_minutes-scan.pdf: pages 1, 2 have no text layer and were read by OCR "
            "(Tesseract): check names, dates and figures against the original")
    assert line in built.report.splitlines()
    assert line in built.stderr.splitlines()
    assert ("- 2025-03-04_planning_minutes-scan.pdf: minutes, Planning Committee, 4 March 2025: 3 items, 2 resolutions, "
            "4 attendees; pages 1, 2 read by OCR") in built.report


@needs_tesseract
def test_the_document_page_shows_the_text_and_says_it_was_read_by_ocr(built):
    document = next(d for d in built.export["documents"] if d["source"].endswith("scan.pdf"))
    assert document["ocr_pages"] == [1, 2]
    page = built.page(document["url"].strip("/"))
    assert "read by OCR" in page and "Apologies were received from Councillor Dan Other." in page


@needs_tesseract
def test_ocr_is_deterministic(scan, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan)
    first, second = extract(path, "scan.pdf"), extract(path, "scan.pdf")
    assert first.pages == second.pages and first.ocr_pages == [1, 2]


def test_without_tesseract_the_clerk_is_told_how_to_install_it(scan, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))  # no tesseract on the PATH
    assert shutil.which("tesseract") is None
    root = new_archive(tmp_path / "archive", {"scan.pdf": scan})
    run = archive(root, "build", "--no-publish")
    assert run.exit_code == 1
    assert f"ERROR: scan.pdf: {NOT_INSTALLED}" in run.stderr.splitlines()
    assert f"ERROR: scan.pdf: {NOT_INSTALLED}" in run.report.splitlines()


@needs_tesseract
def test_a_scan_read_before_tesseract_was_installed_is_read_again(scan, tmp_path, monkeypatch):
    root = new_archive(tmp_path, {"2025-03-04_minutes.pdf": scan})
    with monkeypatch.context() as hidden:
        hidden.setenv("PATH", str(tmp_path / "no-programs"))
        assert archive(root, "check").exit_code == 1  # cached: no text, Tesseract missing
    again = archive(root, "check")
    assert again.exit_code == 0, again.stdout
    assert "pages 1, 2 read by OCR" in again.stdout
