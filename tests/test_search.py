"""Searching the archive with Whoosh, as a councillor asks: each query of the table must bring back the
expected entry first (or among the first), and bad queries get a clear message, never a traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from corpus import index_of

from archive_builder.cli import main
from search.query import Filters, QueryError, read_date
from search.searching import search

SEEDS = [
    # (query, filters, the id expected first)
    ("datacentre link", {}, "joint-ict-committee/2018-10-16/6/r2a"),
    ('"letter be sent"', {}, "joint-ict-committee/2018-10-16/6/r2a"),
    ("benchmark", {"kind": "resolution"}, "joint-ict-committee/2018-10-16/6/r2b"),  # stemmed: finds "benchmarking"
    ("benchmarking options", {}, "joint-ict-committee/2018-10-16/6/r2b"),
    ("update report", {"date_from": "2019-01-01"}, "joint-ict-committee/2019-03-05/6"),
    ("appointed as chair", {"kind": "resolution"}, "joint-ict-committee/2018-10-16/1/r1"),
    ("minute 10", {"kind": "item"}, "joint-ict-committee/2018-10-16/10"),
    ("", {"person": "Paschoud", "kind": "meeting"}, "joint-ict-committee/2018-10-16"),
    ("letter", {"committee": "Joint ICT Committee", "date_from": "2018-01-01", "date_to": "2018-12-31"}, "joint-ict-committee/2018-10-16/6/r2a"),
    ("", {"status": "scheduled"}, "joint-ict-committee/2019-03-05"),
]
KENT = [
    ("minute 288", {}, "county-council/2025-02-13/3"),
    ("24/00096", {"kind": "item"}, "cabinet/2025-01-30/9"),
    ('"Family Farm Tax"', {"kind": "item"}, "county-council/2024-12-19/12"),
    ("LEVI capital", {"kind": "resolution"}, "county-council/2025-02-13/6/r15"),
    ("devolution", {"committee": "cabinet", "kind": "item"}, "cabinet/2025-01-09/8"),
    ("revenue budget monitoring", {"committee": "cabinet", "date_from": "2025-01-15"}, "cabinet/2025-01-30/5"),
    ("", {"person": "Oakford", "kind": "resolution", "date_to": "2025-02-28"}, "county-council/2025-02-13/5/r4"),
    ("", {"status": "lost", "date_from": "2025-02-01", "date_to": "2025-02-28"}, "county-council/2025-02-13/6/r7"),
    ("corporate parenting minutes", {"committee": "county-council", "kind": "item", "date_from": "2025-03-01"}, "county-council/2025-03-13/4"),
]


def _filters(values: dict) -> Filters:
    filters = Filters(**{k: v for k, v in values.items() if not k.startswith("date_")})
    if "date_from" in values:
        filters.date_from = read_date(values["date_from"], "from")
    if "date_to" in values:
        filters.date_to = read_date(values["date_to"], "to")
    return filters


@pytest.mark.parametrize("query, filters, expected", SEEDS)
def test_seed_queries(tmp_path_factory, query, filters, expected):
    outcome = search(index_of("seeds", tmp_path_factory), query, _filters(filters), limit=5)
    assert outcome.results, outcome
    assert outcome.results[0].id == expected, [r.id for r in outcome.results]


@pytest.mark.parametrize("query, filters, expected", KENT)
def test_kent_queries(tmp_path_factory, query, filters, expected):
    outcome = search(index_of("kent-moderngov", tmp_path_factory), query, _filters(filters), limit=5)
    assert expected in [r.id for r in outcome.results[:3]], [r.id for r in outcome.results]


def test_a_result_shows_where_it_is_and_its_address(tmp_path_factory):
    result = search(index_of("seeds", tmp_path_factory), "datacentre link", Filters(), limit=1).results[0]
    assert result.context.startswith("Joint Committee of the London Boroughs of Brent, Lewisham and Southwark, 2018-10-16, item 6")
    assert result.url == "/meetings/joint-ict-committee/2018-10-16/#item-6-r2a"
    assert "**datacentres**" in result.snippet and "**links**" in result.snippet
    assert (result.committee, result.date, result.kind) == ("joint-ict-committee", "2018-10-16", "resolution")


def test_a_phrase_matches_exactly_not_stemmed(tmp_path_factory):
    index = index_of("seeds", tmp_path_factory)
    assert search(index, '"benchmarking options"', Filters(), limit=5).results
    assert not search(index, '"benchmark option"', Filters(), limit=5).results


def test_identifiers_are_found_as_written(tmp_path_factory):
    index = index_of("stoke-ferry-parish", tmp_path_factory)
    result = search(index, "68/18", Filters(kind="item"), limit=1).results[0]
    assert result.id == "stoke-ferry-parish-council/2018-04-04/68-18"


def test_a_typo_says_so_and_suggests_close_terms(tmp_path_factory):
    outcome = search(index_of("seeds", tmp_path_factory), "benchmarkng", Filters(), limit=5)
    assert outcome.results == []
    assert outcome.unknown_words == ["benchmarkng"]
    assert "benchmarking" in outcome.suggestions["benchmarkng"]


def test_no_results_are_reported_plainly(tmp_path_factory):
    outcome = search(index_of("seeds", tmp_path_factory), "zeppelin", Filters(), limit=5)
    assert (outcome.total, outcome.results, outcome.unknown_words) == (0, [], ["zeppelin"])


@pytest.mark.parametrize(
    "query, message",
    [
        ('"unbalanced quote', "unbalanced quotation marks"),
        ("colour:blue", "unknown field 'colour:'"),
        ("year:twenty", "is not a year"),
        ("from:someday letter", "is not a date"),
        ("kind:minute-book", "is not a kind"),
        ("status:pending", "is not a status"),
    ],
)
def test_bad_queries_raise_clear_errors(tmp_path_factory, query, message):
    with pytest.raises(QueryError, match=message):
        search(index_of("seeds", tmp_path_factory), query, Filters(), limit=5)


@pytest.fixture(scope="module")
def seeds_archive(tmp_path_factory):
    from corpus import corpus_folder

    root = tmp_path_factory.mktemp("search-cli")
    CliRunner().invoke(main, ["init", str(root)])
    CliRunner().invoke(main, ["build", "--root", str(root), "--sources", str(corpus_folder("seeds")), "--no-publish"])
    return root


def test_the_command_prints_results_with_addresses(seeds_archive):
    result = CliRunner().invoke(main, ["search", "datacentre", "link", "--root", str(seeds_archive), "--limit", "2"])
    assert result.exit_code == 0
    assert result.output.startswith('4 results for "datacentre link"')
    assert "/meetings/joint-ict-committee/2018-10-16/#item-6-r2a" in result.output


def test_the_command_prints_json(seeds_archive):
    result = CliRunner().invoke(main, ["search", "letter", "--root", str(seeds_archive), "--kind", "resolution", "--json"])
    data = json.loads(result.output)
    assert data["total"] == 1 and data["results"][0]["id"] == "joint-ict-committee/2018-10-16/6/r2a"


@pytest.mark.parametrize(
    "args, message",
    [
        (["letter", "--from", "31 February 2018"], "is not a date"),
        (["letter", "--kind", "motion"], "is not a kind"),
        (['"open quote'], "unbalanced quotation marks"),
        (["letter", "--limit", "0"], "--limit must be 1 or more"),
    ],
)
def test_the_command_reports_bad_queries_without_a_traceback(seeds_archive, args, message):
    result = CliRunner().invoke(main, ["search", *args, "--root", str(seeds_archive)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_the_command_suggests_close_terms(seeds_archive):
    result = CliRunner().invoke(main, ["search", "datacenter", "--root", str(seeds_archive)])
    assert 'No entry contains "datacenter". Did you mean: datacentres, datacentre?' in result.output


def test_an_item_taken_in_private_is_found_by_its_title_alone(demo_site):
    """Its title is public, its text is not indexed: the result shows where it is, with no snippet of it."""
    outcome = search(demo_site.root / ".archive" / "index", "depot lease renewal", Filters(kind="item"))
    first = outcome.results[0]
    assert first.title == "Wharf Lane Depot: Lease Renewal"
    assert "CONFIDENTIAL-DEMO-TEXT" not in json.dumps(outcome.as_dict())


def test_an_entry_without_a_date_is_found_and_comes_after_the_dated(tmp_path):
    """A document with no date anywhere is still searchable; a date range leaves it out."""
    from archive_builder.build import read_archive
    from archive_builder.config import Config

    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "undated-note.txt").write_text("A note about the harbour wall repairs.\n", encoding="utf-8")
    (sources / "2024-05-01_harbour-board_minutes.txt").write_text(
        "HARBOUR BOARD\nMinutes of the meeting held on 1 May 2024\n1. Harbour wall\nRESOLVED that the harbour wall repairs proceed.\n",
        encoding="utf-8")
    read_archive(Config(root=tmp_path), sources)
    index_dir = tmp_path / ".archive" / "index"
    found = search(index_dir, "harbour wall repairs", limit=20)
    dates = [r.date for r in found.results]
    assert None in dates and dates.index(None) == len(dates) - 1
    assert None not in [r.date for r in search(index_dir, "harbour wall", Filters(date_from=read_date("2024")), limit=20).results]


def test_an_index_written_by_two_processes_answers_as_one_written_by_one_and_updates_in_place(tmp_path, monkeypatch):
    """A large new index is written by two processes at once; it must find the same things, in the same
    order, and a later rebuild must still update it entry by entry."""
    from corpus import corpus_folder

    import search.index as search_index
    from archive_builder.build import read_archive
    from archive_builder.config import Config

    archive = read_archive(Config(root=tmp_path / "one"), corpus_folder("kent-moderngov"), index=False).archive
    one, two = tmp_path / "one-writer", tmp_path / "two-writers"
    search_index.update_index(archive, one)
    monkeypatch.setattr(search_index, "PARALLEL_FROM", 1)
    written = search_index.update_index(archive, two)
    assert written.added == search_index.update_index(archive, one).unchanged > 100
    with search_index.open_index(two).reader() as reader:
        assert len(list(reader.leaf_readers())) == 2  # a segment from each process
    for query, filters, _ in KENT:
        assert ([r.id for r in search(two, query, _filters(filters), limit=10).results]
                == [r.id for r in search(one, query, _filters(filters), limit=10).results]), query

    meeting = next(m for m in archive.meetings if m.items)
    meeting.items[0].title = "Harbour dredging contract"
    again = search_index.update_index(archive, two)
    assert again.updated >= 1 and (again.added, again.removed) == (0, 0)
    assert search(two, "harbour dredging", limit=1).results[0].id == meeting.items[0].id
    with search_index.open_index(two).searcher() as searcher:
        assert searcher.doc_count() == written.added  # replaced, not added beside the old entry


def test_an_update_trusts_its_record_of_the_entries_only_for_the_index_it_was_made_for(tmp_path, monkeypatch):
    """An update reads each entry's digest from the record the last update left, not from every stored
    entry; an index made anew in the same folder (deleted by hand, or of other fields) is read, and
    filled again, whatever the record says."""
    import shutil

    from corpus import corpus_folder

    import search.index as search_index
    from archive_builder.build import read_archive
    from archive_builder.config import Config

    archive = read_archive(Config(root=tmp_path / "one"), corpus_folder("kent-moderngov"), index=False).archive
    index_dir = tmp_path / "index"
    entries = search_index.update_index(archive, index_dir).added
    assert entries > 100 and (index_dir / search_index.DIGESTS_FILE).is_file()

    read_stored = []
    indexed_digests = search_index._indexed_digests
    monkeypatch.setattr(search_index, "_indexed_digests", lambda index: read_stored.append(1) or indexed_digests(index))
    assert search_index.update_index(archive, index_dir).unchanged == entries
    assert read_stored == []  # the record was enough

    record = (index_dir / search_index.DIGESTS_FILE).read_bytes()
    shutil.rmtree(index_dir)
    index_dir.mkdir()
    (index_dir / search_index.DIGESTS_FILE).write_bytes(record)  # a record left beside an index made anew
    again = search_index.update_index(archive, index_dir)
    assert read_stored == [1] and again.added == entries
    assert search(index_dir, "highways", limit=1).results
