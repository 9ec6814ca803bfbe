"""Archive -> every file of the site: one step per kind of page, in the order a reader meets them."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

from archive_builder import forked
from archive_builder.config import Config
from archive_builder.model import Archive
from archive_builder.render.actions import followups_page
from archive_builder.render.calendar import calendars
from archive_builder.render.committee import committee_page, committees_index
from archive_builder.render.decisions import decisions_by_year, decisions_index, decisions_page
from archive_builder.render.document import document_page, documents_index
from archive_builder.render.downloads import addressed
from archive_builder.render.export import export_json
from archive_builder.render.feeds import feeds
from archive_builder.render.files import SiteFiles, Unchanged, settled
from archive_builder.render.home import home_page
from archive_builder.render.listing import meetings_index
from archive_builder.render.lookup import Lookup
from archive_builder.render.meeting import meeting_page
from archive_builder.render.person import people_index, person_page
from archive_builder.render.spreadsheets import spreadsheets

STYLESHEET = "assets/archive.css"
SCRIPT = "assets/archive.js"  # sorting and filtering for the register's tables: see tables.py
EXPORT = "data/archive.json"


def render_site(archive: Archive, config: Config, sources_dir: Path, last_written: dict[str, str] | None = None) -> SiteFiles:
    """Every generated page (docs-relative path -> text) and the original files to copy in.
    `last_written`: the pages the last build wrote (its manifest, publish/pages.py); those made in
    other processes that docs/ holds as it wrote them come back as Unchanged, not as their text.

    The archive's addresses and downloads are filled in first, so the JSON export carries them too."""
    archive, copies = addressed(archive, sources_dir)
    lookup = Lookup.of(archive, config.site_url)
    years = decisions_by_year(lookup)
    # Most of the work, shared out over the cores: the pages of which there is one per committee,
    # meeting, year, person or document, and the downloads made from the whole archive.
    piece = functools.partial(_piece, (config.docs_dir, last_written) if last_written is not None else None)
    pieces = [
        piece(export_json_file, archive), piece(calendars, lookup), piece(spreadsheets, lookup), piece(feeds, lookup),
        *(piece(committee_page, lookup, c) for c in archive.committees),
        *(piece(meeting_page, lookup, m) for m in archive.meetings),
        *(piece(decisions_page, lookup, year, found) for year, found in years.items()),
        *(piece(person_page, lookup, p) for p in archive.people),
        *(piece(document_page, lookup, d) for d in archive.documents),
    ]
    pages = [
        home_page(lookup),
        committees_index(lookup),
        meetings_index(lookup),
        decisions_index(lookup, years),
        followups_page(lookup),
        people_index(lookup),
        documents_index(lookup),
        *(page for made in forked.run_all(pieces) for page in made),
        (STYLESHEET, stylesheet()),
        (SCRIPT, script()),
    ]
    files = SiteFiles(archive=archive)
    for path, text in pages:
        if path in files.pages:
            raise ValueError(f"two pages of the archive have the same address: {path}")
        files.pages[path] = text
    files.pages = dict(sorted(files.pages.items()))
    files.copies = dict(sorted(copies.items()))
    return files


def _piece(settle_in: tuple[Path, dict[str, str]] | None, function, *args):
    """A piece of the render: `function(*args)`, one page (path, text) or several, as a list of pages;
    `settle_in`: (docs folder, the last build's manifest) to find those unchanged in (files.settled)."""
    def piece() -> list[tuple[str, str | Unchanged]]:
        made = function(*args)
        pages = [made] if isinstance(made, tuple) else list(made)
        return settled(pages, *settle_in) if settle_in else pages
    return piece


def export_json_file(archive: Archive) -> tuple[str, str]:
    return EXPORT, export_json(archive)


def stylesheet() -> str:
    return _template("archive.css")


def script() -> str:
    return _template("archive.js")


def mkdocs_yml(site_name: str) -> str:
    """The mkdocs.yml `archive init` writes into a new archive."""
    # A JSON string is a valid YAML double-quoted scalar: any site name reads back unchanged.
    return _template("mkdocs.yml").replace("__SITE_NAME__", json.dumps(site_name, ensure_ascii=False))


def _template(name: str) -> str:
    return resources.files("archive_builder.templates").joinpath(name).read_text(encoding="utf-8")
