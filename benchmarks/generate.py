"""A realistic synthetic archive of N meetings, the same for the same seed.

Several committees meet about monthly. Each meeting has an agenda (text, HTML or PDF), minutes
(ModernGov-style text, Markdown or PDF) unless it is the committee's next, scheduled meeting, and a
report for its recurring item. Minutes carry attendance and apologies, declarations, the approval of
the previous minutes, a recurring update report, business on topics that come back at later
meetings, resolutions with numbered parts and actions ("officers report back to the next meeting"),
recorded votes, references to earlier minutes and the date of the next meeting.

    .venv/bin/python benchmarks/generate.py OUT_DIR --meetings 1000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

COUNCIL = "Westbridge District Council"
COMMITTEES = [
    ("Cabinet", "Budget Monitoring Report"),
    ("Planning Committee", "Planning Appeals Update"),
    ("Environment and Transport Committee", "Air Quality Monitoring Update"),
    ("Health and Wellbeing Board", "Public Health Performance Report"),
    ("Audit and Governance Committee", "Internal Audit Progress Report"),
    ("Licensing Committee", "Licensing Enforcement Update"),
    ("Housing Scrutiny Panel", "Housing Repairs Performance"),
]
FORENAMES = ["Ann", "Bob", "Carol", "David", "Eve", "Frank", "Grace", "Harry", "Irene", "James", "Kate", "Leo", "Maya",
             "Nina", "Owen", "Priya", "Ravi", "Sara", "Tom", "Una", "Victor", "Wendy", "Yusuf", "Zoe", "Amir", "Beth"]
SURNAMES = ["Archer", "Baker", "Chen", "Dawson", "Evans", "Fletcher", "Gupta", "Hughes", "Iqbal", "Jones", "Khan",
            "Lewis", "Murphy", "Nolan", "Okafor", "Patel", "Quinn", "Reid", "Singh", "Turner", "Usman", "Vaughan",
            "Walsh", "Young", "Zielinski", "Brennan", "Clarke", "Dunne", "Ellis", "Foster"]
POSTS = ["Democratic Services Officer", "Director of Place", "Head of Finance", "Monitoring Officer", "Planning Manager",
         "Environmental Health Manager", "Head of Housing", "Licensing Manager", "Chief Executive"]
TOPICS = [
    ("Riverside Cycle Path", "cycle path route consultation riverside towpath lighting funding design"),
    ("Street Lighting Replacement", "lanterns LED street lighting energy costs contractor replacement programme"),
    ("Town Centre Car Parking Charges", "parking charges tariffs car parks income season tickets town centre"),
    ("Leisure Centre Refurbishment", "leisure centre pool refurbishment gym changing rooms contractor works"),
    ("Garden Waste Collection", "garden waste collection charge subscription bins round vehicles"),
    ("Flood Defence Scheme", "flood defences embankment river wall Environment Agency drainage works"),
    ("Affordable Housing Delivery", "affordable homes housing association rent shared ownership sites delivery"),
    ("Empty Homes Strategy", "empty homes owners enforcement grants council tax premium"),
    ("Electric Vehicle Charging", "electric vehicle charging points car parks grant installation"),
    ("Tree Planting Programme", "trees planting canopy species verges parks volunteers"),
    ("Homelessness Prevention", "homelessness prevention temporary accommodation rough sleeping outreach"),
    ("Market Hall Lease", "market hall lease traders rent tenancy repairs"),
    ("Bus Service Reductions", "bus services evening journeys operator subsidy routes passengers"),
    ("Community Safety Partnership", "community safety antisocial behaviour police patrols CCTV"),
    ("Public Toilets Review", "public toilets opening hours cleaning contract closures"),
    ("Council Tax Support Scheme", "council tax support scheme claimants hardship fund consultation"),
    ("Local Plan Review", "local plan housing allocations sites examination inspector"),
    ("Conservation Area Appraisal", "conservation area appraisal listed buildings character heritage"),
    ("Food Hygiene Inspections", "food hygiene inspections ratings premises enforcement"),
    ("Taxi Licensing Policy", "taxi private hire licensing drivers vehicles policy conditions"),
    ("Playground Improvements", "playground equipment play areas safety inspections parks"),
    ("Cemetery Capacity", "cemetery burial plots capacity extension memorials"),
    ("Digital Strategy", "digital services website online forms customer portal systems"),
    ("Climate Emergency Action Plan", "climate emergency carbon emissions action plan net zero"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass
class Meeting:
    committee: str
    recurring: str
    date: dt.date
    number: int  # the committee's meeting count, for minute numbers
    members: list[str]
    officers: list[str]
    topics: list[tuple[str, str]]
    previous: Meeting | None = None
    following: Meeting | None = None
    minute_start: int = 1
    follow_up_topics: list[tuple[str, str]] = field(default_factory=list)


def _rng(seed: int, committee: str, number: int, what: str) -> random.Random:
    return random.Random(f"{seed}/{committee}/{number}/{what}")


def long_date(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()] if day.weekday() < 5 else 'Saturday'} {day.day} {day:%B %Y}"


def plan(meetings: int, seed: int) -> list[Meeting]:
    rng = random.Random(seed)
    per = [meetings // len(COMMITTEES) + (1 if i < meetings % len(COMMITTEES) else 0) for i in range(len(COMMITTEES))]
    planned: list[Meeting] = []
    people = [f"{f} {s}" for f in FORENAMES for s in SURNAMES]
    rng.shuffle(people)
    for index, ((committee, recurring), count) in enumerate(zip(COMMITTEES, per, strict=False)):
        members = people[index * 9 : index * 9 + 9]
        officers = [f"{people[200 + index * 3 + k]}|{POSTS[(index + k) % len(POSTS)]}" for k in range(3)]
        day = dt.date(2014, 1, 6) + dt.timedelta(days=index * 3)
        minute = 1
        previous = None
        for number in range(count):
            while day.weekday() > 3:
                day += dt.timedelta(days=1)
            own = _rng(seed, committee, number, "plan")  # each meeting its own: N + 1 meetings keep the first N as they were
            topics = own.sample(TOPICS, 3)
            meeting = Meeting(committee, recurring, day, number, members, officers, topics, previous=previous, minute_start=minute)
            if previous is not None:
                previous.following = meeting
                meeting.follow_up_topics = [previous.topics[0]]
            planned.append(meeting)
            minute += 8
            previous = meeting
            day += dt.timedelta(days=own.choice([28, 35, 42]))
    return sorted(planned, key=lambda m: (m.date, m.committee))


def sentences(rng: random.Random, topic: tuple[str, str], count: int) -> str:
    title, words = topic
    vocab = words.split()
    openers = ["Members considered", "The officer reported on", "Members asked about", "The report set out",
               "Concerns were raised about", "Members welcomed progress on", "The Committee discussed"]
    out = []
    for _ in range(count):
        picked = rng.sample(vocab, min(3, len(vocab)))
        out.append(f"{rng.choice(openers)} the {picked[0]} and {picked[1]} for the {title.lower()}, including {picked[2]} "
                   f"and the timetable for the next stage.")
    return " ".join(out)


def minutes_text(rng: random.Random, meeting: Meeting) -> str:
    chair, vice, *others = meeting.members
    absent = rng.choice(others)
    present = [m for m in others if m != absent]
    lines = [COUNCIL.upper(), meeting.committee.upper(),
             f"MINUTES of a meeting of the {meeting.committee} held in the Council Chamber, Civic Centre, "
             f"Westbridge on {long_date(meeting.date)}.",
             f"PRESENT: Cllr {chair} (Chair), Cllr {vice} (Vice-Chair), " + ", ".join(f"Cllr {p}" for p in present[:-1])
             + f" and Cllr {present[-1]}",
             "IN ATTENDANCE: " + ", ".join(f"{o.split('|')[0]} ({o.split('|')[1]})" for o in meeting.officers),
             "UNRESTRICTED ITEMS"]
    minute = meeting.minute_start
    item = 1

    def heading(title: str) -> None:
        nonlocal minute, item
        lines.append(f"{minute}. {title}")
        lines.append(f"(Item {item})")
        minute += 1
        item += 1

    heading("Apologies for Absence")
    lines.append(f"Apologies for absence were received from Cllr {absent}.")
    heading("Declarations of Interest")
    declarant = rng.choice(present)
    lines.append(f"Cllr {declarant} declared a pecuniary interest in item 5 as a local resident.")
    heading("Minutes of the Previous Meeting")
    if meeting.previous:
        lines.append(f"RESOLVED that the minutes of the meeting held on {meeting.previous.date.day} "
                     f"{meeting.previous.date:%B %Y} be approved as a correct record.")
    else:
        lines.append("RESOLVED that the minutes of the previous meeting be approved as a correct record.")
    heading(meeting.recurring)
    lines.append(sentences(rng, (meeting.recurring, "performance targets quarter indicators progress risks budget"), 3))
    lines.append("RESOLVED that:")
    lines.append("(1) the report be noted;")
    lines.append("(2) officers report back to the next meeting on the indicators below target.")
    for topic in meeting.follow_up_topics + meeting.topics:
        title = f"{topic[0]}: Update" if topic in meeting.follow_up_topics else topic[0]
        heading(title)
        lines.append(sentences(rng, topic, rng.randint(3, 6)))
        if topic in meeting.follow_up_topics and meeting.previous:
            lines.append(f"Members noted the progress since the last meeting (minute {meeting.previous.minute_start + 4}).")
        if rng.random() < 0.3:
            mover, seconder = rng.sample(present, 2)
            voters = [chair, vice, *present]
            against = rng.sample(voters, 2)
            for_ = [v for v in voters if v not in against]
            lines.append(f"Cllr {mover} proposed, and Cllr {seconder} seconded the motion that the {topic[0].lower()} proposals be approved.")
            lines.append(f"For ({len(for_)})")
            lines.append(", ".join(f"Cllr {v}" for v in for_))
            lines.append(f"Against ({len(against)})")
            lines.append(", ".join(f"Cllr {v}" for v in against))
            lines.append("Abstain (0)")
            lines.append("Motion carried.")
        lines.append(f"RESOLVED that the {topic[0].lower()} proposals be approved and officers report back to the next "
                     f"meeting on the {topic[1].split()[0]} arrangements.")
    heading("Date of Next Meeting")
    if meeting.following:
        lines.append(f"RESOLVED that the next meeting be held on {long_date(meeting.following.date)} at 7.00 pm.")
    else:
        lines.append("The date of the next meeting would be confirmed.")
    return "\n".join(lines) + "\n"


def agenda_text(meeting: Meeting) -> str:
    lines = ["AGENDA", meeting.committee.upper(), f"{long_date(meeting.date)}, at 7.00 pm",
             "Council Chamber, Civic Centre, Westbridge", "UNRESTRICTED ITEMS"]
    titles = ["Apologies for Absence", "Declarations of Interest",
              f"Minutes of the meeting held on {meeting.previous.date.day} {meeting.previous.date:%B %Y}" if meeting.previous else "Minutes of the Previous Meeting",
              meeting.recurring, *(f"{t[0]}: Update" for t in meeting.follow_up_topics), *(t[0] for t in meeting.topics),
              "Date of Next Meeting"]
    page = 1
    for number, title in enumerate(titles, 1):
        pages = f" (Pages {page} - {page + 5})" if number > 2 else ""
        page += 6 if number > 2 else 0
        lines.append(f"{number}. {title}{pages}")
    lines += ["EXEMPT ITEMS", "(At the time of preparing the agenda there were no exempt items.)"]
    return "\n".join(lines) + "\n"


def report_text(rng: random.Random, meeting: Meeting) -> str:
    officer, post = meeting.officers[1].split("|")
    return "\n".join([
        COUNCIL, f"Report from the {post}", f"Report to the {meeting.committee} on {meeting.date.day} {meeting.date:%B %Y}",
        meeting.recurring,
        "Wards Affected:\tAll", "Key or Non-Key Decision:\tNon-Key", "Open or Part/Fully Exempt:\tOpen",
        "No. of Appendices:\tNone", "Background Papers:\tNone", f"Contact Officer(s):\t{officer}, {post}",
        "1.0 Purpose of the Report", f"1.1 This report updates the Committee on the {meeting.recurring.lower()}.",
        "2.0 Recommendation(s)", "2.1 That the Committee notes the report.",
        "3.0 Detail", *(f"3.{k} {sentences(rng, (meeting.recurring, 'performance targets quarter indicators progress risks budget'), 2)}" for k in range(1, 6)),
    ]) + "\n"


def html_page(title: str, body: str) -> str:
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    return (f"<!DOCTYPE html><html><head><title>{title} - {COUNCIL}</title><script>var analytics = 1;</script></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/meetings'>Meetings</a></nav><div id='modgov'>{paragraphs}</div>"
            f"<footer>{COUNCIL}</footer></body></html>\n")


def pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(2014, 1, 1, tzinfo=dt.UTC))  # not the clock: the same bytes every run
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def generate(out: Path, meetings: int, seed: int = 7, pdf_share: float = 0.15) -> int:
    """Write the sources of `meetings` meetings into `out`; returns the number of files."""
    out.mkdir(parents=True, exist_ok=True)
    files = 0
    for meeting in plan(meetings, seed):
        rng = _rng(seed, meeting.committee, meeting.number, "papers")
        stem = f"{meeting.date.isoformat()}_{meeting.committee.lower().replace(' ', '-')}"
        agenda = agenda_text(meeting)
        choice = rng.random()
        if choice < pdf_share:
            (out / f"{stem}_agenda.pdf").write_bytes(pdf_bytes(agenda))
        elif choice < 0.5:
            (out / f"{stem}_agenda.html").write_text(html_page(f"Agenda for {meeting.committee}", agenda), encoding="utf-8")
        else:
            (out / f"{stem}_agenda.txt").write_text(agenda, encoding="utf-8")
        (out / f"{stem}_report.txt").write_text(report_text(rng, meeting), encoding="utf-8")
        files += 2
        if meeting.following is None:
            continue  # the committee's next meeting: known from its agenda alone
        rng = _rng(seed, meeting.committee, meeting.number, "minutes")  # the same minutes whenever they arrive
        minutes = minutes_text(rng, meeting)
        choice = rng.random()
        if choice < pdf_share:
            (out / f"{stem}_minutes.pdf").write_bytes(pdf_bytes(minutes))
        elif choice < 0.4:
            front = f"---\ntitle: \"{meeting.committee} minutes\"\ndate: {(meeting.date + dt.timedelta(days=20)).isoformat()}\n---\n\n"
            (out / f"{stem}_minutes.md").write_text(front + minutes, encoding="utf-8")
        else:
            (out / f"{stem}_minutes.txt").write_text(minutes, encoding="utf-8")
        files += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"{generate(args.out, args.meetings, args.seed)} files written to {args.out}")


if __name__ == "__main__":
    main()
