"""An archive folder's settings, read from its `archive.yml`, each value checked.

Every value is checked before anything is built, with a message that names the file, the setting and
what is wrong, as a sidecar's are (sources/sidecars.py): a wrong type, a committee id that is not a plain
slug (ids become folders of the site, so `../../x` must never be one), two committees with one id, a
`site_url` that is not a web address (it is written into feeds and calendars), a `sources` folder
outside the archive. Nothing in archive.yml can name a path outside the archive folder; another
folder of documents is read only when the clerk asks for it (`archive build --sources DIR`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from archive_builder.parse.vocabulary import ATTENDANCE_MEANINGS, DATE_ORDERS, OUTCOMES, Words
from archive_builder.slugs import slugify

CONFIG_FILE = "archive.yml"
KNOWN = ("site_name", "sources", "committees", "site_url", "private_headings", "public_headings", "date_order",
         "attendance_labels", "decision_words", "outcome_words")
COMMITTEE_KEYS = ("id", "name", "aliases")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 120


class ConfigError(Exception):
    """archive.yml is missing or says something the builder cannot use."""


@dataclass
class CommitteeConfig:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Config:
    root: Path
    site_name: str = "Committee archive"
    sources: str = "sources"
    committees: list[CommitteeConfig] = field(default_factory=list)
    site_url: str | None = None
    private_headings: list[str] = field(default_factory=list)  # more words that head business taken in private
    public_headings: list[str] = field(default_factory=list)  # more words that return to public business
    date_order: str | None = None  # how 02/01/2024 is read where a document does not settle it
    attendance_labels: dict[str, str] = field(default_factory=dict)  # a list's label -> what it says of the names
    decision_words: list[str] = field(default_factory=list)  # words that open a decision
    outcome_words: dict[str, str] = field(default_factory=dict)  # words that tell an outcome -> the outcome

    @property
    def sources_dir(self) -> Path:
        return self.root / self.sources

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def state_dir(self) -> Path:
        """Caches, manifest and build report: everything the builder keeps between builds."""
        return self.root / ".archive"

    @property
    def mkdocs_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def words(self) -> Words:
        """The council's own words, added to the builder's tables (parse/vocabulary.py)."""
        return Words(private=tuple(self.private_headings), public=tuple(self.public_headings),
                     attendance=tuple(sorted(self.attendance_labels.items())), decisions=tuple(self.decision_words),
                     outcomes=tuple(sorted(self.outcome_words.items())), date_order=self.date_order)


def load_config(root: Path) -> Config:
    path = root / CONFIG_FILE
    if not path.exists():
        raise ConfigError(f"{path} not found: is {root} an archive? Create one with `archive init {root}`.")
    raw = _settings(path)
    unknown = sorted(str(key) for key in raw if key not in KNOWN)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(KNOWN))}")
    committees = _committees(path, raw.get("committees"))
    return Config(
        root=root,
        site_name=_text(path, "site_name", raw.get("site_name")) or "Committee archive",
        sources=_sources(path, root, raw.get("sources")),
        committees=committees,
        site_url=_site_url(path, raw.get("site_url")),
        private_headings=_phrases(path, "private_headings", raw.get("private_headings")),
        public_headings=_phrases(path, "public_headings", raw.get("public_headings")),
        date_order=_choice(path, "date_order", raw.get("date_order"), DATE_ORDERS),
        attendance_labels=_meanings(path, "attendance_labels", raw.get("attendance_labels"), tuple(ATTENDANCE_MEANINGS)),
        decision_words=_phrases(path, "decision_words", raw.get("decision_words")),
        outcome_words=_meanings(path, "outcome_words", raw.get("outcome_words"), OUTCOMES),
    )


def _settings(path: Path) -> dict:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not a text file (not UTF-8 at byte {error.start}): write it as plain text") from error
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML: {' '.join(str(error).split())}") from error
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected lines of `setting: value`, found {described(raw)}")
    return raw


def _text(path: Path, key: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
        return " ".join(str(value).split())
    raise ConfigError(f"{path}: {key}: expected a line of text, found {described(value)}")


def _sources(path: Path, root: Path, value: object) -> str:
    """The sources folder, which must be inside the archive folder."""
    text = _text(path, "sources", value) or "sources"
    folder = Path(text)
    inside = not folder.is_absolute() and ".." not in folder.parts
    if inside:
        try:
            (root / folder).resolve().relative_to(root.resolve())
        except ValueError:
            inside = False  # a link inside the archive to a folder outside it
    if not inside:
        raise ConfigError(
            f"{path}: sources: '{text}' is not a folder inside the archive: name a folder in {root} "
            f"(e.g. sources), or read another folder with `archive build --sources DIR`"
        )
    return text


def _site_url(path: Path, value: object) -> str | None:
    if value is None or value == "":
        return None
    text = _text(path, "site_url", value)
    parts = urlsplit(text or "")
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in text for c in "<>\"' "):
        raise ConfigError(f"{path}: site_url: expected the site's web address (e.g. https://decisions.example.org/), "
                          f"found {described(value)}")
    return text


def _committees(path: Path, value: object) -> list[CommitteeConfig]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{path}: committees: expected a list of committees (each `- name: ...`), found {described(value)}")
    committees = [_committee(path, entry) for entry in value]
    seen: dict[str, str] = {}
    for committee in committees:
        if committee.id in seen:
            raise ConfigError(f"{path}: committees: '{seen[committee.id]}' and '{committee.name}' both have the id "
                              f"'{committee.id}': give each committee an id of its own")
        seen[committee.id] = committee.name
    return committees


def _committee(path: Path, entry: object) -> CommitteeConfig:
    if not isinstance(entry, dict) or "name" not in entry:
        raise ConfigError(f"{path}: committees: each committee needs at least a name, found {described(entry)}")
    unknown = sorted(str(key) for key in entry if key not in COMMITTEE_KEYS)
    if unknown:
        raise ConfigError(f"{path}: committees: unknown key(s) {', '.join(unknown)}; a committee has {', '.join(COMMITTEE_KEYS)}")
    name = _text(path, "committees: name", entry["name"]) or ""
    where = f"committees: {name}"
    committee_id = _text(path, f"{where}: id", entry.get("id")) or slugify(name)
    if not _SLUG.fullmatch(committee_id) or len(committee_id) > MAX_ID_LENGTH:
        raise ConfigError(f"{path}: {where}: id '{committee_id}' must be lower-case letters, digits and hyphens, "
                          f"at most {MAX_ID_LENGTH} (e.g. {slugify(name)[:MAX_ID_LENGTH]}): it is the committee's address")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise ConfigError(f"{path}: {where}: aliases: expected a list of names, found {described(aliases)}")
    return CommitteeConfig(id=committee_id, name=name, aliases=[_text(path, f"{where}: aliases", a) or "" for a in aliases])


def _phrases(path: Path, key: str, value: object) -> list[str]:
    """Words a clerk adds to what marks private (or public) business: each a heading's words."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{path}: {key}: expected a list of headings (e.g. [Members only]), found {described(value)}")
    phrases = [_text(path, key, phrase) for phrase in value]
    for phrase in phrases:
        if not re.search(r"[^\W_]", phrase or ""):
            raise ConfigError(f"{path}: {key}: '{phrase}' has no words")
    return [phrase for phrase in phrases if phrase]


def _choice(path: Path, key: str, value: object, choices: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    text = _text(path, key, value)
    if text not in choices:
        raise ConfigError(f"{path}: {key}: expected one of {', '.join(choices)}, found {described(value)}")
    return text


def _meanings(path: Path, key: str, value: object, choices: tuple[str, ...]) -> dict[str, str]:
    """Words a clerk adds, each with what it means: `Regrets: apologies`."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key}: expected lines of `words: meaning` (meaning one of {', '.join(choices)}), "
                          f"found {described(value)}")
    meanings = {}
    for words, meaning in value.items():
        phrase = _text(path, key, words)
        if not phrase or not re.search(r"[^\W_]", phrase):
            raise ConfigError(f"{path}: {key}: '{words}' has no words")
        meanings[phrase] = _choice(path, f"{key}: {phrase}", meaning, choices) or ""
        if not meanings[phrase]:
            raise ConfigError(f"{path}: {key}: {phrase}: expected one of {', '.join(choices)}, found nothing")
    return meanings


def described(value: object) -> str:
    """A value as a message shows it: what was found where something else was expected."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a list of keys"
    if isinstance(value, list):
        return "a list"
    text = " ".join(str(value).split())
    return f"'{text if len(text) <= 60 else text[:57] + '...'}'"
