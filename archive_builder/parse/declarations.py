"""Declarations of interest: who declared what, and on which item where the minutes say.

"Mrs Chandler and Mr Rayner declared a pecuniary interest in item 12 – Motion for ... – and would not
participate", "Ms Meade declared an interest that she was a carer", "Cllr Grant Tomkins declared an
interest in relation to item 12a on agenda Planning Application ...", "Later in the meeting Mr Sole
declared an interest under Item 16", "A declaration of interest was made by Cllr X in respect of
item 5". Statements that there were none, and an agenda's notes on how to declare, are not declarations.
"""

from __future__ import annotations

import re

from archive_builder.model import Declaration, Line
from archive_builder.parse.attendance import without_abbreviation_stops
from archive_builder.parse.motions import sentences
from archive_builder.parse.names import is_honorific, split_name_list
from archive_builder.parse.paragraphs import paragraphs

_DECLARED = re.compile(r"\s(?:each\s+|both\s+|also\s+)?declared\s+(?:an?\s+|their\s+|his\s+|her\s+)?[^.]{0,80}?\binterests?\b")
_NAME_RUN = re.compile(r"((?:(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|[A-Z][\w'’.-]*|and|&|,)\s*)+)$")
_MADE_BY = re.compile(r"\bdeclarations?\s+of\s+(?P<kind>[\w\s-]*?)interests?\s+(?:was|were)\s+(?:made|declared|received)\s+by\s+(?P<names>[^.]+?)(?:\s+(?:in respect of|in relation to|regarding|on|for|under)\s+(?P<rest>.*))?$", re.I)
_HAVING_DECLARED = re.compile(
    r"^(?:Having|After|Before)\s+(?:previously\s+)?declared\b[^,]{0,120},\s*(?P<names>(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
_ITEM = re.compile(r"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?(?P<n>\d{1,3}[a-z]?(?:/\d{2,4})?)\b", re.I)
_LEADING = re.compile(r"^(?:\(?\d{1,2}[.)]\s*|\([a-z]\)\s*|Later in the meeting,?\s+|At this point,?\s+|During (?:this|the) item,?\s+)", re.I)


def read_declarations(lines: list[Line]) -> list[Declaration]:

    found: list[Declaration] = []
    for para in paragraphs(lines):
        for sentence in sentences(without_abbreviation_stops(para.text)):
            for declaration in _declarations_in(_LEADING.sub("", sentence.strip())):
                declaration.page = para.page
                found.append(declaration)
    return found


def _declarants(run: str) -> str:
    """The names in the capitalised words before 'declared': from the first honorific on, or else
    the last two words ('Jenni Hawkins'); a title run into the sentence is not a name."""
    words = run.split()
    for index, word in enumerate(words):
        if re.fullmatch(r"(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Sir|Dame)", word):
            return " ".join(words[index:])
    return " ".join(words[-2:])


def _declarations_in(sentence: str) -> list[Declaration]:
    if re.search(r"\b(?:no|any)\s+declarations?\b|\bnone\s+(?:were\s+)?declared\b|\bmust\s+declare\b|\bmay wish to declare\b", sentence, re.I):
        return []
    match = _DECLARED.search(sentence)
    names_text = None
    having = _HAVING_DECLARED.match(sentence)
    if having:
        names_text = having.group("names")  # "Having declared a pecuniary interest, Cllr Lowe left the meeting"
    elif match:
        run = _NAME_RUN.search(sentence[max(0, match.start() - 120) : match.start()].strip())
        names_text = _declarants(run.group(1)) if run else None
    else:
        made = _MADE_BY.search(sentence)
        if made:
            names_text = made.group("names")
    if not names_text:
        return []
    item = _ITEM.search(sentence)
    names = [entry.name for entry in split_name_list(names_text) if entry.name and entry.name[:1].isupper()]
    return [
        Declaration(name=name, text=sentence.rstrip(), item_number=item.group("n") if item else None)
        for name in names
        if not re.match(r"^(?:The|A|An|It|This|Members?|All|Having|After|Later)\b", name)
        and (is_honorific(name.split()[0]) or len(name.split()) >= 2)
    ]
