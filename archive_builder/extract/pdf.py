"""PDF files: text page by page with pdfium (fast, keeps the printed line order), pypdf when pdfium fails.

A page with no text layer (a scan) is read with Tesseract OCR where it is installed (ocr.py), and
the problems say which pages were read that way; without Tesseract it reads as empty, and the
problems say which pages those are and how to install it.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from archive_builder.extract import ocr
from archive_builder.extract.pdf_headings import heading_lines, marked
from archive_builder.extract.reading import Reading, has_text, unreadable
from archive_builder.extract.text import tidy
from archive_builder.model import HEADING_MARK, Problem

ENCRYPTED = "encrypted PDF (password-protected): its text cannot be read"
NO_TEXT_LAYER = "PDF has no text layer (scanned images?): no text could be read"
OCR_FOUND_NOTHING = "OCR found no text on it"
BLANK_PAGES = "PDF pages are blank: no text could be read"
NO_PAGES = "PDF has no pages: nothing to read"
# What a scanned or outlined page is made of; a page with none of these and no text is simply blank
# (the empty back of an agenda front sheet), which is no problem.
DRAWN_OBJECTS = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING)
PDFIUM_PASSWORD_ERRORS = {4, 5}  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY (unsupported encryption)
# pdfium marks a hyphen that ended a printed line and joins the two halves on one line
# ("Crow\x02Brown", "sub\x02categories"); older builds used U+FFFE. In committee papers these are
# real hyphens (double-barrelled names, compounds) far more often than word splits, so keep a hyphen.
PDFIUM_HYPHENS = re.compile("[\x02\ufffe]")


class EncryptedPdf(Exception):
    pass


def read(data: bytes, source: str) -> Reading:
    try:
        raw_pages, blank, metadata = pdfium_pages(data)
    except Exception as pdfium_error:  # any pdfium failure: pypdf may still read the file
        return _read_with_pypdf(data, source, pdfium_error)
    scanned = [number for number, page in enumerate(raw_pages, start=1) if not page.strip() and number not in blank]
    read_by_ocr, why_not = _ocr(data, scanned)
    for number, text in read_by_ocr.items():
        raw_pages[number - 1] = text
    found = sorted(number for number, text in read_by_ocr.items() if text.strip())
    problems = []
    if found:
        verb = "has" if len(found) == 1 else "have"
        problems.append(Problem(source, f"{_pages_phrase(found)} {verb} no text layer and {'was' if len(found) == 1 else 'were'} "
                                        "read by OCR (Tesseract): check names, dates and figures against the original"))
    reading = _reading(raw_pages, blank, metadata, problems, source, why_not)
    reading.ocr_pages = found
    return reading


def _ocr(data: bytes, scanned: list[int]) -> tuple[dict[int, str], str]:
    """The text OCR reads on the scanned pages, and why the pages it could not read stay empty."""
    if not scanned:
        return {}, ""
    if not ocr.available():
        return {}, ocr.NOT_INSTALLED
    try:
        return ocr.read_pages(data, scanned), OCR_FOUND_NOTHING
    except Exception as error:  # OCR is a bonus: its failure costs the scanned pages, never the file
        return {}, f"OCR failed ({error})"


def _read_with_pypdf(data: bytes, source: str, pdfium_error: Exception) -> Reading:
    try:
        raw_pages, metadata, failed = pypdf_pages(data)
    except Exception as pypdf_error:
        return unreadable(source, unreadable_message(pdfium_error, pypdf_error))
    if not has_text(raw_pages):  # pdfium's failure says the file itself is broken, not scanned
        return unreadable(source, f"not a readable PDF: damaged or truncated ({_detail(pdfium_error)})")
    problems = [Problem(source, f"read with pypdf because pdfium could not ({_detail(pdfium_error)})")]
    if failed:
        problems.append(Problem(source, f"{_pages_phrase(failed)} could not be read"))
    # pypdf cannot tell a blank page from a scanned one, so every empty page is reported.
    return _reading(raw_pages, set(), metadata, problems, source, "not read by OCR (pdfium, which renders pages for OCR, cannot open the file)")


def _reading(raw_pages: list[str], blank: set[int], metadata: dict, problems: list[Problem], source: str,
             why_empty: str) -> Reading:
    pages = [tidy(PDFIUM_HYPHENS.sub("-", page)) for page in raw_pages]
    return Reading(pages=pages, metadata=metadata, problems=problems + text_layer_problems(pages, blank, source, why_empty))


def pdfium_pages(data: bytes) -> tuple[list[str], set[int], dict]:
    """Text of every page, the numbers of pages with nothing on them, and the info dictionary."""
    document = pdfium.PdfDocument(data)
    try:
        pages, blank = [], set()
        for index in range(len(document)):
            text, is_blank = _pdfium_page(document, index)
            pages.append(text)
            if is_blank:
                blank.add(index + 1)
        return pages, blank, _pdfium_metadata(document)
    finally:
        document.close()


def _pdfium_page(document: pdfium.PdfDocument, index: int) -> tuple[str, bool]:
    """The page's text, and whether the page is blank: no text and nothing drawn (images, vector paths)."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_bounded()
            text = marked(text, _headings(textpage), HEADING_MARK)
        finally:
            textpage.close()
        if text.strip():
            return text, False
        return text, not any(True for _ in page.get_objects(filter=DRAWN_OBJECTS))
    finally:
        page.close()


def _headings(textpage) -> set[str]:
    # How lines are printed is a help to reading items, never a reason to lose the page's text.
    try:
        return heading_lines(textpage)
    except Exception:
        return set()


def _pdfium_metadata(document: pdfium.PdfDocument) -> dict:
    # Metadata is a nicety: a broken info dictionary must not cost the text.
    try:
        return dict(document.get_metadata_dict(skip_empty=True))
    except Exception:
        return {}


def pypdf_pages(data: bytes) -> tuple[list[str], dict, list[int]]:
    """Text of every page, the info dictionary, and the numbers of pages pypdf could not read."""
    with _pypdf_quietly():
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
            raise EncryptedPdf
        pages, failed = [], []
        for number, page in enumerate(reader.pages, start=1):
            try:
                pages.append(page.extract_text() or "")
            except Exception:  # one damaged page stream should not cost the other pages
                pages.append("")
                failed.append(number)
        return pages, _pypdf_metadata(reader), failed


def _pypdf_metadata(reader: pypdf.PdfReader) -> dict:
    try:
        info = reader.metadata or {}
        return {str(key).lstrip("/"): str(value) for key, value in info.items() if str(value).strip()}
    except Exception:
        return {}


@contextlib.contextmanager
def _pypdf_quietly():
    """pypdf logs and warns about every repair it makes; the problems list is where news belongs."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def unreadable_message(pdfium_error: Exception, pypdf_error: Exception) -> str:
    if _is_encryption_error(pdfium_error, pypdf_error):
        return ENCRYPTED
    return f"not a readable PDF: damaged or truncated ({_detail(pdfium_error)}; pypdf: {_detail(pypdf_error)})"


def _is_encryption_error(pdfium_error: Exception, pypdf_error: Exception) -> bool:
    return getattr(pdfium_error, "err_code", None) in PDFIUM_PASSWORD_ERRORS or isinstance(
        pypdf_error, (EncryptedPdf, pypdf.errors.FileNotDecryptedError)
    )


def _detail(error: Exception) -> str:
    """A short reason: pdfium's own words where it gives them, else the exception's message."""
    message = str(error)
    found = re.search(r"PDFium: ([^)]+)", message)
    if found:
        return f"pdfium: {found.group(1).lower()}"
    return message.strip().rstrip(".") or type(error).__name__


def text_layer_problems(pages: list[str], blank: set[int], source: str, why_empty: str) -> list[Problem]:
    """Pages left without text, and why (`why_empty`: Tesseract missing, OCR found nothing, ...)."""
    if not pages:
        return [Problem(source, NO_PAGES, "error")]
    if not has_text(pages):
        if len(blank) == len(pages):
            return [Problem(source, BLANK_PAGES, "error")]
        return [Problem(source, f"{NO_TEXT_LAYER}; {why_empty}" if why_empty else NO_TEXT_LAYER, "error")]
    unread = [number for number, page in enumerate(pages, start=1) if not page.strip() and number not in blank]
    if not unread:
        return []
    verb = "has" if len(unread) == 1 else "have"
    return [Problem(source, f"{_pages_phrase(unread)} {verb} no text layer (scanned images?): {why_empty}")]


def _pages_phrase(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(str(number) for number in numbers)
