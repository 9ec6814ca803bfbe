"""The `archive` command: a thin layer over the library, so everything it does can also be imported."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import yaml

from .config import CONFIG_FILE, Config, ConfigError, load_config
from .publish import PublishError

ROOT_OPTION = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="The archive folder (holding archive.yml).",
)
SOURCES_OPTION = click.option(
    "--sources", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Read the documents from this folder instead of the archive's sources/.",
)


@click.group()
@click.version_option(package_name="committee-archive")
def main() -> None:
    """Build a searchable static-site archive of a committee's documents."""


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--site-name", default="Committee archive", show_default=True, help="The site's name.")
def init(directory: Path, site_name: str) -> None:
    """Create a new archive in DIRECTORY: archive.yml, mkdocs.yml, docs/ with a home page, sources/."""
    from .render import mkdocs_yml

    if (directory / CONFIG_FILE).exists():
        raise click.ClickException(f"{directory / CONFIG_FILE} already exists: {directory} is an archive already")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sources").mkdir(exist_ok=True)
    settings = {
        "site_name": site_name,
        "sources": "sources",
        "committees": [],
    }
    (directory / CONFIG_FILE).write_text(_config_text(settings), encoding="utf-8")
    if not (directory / "mkdocs.yml").exists():
        (directory / "mkdocs.yml").write_text(mkdocs_yml(site_name), encoding="utf-8")
    _write_empty_site_pages(load_config(directory))
    click.echo(f"Created an archive in {directory}. Put documents in {directory / 'sources'}, then run: archive build --root {directory}")


def _config_text(settings: dict) -> str:
    header = (
        "# This archive's settings. committees: name each committee and the other names its documents use, e.g.\n"
        "#   - id: planning\n#     name: Planning Committee\n#     aliases: [Planning Applications Committee]\n"
        "# Committees not listed here are found in the documents and named as printed.\n"
    )
    return header + yaml.safe_dump(settings, sort_keys=False, allow_unicode=True)


def _write_empty_site_pages(config: Config) -> None:
    from .model import Archive
    from .pages_writer import write_site_files
    from .render import render_site

    write_site_files(config.docs_dir, config.state_dir, render_site(Archive(site_name=config.site_name), config, config.sources_dir))


@main.command()
@ROOT_OPTION
@SOURCES_OPTION
@click.option("--no-publish", is_flag=True, help="Write the pages to docs/ but do not build the site.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems and the summary.")
def build(root: Path, sources: Path | None, no_publish: bool, quiet: bool) -> None:
    """Read every source document, write the pages and publish the site to site/.

    Exits with status 1 when any file could not be read (the rest is still built and published),
    and 2 when the site itself could not be built (the previous site is left as it was)."""
    from .build import build as run_build
    from .build import write_report

    config = _config(root)
    progress = _progress_printer() if not quiet else None
    try:
        result = run_build(config, sources_dir=sources, publish_site=not no_publish, progress=progress)
    except PublishError as error:
        click.echo(f"ERROR: {error}", err=True)
        click.echo("The previous site in site/ was left as it was.", err=True)
        sys.exit(2)
    report = write_report(config, result)
    _echo_report(report.read_text(encoding="utf-8"), quiet)
    click.echo(f"Build report written to {report}", err=True)
    sys.exit(1 if result.errors else 0)


@main.command()
@ROOT_OPTION
@SOURCES_OPTION
@click.option("--format", "output_format", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to this file instead of standard output.")
def export(root: Path, sources: Path | None, output_format: str, output: Path | None) -> None:
    """Print the whole archive as open data (JSON valid against archive-export.schema.json)."""
    from . import addresses
    from .build import read_archive
    from .export import export_json
    from .render.downloads import assign_downloads

    config = _config(root)
    result = read_archive(config, sources)
    addresses.assign_urls(result.archive)
    assign_downloads(result.archive, result.sources_dir)
    text = export_json(result.archive)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _config(root: Path) -> Config:
    try:
        return load_config(root)
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


def _progress_printer():
    """Progress on a terminal only: a CI log gets the report, not hundreds of progress lines."""
    if not sys.stderr.isatty():
        return None

    def show(message: str) -> None:
        click.echo(f"\r\033[K{message[:100]}", nl=False, err=True)

    return show


def _echo_report(text: str, quiet: bool) -> None:
    if sys.stderr.isatty():
        click.echo("\r\033[K", nl=False, err=True)
    for line in text.splitlines():
        if quiet and line.startswith("INFO:"):
            continue
        click.echo(line, err=True)
