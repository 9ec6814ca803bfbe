"""One build of an archive at a time: a second `archive build` while one runs is refused with a clear
message, rather than both writing docs/ and site/ at once.

The lock is the operating system's (flock) on .archive/build.lock, so it ends with the process that
holds it: a build that is killed leaves no stale lock behind, and the next build simply runs.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

LOCK_FILE = "build.lock"


class BuildLocked(Exception):
    """Another build of the same archive is running."""


@contextlib.contextmanager
def build_lock(state_dir: Path):
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / LOCK_FILE
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildLocked(
                f"another build of this archive is running ({holder}); wait for it to finish, then build again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
