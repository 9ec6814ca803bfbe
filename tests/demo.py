"""The repository's own demo archive (sources/, archive.yml, mkdocs.yml, docs/about.md), built in a
copy so that tests never write into the working tree."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


@dataclass
class DemoSite:
    root: Path
    completed: subprocess.CompletedProcess

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def export(self) -> dict:
        return json.loads((self.site_dir / "data" / "archive.json").read_text(encoding="utf-8"))


def copy_demo(root: Path) -> Path:
    for name in ("archive.yml", "mkdocs.yml"):
        shutil.copy(PROJECT / name, root / name)
    shutil.copytree(PROJECT / "sources", root / "sources")
    shutil.copytree(PROJECT / "overrides", root / "overrides")  # a link to the package's: copied as files
    (root / "docs").mkdir(exist_ok=True)
    shutil.copy(PROJECT / "docs" / "about.md", root / "docs" / "about.md")
    return root


def build_demo(root: Path) -> DemoSite:
    copy_demo(root)
    completed = subprocess.run(
        [sys.executable, "-m", "archive_builder", "build", "--root", str(root)], capture_output=True, text=True
    )
    return DemoSite(root=root, completed=completed)
