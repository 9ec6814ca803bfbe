"""Writes the generated pages into docs/ without ever touching a page a person wrote.

Every file the builder writes is listed in a manifest (.archive/manifest.json). On the next build,
files in the manifest that the new build no longer produces are removed; files not in the manifest
are a person's and are left alone, even where the builder would like to write the same path.
A page is rewritten only when its bytes change, so a rebuild leaves untouched pages untouched.

The manifest is written before the first page as well as after the last: before, it names every
page this build may write (what the last build wrote and what nobody has yet), so a build killed or
failing half-way leaves a record under which the next build updates or removes each page it wrote,
rather than taking them for a person's. Every path is checked to stay inside docs/ (an address made
from a document or a setting can never write, nor remove, anything outside it).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from archive_builder.model import Problem
from archive_builder.render.files import SiteFiles, Unchanged, sha256_of

MANIFEST = "manifest.json"
PENDING = "pending"  # in the manifest: a page this build is about to write


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def write_site_files(docs_dir: Path, state_dir: Path, files: SiteFiles) -> WriteResult:
    result = WriteResult()
    previous = read_manifest(state_dir)
    safe = _Safe(docs_dir)
    pages = _inside(docs_dir, files.pages, result, safe)
    copies = _inside(docs_dir, files.copies, result, safe)
    planned = [relative for relative in [*pages, *copies]
               if relative not in previous and not os.path.lexists(docs_dir / relative)]
    if planned:
        _write_manifest(state_dir, {**previous, **dict.fromkeys(planned, PENDING)})
    produced: dict[str, str] = {}
    for relative, text in sorted(pages.items()):
        if isinstance(text, Unchanged):  # settled: in the manifest, and the same bytes
            result.unchanged += 1
            produced[relative] = text.sha256
            continue
        data = text.encode("utf-8")
        if _write_if_ours(docs_dir / relative, relative, data, previous, result):
            produced[relative] = sha256_of(data)
    for relative, original in sorted(copies.items()):
        if _copy_if_ours(docs_dir / relative, relative, original, previous, result):
            produced[relative] = "copy"
    for relative in sorted(set(previous) - set(produced)):
        path = docs_dir / relative
        if safe(relative) and (path.is_file() or path.is_symlink()):
            path.unlink()
            result.removed.append(relative)
            _remove_empty_parents(path.parent, docs_dir)
    _write_manifest(state_dir, produced)
    return result


def _inside(docs_dir: Path, files: dict, result: WriteResult, safe: _Safe) -> dict:
    """`files` (docs-relative path -> what to write there) without any path that would leave docs/."""
    kept = {}
    for relative, value in files.items():
        if safe(relative):
            kept[relative] = value
        else:
            result.problems.append(Problem(f"docs/{relative}", "an address outside docs/: not written", "error"))
    return kept


class _Safe:
    """Whether a docs-relative path stays inside docs/: relative, no '..', and no link on the way that
    leads out. Each folder on the way is looked at once (os.path.islink), not each page's whole path
    resolved: at 1,000 meetings, resolving every page's took most of a second of every build."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.root = docs_dir.resolve()
        self.folders: dict[str, bool] = {}  # docs-relative folder -> it stays inside docs/

    def __call__(self, relative: str) -> bool:
        parts = [part for part in relative.split("/") if part not in ("", ".")]
        if not parts or relative.startswith("/") or "\0" in relative or ".." in parts:
            return False
        folder = ""
        for part in parts[:-1]:
            folder = f"{folder}/{part}" if folder else part
            inside = self.folders.get(folder)
            if inside is None:
                inside = self.folders[folder] = self._folder_inside(folder)
            if not inside:
                return False
        return True

    def _folder_inside(self, folder: str) -> bool:
        path = self.docs_dir / folder
        if not os.path.islink(path):
            return True
        try:
            path.resolve().relative_to(self.root)
        except (ValueError, OSError, RuntimeError):
            return False
        return True


def _write_if_ours(path: Path, relative: str, data: bytes, previous: dict, result: WriteResult) -> bool:
    if os.path.lexists(path):
        if relative not in previous:
            result.problems.append(
                Problem(f"docs/{relative}", "written by a person, so the builder left it as it is", "info")
            )
            return False
        if path.is_symlink():
            path.unlink()  # never written through a link, wherever it points
        elif path.read_bytes() == data:
            result.unchanged += 1
            return True
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, data)
    result.written.append(relative)
    return True


def _copy_if_ours(path: Path, relative: str, original: Path, previous: dict, result: WriteResult) -> bool:
    if os.path.lexists(path):
        if relative not in previous:
            result.problems.append(
                Problem(f"docs/{relative}", "written by a person, so the builder left it as it is", "info")
            )
            return False
        if not path.is_symlink() and same_file(path, original):
            result.unchanged += 1
            return True
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    original = Path(os.path.realpath(original))  # the file itself: a link to it would not hold its bytes
    try:
        os.link(original, path)  # a hard link costs no disk space; copies are made where links cannot be
    except OSError:
        shutil.copyfile(original, path)
    result.written.append(relative)
    return True


def same_file(a: Path, b: Path) -> bool:
    """The same file, or two files with the same bytes."""
    try:
        if os.path.samefile(a, b):
            return True
        if a.stat().st_size != b.stat().st_size:
            return False
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _atomic_write(path: Path, data: bytes) -> None:
    # Written beside the target and renamed over it, so a killed build never leaves half a page.
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _remove_empty_parents(directory: Path, docs_dir: Path) -> None:
    while directory != docs_dir and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def read_manifest(state_dir: Path) -> dict[str, str]:
    """What the last build wrote into docs/: docs-relative path -> the SHA-256 of a page, or 'copy'."""
    try:
        return json.loads((state_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_manifest(state_dir: Path, produced: dict[str, str]) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    _atomic_write(state_dir / MANIFEST, json.dumps(produced, indent=1, sort_keys=True).encode("utf-8"))
