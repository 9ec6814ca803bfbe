"""The clerk's source files: which files in the sources folder are documents, and their ids.

The folder is walked once, and only what is inside it is read: a link that leads out of it (to
/etc/passwd, or `../../elsewhere`) is refused, so nothing outside the folder can ever be published;
a link to nothing, a link that loops, a link to a folder (its files would be listed twice) and
anything that is not a plain file (a named pipe, which would block the build, a device) are not
read. Hidden files and editors' backups are skipped. Each of these has its line in the build
report, naming the file and what was done with it, so nothing is left out silently.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from archive_builder.model import Problem
from archive_builder.slugs import slugify, unique

# A sidecar of corrections sits beside its source (`minutes.pdf.yml`) or covers a folder (`_folder.yml`);
# it is read with its source (sources/sidecars.py), not as a document of its own. Every YAML file in the
# sources is taken for a sidecar: one that corrects no file is reported, never published.
SIDECAR_SUFFIXES = (".yml", ".yaml")
FOLDER_SIDECAR = "_folder.yml"
FOLDER_SIDECARS = (FOLDER_SIDECAR, "_folder.yaml")
# What editors and systems leave beside documents: never documents themselves.
_BACKUP_PREFIXES = ("~$", ".~lock.")
_BACKUP_SUFFIXES = ("~", ".bak", ".swp", ".tmp")
_SYSTEM_FILES = {"thumbs.db", "desktop.ini"}
_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute path on disk
    source: str  # path relative to the sources folder, '/'-separated: the key used everywhere else
    document_id: str


@dataclass
class Survey:
    """What the sources folder holds: its documents, its sidecars, and what was left out and why."""

    files: list[SourceFile] = field(default_factory=list)
    sidecars: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def is_sidecar(path: Path) -> bool:
    return path.name in FOLDER_SIDECARS or path.suffix.lower() in SIDECAR_SUFFIXES


def survey(sources_dir: Path) -> Survey:
    """Every document and sidecar under `sources_dir`, in a fixed order, each document with a stable
    id; and a problem for each file left out. A file of a type the builder cannot read is still a
    document, so that it is listed with its download."""
    found = Survey()
    if not sources_dir.is_dir():
        return found
    root = sources_dir.resolve()
    paths: list[tuple[str, Path]] = []
    for folder, names in _walk(sources_dir, found.problems):
        for name in names:
            path = folder / name
            relative = path.relative_to(sources_dir).as_posix()
            why = _left_out(path, name, root)
            if why is None:
                paths.append((relative, path))
            else:
                found.problems.append(Problem(_shown(relative), *why))
    taken: set[str] = set()
    for relative, path in sorted(paths):
        if is_sidecar(path):
            found.sidecars.append(path)
            continue
        document_id = unique(slugify(str(PurePosixPath(relative).with_suffix(""))), taken)
        shown = _shown(relative)
        if shown != relative:
            found.problems.append(Problem(shown, "its name is not valid UTF-8 (shown with \ufffd for what cannot be "
                                                 "read): it is read and listed, but its download is not offered; rename it"))
        found.files.append(SourceFile(path=path, source=shown, document_id=document_id))
    return found


def discover(sources_dir: Path) -> list[SourceFile]:
    return survey(sources_dir).files


def _walk(sources_dir: Path, problems: list[Problem]):
    """(folder, the names in it) for every folder under `sources_dir`, hidden folders and links to
    folders not entered (each said once); in a fixed order."""

    def unreadable(error: OSError) -> None:
        where = Path(error.filename).relative_to(sources_dir).as_posix() if error.filename else "."
        problems.append(Problem(_shown(where or "."), f"a folder that cannot be read ({error.strerror}): its files were not read", "error"))

    for folder, folders, names in os.walk(sources_dir, onerror=unreadable):
        here = Path(folder)
        for name in sorted(folders):
            relative = (here / name).relative_to(sources_dir).as_posix()
            if name.startswith("."):
                problems.append(Problem(_shown(relative + "/"), "skipped: a hidden folder", "info"))
            elif os.path.islink(here / name):
                problems.append(Problem(_shown(relative), _folder_link(here / name, sources_dir), "warning"))
        folders[:] = sorted(name for name in folders if not name.startswith(".") and not os.path.islink(here / name))
        yield here, sorted(names)


def _left_out(path: Path, name: str, root: Path) -> tuple[str, str] | None:
    """Why a file is not read, as (message, severity); None to read it."""
    lowered = name.lower()
    if name.startswith(".") and not name.startswith(_BACKUP_PREFIXES):
        return "skipped: a hidden file", "info"
    if name.startswith(_BACKUP_PREFIXES) or lowered.endswith(_BACKUP_SUFFIXES) or lowered in _SYSTEM_FILES:
        return "skipped: an editor's backup, lock or system file, not a document", "info"
    try:
        linked = path.is_symlink()
        target = path.resolve(strict=True) if linked else path
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return f"a link to a file that is not there ({os.readlink(path)}): not read", "warning"
    except (OSError, RuntimeError) as error:
        if getattr(error, "errno", None) == errno.ELOOP or isinstance(error, RuntimeError):
            return "a link that leads round in a loop: not read", "warning"
        return f"cannot be read ({getattr(error, 'strerror', None) or error}): not read", "error"
    if linked and not _inside(target, root):
        return ("a link to a file outside the sources folder: refused, so that nothing outside the folder is ever "
                "published (copy the file into the folder instead)"), "error"
    if not stat.S_ISREG(mode):
        return f"not a file but {_KINDS.get(stat.S_IFMT(mode), 'something else')}: not read", "error"
    return None


def _folder_link(path: Path, sources_dir: Path) -> str:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "a link to a folder that is not there, or that loops: not followed"
    if not _inside(target, sources_dir.resolve()):
        return "a link to a folder outside the sources folder: refused, so that nothing outside the folder is ever published"
    return "a link to another folder of the sources: not followed, so that its files are not listed twice"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _shown(relative: str) -> str:
    """A path as the report, the pages and the export show it: a name that is not valid UTF-8 keeps
    its readable part (the undecodable bytes become U+FFFD), so that it can be written anywhere."""
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
