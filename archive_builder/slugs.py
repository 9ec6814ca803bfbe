"""Readable, stable identifiers for addresses: the same words always give the same slug."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-': 'Cabinet – 30 Jan' -> 'cabinet-30-jan'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words) or "untitled"


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... whichever is not yet in `taken`; the result is added to it."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
