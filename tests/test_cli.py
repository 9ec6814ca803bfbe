"""The `archive` command as a clerk uses it: init, build, export."""

from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner
from corpus import corpus_folder, schema

from archive_builder.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_init_creates_a_new_archive(tmp_path):
    root = tmp_path / "planning"
    result = run("init", str(root), "--site-name", "Planning decisions")
    assert result.exit_code == 0, result.output
    assert (root / "sources").is_dir()
    assert "site_name: Planning decisions" in (root / "archive.yml").read_text()
    mkdocs = (root / "mkdocs.yml").read_text()
    assert "name: material" in mkdocs and "Planning decisions" in mkdocs
    home = (root / "docs" / "index.md").read_text()
    assert "generated: true" in home


def test_init_refuses_an_existing_archive(tmp_path):
    run("init", str(tmp_path))
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code != 0
    assert "already" in result.output


def test_build_without_publishing_writes_pages_only(tmp_path):
    run("init", str(tmp_path))
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--sources", str(corpus_folder("seeds")), "--no-publish"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "docs" / "meetings" / "joint-ict-committee" / "2018-10-16" / "index.md").exists()
    assert not (tmp_path / "site").exists()


def test_export_prints_the_archive_as_json_valid_against_the_schema(tmp_path):
    run("init", str(tmp_path))
    result = CliRunner().invoke(main, ["export", "--root", str(tmp_path), "--sources", str(corpus_folder("seeds")), "--format", "json"])
    assert result.exit_code == 0
    export = json.loads(result.stdout)
    jsonschema.validate(export, schema())
    assert len(export["meetings"]) == 3


def test_export_to_a_file(tmp_path):
    run("init", str(tmp_path))
    target = tmp_path / "out.json"
    CliRunner().invoke(main, ["export", "--root", str(tmp_path), "--sources", str(corpus_folder("seeds")), "-o", str(target)])
    assert json.loads(target.read_text())["schema_version"] == "1"


def test_a_folder_that_is_not_an_archive_gets_a_clear_message(tmp_path):
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code != 0
    assert "archive init" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_setting_is_reported_not_ignored(tmp_path):
    run("init", str(tmp_path))
    config = tmp_path / "archive.yml"
    config.write_text(config.read_text() + "colour: blue\n")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code != 0
    assert "unknown setting(s) colour" in result.output


def test_configured_committees_name_the_archive(tmp_path):
    run("init", str(tmp_path))
    (tmp_path / "archive.yml").write_text(
        "site_name: Shared ICT\ncommittees:\n  - id: shared-ict\n    name: Joint ICT Committee\n"
        "    aliases: [Joint Committee of the London Boroughs of Brent, Lewisham and Southwark]\n"
    )
    result = CliRunner().invoke(main, ["export", "--root", str(tmp_path), "--sources", str(corpus_folder("seeds"))])
    export = json.loads(result.stdout)
    assert [(c["id"], c["name"]) for c in export["committees"]] == [("shared-ict", "Joint ICT Committee")]
    assert {m["id"] for m in export["meetings"]} == {"shared-ict/2018-07-04", "shared-ict/2018-10-16", "shared-ict/2019-03-05"}


def test_the_commands_after_a_build_with_sources_read_that_folder(tmp_path):
    """`build --sources DIR`, then `export`, `check` and `search` without it: the same archive, and
    export and check write nothing (the search finds what it found before)."""
    from clerk_archive import archive, minutes, new_archive

    root = new_archive(tmp_path / "archive", {})
    elsewhere = tmp_path / "council-archive"
    elsewhere.mkdir()
    (elsewhere / "2025-03-04_minutes.txt").write_text(minutes(), encoding="utf-8")
    assert archive(root, "build", "--no-publish", "--sources", str(elsewhere)).exit_code == 0
    found = archive(root, "search", "footbridge").stdout
    assert "footbridge" in found.lower()

    exported = archive(root, "export")
    assert [m["date"] for m in json.loads(exported.stdout)["meetings"]] == ["2025-03-04"]
    assert f"reading the documents from {elsewhere}" in exported.stderr
    checked = archive(root, "check")
    assert checked.exit_code == 0 and "2025-03-04_minutes.txt" in checked.stdout
    assert archive(root, "search", "footbridge").stdout == found

    rebuilt = archive(root, "build", "--no-publish")  # not emptied for want of --sources
    assert rebuilt.exit_code == 0 and (root / "docs" / "meetings" / "planning-committee" / "2025-03-04" / "index.md").exists()
    # back to the archive's own folder once a build is told so
    assert archive(root, "build", "--no-publish", "--sources", str(root / "sources")).exit_code == 0
    assert "reading the documents from" not in archive(root, "export").stderr
