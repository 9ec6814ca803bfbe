"""Files that cost more than they should or are not what they seem: a stray NUL byte, a PDF whose
text does not read as words, a Word zip bomb, more text than a file may hold. Each is read in bounded
time and memory, or refused with a clear message naming the file, and the rest is built; the file
stays listed. (benchmarks/hostile.py prints the time and peak memory of each hostile file.)"""

from __future__ import annotations

from clerk_archive import archive, minutes, new_archive


def test_a_stray_nul_byte_does_not_refuse_a_text_file(tmp_path):
    text = minutes().replace("Riverside footbridge", "Riverside\x00 footbridge")
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": text})
    built = archive(root, "build")
    assert built.exit_code == 0, built.stderr
    assert "WARNING: 2025-03-04_minutes.txt: held 1 NUL byte(s), left out: the file may be damaged" in built.stderr
    assert built.export["meetings"][0]["items"]


def test_a_pdf_whose_text_does_not_read_as_words_is_named(tmp_path):
    import random

    from fpdf import FPDF

    random.seed(1)
    garbage = " ".join("".join(random.choice("!#$%&*+<=>?@^_|~") for _ in range(6)) for _ in range(150))
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, garbage)
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.pdf": bytes(pdf.output())})
    built = archive(root, "build")
    assert "WARNING: 2025-03-04_minutes.pdf: its text does not read as words (only 0% of it does)" in built.stderr


def test_a_docx_zip_bomb_is_refused_before_it_is_opened(tmp_path):
    import io
    import zipfile

    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        with bomb.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(200):
                member.write(b" " * (1 << 20))
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.docx": package.getvalue()})
    built = archive(root, "build")
    assert built.exit_code == 1
    assert "ERROR: 2025-03-04_minutes.docx: not read: it expands to 210 MB (210 MB of text and layout)" in built.stderr
    assert built.export["documents"][0]["download"]  # still listed, with its download


def test_text_beyond_what_a_file_may_hold_is_refused_clearly(tmp_path, monkeypatch):
    from archive_builder import extract

    monkeypatch.setattr(extract, "MAX_TEXT_CHARACTERS", 10_000)
    root = new_archive(tmp_path / "a", {"2025-03-04_minutes.txt": minutes() + "Words and more words. " * 1000})
    built = archive(root, "build")
    assert built.exit_code == 1
    assert "ERROR: 2025-03-04_minutes.txt: holds 0.0 million characters of text, more than the 0 million the builder " \
           "reads in one file (about 3 pages): split it into smaller files" in built.stderr


