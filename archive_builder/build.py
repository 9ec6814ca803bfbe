"""`archive build`: sources -> pages -> site, as a list of steps.

Each step is a plain function of what the one before gave it; only reading the sources (extract)
and writing docs/ and site/ touch the disk. A file that cannot be read is reported and listed,
never a reason to stop: the build goes on with everything else.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive_builder import addresses
from archive_builder.assemble.meetings import assemble
from archive_builder.config import Config
from archive_builder.extract import EXTRACTOR_VERSION, extract, ocr
from archive_builder.incremental.cache import CACHE_DIR, ExtractionCache, ParseCache, file_sha256
from archive_builder.incremental.lock import build_lock
from archive_builder.link import certain_links, possibly_related, similarity_of
from archive_builder.model import Archive, DocumentFacts, Extraction, Problem
from archive_builder.parse import parse_extraction
from archive_builder.parse.vocabulary import Words
from archive_builder.publish.last_site import Linking
from archive_builder.publish.pages import WriteResult, write_site_files
from archive_builder.publish.redirects import Redirects
from archive_builder.publish.site import clearing_old_sites, publish, start_linking_last_site
from archive_builder.render import render_site
from archive_builder.report.build_report import report_text
from archive_builder.report.check import archive_warnings
from archive_builder.report.files import Counts, counts_of
from archive_builder.sources.discover import SourceFile, survey
from archive_builder.sources.folder import record_sources_folder
from archive_builder.sources.sidecars import Sidecars
from archive_builder.sources.withheld import withhold_exempt
from search import update_index

REPORT_FILE = "build-report.txt"
INDEX_DIR = "index"


@dataclass
class BuildResult:
    archive: Archive
    sources_dir: Path
    files: int = 0
    written: WriteResult | None = None
    published: bool = False
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step, for the report and benchmarks
    counts: dict[str, Counts] = field(default_factory=dict)  # document id -> what was read in it, for the report
    redirects: dict[str, str] = field(default_factory=dict)  # old address -> new, of pages that moved
    read: list[str] = field(default_factory=list)  # sources read anew (new or changed), not from the cache

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def check(config: Config, sources_dir: Path | None = None, progress: Callable[[str], None] | None = None) -> BuildResult:
    """`archive check`: read and link the archive as a build does, leaving pages, site and search index untouched."""
    return read_archive(config, sources_dir, progress, index=False, write=False)


def read_archive(config: Config, sources_dir: Path | None = None, progress: Callable[[str], None] | None = None,
                 index: bool = True, write: bool = True) -> BuildResult:
    """Sources -> Archive: extract every file (from the cache where it has not changed), parse, apply
    the clerk's sidecar corrections, withhold exempt documents, assemble, link. `index=False` (for
    `archive check`) leaves the search index as it is, and with it the "possibly related" links.
    `write=False` (`archive export`, `archive check`) writes nothing at all: the caches are read, not
    written, and the possibly related links are found through a copy of the index, thrown away after."""
    sources_dir = sources_dir or config.sources_dir
    timings: dict[str, float] = {"extract": 0.0, "parse": 0.0}
    found = survey(sources_dir)
    files = found.files
    sidecars = Sidecars.read(sources_dir, files, found.sidecars)
    words = config.words
    cache = ExtractionCache(config.state_dir, EXTRACTOR_VERSION, read_only=not write)
    parses = ParseCache(config.state_dir, f"{EXTRACTOR_VERSION} {words.digest}", read_only=not write)
    facts: list[DocumentFacts] = []
    counts: dict[str, Counts] = {}
    read: list[str] = []
    for count, source in enumerate(files, 1):
        try:
            parsed, extraction_of, anew = _facts_of(source, cache, parses, timings, words)
        except Exception as error:  # a fault of the builder's on one file is that file's error, not the build's
            parsed, anew = _failed(source, "could not be read", error), True
            extraction_of = functools.partial(Extraction, source=source.source, sha256="", format="unknown")
        if anew:
            read.append(source.source)
        started = time.perf_counter()
        try:
            parsed = sidecars.correct(source, parsed, functools.partial(_reparsed, extraction_of, source.document_id, words))
        except Exception as error:  # its sidecar may have said exempt: withheld, to be safe
            parsed = _failed(source, "its corrections could not be applied", error, withhold=True)
        parsed = withhold_exempt(parsed)
        counts.update(counts_of(parsed))
        facts += parsed
        timings["parse"] += time.perf_counter() - started
        if progress:
            progress(f"read {count}/{len(files)}: {source.source}")
    if progress:
        progress(f"read {len(files)} files ({len(read)} new or changed); putting meetings together and linking them")
    with _timed(timings, "assemble"):
        archive = assemble(facts, config)
    _link_through_index(archive, config.state_dir, timings, index, write)
    result = BuildResult(archive=archive, sources_dir=sources_dir, files=len(files), problems=list(archive.problems),
                         timings=timings, counts=counts, read=read)
    if sources_dir == config.sources_dir and sources_dir.is_dir():
        cache.prune()  # every source of the archive was read: what none of them gave is no longer needed
        parses.prune()
    result.problems += found.problems + sidecars.problems + archive_warnings(archive, config)
    if not sources_dir.is_dir():
        result.problems.append(Problem(str(sources_dir), "the sources folder does not exist", "error"))
    return result


def build(config: Config, sources_dir: Path | None = None, publish_site: bool = True,
          progress: Callable[[str], None] | None = None, full: bool = False) -> BuildResult:
    """Read, render, write docs/ and publish site/: one build of an archive at a time (BuildLocked).
    `full`: build every page of the site anew, not only those whose Markdown changed."""
    with build_lock(config.state_dir):
        clearing = clearing_old_sites(config)
        # The last site's files linked for the new one while the sources are read (see last_site.py).
        linking = start_linking_last_site(config) if publish_site and not full else None
        try:
            return _build(config, sources_dir, publish_site, progress, full, linking)
        finally:
            if linking:
                linking.discard()  # what publish did not make a site of
            if clearing:
                clearing.wait()


def _build(config: Config, sources_dir: Path | None, publish_site: bool,
           progress: Callable[[str], None] | None, full: bool = False, linking: Linking | None = None) -> BuildResult:

    result = read_archive(config, sources_dir, progress)
    if progress:
        progress("writing the pages")
    with _timed(result.timings, "render"):
        site_files = render_site(result.archive, config, result.sources_dir, settle=True)
        redirects = Redirects.load(config)
        redirects.update(result.archive)
        site_files.pages.update(redirects.pages())
    with _timed(result.timings, "write"):
        result.written = write_site_files(config.docs_dir, config.state_dir, site_files)
    redirects.save(config)
    result.redirects = dict(redirects.table)
    result.problems += result.written.problems
    if publish_site:
        if progress:
            progress(f"wrote {len(result.written.written)} changed pages ({result.written.unchanged} unchanged); publishing the site")
        published = publish(config, timings=result.timings, incremental=not full, linking=linking)
        result.published = True
        result.problems += [Problem("mkdocs", message, "warning") for message in published.messages]
    write_report(config, result)
    record_sources_folder(config, result.sources_dir)
    return result


def write_report(config: Config, result: BuildResult) -> Path:
    config.state_dir.mkdir(parents=True, exist_ok=True)
    path = config.state_dir / REPORT_FILE
    path.write_text(report_text(result), encoding="utf-8")
    return path


def _link_through_index(archive: Archive, state_dir: Path, timings: dict[str, float], index: bool = True,
                        write: bool = True) -> None:
    """Link the archive, index it (with the action statuses the links set; only the entries that
    changed are written), then find the possibly related items through the index."""
    addresses.assign_urls(archive)
    with _timed(timings, "link"):
        similarity = similarity_of(archive, state_dir / CACHE_DIR, save=write)
        certain_links(archive, similarity)
    addresses.assign_urls(archive)
    if not index:
        return
    with _index_to_update(state_dir / INDEX_DIR, write) as index_dir:
        with _timed(timings, "index"):
            update_index(archive, index_dir)
        with _timed(timings, "link"):
            possibly_related(archive, similarity, index_dir)


@contextlib.contextmanager
def _index_to_update(index_dir: Path, write: bool):
    """The archive's index, or (`write=False`) a copy of it in a temporary folder, removed after: a
    read-only command finds the same links as a build without changing what `archive search` reads."""
    if write:
        yield index_dir
        return
    with tempfile.TemporaryDirectory(prefix="archive-index-") as temporary:
        copy = Path(temporary) / INDEX_DIR
        if index_dir.is_dir():
            shutil.copytree(index_dir, copy)
        yield copy


@contextlib.contextmanager
def _timed(timings: dict[str, float], step: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[step] = timings.get(step, 0.0) + time.perf_counter() - started


def _facts_of(source: SourceFile, cache: ExtractionCache, parses: ParseCache, timings: dict[str, float],
              words: Words) -> tuple[list[DocumentFacts], Callable[[], Extraction], bool]:
    """What the parser reads in the file (from the cache where the file has not changed, without
    loading its text); a way to its extracted text, for a sidecar that has it read again; and whether
    it was read anew."""
    started = time.perf_counter()
    try:
        sha256 = file_sha256(source.path)
    except OSError:
        extraction = extract(source.path, source.source)  # extract says what is wrong with the file
        timings["extract"] += time.perf_counter() - started
        return _timed_parse(extraction, source.document_id, timings, words), lambda: extraction, True
    timings["extract"] += time.perf_counter() - started
    started = time.perf_counter()
    key = parses.key(sha256, source.source, source.document_id)
    cached = parses.get(key)
    if cached is not None and not (cached[1] and ocr.available()):  # not read without Tesseract, now installed
        cache.keep(sha256)
        timings["parse"] += time.perf_counter() - started
        return cached[0], functools.partial(_extraction, source, sha256, cache), False
    started = time.perf_counter()
    extraction = _extraction(source, sha256, cache)
    timings["extract"] += time.perf_counter() - started
    facts = _timed_parse(extraction, source.document_id, timings, words)
    parses.put(key, facts, ocr.unread_scans(extraction))
    return facts, lambda: extraction, True


def _failed(source: SourceFile, what: str, error: Exception, withhold: bool = False) -> list[DocumentFacts]:
    """A file whose reading failed on something unforeseen: listed, with its error (and its download,
    unless `withhold`), so that the rest of the archive is still built."""
    message = f"{what} ({type(error).__name__}: {' '.join(str(error).split())[:200]}); the rest was built: please report this"
    extraction = Extraction(source=source.source, sha256="", format="unknown",
                            problems=[Problem(source.source, message, "error")])
    facts = parse_extraction(extraction, source.document_id)
    if withhold:
        facts[0].document.exempt = True
        facts[0].document.withheld = "its sidecar of corrections could not be applied: withheld, to be safe"
    return facts


def _extraction(source: SourceFile, sha256: str, cache: ExtractionCache) -> Extraction:
    """The file's text: from the cache, or read anew."""
    cached = cache.get(sha256, source.source)
    if cached is not None and not ocr.stale(cached):  # read without Tesseract, which is now installed
        return cached
    extraction = extract(source.path, source.source)
    cache.put(extraction)
    return extraction


def _timed_parse(extraction: Extraction, document_id: str, timings: dict[str, float], words: Words) -> list[DocumentFacts]:
    started = time.perf_counter()
    try:
        return parse_extraction(extraction, document_id, words=words)
    finally:
        timings["parse"] += time.perf_counter() - started


def _reparsed(extraction_of: Callable[[], Extraction], document_id: str, words: Words, kind: str | None = None,
              date: str | None = None, withhold: bool = True) -> list[DocumentFacts]:
    """The file parsed again as a sidecar says: as a kind, with a date, or (exempt: false) with
    nothing in it taken for private business."""
    return parse_extraction(extraction_of(), document_id, kind=kind, date=date,
                            words=dataclasses.replace(words, withhold=withhold))
