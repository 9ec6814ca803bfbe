"""docs/ -> site/: MkDocs builds the site into a new folder, which replaces the old one only on success.

A failed build (MkDocs error, a warning under --strict, an interruption) leaves the last good site
exactly as it was: the clerk can always publish what is in site/.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config


class PublishError(Exception):
    """MkDocs could not build the site; the previous site is untouched."""


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
        mkdocs_config = load_config(config_file=str(config.mkdocs_file), site_dir=str(site_dir), strict=strict)
        build(mkdocs_config)
    except (MkDocsException, SystemExit) as error:
        _remove(site_dir)
        details = "; ".join(collector.warnings) or str(error)
        raise PublishError(f"MkDocs could not build the site: {details}") from error
    finally:
        logger.removeHandler(collector)
    return collector.warnings


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
