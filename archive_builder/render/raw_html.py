"""Blocks of HTML the builder writes ready-made into a page (the big listing tables), which MkDocs
places in the built page without reading them as Markdown.

A listing of a large archive is thousands of table rows: Python-Markdown reads a Markdown table cell
by cell through its inline patterns, and even a raw HTML block through its HTML parser, which at a
thousand meetings costs seconds per page on every rebuild that changes it. So the renderer writes
such a table as HTML between two markers (`block`); in `archive build`, the plugin here takes each
block out before Markdown runs and puts it back, untouched, into the page's HTML.

Links in a block are written as in the rest of the page, to the target's .md file, and resolved
here as MkDocs resolves a Markdown link (its own File objects give the address), so the built site
is the same whatever `use_directory_urls` says, and a link to a page that does not exist is a
warning, which fails the strict build, as it would in Markdown.

The text in a block is HTML-escaped by the renderer (escape.html_text), so no document's words can
end a block early (a marker begins with '<') or become markup.
"""

from __future__ import annotations

import logging
import posixpath
import re
from urllib.parse import unquote

from mkdocs.plugins import BasePlugin

START = "<!-- archive-html -->"
END = "<!-- /archive-html -->"
_BLOCK = re.compile(re.escape(START) + r"\n(.*?)\n" + re.escape(END), re.S)
_PLACE = re.compile(r'<div data-archive-html="(\d+)"></div>')
_PAGE_LINK = re.compile(r'href="([^":#?]*\.md)(#[^"]*)?"')

log = logging.getLogger("mkdocs.plugins.archive_builder.render.raw_html")


def block(html: str) -> str:
    """`html` as a block of the page that MkDocs passes as it is (one that holds no blank line)."""
    return f"{START}\n{html}\n{END}"


class RawHtmlBlocks(BasePlugin):
    """Takes each block out of a page's Markdown, and puts it back into the page's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self._taken: dict[str, list[str]] = {}

    def on_page_markdown(self, markdown, page, config, files):
        taken: list[str] = []

        def take(found: re.Match) -> str:
            taken.append(found.group(1))
            return f'<div data-archive-html="{len(taken) - 1}"></div>'

        markdown = _BLOCK.sub(take, markdown)
        if taken:
            self._taken[page.file.src_uri] = taken
        return markdown

    def on_page_content(self, html, page, config, files):
        taken = self._taken.pop(page.file.src_uri, None)
        if not taken:
            return html
        return _PLACE.sub(lambda found: _resolved_links(taken[int(found.group(1))], page, files), html)


def _resolved_links(html: str, page, files) -> str:
    """The block's links to .md files made the built site's addresses, relative to `page`."""
    folder = posixpath.dirname(page.file.src_uri)

    def address(found: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, unquote(found.group(1))))
        file = files.get_file_from_path(target)
        if file is None:
            log.warning(f"Doc file '{page.file.src_uri}' contains a link '{found.group(1)}', but the target "
                        f"'{target}' is not found among documentation files.")
            return found.group(0)
        return f'href="{file.url_relative_to(page.file)}{found.group(2) or ""}"'

    return _PAGE_LINK.sub(address, html)
