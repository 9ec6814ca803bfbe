"""An officer report's facts: title, author, contact officer, wards, key or non-key, open or exempt,
recommendations, appendices, background papers, sign-off, decision number, the meeting it goes to.

Reports print these as a header table ("Wards Affected:<TAB>All", "Contact Officer(s): (Name,
Title, Contact Details)<TAB>Prod Sarigianis ..."), as labelled lines ("From:", "To: Cabinet – 30
January 2025", "Subject:", "Classification: Unrestricted", "Key decision: YES"), and as sections
("2.0 Recommendation(s)", "10. Background Documents", "11. Contact details / Report Author:").
"""

from __future__ import annotations

import re

from archive_builder.dates import find_dates
from archive_builder.model import Line, ReportFacts
from archive_builder.parse.labels import read_label

_FIELDS = {
    "title": r"subject(?: matter)?(?: / title of decision)?|title(?: of (?:report|decision))?|report title",
    "author": r"from|by|report from|report of|report author|author|lead officer",
    "contact_officer": r"contact officers?(?:\(s\))?|contact|report author|officer contact",
    "wards": r"wards? affected|wards?|electoral divisions?(?: affected)?|divisions? affected",
    "key_decision": r"key or non-key decision|key decision|key decision\?",
    "classification": r"classification|status|open or (?:part/fully )?exempt|open or exempt|exempt or open|confidentiality|publication status",
    "appendices": r"no\.? of appendices|number of appendices|appendices|appendix",
    "background_papers": r"background papers|background documents",
    "decision_number": r"decision no\.?|decision number|decision ref(?:erence)?|forward plan (?:ref(?:erence)?|no\.?)",
    "meeting_body": r"to|report to|meeting|decision to be taken by|decision taken by|decision maker",
    "meeting_date": r"date of meeting|meeting date|date of decision|decision date",
}
# "Label: value", "Label (explanation): value", or a table row "Label<TAB>value" with no colon.
_FIELD_LINE = re.compile(
    r"^(?P<label>" + "|".join(f"(?:{p})" for p in _FIELDS.values()) + r")(?:\s*\([^)]*\))*\s*(?:[:?]|(?=\t))\s*(?P<value>.*)$",
    re.I,
)
DECISION_NUMBER = r"(?:[A-Z]{2,6}/\d{2,4}/\d{2,5}|\d{2}/\d{4,6})"  # "24/00096", "HDC/2025/004"
_DECISION_NUMBER = re.compile(rf"\b({DECISION_NUMBER})\b")
_RECOMMENDATIONS = re.compile(r"^(?:\d+(?:\.\d+)?\.?\s+)?recommendations?(?:\(s\))?\s*:?\s*(?P<rest>.*)$", re.I)
# A section heading ends the one before: "3.0 Detail", "1. Introduction", "Summary:", "Background".
_SECTION = re.compile(
    r"^(?:\d{1,2}(?:\.0)?\.?\s+[A-Z][\w’'/&-]*(?:\s+[\w’'/&()-]+){0,6}\s*:?\s*$|(?:[A-Z][a-z]+\s?){1,3}:\s*$|Background\s*$|Introduction\s*$|"
    r"(?:Attached|Background|Supporting|Related)\s+(?:documents|papers)\s*$|(?:Financial|Legal|Equalit\w+)\s+implications\s*$)",
    re.I,
)
# Values that are lists or descriptions, which a table cell wraps anywhere.
_LIST_FIELDS = {"background_papers", "appendices", "wards", "contact_officer"}
_TITLE_LABEL_ALONE = re.compile(r"^(?:Subject Matter\s*/\s*Title of Decision|Title of (?:Report|Decision)|Subject)\s*$", re.I)
_SIGN_OFF = re.compile(r"^(?:report sign[- ]off|signed off by|approved by)\s*:?\s*(?P<rest>.*)$", re.I)
_CONTACT_JUNK = re.compile(r"[,\s]*(?:(?:Tel(?:ephone)?(?: number)?|Email(?: address)?|E-mail|Phone)\b|\+?\(?0\d[\d ()]{6,}|\S+@\S+).*$", re.I)


def read_report(lines: list[Line]) -> ReportFacts:
    facts = ReportFacts()
    fields = _labelled_fields(lines)
    facts.title = _first(fields, "title") or _title_under_heading(lines) or _report_line(lines)
    facts.author = _author(fields, lines)
    facts.contact_officer = _contact(fields, lines)
    facts.wards = _first(fields, "wards")
    facts.key_decision = _key_decision(_first(fields, "key_decision"))
    facts.classification = _first(fields, "classification")
    facts.exempt = _is_exempt(facts.classification)
    facts.background_papers = _first(fields, "background_papers") or _section_text(lines, r"background (?:papers|documents)")
    facts.appendix_count, facts.appendices = _appendices(_first(fields, "appendices"), lines)
    facts.recommendations = _recommendations(lines)
    facts.signed_off_by = _signed_off(lines)
    facts.decision_number = _decision_number(fields, lines)
    facts.meeting_body, facts.meeting_date = _destination(fields, lines)
    return facts


def _labelled_fields(lines: list[Line]) -> dict[str, list[str]]:
    """Each field's values: after its label on the same line (the last table cell), or on the next
    line where the label stands alone ("DECISION NO:" / "24/00096")."""
    fields: dict[str, list[str]] = {}
    for index, line in enumerate(lines[:80]):
        if _TITLE_LABEL_ALONE.match(line.text) and index + 1 < len(lines):
            fields.setdefault("title", []).append(lines[index + 1].text.strip())
            continue
        match = _FIELD_LINE.match(line.text)
        if not match:
            continue
        label = match.group("label").lower()
        value, after = _value_after_explanation(match.group("value").split("\t")[-1].strip(), lines, index)
        if not value and after < len(lines) and not _FIELD_LINE.match(lines[after].text):
            value, after = lines[after].text.strip(), after + 1
        for name, pattern in _FIELDS.items():
            if re.fullmatch(pattern, label, re.I) and value:
                fields.setdefault(name, []).append(_wrapped_value(value, lines[after : after + 3], name in _LIST_FIELDS))
    return fields


def _value_after_explanation(value: str, lines: list[Line], index: int) -> tuple[str, int]:
    """A label's own explanation in brackets is not its value: "Open or Part/Fully Exempt: (If exempt,
    please highlight ...)" then "Open". Returns the value and the index of the line after it."""
    if not value.startswith("("):
        return value, index + 1
    text, end = value, index
    while ")" not in text and end + 1 < len(lines) and end - index < 6:
        end += 1
        text = f"{text} {lines[end].text}"
    return text.split(")", 1)[1].strip() if ")" in text else "", end + 1


def _wrapped_value(value: str, following: list[Line], liberal: bool = False) -> str:
    """A value that ran on to the next line: 'Cabinet reconsideration of Decision 24/00093 - Future of',
    'Background Papers: Riverside Cycle Path Feasibility Study, Harbour Transport' / 'Consultants, July 2024'."""
    for line in following:
        text = line.text.strip()
        ends_open = value.rstrip().endswith(("of", "-", "–", "and", "for", "the", ",", "to", "in", "on")) or value.count("(") > value.count(")")
        continues = ends_open or (text[:1].islower() or text[:1] in ")") or (liberal and len(text) < 60 and not read_label(text))
        if re.search(r"[.:;]$", value) or _FIELD_LINE.match(text) or _SECTION.match(text) or not continues:
            break
        value = f"{value} {text}"
    return value


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0].strip(" .") if values else None


def _title_under_heading(lines: list[Line]) -> str | None:
    """The unlabelled title printed under 'Report to the ... Committee on ...' / 'Report from ...'."""
    heading = [i for i, line in enumerate(lines[:12]) if re.match(r"^Report (?:to|from|of|by|for)\b", line.text, re.I)]
    if not heading:
        return None
    for line in lines[heading[-1] + 1 : heading[-1] + 3]:
        text = line.text.strip()
        if _FIELD_LINE.match(text) or _SECTION.match(text) or find_dates(text) or len(text.split()) > 14:
            return None
        if text[:1].isupper() and not re.search(r"[.;]$", text):
            return text
    return None


def _report_line(lines: list[Line]) -> str | None:
    """A report without a subject line is known by its heading: 'Report from the Head of Digital Services'."""
    for line in lines[:12]:
        if re.match(r"^Report (?:from|of|by) ", line.text, re.I) and len(line.text) < 120:
            return line.text.strip(" .")
    return None


def _author(fields: dict[str, list[str]], lines: list[Line]) -> str | None:
    for line in lines[:12]:
        match = re.match(r"^Report (?:from|of|by) (?:the )?(?P<who>.+)$", line.text, re.I)
        if match:
            return match.group("who").strip(" .")
    author = _first(fields, "author")
    if author:
        following = _continuation_of(lines, "author")
        return "; ".join([author] + following) if following else author
    return None


def _continuation_of(lines: list[Line], field: str) -> list[str]:
    """Further names under 'From:' (a report from a Cabinet Member and a Director)."""
    for index, line in enumerate(lines[:20]):
        if re.match(r"^(?:From|By)\s*:", line.text, re.I):
            more = []
            for following in lines[index + 1 : index + 4]:
                if _FIELD_LINE.match(following.text) or not re.match(r"^[A-Z][a-z]+ [A-Z]", following.text):
                    break
                more.append(following.text.strip(" ,"))
            return more
    return []


def _contact(fields: dict[str, list[str]], lines: list[Line]) -> str | None:
    value = _first(fields, "contact_officer")
    if value:
        return _name_and_post(value)
    for index, line in enumerate(lines):
        if re.match(r"^(?:Report Author|Contact Officer|Contact)\s*:?\s*$", line.text, re.I) and index + 2 < len(lines):
            return f"{lines[index + 1].text.strip()}, {lines[index + 2].text.strip()}"
    return None


def _name_and_post(value: str) -> str:
    """'Prod Sarigianis Head of Digital Services Tel: 020 ...' -> 'Prod Sarigianis, Head of Digital Services'."""
    value = _CONTACT_JUNK.sub("", value).strip(" ,")
    match = re.match(r"^((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+?)\s+((?:Head|Director|Chief|Senior|Manager|Officer|Assistant|Principal|Strategic|Interim|Deputy|Corporate|Service)\b.*)$", value)
    if match:
        return f"{match.group(1)}, {match.group(2)}"
    words = value.split()
    if "," not in value and len(words) >= 3 and re.search(r"\b(?:Manager|Officer|Director|Head|Clerk|Adviser|Advisor|Lead)\b", value):
        return f"{' '.join(words[:2])}, {' '.join(words[2:])}"  # "Martin Achebe Transport Policy Manager"
    return value


def _key_decision(value: str | None) -> str | None:
    if not value:
        return None
    lowered = value.lower()
    if lowered.startswith(("non", "no")):
        return "Non-Key"
    if lowered.startswith(("key", "yes")):
        return "Key"
    return value


def _is_exempt(classification: str | None) -> bool:
    if not classification:
        return False
    lowered = classification.lower()
    if re.search(r"\b(?:unrestricted|open|public|not exempt)\b", lowered):
        return False
    return bool(re.search(r"\b(?:exempt|restricted|confidential|not for publication|private)\b", lowered))


def _appendices(value: str | None, lines: list[Line]) -> tuple[int | None, list[str]]:
    names: list[str] = []
    count = None
    if value:
        number = re.match(r"^(\d+|none|nil|no)\b", value, re.I)
        if number:
            count = int(number.group(1)) if number.group(1).isdigit() else 0
        names += [n.strip() for inside in re.findall(r"\(([^)]+)\)", value) for n in inside.split(";") if n.strip()]
    for line in lines:
        match = re.match(r"^Appendix\s+(?P<id>[A-Z0-9]{1,3})\s*[:–—-]\s*(?P<name>.+)$", line.text)
        if match:
            names.append(f"Appendix {match.group('id')}: {match.group('name').strip()}")
    names = list(dict.fromkeys(names))
    return (count if count is not None else (len(names) or None)), names


def _recommendations(lines: list[Line]) -> list[str]:
    for index, line in enumerate(lines):
        match = _RECOMMENDATIONS.match(line.text)
        if not match or len(line.text) > 60:
            continue
        body = [match.group("rest")] if match.group("rest") else []
        for following in lines[index + 1 : index + 40]:
            text = following.text
            if _SECTION.match(text) and not re.match(r"^\d+\.[1-9]\d*\s", text):
                break
            body.append(text)
        found = _split_recommendations(body)
        if found:
            return found
    return []


def _split_recommendations(body: list[str]) -> list[str]:
    """Lettered or numbered recommendations, each whole; or the paragraph as one."""
    items: list[str] = []
    lead: list[str] = []
    for text in body:
        stripped = re.sub(r"^(?:[-•]\s*)?\d+\.\d+\s+", "", text.strip())
        paragraph = stripped != text.strip() and not stripped.rstrip().endswith(":")  # "2.2 That the ..." is one
        if read_label(stripped) or paragraph:
            items.append(stripped)
        elif items and (text[:1].islower() or not re.search(r"[.:;]$", items[-1])):
            items[-1] = f"{items[-1]} {stripped}"
        elif not items:
            lead.append(stripped)
    if items:
        return [re.sub(r"^[-•]\s*", "", item) for item in items]
    text = " ".join(lead).strip()
    return [text] if text else []


def _section_text(lines: list[Line], heading: str) -> str | None:
    for index, line in enumerate(lines):
        if re.match(rf"^(?:\d+(?:\.0)?\.?\s+)?{heading}\s*:?\s*$", line.text, re.I):
            body = []
            for following in lines[index + 1 : index + 12]:
                if (_SECTION.match(following.text) and not re.match(r"^\d+\.[1-9]\d*\s", following.text)) or re.match(r"^Appendix\b", following.text):
                    break
                body.append(re.sub(r"^\d+\.\d+\s+", "", following.text))  # "8.1 None." -> "None."
            return " ".join(body).strip(" .") or None
    return None


def _signed_off(lines: list[Line]) -> str | None:
    for index, line in enumerate(lines):
        match = _SIGN_OFF.match(line.text)
        if match:
            parts = [match.group("rest")] if match.group("rest") else []
            parts += [l.text for l in lines[index + 1 : index + 3] if len(l.text) < 80]
            return ", ".join(p.strip() for p in parts if p.strip()) or None
    return None


def _decision_number(fields: dict[str, list[str]], lines: list[Line]) -> str | None:
    for value in fields.get("decision_number", []):
        match = _DECISION_NUMBER.search(value)
        if match:
            return match.group(1)
    for line in lines[:15]:
        match = re.match(r"^(?:Subject|Title)?\s*:?\s*(\d{2}/\d{4,6})\s*[-–—:]", line.text)
        if match:
            return match.group(1)
    return None


def _destination(fields: dict[str, list[str]], lines: list[Line]) -> tuple[str | None, str | None]:
    """The body and date of the meeting the report goes to: 'Report to the Joint ICT Committee on
    4 July 2018', 'To: Cabinet – 30 January 2025'."""
    for line in lines[:20]:
        match = re.match(r"^(?:Report (?:to|for) (?:the )?|To:\s*)(?P<body>[^–—,:]+?)(?:\s+(?:on|meeting)\b|\s*[–—,-]\s*|$)(?P<rest>.*)$", line.text, re.I)
        if match and not re.match(r"^all\b", match.group("body"), re.I):
            dates = find_dates(line.text)
            return match.group("body").strip(), dates[0].iso if dates else None
    body = _first(fields, "meeting_body")
    when = _first(fields, "meeting_date")
    dates = find_dates(when) if when else []
    return body, dates[0].iso if dates else None
