"""docs/ -> site/: MkDocs builds the site into a new folder, Pagefind indexes it for the site's search,
and the new folder replaces the old one only when both succeeded.

A failed build (MkDocs error, a warning under --strict, Pagefind failing, an interruption) leaves the
last good site exactly as it was: the clerk can always publish what is in site/.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config


class PublishError(Exception):
    """MkDocs could not build the site, or Pagefind could not index it; the previous site is untouched."""


@dataclass
class PublishResult:
    site_dir: Path
    messages: list[str] = field(default_factory=list)


def publish(config: Config, strict: bool = True, timings: dict[str, float] | None = None) -> PublishResult:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2.0 is not for clerks
    timings = timings if timings is not None else {}
    new_site = config.state_dir / "site-new"
    _remove(new_site)
    started = time.perf_counter()
    messages = _mkdocs_build(config, new_site, strict)
    timings["mkdocs"] = time.perf_counter() - started
    started = time.perf_counter()
    _pagefind_index(new_site)
    timings["pagefind"] = time.perf_counter() - started
    _swap_in(new_site, config.site_dir, config.state_dir / "site-old")
    return PublishResult(site_dir=config.site_dir, messages=messages)


def _mkdocs_build(config: Config, site_dir: Path, strict: bool) -> list[str]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        # Absolute: MkDocs reads a relative site_dir as relative to mkdocs.yml, not to where the build runs.
        mkdocs_config = load_config(config_file=str(config.mkdocs_file), site_dir=str(site_dir.resolve()), strict=strict)
        build(mkdocs_config)
    except (MkDocsException, SystemExit) as error:
        _remove(site_dir)
        details = "; ".join(collector.warnings) or str(error)
        raise PublishError(f"MkDocs could not build the site: {details}") from error
    finally:
        logger.removeHandler(collector)
    return collector.warnings


# Left out of the search index: the pilcrow of each heading's permalink, "Link to this resolution",
# "Source: minutes, page 4", and the boxes of links to other meetings ("What happened next",
# "Follows up", "Refers to", "Elsewhere in the archive", "Part of a series"), whose quoted words belong
# to the pages they link to: indexed here, they would make a meeting match what was said at another;
# and the sortable tables (a committee's open actions), whose rows restate resolutions and actions the
# meeting pages hold.
PAGEFIND_EXCLUDE = (".headerlink, .archive-permalink, .archive-cite, .archive-next, .archive-follows, "
                    ".archive-refers, .archive-mentions, .archive-series, .archive-table")
PAGEFIND_TIMEOUT = 600  # seconds; Pagefind indexes thousands of pages a second


def _pagefind_index(site_dir: Path) -> None:
    """Pagefind's index of the built site, in site_dir/pagefind/ (its own binary, from the
    `pagefind[bin]` package: nothing is downloaded). Which pages it indexes, and their filters and
    metadata, the theme override marks in the pages (overrides/main.html)."""
    try:
        import pagefind_bin

        executable = str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as error:
        _remove(site_dir)
        raise PublishError(f"Pagefind is not installed, so the site's search cannot be built: {error}; "
                           "install it with: pip install 'pagefind[bin]'") from error
    site = site_dir.resolve()
    command = [executable, "--site", str(site), "--exclude-selectors", PAGEFIND_EXCLUDE, "--quiet"]
    try:
        # Run in the site folder, so that no pagefind.yml of wherever the build was started from applies.
        done = subprocess.run(command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT, cwd=site)
    except (OSError, subprocess.TimeoutExpired) as error:
        _remove(site_dir)
        raise PublishError(f"Pagefind could not index the site: {error}") from error
    if done.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").exists():
        _remove(site_dir)
        details = " ".join((done.stderr or done.stdout or "").split())[:2000] or f"exit status {done.returncode}"
        raise PublishError(f"Pagefind could not index the site: {details}")


def _swap_in(new_site: Path, site_dir: Path, old_site: Path) -> None:
    _remove(old_site)
    if site_dir.exists():
        os.replace(site_dir, old_site)
    os.replace(new_site, site_dir)
    _remove(old_site)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings.append(record.getMessage())
