"""Each source file's facts, from the caches where the file has not changed since the last build:
its parsed facts by its digest and the parser's code, without even loading its text; else its text
from the extraction cache, parsed anew; else extracted and parsed anew. Both caches are kept as it goes.

The extracting and parsing themselves are given (build.py hands them in, timed), so this module is
only the caching around them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archive_builder.extract import ocr
from archive_builder.incremental.cache import ExtractionCache, ParseCache, file_sha256
from archive_builder.model import DocumentFacts, Extraction
from archive_builder.sources.discover import SourceFile


@dataclass(frozen=True)
class Read:
    facts: list[DocumentFacts]
    extraction: Callable[[], Extraction]  # its extracted text, for a sidecar that has it parsed again
    anew: bool  # read anew (new or changed, or the caches lacked it), not from the cache


@dataclass(frozen=True)
class CachedReading:
    extractions: ExtractionCache
    parses: ParseCache
    extract: Callable[[Path, str], Extraction]  # a file (path, name in the sources) -> its text
    parse: Callable[[Extraction, str], list[DocumentFacts]]  # its text, its document id -> its facts
    digest: Callable[[Path], str] = file_sha256

    def read(self, source: SourceFile) -> Read:
        try:
            sha256 = self.digest(source.path)
        except OSError:
            extraction = self.extract(source.path, source.source)  # extract says what is wrong with the file
            return Read(self.parse(extraction, source.document_id), lambda: extraction, True)
        key = self.parses.key(sha256, source.source, source.document_id)
        cached = self.parses.get(key)
        if cached is not None and not (cached[1] and ocr.available()):  # not read without Tesseract, now installed
            self.extractions.keep(sha256)
            return Read(cached[0], functools.partial(self._extraction, source, sha256), False)
        extraction = self._extraction(source, sha256)
        facts = self.parse(extraction, source.document_id)
        self.parses.put(key, facts, ocr.unread_scans(extraction))
        return Read(facts, lambda: extraction, True)

    def prune(self) -> None:
        """Forget what no source read in this build gave: called once every source of the archive was read."""
        self.extractions.prune()
        self.parses.prune()

    def _extraction(self, source: SourceFile, sha256: str) -> Extraction:
        """The file's text: from the cache, or read anew."""
        cached = self.extractions.get(sha256, source.source)
        if cached is not None and not ocr.stale(cached):  # read without Tesseract, which is now installed
            return cached
        extraction = self.extract(source.path, source.source)
        self.extractions.put(extraction)
        return extraction
