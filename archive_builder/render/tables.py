"""Tables a reader can sort and filter in the browser, and that read as plain tables without JavaScript.

The table is ordinary Markdown inside a div that names, for the script (assets/archive.js), the
columns to offer as filters and the order the rows are already in; a table of a listing that grows
with the archive is HTML instead (`html_table`, see raw_html.py), with the same div around it. The script adds the controls; a
reader without it gets the whole table, in that order. Dates are `<time datetime>` elements, so the
script sorts them as dates; a cell's values for a filter are its `data-value` elements where it has
any (badges, committee names), else its text.
"""

from __future__ import annotations

import html

from archive_builder.render import raw_html, words
from archive_builder.render.escape import html_text, inline
from archive_builder.render.page import href


def sortable(rows: list[str], filters: tuple[str, ...] = (), sorted_by: str | None = None, label: str = "") -> str:
    """`rows` (a Markdown table: header, rule, rows) wrapped for the script. `filters`: the headings of
    the columns to filter by; `sorted_by`: '<column number>:ascending|descending', the rows' order."""
    return "\n".join([f"<div {_attributes(filters, sorted_by, label)} markdown>", "", *rows, "", "</div>"])


def html_table(columns: list[str], rows: list[list[str]], filters: tuple[str, ...] = (), sorted_by: str | None = None,
               label: str = "", script: bool = True) -> str:
    """A table of HTML cells (`rows`; `columns`: the headings, as text), as Markdown's tables extension
    would write it, placed in the page as it is (raw_html.block); wrapped for the script where `script`."""
    head = "".join(f"<th>{html_text(column)}</th>" for column in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    table = f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    return raw_html.block(f"<div {_attributes(filters, sorted_by, label)}>\n{table}\n</div>" if script else table)


def _attributes(filters: tuple[str, ...], sorted_by: str | None, label: str) -> str:
    attributes = ['class="archive-table"']
    if filters:
        attributes.append(f'data-filters="{html.escape(",".join(filters), quote=True)}"')
    if sorted_by:
        attributes.append(f'data-sorted="{html.escape(sorted_by, quote=True)}"')
    if label:
        attributes.append(f'data-label="{html.escape(label, quote=True)}"')
    return " ".join(attributes)


def html_link(text_html: str, here: str, url: str) -> str:
    """A link in an HTML cell: `text_html` is HTML already (escaped text, or a <time>)."""
    return f'<a href="{html.escape(href(here, url), quote=True)}">{text_html}</a>'


def text_link(text: str, here: str, url: str) -> str:
    """A link in an HTML cell whose text comes from a document (escaped here): page.link, for HTML."""
    return html_link(html_text(text), here, url)


def date_html(iso_date: str, here: str, url: str | None = None) -> str:
    """date_cell, for an HTML cell."""
    shown = _date_shown(iso_date, html_text)
    return html_link(shown, here, url) if url else shown


def date_cell(iso_date: str, here: str, url: str | None = None) -> str:
    """A date in words, marked up with its ISO form for sorting; linked to `url` where given."""
    shown = _date_shown(iso_date, inline)
    return f"[{shown}]({href(here, url)})" if url else shown


def _date_shown(iso_date: str, escape) -> str:
    """The date in words in a <time> of its ISO form; anything else as text, escaped by `escape`."""
    if words.is_date(iso_date):
        return f'<time datetime="{iso_date}">{escape(words.medium_date(iso_date))}</time>'
    return escape(iso_date or "date unknown")


def value(text: str, shown: str | None = None, escape=inline) -> str:
    """A cell value a filter offers as one choice, even where a cell holds several; `escape`: inline for
    a Markdown cell, html_text for an HTML one."""
    return f'<span data-value="{html.escape(text, quote=True)}">{shown if shown is not None else escape(text)}</span>'


NONE = '<span class="archive-none" data-value="none" title="none">—</span>'
