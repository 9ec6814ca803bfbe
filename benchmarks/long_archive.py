"""A generated archive in the style of a real council's whole archive: what a builder must name right.

An Irish-style city and county council over several years, as its website exports it: Markdown in
folders by date named after the meeting ("2022/06/20-Special Meeting of the Travel and
Transportation Strategic Policy Committee/Minutes - ... - 20th June 2022.md"), the minutes filed
under the meeting that approved them, some names past 200 characters. It carries what a real
archive tempts a builder with:

- one body printed under several names across the years ("SPC Travel & Transportation", "Travel
  and Transportation Strategic Policy Committee"), in capitals across two bold lines, with the
  meeting's kind (special, annual, budget, online), its venue ("Council Chamber, Dooradoyle and
  Online") and its purpose ("to consider the Chief Executive's Report ...") around the name;
- a body named without a body word ("Municipal District of Castlemoy");
- each councillor printed in full, with an initial, by surname alone ("Councillors Brennan, Khan")
  and, where two share a surname, with the initial after it ("Sheahan (M)");
- officials listed with their posts, an e-mail address in the agenda's header;
- some minutes as plain text, their headings no longer bold.

`generate` returns what a builder must find: each body with the names it was printed under, and
each person's full name. tests/test_long_archive.py checks a build against it; benchmarks/run.py
prints how many of each a build found.

    .venv/bin/python benchmarks/long_archive.py OUT_DIR --meetings 120 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from generate import FORENAMES, SURNAMES, TOPICS, WEEKDAYS

COUNCIL = "Westbridge City and County Council"
# (name, the other names it is printed under, weeks between meetings, how many councillors sit on it)
BODIES = [
    (COUNCIL, [], 4, 24),
    ("Economic Development, Enterprise and Planning Strategic Policy Committee",
     ["SPC Economic Development, Enterprise & Planning"], 9, 8),
    ("Travel and Transportation Strategic Policy Committee", ["SPC Travel & Transportation"], 9, 8),
    ("Home and Social Development Strategic Policy Committee", ["Home & Social Development SPC"], 10, 8),
    ("Municipal District of Castlemoy", [], 6, 6),
    ("Audit Committee", [], 12, 5),
]
OFFICIALS = ["Director of Services", "Meetings Administrator", "Senior Executive Officer", "Senior Engineer",
             "Chief Executive", "Head of Finance"]
VENUES = ["Council Chamber, Dooradoyle and Online", "Council Chamber, City Hall, Merchants Quay",
          "Castlemoy Area Office, Main Street, Castlemoy"]
PURPOSE = ("to consider the Chief Executive's Report on the Submissions received on the Draft Westbridge City and "
           "County Development Plan 2022 - 2028 and the Strategic Environmental Assessment Environmental Report")
_WOMEN = {"Ann", "Carol", "Eve", "Grace", "Irene", "Kate", "Maya", "Nina", "Priya", "Sara", "Una", "Wendy", "Zoe", "Beth"}
SHARED = "Sheahan"  # two councillors of this surname: printed with their initial, never alone


@dataclass
class Sitting:
    body: str
    printed: str  # the name its papers print this time
    kind: str  # "", "Special", "Annual", "Budget", "Online"
    date: dt.date
    number: int
    members: list[str]
    venue: str
    topics: list[tuple[str, str]]
    previous: Sitting | None = None
    following: Sitting | None = None
    purpose: str = ""


@dataclass
class Expected:
    committees: dict[str, set[str]] = field(default_factory=dict)  # body -> every name it was printed under
    people: set[str] = field(default_factory=set)  # full names of councillors and officials
    sittings: list[tuple[str, str, str]] = field(default_factory=list)  # (date, body, kind) of every meeting
    minutes: int = 0
    approvals: int = 0  # minutes that approve an earlier meeting's


def councillors(seed: int) -> list[str]:
    """24 councillors, surnames distinct but for two of one surname (initials that differ)."""
    rng = random.Random(f"{seed}/councillors")
    surnames = rng.sample([s for s in SURNAMES if s != SHARED], 22)
    return [f"{f} {s}" for f, s in zip(rng.sample(FORENAMES, 22), surnames, strict=False)] + [f"Maria {SHARED}", f"Conor {SHARED}"]


def officials(seed: int) -> list[tuple[str, str, str]]:
    """(honorific, full name, post) of the council's officials: people, never members. Their surnames
    are not councillors': in these papers "Councillor Brennan" must be one person."""
    rng = random.Random(f"{seed}/officials")
    taken = {name.split()[-1] for name in councillors(seed)}
    out = []
    for post in OFFICIALS:
        surname = rng.choice(sorted(set(SURNAMES) - taken))
        taken.add(surname)
        forename = rng.choice(FORENAMES)
        out.append(("Ms." if forename in _WOMEN else "Mr.", f"{forename} {surname}", post))
    return out


def plan(meetings: int, seed: int) -> list[Sitting]:
    members = councillors(seed)
    per_weeks = {name: weeks for name, _, weeks, _ in BODIES}
    sittings: list[Sitting] = []
    day = {name: dt.date(2018, 9, 3) + dt.timedelta(days=index * 2) for index, (name, *_rest) in enumerate(BODIES)}
    count = {name: 0 for name, *_rest in BODIES}
    previous: dict[str, Sitting] = {}
    while len(sittings) < meetings:
        body = min(day, key=lambda name: (day[name], name))
        date = day[body]
        while date.weekday() > 3:
            date += dt.timedelta(days=1)
        number = count[body]
        rng = random.Random(f"{seed}/{body}/{number}")
        spec = next(b for b in BODIES if b[0] == body)
        seats = members if spec[3] >= len(members) else rng.sample(members, spec[3]) if number == 0 else previous[body].members
        printed = rng.choice(spec[1]) if spec[1] and rng.random() < 0.35 else body
        kind = _kind(rng, body, date)
        venue = VENUES[2] if "Municipal District" in body else rng.choice(VENUES[:2])
        sitting = Sitting(body, printed, kind, date, number, seats, venue, rng.sample(TOPICS, 2),
                          purpose=PURPOSE if kind == "Special" and body == COUNCIL else "")
        if body in previous:
            sitting.previous, previous[body].following = previous[body], sitting
        previous[body] = sitting
        sittings.append(sitting)
        count[body] += 1
        day[body] = date + dt.timedelta(weeks=per_weeks[body])
    return sittings


def _kind(rng: random.Random, body: str, date: dt.date) -> str:
    if dt.date(2020, 4, 1) <= date <= dt.date(2021, 6, 30):
        return "Online"
    if body == COUNCIL and date.month == 6 and date.day <= 28:
        return "Annual"
    if body == COUNCIL and date.month == 11:
        return "Budget"
    return "Special" if rng.random() < 0.12 else ""


def ordinal_date(day: dt.date) -> str:
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.day}{suffix} {day:%B}, {day.year}"


def meeting_of(sitting: Sitting, printed: str | None = None) -> str:
    """'Special Meeting of the Audit Committee', as a heading or a file name says it."""
    name = printed or sitting.printed
    article = "" if name == COUNCIL else "the "
    kind = f"{sitting.kind} " if sitting.kind else ""
    purpose = f" {sitting.purpose}" if sitting.purpose else ""
    return f"{kind}Meeting of {article}{name}{purpose}"


def _named(name: str, form: int, everyone: list[str]) -> str:
    """A councillor as the minutes print them: in full (0), with an initial (1), by surname (2); a
    shared surname always with its initial, the Irish way ("Sheahan (M)")."""
    forename, surname = name.split(" ", 1)
    shared = sum(1 for other in everyone if other.split(" ", 1)[1] == surname) > 1
    if form == 0:
        return name
    if form == 1 or shared:
        return f"{surname} ({forename[0]})" if form == 2 else f"{forename[0]}. {surname}"
    return surname


def minutes_text(sitting: Sitting, staff: list[tuple[str, str, str]]) -> str:
    rng = random.Random(f"{sitting.body}/{sitting.number}/minutes")
    chair, *others = sitting.members
    absent = rng.choice(others)
    present = [m for m in others if m != absent]
    form = sitting.number % 3  # each body's first meeting prints everyone in full
    when = f"ON {WEEKDAYS[min(sitting.date.weekday(), 4)].upper()}, {ordinal_date(sitting.date).upper()}, AT 10.00 A.M."
    head = f"MINUTES OF PROCEEDINGS OF {meeting_of(sitting).upper()}"
    cut = head.rfind(" ", 0, len(head) // 2 + 8)  # a heading broken across two bold lines
    lines = [f"**{head[:cut]}**", f"**{head[cut + 1:]} HELD IN THE {sitting.venue.upper()},**",
             f"**{when}**", "", "**PRESENT IN THE CHAIR:**", f"Councillor {chair}.", "", "**MEMBERS PRESENT:**"]
    if form == 2:
        lines.append("Councillors " + ", ".join(_named(m, 2, sitting.members) for m in present[:-1])
                     + f" and {_named(present[-1], 2, sitting.members)}.")
    else:
        lines.append(", ".join(f"Councillor {_named(m, form, sitting.members)}" for m in present) + ".")
    lines += ["", "**OFFICIALS IN ATTENDANCE:**",
              "; ".join(f"{h} {n}, {p}" for h, n, p in rng.sample(staff, 3)) + ".", "",
              "**APOLOGIES:**", f"Councillor {_named(absent, form, sitting.members)}.", ""]
    item = 1
    if sitting.previous:
        mover, seconder = rng.sample(present, 2)
        lines += [f"**{item}. Adoption of Minutes**", "",
                  f"Circulated, Minutes of {meeting_of(sitting.previous)} held on {ordinal_date(sitting.previous.date)}.",
                  f"Proposed by Councillor {_named(mover, form, sitting.members)};",
                  f"Seconded by Councillor {_named(seconder, (form + 1) % 3, sitting.members)};",
                  "And Resolved:", '"That the Minutes be adopted."', ""]
        item += 1
    for title, words in sitting.topics:
        mover, seconder = rng.sample(present, 2)
        vocab = words.split()
        lines += [f"**{item}. {title}**", "",
                  f"The {staff[0][2]} outlined the report on the {vocab[0]} and {vocab[1]} and the {vocab[-1]} proposed. "
                  f"Members raised the {vocab[2]} and asked that the {vocab[3]} be kept under review.",
                  f"Proposed by Councillor {_named(mover, rng.choice([0, form]), sitting.members)};",
                  f"Seconded by Councillor {_named(seconder, form, sitting.members)};",
                  "And Resolved:", f'"That the {title.lower()} proposals be approved."', ""]
        item += 1
    lines += [f"**{item}. Any Other Business**", "", "There was no other business.", "",
              "This concluded the business of the meeting.", "", "Signed: ____________ Cathaoirleach"]
    return "\n".join(lines) + "\n"


def agenda_text(sitting: Sitting) -> str:
    lines = [f"**{COUNCIL}**", "Meetings Administrator, Corporate Services", "Enquiries to: meetings@westbridge.ie", "",
             "**AGENDA**", "", f"**{meeting_of(sitting)}**", "",
             f"to be held in the {sitting.venue} on {WEEKDAYS[min(sitting.date.weekday(), 4)]}, "
             f"{ordinal_date(sitting.date)} at 10.00 a.m.", ""]
    titles = ([f"Adoption of Minutes of {meeting_of(sitting.previous)} held on {ordinal_date(sitting.previous.date)}"]
              if sitting.previous else []) + [t for t, _ in sitting.topics] + ["Any Other Business"]
    lines += [f"{number}. {title}" for number, title in enumerate(titles, 1)]
    return "\n".join(lines) + "\n"


def _folder(sitting: Sitting) -> str:
    return f"{sitting.date:%Y/%m}/{sitting.date:%d}-{meeting_of(sitting)[:220]}"


def _file(what: str, sitting: Sitting) -> str:
    lead = "Proceedings at" if sitting.kind == "Online" and what == "Minutes" else f"{what} -"
    return f"{lead} {meeting_of(sitting)[:200]} - {ordinal_date(sitting.date).replace(',', '')}.md"


def generate(out: Path, meetings: int, seed: int = 7) -> Expected:
    """Write the sources of `meetings` meetings into `out`; returns what a build must find in them."""
    expected = Expected()
    staff = officials(seed)
    expected.people = set(councillors(seed)) | {name for _, name, _ in staff}
    for sitting in plan(meetings, seed):
        expected.committees.setdefault(sitting.body, {sitting.body}).add(sitting.printed)
        expected.sittings.append((sitting.date.isoformat(), sitting.body, sitting.kind))
        own = out / _folder(sitting)
        own.mkdir(parents=True, exist_ok=True)
        (own / _file("Agenda", sitting)).write_text(agenda_text(sitting), encoding="utf-8")
        if sitting.following is None:
            continue  # the body's next meeting: known from its agenda alone
        # filed where the website files them: under the meeting that approved them
        approving = out / _folder(sitting.following)
        approving.mkdir(parents=True, exist_ok=True)
        text, name = minutes_text(sitting, staff), _file("Minutes", sitting)
        if sitting.number % 4 == 3:  # some as plain text, as a PDF's text layer gives them: no bold headings
            text, name = text.replace("**", ""), name.removesuffix(".md") + ".txt"
        (approving / name).write_text(text, encoding="utf-8")
        expected.minutes += 1
        expected.approvals += sitting.previous is not None
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--meetings", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    expected = generate(args.out, args.meetings, args.seed)
    print(f"{len(expected.sittings)} meetings of {len(expected.committees)} bodies and {len(expected.people)} people "
          f"written to {args.out}")


if __name__ == "__main__":
    main()
