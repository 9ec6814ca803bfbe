"""Files `archive init` and the render stage write as they are: mkdocs.yml, the site's CSS and its script,
and the theme overrides (overrides/: Material's search box searching with Pagefind)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

OVERRIDES = "overrides"  # the folder mkdocs.yml names as theme.custom_dir


def override_files() -> dict[str, str]:
    """The theme overrides, as paths relative to the archive folder ('overrides/main.html') -> text."""
    found: dict[str, str] = {}

    def walk(folder, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif not entry.name.startswith(".") and not entry.name.endswith((".pyc", ".py")):
                found[prefix + entry.name] = entry.read_text(encoding="utf-8")

    walk(resources.files(__name__).joinpath(OVERRIDES), OVERRIDES + "/")
    return found


def write_overrides(root: Path) -> list[Path]:
    """Write the theme overrides into the archive folder `root`, leaving any file that is already
    there (they are the clerk's to change, like mkdocs.yml). Returns the files written."""
    written = []
    for relative, text in override_files().items():
        path = root / relative
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
