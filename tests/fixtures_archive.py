"""A small archive built by hand, with every kind of thing the site shows, and its source files.

Two committees; five meetings (two held, one known only from another document, one scheduled, one
cancelled); an agenda pack split into two parts; minutes; a report with its facts; a document that
is not published; an exempt item whose text must never reach the site; and hostile strings in
titles, names and text, which must render as the literal words.

Following decisions forward: a series (the update report, at two meetings); actions of every
status (followed up, overdue, open, unknown) in both committees; a resolution followed up twice, by
a later meeting of another committee and by the next meeting of its own; references to a resolution,
to an item and to a paper; a possibly related item; the next meeting fixed; links to and from the
exempt item, which must never show; and movers and seconders printed as the minutes print them.
"""

from __future__ import annotations

from pathlib import Path

from archive_builder.model import (
    Action,
    Archive,
    Attendee,
    Committee,
    Declaration,
    Document,
    Item,
    Link,
    Meeting,
    Member,
    Person,
    ReportFacts,
    Resolution,
    Series,
    Votes,
)

SECRET = "SECRET-EXEMPT-TEXT"
EXEMPT_LINK_EVIDENCE = "EXEMPT-LINK-EVIDENCE"

# Entity-encoded tags too: a title unescaped once on its way into <title> must still not become a tag.
HOSTILE_TITLE = (
    "</title><script>alert('title')</script> # [click](javascript:alert(1)) **bold** | a | b | {#id} "
    "&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
)
HOSTILE_NAME = "<img src=x onerror=alert(1)>Evil *Name* &lt;img src=y onerror=alert(3)&gt;"
HOSTILE_TEXT = "\n".join(
    [
        "# Heading",
        "* item",
        "1. foo",
        "[click](javascript:alert(1))",
        "<script>alert(1)</script>",
        "| a | b |",
        "|---|---|",
        "{#id}",
        "**bold**",
        "```",
        "code",
        "```",
        "!!! danger",
        "??? note",
    ]
)

MEETING = "joint-ict/2018-10-16"
REFERENCED = "joint-ict/2018-06-12"
SCHEDULED = "joint-ict/2019-03-12"
CANCELLED = "cabinet/2019-01-15"
CABINET = "cabinet/2018-11-20"
SERIES = "joint-ict/update-report"

PACK = "joint-ict-2018-10-16-agenda-pack"
PACK_AGENDA = "joint-ict-2018-10-16-agenda"
PACK_REPORT = "joint-ict-2018-10-16-update-report"
MINUTES = "joint-ict-2018-10-16-minutes"
NEXT_AGENDA = "joint-ict-2019-03-12-agenda"
NOTICE = "cabinet-2019-01-15-notice"
UNPUBLISHED = "unfiled-scan"

# Source file -> pages of text printed in it (a PDF gets one page per entry).
SOURCE_PAGES = {
    "joint-ict/Agenda pack 16th-Oct-2018 (Joint ICT).pdf": [
        "Joint ICT Committee agenda",
        "Agenda items 1 to 8",
        "Update report",
        "Update report: background",
        "Update report: recommendations",
    ],
    "joint-ict/minutes-2018-10-16.pdf": ["Minutes page 1", "Minutes page 2", "Minutes page 3", "Minutes page 4"],
    "misc/scan.pdf": ["(scanned image)"],
}
OTHER_SOURCES = {
    "joint-ict/agenda-2019-03-12.html": "<html><body><h1>Agenda</h1><script>alert(1)</script></body></html>\n",
    "cabinet/cancellation.txt": "The meeting of Cabinet on 15 January 2019 is cancelled.\n",
}


def write_sources(sources_dir: Path) -> dict[str, Path]:
    """Write the archive's source files (small real PDFs, an HTML page, a text file) and return them."""
    from fpdf import FPDF

    written: dict[str, Path] = {}
    for source, pages in SOURCE_PAGES.items():
        pdf = FPDF()
        pdf.set_font("Helvetica", size=12)
        for text in pages:
            pdf.add_page()
            pdf.cell(text=text)
        written[source] = _write(sources_dir / source, bytes(pdf.output()))
    for source, text in OTHER_SOURCES.items():
        written[source] = _write(sources_dir / source, text.encode("utf-8"))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def sample_archive() -> Archive:
    return Archive(
        site_name="Sample Council committee archive",
        committees=[
            Committee("joint-ict", "Joint ICT Committee", aliases=["ICT Joint Committee", "Joint IT Committee"]),
            Committee("cabinet", "Cabinet"),
        ],
        meetings=[_held_meeting(), _referenced_meeting(), _scheduled_meeting(), _cancelled_meeting(),
                  _cabinet_meeting()],
        documents=_documents(),
        people=[
            Person("anne-smith", "Cllr Anne Smith", aliases=["Councillor A Smith"], organisation="Kent County Council"),
            Person("bob-jones", "Cllr Bob Jones", organisation="Medway Council"),
            Person("evil-name", HOSTILE_NAME),
            Person("jane-officer", "Jane Officer", organisation="Joint ICT Service"),
        ],
        links=[
            Link(f"{MEETING}/3", REFERENCED, "approves-minutes", "the minutes of the meeting held on 12 June 2018"),
            # As the linker makes them: a follow-up and a possibly related item point from the later item
            # to the earlier resolution; a reference from the words that make it; the next meeting from
            # the resolution that fixed it.
            Link(f"{SCHEDULED}/5", f"{MEETING}/6/r2a", "follow-up", "Update report on the datacentre link"),
            Link(f"{MEETING}/6/r2a", SCHEDULED, "next-meeting", "report back to the next meeting"),
            Link(f"{SCHEDULED}/5", f"{MEETING}/6/r1", "refers-to", "minute 288"),
            Link(f"{SCHEDULED}/5", f"{MEETING}/6/r2b", "related", "<script>alert('evidence')</script>", score=0.42),
            # Links to and from an exempt item's resolution: they must not reach any page.
            Link(f"{SCHEDULED}/5", f"{MEETING}/7/r1", "follow-up", EXEMPT_LINK_EVIDENCE),
            Link(f"{MEETING}/7/r1", f"{SCHEDULED}/5", "refers-to", EXEMPT_LINK_EVIDENCE),
            # A link to something the archive does not have is left out, not left broken.
            Link(f"{MEETING}/6/r1", "no-such-document", "refers-to", "a lost paper"),
            # Following the procurement forward: first Cabinet (another committee) takes it up ...
            Link(f"{CABINET}/4", f"{MEETING}/6/r2a", "follow-up",
                 "“Report back on the procurement” (due at the next meeting); answered by 2018-11-20 item 4 "
                 "“Datacentre link procurement”: words in common: datacentr, link, procur"),
            # ... and refers to the item that decided it, and the item names its own paper.
            Link(f"{CABINET}/4", f"{MEETING}/6", "refers-to",
                 "The Committee agreed on 16 October 2018 (minute 288) to procure the link."),
            Link(f"{MEETING}/6", PACK_REPORT, "refers-to",
                 "the report “Update report”, for the item of the same title"),
            # The exempt item as the target of a link: never shown either.
            Link(f"{SCHEDULED}/5", f"{MEETING}/7", "refers-to", EXEMPT_LINK_EVIDENCE + " (to the item)"),
        ],
        series=[Series(SERIES, "joint-ict", "Update report", items=[f"{MEETING}/6", f"{SCHEDULED}/5"])],
    )


def _held_meeting() -> Meeting:
    return Meeting(
        id=MEETING,
        committee="joint-ict",
        date="2018-10-16",
        start_time="10.00 am",
        venue="Council Chamber, Civic Centre <b>Maidstone</b>",
        documents=[MINUTES, PACK, PACK_AGENDA, PACK_REPORT],
        attendance=[
            Attendee("Cllr Anne Smith", role="chair", organisation="Kent County Council", person="anne-smith"),
            Attendee("Cllr Bob Jones", person="bob-jones"),
            Attendee(HOSTILE_NAME, person="evil-name", status="late"),
            Attendee("Cllr Carol White", status="apologies"),
            Attendee("Cllr Dan Green", status="absent"),
            Attendee("Cllr Eve Black", role="substitute", note="substitute for Cllr Carol White"),
            Attendee("Mr Frank Guest", role="also-present"),
            Attendee("Jane Officer", role="officer", title="Head of ICT", organisation="Joint ICT Service",
                     person="jane-officer"),
        ],
        declarations=[
            Declaration("Cllr Bob Jones", "Other significant interest: a governor of a school using the service.",
                        item=f"{MEETING}/6", person="bob-jones", page=1, document=MINUTES),
        ],
        membership=[
            Member("Cllr Anne Smith", role="chair", person="anne-smith"),
            Member("Cllr Bob Jones", person="bob-jones"),
            Member("Cllr Carol White"),
        ],
        items=[
            Item(f"{MEETING}/1", "1", "Apologies and Substitutes", minute_number="285",
                 text="Apologies were received from Cllr Carol White.", page=1, document=MINUTES),
            Item(f"{MEETING}/3", "3", "Minutes of the meeting held on 12 June 2018", minute_number="286",
                 page=1, document=MINUTES,
                 resolutions=[Resolution(f"{MEETING}/3/r1", "That the minutes be approved as a correct record.",
                                         page=1, document=MINUTES)]),
            _update_report_item(),
            Item(f"{MEETING}/7", "7", "Staffing matter", minute_number="290", exempt=True,
                 text=f"{SECRET}: the restructure of the service desk.", page=3, document=MINUTES,
                 resolutions=[Resolution(f"{MEETING}/7/r1", f"That {SECRET} be approved.", page=3,
                                         actions=[Action(f"Tell staff about {SECRET}")])]),
            Item(f"{MEETING}/8", "8", HOSTILE_TITLE, minute_number="291", text=HOSTILE_TEXT, page=4,
                 document=MINUTES,
                 resolutions=[Resolution(f"{MEETING}/8/r1", HOSTILE_TEXT, mover=HOSTILE_NAME, outcome="lost",
                                         votes=Votes(for_=2, against=5, abstain=0), page=4, document=MINUTES)]),
        ],
    )


def _update_report_item() -> Item:
    return Item(
        f"{MEETING}/6",
        "6",
        "Update report",
        minute_number="288",
        decision_number="18/00123",
        pages="3 - 5",
        text="The Director introduced the report.\nMembers asked about the datacentre link.\n\n"
        "The Chair thanked officers.",
        page=2,
        document=MINUTES,
        sources=[MINUTES, PACK_REPORT],
        series=SERIES,
        resolutions=[
            Resolution(f"{MEETING}/6/r1", "That the report be noted.", label="(1)", outcome="noted", page=2,
                       document=MINUTES),
            Resolution(
                f"{MEETING}/6/r2a",
                "That the datacentre link be procured.",
                label="(2)(a)",
                votes=Votes(for_=5, against=1, abstain=0),
                mover="Cllr Anne Smith",
                seconder="Cllr Bob Jones",
                actions=[Action("Report back on the procurement", status="followed-up", owner="Head of ICT",
                                due="next-meeting")],
                page=3,
                document=MINUTES,
            ),
            Resolution(f"{MEETING}/6/r2b", "That the budget be reviewed in March 2019.", label="(2)(b)",
                       actions=[Action("Review the budget", status="overdue", due="2019-03")], page=3,
                       document=MINUTES),
            Resolution(f"{MEETING}/6/r2c", "That officers agree a data-sharing protocol with the partner councils.",
                       label="(2)(c)", mover="Cllr Jones", seconder="The Chair",
                       actions=[Action("Agree a data-sharing protocol", status="open", owner="Jane Officer",
                                       due="2019-06-30"),
                                Action("Publish the protocol", status="unknown")],
                       page=3, document=MINUTES),
        ],
    )


def _referenced_meeting() -> Meeting:
    return Meeting(id=REFERENCED, committee="joint-ict", date="2018-06-12", status="referenced")


def _scheduled_meeting() -> Meeting:
    return Meeting(
        id=SCHEDULED,
        committee="joint-ict",
        date="2019-03-12",
        status="scheduled",
        start_time="2.00 pm",
        documents=[NEXT_AGENDA],
        items=[Item(f"{SCHEDULED}/5", "5", "Update report", page=1, document=NEXT_AGENDA, series=SERIES)],
    )


def _cancelled_meeting() -> Meeting:
    return Meeting(id=CANCELLED, committee="cabinet", date="2019-01-15", status="cancelled", documents=[NOTICE])


def _cabinet_meeting() -> Meeting:
    """A meeting of the other committee between the two of the Joint ICT Committee: it takes the
    procurement up, and sets an open action of its own."""
    return Meeting(
        id=CABINET,
        committee="cabinet",
        date="2018-11-20",
        attendance=[
            Attendee("Cllr Anne Smith", person="anne-smith"),
            Attendee("Cllr Bob Jones", status="apologies", person="bob-jones"),
            Attendee("Jane Officer", role="officer", title="Head of ICT", person="jane-officer"),
        ],
        declarations=[
            Declaration("Cllr Anne Smith", "Personal interest: a member of the Joint ICT Committee.",
                        item=f"{CABINET}/4", person="anne-smith"),
        ],
        items=[
            Item(f"{CABINET}/4", "4", "Datacentre link procurement", minute_number="41",
                 text="The Cabinet Member reported on the procurement of the datacentre link.",
                 resolutions=[
                     Resolution(f"{CABINET}/4/r1", "That the contract be awarded to the preferred bidder.",
                                mover="Cllr Smith", seconder="Cllr Jones",
                                actions=[Action("Sign the contract", status="open", owner="Head of ICT",
                                                due="next-meeting")]),
                 ]),
        ],
    )


def _documents() -> list[Document]:
    pack_source = "joint-ict/Agenda pack 16th-Oct-2018 (Joint ICT).pdf"
    pack_pages = SOURCE_PAGES[pack_source]
    return [
        Document(PACK, "agenda-pack", "Agenda pack, Joint ICT Committee, 16 October 2018", pack_source, "a" * 64,
                 meeting=MEETING, parts=[PACK_AGENDA, PACK_REPORT], pages=5, format="pdf", text_pages=pack_pages),
        Document(PACK_AGENDA, "agenda", "Agenda", pack_source, "a" * 64, meeting=MEETING, part_of=PACK, pages=2,
                 first_page=1, format="pdf", text_pages=pack_pages[:2]),
        Document(
            PACK_REPORT, "report", "Update report", pack_source, "a" * 64, meeting=MEETING, part_of=PACK, pages=3,
            first_page=3, format="pdf", text_pages=pack_pages[2:],
            report=ReportFacts(
                title="Update report", author="Director of ICT", contact_officer="Jane Officer, 01622 000000",
                wards="All", key_decision="Non-Key", classification="Unrestricted",
                recommendations=["Note the report.", "Procure the datacentre link."],
                appendices=["Appendix A: Costs"], background_papers="None",
                meeting_body="Joint ICT Committee", meeting_date="2018-10-16",
            ),
        ),
        Document(MINUTES, "minutes", "Minutes, Joint ICT Committee, 16 October 2018",
                 "joint-ict/minutes-2018-10-16.pdf", "b" * 64, meeting=MEETING, pages=4, format="pdf",
                 text_pages=["Present: Cllr Anne Smith (Chair)", "288. Update report", "RESOLVED that ...",
                             HOSTILE_TEXT]),
        Document(NEXT_AGENDA, "agenda", "Agenda, Joint ICT Committee, 12 March 2019",
                 "joint-ict/agenda-2019-03-12.html", "c" * 64, meeting=SCHEDULED, pages=1, format="html",
                 text_pages=["5. Update report"]),
        Document(NOTICE, "other", HOSTILE_TITLE, "cabinet/cancellation.txt", "d" * 64, meeting=CANCELLED, pages=1,
                 format="text", text_pages=["The meeting of Cabinet on 15 January 2019 is cancelled."]),
        Document(UNPUBLISHED, "report", "Scanned report", "misc/scan.pdf", "e" * 64, pages=1, format="pdf",
                 published=False, committee_name="Joint ICT", date="2018-11-01",
                 warnings=["No text could be read: a scanned image without OCR.", "Marked not for publication."],
                 text_pages=["(scanned image)"]),
    ]
