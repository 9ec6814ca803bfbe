"""The render stage: an Archive becomes pages at stable addresses that MkDocs builds strictly,
with nothing from a document able to inject HTML or Markdown, and nothing exempt published."""

from __future__ import annotations

import json
import random
from html.parser import HTMLParser
from pathlib import Path

import fixtures_archive as fx
import frontmatter
import markdown
import pytest
import yaml

from archive_builder.config import Config
from archive_builder.model import Series
from archive_builder.publish.site import PublishError, publish
from archive_builder.render import mkdocs_yml, render_site
from archive_builder.render.downloads import download_name
from archive_builder.render.escape import inline, text_block
from archive_builder.render.page import href
from archive_builder.templates import write_overrides

HOSTILE = [
    "# Heading",
    "* item",
    "+ item",
    "- item",
    "1. foo",
    "1) foo",
    "> quoted",
    "[click](javascript:alert(1))",
    "![image](http://example.com/x.png)",
    "[ref]: http://example.com",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<http://example.com>",
    "&lt;script&gt; &amp; &#60;",
    "| a | b |",
    "{#id}",
    "text{: .cls #id}",
    "**bold** _em_ __strong__",
    "```",
    "~~~",
    "`code`",
    "!!! danger",
    "??? note",
    "===",
    "---",
    "    indented",
    "back\\slash\\",
    "\x02wzxhzdk:0\x03",
]


# --- Escaping ----------------------------------------------------------------------------------


def _markdown() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions the site's mkdocs.yml configures."""
    config = yaml.safe_load(mkdocs_yml("Test"))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options
    return markdown.Markdown(extensions=names, extension_configs=settings)


class _Text(HTMLParser):
    """The text and the tags of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("hostile", HOSTILE)
def test_inline_text_renders_as_the_literal_words(hostile):
    parsed = _parse(_markdown().convert(inline(hostile)))
    expected = " ".join(hostile.replace("\x02", "").replace("\x03", "").split())
    assert "".join(parsed.text) == expected
    assert set(parsed.tags) <= {"p"}
    assert parsed.attrs == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_inline_text_stays_literal_in_headings_table_cells_and_links(hostile):
    md = _markdown()
    heading = _parse(md.convert(f"## {inline(hostile)} {{#item-6}}"))
    # The only link is the permalink the toc extension adds.
    assert heading.tags == ["h2", "a"] and heading.attrs[:2] == [("id", "item-6"), ("class", "headerlink")]
    cell = _parse(md.reset().convert(f"| x | y |\n| --- | --- |\n| {inline(hostile)} | z |"))
    assert cell.tags.count("td") == 2 and cell.attrs == []
    linked = _parse(md.reset().convert(f"[{inline(hostile)}](page.md)"))
    assert linked.tags == ["p", "a"] and linked.attrs == [("href", "page.md")]


def test_text_block_keeps_paragraphs_and_line_breaks_and_nothing_else():
    text = "\n".join(HOSTILE) + "\n\nSecond paragraph\n  indented line"
    parsed = _parse(_markdown().convert(text_block(text)))
    assert set(parsed.tags) == {"p", "br"}
    assert parsed.tags.count("p") == 2
    assert parsed.attrs == []
    assert "[click](javascript:alert(1))\n" in "".join(parsed.text)
    assert "".join(parsed.text).splitlines()[-1] == "indented line"


def test_text_block_stays_literal_inside_the_markdown_divs_that_hold_resolutions():
    block = text_block("\n".join(HOSTILE))
    parsed = _parse(_markdown().convert(f'<div class="admonition" id="r" markdown>\n\n{block}\n\n</div>'))
    assert set(parsed.tags) == {"div", "p", "br"}
    assert "**bold** _em_ __strong__" in "".join(parsed.text)


def test_text_block_drops_control_characters_that_could_forge_markdown_placeholders():
    assert "\x02" not in text_block("a\x02wzxhzdk:0\x03b") and "\x03" not in inline("\x03")


def test_values_the_parser_reports_outside_the_known_vocabulary_are_escaped_too(tmp_path, sample_sources):
    archive = fx.sample_archive()
    archive.meetings[0].status = "<b>odd status</b>"
    archive.meetings[0].items[2].resolutions[0].outcome = "<b>odd outcome</b>"
    archive.meetings[0].items[2].resolutions[1].actions[0].status = "<b>odd action</b>"
    for document in archive.documents:
        document.kind = "<b>odd kind</b>"
    pages = render_site(archive, Config(root=tmp_path), sample_sources).pages
    for path, text in pages.items():
        if path.endswith(".md"):  # the front matter may hold them as they are: YAML, read by no template
            assert "<b>" not in frontmatter.loads(text).content, path


@pytest.mark.parametrize(
    ("from_page", "url", "expected"),
    [
        ("index.md", "meetings/joint-ict/2018-10-16/", "meetings/joint-ict/2018-10-16/index.md"),
        ("meetings/a/2018-10-16/index.md", "meetings/a/2018-10-16/#item-6", "#item-6"),
        ("meetings/a/2018-10-16/index.md", "meetings/a/2019-03-12/#item-5", "../2019-03-12/index.md#item-5"),
        ("meetings/a/2018-10-16/index.md", "documents/x/", "../../../documents/x/index.md"),
        ("documents/x/index.md", "documents/y/a b (c).pdf#page=3", "../y/a%20b%20%28c%29.pdf#page=3"),
        ("decisions/2018/index.md", "", "../../index.md"),
    ],
)
def test_links_are_relative_paths_to_the_md_files(from_page, url, expected):
    assert href(from_page, url) == expected


# --- The built site ----------------------------------------------------------------------------

EXPECTED_PAGES = [
    "index.html",
    "committees/index.html",
    "committees/joint-ict/index.html",
    "committees/cabinet/index.html",
    "meetings/index.html",
    "meetings/joint-ict/2018-10-16/index.html",
    "meetings/joint-ict/2018-06-12/index.html",
    "meetings/joint-ict/2019-03-12/index.html",
    "meetings/cabinet/2019-01-15/index.html",
    "decisions/index.html",
    "decisions/2018/index.html",
    "followups/index.html",
    "people/index.html",
    "people/anne-smith/index.html",
    "people/evil-name/index.html",
    "documents/index.html",
    f"documents/{fx.PACK}/index.html",
    f"documents/{fx.PACK_REPORT}/index.html",
    f"documents/{fx.MINUTES}/index.html",
    f"documents/{fx.UNPUBLISHED}/index.html",
    "data/archive.json",
    "assets/archive.css",
    "assets/archive.js",
]


def _html(site, path: str) -> str:
    return (site.site_dir / path).read_text(encoding="utf-8")


def _meeting_html(site) -> str:
    return _html(site, "meetings/joint-ict/2018-10-16/index.html")


@pytest.mark.parametrize("path", EXPECTED_PAGES)
def test_pages_exist_at_their_addresses(sample_site, path):
    assert (sample_site.site_dir / path).is_file()


def test_meeting_page_has_an_anchor_for_every_item_and_resolution(sample_site):
    html = _meeting_html(sample_site)
    for anchor in ("item-1", "item-3", "item-6", "item-7", "item-8", "item-3-r1", "item-6-r1", "item-6-r2a",
                   "item-6-r2b", "item-8-r1"):
        assert f'id="{anchor}"' in html


def test_a_resolution_read_on_its_own_says_which_meeting_and_item_it_belongs_to(sample_site):
    resolution = _element(_meeting_html(sample_site), "item-6-r2a")
    assert "Joint ICT Committee, 16 October 2018, item 6: Update report" in resolution.text
    assert "Resolution (2)(a): Carried" in resolution.text
    assert "For 5, Against 1, Abstain 0" in resolution.text
    assert "Moved by: Cllr Anne Smith" in resolution.text
    assert ("../../../people/anne-smith/", "Cllr Anne Smith") in resolution.links
    assert "followed up Report back on the procurement (due at the next meeting; owner: Head of ICT)" in (
        resolution.text
    )
    assert ("#item-6-r2a", "Link to this resolution") in resolution.links
    assert ("../../../documents/joint-ict-2018-10-16-minutes/#page-3", "minutes, page 3") in resolution.links


def test_what_happened_next_lists_later_links_and_keeps_possibly_related_apart(sample_site):
    html = _meeting_html(sample_site)
    followed = _element(html, "item-6-r2a")
    assert "What happened next" in followed.text
    assert ("../2019-03-12/#item-5", "12 March 2019, item 5 Update report") in followed.links
    assert "Possibly related" not in followed.text
    related = _element(html, "item-6-r2b")
    assert "Possibly related" in related.text and "(score 0.42)" in related.text
    assert "What happened next" not in _element(html, "item-3-r1").text
    later = _html(sample_site, "meetings/joint-ict/2019-03-12/index.html")
    assert "Follows up" in later and 'href="../2018-10-16/#item-6-r2a"' in later


def test_meeting_page_shows_attendance_in_groups(sample_site):
    text = _element(_meeting_html(sample_site), "article").text
    assert "Present (2): Cllr Anne Smith (Chair, Kent County Council); Cllr Bob Jones" in text
    assert "Apologies (1): Cllr Carol White" in text
    assert "Absent (1): Cllr Dan Green" in text
    assert "Substitutes (1): Cllr Eve Black (substitute for Cllr Carol White)" in text
    assert "Officers (1): Jane Officer (Head of ICT, Joint ICT Service)" in text
    assert "Tuesday 16 October 2018" in text and "Minute 288" in text


def test_meeting_statuses_are_explained(sample_site):
    referenced = _html(sample_site, "meetings/joint-ict/2018-06-12/index.html")
    assert "The archive has no document of this meeting" in referenced
    assert 'href="../2018-10-16/#item-3"' in referenced
    assert "This meeting was cancelled." in _html(sample_site, "meetings/cabinet/2019-01-15/index.html")
    assert "upcoming" in _html(sample_site, "meetings/joint-ict/2019-03-12/index.html")


def test_exempt_item_shows_its_number_and_title_and_nothing_else(sample_site):
    item = _section_after(_meeting_html(sample_site), 'id="item-7"', 'id="item-8"')
    assert "Staffing matter" in item and "Schedule 12A of the Local Government Act 1972" in item
    assert "Minute 290" not in item and "admonition" not in item


def test_exempt_text_appears_nowhere_on_the_site(sample_site):
    for root in (sample_site.site_dir, sample_site.docs_dir):
        for path in root.rglob("*"):
            if path.is_file():
                assert fx.SECRET.encode() not in path.read_bytes(), path
    for path in sample_site.site_dir.rglob("*.html"):
        assert fx.EXEMPT_LINK_EVIDENCE not in path.read_text(encoding="utf-8"), path


def test_hostile_strings_render_as_text_on_every_page(sample_site):
    pages = sorted(p for p in sample_site.site_dir.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = _Elements()
        found.feed(html)
        assert not [s for s in found.scripts if "alert" in s], path
        assert not [a for a in found.attrs if a[0].startswith("on")], path
        assert not [a for a in found.attrs if a[1] and a[1].strip().lower().startswith("javascript:")], path
        assert "img" not in found.tags, path
        assert ("id", "id") not in found.attrs, path
    text = _element(_meeting_html(sample_site), "item-8-r1").text
    for literal in ("[click](javascript:alert(1))", "<script>alert(1)</script>", "| a | b |", "{#id}", "**bold**",
                    "# Heading", "* item", "1. foo", "```", "!!! danger", "??? note"):
        assert literal in text
    person = _html(sample_site, "people/evil-name/index.html")
    assert "<title>&lt;img src=x onerror=alert(1)&gt;Evil *Name* &amp;lt;img" in person
    notice = _html(sample_site, f"documents/{fx.NOTICE}/index.html")
    assert "<title>&lt;/title&gt;&lt;script&gt;" in notice


def test_document_page_shows_text_page_by_page_with_anchors(sample_site):
    report = _html(sample_site, f"documents/{fx.PACK_REPORT}/index.html")
    for number in (3, 4, 5):
        assert f'id="page-{number}"' in report
    assert 'id="page-1"' not in report
    text = _element(report, "article").text
    assert "Contact officer: Jane Officer, 01622 000000" in text
    assert "Procure the datacentre link." in text
    assert "Update report: background" in _element(report, "page-4").text


def test_unpublished_document_says_why_and_offers_neither_text_nor_download(sample_site):
    page = _element(_html(sample_site, f"documents/{fx.UNPUBLISHED}/index.html"), "article").text
    assert "Not published: No text could be read: a scanned image without OCR." in page
    assert "Problems reading this document" in page
    assert "(scanned image)" not in page
    assert not (sample_site.site_dir / f"documents/{fx.UNPUBLISHED}/scan.pdf").exists()


def test_downloads_are_the_original_files(sample_site):
    sources = sample_site.config.sources_dir
    pack = sample_site.site_dir / "documents" / fx.PACK / "Agenda pack 16th-Oct-2018 (Joint ICT).pdf"
    assert pack.read_bytes() == (sources / "joint-ict/Agenda pack 16th-Oct-2018 (Joint ICT).pdf").read_bytes()
    minutes = sample_site.site_dir / "documents" / fx.MINUTES / "minutes-2018-10-16.pdf"
    assert minutes.read_bytes() == (sources / "joint-ict/minutes-2018-10-16.pdf").read_bytes()
    # A web page from a council system is offered as text, never served as a page of this site.
    agenda = sample_site.site_dir / "documents" / fx.NEXT_AGENDA / "agenda-2019-03-12.html.txt"
    assert agenda.read_bytes() == (sources / "joint-ict/agenda-2019-03-12.html").read_bytes()
    assert not list(sample_site.site_dir.glob(f"documents/{fx.PACK_REPORT}/*.pdf"))


def test_fixture_sources_are_real_files(sample_sources: Path):
    assert (sample_sources / "joint-ict/minutes-2018-10-16.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("joint-ict/Agenda pack (Joint ICT).pdf", "Agenda pack (Joint ICT).pdf"),
        ("cabinet/Report.DOCX", "Report.DOCX"),
        ("notes/minutes.md", "minutes.md.txt"),  # MkDocs would make a page of it
        ("web/agenda.HTM", "agenda.HTM.txt"),  # a browser would run it as a page of the site
        ("misc/.hidden.pdf", "hidden.pdf"),  # MkDocs leaves dot files out of the site
    ],
)
def test_download_names_keep_the_original_name_where_it_is_safe_to_serve(source, name):
    assert download_name(source) == name


def test_parts_of_a_pack_link_to_the_pack_file_at_their_page(sample_site):
    documents = {d.id: d for d in sample_site.archive.documents}
    pack_file = f"documents/{fx.PACK}/Agenda pack 16th-Oct-2018 (Joint ICT).pdf"
    assert documents[fx.PACK].download == pack_file
    assert documents[fx.PACK_REPORT].download == pack_file + "#page=3"
    assert documents[fx.UNPUBLISHED].download is None
    report = _element(_html(sample_site, f"documents/{fx.PACK_REPORT}/index.html"), "article")
    pack_link = "../joint-ict-2018-10-16-agenda-pack/Agenda%20pack%2016th-Oct-2018%20%28Joint%20ICT%29.pdf"
    assert (pack_link + "#page=3", "Open the pack at page 3 (PDF)") in report.links
    pack = _element(_html(sample_site, f"documents/{fx.PACK}/index.html"), "article")
    assert (pack_link.removeprefix("../joint-ict-2018-10-16-agenda-pack/"), "Download (PDF)") in pack.links


def test_open_data_export_is_published_with_addresses_and_downloads(sample_site):
    data = json.loads(_html(sample_site, "data/archive.json"))
    meeting = next(m for m in data["meetings"] if m["id"] == fx.MEETING)
    assert meeting["url"] == "meetings/joint-ict/2018-10-16/"
    assert next(d for d in data["documents"] if d["id"] == fx.MINUTES)["download"] == (
        f"documents/{fx.MINUTES}/minutes-2018-10-16.pdf"
    )


def test_every_page_is_marked_generated_with_its_kind(sample_site):
    kinds = {"home", "listing", "committee", "meeting", "document", "person", "decisions", "followups"}
    for path, text in sample_site.files.pages.items():
        if path.endswith(".md"):
            post = frontmatter.loads(text)
            assert list(post.metadata)[:2] == ["generated", "kind"], path
            assert post["generated"] is True and post["kind"] in kinds, path
            assert "search" not in post.metadata
    meeting = frontmatter.loads(sample_site.files.pages["meetings/joint-ict/2018-10-16/index.md"])
    assert (meeting["committee"], meeting["date"], meeting["meeting_status"]) == ("joint-ict", "2018-10-16", "held")


# --- Determinism -------------------------------------------------------------------------------


def test_rendering_twice_gives_identical_bytes(tmp_path, sample_sources):
    config = Config(root=tmp_path)
    first = render_site(fx.sample_archive(), config, sample_sources)
    second = render_site(fx.sample_archive(), config, sample_sources)
    assert first.pages == second.pages and first.copies == second.copies
    assert list(first.pages) == sorted(first.pages)


def test_pages_do_not_depend_on_the_order_of_the_archive_lists(tmp_path, sample_sources):
    config = Config(root=tmp_path)
    shuffled = fx.sample_archive()
    shuffled.series.append(Series("cabinet/none", "cabinet", "Nothing yet"))
    for listed in (shuffled.committees, shuffled.meetings, shuffled.documents, shuffled.people, shuffled.links,
                   shuffled.series):
        random.Random(7).shuffle(listed)
        listed.reverse()
    unshuffled = fx.sample_archive()
    unshuffled.series.append(Series("cabinet/none", "cabinet", "Nothing yet"))
    first = render_site(unshuffled, config, sample_sources).pages
    second = render_site(shuffled, config, sample_sources).pages
    del first["data/archive.json"], second["data/archive.json"]  # the export keeps the archive's own order
    assert first == second


# --- mkdocs.yml and the strict build -----------------------------------------------------------


def test_mkdocs_yml_keeps_to_material_built_ins_with_a_short_nav():
    config = yaml.safe_load(mkdocs_yml('Kent: "Joint" # ICT'))
    assert config["site_name"] == 'Kent: "Joint" # ICT'
    assert config["theme"]["name"] == "material"
    assert config["plugins"] == []  # Material's own search stays off: Pagefind searches the site
    assert config["extra_css"] == ["assets/archive.css"]
    assert config["extra_javascript"] == ["assets/archive.js"]  # sorting and filtering the register's tables
    assert [next(iter(entry)) for entry in config["nav"]] == [
        "Home", "Committees", "Meetings", "Decisions", "Follow-ups", "People", "Documents"
    ]
    assert {"navigation.top", "toc.follow"} <= set(config["theme"]["features"])
    assert len(config["theme"]["palette"]) == 2
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
                     "pymdownx.superfences"]


def test_the_strict_build_fails_on_a_link_to_a_missing_anchor(tmp_path):
    # What lets the site promise that every link it writes resolves, anchors included.
    config = Config(root=tmp_path)
    config.mkdocs_file.write_text(mkdocs_yml("Test"), encoding="utf-8")
    write_overrides(tmp_path)
    config.docs_dir.mkdir()
    (config.docs_dir / "index.md").write_text("# Home\n\n[Nowhere](#item-99)\n", encoding="utf-8")
    with pytest.raises(PublishError, match="item-99"):
        publish(config, strict=True)


# --- Helpers -----------------------------------------------------------------------------------


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


class _Element(HTMLParser):
    """The text (tags dropped, entities decoded, white space collapsed) and the links of the element
    with a given id."""

    _VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}

    def __init__(self, element_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.element_id = element_id  # "article": the page's content, whatever its id
        self.depth = 0
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._link_text: list[str] = []

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth == 0 and (attributes.get("id") == self.element_id or (
            self.element_id == "article" and tag == "article"
        )):
            self.depth = 1
            return
        if self.depth and tag not in self._VOID:
            self.depth += 1
        if self.depth and tag == "a":
            self._href, self._link_text = attributes.get("href"), []
        if self.depth and tag in ("p", "li", "div", "br", "h2", "h3", "td", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.depth and tag not in self._VOID:
            self.depth -= 1
        if self.depth and tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._link_text).split())))
            self._href = None

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)
            if self._href is not None:
                self._link_text.append(data)


def _element(html: str, element_id: str) -> _Element:
    element = _Element(element_id)
    element.feed(html)
    assert element.parts, f"no element with id {element_id!r}"
    return element


def _section_after(html: str, start: str, end: str) -> str:
    return html[html.index(start): html.index(end)]


def test_the_quick_ways_of_escaping_and_linking_give_what_the_slow_ways_give():
    """inline, text_block and href skip their slow steps where a text or an address needs nothing of
    them: for any text, the result is the one the slow step gives."""
    from urllib.parse import quote

    from archive_builder.render import escape
    from archive_builder.render.page import _QUOTE_CHANGES

    alphabet = [chr(code) for code in range(0x250)] + ["é", "’", "—", "\u2028", "\u3000", "\xa0", "  ", "\r\n"]
    chosen = random.Random(7)
    for _ in range(20000):
        text = "".join(chosen.choice(alphabet) for _ in range(chosen.randint(0, 8)))
        slow = escape._one_line(text).translate(escape._TABLE)
        slow = escape._LINE_START[slow[0]] + slow[1:] if slow[:1] in escape._LINE_START else slow
        assert escape.inline(text) == slow, repr(text)
        assert escape._single_spaced(text) == escape._SPACES.sub(" ", text), repr(text)
        assert bool(_QUOTE_CHANGES.search(text)) == (quote(text) != text), repr(text)
