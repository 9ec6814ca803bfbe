"""The original files offered for download, and where on the site each one is.

A file is copied in once, beside its document's page: `documents/<document-id>/<file name>`. The
parts of an agenda pack have no file of their own: they link into their pack's file at the page they
start on (`#page=N`, which PDF viewers open at). Only published documents are offered.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

from archive_builder import addresses
from archive_builder.model import Archive, Document, with_values
from archive_builder.render.escape import inline
from archive_builder.render.page import href

# Files that MkDocs would turn into pages, or a browser would run as a web page from the site's
# own address, are offered as plain text: their bytes are unchanged, only the name gains ".txt".
_INTERPRETED = {".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext",
                ".html", ".htm", ".xhtml", ".shtml", ".svg", ".xml"}
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")
_URL_MARKS = str.maketrans({"#": "_", "?": "_"})
MAX_NAME_BYTES = 200  # well inside the 255 bytes a name every file system allows


def addressed(archive: Archive, sources_dir: Path) -> tuple[Archive, dict[str, Path]]:
    """The archive with every address and download filled in, and the files to copy (site path ->
    source file): what the pages and the export are written from."""
    return with_downloads(addresses.with_urls(archive), sources_dir)


def with_downloads(archive: Archive, sources_dir: Path) -> tuple[Archive, dict[str, Path]]:
    """The archive with each document's `download`, and the files to copy (site path -> source file)."""
    copies: dict[str, Path] = {}
    downloads: dict[str, str | None] = {}
    for document in sorted(archive.documents, key=lambda d: d.id):
        original = sources_dir / document.source
        downloads[document.id] = None
        if document.part_of is None and document.published and original.is_file():
            downloads[document.id] = f"{document.url}{download_name(document.source)}"
            copies[downloads[document.id]] = original
    documents = {d.id: d for d in archive.documents}
    for document in sorted(archive.documents, key=lambda d: d.id):
        pack = documents.get(document.part_of or "")
        if pack is not None and downloads[pack.id] and document.published:
            page = f"#page={document.first_page}" if pack.format == "pdf" else ""
            downloads[document.id] = downloads[pack.id] + page
    return replace(archive, documents=[with_values(d, download=downloads[d.id]) for d in archive.documents]), copies


def download_name(source: str) -> str:
    """The file's own name, made safe to serve: no leading dot (MkDocs skips dot files), no
    control characters, no '#' or '?' (an address would take them for its anchor or query: '_'
    instead), a '.txt' ending where the site would otherwise interpret it, and at most
    MAX_NAME_BYTES (a long name keeps its beginning, a digest of the whole and its ending)."""
    name = _UNSAFE_NAME.sub("", PurePosixPath(source.replace("\\", "/")).name).lstrip(".").strip() or "document"
    name = name.translate(_URL_MARKS)
    if PurePosixPath(name).suffix.lower() in _INTERPRETED:
        name += ".txt"
    return _within_limit(name)


def _within_limit(name: str) -> str:
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    path = PurePosixPath(name)
    suffixes = path.suffix if len(path.suffix.encode("utf-8")) <= 10 else ""
    if suffixes == ".txt" and PurePosixPath(path.stem).suffix.lower() in _INTERPRETED:
        suffixes = PurePosixPath(path.stem).suffix + suffixes  # "minutes.md.txt" stays a ".md.txt"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    room = MAX_NAME_BYTES - len(suffixes.encode("utf-8")) - len(digest) - 1
    stem = name[: len(name) - len(suffixes)].encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .-")
    return f"{stem}-{digest}{suffixes}"


def download_link(document: Document, here: str) -> str:
    """A link to the original file, or why there is none.

    A whole file is a download (`download` attribute: browsers save it rather than open it in place);
    a part of a pack opens the pack's file at the part's first page in the browser's viewer."""
    if not document.download:
        return "not published" if not document.published else "not available"
    kind = inline(document.format.upper() if document.format and document.format != "unknown" else "file")
    if document.part_of:
        return f"[Open the pack at page {document.first_page} ({kind})]({href(here, document.download)})"
    return f"[Download ({kind})]({href(here, document.download)}){{download}}"
