"""The last published site's files in the new site's folder, from which MkDocs rebuilds only what changed
(publish.py).

Linking ten thousand files waits on the disk, not the processor, so a build starts it at once, in a
process of its own (`start`), and goes on reading its sources and rendering its pages meanwhile. Once
docs/ is written and the site is to be built, what must be made anew is taken out again (`leave_out`).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path


class Linking:
    """The last site's files being linked into `new_site`, for a site of the fingerprint `fingerprint`."""

    def __init__(self, process: multiprocessing.Process, new_site: Path, fingerprint: str) -> None:
        self.process, self.new_site, self.fingerprint = process, new_site, fingerprint

    def done(self) -> bool:
        """Waits for the linking to end: whether every file was linked."""
        self.process.join()
        return self.process.exitcode == 0

    def discard(self) -> None:
        """Stops the linking, and removes what it linked where no site was made of it."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        shutil.rmtree(self.new_site, ignore_errors=True)


def start(site_dir: Path, new_site: Path, dropped: tuple[str, ...], fingerprint: str) -> Linking | None:
    """link_tree in a forked process, or None where processes cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    process = multiprocessing.get_context("fork").Process(target=link_tree, args=(site_dir, new_site, dropped, True),
                                                          daemon=True)
    process.start()
    return Linking(process, new_site, fingerprint)


def link_tree(site_dir: Path, new_site: Path, dropped: tuple[str, ...], link: bool) -> None:
    """Every file of `site_dir` but those under the folders `dropped`, in `new_site` (made anew): hard
    links where `link` (no bytes copied; MkDocs only ever replaces them, see publish._replacing_writes),
    else copies with their times (MkDocs rebuilds a page whose Markdown is newer than it)."""
    shutil.rmtree(new_site, ignore_errors=True)
    folders: set[str] = set()
    for relative in files_of(site_dir):
        if relative.startswith(dropped):
            continue
        path, target = os.path.join(site_dir, relative), os.path.join(new_site, relative)
        folder = os.path.dirname(target)
        if folder not in folders:  # thousands of files in a few hundred folders
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        if link:
            os.link(path, target)
        else:
            shutil.copy2(path, target)


def leave_out(new_site: Path, relatives: set[str]) -> None:
    """Takes the files and folders `relatives` (site-relative) out of the new site, for MkDocs or
    Pagefind to make anew."""
    for relative in sorted(relatives):
        path = new_site / relative
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def files_of(folder: Path) -> list[str]:
    """Every file under `folder`, as sorted folder-relative paths with '/' (os.walk: a site has
    thousands of files, and pathlib's objects cost more than the links made from them)."""
    found = []
    for top, folders, files in os.walk(folder):
        folders.sort()
        base = os.path.relpath(top, folder).replace(os.sep, "/")
        found += [name if base == "." else f"{base}/{name}" for name in files]
    return sorted(found)
