"""Tables a reader can sort and filter in the browser, and that read as plain tables without JavaScript.

The table is ordinary Markdown inside a div that names, for the script (assets/archive.js), the
columns to offer as filters and the order the rows are already in. The script adds the controls; a
reader without it gets the whole table, in that order. Dates are `<time datetime>` elements, so the
script sorts them as dates; a cell's values for a filter are its `data-value` elements where it has
any (badges, committee names), else its text.
"""

from __future__ import annotations

import html

from . import words
from .escape import inline
from .page import href



def sortable(rows: list[str], filters: tuple[str, ...] = (), sorted_by: str | None = None, label: str = "") -> str:
    """`rows` (a Markdown table: header, rule, rows) wrapped for the script. `filters`: the headings of
    the columns to filter by; `sorted_by`: '<column number>:ascending|descending', the rows' order."""
    attributes = ['class="archive-table"']
    if filters:
        attributes.append(f'data-filters="{html.escape(",".join(filters), quote=True)}"')
    if sorted_by:
        attributes.append(f'data-sorted="{html.escape(sorted_by, quote=True)}"')
    if label:
        attributes.append(f'data-label="{html.escape(label, quote=True)}"')
    return "\n".join([f"<div {' '.join(attributes)} markdown>", "", *rows, "", "</div>"])


def date_cell(iso_date: str, here: str, url: str | None = None) -> str:
    """A date in words, marked up with its ISO form for sorting; linked to `url` where given."""
    if words.is_date(iso_date):
        shown = f'<time datetime="{iso_date}">{inline(words.medium_date(iso_date))}</time>'
    else:
        shown = inline(iso_date or "date unknown")
    return f"[{shown}]({href(here, url)})" if url else shown


def value(text: str, shown: str | None = None) -> str:
    """A cell value a filter offers as one choice, even where a cell holds several."""
    return f'<span data-value="{html.escape(text, quote=True)}">{shown if shown is not None else inline(text)}</span>'


NONE = '<span class="archive-none" data-value="none" title="none">—</span>'
