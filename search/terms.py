"""What the linker reads in the index, and nothing more: the indexed items of each committee, and
which entries carry a word. The linker is given an `IndexTerms` and never opens the index itself."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .index import open_index


@dataclass(frozen=True)
class IndexTerms:
    """The index in `index_dir`, which must be up to date. It holds only the folder's path, so that a
    forked process reads through files of its own (never through its parent's open ones)."""

    index_dir: Path

    def items(self) -> tuple[dict[str, list[tuple[str, int]]], dict[int, str]]:
        """(date, index document number) of every indexed item, by committee; and each one's id."""
        found: dict[str, list[tuple[str, int]]] = defaultdict(list)
        ids: dict[int, str] = {}
        with open_index(self.index_dir).searcher() as searcher:
            reader = searcher.reader()
            items = reader.postings("kind", "item").all_ids() if ("kind", "item") in reader else ()
            for docnum in items:  # the items alone: their stored fields, not every entry's (meetings, resolutions...)
                fields = reader.stored_fields(docnum)
                if fields.get("date"):
                    found[fields.get("committee", "")].append((fields["date"].date().isoformat(), docnum))
                    ids[docnum] = fields["id"]
        return dict(found), ids

    @contextlib.contextmanager
    def postings(self, ids: dict[int, str]) -> Iterator[Postings]:
        """The postings of the `text` field, open while the block runs. `ids`: the archive id of each
        index document that may be asked for."""
        with open_index(self.index_dir).searcher() as searcher:
            yield Postings(searcher.reader(), ids)


class Postings:
    """Which entries carry a (stemmed) word. Each word's list is read once; linking asks for the same
    words again and again."""

    def __init__(self, reader, ids: dict[int, str]) -> None:
        self._reader = reader
        self._carrying: dict[str, frozenset[int]] = {}
        self.ids = ids

    def carrying(self, term: str) -> frozenset[int]:
        if term not in self._carrying:
            found = frozenset()
            if ("text", term) in self._reader:
                found = frozenset(self._reader.postings("text", term).all_ids())
            self._carrying[term] = found
        return self._carrying[term]
