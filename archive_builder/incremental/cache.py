"""Per-source results kept between builds under .archive/cache/, keyed by the file's sha256 and the
version of the code that made them, so a rebuild re-reads only new or changed files and a new
parser version re-reads what it affects without the clerk clearing anything.

Entries are written whole (to a temporary name, then renamed), so a build killed mid-way leaves
either the old entry or the new one, never half of one. A read-only cache (`archive export`,
`archive check`) gives what it holds and writes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
from pathlib import Path

from archive_builder.model import Extraction, Problem

CACHE_DIR = "cache"  # in the state folder: what is kept of each source and text between builds


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ExtractionCache:
    def __init__(self, state_dir: Path, version: str, read_only: bool = False) -> None:
        self.directory = state_dir / CACHE_DIR / "extract"
        self.version = version
        self.read_only = read_only
        self.used: set[str] = set()

    def get(self, sha256: str, source: str) -> Extraction | None:
        path = self._path(sha256)
        self.used.add(path.name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        problems = [Problem(source=source, message=p["message"], severity=p["severity"]) for p in data["problems"]]
        return Extraction(source=source, sha256=sha256, format=data["format"], pages=data["pages"], title=data["title"],
                          metadata=data["metadata"], problems=problems, ocr_pages=data["ocr_pages"])

    def put(self, extraction: Extraction) -> None:
        if not extraction.sha256 or self.read_only:
            return
        data = dataclasses.asdict(extraction)
        data["problems"] = [{"message": p.message, "severity": p.severity} for p in extraction.problems]
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(extraction.sha256)
        self.used.add(path.name)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        os.replace(temporary, path)

    def keep(self, sha256: str) -> None:
        """The file's extraction is still wanted, though this build did not need to read it."""
        self.used.add(self._path(sha256).name)

    def _path(self, sha256: str) -> Path:
        return self.directory / f"{sha256}-v{self.version}.json"

    def prune(self) -> None:
        """After reading the whole sources folder: forget files that are gone and old versions."""
        if not self.read_only:
            _prune(self.directory, self.used)


class ParseCache:
    """What the parser read in each source (its DocumentFacts), kept by the file's sha256 and name, the
    extractor's version and the parser's fingerprint: the digest of its own code. A rebuild parses
    only new or changed files, without even loading their extracted text; any change to the parser
    (or the model it fills) re-reads everything, with no version to forget.

    Each entry says whether its text was read without OCR for want of Tesseract (`unread_scans`): the
    extraction cache reads such a file again once Tesseract is installed, and so must this one."""

    def __init__(self, state_dir: Path, extractor_version: str, read_only: bool = False) -> None:
        self.directory = state_dir / CACHE_DIR / "parse"
        self.fingerprint = f"{parser_fingerprint()} {extractor_version}"
        self.read_only = read_only
        self.used: set[str] = set()

    def key(self, sha256: str, source: str, document_id: str) -> str:
        content = json.dumps([self.fingerprint, sha256, source, document_id], ensure_ascii=False)
        return hashlib.sha256(content.encode("utf-8")).hexdigest()[:40]

    def get(self, key: str):
        """(facts, unread_scans), or None."""
        self.used.add(key)
        try:
            facts, unread_scans = pickle.loads((self.directory / f"{key}.pickle").read_bytes())
            return facts, unread_scans
        except Exception:  # missing, cut short by a killed build, or from an older builder: read the file again
            return None

    def put(self, key: str, facts, unread_scans: bool) -> None:
        if self.read_only:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{key}.pickle"
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(pickle.dumps((facts, unread_scans), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)

    def prune(self) -> None:
        """After reading the whole sources folder: forget what no source gives any more (deleted
        files, old parsers)."""
        if not self.read_only:
            _prune(self.directory, {f"{key}.pickle" for key in self.used})


def _prune(directory: Path, used: set[str]) -> None:
    if directory.is_dir():
        for path in directory.iterdir():
            if path.name not in used:
                path.unlink(missing_ok=True)


def parser_fingerprint() -> str:
    """The digest of the code that turns extracted text into facts: the parser, its dates and the model."""
    package = Path(__file__).resolve().parent.parent  # archive_builder/
    digest = hashlib.sha256()
    for path in sorted([*(package / "parse").rglob("*.py"), package / "model.py", package / "slugs.py", package / "dates.py"]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
