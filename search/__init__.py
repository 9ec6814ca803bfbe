"""The archive's search engine on the server side: a Whoosh index of meetings, items, resolutions and
documents, used by the builder (related items, through `IndexTerms`) and by `archive search` (fielded
queries)."""

from .index import IndexUpdate, open_index, update_index
from .terms import IndexTerms

__all__ = ["IndexTerms", "IndexUpdate", "open_index", "update_index"]
