"""`archive build`: sources -> pages -> site, as a list of steps.

Each step is a plain function of what the one before gave it, returning what it made (an archive
step a new archive); only reading the sources (extract), the caches and the index around the steps
(incremental/) and writing docs/ and site/ touch the disk. Timing and the clerk's progress lines
wrap the steps (Steps), as the caches wrap extracting and parsing (incremental/reading.py). A file
that cannot be read is reported and listed, never a reason to stop: the build goes on with
everything else.
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
from typing import TypeVar

from archive_builder import addresses
from archive_builder.assemble.meetings import assemble
from archive_builder.config import Config
from archive_builder.extract import EXTRACTOR_VERSION, extract
from archive_builder.incremental import word_counts
from archive_builder.incremental.cache import CACHE_DIR, ExtractionCache, ParseCache, file_sha256
from archive_builder.incremental.lock import build_lock
from archive_builder.incremental.reading import CachedReading, Read
from archive_builder.link import certain_links, possibly_related, similarity_of
from archive_builder.model import Archive, DocumentFacts, Extraction, Problem
from archive_builder.parse import parse_extraction
from archive_builder.parse.vocabulary import Words
from archive_builder.publish.last_site import Linking
from archive_builder.publish.pages import WriteResult, read_manifest, write_site_files
from archive_builder.publish.redirects import Redirects
from archive_builder.publish.site import clearing_old_sites, publish, start_linking_last_site
from archive_builder.render import render_site
from archive_builder.render.files import SiteFiles
from archive_builder.report.build_report import report_text
from archive_builder.report.check import archive_warnings
from archive_builder.report.files import Counts, counts_of
from archive_builder.sources.discover import SourceFile, survey
from archive_builder.sources.folder import record_sources_folder
from archive_builder.sources.sidecars import Sidecars
from archive_builder.sources.withheld import withhold_exempt
from search import IndexTerms, update_index

REPORT_FILE = "build-report.txt"
INDEX_DIR = "index"
T = TypeVar("T")


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
    """Sources -> Archive, in steps: read every file (extract and parse, from the caches where it has
    not changed; the clerk's corrections; exempt documents withheld), assemble, link, index, link
    through the index. `index=False` (for `archive check`) leaves the search index as it is, and with
    it the "possibly related" links. `write=False` (`archive export`, `archive check`) writes nothing
    at all: the caches are read, not written, and the possibly related links are found through a
    copy of the index, thrown away after."""
    sources_dir = sources_dir or config.sources_dir
    steps = Steps(progress)
    found = survey(sources_dir)
    sidecars = Sidecars.read(sources_dir, found.files, found.sidecars)
    reading = CachedReading(
        ExtractionCache(config.state_dir, EXTRACTOR_VERSION, read_only=not write),
        ParseCache(config.state_dir, f"{EXTRACTOR_VERSION} {config.words.digest}", read_only=not write),
        extract=steps.timed("extract", extract),
        parse=steps.timed("parse", functools.partial(parse_extraction, words=config.words)),
        digest=steps.timed("extract", file_sha256))
    facts, counts, read = read_sources(found.files, reading, sidecars, config.words, steps)
    archive = steps.run("assemble", assemble, facts, config)
    cache_dir = config.state_dir / CACHE_DIR
    similarity = steps.run("link", similarity_of, archive, word_counts.load(cache_dir))
    if write:
        word_counts.save(cache_dir, similarity.word_counts, similarity.counted_anew)
    archive = addresses.with_urls(steps.run("link", certain_links, archive, similarity))
    if index:
        with _index_to_update(config.state_dir / INDEX_DIR, write) as index_dir:
            steps.run("index", update_index, archive, index_dir)
            archive = steps.run("link", possibly_related, archive, similarity, IndexTerms(index_dir))
    if sources_dir == config.sources_dir and sources_dir.is_dir():
        reading.prune()  # every source of the archive was read: what none of them gave is no longer needed
    problems = list(archive.problems) + found.problems + sidecars.problems + archive_warnings(archive, config)
    if not sources_dir.is_dir():
        problems.append(Problem(str(sources_dir), "the sources folder does not exist", "error"))
    return BuildResult(archive=archive, sources_dir=sources_dir, files=len(found.files), problems=problems,
                       timings=steps.timings, counts=counts, read=read)


def read_sources(files: list[SourceFile], reading: CachedReading, sidecars: Sidecars, words: Words,
                 steps: Steps) -> tuple[list[DocumentFacts], dict[str, Counts], list[str]]:
    """Every file's facts, as the clerk's corrections have them and with exempt documents withheld;
    what was read in each (document id -> counts); and the files read anew, not from the cache."""
    facts: list[DocumentFacts] = []
    counts: dict[str, Counts] = {}
    anew: list[str] = []
    correct = steps.timed("parse", sidecars.correct)
    for number, source in enumerate(files, 1):
        try:
            read = reading.read(source)
        except Exception as error:  # a fault of the builder's on one file is that file's error, not the build's
            read = Read(_failed(source, "could not be read", error), functools.partial(
                Extraction, source=source.source, sha256="", format="unknown"), True)
        if read.anew:
            anew.append(source.source)
        try:
            parsed = correct(source, read.facts, functools.partial(_reparsed, read.extraction, source.document_id, words))
        except Exception as error:  # its sidecar may have said exempt: withheld, to be safe
            parsed = _failed(source, "its corrections could not be applied", error, withhold=True)
        parsed = withhold_exempt(parsed)
        counts.update(counts_of(parsed))
        facts += parsed
        steps.say(f"read {number}/{len(files)}: {source.source}")
    steps.say(f"read {len(files)} files ({len(anew)} new or changed); putting meetings together and linking them")
    return facts, counts, anew


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
    """The archive read, its pages rendered and written, the site published, the report written."""
    result = read_archive(config, sources_dir, progress)
    steps = Steps(progress, result.timings)
    steps.say("writing the pages")
    site_files, redirects = steps.run("render", _site_files, result.archive, config, result.sources_dir)
    result.archive = site_files.archive  # with its addresses and downloads, as the pages show it
    result.written = steps.run("write", write_site_files, config.docs_dir, config.state_dir, site_files)
    redirects.save(config)
    result.redirects = dict(redirects.table)
    result.problems += result.written.problems
    if publish_site:
        steps.say(f"wrote {len(result.written.written)} changed pages ({result.written.unchanged} unchanged); publishing the site")
        published = publish(config, timings=result.timings, incremental=not full, linking=linking)
        result.published = True
        result.problems += [Problem("mkdocs", message, "warning") for message in published.messages]
    write_report(config, result)
    record_sources_folder(config, result.sources_dir)
    return result


def _site_files(archive: Archive, config: Config, sources_dir: Path) -> tuple[SiteFiles, Redirects]:
    """Every page of the archive, with the pages of the addresses that moved since the last build."""
    site_files = render_site(archive, config, sources_dir, last_written=read_manifest(config.state_dir))
    redirects = Redirects.load(config)
    redirects.update(archive)
    site_files.pages.update(redirects.pages())
    return site_files, redirects


def write_report(config: Config, result: BuildResult) -> Path:
    config.state_dir.mkdir(parents=True, exist_ok=True)
    path = config.state_dir / REPORT_FILE
    path.write_text(report_text(result), encoding="utf-8")
    return path


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


class Steps:
    """Timing and progress around the steps of a build, the one place of both: each step's seconds
    (summed, where a step runs once per file) for the build report and the benchmarks, and a line
    for the clerk's screen."""

    def __init__(self, progress: Callable[[str], None] | None = None, timings: dict[str, float] | None = None) -> None:
        self.progress = progress
        self.timings = timings if timings is not None else {"extract": 0.0, "parse": 0.0}

    def run(self, name: str, step: Callable[..., T], *args, **keywords) -> T:
        """What `step` gives for these arguments, its time added to `name`'s."""
        started = time.perf_counter()
        try:
            return step(*args, **keywords)
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started

    def timed(self, name: str, step: Callable[..., T]) -> Callable[..., T]:
        """`step`, its time added to `name`'s each time it is called."""
        return functools.partial(self.run, name, step)

    def say(self, line: str) -> None:
        if self.progress:
            self.progress(line)


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


def _reparsed(extraction_of: Callable[[], Extraction], document_id: str, words: Words, kind: str | None = None,
              date: str | None = None, withhold: bool = True) -> list[DocumentFacts]:
    """The file parsed again as a sidecar says: as a kind, with a date, or (exempt: false) with
    nothing in it taken for private business."""
    return parse_extraction(extraction_of(), document_id, kind=kind, date=date,
                            words=dataclasses.replace(words, withhold=withhold))
