"""The words of each indexed text, counted, kept between builds in .archive/cache/words.pickle by the
text's digest: linking weighs every text of the archive, and cutting and stemming 21,000 texts at
1,000 meetings took longer than a rebuild's whole share of linking a new meeting.

The counts are of every word the similarity would count but for the ignored ones (people's names,
which change as the archive grows), which Similarity leaves out as it reads them. They are kept with
the digest of the code that counts them, so a change to that code counts everything again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from archive_builder.link import similarity
from archive_builder.link.similarity import Counts
from search import schema

FILE = "words.pickle"
SAVE_FROM = 0.1  # save the counts again once this share of the texts was counted anew (a few are cheap to count)


def load(cache_dir: Path) -> dict[str, Counts]:
    """Text digest -> its word counts, as the last build kept them (none: counted anew)."""
    try:
        version, counts = pickle.loads((cache_dir / FILE).read_bytes())
    except Exception:  # none yet, cut short, or from another version: counted anew
        return {}
    return counts if version == code_version() else {}


def save(cache_dir: Path, counts: dict[str, Counts], counted_anew: int) -> None:
    """Keep `counts` for the next build, unless so few were counted anew that counting them again costs less."""
    if counted_anew <= SAVE_FROM * len(counts):
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = cache_dir / f".{FILE}.tmp"
    temporary.write_bytes(pickle.dumps((code_version(), counts), protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, cache_dir / FILE)


def code_version() -> str:
    """The digest of the code that cuts, stems and judges words."""

    digest = hashlib.sha256()
    for path in (Path(similarity.__file__), Path(schema.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
