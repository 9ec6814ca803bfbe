"""Shared fixtures: the hand-built sample archive, its source files, and a site built from them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import fixtures_archive
import pytest

from archive_builder.config import Config
from archive_builder.model import Archive
from archive_builder.publish.pages import write_site_files
from archive_builder.publish.site import publish
from archive_builder.render import mkdocs_yml, render_site
from archive_builder.render.files import SiteFiles
from archive_builder.templates import write_overrides


@dataclass
class BuiltSite:
    """An archive folder whose site has been built: sources/, docs/, mkdocs.yml and site/."""

    config: Config
    archive: Archive
    files: SiteFiles

    @property
    def site_dir(self) -> Path:
        return self.config.site_dir

    @property
    def docs_dir(self) -> Path:
        return self.config.docs_dir


def build_site(root: Path, archive: Archive) -> BuiltSite:
    """Render `archive` into the archive folder `root` (its sources already in root/sources) and
    build the site with MkDocs in strict mode, as `archive build` does."""
    config = Config(root=root, site_name=archive.site_name)
    config.mkdocs_file.write_text(mkdocs_yml(archive.site_name), encoding="utf-8")
    write_overrides(root)
    files = render_site(archive, config, config.sources_dir)
    write_site_files(config.docs_dir, config.state_dir, files)
    publish(config, strict=True)
    return BuiltSite(config, files.archive, files)


@pytest.fixture
def sample_archive() -> Archive:
    """A fresh sample archive for each test (without addresses: rendering gives an archive with them)."""
    return fixtures_archive.sample_archive()


@pytest.fixture
def sample_sources(tmp_path: Path) -> Path:
    """A sources folder holding the sample archive's files."""
    sources = tmp_path / "sources"
    fixtures_archive.write_sources(sources)
    return sources


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample archive built into a site once for the whole session."""
    root = tmp_path_factory.mktemp("sample-archive")
    fixtures_archive.write_sources(root / "sources")
    return build_site(root, fixtures_archive.sample_archive())


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    from browser import launch, sync_api

    with sync_api.sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The repository's demo archive built as `./run demo` builds it, in a copy of the archive folder."""
    from demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo-archive"))
