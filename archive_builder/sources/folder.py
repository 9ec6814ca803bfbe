"""Which folder an archive's documents are read from.

`archive build --sources DIR` reads another folder than the archive's `sources/` (a council's whole
archive kept elsewhere). The builder remembers that folder in its state, so that the next command
(`archive build`, `check`, `export`) reads the same documents unless told otherwise: an `export`
run after `build --sources DIR` gives the archive that was built, not an empty one.
"""

from __future__ import annotations

import json
from pathlib import Path

from archive_builder.config import Config

RECORD_FILE = "sources-folder.json"


def sources_folder(config: Config, given: Path | None) -> tuple[Path, str | None]:
    """(the folder to read, a note for the clerk's screen where it is not the one they named)."""
    if given is not None:
        return given, None
    recorded = _recorded(config)
    if recorded is None:
        return config.sources_dir, None
    if recorded.is_dir():
        return recorded, f"reading the documents from {recorded}, the folder the last build read (--sources to read another)"
    return config.sources_dir, (f"the folder the last build read ({recorded}) is no longer there: "
                                f"reading {config.sources_dir} instead")


def record_sources_folder(config: Config, folder: Path) -> None:
    """After a build: the folder it read, for the commands after it; none where it was the archive's own."""
    path = config.state_dir / RECORD_FILE
    if folder.resolve() == config.sources_dir.resolve():
        path.unlink(missing_ok=True)
        return
    config.state_dir.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({"folder": str(folder.resolve())}) + "\n", encoding="utf-8")
    temporary.replace(path)


def _recorded(config: Config) -> Path | None:
    try:
        folder = json.loads((config.state_dir / RECORD_FILE).read_text(encoding="utf-8")).get("folder")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(folder) if isinstance(folder, str) and folder else None
