"""One person whatever form their name takes, and never two people merged because they share a surname."""

from __future__ import annotations

from collections import Counter

import pytest
from corpus import export_of


@pytest.fixture(scope="module")
def kent(tmp_path_factory):
    return export_of("kent-moderngov", tmp_path_factory)


def attendance_of(export: dict, person: str) -> list[tuple[str, str, str]]:
    return [(m["id"], a["status"], a["name"]) for m in export["meetings"] for a in m["attendance"] if a["person"] == person]


def person_named(export: dict, printed: str, meeting_id: str) -> str:
    meeting = next(m for m in export["meetings"] if m["id"] == meeting_id)
    return next(a["person"] for a in meeting["attendance"] if a["name"] == printed)


def test_every_attendee_is_someone(kent):
    assert all(a["person"] for m in kent["meetings"] for a in m["attendance"])


def test_the_chairman_under_every_form_of_his_name(kent):
    sweetland = person_named(kent, "Mr B J Sweetland", "county-council/2025-02-13")
    assert attendance_of(kent, sweetland) == [
        ("county-council/2024-12-19", "present", "Mr B J Sweetland"),
        ("county-council/2025-01-09", "apologies", "Mr Sweetland"),
        ("county-council/2025-02-13", "present", "Mr B J Sweetland"),
        ("county-council/2025-03-13", "present", "Mr B J Sweetland"),
    ]


def test_a_member_across_two_bodies_and_name_forms(kent):
    panel = person_named(kent, "Shellina Prendergast", "corporate-parenting-panel/2024-10-29")
    council = person_named(kent, "Mrs S Prendergast", "county-council/2025-02-13")
    assert panel == council
    counts = Counter(status for _, status, _ in attendance_of(kent, panel))
    assert counts == {"present": 4, "apologies": 1}


def test_initials_and_forename_of_one_person(kent):
    printed = person_named(kent, "Mr P V Barrington-King", "county-council/2024-12-19")
    assert person_named(kent, "Mr Paul Barrington-King", "county-council/2025-02-13") == printed


@pytest.mark.parametrize("one, other", [("Ms J Meade", "Mr J Meade"), ("Mrs P T Cole", "Mr P Cole")])
def test_people_sharing_a_surname_stay_apart(kent, one, other):
    first, second = person_named(kent, one, "county-council/2025-02-13"), person_named(kent, other, "county-council/2025-02-13")
    assert first != second
    assert len(attendance_of(kent, first)) == len(attendance_of(kent, second)) == 4
    names = {p["id"]: p for p in kent["people"]}
    assert other not in names[first]["aliases"] and one not in names[second]["aliases"]


def test_a_short_form_goes_to_the_right_one_of_two(kent):
    january = next(m for m in kent["meetings"] if m["id"] == "county-council/2025-01-09")
    apology = next(a for a in january["attendance"] if a["name"] == "Mr Meade")
    assert apology["person"] == person_named(kent, "Mr J Meade", "county-council/2025-02-13")


@pytest.mark.parametrize("folder, printed, person", [
    ("stoke-ferry-parish", "Cllr Shirley Cordner", "Shirley Cordner"),  # "... due to illness": the reason, not the name
    ("north-star-township", "Marv", "Marv"),  # "Also present were guests Marv ...": the category, not the name
    ("ayton-community-council", "CPO Suzanne Jacobs", "Suzanne Jacobs"),  # "... One member of the public": the next column
])
def test_what_is_printed_with_a_name_is_not_part_of_it(tmp_path_factory, folder, printed, person):
    export = export_of(folder, tmp_path_factory)
    names = {p["name"] for p in export["people"]}
    assert person in names and not any(n.startswith(person) and n != person for n in names)
    assert printed in {a["name"] for m in export["meetings"] for a in m["attendance"]}
    assert not [p for p in export["people"] if p["name"] in ("Chair", "Clerk", "the Clerk")]  # a post names no one
