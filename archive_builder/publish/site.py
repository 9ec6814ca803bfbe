"""docs/ -> site/: MkDocs builds the site into a new folder, Pagefind indexes it for the site's search,
and the new folder replaces the old one only when both succeeded.

A failed build (MkDocs error, a warning under --strict, Pagefind failing, an interruption) leaves the
last good site exactly as it was: the clerk can always publish what is in site/.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin

from archive_builder.config import Config
from archive_builder.publish import docs_copies, last_site, search_bundles
from archive_builder.publish.pages import read_manifest
from archive_builder.publish.search_bundles import EARLIER, PRIMARY
from archive_builder.render.raw_html import RawHtmlBlocks


class PublishError(Exception):
    """MkDocs could not build the site, or Pagefind could not index it; the previous site is untouched."""


@dataclass
class PublishResult:
    site_dir: Path
    messages: list[str] = field(default_factory=list)
    incremental: bool = False  # only the changed pages were built anew


def publish(config: Config, strict: bool = True, timings: dict[str, float] | None = None,
            incremental: bool = True, linking: last_site.Linking | None = None) -> PublishResult:
    """Build the site from docs/ into a new folder, index it, swap it in. `incremental`: start from the
    files of the last published site and let MkDocs rebuild only the pages whose Markdown changed,
    where nothing else that shapes every page (mkdocs.yml, the theme and its override) changed.
    `linking`: those files, already being linked into the new folder (start_linking_last_site)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2.0 is not for clerks
    timings = timings if timings is not None else {}
    new_site = config.state_dir / NEW_SITE
    fingerprint = _site_fingerprint(config)
    reuse = incremental and config.site_dir.is_dir() and _read(config.state_dir / FINGERPRINT_FILE) == fingerprint
    linked = reuse and linking is not None and linking.fingerprint == fingerprint and linking.done()
    if linking is not None and not linked:
        linking.discard()
    if not linked:
        _remove(new_site)
    started = time.perf_counter()
    merges = _merges_bundles(config)
    last_search = search_bundles.read_state(config.state_dir)
    bundles = search_bundles.plan(config.docs_dir, last_search, read_manifest(config.state_dir),
                                  _search_recipe(fingerprint), split=merges)
    bundles.keep_earlier = reuse and search_bundles.reusable(bundles, last_search, config.site_dir)
    timings["pagefind"] = time.perf_counter() - started
    started = time.perf_counter()
    copied = docs_copies.signatures(config.docs_dir)  # before MkDocs copies them: what the new site holds
    messages = _mkdocs_build(config, new_site, strict, last_site_dir=config.site_dir if reuse else None,
                             linked=linked, keep=(EARLIER,) if bundles.keep_earlier else (),
                             stale=set(copied) - docs_copies.unchanged(copied, config.state_dir))
    timings["mkdocs"] = time.perf_counter() - started
    started = time.perf_counter()
    _pagefind_index(new_site, config.state_dir, bundles, _marks_only_faceted_pages(config))
    timings["pagefind"] += time.perf_counter() - started
    # Until the new site is in place, nothing recorded of the last one is trusted.
    (config.state_dir / FINGERPRINT_FILE).unlink(missing_ok=True)
    search_bundles.forget_state(config.state_dir)
    docs_copies.forget(config.state_dir)
    _swap_in(new_site, config.site_dir, config.state_dir)
    (config.state_dir / FINGERPRINT_FILE).write_text(fingerprint, encoding="utf-8")
    search_bundles.save_state(config.state_dir, bundles)
    docs_copies.save(config.state_dir, copied)
    if not merges:
        messages.append(f"{_overrides_dir(config).name}/{SEARCH_SCRIPT} is older than the search index in "
                        "parts, so Pagefind indexes the whole site on every build: to make rebuilds faster, "
                        "replace it with the one a new `archive init` writes")
    return PublishResult(site_dir=config.site_dir, messages=messages, incremental=reuse)


FINGERPRINT_FILE = "site-fingerprint.txt"


def _site_fingerprint(config: Config) -> str:
    """What every page's HTML depends on besides its own Markdown: mkdocs.yml, the theme override's
    files and the versions of MkDocs, Material and the Markdown extensions."""
    digest = hashlib.sha256(config.mkdocs_file.read_bytes() if config.mkdocs_file.exists() else b"")
    for package in ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown"):
        digest.update(f"{package} {version(package)}".encode())
    overrides = _overrides_dir(config)
    for path in sorted(overrides.rglob("*")) if overrides.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(overrides).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


NEW_SITE = "site-new"  # in the state folder: the site being built, swapped in when it is whole


def start_linking_last_site(config: Config) -> last_site.Linking | None:
    """The last site's files linked into the new site's folder by a process of its own, for publish():
    where the last site can be reused (its fingerprint is this site's) and processes can be forked."""
    fingerprint = _site_fingerprint(config)
    if not config.site_dir.is_dir() or _read(config.state_dir / FINGERPRINT_FILE) != fingerprint:
        return None
    return last_site.start(config.site_dir, config.state_dir / NEW_SITE, (f"{PRIMARY}/",), fingerprint)


@contextlib.contextmanager
def _replacing_writes():
    """MkDocs writes a file over the one in place (open(path, 'wb')). In a new site whose files are
    hard links to the last site's, that would change the last site too, which must stay as it was
    until the new one is swapped in: so each file is removed before MkDocs writes it."""
    write_file, copy_file = utils.write_file, utils.copy_file

    def replacing_write(content: bytes, output_path: str) -> None:
        _unlink(output_path)
        write_file(content, output_path)

    def replacing_copy(source_path: str, output_path: str) -> None:
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        _unlink(output_path)
        copy_file(source_path, output_path)

    utils.write_file, utils.copy_file = replacing_write, replacing_copy
    try:
        yield
    finally:
        utils.write_file, utils.copy_file = write_file, copy_file


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _mkdocs_build(config: Config, site_dir: Path, strict: bool, last_site_dir: Path | None = None,
                  linked: bool = False, keep: tuple[str, ...] = (), stale: set[str] = frozenset()) -> list[str]:
    """MkDocs' build of docs/ into `site_dir`; from the files of `last_site_dir` where given (`linked`:
    already linked into `site_dir`), rebuilding only what changed (a 'dirty' build). Of the last site
    are kept: the search bundles named in `keep`, and the copies of the files of docs/ but those
    `stale` (changed since: see docs_copies.py; a download keeps its source's time, which may be older
    than the copy in the site, so MkDocs' own test of times would keep the copy it replaced)."""
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    quiet = _NoDirtyNotice()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        # Absolute: MkDocs reads a relative site_dir as relative to mkdocs.yml, not to where the build runs.
        mkdocs_config = load_config(config_file=str(config.mkdocs_file), site_dir=str(site_dir.resolve()), strict=strict)
        made = _FilesMade()
        if last_site_dir is not None:
            # Plugins may write files MkDocs does not know of, in place: their sites are copied, not linked.
            link = not mkdocs_config.plugins
            if not (linked and link):
                last_site.link_tree(last_site_dir, site_dir, (f"{PRIMARY}/",), link)
            templates = set(mkdocs_config.theme.static_templates)  # written on every build (sitemap.xml...)
            dropped = {folder for folder in (EARLIER,) if folder not in keep}
            last_site.leave_out(site_dir, templates | {f"{t}.gz" for t in templates} | dropped | stale)
            mkdocs_config.plugins["archive-files-made"] = made
        mkdocs_config.plugins["archive-raw-html"] = RawHtmlBlocks()
        with _replacing_writes():
            mkdocs_build(mkdocs_config, dirty=last_site_dir is not None)
        if last_site_dir is not None:
            _remove_files_no_longer_made(made.paths | set(mkdocs_config.theme.static_templates), site_dir)
    except (MkDocsException, SystemExit) as error:
        _remove(site_dir)
        details = "; ".join(collector.warnings) or str(error)
        raise PublishError(f"MkDocs could not build the site: {details}") from error
    except OSError as error:  # a file of docs/ it could not read or copy: a person's link to nothing
        _remove(site_dir)
        where = os.path.relpath(error.filename, config.docs_dir) if error.filename else "a file"
        raise PublishError(f"MkDocs could not build the site: docs/{where}: {error.strerror or error} "
                           "(a link to a file that is not there? remove or replace it)") from error
    finally:
        logger.removeHandler(collector)
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    return collector.warnings


class _FilesMade(BasePlugin):
    """Every file a build makes (pages, docs/'s other files, the theme's assets), as MkDocs lists them."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: set[str] = set()

    def on_files(self, files, config):
        self.paths = {file.dest_uri for file in files}
        return files


class _NoDirtyNotice(logging.Filter):
    """MkDocs warns that a 'dirty' build may leave navigation out of date: it would, were the
    navigation or the theme to change, which is when publish() builds every page instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _remove_files_no_longer_made(made: set[str], site_dir: Path) -> None:
    """Files of the last site that this build does not make (a deleted source's meeting page and
    download): MkDocs leaves them. Sitemaps and the search bundles are not MkDocs' to make."""
    for relative in last_site.files_of(site_dir):
        if relative not in made and not relative.startswith((*search_bundles.FOLDERS, "sitemap.xml")):
            path = site_dir / relative
            path.unlink()
            _remove_empty_folders(path.parent, site_dir)


def _remove_empty_folders(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


# Left out of the search index: the pilcrow of each heading's permalink, "Link to this resolution",
# "Source: minutes, page 4", and the boxes of links to other meetings ("What happened next",
# "Follows up", "Refers to", "Elsewhere in the archive", "Part of a series"), whose quoted words belong
# to the pages they link to: indexed here, they would make a meeting match what was said at another;
# and the sortable tables (a committee's open actions), whose rows restate resolutions and actions the
# meeting pages hold.
PAGEFIND_EXCLUDE = (".headerlink, .archive-permalink, .archive-cite, .archive-next, .archive-follows, "
                    ".archive-refers, .archive-mentions, .archive-series, .archive-table")
PAGEFIND_TIMEOUT = 600  # seconds; Pagefind indexes thousands of pages a second


def _overrides_dir(config: Config) -> Path:
    """The theme override's folder, as mkdocs.yml names it (theme.custom_dir)."""
    named = re.search(r"^\s*custom_dir:\s*['\"]?([^'\"\s#]+)", _read(config.mkdocs_file) or "", re.M)
    return config.mkdocs_file.parent / (named.group(1) if named else "overrides")


SEARCH_SCRIPT = "assets/javascripts/archive-search.js"


def _merges_bundles(config: Config) -> bool:
    """Whether the site's search script merges the bundles the primary one lists: an archive set up
    before the index came in bundles keeps its own copy of the override, which searches pagefind/ only."""
    return search_bundles.MERGE_LIST in (_read(_overrides_dir(config) / SEARCH_SCRIPT) or "")


# overrides/main.html's test of the pages it marks for Pagefind (data-pagefind-body): those with search
# facets, and those a person wrote. Where any page is marked, Pagefind indexes only the marked ones.
MARKS_FACETED_PAGES = "archive_facets or not archive_meta.generated"


def _marks_only_faceted_pages(config: Config) -> bool:
    """Whether the theme override marks for the search only the pages with search facets (and those a
    person wrote), as the one `archive init` writes does: the listing pages, which Pagefind would read
    only to leave out, need not be given to it. An override changed by hand may mark others."""
    return MARKS_FACETED_PAGES in (_read(_overrides_dir(config) / "main.html") or "")


def _search_recipe(site_fingerprint: str) -> str:
    """What shapes every page's entry in the search index besides its Markdown."""
    try:
        pagefind = version("pagefind_bin")
    except PackageNotFoundError:  # _pagefind_executable says so, plainly
        pagefind = "missing"
    return f"{site_fingerprint} pagefind {pagefind} {PAGEFIND_EXCLUDE}"


def _pagefind_index(site_dir: Path, state_dir: Path, bundles: search_bundles.Plan, leaves_out_listings: bool) -> None:
    """Pagefind's index of the built site, as the bundles `bundles` plans (see search_bundles.py):
    the primary one in site_dir/pagefind/, with the list of those to merge into it, and the earlier
    one, unless the last site's is kept. Pagefind's own binary, from the `pagefind[bin]` package:
    nothing is downloaded. Which pages it indexes, and their filters and metadata, the theme
    override marks in the pages (overrides/main.html); where it `leaves_out_listings` (marks only the
    pages with search facets), the listing pages are not even given to Pagefind."""
    executable = _pagefind_executable(site_dir)
    earlier = bundles.earlier_html()
    skipped = bundles.unsearched_html() if leaves_out_listings else set()  # megabytes of tables, not read for nothing
    pages = [path for path in last_site.files_of(site_dir)
             if path.endswith(".html") and not path.startswith(search_bundles.FOLDERS) and path not in skipped]
    _pagefind_run(executable, site_dir, [path for path in pages if path not in earlier], PRIMARY, state_dir)
    if bundles.earlier and not bundles.keep_earlier:
        _pagefind_run(executable, site_dir, [path for path in pages if path in earlier], EARLIER, state_dir)
    (site_dir / PRIMARY / search_bundles.MERGE_LIST).write_bytes(search_bundles.merge_list(bundles))


def _pagefind_executable(site_dir: Path) -> str:
    try:
        import pagefind_bin  # noqa: PLC0415 (optional: a missing binary is reported, not a crash)

        return str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as error:
        _remove(site_dir)
        raise PublishError(f"Pagefind is not installed, so the site's search cannot be built: {error}; "
                           "install it with: pip install 'pagefind[bin]'") from error


def _pagefind_run(executable: str, site_dir: Path, pages: list[str], bundle: str, state_dir: Path) -> None:
    """One bundle: Pagefind over `pages` only (site-relative HTML files), given to it as a folder of
    links to them laid out as in the site, so that its addresses are the site's."""
    stage = state_dir / "search-stage"
    _remove(stage)
    stage.mkdir(parents=True)
    for relative in pages:
        target = stage / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(site_dir / relative, target)
    output = (site_dir / bundle).resolve()
    command = [executable, "--site", str(stage.resolve()), "--output-path", str(output),
               "--exclude-selectors", PAGEFIND_EXCLUDE, "--quiet"]
    try:
        # Run in the stage, so that no pagefind.yml of wherever the build was started from applies.
        done = subprocess.run(command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT, cwd=stage)
    except (OSError, subprocess.TimeoutExpired) as error:
        _remove(site_dir)
        raise PublishError(f"Pagefind could not index the site: {error}") from error
    finally:
        _remove(stage)
    if done.returncode != 0 or not (output / "pagefind.js").exists():
        _remove(site_dir)
        details = " ".join((done.stderr or done.stdout or "").split())[:2000] or f"exit status {done.returncode}"
        raise PublishError(f"Pagefind could not index the site: {details}")


OLD_SITE = "site-old"  # the sites replaced by the last builds: removed while the next build reads its sources


def _swap_in(new_site: Path, site_dir: Path, state_dir: Path) -> None:
    if site_dir.exists():
        os.replace(site_dir, _unused(state_dir / OLD_SITE))
    os.replace(new_site, site_dir)


def _unused(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`...: a replaced site still being removed is never in the way."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def clearing_old_sites(config: Config) -> subprocess.Popen | None:
    """Removes the sites the last builds replaced, in a process of its own: thousands of files, whose
    removal waits on the disk while the build goes on with its sources. A process, not a thread: the
    build forks to share out its work, which a running thread makes unsafe. Wait for it at the end."""
    old = sorted(str(path) for path in config.state_dir.glob(f"{OLD_SITE}*") if path.is_dir())
    if not old:
        return None
    remover = "import shutil, sys\nfor path in sys.argv[1:]:\n    shutil.rmtree(path, ignore_errors=True)\n"
    return subprocess.Popen([sys.executable, "-c", remover, *old], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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
