"""A council's whole archive, generated the way real ones are published (benchmarks/long_archive.py):
Markdown in folders named after each meeting, names past 200 characters, minutes filed under the
meeting that approved them, one body printed under several names, a body with no word like
"Committee" in its name, councillors printed in full, by initial and by surname alone, two of one
surname, officials with their posts, venues and purposes beside the body's name. The build must
find exactly the bodies, people and meetings the generator wrote, and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from clerk_archive import archive, new_archive

from archive_builder.assemble.meetings import name_key

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from long_archive import generate  # noqa: E402

MEETINGS = 90  # about two years: ordinary, special, annual, budget and online meetings of six bodies


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = new_archive(tmp_path_factory.mktemp("long") / "archive", {})
    expected = generate(root / "sources", MEETINGS)
    run = archive(root, "build")
    assert run.exit_code == 0, run.stderr
    return run, expected


def _body_of(committee: dict, expected) -> str:
    """The generated body whose names are all the committee's names (a committee with a name that
    no body was printed under fails)."""
    names = {name_key(n) for n in [committee["name"], *committee["aliases"]]}
    bodies = [body for body, printed in expected.committees.items() if names <= {name_key(p) for p in printed}]
    assert len(bodies) == 1, (committee["name"], committee["aliases"])
    return bodies[0]


def test_every_body_is_one_committee_under_all_its_names(built):
    run, expected = built
    committees = run.export["committees"]
    assert sorted(_body_of(c, expected) for c in committees) == sorted(expected.committees)
    for committee in committees:
        printed = {name_key(n) for n in [committee["name"], *committee["aliases"]]}
        assert printed == {name_key(n) for n in expected.committees[_body_of(committee, expected)]}


def test_every_meeting_is_found_with_its_body_and_kind(built):
    run, expected = built
    body = {c["id"]: _body_of(c, expected) for c in run.export["committees"]}
    found = sorted((m["date"], body[m["committee"]], (m["title"] or "").removesuffix(" Meeting"))
                   for m in run.export["meetings"])
    assert found == sorted(expected.sittings)


def test_every_councillor_and_official_is_one_person(built):
    run, expected = built
    people = run.export["people"]
    assert sorted(p["name"] for p in people) == sorted(expected.people)
    sheahans = [p for p in people if p["name"].endswith("Sheahan")]
    for person in sheahans:  # two of one surname: each keeps only the forms with their own initial
        assert all(alias.split()[-2][0] == person["name"][0] for alias in person["aliases"]), person


def test_the_clerk_is_told_every_minutes_was_read_whole(built):
    run, expected = built
    coverage = run.export["coverage"]
    assert coverage["minutes"] == expected.minutes
    assert coverage["minutes_with_members_present"] == coverage["minutes_with_a_decision"] == expected.minutes
    assert coverage["minutes_approving_earlier_minutes"] == expected.approvals
    assert coverage["files_with_committee_from_text"] == coverage["files_with_date_from_text"] == coverage["files"]
    assert "ERROR" not in run.report


def test_long_names_give_bounded_addresses(built):
    run, _ = built
    sources = [p for p in (run.root / "sources").rglob("*") if p.is_file()]
    assert max(len(p.name) for p in sources) > 200 and max(len(str(p.relative_to(run.root))) for p in sources) > 400
    for document in run.export["documents"]:
        assert len(document["id"]) <= 122 and len(document["url"]) <= 160, document["id"]
    for path in (run.root / "site").rglob("*"):
        assert len(path.name.encode()) <= 255
