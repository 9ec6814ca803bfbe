"""HTML files: whole web pages (ModernGov "Agenda, decisions and minutes") and bare fragments.

A web page is mostly site: header, menus, breadcrumbs, cookie banner, footer. We keep the main
content only, and write it as lines the parsers can read: one line per block, table rows as cells
joined by ' \\t', list items marked. HTML has no pages, so the text is one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from archive_builder.extract.numbering import roman
from archive_builder.extract.reading import NO_TEXT, Reading, has_text, unreadable
from archive_builder.extract.text import decoded, row_lines, tidy
from archive_builder.model import HEADING_MARK

# Elements that never hold content a reader sees as the document.
NEVER_CONTENT = frozenset(
    "script style noscript template svg math canvas iframe object embed select textarea button input "
    "option datalist label".split()
)
# Where the content sits, most specific first: ModernGov's own container, then common site templates.
CONTENT_NAMES = ("modgov", "mgmaincontent", "content", "main-content", "maincontent")
CONTENT_LANDMARKS = ("main", "[role=main]", "article")
CHROME_TAGS = frozenset({"nav", "aside", "dialog"})
PAGE_FRAME_TAGS = frozenset({"header", "footer"})  # site chrome around <body>, but an article's own inside it
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
CHROME_WORDS = ("breadcrumb", "cookie", "menu", "skip", "sr-only", "visually-hidden", "visuallyhidden")
CONTENT_BLOCKS = "p, table, h1, h2, h3, h4, h5, h6, li, article, main"
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BOLD_TAGS = frozenset({"strong", "b"})
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary ul".split()
)
LINK_SCHEMES_SKIPPED = ("#", "javascript:", "mailto:", "tel:")
CHARSET_DECLARATION = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I
)
# As browsers do (WHATWG): a page declaring Latin-1 or ASCII is Windows-1252, one declaring UTF-16
# in its own (ASCII-readable) bytes cannot be UTF-16.
BROWSER_ENCODINGS = {
    **dict.fromkeys(("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"), "cp1252"),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be"), "utf-8"),
}


def read(data: bytes, source: str) -> Reading:
    text, problems = decoded(data, source, declared=declared_encoding(data))
    tree = LexborHTMLParser(text)
    _remove(_descendants_where(tree.root, lambda node: node.tag in NEVER_CONTENT))
    root = main_content(tree)
    _remove(_chrome_inside(root, page_frame_too=root.tag in ("body", "html")))
    page = tidy("\n".join(lines_of(root)))
    if not has_text([page]):
        return unreadable(source, NO_TEXT)
    metadata = {"links": links_in(root)}
    return Reading(pages=[page], title=page_title(tree, root), metadata=metadata, problems=problems)


def declared_encoding(data: bytes) -> str | None:
    found = CHARSET_DECLARATION.search(data[:4096])
    if not found:
        return None
    name = (found.group(1) or found.group(2)).decode("ascii", "replace").lower()
    return BROWSER_ENCODINGS.get(name, name)


# --- Finding the content -------------------------------------------------------------------------


def main_content(tree: LexborHTMLParser) -> LexborNode:
    """The element that holds the document: a named content container, else a landmark, else <body>.

    A candidate inside site chrome (a "content" box in the header, say) is passed over.
    """
    body = tree.body or tree.root
    for node in _named_candidates(tree) + _landmark_candidates(tree):
        if node.text().strip() and not _inside_chrome(node):
            return node
    return body


def _named_candidates(tree: LexborHTMLParser) -> list[LexborNode]:
    """Elements named like a content container, in CONTENT_NAMES order; an id beats a class."""
    named = tree.css("[id], [class]")
    ranked = []
    for name in CONTENT_NAMES:
        ranked += [node for node in named if _attribute(node, "id").lower() == name]
        ranked += [node for node in named if name in _attribute(node, "class").lower().split()]
    return ranked


def _landmark_candidates(tree: LexborHTMLParser) -> list[LexborNode]:
    return [node for selector in CONTENT_LANDMARKS for node in tree.css(selector)]


def _inside_chrome(node: LexborNode) -> bool:
    ancestor = node
    while ancestor is not None and ancestor.tag not in ("body", "html", "-document"):
        if _is_chrome(ancestor) or ancestor.tag in PAGE_FRAME_TAGS:
            return True
        ancestor = ancestor.parent
    return False


def _chrome_inside(root: LexborNode, page_frame_too: bool) -> list[LexborNode]:
    content_length = len(root.text())

    def is_chrome(node: LexborNode) -> bool:
        if page_frame_too and node.tag in PAGE_FRAME_TAGS:
            return True
        if node.tag == "form":  # ASP.NET pages (ModernGov) wrap the whole page in one form: keep those
            return node.css_first(CONTENT_BLOCKS) is None
        if node.tag in CHROME_TAGS or _role(node) in CHROME_ROLES or _is_hidden(node):
            return True
        # A name is weaker evidence than a tag: never drop most of the content on a class name alone.
        return _has_chrome_name(node) and len(node.text()) < content_length / 2

    return _descendants_where(root, is_chrome)


def _is_chrome(node: LexborNode) -> bool:
    return node.tag in CHROME_TAGS or _role(node) in CHROME_ROLES or _has_chrome_name(node)


def _has_chrome_name(node: LexborNode) -> bool:
    names = [_attribute(node, "id").lower(), *_attribute(node, "class").lower().split()]
    return any(word in name for name in names if name for word in CHROME_WORDS)


def _is_hidden(node: LexborNode) -> bool:
    attributes = node.attributes
    style = _attribute(node, "style").replace(" ", "").lower()
    return "hidden" in attributes or _attribute(node, "aria-hidden") == "true" or "display:none" in style


def _role(node: LexborNode) -> str:
    return _attribute(node, "role").lower()


def _attribute(node: LexborNode, name: str) -> str:
    return node.attributes.get(name) or ""


def _descendants_where(root: LexborNode, wanted) -> list[LexborNode]:
    """The topmost descendants of root for which wanted(node) holds (their own descendants are not visited)."""
    found, stack = [], _element_children(root)
    while stack:
        node = stack.pop()
        if wanted(node):
            found.append(node)
        else:
            stack.extend(_element_children(node))
    return found


def _element_children(node: LexborNode) -> list[LexborNode]:
    return [child for child in node.iter() if child.is_element_node]


def _remove(nodes: list[LexborNode]) -> None:
    # The nodes are disjoint subtrees (see _descendants_where), so no node is freed twice.
    for node in nodes:
        node.decompose()


# --- Title and links -----------------------------------------------------------------------------


def page_title(tree: LexborHTMLParser, root: LexborNode) -> str | None:
    for node in (tree.css_first("head title"), tree.css_first("title"), root.css_first("h1")):
        if node is not None and _collapsed(node.text()):
            return _collapsed(node.text())
    return None


def links_in(root: LexborNode) -> list[dict]:
    """Every link in the content (attachments, decision pages), as {"text", "href"}, each once."""
    links, seen = [], set()
    for anchor in root.css("a[href]"):
        href = _attribute(anchor, "href").strip()
        text = _collapsed(anchor.text()) or _collapsed(_attribute(anchor, "title"))
        if not href or href.lower().startswith(LINK_SCHEMES_SKIPPED) or (text, href) in seen:
            continue
        seen.add((text, href))
        links.append({"text": text, "href": href})
    return links


def _collapsed(text: str) -> str:
    return " ".join(text.split())


# --- Text, line by line --------------------------------------------------------------------------


@dataclass
class _OpenList:
    ordered: bool
    count: int  # the number of the last item written
    style: str  # <ol type>: "1", "a", "A", "i" or "I"


class _LineWriter:
    """Collects text into lines: inline text runs on, block edges end the line, list items get a marker."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._words: list[str] = []
        self._marker = ""
        self._lists: list[_OpenList] = []
        self._headings = 0  # inside <h1>-<h6>
        self._bold = 0  # inside <strong>/<b>
        self._plain = False  # the line holds text outside a heading or bold

    def text(self, text: str) -> None:
        self._words.append(text)
        if text.strip() and not (self._headings or self._bold):
            self._plain = True

    def end_line(self) -> None:
        line = _collapsed("".join(self._words))
        self._words = []
        heading, self._plain = not self._plain, False
        if line:
            self.lines.append((HEADING_MARK if heading else "") + self._marker + line)
            self._marker = ""

    def add_lines(self, lines: list[str]) -> None:
        self.end_line()
        if lines:
            self.lines += [self._marker + lines[0], *lines[1:]]
            self._marker = ""

    def enter(self, node: LexborNode) -> None:
        tag = node.tag
        if tag in BLOCK_TAGS or tag == "br":
            self.end_line()
        if tag in HEADING_TAGS:
            self._headings += 1
        elif tag in BOLD_TAGS:
            self._bold += 1
        if tag in ("ul", "ol"):
            self._lists.append(_OpenList(tag == "ol", _list_start(node) - 1, _attribute(node, "type") or "1"))
        elif tag == "li":
            self._marker = self._list_marker(node)

    def leave(self, node: LexborNode) -> None:
        if node.tag in BLOCK_TAGS:
            self.end_line()
        if node.tag in HEADING_TAGS:
            self._headings = max(0, self._headings - 1)
        elif node.tag in BOLD_TAGS:
            self._bold = max(0, self._bold - 1)
        if node.tag in ("ul", "ol") and self._lists:
            self._lists.pop()

    def _list_marker(self, item: LexborNode) -> str:
        """'- ' for bullets; for numbered lists the number the browser shows, since minutes cite it."""
        if not self._lists:
            return "- "
        indent = "  " * (len(self._lists) - 1)  # nested items stay visibly under their parent
        current = self._lists[-1]
        if not current.ordered:
            return indent + "- "
        value = _attribute(item, "value").strip()
        current.count = int(value) if value.lstrip("-").isdigit() else current.count + 1
        return f"{indent}{_ordinal(current.count, current.style)}. "


def _list_start(node: LexborNode) -> int:
    start = _attribute(node, "start").strip()
    return int(start) if start.lstrip("-").isdigit() else 1


def _ordinal(number: int, style: str) -> str:
    """A list number as the browser prints it for <ol type=...>; people cite "(b)" and "(iii)" in minutes."""
    if style in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, remainder = divmod(number - 1, 26)
            letters = chr(ord("a") + remainder) + letters
        return letters if style == "a" else letters.upper()
    if style in ("i", "I") and 0 < number < 4000:
        numeral = roman(number)
        return numeral if style == "i" else numeral.upper()
    return str(number)


def lines_of(root: LexborNode) -> list[str]:
    """The text under root as lines. Walks with an explicit stack: broken pages nest thousands deep."""
    writer = _LineWriter()
    stack = [(child, False) for child in reversed(list(root.iter(include_text=True)))]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            writer.leave(node)
        elif node.tag == "-text":
            writer.text(node.text_content or "")
        elif not node.is_element_node:
            continue  # comments, doctype
        elif node.tag == "table":
            writer.add_lines(table_lines(node))
        elif node.tag == "pre":
            writer.add_lines([line.rstrip() for line in node.text().split("\n") if line.strip()])
        else:
            writer.enter(node)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    writer.end_line()
    return writer.lines


def table_lines(table: LexborNode) -> list[str]:
    lines = []
    for part in _table_rows(table):
        if part.tag == "caption":
            lines += lines_of(part)
        else:
            cells = [[line.replace(HEADING_MARK, "") for line in lines_of(cell)]  # no headings inside a table
                     for cell in _element_children(part) if cell.tag in ("td", "th")]
            lines += row_lines(cells)
    return lines


def _table_rows(table: LexborNode) -> list[LexborNode]:
    """The caption and rows of this table, not of tables nested in its cells."""
    rows = []
    for child in _element_children(table):
        if child.tag in ("thead", "tbody", "tfoot"):
            rows += [row for row in _element_children(child) if row.tag == "tr"]
        elif child.tag in ("tr", "caption"):
            rows.append(child)
    return rows
