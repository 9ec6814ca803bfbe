"""Business taken in private is never published, however a council heads it: in any case, with extra
words, as a section of minutes or of an agenda, as an item's title, as the record of the public's
exclusion, or in words the clerk adds in archive.yml. A canary word under each form is looked for in
every byte the build publishes: the site and its downloads, docs/, the export, the spreadsheets, the
feeds and calendars, the Pagefind index (decompressed) and the Whoosh index. What is public around
it, and the motion that excludes the public, stay published; the report says what was withheld and why.
"""

from __future__ import annotations

import gzip
import json

import pytest
from clerk_archive import archive, new_archive

from archive_builder.model import Line
from archive_builder.parse.private import heading, movement, private_business, title_marking

# The headings of private business, as councils print them (issue 18), and more of every country's.
FORMS = [
    "Part 2", "Part II", "Part B", "Exempt Items", "EXEMPT ITEMS:", "EXEMPT ITEM", "Confidential Items",
    "Private Business", "Closed Session", "EXEMPT INFORMATION", "Part 2 (Exempt Items)", "part two - items not for publication",
    "Exclusion of the Press and Public", "IN CAMERA", "Items to be considered in private", "**Confidential Business**",
    "Matters to be considered in closed session under s.239(2) of the Municipal Act",
    "Executive Session", "Schedule 12A items", "PUBLIC EXCLUDED BUSINESS",
]
LAYOUTS = ("heading-then-item", "heading-then-text", "item-titled")
PUBLIC = "RESOLVED that the footbridge repairs be approved."


def _canary(number: int, layout: str) -> str:
    return f"canary{chr(97 + number % 26)}{chr(97 + number // 26)}{layout.split('-')[0]}zq"


def _minutes(form: str, layout: str, canary: str, date: str) -> str:
    head = (
        f"PLANNING COMMITTEE\n\nMINUTES of a meeting of the Planning Committee held on {date} at 7.00 pm at the Town Hall\n\n"
        "PRESENT: Councillor Ann Example (Chair), Councillor Bob Smiht and Councillor Carol Test\n\n"
        "1. Apologies for absence\n\nApologies were received from Councillor Dan Other.\n\n"
        f"2. Riverside footbridge\n\n{PUBLIC}\n\n"
    )
    private = f"The committee considered the offer of {canary} for the depot.\n\nRESOLVED that the {canary} offer be accepted.\n"
    if layout == "heading-then-item":
        return head + f"{form}\n\n3. Disposal of the depot\n\n{private}"
    if layout == "heading-then-text":
        return head + f"{form}\n\n{private}"
    return head + f"3. {form}\n\n{private}"


def _agenda(canary: str) -> str:
    return (
        "PLANNING COMMITTEE\n\nAGENDA for a meeting of the Planning Committee to be held on Tuesday 2 December 2025 "
        "at 7.00 pm at the Town Hall\n\nPart 1\n\n1. Apologies for absence\n\n2. Minutes of the previous meeting\n\n"
        "To approve the minutes of the meeting held on 4 November 2025.\n\n"
        f"Part 2\n\n3. Disposal of the depot\n\nTo consider the offer received from {canary}.\n"
    )


def _sources() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    files, canaries = {}, {}
    number = 0
    for _form_number, form in enumerate(FORMS):
        for layout in LAYOUTS:
            canary = _canary(number, layout)
            day = 1 + number % 28
            month = 1 + number // 28
            name = f"2025-{month:02d}-{day:02d}_minutes.txt"
            files[name] = _minutes(form, layout, canary, f"{day} {_MONTHS[month - 1]} 2025")
            canaries[canary] = (name, f"{form!r} ({layout})")
            number += 1
    canary = "canaryagendapartzq"
    files["2025-12-02_agenda.txt"] = _agenda(canary)
    canaries[canary] = ("2025-12-02_agenda.txt", "an agenda's Part 2")
    canary = "canaryclerkwordszq"
    files["2025-12-09_minutes.txt"] = _minutes("Members Only Session", "heading-then-item", canary, "9 December 2025")
    canaries[canary] = ("2025-12-09_minutes.txt", "the clerk's own heading (archive.yml private_headings)")
    return files, canaries


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
FILES, CANARIES = _sources()
SETTINGS = ("site_name: Private business test\nsources: sources\ncommittees: []\nsite_url: https://decisions.example.org/\n"
            "private_headings:\n  - Members only session\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = new_archive(tmp_path_factory.mktemp("private"), FILES, SETTINGS)
    return archive(root, "build")


def _published_bytes(built) -> list[tuple[str, bytes]]:
    """Every file the build publishes or keeps for searching, decompressed where it is compressed."""
    found = []
    for folder in ("site", "docs", ".archive/index"):
        for path in (built.root / folder).rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                if data[:2] == b"\x1f\x8b":  # Pagefind's index and fragments are gzip
                    data = gzip.decompress(data)
                found.append((str(path.relative_to(built.root)), data.lower()))
    found.append(("archive export", archive(built.root, "export").stdout.encode().lower()))
    return found


def test_the_archive_builds(built):
    assert built.exit_code == 0, built.stderr
    assert any(path.startswith("site/pagefind/") for path, _ in _published_bytes(built))


@pytest.mark.parametrize("canary", sorted(CANARIES))
def test_nothing_taken_in_private_is_published_anywhere(built, canary):
    source, form = CANARIES[canary]
    leaks = [path for path, data in _published_bytes(built) if canary.encode() in data]
    assert leaks == [], f"{form} in {source} reached {leaks}"


@pytest.mark.parametrize("canary", sorted(CANARIES))
def test_nothing_taken_in_private_reaches_the_search_index(built, canary):
    from search import open_index

    with open_index(built.root / ".archive" / "index").searcher() as searcher:
        stored = json.dumps(list(searcher.all_stored_fields()), default=str).lower()
        assert canary not in stored
        assert not [t for name in ("text", "title", "exact", "people") for t in searcher.lexicon(name) if canary.encode() in t]
    assert archive(built.root, "search", canary).stdout.startswith("0 results")


def test_what_was_public_around_it_is_published(built):
    meetings = {m["date"]: m for m in built.export["meetings"]}
    for name in FILES:
        if name.endswith("_minutes.txt"):
            meeting = meetings[name[:10]]
            footbridge = next(i for i in meeting["items"] if i["title"] == "Riverside footbridge")
            assert footbridge["exempt"] is False and [r["text"] for r in footbridge["resolutions"]] == [
                "The footbridge repairs be approved."], name
            assert len(meeting["attendance"]) >= 3, name


def test_each_file_says_what_was_withheld_and_why(built):
    section = built.report.split("Withheld from the site", 1)[1].split("\n\n", 1)[0]
    for _canary, (source, form) in CANARIES.items():
        assert f"- {source}: holds the text of business taken in private (" in section, form
    assert "- 2025-01-01_minutes.txt: holds the text of business taken in private (3: under the heading 'Part 2'); " \
           "the original file is not published" in section
    assert "- 2025-01-02_minutes.txt: holds the text of business taken in private (in item 'Riverside footbridge', " \
           "under the heading 'Part 2'); the original file is not published" in section
    assert "- 2025-01-03_minutes.txt: holds the text of business taken in private (3: titled 'Part 2');" in section
    assert "- 2025-12-02_agenda.txt: holds the text of business taken in private (3: under the heading 'Part 2');" in section


def test_private_items_keep_their_number_and_title_only(built):
    agenda = next(m for m in built.export["meetings"] if m["date"] == "2025-12-02")
    assert [(i["number"], i["title"], i["exempt"], i["text"]) for i in agenda["items"]][-1] == (
        "3", "Disposal of the depot", True, "")
    assert next(d for d in built.export["documents"] if d["source"] == "2025-12-02_agenda.txt")["download"] is None


# --- Recognising the words ---------------------------------------------------------------------------


@pytest.mark.parametrize("form", FORMS + ["## Part 2", "B. Part 2 - Exempt", "Members' private session", "CLOSED MEETING"])
def test_every_form_heads_private_business(form):
    assert heading(form) is not None and heading(form).private, form


@pytest.mark.parametrize("form", ["Part 1", "PART I", "UNRESTRICTED ITEMS", "Open Session", "Return to open session",
                                  "Reconvene in Public Session", "Rise and report"])
def test_public_headings_return_to_public_business(form):
    assert heading(form) is not None and not heading(form).private, form


@pytest.mark.parametrize("text", [
    "Local Plan Part 2",  # a plan's part, not a part of the agenda
    "Private Sector Housing Strategy",
    "Confidential Shredding Costs",  # Stoke Ferry's title
    "Public Participation",
    "(During these items the meeting is likely to be open to the public)",  # Kent's note under UNRESTRICTED ITEMS
    "For publication [Do not include information which is exempt from publication under schedule 12a of",  # a form
    "The committee went into closed session to discuss the lease.",  # a sentence: what minutes record
])
def test_words_that_do_not_head_private_business(text):
    assert heading(text) is None


def test_a_line_that_carries_on_a_sentence_is_no_heading():
    # The Denver board's wrapped motion: "... made the motion to adjourn" / "into Executive Session."
    assert heading("into Executive Session.", previous="Director Nicholson made the motion to adjourn") is None
    assert heading("Executive Session", previous="III.") is not None


@pytest.mark.parametrize("title, marking", [
    ("Sale of the depot (exempt)", "item"), ("Confidential: staffing review", "item"), ("Exempt report - land at Mill Lane", "item"),
    ("Lease of unit 4 (paragraph 3, Schedule 12A)", "item"), ("Staffing matter - in camera", "item"),
    ("Exclusion of the Press and Public (if required)", "section"), ("Part 2 - Exempt Items", "section"),
    ("Closed Session", "session"), ("Executive Session", "session"), ("Return to open session", "public"),
    ("Private Sector Housing", None), ("Confidential Shredding Costs", None), ("Riverside footbridge", None),
])
def test_how_an_items_title_marks_it(title, marking):
    assert title_marking(title) == marking


@pytest.mark.parametrize("text, moved", [
    ("RESOLVED that under Section 100A(4) the public be excluded from the meeting for the following items", "enters"),
    ("THAT Council proceed into closed session at 8:05 p.m. pursuant to s.239(2)(b). Carried.", "enters"),
    ("The Board went into executive session at 8:00 pm.", "enters"),
    ("THAT Council rise from closed session. Carried.", "leaves"),
    ("The meeting reconvened in open session at 9:10 pm.", "leaves"),
    ("Director Nicholson made the motion to adjourn into Executive Session. The Executive Session was adjourned at 5:16 p.m.", "leaves"),
    ("No items were identified for consideration that required the exclusion of the press and public.", None),
    ("There was no need to go into closed session.", None),
])
def test_what_minutes_record_of_the_publics_exclusion(text, moved):
    assert movement(text) == moved


def _layout(text: str) -> tuple[list[Line], list[tuple[int, int]], list[str]]:
    """Lines, and the items as '<n>. Title' lines start them."""
    lines = [Line(line, 1) for line in text.splitlines() if line.strip()]
    starts = [i for i, line in enumerate(lines) if line.text[:1].isdigit() and ". " in line.text[:4]]
    spans = [(start, (starts + [len(lines)])[n + 1]) for n, start in enumerate(starts)]
    return lines, spans, [lines[start].text.split(". ", 1)[1] for start in starts]


def test_the_motion_to_exclude_the_public_is_published_and_what_follows_is_not():
    lines, spans, titles = _layout(
        "1. Apologies\nNone.\n2. Exclusion of the press and public\nRESOLVED that the public be excluded for the "
        "following item.\n3. Sale of land\nThe offer was accepted.\n4. Rise and report\nTHAT Council rise from closed "
        "session. Carried.\n5. Date of next meeting\n6 May.")
    privacy = private_business(lines, spans, titles)
    assert privacy.items == [None, None, "after the public were excluded at 'Exclusion of the press and public'", None, None]


def test_a_section_that_says_it_is_empty_withholds_nothing():
    # Kent's agenda front sheets: the EXEMPT ITEMS heading over a note that there are none.
    lines, spans, titles = _layout(
        "1. Apologies\nNone.\n2. Budget\nTo approve the budget.\nEXEMPT ITEMS\n(At the time of preparing the agenda there "
        "were no exempt items. During any such\nitems which may arise the meeting is likely NOT to be open to the public)")
    privacy = private_business(lines, spans, titles)
    assert (privacy.items, privacy.lines) == ([None, None], set())
    # The seed agenda's item 7: "Exclusion of Press and Public (if required)" / "No items have been identified ...".
    lines, spans, titles = _layout("7. Exclusion of Press and Public (if required)\nNo items have been identified in "
                                   "advance of the meeting.\n8. Any Other Urgent Business\n9. Date of Next Meeting")
    assert private_business(lines, spans, titles).items == [None, None, None]


def test_a_session_whose_record_is_public_withholds_nothing():
    # The Denver board's executive session: its heading, the motion into it, and its close, all minuted in public.
    lines, spans, titles = _layout(
        "3. Public comment\nNone.\nExecutive Session\nMotion: Director Nicholson made the motion to adjourn\ninto "
        "Executive Session.\nThe motion PASSED.\nThe Executive Session was adjourned at 5:16 p.m.\n4. Adjourn\nAt 5:20 pm.")
    privacy = private_business(lines, spans, titles)
    assert (privacy.items, privacy.lines) == ([None, None], set())


def test_the_clerks_words_extend_the_table():
    from archive_builder.parse.vocabulary import Words

    words = Words(private=("members only",), public=("back in public",))
    assert heading("MEMBERS ONLY", words).private and not heading("Back in public", words).private
    assert heading("MEMBERS ONLY") is None


def test_a_sidecar_saying_exempt_false_publishes_what_was_taken_for_private(tmp_path):
    canary = "canarysidecarzq"
    files = {"2025-03-04_minutes.txt": _minutes("Part 2", "heading-then-item", canary, "4 March 2025"),
             "2025-03-04_minutes.txt.yml": "exempt: false\n"}
    built = archive(new_archive(tmp_path / "a", files), "build", "--no-publish")
    meeting = json.loads(archive(built.root, "export").stdout)["meetings"][0]
    assert [(i["title"], i["exempt"]) for i in meeting["items"]][-1] == ("Disposal of the depot", False)
    assert canary in json.dumps(meeting)
    assert "exempt: false, published (the builder took it for exempt: it holds business taken in private)" in built.report


@pytest.mark.parametrize("folder", ["seeds", "kent-moderngov", "stoke-ferry-parish", "ayton-community-council",
                                    "north-star-township"])
def test_nothing_of_the_real_councils_public_minutes_is_taken_for_private(folder, tmp_path):
    from corpus import corpus_folder

    from archive_builder.build import read_archive
    from archive_builder.config import Config

    result = read_archive(Config(root=tmp_path), corpus_folder(folder), index=False)
    assert [(m.id, i.title) for m in result.archive.meetings for i in m.items if i.exempt] == []
    assert [d.source for d in result.archive.documents if not d.published] == []


def test_the_public_record_of_an_executive_session_stays_published(tmp_path):
    """The Denver board's special meeting: an executive session whose motion and close are minuted."""
    from corpus import corpus_folder

    from archive_builder.build import read_archive
    from archive_builder.config import Config

    result = read_archive(Config(root=tmp_path), corpus_folder("rtd-board-denver"), index=False)
    minutes = next(d for d in result.archive.documents if d.source == "2025-01-28_rtd-board-special_minutes.txt")
    text = "\n".join(minutes.text_pages)
    assert "Director Nicholson made the motion to adjourn" in text and "The Executive Session was adjourned" in text


@pytest.mark.parametrize("previous, line", [
    ("The committee noted Appendix A", "Part 2"),  # a lone "a" is a letter, not an article carrying on
    ("The chair thanked members for their time and", "PART 2 - EXEMPT ITEMS"),  # capitals head wherever they stand
    ("RESOLVED that the minutes be approved.", "Part 2 - items which are not for publication"),
])
def test_a_heading_is_one_whatever_stands_before_it(previous, line):
    assert heading(line, previous=previous).private


def test_a_notice_of_the_publics_admission_under_a_private_heading_is_not_withheld():
    # The demo's and Kent's agendas: "EXEMPT ITEMS / (During these items the meeting is likely NOT to be open
    # to the public) / 11. Lease": the notice says nothing of the business; the item after it is private.
    lines, spans, titles = _layout(
        "10. Budget\nTo approve the budget.\nEXEMPT ITEMS\n(During these items the meeting is likely NOT to be open "
        "to the public)\n11. Lease of the depot\nThe offer of the tenant.")
    privacy = private_business(lines, spans, titles)
    assert privacy.lines == set() and privacy.items == [None, "under the heading 'EXEMPT ITEMS'"]
