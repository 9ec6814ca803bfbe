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
from collections.abc import Callable
from pathlib import Path

from search import schema

FILE = "words.pickle"
SAVE_FROM = 0.1  # save the counts again once this share of the texts was counted anew (a few are cheap to count)

Counts = dict[str, int]


def counted(texts: dict[str, str], count: Callable[[list[str]], list[Counts]], cache_dir: Path | None,
            save: bool = True) -> dict[str, Counts]:
    """Entry id -> its text's word counts: from the cache, and by `count` (texts -> counts, in order)
    for the texts it does not hold. `save`: the cache may be written (not by a read-only command)."""
    digests = {entry_id: hashlib.sha1(text.encode("utf-8")).hexdigest() for entry_id, text in texts.items()}
    known = _load(cache_dir)
    missing = {digest: texts[entry_id] for entry_id, digest in digests.items() if digest not in known}
    known.update(zip(missing, count(list(missing.values())), strict=False))
    if save and cache_dir is not None and len(missing) > SAVE_FROM * len(texts):
        _save(cache_dir, {digest: known[digest] for digest in sorted(set(digests.values()))})
    return {entry_id: known[digest] for entry_id, digest in digests.items()}


def _load(cache_dir: Path | None) -> dict[str, Counts]:
    if cache_dir is None:
        return {}
    try:
        version, counts = pickle.loads((cache_dir / FILE).read_bytes())
    except Exception:  # none yet, cut short, or from another version: counted anew
        return {}
    return counts if version == code_version() else {}


def _save(cache_dir: Path, counts: dict[str, Counts]) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = cache_dir / f".{FILE}.tmp"
    temporary.write_bytes(pickle.dumps((code_version(), counts), protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, cache_dir / FILE)


def code_version() -> str:
    """The digest of the code that cuts, stems and judges words."""

    digest = hashlib.sha256()
    for path in (Path(__file__).with_name("similarity.py"), Path(schema.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
