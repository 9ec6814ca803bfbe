"""Readable, stable identifiers for addresses: the same words always give the same slug.

A slug names a folder of the site, and file systems take at most 255 bytes a name (and some far less
in a whole path), so a long one keeps its first words and ends in a short digest of all of them:
still readable, still the same at every rebuild, and still apart from another that differs only
near its end.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG = 120  # ids of real archives run to 90 characters; 120 leaves room inside any name limit
DIGEST = 8


def slugify(text: str, limit: int | None = MAX_SLUG) -> str:
    """Lower-case ASCII words joined by '-': 'Cabinet – 30 Jan' -> 'cabinet-30-jan'; at most `limit`
    characters (None: any length, for comparing words rather than making an address)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = "-".join(words) or "untitled"
    return shortened(slug, limit) if limit else slug


def shortened(slug: str, limit: int = MAX_SLUG) -> str:
    """`slug`, or its beginning and a digest of the whole where it is longer than `limit`."""
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:DIGEST]
    return f"{slug[: limit - DIGEST - 1].rstrip('-')}-{digest}"


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... whichever is not yet in `taken`; the result is added to it."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
