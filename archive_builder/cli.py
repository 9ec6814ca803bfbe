"""The `archive` command: a thin layer over the library, so everything it does can also be imported."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import yaml

from archive_builder.config import CONFIG_FILE, Config, ConfigError, load_config
from archive_builder.publish.site import PublishError

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
    """Create a new archive in DIRECTORY: archive.yml, mkdocs.yml, overrides/ (the site's search box),
    docs/ with a home page, sources/."""
    from archive_builder.render import mkdocs_yml
    from archive_builder.templates import write_overrides

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
    write_overrides(directory)
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
    from archive_builder.model import Archive
    from archive_builder.publish.pages import write_site_files
    from archive_builder.render import render_site

    write_site_files(config.docs_dir, config.state_dir, render_site(Archive(site_name=config.site_name), config, config.sources_dir))


@main.command()
@ROOT_OPTION
@SOURCES_OPTION
@click.option("--no-publish", is_flag=True, help="Write the pages to docs/ but do not build the site.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems and the summary.")
@click.option("--full", is_flag=True, help="Build every page of the site anew, not only the pages that changed.")
def build(root: Path, sources: Path | None, no_publish: bool, quiet: bool, full: bool) -> None:
    """Read every source document, write the pages and publish the site to site/.

    Exits with status 1 when any file could not be read (the rest is still built and published),
    2 when the site itself could not be built (the previous site is left as it was), and 3 when
    another build of the same archive is running."""
    from archive_builder.build import build as run_build
    from archive_builder.build import write_report
    from archive_builder.incremental.lock import BuildLocked

    config = _config(root)
    progress = _progress_printer() if not quiet else None
    sources = _sources(config, sources)
    try:
        result = run_build(config, sources_dir=sources, publish_site=not no_publish, progress=progress, full=full)
    except PublishError as error:
        click.echo(f"ERROR: {error}", err=True)
        click.echo("The previous site in site/ was left as it was.", err=True)
        sys.exit(2)
    except BuildLocked as error:
        click.echo(f"ERROR: {error}. Nothing was changed.", err=True)
        sys.exit(3)
    from archive_builder.report.build_report import report_text

    report = write_report(config, result)
    _echo_report(report_text(result, files=False), quiet)
    click.echo(f"Build report written to {report} (with what was found in each file)", err=True)
    sys.exit(1 if result.errors else 0)


@main.command("check")
@ROOT_OPTION
@SOURCES_OPTION
@click.option("--quiet", "-q", is_flag=True, help="Print only problems and the summary, not each file.")
def check_command(root: Path, sources: Path | None, quiet: bool) -> None:
    """Read every source document and report what was found in each file and every problem, without
    writing pages or publishing: bad files, missing dates, scans, unknown committees, duplicates,
    minutes of meetings the archive lacks, overdue actions, sidecar mistakes.

    Exits with status 1 when there are errors (the same that make `archive build` exit 1)."""
    from archive_builder.build import check
    from archive_builder.report.build_report import report_text

    config = _config(root)
    result = check(config, sources_dir=_sources(config, sources), progress=_progress_printer())
    if sys.stderr.isatty():
        click.echo("\r\033[K", nl=False, err=True)
    text = report_text(result, files=not quiet, heading="Check")
    for line in text.splitlines():
        if not (quiet and line.startswith("INFO:")):
            click.echo(line)
    sys.exit(1 if result.errors else 0)


@main.command()
@ROOT_OPTION
@SOURCES_OPTION
@click.option("--format", "output_format", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to this file instead of standard output.")
def export(root: Path, sources: Path | None, output_format: str, output: Path | None) -> None:
    """Print the whole archive as open data (JSON valid against archive-export.schema.json)."""
    from archive_builder.build import read_archive
    from archive_builder.render.downloads import addressed
    from archive_builder.render.export import export_json

    config = _config(root)
    result = read_archive(config, _sources(config, sources), write=False)  # read-only: the index and caches stay as they are
    archive, _ = addressed(result.archive, result.sources_dir)
    text = export_json(archive)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _sources(config: Config, given: Path | None) -> Path:
    """The folder of documents to read: the one named, else the one the last build read, else sources/."""
    from archive_builder.sources.folder import sources_folder

    folder, note = sources_folder(config, given)
    if note:
        click.echo(f"NOTE: {note}", err=True)
    return folder


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


@main.command("search")
@click.argument("query", nargs=-1)
@ROOT_OPTION
@click.option("--committee", help="A committee's id or any of its names.")
@click.option("--from", "date_from", help="From this date (2018-01-01, 1 January 2018, 2018-01 or 2018).")
@click.option("--to", "date_to", help="Up to this date, included.")
@click.option("--kind", help="meeting, item, resolution (or decision), document; or a document kind: agenda, minutes, report.")
@click.option("--person", help="Someone present, moving, seconding or declaring, by any part of their name.")
@click.option("--status", help="An outcome (carried, lost, noted...), an action status (open, followed-up, overdue) or a meeting status.")
@click.option("--limit", default=10, show_default=True, type=int, help="How many results to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def search_command(query, root, committee, date_from, date_to, kind, person, status, limit, as_json) -> None:
    """Search the archive's decisions, items, meetings and documents.

    Words are matched stemmed ("benchmarking" finds "benchmark"); "quoted phrases" exactly;
    identifiers as written (24/00096, R2024-017, 68/18, minute 288). Fields work in the query too:
    committee:cabinet year:2025 kind:resolution status:overdue."""
    import json

    from search.index import IndexMissing
    from search.query import Filters, QueryError, read_date, read_kind, read_status
    from search.searching import search

    config = _config(root)
    index_dir = config.state_dir / "index"
    if not index_dir.is_dir():
        raise click.ClickException(f"no search index in {config.root}: run `archive build --root {config.root}` first")
    try:
        filters = Filters(
            committee=committee,
            kind=read_kind(kind) if kind else None,
            person=person,
            status=read_status(status) if status else None,
            date_from=read_date(date_from, "from") if date_from else None,
            date_to=read_date(date_to, "to") if date_to else None,
        )
        outcome = search(index_dir, " ".join(query), filters, limit)
    except (QueryError, IndexMissing) as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(outcome.as_dict(), indent=1, ensure_ascii=False))
        return
    _echo_outcome(outcome)


def _echo_outcome(outcome) -> None:
    described = ", ".join(f"{key.replace('date_', '')}: {value}" for key, value in outcome.filters.items())
    searched = f' for "{outcome.query}"' if outcome.query.strip() else ""
    heading = f'{outcome.total} result{"s" if outcome.total != 1 else ""}{searched}' + (f" ({described})" if described else "")
    click.echo(heading)
    for word in outcome.unknown_words:
        close = outcome.suggestions.get(word)
        click.echo(f'No entry contains "{word}".' + (f" Did you mean: {', '.join(close)}?" if close else ""))
    if not outcome.results and not outcome.unknown_words:
        close = [f'"{w}" -> {", ".join(s)}' for w, s in outcome.suggestions.items()]
        click.echo("Nothing matches all of that." + (f" Close terms: {'; '.join(close)}." if close else " Try fewer words or filters."))
    for number, result in enumerate(outcome.results, 1):
        click.echo("")
        click.echo(f"{number}. {result.context or result.title} [{result.kind}]")
        if result.snippet:
            click.echo(f"   {result.snippet}")
        click.echo(f"   {result.url}")
