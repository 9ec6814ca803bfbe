"""What the site's search knows of a page besides its words: the committee, date, year and kind it is
filtered by and labelled with in the results.

A page carries them in its front matter as `search_facets`; the theme override
(templates/overrides/main.html) turns them into Pagefind's filter and metadata tags, and only pages
with facets (and pages a person wrote) are given to Pagefind at all. So the facets decide what the
search finds:

- meeting pages, document pages, person pages and committee pages are searched: each is the one
  place of what it holds (an item and its resolutions, a document's text, a person's record);
- listing pages (the home page, the indexes of meetings, documents, people and committees, the
  decision register and the follow-up tracker) are not: they repeat the titles and texts of things
  that have pages of their own, so they would match almost every query ahead of the page that holds
  what was searched for, and lead one click further from it.
"""

from __future__ import annotations

from archive_builder.render import words


def facets(kind: str, committee: str | None = None, date: str | None = None) -> dict[str, str]:
    """{'kind': 'Meeting', 'committee': 'Planning Committee', 'date': '16 October 2018', 'year': '2018'},
    leaving out what the page does not have."""
    found = {"kind": kind}
    if committee:
        found["committee"] = committee
    year = words.year_of(date)
    if date and year:
        found["date"] = words.medium_date(date)
        found["year"] = year
    return found
