"""`archive build`: sources -> pages -> site, as a list of steps.

Each step is a plain function of what the one before gave it; only reading the sources (extract)
and writing docs/ and site/ touch the disk. A file that cannot be read is reported and listed,
never a reason to stop: the build goes on with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from search import update_index

from . import addresses
from .assemble import assemble
from .build_report import report_text
from .cache import ExtractionCache, file_sha256
from .config import Config
from .extract import EXTRACTOR_VERSION, extract
from .link import link
from .model import Archive, DocumentFacts, Extraction, Problem
from .pages_writer import WriteResult, write_site_files
from .parse import parse_extraction
from .publish import publish
from .sources import SourceFile, discover

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

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_archive(config: Config, sources_dir: Path | None = None, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Sources -> Archive: extract every file (from the cache where it has not changed), parse, assemble."""
    sources_dir = sources_dir or config.sources_dir
    files = discover(sources_dir)
    cache = ExtractionCache(config.state_dir, EXTRACTOR_VERSION)
    facts: list[DocumentFacts] = []
    for count, source in enumerate(files, 1):
        facts += parse_extraction(_extraction(source, cache), source.document_id)
        if progress:
            progress(f"read {count}/{len(files)}: {source.source}")
    archive = assemble(facts, config)
    _link_through_index(archive, config.state_dir / INDEX_DIR)
    result = BuildResult(archive=archive, sources_dir=sources_dir, files=len(files), problems=list(archive.problems))
    if not sources_dir.is_dir():
        result.problems.append(Problem(str(sources_dir), "the sources folder does not exist", "error"))
    return result


def build(config: Config, sources_dir: Path | None = None, publish_site: bool = True,
          progress: Callable[[str], None] | None = None) -> BuildResult:
    from .render import render_site

    result = read_archive(config, sources_dir, progress)
    site_files = render_site(result.archive, config, result.sources_dir)
    result.written = write_site_files(config.docs_dir, config.state_dir, site_files)
    result.problems += result.written.problems
    if publish_site:
        published = publish(config)
        result.published = True
        result.problems += [Problem("mkdocs", message, "warning") for message in published.messages]
    write_report(config, result)
    return result


def write_report(config: Config, result: BuildResult) -> Path:
    config.state_dir.mkdir(parents=True, exist_ok=True)
    path = config.state_dir / REPORT_FILE
    path.write_text(report_text(result), encoding="utf-8")
    return path


def _link_through_index(archive: Archive, index_dir: Path) -> None:
    """Index the archive, link it (related items come from the index), then index again what the
    links changed (action statuses, series): only the entries that changed are written."""
    addresses.assign_urls(archive)
    update_index(archive, index_dir)
    link(archive, index_dir)
    addresses.assign_urls(archive)
    update_index(archive, index_dir)


def _extraction(source: SourceFile, cache: ExtractionCache) -> Extraction:
    try:
        sha256 = file_sha256(source.path)
    except OSError:
        return extract(source.path, source.source)  # extract says what is wrong with the file
    cached = cache.get(sha256, source.source)
    if cached is not None:
        return cached
    extraction = extract(source.path, source.source)
    cache.put(extraction)
    return extraction
