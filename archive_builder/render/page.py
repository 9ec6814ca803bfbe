"""A generated page: front matter in a fixed key order, then Markdown; and links between pages.

Links are written as relative paths to the target's .md file (`../../documents/x/index.md#page-4`),
so MkDocs checks every one of them under --strict and rewrites it for the built site.
"""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import quote

import frontmatter
import yaml

from archive_builder.render.escape import html_text, inline

# Keys Material reads from a page's front matter (and prints without escaping, or acts on): the
# builder never writes them, so nothing a document says can reach a template that way.
_THEME_KEYS = frozenset(
    {"title", "description", "author", "hide", "icon", "status", "subtitle", "template", "tags", "search",
     "source", "comments", "content", "text", "md", "scss", "location"}
)


_SIDEBARS = ("navigation", "toc")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """LibYAML's dumper where the yaml package has it (the same text, several times faster than the
    pure Python one), writing a kind or status of the model's vocabulary (a StrEnum) as its value."""


_Dumper.add_multi_representer(StrEnum, lambda dumper, value: dumper.represent_str(str(value)))
_DUMPER = _Dumper


def page(kind: str, title: str, body: str, wide: bool = False, **fields: object) -> str:
    """A page headed `title`: front matter (`generated: true`, `kind`, `title`, then `fields` in the
    order given), the title as its heading, then `body`. A `wide` page (a big table) hides Material's
    sidebars to give the table the page's width: the one theme key the builder writes, and only ever
    with this fixed value."""
    clash = _THEME_KEYS.intersection(fields)
    if clash:
        raise ValueError(f"front matter keys {sorted(clash)} belong to the theme")
    metadata: dict[str, object] = {"generated": True, "kind": kind}
    if kind != "home":  # Material names the home page after the site alone
        # Material prints a front matter title into <title> as it is, while a title taken from the
        # heading would be unescaped on the way (so "&lt;/title&gt;" would end the element): the
        # title is therefore always given here, HTML-escaped.
        metadata["title"] = html_text(title)
    if wide:
        metadata["hide"] = list(_SIDEBARS)
    metadata.update((key, value) for key, value in fields.items() if value is not None)
    post = frontmatter.Post(f"# {inline(title)}\n\n{body.strip()}\n", **metadata)
    # sort_keys=False keeps the order above: fixed by the code, the same on every build.
    return frontmatter.dumps(post, sort_keys=False, Dumper=_DUMPER) + "\n"


def page_path(url: str) -> str:
    """The docs-relative .md file of a page address: 'meetings/x/2018-10-16/' -> '.../index.md'."""
    address = url.split("#", 1)[0]
    return address + "index.md" if address.endswith("/") or not address else address


def href(from_page: str, url: str) -> str:
    """A relative link from the page file `from_page` to the address `url` (which may carry an anchor
    or name a downloadable file), written to the .md file so that MkDocs validates it."""
    address, _, anchor = url.partition("#")
    target = page_path(address) if address.endswith("/") or not address else address
    if target == from_page and anchor:
        return "#" + anchor
    relative = _relative(target, from_page)
    if not _QUOTE_CHANGES.search(relative):  # the archive's own addresses: nothing to quote
        return relative + ("#" + anchor if anchor else "")
    return quote(relative) + ("#" + anchor if anchor else "")


# What urllib.parse.quote would change: anything but letters, digits, '_.-~' and '/'.
_QUOTE_CHANGES = re.compile(r"[^A-Za-z0-9_.\-~/]")


def _relative(target: str, from_page: str) -> str:
    """posixpath.relpath for docs-relative paths, without its calls to the file system (a large
    archive writes hundreds of thousands of links)."""
    parts, here = target.split("/"), from_page.split("/")[:-1]
    common = 0
    while common < len(here) and common < len(parts) - 1 and here[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + parts[common:])


def link(text: str, from_page: str, url: str) -> str:
    """A Markdown link whose text comes from a document (escaped here)."""
    return f"[{inline(text)}]({href(from_page, url)})"
