"""Text from documents made safe to place in Markdown: it always renders as the literal words.

Everything a council document says (titles, names, minuted text, venues, evidence) passes through
`inline` or `text_block` before it reaches a page, so no document can inject HTML, script, a link
or Markdown structure (a heading, a list, a table, an admonition, an attribute list) into the site.

`inline` (table cells, headings, list items, link text) writes Markdown:
- `& < >` become HTML entities, so no tag or entity of the document's own survives.
- Markdown's punctuation is backslash-escaped where Python-Markdown honours the escape; the few
  characters it does not (`~`, and `=`/`?` at a line start: setext headings, pymdownx.details)
  become numeric entities, which read the same and mean nothing to Markdown.

`text_block` (minuted text, a document's pages) writes HTML paragraphs instead: Markdown leaves a
raw HTML block as it is, so escaping `& < >` is all it takes, and the long texts of a large archive
do not go through Markdown's inline patterns one backslash escape at a time (five times slower).

Both drop control characters (Python-Markdown marks its own placeholders with \\x02 and \\x03,
and a document must not be able to forge one) and leading white space.
"""

from __future__ import annotations

import html
import re

# One pass through this table escapes a line: a character is replaced once and never looked at
# again, so the '#' of an entity inserted for one character is not escaped by the rule for another.
_TABLE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "~": "&#126;",  # fences (~~~); Python-Markdown does not honour "\~"
        **{char: "\\" + char for char in "\\`*_{}[]()#+-.!|"},
    }
)

_ESCAPED = re.compile("[" + re.escape("".join(chr(code) for code in _TABLE)) + "]")

# Characters a line must not start with, and do not accept a backslash escape.
_LINE_START = {"=": "&#61;", "?": "&#63;"}

# C0 controls except tab and newline, DEL, and the C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")


def inline(text: str | None) -> str:
    """Text for one line of Markdown (a table cell, a heading, a list item, link text):
    white space and newlines collapse to single spaces."""
    escaped = _one_line(text)
    if _ESCAPED.search(escaped):  # a name or a title often has nothing to escape: translate is slow
        escaped = escaped.translate(_TABLE)
    if escaped[:1] in _LINE_START:
        escaped = _LINE_START[escaped[0]] + escaped[1:]
    return escaped


def text_block(text: str | None) -> str:
    """Text for the body of a page, as HTML paragraphs: paragraphs stay apart (blank lines), and
    each line break inside a paragraph is kept as a visible line break."""
    paragraphs = []
    for paragraph in _BLANK_LINE.split(_clean(text)):
        lines = [html.escape(_single_spaced(line).strip(), quote=False) for line in paragraph.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n\n".join(paragraphs)


def html_text(text: str | None) -> str:
    """Text for a place the theme prints as HTML without escaping it (the page's front matter
    title): one line, entities for & < > and quotes, and nothing else to interpret."""
    return html.escape(_one_line(text), quote=True)


def _single_spaced(line: str) -> str:
    """The line with each run of white space one space."""
    if line.isprintable() and "  " not in line:
        return line  # the only white space a printable line can hold is single ASCII spaces
    return _SPACES.sub(" ", line)


def _one_line(text: str | None) -> str:
    if text and text.isprintable() and "  " not in text:
        return text.strip()  # the usual title or name: nothing to clean, no run of spaces to close up
    return _SPACES.sub(" ", _clean(text)).strip()


def _clean(text: str | None) -> str:
    if text and text.isprintable():
        return text  # no control character, tab, line or page break (none is printable)
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _CONTROLS.sub("", text.replace("\t", " "))
