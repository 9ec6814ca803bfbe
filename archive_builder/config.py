"""An archive folder's settings, read from its `archive.yml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CONFIG_FILE = "archive.yml"


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


def load_config(root: Path) -> Config:
    path = root / CONFIG_FILE
    if not path.exists():
        raise ConfigError(f"{path} not found: is {root} an archive? Create one with `archive init {root}`.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    known = {"site_name", "sources", "committees", "site_url"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return Config(
        root=root,
        site_name=str(raw.get("site_name") or "Committee archive"),
        sources=str(raw.get("sources") or "sources"),
        committees=[_committee(path, entry) for entry in raw.get("committees") or []],
        site_url=raw.get("site_url"),
    )


def _committee(path: Path, entry: object) -> CommitteeConfig:
    if not isinstance(entry, dict) or "name" not in entry:
        raise ConfigError(f"{path}: each committee needs at least a name, got {entry!r}")
    from .slugs import slugify

    name = str(entry["name"])
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise ConfigError(f"{path}: aliases of {name!r} must be a list")
    return CommitteeConfig(id=str(entry.get("id") or slugify(name)), name=name, aliases=[str(a) for a in aliases])
