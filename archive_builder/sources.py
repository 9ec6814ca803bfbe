"""The clerk's source files: which files in the sources folder are documents, and their ids."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .slugs import slugify, unique

# A sidecar of corrections sits beside its source (`minutes.pdf.yml`) or covers a folder (`_folder.yml`);
# it is read with its source (corrections.py), not as a document of its own. Every YAML file in the
# sources is taken for a sidecar: one that corrects no file is reported, never published.
SIDECAR_SUFFIXES = (".yml", ".yaml")
FOLDER_SIDECAR = "_folder.yml"
FOLDER_SIDECARS = (FOLDER_SIDECAR, "_folder.yaml")


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute path on disk
    source: str  # path relative to the sources folder, '/'-separated: the key used everywhere else
    document_id: str


def is_sidecar(path: Path) -> bool:
    return path.name in FOLDER_SIDECARS or path.suffix.lower() in SIDECAR_SUFFIXES


def discover_sidecars(sources_dir: Path) -> list[Path]:
    """Every sidecar under `sources_dir` (hidden files skipped, as for documents), in a fixed order."""
    if not sources_dir.is_dir():
        return []
    return sorted(
        (p for p in sources_dir.rglob("*") if p.is_file() and is_sidecar(p) and not _hidden(p.relative_to(sources_dir))),
        key=lambda p: p.relative_to(sources_dir).as_posix(),
    )


def discover(sources_dir: Path) -> list[SourceFile]:
    """Every document file under `sources_dir`, in a fixed order, each with a stable document id.

    Hidden files (`.DS_Store`, editor backups) are skipped; everything else is a document, even a
    file of a type the builder cannot read, so that it is still listed with its download.
    """
    if not sources_dir.is_dir():
        return []
    paths = sorted(
        (p for p in sources_dir.rglob("*") if p.is_file() and not _hidden(p.relative_to(sources_dir))),
        key=lambda p: p.relative_to(sources_dir).as_posix(),
    )
    taken: set[str] = set()
    files = []
    for path in paths:
        if is_sidecar(path):
            continue
        relative = PurePosixPath(path.relative_to(sources_dir).as_posix())
        document_id = unique(slugify(str(relative.with_suffix(""))), taken)
        files.append(SourceFile(path=path, source=str(relative), document_id=document_id))
    return files


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") or part.endswith("~") for part in relative.parts)
