"""Per-source results kept between builds under .archive/cache/, keyed by the file's sha256 and the
version of the code that made them, so a rebuild re-reads only new or changed files and a new
parser version re-reads what it affects without the clerk clearing anything.

Entries are written whole (to a temporary name, then renamed), so a build killed mid-way leaves
either the old entry or the new one, never half of one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

from .model import Extraction, Problem


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ExtractionCache:
    def __init__(self, state_dir: Path, version: str) -> None:
        self.directory = state_dir / "cache" / "extract"
        self.version = version

    def get(self, sha256: str, source: str) -> Extraction | None:
        path = self._path(sha256)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        problems = [Problem(source=source, message=p["message"], severity=p["severity"]) for p in data["problems"]]
        return Extraction(source=source, sha256=sha256, format=data["format"], pages=data["pages"], title=data["title"],
                          metadata=data["metadata"], problems=problems, ocr_pages=data["ocr_pages"])

    def put(self, extraction: Extraction) -> None:
        if not extraction.sha256:
            return
        data = dataclasses.asdict(extraction)
        data["problems"] = [{"message": p.message, "severity": p.severity} for p in extraction.problems]
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(extraction.sha256)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        os.replace(temporary, path)

    def _path(self, sha256: str) -> Path:
        return self.directory / f"{sha256}-v{self.version}.json"
