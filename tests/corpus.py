"""The real council documents in ../shared/corpus, read by the builder as a clerk's archive would."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from archive_builder.build import read_archive
from archive_builder.config import Config
from archive_builder.render.downloads import addressed
from archive_builder.render.export import export_data

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"
SCHEMA = PROJECT.parent / "shared" / "schema" / "archive-export.schema.json"


def corpus_folder(name: str) -> Path:
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"the real documents are not here: {folder} is missing (../shared/corpus beside the project)")
    return folder


@cache
def _export(name: str, state: str) -> str:
    folder = corpus_folder(name)
    config = Config(root=Path(state), site_name=f"{name} test archive")
    result = read_archive(config, folder)
    archive, _ = addressed(result.archive, folder)
    return json.dumps(export_data(archive))


def export_of(name: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The open-data export of an archive built from one corpus folder (built once per session)."""
    state = tmp_path_factory.getbasetemp() / f"corpus-{name}"
    state.mkdir(exist_ok=True)
    return json.loads(_export(name, str(state)))


def schema() -> dict:
    if not SCHEMA.exists():
        pytest.skip(f"the export schema is not here: {SCHEMA} is missing")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def meeting(export: dict, meeting_id: str) -> dict:
    found = [m for m in export["meetings"] if m["id"] == meeting_id]
    assert found, f"no meeting {meeting_id}; meetings are {[m['id'] for m in export['meetings']]}"
    return found[0]


def item(meeting_data: dict, number: str) -> dict:
    found = [i for i in meeting_data["items"] if number in (i["number"], i["minute_number"])]
    assert found, f"no item {number} in {meeting_data['id']}: {[(i['number'], i['minute_number']) for i in meeting_data['items']]}"
    return found[0]


def links(export: dict, kind: str | None = None) -> list[dict]:
    return [link for link in export["links"] if kind is None or link["kind"] == kind]


def index_of(name: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Whoosh index of an archive built from one corpus folder (built with its export)."""
    export_of(name, tmp_path_factory)
    return tmp_path_factory.getbasetemp() / f"corpus-{name}" / ".archive" / "index"
