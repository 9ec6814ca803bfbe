"""Files the builder cannot read never stop a build: each gets one clear line in the report naming the
file and the problem, the rest is built and published, the file stays listed with its download, and
the exit status says something failed."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import corpus_folder

BAD_FILES = {
    "empty.pdf": "empty file",
    "truncated.pdf": "not a readable PDF",
    "locked.pdf": "encrypted PDF",
    "scanned.pdf": "no text layer",
    "budget.xlsx": "unknown file type",
    "undated-minutes.txt": "no date found",
}


def _pdf_bytes(text: str | None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text:
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    else:
        pdf.rect(20, 20, 100, 60, style="F")  # a page with a picture and no text: a scan
    return bytes(pdf.output())


def _encrypted(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_bad_files(sources: Path) -> None:
    good_pdf = _pdf_bytes("MINUTES of a meeting of the Planning Committee held on Tuesday 4 March 2025.")
    (sources / "empty.pdf").write_bytes(b"")
    (sources / "truncated.pdf").write_bytes(good_pdf[:300])
    (sources / "locked.pdf").write_bytes(_encrypted(good_pdf))
    (sources / "scanned.pdf").write_bytes(_pdf_bytes(None))
    (sources / "budget.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (sources / "undated-minutes.txt").write_text(
        "MINUTES OF THE LICENSING SUB-COMMITTEE\n\nPRESENT: Councillor Ann Example (Chair)\n\n"
        "1. Apologies\n\nNone.\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An archive of the seed documents with every kind of bad file beside them, built by the command."""
    root = tmp_path_factory.mktemp("bad-input")
    subprocess.run([sys.executable, "-m", "archive_builder", "init", str(root)], check=True, capture_output=True)
    sources = root / "sources"
    for path in corpus_folder("seeds").iterdir():
        shutil.copy(path, sources / path.name)
    write_bad_files(sources)
    completed = subprocess.run(
        [sys.executable, "-m", "archive_builder", "build", "--root", str(root)], capture_output=True, text=True
    )
    return root, completed


def test_exit_status_says_something_failed(built):
    _, completed = built
    assert completed.returncode == 1, completed.stderr


@pytest.mark.parametrize("name, problem", sorted(BAD_FILES.items()))
def test_each_bad_file_gets_one_clear_line_on_screen_and_in_the_report(built, name, problem):
    root, completed = built
    report = (root / ".archive" / "build-report.txt").read_text(encoding="utf-8")
    for text in (completed.stderr, report):
        lines = [line for line in text.splitlines() if line.startswith(("ERROR:", "WARNING:")) and f" {name}:" in line]
        assert len(lines) == 1, (name, lines)
        assert problem in lines[0]


def test_the_rest_is_built_and_published(built):
    root, _ = built
    site = root / "site"
    assert (site / "meetings" / "joint-ict-committee" / "2018-10-16" / "index.html").exists()
    assert (site / "index.html").exists()


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_stays_listed_with_its_download(built, name):
    root, _ = built
    document_id = Path(name).stem
    page = (root / "site" / "documents" / document_id / "index.html").read_text(encoding="utf-8")
    assert problem_word(BAD_FILES[name]) in page
    downloads = list((root / "site" / "documents" / document_id).glob(f"{Path(name).stem}*"))
    assert downloads, f"no download of {name} on the site"
    assert downloads[0].read_bytes() == (root / "sources" / name).read_bytes()
    listing = (root / "site" / "documents" / "index.html").read_text(encoding="utf-8")
    assert f"documents/{document_id}/" in listing or f"{document_id}/" in listing


def problem_word(problem: str) -> str:
    return problem.split()[-1]


def test_every_source_file_is_in_the_export(built):
    import json

    root, _ = built
    export = json.loads((root / "site" / "data" / "archive.json").read_text(encoding="utf-8"))
    sources = {p.name for p in (root / "sources").iterdir()}
    assert {d["source"] for d in export["documents"] if not d["part_of"]} == sources
    for document in export["documents"]:
        if document["source"] in BAD_FILES:
            assert document["warnings"], document


def test_a_clean_build_exits_zero(tmp_path):
    subprocess.run([sys.executable, "-m", "archive_builder", "init", str(tmp_path)], check=True, capture_output=True)
    completed = subprocess.run(
        [sys.executable, "-m", "archive_builder", "build", "--root", str(tmp_path), "--sources", str(corpus_folder("seeds"))],
        capture_output=True, text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert "0 error(s), 0 warning(s)" in completed.stderr
