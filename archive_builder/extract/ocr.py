"""Scanned PDF pages read with Tesseract OCR, where it is installed.

A page with no text layer is rendered by pdfium to a greyscale image at 300 dpi and given to the
`tesseract` program (Debian's `tesseract-ocr` package, English). The same page and the same
Tesseract give the same text, so builds stay deterministic: one thread per Tesseract run (its
multi-threaded recogniser is not guaranteed to repeat itself), no clock, no network.

Tesseract is a program, not a Python package: without it, scanned pages are reported with the
command that installs it, and a cached reading made without it is read again once it is there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium

from archive_builder.model import Extraction

DPI = 300
MAX_SIDE = 7000  # pixels: a plan printed at A0 is read at less than 300 dpi rather than as a 20,000-pixel image
LANGUAGE = "eng"
TIMEOUT = 180  # seconds for one page
WORKERS = max(1, min(4, os.cpu_count() or 1))
INSTALL = "sudo apt-get install tesseract-ocr"
NOT_INSTALLED = f"Tesseract OCR is not installed (on Debian or Ubuntu: {INSTALL})"


class OcrError(Exception):
    """Tesseract ran but failed; the message says how."""


def tesseract() -> str | None:
    """The `tesseract` program on this machine's PATH, if any."""
    return shutil.which("tesseract")


def available() -> bool:
    return tesseract() is not None


def read_pages(data: bytes, numbers: list[int]) -> dict[int, str]:
    """The text Tesseract reads on each of the PDF's pages `numbers` (1-based), page by page.

    Raises OcrError when Tesseract fails on a page (and FileNotFoundError when it is not installed)."""
    program = tesseract()
    if program is None:
        raise FileNotFoundError(NOT_INSTALLED)
    images = _page_images(data, numbers)
    with tempfile.TemporaryDirectory(prefix="archive-ocr-") as folder:
        paths = {}
        for number, image in images.items():
            paths[number] = Path(folder) / f"page-{number}.pgm"
            paths[number].write_bytes(image)
        del images
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            texts = pool.map(lambda number: _recognise(program, paths[number], number), numbers)
            return dict(zip(numbers, texts, strict=False))


def _page_images(data: bytes, numbers: list[int]) -> dict[int, bytes]:
    """Each page as a greyscale PGM image: a format Tesseract reads without any Python imaging library."""
    document = pdfium.PdfDocument(data)
    try:
        images = {}
        for number in numbers:
            page = document[number - 1]
            try:
                width, height = page.get_size()
                scale = min(DPI / 72, MAX_SIDE / max(width, height, 1))
                bitmap = page.render(scale=scale, grayscale=True)
                try:
                    images[number] = _pgm(bitmap)
                finally:
                    bitmap.close()
            finally:
                page.close()
        return images
    finally:
        document.close()


def _pgm(bitmap) -> bytes:
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    buffer = memoryview(bitmap.buffer).cast("B")
    if bitmap.n_channels != 1:
        raise OcrError(f"pdfium rendered {bitmap.n_channels} channels where one (grey) was asked for")
    rows = b"".join(bytes(buffer[row * stride : row * stride + width]) for row in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + rows


def _recognise(program: str, image: Path, number: int) -> str:
    command = [program, str(image), "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "--psm", "3",
               "-c", "page_separator="]
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        completed = subprocess.run(command, capture_output=True, timeout=TIMEOUT, env=environment, check=False)
    except subprocess.TimeoutExpired as error:
        raise OcrError(f"Tesseract took longer than {TIMEOUT} seconds on page {number}") from error
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract failed on page {number}: {detail[-1] if detail else f'exit status {completed.returncode}'}")
    return completed.stdout.decode("utf-8", "replace")


def stale(extraction: Extraction) -> bool:
    """A cached reading made when Tesseract was missing, now that it is installed: read it again."""
    return unread_scans(extraction) and available()


def unread_scans(extraction: Extraction) -> bool:
    """Whether pages were left unread for want of Tesseract."""
    return any(NOT_INSTALLED in problem.message for problem in extraction.problems)
