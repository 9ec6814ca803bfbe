"""The build as a list of steps: each a function of the model that returns what it made and leaves
what it was given as it was; the folders in the order of the data flow; one vocabulary of kinds and
statuses, the export schema's."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

from archive_builder.assemble.meetings import assemble
from archive_builder.build import Steps, read_archive
from archive_builder.config import Config
from archive_builder.extract import extract
from archive_builder.link import certain_links, possibly_related, similarity_of
from archive_builder.model import (
    ActionStatus,
    Archive,
    AttendanceStatus,
    DocumentFacts,
    DocumentKind,
    LinkKind,
    MeetingStatus,
    Outcome,
    Role,
)
from archive_builder.parse import parse_extraction
from archive_builder.render import render_site
from archive_builder.render.export import export_data
from archive_builder.sources.discover import survey
from archive_builder.sources.withheld import withhold_exempt
from search import IndexTerms, update_index

PROJECT = Path(__file__).resolve().parent.parent
SCHEMA = PROJECT.parent / "shared" / "schema" / "archive-export.schema.json"
sys.path.insert(0, str(PROJECT / "benchmarks"))
from import_graph import against_the_flow, module_graph, stage_graph  # noqa: E402


@pytest.fixture(scope="module")
def parsed(tmp_path_factory) -> tuple[list[DocumentFacts], Config]:
    """The demo archive's documents, read."""
    config = Config(root=tmp_path_factory.mktemp("steps"), site_name="Steps")
    return [fact for source in survey(PROJECT / "sources").files
            for fact in parse_extraction(extract(source.path, source.source), source.document_id, words=config.words)], config


@pytest.fixture(scope="module")
def assembled(parsed) -> tuple[Archive, Config]:
    """The demo archive, assembled, not yet linked."""
    facts, config = parsed
    return assemble(facts, config), config


def test_assembling_and_withholding_leave_the_documents_facts_as_they_were(parsed):
    facts, config = parsed
    before = copy.deepcopy(facts)
    assert assemble(facts, config).meetings
    withhold_exempt(facts)
    assert facts == before


def test_linking_returns_a_new_archive_and_leaves_the_one_given_as_it_was(assembled, tmp_path):
    archive, _ = assembled
    before = copy.deepcopy(archive)
    similarity = similarity_of(archive)
    linked = certain_links(archive, similarity)
    assert archive == before
    assert linked.series and not archive.series
    assert any(item.series for meeting in linked.meetings for item in meeting.items)
    assert not any(item.series for meeting in archive.meetings for item in meeting.items)
    statuses = {a.status for m in linked.meetings for i in m.items for r in i.resolutions for a in r.actions}
    assert ActionStatus.FOLLOWED_UP in statuses  # the cycle path's action is answered
    assert {link.kind for link in linked.links} > {link.kind for link in archive.links}

    update_index(linked, tmp_path / "index")
    unrelated = copy.deepcopy(linked)
    related = possibly_related(linked, similarity, IndexTerms(tmp_path / "index"))
    assert linked == unrelated
    assert len(related.links) >= len(linked.links)


def test_rendering_leaves_the_archive_as_it_was_and_gives_back_the_one_the_pages_show(assembled, tmp_path):
    archive, config = assembled
    linked = certain_links(archive, similarity_of(archive))
    before = copy.deepcopy(linked)
    files = render_site(linked, Config(root=tmp_path, site_name="Steps"), PROJECT / "sources")
    assert linked == before
    assert not any(d.download for d in linked.documents) and not linked.meetings[-1].url
    assert any(d.download for d in files.archive.documents)
    assert files.archive.meetings[-1].url.startswith("meetings/")


def test_the_steps_are_timed_where_they_run():
    steps = Steps()
    assert steps.run("double", lambda n: 2 * n, 21) == 42
    timed = steps.timed("double", lambda n: 2 * n)
    assert [timed(1), timed(2)] == [2, 4]
    assert set(steps.timings) == {"extract", "parse", "double"} and steps.timings["double"] > 0


def test_a_read_gives_the_steps_timings_and_the_same_archive_twice(tmp_path):
    config = Config(root=tmp_path, site_name="Steps")
    first = read_archive(config, PROJECT / "sources", write=False)
    second = read_archive(config, PROJECT / "sources", write=False)
    assert {"extract", "parse", "assemble", "link", "index"} <= set(first.timings)
    assert json.dumps(export_data(first.archive)) == json.dumps(export_data(second.archive))


def test_every_stage_imports_only_the_stages_before_it_and_never_the_incremental_machinery():
    stages = stage_graph(module_graph())
    assert against_the_flow(stages) == []
    assert "archive_builder.incremental" not in stages["archive_builder.link"]
    assert "archive_builder.search" not in stages and stages["search"] <= {
        "archive_builder.model", "archive_builder.dates", "archive_builder.slugs"}


def test_the_kinds_and_statuses_are_the_export_schemas():
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is missing (../shared beside the project)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"]
    meeting = schema["meetings"]["items"]["properties"]
    attendee = meeting["attendance"]["items"]["properties"]
    resolution = meeting["items"]["items"]["properties"]["resolutions"]["items"]["properties"]
    vocabulary = {
        MeetingStatus: meeting["status"], AttendanceStatus: attendee["status"], Role: attendee["role"],
        Outcome: resolution["outcome"], ActionStatus: resolution["actions"]["items"]["properties"]["status"],
        DocumentKind: schema["documents"]["items"]["properties"]["kind"], LinkKind: schema["links"]["items"]["properties"]["kind"],
    }
    for enum, allowed in vocabulary.items():
        assert [member.value for member in enum] == allowed["enum"], enum.__name__
