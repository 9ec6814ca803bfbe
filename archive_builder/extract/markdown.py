"""Markdown files: YAML front matter becomes metadata and title; the body becomes plain text.

The body keeps its line structure, list markers and numbering, because the parsers read minutes
line by line; only the syntax a reader never sees is removed (heading marks, emphasis, link
targets, images, comments, HTML tags).
"""

from __future__ import annotations

import datetime as dt
import html
import re

import frontmatter

from archive_builder.extract.reading import NO_TEXT, Reading, has_text
from archive_builder.extract.text import CELL_SEPARATOR, decoded, pages_of
from archive_builder.model import HEADING_MARK, Problem

COMMENT = re.compile(r"<!--.*?-->", re.S)
# Backslash escapes are set aside first, so that "NMA\_1" never looks like emphasis.
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
ESCAPED = re.compile("[\U000f0000-\U000f007f]")
ESCAPE_BASE = 0xF0000  # a private-use plane: never in real text
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
CLOSING_HASHES = re.compile(r"\s+#+\s*$")
RULE = re.compile(r"^\s{0,3}(?:(?:[-*_]\s*){3,}|=+\s*)$")  # thematic breaks and setext underlines
BLOCKQUOTE = re.compile(r"^(\s{0,3}>\s?)+")
BULLET = re.compile(r"^(\s*)[*+](\s+)")
TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"  # *word*, never 3 * 4 or a footnote's "Interest*"
    r"|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"  # _word_, never snake_case
)
STRIKETHROUGH = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
CODE_SPAN = re.compile(r"`+([^`]+)`+")
HARD_BREAK = re.compile(r"\\$")


def read(data: bytes, source: str) -> Reading:
    text, problems = decoded(data, source)
    metadata, body, front_matter_problems = split_front_matter(text, source)
    problems += front_matter_problems
    title = title_of(metadata)
    pages = pages_of(plain_text(body))
    if not has_text(pages):
        problems.append(Problem(source, NO_TEXT, "error"))
        return Reading(title=title, metadata=metadata, problems=problems)
    return Reading(pages=pages, title=title, metadata=metadata, problems=problems)


def split_front_matter(text: str, source: str) -> tuple[dict, str, list[Problem]]:
    """(metadata, body, problems). Front matter that is not valid YAML leaves the whole file as the body."""
    try:
        post = frontmatter.loads(text)
    except Exception as error:  # yaml raises many kinds; any of them means "not front matter we can read"
        message = f"front matter is not valid YAML ({_yaml_reason(error)}): the whole file is read as text"
        return {}, text, [Problem(source, message)]
    return json_safe(dict(post.metadata)), post.content, []


def _yaml_reason(error: Exception) -> str:
    problem, mark = getattr(error, "problem", None), getattr(error, "problem_mark", None)
    if problem and mark is not None:
        return f"{problem} at line {mark.line + 2} of the file"  # +1 for counting from 1, +1 for the opening '---'
    return " ".join(str(error).split()) or type(error).__name__


def json_safe(value):
    """Front matter as read, except that YAML dates become ISO strings so the metadata is JSON."""
    if isinstance(value, dict):
        return {key if isinstance(key, str) else str(json_safe(key)): json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [json_safe(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def title_of(metadata: dict) -> str | None:
    title = metadata.get("title")
    if title is None or not str(title).strip():
        return None
    return " ".join(str(title).split())


def plain_text(markdown: str) -> str:
    markdown = ESCAPE.sub(lambda found: chr(ESCAPE_BASE + ord(found.group(1))), COMMENT.sub("", markdown))
    lines, in_code = [], False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            in_code = not in_code
        elif in_code:
            lines.append(line)  # code is content as written
        elif not (RULE.match(line) or REFERENCE_DEFINITION.match(line) or TABLE_DIVIDER.match(line)):
            lines.append(_plain_line(line))
    text = html.unescape("\n".join(lines))
    return ESCAPED.sub(lambda found: chr(ord(found.group()) - ESCAPE_BASE), text)


def _plain_line(line: str) -> str:
    line = BLOCKQUOTE.sub("", line)
    heading = bool(HEADING.match(line)) or bool(STRONG.fullmatch(line.strip()))  # '## Road', '**Item 1**'
    if HEADING.match(line):
        line = CLOSING_HASHES.sub("", HEADING.sub("", line))
    line = BULLET.sub(r"\1-\2", line)  # one bullet mark for the parsers: '* ' and '+ ' become '- '
    if TABLE_ROW.match(line):
        line = CELL_SEPARATOR.join(cell.strip() for cell in line.strip().strip("|").split("|"))
    plain = _plain_inline(line)
    return HEADING_MARK + plain if heading and plain.strip() else plain


def _plain_inline(text: str) -> str:
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = REFERENCE_LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = LINE_BREAK_TAG.sub("\n", text)
    text = HTML_TAG.sub("", text)
    text = CODE_SPAN.sub(r"\1", text)
    text = STRONG.sub(lambda found: found.group(1) or found.group(2), text)
    text = EMPHASIS.sub(lambda found: found.group(1) or found.group(2), text)
    text = STRIKETHROUGH.sub(r"\1", text)
    return HARD_BREAK.sub("", text)
