"""People's names as minutes print them: one name read into its parts, and lists of names split up.

"Mr B J Sweetland (Chairman)", "Councillor Margaret McLennan", "Sir Paul Carter, CBE", "Cllr. McLennan",
"Councillors Miller (London Borough of Brent), Bonavia ... and Cryan & Leeming (London Borough of Southwark)",
"Cllr Sue Lintern Chair Cllr Daphne Clements ... Helen Richardson Parish Clerk".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Honorifics and the gender they tell, which keeps "Mr J Meade" and "Ms J Meade" apart.
HONORIFICS = {
    "councillor": None, "councillors": None, "cllr": None, "cllrs": None, "clir": None, "cllr.": None,
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "sir": "m", "dame": "f",
    "lord": "m", "lady": "f", "prof": None, "professor": None, "rev": None, "revd": None, "reverend": None,
    "canon": None, "mayor": None, "alderman": None, "ald": None, "deputy": None, "the": None,
    "councilmember": None, "councilmembers": None, "councilwoman": "f", "councilman": "m", "alderperson": None,
    "alder": None, "commissioner": None, "supervisor": None, "trustee": None, "reeve": None,
    "cr": None, "crs": None,  # Australia and New Zealand: "Cr Smith"
}
_PLURAL_HONORIFICS = {"councillors": "Councillor", "cllrs": "Cllr", "councilmembers": "Councilmember", "crs": "Cr"}
POSTNOMINALS = {
    "obe", "mbe", "cbe", "kbe", "dbe", "bem", "jp", "mp", "msp", "ms", "mla", "mep", "dl", "qc", "kc",
    "frsa", "fca", "phd", "mba", "ba", "bsc", "ma", "msc", "llb", "ceng", "cbiol",
}
PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "del", "della", "st", "st.", "o'", "mac", "ap"}
# Words that start a post or role printed after a name, not part of the name.
ROLE_WORDS = {
    "chair", "chairman", "chairperson", "chairwoman", "vice", "vice-chair", "vice-chairman", "deputy",
    "clerk", "officer", "manager", "director", "head", "chief", "counsel", "warden", "leader", "member",
    "cabinet", "mayor", "secretary", "treasurer", "solicitor", "monitoring", "assistant", "interim",
    "corporate", "executive", "democratic", "governance", "service", "services", "principal", "senior",
    "strategic", "lead", "coordinator", "co-ordinator", "adviser", "advisor", "engineer", "planner",
    "representative", "parish", "town", "county", "borough", "district", "city", "council", "councillor",
    "london", "norfolk", "kent", "footpath", "youth", "finance", "financial", "responsible", "public",
    "substitute", "observer", "consultant", "auditor", "inspector", "superintendent", "sergeant", "pc",
    "administrator", "surveyor", "registrar", "architect", "specialist", "technician", "attorney", "controller",
    "accountant", "analyst",
}
_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$")


@dataclass
class PersonName:
    printed: str  # the name as printed, without brackets
    honorific: str | None = None
    forenames: list[str] = field(default_factory=list)
    initials: str = ""  # initials of the forenames, printed or derived ("BJ")
    surname: str = ""
    postnominals: list[str] = field(default_factory=list)

    @property
    def gender(self) -> str | None:
        return HONORIFICS.get((self.honorific or "").lower().rstrip("."))

    @property
    def surname_key(self) -> str:
        """The surname as a key: case, hyphens, spaces and apostrophes do not tell people apart."""
        return _surname_key(self.surname)

    @property
    def full(self) -> str:
        """The fullest plain form: forenames (or initials) and surname, without honorific."""
        given = " ".join(self.forenames) if self.forenames else " ".join(self.initials)
        return f"{given} {self.surname}".strip()


@lru_cache(maxsize=65536)  # people are matched by surname many times over
def _surname_key(surname: str) -> str:
    return re.sub(r"[^a-z]", "", surname.lower())


def parse_name(text: str) -> PersonName:
    """Read a single printed name into its parts; brackets and a post after a comma are left out."""
    printed = _strip_brackets(text).strip(" ,;.:")
    words = [w for w in re.split(r"[\s,]+", printed) if w]
    name = PersonName(printed=" ".join(words))
    while words and words[0].lower().rstrip(".") in HONORIFICS and len(words) > 1:
        honorific = words.pop(0)
        if honorific.lower() != "the":
            name.honorific = _PLURAL_HONORIFICS.get(honorific.lower().rstrip("."), honorific.rstrip("."))
    while words and words[-1].lower().rstrip(".") in POSTNOMINALS and len(words) > 1:
        name.postnominals.insert(0, words.pop().rstrip("."))
    if not words:
        return name
    surname = [words.pop()]
    while words and words[-1].lower() in PARTICLES:
        surname.insert(0, words.pop())
    name.surname = " ".join(surname)
    for word in words:
        if _INITIALS.match(word):
            name.initials += word.replace(".", "")
        else:
            name.forenames.append(word)
            name.initials += word[0].upper()
    return name


def is_honorific(word: str) -> bool:
    return word.lower().rstrip(".,") in HONORIFICS and word.lower() != "the"


def looks_like_name(text: str) -> bool:
    """True for 'Mr P M Hill', 'Sue Chandler', 'Rich Lehmann'; false for posts and sentences."""
    words = [w for w in re.split(r"\s+", _strip_brackets(text).strip(" ,;.")) if w]
    if not words or len(words) > 6:
        return False
    if is_honorific(words[0]):
        return len(words) > 1
    lowered = [w.lower() for w in words]
    if any(w in ROLE_WORDS for w in lowered):
        return False
    return all(w[0].isupper() or w.lower() in PARTICLES for w in words) and len(words) >= 2


@dataclass
class ListedName:
    """One entry of a printed list of names, with what was printed beside it."""

    name: str
    bracket: str | None = None  # "(Chair – London Borough of Brent)" without the brackets
    post: str | None = None  # a post printed after the name ("Cabinet Member for ...")


_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


def split_name_list(text: str) -> list[ListedName]:
    """Split a printed list of names into entries, keeping brackets and posts with their names."""
    text = text.strip().rstrip(".")
    if _honorific_count(text) >= 2 and _names_run_together(text):
        return _split_run_on_list(text)
    entries: list[ListedName] = []
    honorific = None
    for chunk, bracket, separator in _chunks(text):
        chunk = chunk.strip()
        words = chunk.split()
        if words and words[0].lower().rstrip(".") in _PLURAL_HONORIFICS:
            honorific = _PLURAL_HONORIFICS[words[0].lower().rstrip(".")]
            chunk = " ".join(words[1:])
        elif words and is_honorific(words[0]):
            honorific = None
        if not chunk and bracket and entries:
            entries[-1].bracket = entries[-1].bracket or bracket
            continue
        if not chunk:
            continue
        if chunk.upper().rstrip(".") in {p.upper() for p in POSTNOMINALS} and entries:
            entries[-1].name += f", {chunk}"
            continue
        bracketed_name = bracket is not None and bool(re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}", chunk))
        if entries and not looks_like_name(chunk) and not bracketed_name and not (honorific and chunk[:1].isupper() and len(chunk.split()) <= 3):
            entries[-1].post = chunk if not entries[-1].post else f"{entries[-1].post}, {chunk}"
            continue
        name = f"{honorific} {chunk}" if honorific and not is_honorific(chunk.split()[0]) else chunk
        entries.append(ListedName(name=name, bracket=bracket))
        if separator == "&" and bracket is None:
            entries[-1].bracket = "&"  # shares the bracket of the name after the '&'
    return _share_brackets(entries)


def _share_brackets(entries: list[ListedName]) -> list[ListedName]:
    # "Cryan & Leeming (London Borough of Southwark)": the bracket belongs to both names.
    for index in range(len(entries) - 2, -1, -1):
        if entries[index].bracket == "&":
            entries[index].bracket = entries[index + 1].bracket if entries[index + 1].bracket != "&" else None
    return entries


def _chunks(text: str):
    """Pieces of a list between separators, each with the bracket printed after it and the separator."""
    pieces: list[tuple[str, str | None, str]] = []
    depth, current, bracket, bracket_text = 0, "", None, ""
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
            if depth == 1:
                bracket_text = ""
                index += 1
                continue
        elif char in ")]" and depth:
            depth -= 1
            if depth == 0:
                # "Councillor Margaret Okonkwo (Chair) (Quayside Ward)": every bracket counts
                bracket = f"{bracket} – {bracket_text.strip()}" if bracket else bracket_text.strip()
                index += 1
                continue
        if depth:
            bracket_text += char
            index += 1
            continue
        match = _SPLIT.match(text, index)
        if match and match.end() > index and (char in ",;&" or _word_boundary(text, index)):
            separator = match.group(0).strip()
            pieces.append((current, bracket, separator))
            current, bracket = "", None
            index = match.end()
            continue
        current += char
        index += 1
    pieces.append((current, bracket, ""))
    return pieces


def _word_boundary(text: str, index: int) -> bool:
    return index == 0 or text[index - 1].isspace()


def _names_run_together(text: str) -> bool:
    """True where names follow each other without separators: 'Cllr A Chair Cllr B Cllr C, ...'."""
    chunks = re.split(r"[,;]|\band\b|&", _strip_brackets(text))
    return any(_honorific_count(chunk) >= 2 or _honorific_inside(chunk) for chunk in chunks)


def _honorific_inside(chunk: str) -> bool:
    """'West Norfolk Cllr Martin Storey': a name starting after other words, so names ran together."""
    words = chunk.split()
    return any(is_honorific(word) and word.lower() not in {"the", "deputy"} for word in words[1:]) and not is_honorific(words[0])


def _honorific_count(text: str) -> int:
    """How many names an honorific opens: a run of them opens one ("Mayor Cr Jane Smith")."""
    count, previous = 0, False
    for word in text.split():
        titled = is_honorific(word) and word.lower() not in {"the", "deputy"}
        count += titled and not previous
        previous = is_honorific(word)
    return count


def _split_run_on_list(text: str) -> list[ListedName]:
    """'Cllr Sue Lintern Chair Cllr Daphne Clements ... Helen Richardson Parish Clerk': split at honorifics,
    then read each chunk as a name followed by a role, a body, or another (officer's) name and post."""
    # "Norfolk County Councillor" is a post printed after a name, not the start of the next name.
    chunks = re.split(
        r"(?<!County )(?<!Borough )(?<!District )(?<!Parish )(?<!Town )(?<!City )(?<!Ward )"
        r"(?=\b(?:Cllr\.?|Councillor|Councilmember|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Mayor)\s)",
        text,
    )
    merged: list[str] = []
    for chunk in chunks:
        if merged and merged[-1].split() and all(is_honorific(word) for word in merged[-1].split()):
            merged[-1] += chunk  # "Mayor Cllr Jane Smith": one name under two honorifics
        else:
            merged.append(chunk)
    entries: list[ListedName] = []
    for chunk in merged:
        words = chunk.split()
        if not words or not is_honorific(words[0]):
            continue
        name_words, rest = _name_then_rest(words)
        entry = ListedName(name=" ".join(name_words))
        entries.append(entry)
        remainder = " ".join(rest)
        bracket = re.match(r"^\(([^)]*)\)\s*(.*)$", remainder)
        if bracket:
            entry.bracket, remainder = bracket.group(1), bracket.group(2)
        if remainder:
            officer = _officer_in(remainder.split())
            if officer:
                entries.append(officer)
            elif not entry.bracket:
                entry.post = remainder
    return entries


def _name_then_rest(words: list[str]) -> tuple[list[str], list[str]]:
    name = [words[0]]
    index = 1
    taken = 0
    while index < len(words) and taken < 3:
        word = words[index]
        if word.startswith("(") or word.lower().strip(",") in ROLE_WORDS:
            break
        if word.endswith(","):
            name.append(word.rstrip(","))
            index += 1
            break
        if taken >= 2 and word.lower() not in PARTICLES and not _INITIALS.match(name[-1]):
            break
        if not (word[:1].isupper() or word.lower() in PARTICLES):
            break
        name.append(word)
        index += 1
        if word.lower() not in PARTICLES and not _INITIALS.match(word):
            taken += 1
    return name, words[index:]


def _officer_in(rest: list[str]) -> ListedName | None:
    """'Helen Richardson Parish Clerk and Financial Responsible Person' (or with the post in brackets)
    -> an officer and her post."""
    bracketed = re.match(r"^([A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s*\(([^)]*)\)?", " ".join(rest))
    if bracketed:
        return ListedName(name=bracketed.group(1), post=bracketed.group(2).rstrip(")"))
    if len(rest) >= 3 and rest[0][:1].isupper() and rest[1][:1].isupper():
        if rest[0].lower() not in ROLE_WORDS and rest[1].lower() not in ROLE_WORDS and any(
            w.lower() in ROLE_WORDS for w in rest[2:]
        ):
            return ListedName(name=f"{rest[0]} {rest[1]}", post=" ".join(rest[2:]))
    return None


def _strip_brackets(text: str) -> str:
    return re.sub(r"\s*[(\[][^)\]]*[)\]]", "", text)
