"""The clerk's corrections: sidecar YAML files that fix what the builder read wrong or could not know.

A sidecar sits beside its file, named after it (`minutes.pdf.yml` corrects `minutes.pdf`):

    committee: Planning Committee      # the committee's name (or its id in archive.yml)
    date: 2025-02-13                   # the meeting's date (YYYY-MM-DD, or "13 February 2025")
    kind: minutes                      # agenda, minutes, report, decision or other
    title: Riverside footbridge repairs
    exempt: true                       # withhold it whole (false: publish what was taken for exempt,
                                       # or for business taken in private)
    names:                             # people's names as printed -> as they should appear
      Cllr J Smiht: Cllr J Smith

A folder's `_folder.yml` holds `defaults:` (the same keys, for every file in the folder and the
folders inside it) and `files:` (the same keys for each file, by name). The nearer word wins: a
file's own sidecar over its folder's `files:` entry, that over the folder's defaults, and those over
an outer folder's; `names` are merged.

Corrections are applied to a file's parsed facts before assembly, so pages, addresses, links,
search and export all follow them. A sidecar that cannot be used is reported (naming the sidecar
and what is wrong) and what is valid in it still applies; one whose `exempt` cannot be read, or
that cannot be read at all while it mentions `exempt`, withholds its documents until it is fixed:
a typo must never publish what the clerk meant to withhold.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from archive_builder.config import described
from archive_builder.model import DocumentFacts, Problem
from archive_builder.parse import PRIVATE_WARNING
from archive_builder.dates import find_dates
from archive_builder.sources.discover import FOLDER_SIDECARS, SourceFile

KEYS = ("committee", "date", "kind", "title", "exempt", "names")
KINDS = ("agenda", "minutes", "report", "decision", "other")
FOLDER_KEYS = ("defaults", "files")
CLERK_EXEMPT = "the clerk marked it exempt from publication"
UNSURE_EXEMPT = "its sidecar of corrections could not be read, and may mark it exempt: withheld until the sidecar is fixed"
# A sidecar that YAML cannot read may still say `exempt: <anything but false>`.
_MAY_SAY_EXEMPT = re.compile(r"(?im)^[\s-]*exempt\s*:(?!\s*(?:false|no|off)\s*(?:#.*)?$)")

Reread = Callable[..., list[DocumentFacts]]


# --- Reading sidecars ----------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """YAML as a clerk writes it: dates stay text (checked here, with a clear message, rather than
    failing inside YAML on 2025-02-30), and a key given twice is an error, not silently the last."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class _Said:
    """What one sidecar (or one part of a folder's) says, validated."""

    sidecar: str  # the sidecar's path in the sources folder
    values: dict = field(default_factory=dict)  # key -> value; names -> {printed: correct}
    unsure: bool = False  # `exempt` could not be read: withhold, to be safe


@dataclass
class Correction:
    """Everything said of one source file, each value with the sidecar that said it."""

    values: dict[str, tuple[object, str]] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # printed -> (correct, sidecar)
    unsure: str | None = None  # the sidecar whose `exempt` could not be read

    def add(self, said: _Said) -> None:
        """What `said` says, over what was said before (it is the nearer word)."""
        for key, value in said.values.items():
            if key == "names":
                self.names.update({printed: (correct, said.sidecar) for printed, correct in value.items()})
            else:
                self.values[key] = (value, said.sidecar)
            if key == "exempt":
                self.unsure = None
        if said.unsure:
            self.unsure = said.sidecar
            self.values.pop("exempt", None)

    def get(self, key: str):
        return self.values[key][0] if key in self.values else None


class Sidecars:
    """Every sidecar in a sources folder, read once; `correct` applies them file by file."""

    def __init__(self) -> None:
        self._problems: list[Problem] = []
        self._corrections: dict[str, Correction] = {}
        self._names_used: set[tuple[str, str]] = set()  # (sidecar, printed) that changed something
        self._names_given: dict[tuple[str, str], str] = {}  # (sidecar, printed) -> where it applied

    @classmethod
    def read(cls, sources_dir: Path, files: list[SourceFile], paths: list[Path]) -> Sidecars:
        """The sidecars at `paths` (in the sources folder, as sources.survey found them) for `files`."""
        sidecars = cls()
        sources = {file.source for file in files}
        own: dict[str, list[_Said]] = {}
        folder_defaults: dict[str, list[_Said]] = {}
        folder_files: dict[str, list[_Said]] = {}
        for path in paths:
            name = path.relative_to(sources_dir).as_posix()
            folder = PurePosixPath(name).parent.as_posix()
            folder = "" if folder == "." else folder
            data, failed, unsure = sidecars._load(path, name)
            if failed:
                data = None
            if path.name in FOLDER_SIDECARS:
                defaults, entries = sidecars._folder(name, folder, data, failed, unsure, sources)
                folder_defaults.setdefault(folder, []).append(defaults)
                for source, said in entries.items():
                    folder_files.setdefault(source, []).append(said)
                continue
            target = name[: -len(PurePosixPath(name).suffix)]
            if target not in sources:
                missing = (f"there is no '{PurePosixPath(target).name}' beside it" if PurePosixPath(target).suffix
                           else "it is not named after a file")
                sidecars._problem(name, f"corrects no file: {missing} (a sidecar is named after the file it corrects: "
                                        f"minutes.pdf.yml for minutes.pdf; a folder's is {FOLDER_SIDECARS[0]}); it was not used")
                continue
            said = sidecars._file_entry(name, "", data, failed, unsure)
            if own.get(target):
                sidecars._problem(name, f"a second sidecar for '{PurePosixPath(target).name}' (with {own[target][-1].sidecar}): "
                                        "both are applied, this one last", "warning")
            own.setdefault(target, []).append(said)
        for file in files:
            correction = Correction()
            for folder in _folders_of(file.source):
                for said in folder_defaults.get(folder, []):
                    correction.add(said)
            for said in folder_files.get(file.source, []) + own.get(file.source, []):
                correction.add(said)
            if correction.values or correction.names or correction.unsure:
                sidecars._corrections[file.source] = correction
                for printed, (_, sidecar) in correction.names.items():
                    sidecars._names_given.setdefault((sidecar, printed), file.source)
        return sidecars

    @property
    def problems(self) -> list[Problem]:
        """What is wrong with the sidecars, and the names they correct that no file prints."""
        unused = [
            Problem(sidecar, f"names: '{printed}' is not printed as anyone's name in "
                             f"{'any file it covers' if PurePosixPath(sidecar).name in FOLDER_SIDECARS else PurePosixPath(where).name}: "
                             "nothing was changed (copy the name as the page shows it)", "warning")
            for (sidecar, printed), where in sorted(self._names_given.items())
            if (sidecar, printed) not in self._names_used
        ]
        return self._problems + unused

    def correction(self, source: str) -> Correction | None:
        return self._corrections.get(source)

    def _problem(self, sidecar: str, message: str, severity: str = "error") -> None:
        self._problems.append(Problem(sidecar, message, severity))

    def _load(self, path: Path, name: str) -> tuple[object, bool, bool]:
        """The sidecar's YAML; whether it could not be read; and if so, whether it may say exempt."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8 text"
            self._problem(name, f"cannot be read ({reason}): none of its corrections were applied, "
                                "and its documents are withheld until it can be read, to be safe")
            return None, True, True
        try:
            return yaml.load(text, Loader=_Loader), False, False
        except yaml.YAMLError as error:
            where = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            at = f"line {where.line + 1}, column {where.column + 1}: " if where else ""
            what = getattr(error, "problem", None) or str(error).splitlines()[0]
            unsure = bool(_MAY_SAY_EXEMPT.search(text))
            self._problem(name, f"not valid YAML ({at}{what}): none of its corrections were applied"
                                + ("; since it mentions exempt, its documents are withheld until it is fixed" if unsure else ""))
            return None, True, unsure

    def _folder(self, name: str, folder: str, data: object, failed: bool, unsure: bool,
                sources: set[str]) -> tuple[_Said, dict[str, _Said]]:
        """A folder's defaults, and its entries by source path."""
        defaults = _Said(name, unsure=unsure)
        entries: dict[str, _Said] = {}
        if data is None:
            if not failed:
                self._problem(name, "empty: nothing to correct", "warning")
            return defaults, entries
        if not isinstance(data, dict):
            self._problem(name, f"expected `defaults:` and `files:`, found {described(data)}: none of it was applied")
            return defaults, entries
        for key in data:
            if key in FOLDER_KEYS:
                continue
            if key in KEYS:
                self._problem(name, f"'{key}' belongs under `defaults:` (for every file in the folder) or under a file's "
                                    "name in `files:`: it was not applied")
            else:
                self._problem(name, f"unknown key '{key}': a folder's {FOLDER_SIDECARS[0]} holds `defaults:` and `files:`"
                                    + _suggestion(key, FOLDER_KEYS))
        if data.get("defaults") is not None:
            defaults = self._file_entry(name, "defaults: ", data["defaults"])
        files = data.get("files")
        if files is None:
            return defaults, entries
        if not isinstance(files, dict):
            self._problem(name, f"files: expected each file's name with its corrections, found {described(files)}")
            return defaults, entries
        for file_name, entry in files.items():
            source = f"{folder}/{file_name}" if folder else str(file_name)
            if not isinstance(file_name, str) or source not in sources:
                self._problem(name, f"files: '{file_name}' is not a file in this folder: its corrections were not applied")
                continue
            entries[source] = self._file_entry(name, f"files: {file_name}: ", entry)
        return defaults, entries

    def _file_entry(self, name: str, where: str, data: object, failed: bool = False, unsure: bool = False) -> _Said:
        """One set of corrections, checked key by key: what is valid is kept, what is not is reported."""
        said = _Said(name, unsure=unsure)
        if data is None:
            if not failed:
                self._problem(name, f"{where}empty: nothing to correct", "warning")
            return said
        if not isinstance(data, dict):
            self._problem(name, f"{where}expected lines of `key: value` ({', '.join(KEYS)}), found {described(data)}")
            return said
        for key, value in data.items():
            if key not in KEYS:
                self._problem(name, f"{where}unknown key '{key}': a sidecar can correct {', '.join(KEYS)}"
                                    + _suggestion(str(key), KEYS) + "; it was not applied")
                continue
            checked, message = _CHECKS[key](value)
            if message:
                if key == "exempt":
                    said.unsure = True
                    message += f"; until it is, {'the documents it covers are' if where else 'the document is'} withheld, to be safe"
                self._problem(name, f"{where}{key}: {message}")
            if checked is not None:
                said.values[key] = checked
        return said

    # --- Applying corrections ---------------------------------------------------------------------

    def correct(self, source: SourceFile, facts: list[DocumentFacts], reread: Reread) -> list[DocumentFacts]:
        """The file's facts as its sidecars say they should be; `reread(kind=, date=, withhold=)` parses the
        file again: as a kind, with a date (its items' due dates follow the meeting's), or with nothing in it
        withheld as business taken in private."""
        correction = self._corrections.get(source.source)
        if correction is None or not facts:
            return facts
        before = facts[0]
        notes: list[str] = []
        kind, date = correction.get("kind"), correction.get("date")
        exempt = correction.get("exempt")
        # exempt: false publishes what the builder took for private business, too: the file is read
        # again with nothing in it withheld.
        private = exempt is False and any(_holds_private(found) for found in facts)
        # Facts may be shared with a cache: corrections change a copy (or a fresh reading).
        if kind or date or private:
            facts = reread(kind=kind, date=date, withhold=not private)
        else:
            facts = copy.deepcopy(facts)
        top = facts[0].document
        if kind:
            notes.append(_note(f"kind: {kind}", _was(before.document.kind, kind), correction, "kind"))
        if date:
            notes.append(_note(f"meeting date: {date}", _was(before.date, date, "no date found"), correction, "date"))
        committee = correction.get("committee")
        if committee:
            printed = before.committee_name
            for found in facts:
                found.committee_name, found.body_names = committee, [committee]
                found.document.committee_name, found.document.committee_from = committee, "sidecar"
            notes.append(_note(f"committee: {committee}", _was(printed, committee, "no committee found"), correction, "committee"))
        title = correction.get("title")
        if title:
            top.title = title
            if top.report is not None:
                top.report.title = title
            notes.append(_note("title set", None, correction, "title"))
        if exempt is True or correction.unsure:
            reason = CLERK_EXEMPT if exempt is True else UNSURE_EXEMPT
            for found in facts:
                found.document.exempt, found.document.withheld = True, reason
            notes.append(_note("exempt: withheld whole", None, correction, "exempt") if exempt is True
                         else f"withheld until {correction.unsure} is fixed (its exempt could not be read)")
        elif exempt is False:
            taken_for = [f.document.withheld for f in facts if f.document.exempt]
            taken_for += ["it holds business taken in private"] if private else []
            for found in facts:
                found.document.exempt, found.document.withheld = False, None
                if found.document.report is not None:
                    found.document.report.exempt = False
            notes.append(_note("exempt: false, published", f"the builder took it for exempt: {taken_for[0]}" if taken_for
                               else "it was not taken for exempt", correction, "exempt"))
        if correction.names:
            notes += self._rename(facts, correction)
        top.corrections = [note for note in notes if note]
        return facts

    def _rename(self, facts: list[DocumentFacts], correction: Correction) -> list[str]:
        notes = []
        for printed, (correct, sidecar) in sorted(correction.names.items()):
            changed = sum(_rename_in(found, printed, correct) for found in facts)
            if changed:
                self._names_used.add((sidecar, printed))
                notes.append(f"name '{printed}' shown as '{correct}' ({changed} {'place' if changed == 1 else 'places'}), from {sidecar}")
        return notes


def _holds_private(found: DocumentFacts) -> bool:
    """Whether the parser withheld any of the file's text as business taken in private."""
    return any(item.exempt for item in found.items) or any(w.startswith(PRIVATE_WARNING) for w in found.document.warnings)


# --- Checking values -------------------------------------------------------------------------------


def _text(value: object, what: str) -> tuple[str | None, str | None]:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
        return " ".join(str(value).split()), None
    return None, f"expected {what}, found {described(value)}"


def _committee(value: object):
    return _text(value, "the committee's name (or its id in archive.yml)")


def _title(value: object):
    return _text(value, "the document's title")


def _date(value: object) -> tuple[str | None, str | None]:
    example = "write it as YYYY-MM-DD, e.g. 2025-02-13"
    if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
        return None, f"expected a date ({example}), found {described(value)}"
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        try:
            return dt.date(*map(int, text.split("-"))).isoformat(), None
        except ValueError:
            return None, f"'{text}' is not a date in the calendar ({example})"
    found = find_dates(text)
    if len(found) == 1 and found[0].text.strip(" ,.") == text.strip(" ,."):
        return found[0].iso, None
    return None, f"'{text}' is not a date ({example})"


def _kind(value: object) -> tuple[str | None, str | None]:
    kinds = ", ".join(KINDS)
    if isinstance(value, str) and value.strip().lower() in KINDS:
        return value.strip().lower(), None
    shown = f"'{value}'" if isinstance(value, str) else described(value)
    return None, f"{shown} is not a kind the archive knows; use one of {kinds}"


def _exempt(value: object) -> tuple[bool | None, str | None]:
    if isinstance(value, bool):
        return value, None
    shown = f"'{value}'" if isinstance(value, str) else described(value)
    return None, f"{shown} must be true or false"


def _names(value: object) -> tuple[dict | None, str | None]:
    if not isinstance(value, dict):
        return None, f"expected lines of `printed name: correct name`, found {described(value)}"
    good, bad = {}, []
    for printed, correct in value.items():
        printed_text, _ = _text(printed, "")
        correct_text, _ = _text(correct, "")
        if printed_text and correct_text and not isinstance(printed, (int, float)):
            good[printed_text] = correct_text
        else:
            bad.append(f"'{printed}: {correct if correct is not None else ''}'")
    message = f"{', '.join(bad)}: each line needs a name as printed, a colon and the name as it should be" if bad else None
    return good or None, message


_CHECKS = {"committee": _committee, "date": _date, "kind": _kind, "title": _title, "exempt": _exempt, "names": _names}


def _suggestion(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(key).lower(), known, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _folders_of(source: str) -> list[str]:
    """The folders a source sits in, outermost first ('' is the sources folder itself)."""
    parts = PurePosixPath(source).parts[:-1]
    return [""] + ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _was(read: str | None, now: str, none: str = "") -> str | None:
    if read == now:
        return "as read"
    return f"read as {read}" if read else none or None


def _note(what: str, was: str | None, correction: Correction, key: str) -> str:
    return f"{what}{f' ({was})' if was else ''}, from {correction.values[key][1]}"


# --- Names -----------------------------------------------------------------------------------------


def _rename_in(found: DocumentFacts, printed: str, correct: str) -> int:
    """Put `correct` where `printed` is a name in the facts (whole, or a whole-word part of one).
    Quoted text stays as printed: only the fields that name people change."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, printed.split())) + r"(?!\w)", re.I)
    changed = 0

    def fix(name: str | None) -> str | None:
        nonlocal changed
        if not name:
            return name
        if " ".join(name.split()).casefold() == printed.casefold():
            changed += 1
            return correct
        fixed, count = pattern.subn(correct, name)
        changed += count
        return fixed

    for entry in [*found.attendance, *found.membership, *found.declarations]:
        entry.name = fix(entry.name)
    for item in found.items:
        for resolution in item.resolutions:
            resolution.mover, resolution.seconder = fix(resolution.mover), fix(resolution.seconder)
            if resolution.votes:
                resolution.votes.names = {way: [fix(n) for n in names] for way, names in resolution.votes.names.items()}
            for action in resolution.actions:
                action.owner = fix(action.owner)
    report = found.document.report
    if report is not None:
        report.author, report.contact_officer, report.signed_off_by = (
            fix(report.author), fix(report.contact_officer), fix(report.signed_off_by))
    return changed

