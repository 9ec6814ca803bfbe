"""The big listing tables are written as HTML and placed in the built page as they are
(archive_builder/render/raw_html.py): their links must reach the same addresses a Markdown link would, a
broken one must fail the strict build, and no document's words can end a block or become markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from archive_builder.render import tables
from archive_builder.render.escape import html_text
from archive_builder.render.raw_html import RawHtmlBlocks

HOSTILE = "<!-- /archive-html --><script>alert(1)</script> *not emphasis* [not](a-link.md)"


def _site(tmp_path: Path, table: str, directory_urls: bool = True) -> Path:
    docs = tmp_path / "docs"
    (docs / "meetings" / "x" / "2024-01-02").mkdir(parents=True)
    (docs / "meetings" / "x" / "2024-01-02" / "index.md").write_text("# A meeting\n\n## Item {#item-3}\n", encoding="utf-8")
    (docs / "followups").mkdir()
    (docs / "followups" / "index.md").write_text(f"# Follow-ups\n\n{table}\n\nAfter the table.\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\nuse_directory_urls: {str(directory_urls).lower()}\n"
                                         "markdown_extensions:\n  - md_in_html\n  - tables\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    config.plugins["archive-raw-html"] = RawHtmlBlocks()
    build(config)
    return tmp_path / "site"


def _table(here: str = "followups/index.md", url: str = "meetings/x/2024-01-02/#item-3") -> str:
    return tables.html_table(["Date", "Decision"], [[tables.date_html("2024-01-02", here, url), html_text(HOSTILE)]],
                             filters=("Decision",), label="actions")


@pytest.mark.parametrize("directory_urls, page, expected", [
    (True, "followups/index.html", 'href="../meetings/x/2024-01-02/#item-3"'),
    (False, "followups/index.html", 'href="../meetings/x/2024-01-02/index.html#item-3"'),
])
def test_links_in_a_block_reach_the_pages_a_markdown_link_would(tmp_path, directory_urls, page, expected):
    html = (_site(tmp_path, _table(), directory_urls) / page).read_text(encoding="utf-8")
    assert expected in html
    assert '<time datetime="2024-01-02">2 January 2024</time></a>' in html
    assert "<p>After the table.</p>" in html  # the page goes on after the block
    assert '<div class="archive-table" data-filters="Decision" data-label="actions">' in html


def test_a_link_to_no_page_fails_the_strict_build(tmp_path):
    with pytest.raises(Abort):
        _site(tmp_path, _table(url="meetings/x/1999-01-01/"))


def test_words_in_a_block_stay_words(tmp_path):
    html = (_site(tmp_path, _table()) / "followups" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*not emphasis* [not](a-link.md)" in html  # not Markdown: no <em>, no link
    assert 'href="a-link' not in html
