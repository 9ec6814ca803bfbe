"""Addresses never change silently: where a correction moves a page (a meeting's date or committee
corrected, a file renamed), the old address redirects to the new one, in every later build.

A page is known by what it was made from: a meeting or committee page by the documents of its
meetings, a document page by its file's content (sha256). After each build the addresses and what
each was made from are kept under .archive/; at the next, an address that is gone goes to the page
now made from most of the same documents. The table of old -> new addresses is kept in the archive's
folder (redirects.yml, beside archive.yml), so it outlives the builder's state: a link printed in an
email or a newsletter keeps working after .archive/ is cleared.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from archive_builder.config import Config
from archive_builder.model import Archive

TABLE_FILE = "redirects.yml"
KNOWN_FILE = "addresses.json"
_HEADER = (
    "# Written by `archive build`: pages that moved (a corrected date or committee, a renamed file) and where\n"
    "# they went. Keep this file with your sources, so old links keep working.\n"
)


@dataclass
class Redirects:
    table: dict[str, str] = field(default_factory=dict)  # old address -> new address (site paths, "x/y/")
    known: dict[str, list[str]] = field(default_factory=dict)  # address -> what its page was made from

    @classmethod
    def load(cls, config: Config) -> Redirects:
        return cls(table=_read_table(config.root / TABLE_FILE), known=_read_json(config.state_dir / KNOWN_FILE))

    def update(self, archive: Archive) -> None:
        """Follow every page that moved since the last build; forget redirects from addresses that
        are pages again."""
        current = made_from(archive)
        for old, keys in sorted(self.known.items()):
            if old not in current:
                new = _successor(set(keys), current, old)
                if new:
                    self.table[old] = new
        self.table = _resolved({old: new for old, new in self.table.items() if old not in current})
        self.known = current

    def pages(self) -> dict[str, str]:
        """docs-relative path -> the small HTML page that sends a reader on (MkDocs copies it as it is)."""
        return {f"{old}index.html": redirect_page(old, new) for old, new in sorted(self.table.items())}

    def save(self, config: Config) -> None:
        """After a published build only: what the site now holds is what the next build compares with."""
        _write_atomically(config.state_dir / KNOWN_FILE, json.dumps(self.known, indent=0, sort_keys=True))
        path = config.root / TABLE_FILE
        if self.table:
            _write_atomically(path, _HEADER + yaml.safe_dump(dict(sorted(self.table.items())), allow_unicode=True, width=200))
        elif path.exists() and path.read_text(encoding="utf-8").startswith(_HEADER):
            path.unlink()


def made_from(archive: Archive) -> dict[str, list[str]]:
    """Each meeting, committee and document page's address, with the documents it was made from."""
    documents = {d.id: f"{d.sha256}:{d.first_page}" for d in archive.documents}
    found: dict[str, set[str]] = {}
    for meeting in archive.meetings:
        keys = {documents[d] for d in meeting.documents if d in documents}
        if keys:
            found.setdefault(meeting.url, set()).update(keys)
            found.setdefault(_committee_url(archive, meeting.committee), set()).update(keys)
    for document in archive.documents:
        found.setdefault(document.url, set()).add(documents[document.id])
    return {url: sorted(keys) for url, keys in sorted(found.items()) if url}


def redirect_page(old: str, new: str) -> str:
    target = html.escape(posixpath.relpath(new, old) + "/", quote=True)
    script_target = json.dumps(posixpath.relpath(new, old) + "/")
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>This page has moved</title>\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<link rel=\"canonical\" href=\"{target}\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
        # The script keeps the anchor (#item-6-r2a) that a meta refresh would lose.
        f"<script>location.replace({script_target} + location.hash);</script>\n"
        "</head>\n<body>\n"
        f"<p>This page has moved to <a href=\"{target}\">its new address</a>.</p>\n"
        "</body>\n</html>\n"
    )


def _committee_url(archive: Archive, committee_id: str) -> str:
    return next((c.url for c in archive.committees if c.id == committee_id), "")


def _successor(keys: set[str], current: dict[str, list[str]], old: str) -> str | None:
    """The page of the same kind now made from most of the same documents."""
    kind = old.split("/", 1)[0]
    scored = sorted((url, len(keys & set(made))) for url, made in current.items() if url.split("/", 1)[0] == kind)
    url, shared = max(scored, key=lambda pair: pair[1], default=(None, 0))  # the first address of the best
    return url if shared else None


def _resolved(table: dict[str, str]) -> dict[str, str]:
    """a -> b and b -> c is a -> c; a chain that comes back to where it started is dropped."""
    resolved = {}
    for old in table:
        seen, new = {old}, table[old]
        while new in table and new not in seen:
            seen.add(new)
            new = table[new]
        if new != old and new not in table:
            resolved[old] = new
    return resolved


def _read_table(path: Path) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
