"""Whether a paper says it is exempt from publication, as a whole.

A report (or decision notice, or other paper) is exempt when its own facts classify it so ("Open or
Exempt: Exempt"), or when, with no classification of its own, its head says "NOT FOR PUBLICATION"
or cites a numbered paragraph of Schedule 12A to the Local Government Act 1972 (the exempt
categories: "by virtue of paragraph 3 of Part 1 of Schedule 12A"). Agendas and minutes are never
exempt whole this way: their heads quote Schedule 12A about the items taken in private, which are
withheld one by one (parse/__init__.py).

Two traps from real papers are not exemptions: a form's own instruction ("Open or Part/Fully
Exempt: (If exempt, please highlight relevant paragraph of Part 1, Schedule 12A ...) Open", "For
publication [Do not include information which is exempt from publication under schedule 12a ...]"),
since neither cites a numbered paragraph nor says "not for publication"; and a paper classified
Open whose head cites Schedule 12A for an appendix, which stays open, with a warning, because its
own classification is the better evidence. The reasons given here are published (the withheld
page says why), so they never quote the paper's words beyond its classification.
"""

from __future__ import annotations

import re

from archive_builder.model import Line, ReportFacts

HEAD_LINES = 60  # a paper's head: its first page, at most this many lines
_NOT_FOR_PUBLICATION = re.compile(r"\bnot\s+for\s+(?:publication|publishing)\b", re.I)
_NUMBERS = r"\d{1,2}(?:\s*(?:,|and|&|or)\s*\d{1,2})*"
_SCHEDULE_12A = re.compile(
    rf"\bparagraphs?\s+(?P<before>{_NUMBERS})\b[^\n]{{0,120}}?\bschedule\s+12\s*a\b"
    rf"|\bschedule\s+12\s*a\b[^\n]{{0,60}}?\bparagraphs?\s+(?P<after>{_NUMBERS})\b",
    re.I,
)
SCHEDULE = "Schedule 12A to the Local Government Act 1972"


def exempt_marking(lines: list[Line], report: ReportFacts | None) -> tuple[bool, str | None, str | None]:
    """(exempt, why in plain words, a note for the clerk where the evidence disagrees)."""
    if report and report.exempt:
        return True, f"marked {_short(report.classification)} (exempt from publication)", None
    head = [line.text for line in lines if line.page == lines[0].page][:HEAD_LINES] if lines else []
    found = _head_marking(head)
    if found is None:
        return False, None, None
    if report and report.classification:
        return False, None, (
            f"classified {_short(report.classification)}, but its first page also {found}: published as open; "
            "if any of it is exempt, withhold it with a sidecar saying exempt: true"
        )
    return True, f"its first page {found}", None


def _head_marking(head: list[str]) -> str | None:
    for text in head:
        if _NOT_FOR_PUBLICATION.search(text):
            return "says it is not for publication"
        cited = _SCHEDULE_12A.search(text)
        if cited:
            numbers = re.sub(r"\s+", " ", cited.group("before") or cited.group("after"))
            word = "paragraphs" if len(re.findall(r"\d+", numbers)) > 1 else "paragraph"
            return f"cites {word} {numbers} of {SCHEDULE} (exempt information)"
    return None


def _short(classification: str | None) -> str:
    value = " ".join((classification or "").split())
    return repr(value if len(value) <= 60 else value[:57] + "...")
