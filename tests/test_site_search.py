"""The site's own search, as the public uses it: Material's search box, searching the Pagefind index
`archive build` writes into the site. Queries are typed into the built sites' search box in headless
Chromium (the demo archive, the seeds and Kent's ModernGov documents); each must bring back the page
expected among the first results, linking to the item or resolution itself, with its committee and
date. Filters narrow the results, a phone can search, nothing private is ever found, and no
document's text becomes markup in the results."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import frontmatter
import pytest
from browser import browser_test, serve, sync_api
from click.testing import CliRunner
from corpus import corpus_folder
from demo import PROJECT

from archive_builder.cli import main
from archive_builder.config import Config
from archive_builder.publish.site import PAGEFIND_EXCLUDE, PublishError, publish
from archive_builder.templates import OVERRIDES, override_files

expect = sync_api.expect

MEETING = "/meetings/environment-and-transport/2024-09-12/"
LISTINGS = {"/", "/meetings/", "/committees/", "/decisions/", "/decisions/2024/", "/decisions/2025/", "/people/",
            "/documents/", "/followups/"}

# (query, the page expected among the first three results, the anchor expected among that result's links)
DEMO = [
    ("evening journeys", MEETING, "#item-6-r2a"),  # words of a resolution: the result links to the resolution
    ("Harbourline Buses", MEETING, "#item-6-r2a"),
    ("cycling", "/documents/2024-09-12-environment-and-transport-report-riverside-cycle-path-feasibility-study/",
     None),  # stemmed: the report on the "Riverside Cycle Path"
    ("Okonkwo", "/people/margaret-okonkwo/", None),  # a person's name finds the person
    ("HDC/2025/004", "/documents/2025-03-13-environment-and-transport-record-of-decision-hdc-2025-004/", None),
    ("minute 47", "/meetings/environment-and-transport/2025-03-13/", "#item-7"),  # a minute number
    ('"route 7"', MEETING, "#item-6"),  # a phrase
    ("nitrogen dioxide", "/documents/2024-11-14-environment-and-transport-report-air-quality-monitoring-update/",
     None),
    ("wharf lane depot", "/meetings/environment-and-transport/2025-03-13/", "#item-11"),  # a private item, by title
    ("fictional", "/about/", None),  # a page a person wrote is searched too
]
SEEDS = [
    ("datacentre link", "/meetings/joint-ict-committee/2018-10-16/", "#item-6-r2a"),
    ('"letter be sent"', "/meetings/joint-ict-committee/2018-10-16/", "#item-6-r2a"),
    ("benchmark", "/meetings/joint-ict-committee/2018-10-16/", "#item-6-r2b"),  # stemmed: "benchmarking"
    ("benchmarking options", "/meetings/joint-ict-committee/2018-10-16/", "#item-6-r2b"),
    ("appointed as chair", "/meetings/joint-ict-committee/2018-10-16/", "#item-1"),
    ("Paschoud", "/people/paschoud/", None),
]
KENT = [
    ("minute 288", "/meetings/county-council/2025-02-13/", "#item-3"),
    ("24/00096", "/meetings/cabinet/2025-01-30/", "#item-9"),
    ('"Family Farm Tax"', "/meetings/county-council/2024-12-19/", None),
    ("LEVI capital", "/meetings/county-council/2025-02-13/", "#item-6-r15"),
    ("devolution", "/meetings/cabinet/2025-01-09/", "#item-8"),
    ("revenue budget monitoring", "/meetings/cabinet/2025-01-30/", "#item-5"),
    ("Oakford", "/people/p-j-oakford/", None),
]


# --- Building and serving the sites (once per module) -------------------------------------------


def _corpus_site(tmp_path_factory, name: str) -> Path:
    """A new archive (`archive init`) built from one folder of the real documents."""
    folder = corpus_folder(name)
    root = tmp_path_factory.mktemp(f"search-{name}")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    built = runner.invoke(main, ["build", "--root", str(root), "--sources", str(folder), "--quiet"])
    assert (root / "site" / "pagefind" / "pagefind.js").exists(), built.output
    return root / "site"


@pytest.fixture(scope="module")
def demo_url(demo_site):
    assert demo_site.completed.returncode in (0, 1), demo_site.completed.stderr
    with serve(demo_site.site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory):
    with serve(_corpus_site(tmp_path_factory, "seeds")) as url:
        yield url


@pytest.fixture(scope="module")
def kent_url(tmp_path_factory):
    with serve(_corpus_site(tmp_path_factory, "kent-moderngov")) as url:
        yield url


@pytest.fixture(scope="module")
def sample_url(sample_site):
    with serve(sample_site.site_dir) as url:
        yield url


# --- Searching as a reader does -------------------------------------------------------------------


def open_search(page) -> None:
    """Click the search icon (on a phone) or the search box (on a wider screen)."""
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():
        opener.click()
    else:
        page.locator("input.md-search__input").click()


def search(page, query: str) -> list[dict]:
    """Type a query into the site's search box and read the results as a reader sees them."""
    if not page.evaluate("document.getElementById('__search').checked"):
        open_search(page)
    page.locator("input.md-search__input").fill(query)
    _wait_for_results(page)
    return results(page)


def _wait_for_results(page) -> None:
    page.wait_for_function(
        "() => { const meta = document.querySelector('.md-search-result__meta');"
        " return meta && !/Searching/.test(meta.textContent); }"
    )


def results(page) -> list[dict]:
    return page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => ({
            page: new URL(item.querySelector('a').href).pathname,
            links: [...item.querySelectorAll('a[href]')].map(a => new URL(a.href).pathname + new URL(a.href).hash),
            title: item.querySelector('h1').textContent,
            where: (item.querySelector('.archive-search-where') || {textContent: ''}).textContent,
            text: item.textContent,
        }))"""
    )


def _assert_found(found: list[dict], expected_page: str, anchor: str | None, top: int = 3) -> None:
    pages = [result["page"] for result in found]
    assert expected_page in pages[:top], pages
    if anchor:
        links = found[pages.index(expected_page)]["links"]
        assert expected_page + anchor in links, links


# --- The query tables -------------------------------------------------------------------------------


@browser_test
@pytest.mark.parametrize("query, expected_page, anchor", DEMO)
def test_demo_queries_find_the_expected_page(page, demo_url, query, expected_page, anchor):
    page.goto(demo_url)
    found = search(page, query)
    _assert_found(found, expected_page, anchor)
    assert not LISTINGS.intersection(result["page"] for result in found)  # listing pages never crowd them out


@browser_test
@pytest.mark.parametrize("query, expected_page, anchor", SEEDS)
def test_seed_queries_find_the_expected_page(page, seeds_url, query, expected_page, anchor):
    page.goto(seeds_url)
    _assert_found(search(page, query), expected_page, anchor)


@browser_test
@pytest.mark.parametrize("query, expected_page, anchor", KENT)
def test_kent_queries_find_the_expected_page(page, kent_url, query, expected_page, anchor):
    page.goto(kent_url)
    _assert_found(search(page, query), expected_page, anchor)


@browser_test
def test_a_query_with_no_match_says_so(page, demo_url):
    page.goto(demo_url)
    assert search(page, "zeppelin") == []
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    search(page, "fictional")
    expect(page.locator(".md-search-result__meta")).to_have_text("1 matching document")


# --- What a result shows, and where it leads ----------------------------------------------------------


@browser_test
def test_a_result_shows_its_committee_and_date_and_the_matching_resolution(page, demo_url):
    page.goto(demo_url)
    first = search(page, "evening journeys")[0]
    assert first["page"] == MEETING
    assert first["title"] == "Environment and Transport Committee, Thursday 12 September 2024"
    assert first["where"] == "Environment and Transport Committee · 12 September 2024 · Meeting"
    best = page.locator(".md-search-result__item").first.locator("[data-archive-best]")
    expect(best).to_have_attribute("href", MEETING + "#item-6-r2a")
    expect(best.locator("h2")).to_have_text("6. Bus Services on Harbour Road: Resolution (2)(a)")
    expect(best.locator("mark")).to_have_text(["evening", "journeys"])


@browser_test
def test_clicking_a_result_lands_on_the_resolution(page, demo_url):
    page.goto(demo_url)
    search(page, "evening journeys")
    page.locator(f".md-search-result__link[href='{MEETING}#item-6-r2a']").click()
    page.wait_for_url(f"**{MEETING}#item-6-r2a")
    resolution = page.locator("#item-6-r2a")
    expect(resolution).to_be_in_viewport()
    expect(resolution).to_contain_text("Harbourline Buses")
    assert page.evaluate("window.scrollY") > 0
    assert not page.evaluate("document.getElementById('__search').checked")  # the search panel closed


@browser_test
def test_keys_open_the_search_and_enter_follows_the_best_result(page, demo_url):
    page.goto(demo_url + "about/")
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("nitrogen dioxide")
    _wait_for_results(page)
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    expect(page.locator("input.md-search__input")).to_be_focused()
    expect(page.locator("input.md-search__input")).to_have_value("nitrogen dioxide")
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/2024-11-14-environment-and-transport-report-air-quality-monitoring-update/**")


# --- Filters ------------------------------------------------------------------------------------------


@browser_test
def test_a_year_filter_narrows_the_results(page, demo_url):
    page.goto(demo_url)
    everything = search(page, "bus")
    assert {"2024", "2025"} <= {year for r in everything for year in ("2024", "2025") if year in r["where"]}
    page.locator("select[data-filter='year']").select_option("2025")
    _wait_for_results(page)
    narrowed = results(page)
    assert 0 < len(narrowed) < len(everything)
    assert all("2025" in result["where"] for result in narrowed), [r["where"] for r in narrowed]
    page.locator("select[data-filter='kind']").select_option("Meeting")
    _wait_for_results(page)
    assert all(result["where"].endswith("· Meeting") for result in results(page))


@browser_test
def test_a_committee_filter_narrows_the_results(page, kent_url):
    page.goto(kent_url)
    everything = search(page, "corporate parenting minutes")
    assert any("Corporate Parenting Panel" in r["where"] for r in everything)
    expect(page.locator("select[data-filter='committee'] option")).to_have_text(
        ["All", "Cabinet", "Corporate Parenting Panel", "County Council"])
    page.locator("select[data-filter='committee']").select_option("County Council")
    _wait_for_results(page)
    narrowed = results(page)
    assert narrowed and all(r["where"].startswith("County Council · ") for r in narrowed)
    _assert_found(narrowed, "/meetings/county-council/2025-03-13/", "#item-4")


# --- Loading, the phone, a sub-path ---------------------------------------------------------------


@browser_test
def test_pages_load_nothing_of_the_search_until_someone_searches(page, demo_site, demo_url):
    assert not (demo_site.site_dir / "search" / "search_index.json").exists()  # Material's search stays off
    assert not list(demo_site.site_dir.rglob("search_index.json"))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(demo_url + MEETING.lstrip("/"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url or "search_index" in url]
    search(page, "evening journeys")
    assert demo_url + "pagefind/pagefind.js" in requested


@browser_test
def test_searching_on_a_phone(browser, demo_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        phone.goto(demo_url)
        box = phone.locator("input.md-search__input")
        expect(box).not_to_be_in_viewport()  # folded away behind the search icon
        phone.locator("label.md-header__button[for='__search']").click()
        expect(box).to_be_in_viewport()
        expect(box).to_be_focused()
        box.fill("evening journeys")
        _wait_for_results(phone)
        first = phone.locator(".md-search-result__item").first
        expect(first).to_be_in_viewport()
        expect(first.locator(".archive-search-where")).to_have_text(
            "Environment and Transport Committee · 12 September 2024 · Meeting")
        expect(phone.locator("select[data-filter='year']")).to_be_in_viewport()
        # No sideways scrolling once Material's opening animation (its overlay growing) has finished.
        phone.wait_for_function(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1", timeout=3000)
        first.locator(f"a[href='{MEETING}#item-6-r2a']").tap()
        phone.wait_for_url(f"**{MEETING}#item-6-r2a")
        expect(phone.locator("#item-6-r2a")).to_be_in_viewport()
    finally:
        context.close()


@browser_test
def test_a_site_served_from_a_sub_path_searches_and_links_within_it(page, demo_site, tmp_path):
    (tmp_path / "archive").symlink_to(demo_site.site_dir, target_is_directory=True)
    with serve(tmp_path) as url:
        page.goto(url + "archive/people/")
        found = search(page, "evening journeys")
        assert found and found[0]["page"] == "/archive" + MEETING
        page.locator(".md-search-result__item").first.locator("[data-archive-best]").click()
        page.wait_for_url(f"**/archive{MEETING}#item-6-r2a")


# --- Privacy and escaping ----------------------------------------------------------------------------


def _fragments(site_dir: Path, bundles: tuple[str, ...] = ("pagefind", "pagefind-earlier")) -> list[dict]:
    """Every page Pagefind indexed, as its bundles hold it (gzip, then 'pagefind_dcd' and JSON)."""
    found = []
    for bundle in bundles:
        folder = site_dir / bundle / "fragment"
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            data = gzip.decompress(path.read_bytes())
            assert data.startswith(b"pagefind_dcd")
            found.append(json.loads(data[len(b"pagefind_dcd"):]))
    return found


def test_private_text_never_reaches_the_search_index(demo_site, sample_site):
    import fixtures_archive as fx

    for site_dir, secrets in ((demo_site.site_dir, ["CONFIDENTIAL-DEMO-TEXT", "ten-year renewal"]),
                              (sample_site.site_dir, [fx.SECRET, fx.EXEMPT_LINK_EVIDENCE, "restructure"])):
        fragments = _fragments(site_dir)
        assert fragments
        for fragment in fragments:
            text = json.dumps(fragment, ensure_ascii=False).lower()
            assert not [secret for secret in secrets if secret.lower() in text], fragment["url"]


@browser_test
def test_searching_for_private_text_finds_nothing(page, demo_url, sample_url):
    page.goto(demo_url)
    assert search(page, '"never appear on the published site"') == []
    for result in search(page, "CONFIDENTIAL-DEMO-TEXT"):  # its words alone may be found elsewhere; it is not
        assert "CONFIDENTIAL-DEMO-TEXT" not in result["text"]
    page.goto(sample_url)
    assert search(page, "SECRET-EXEMPT-TEXT") == []
    assert search(page, "restructure") == []


@browser_test
def test_text_from_documents_never_becomes_markup_in_the_results(page, sample_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(sample_url)
    found = search(page, "onerror")
    assert "/people/evil-name/" in [result["page"] for result in found]
    search(page, "alert")
    panel = page.locator(".md-search-result")
    expect(panel.locator("img, script, iframe, [onerror]")).to_have_count(0)
    expect(panel.locator("a[href^='javascript:']")).to_have_count(0)
    assert panel.locator("mark").count() > 0  # the only elements in an excerpt are the marks made for matches
    assert "<script>alert('title')</script>" in panel.inner_text()  # shown as the characters it is
    page.wait_for_timeout(200)
    assert dialogs == []


# --- The index itself, and the build ------------------------------------------------------------------


def test_only_the_pages_that_hold_things_are_searched_with_their_filters(demo_site):
    fragments = {fragment["url"]: fragment for fragment in _fragments(demo_site.site_dir)}
    assert not LISTINGS.intersection(fragments)
    meeting = fragments[MEETING]
    assert meeting["filters"] == {"committee": ["Environment and Transport Committee"], "year": ["2024"],
                                  "kind": ["Meeting"]}
    assert meeting["meta"] == {"title": "Environment and Transport Committee, Thursday 12 September 2024",
                               "committee": "Environment and Transport Committee", "date": "12 September 2024",
                               "kind": "Meeting"}
    anchors = {anchor["id"]: anchor["element"] for anchor in meeting["anchors"]}
    assert anchors["item-6"] == "h2" and anchors["item-6-r2a"] == "div"
    assert "Link to this resolution" not in meeting["content"]  # left out: see PAGEFIND_EXCLUDE
    assert "¶" not in meeting["content"]
    kinds = {fragment["filters"].get("kind", ["(none)"])[0] for fragment in fragments.values()}
    assert {"Meeting", "Minutes", "Agenda", "Report", "Decision notice", "Person", "Committee"} <= kinds


def test_generated_pages_carry_their_search_facets(sample_site):
    def facets(path):
        return frontmatter.loads(sample_site.files.pages[path]).metadata.get("search_facets")

    assert facets("meetings/joint-ict/2018-10-16/index.md") == {
        "kind": "Meeting", "committee": "Joint ICT Committee", "date": "16 October 2018", "year": "2018"}
    assert facets("people/anne-smith/index.md") == {"kind": "Person"}
    assert facets("committees/joint-ict/index.md") == {"kind": "Committee", "committee": "Joint ICT Committee"}
    for listing in ("index.md", "meetings/index.md", "people/index.md", "documents/index.md", "decisions/2018/index.md"):
        assert facets(listing) is None, listing


def test_pagefind_time_is_recorded_and_a_failure_leaves_the_last_site(sample_site, tmp_path, monkeypatch):
    root = tmp_path / "archive"
    shutil.copytree(sample_site.config.root, root, ignore=shutil.ignore_patterns(".archive"))
    config = Config(root=root, site_name=sample_site.archive.site_name)
    timings: dict[str, float] = {}
    publish(config, strict=True, timings=timings)
    assert timings["pagefind"] > 0 and timings["mkdocs"] > 0
    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}

    import pagefind_bin

    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'error: the index could not be written' >&2\nexit 3\n")
    failing.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: failing)
    with pytest.raises(PublishError, match="Pagefind could not index the site: error: the index could not be written"):
        publish(config, strict=True)
    after = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not (root / ".archive" / "site-new").exists()


def test_without_the_pagefind_package_the_build_says_so_plainly(sample_site, tmp_path, monkeypatch):
    import importlib.metadata
    import sys

    root = tmp_path / "archive"
    shutil.copytree(sample_site.config.root, root, ignore=shutil.ignore_patterns(".archive"))
    config = Config(root=root, site_name=sample_site.archive.site_name)
    version = importlib.metadata.version

    def no_pagefind(name):
        if name == "pagefind_bin":
            raise importlib.metadata.PackageNotFoundError(name)
        return version(name)

    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    monkeypatch.setattr(importlib.metadata, "version", no_pagefind)
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # import pagefind_bin: ImportError
    with pytest.raises(PublishError, match="Pagefind is not installed, so the site's search cannot be built"):
        publish(config, strict=True)
    assert {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before
    assert not (root / ".archive" / "site-new").exists()


def test_pagefind_gives_the_same_pages_and_words_each_run(demo_site, tmp_path):
    """Pagefind's fragments (the pages) and word index are byte for byte the same for the same site.
    Pagefind 1.5 writes each filter's values in no fixed order, so the filter chunks (and the hashes
    naming them, in pagefind-entry.json and the .pf_meta file) may differ between two runs."""
    import pagefind_bin

    bundles = []
    for run in ("one", "two"):
        site = tmp_path / run
        shutil.copytree(demo_site.site_dir, site, ignore=shutil.ignore_patterns("pagefind"))
        subprocess.run([str(pagefind_bin.get_executable()), "--site", str(site), "--exclude-selectors",
                        PAGEFIND_EXCLUDE, "--quiet"], check=True, capture_output=True)
        bundles.append({p.relative_to(site / "pagefind").as_posix(): p.read_bytes()
                        for p in (site / "pagefind").rglob("*") if p.is_file()})
    stable = [name for name in bundles[0] if name.startswith(("fragment/", "index/"))]
    assert stable and all(bundles[0][name] == bundles[1].get(name) for name in stable)
    def filters(bundle):  # the same values, in whatever order: the same length once unzipped
        return sorted(len(gzip.decompress(data)) for name, data in bundle.items() if name.startswith("filter/"))

    assert filters(bundles[0]) == filters(bundles[1])


# --- The theme override: shipped, written by `archive init`, used by the demo -------------------------


def test_init_writes_the_theme_override_that_mkdocs_yml_names(tmp_path):
    root = tmp_path / "new"
    assert CliRunner().invoke(main, ["init", str(root)]).exit_code == 0
    for relative in ("main.html", "partials/header.html", "partials/search.html",
                     "assets/javascripts/archive-search.js", "assets/stylesheets/archive-search.css"):
        assert (root / OVERRIDES / relative).is_file(), relative
    assert "custom_dir: overrides" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert set(override_files()) == {f"{OVERRIDES}/{p.relative_to(root / OVERRIDES).as_posix()}"
                                     for p in (root / OVERRIDES).rglob("*") if p.is_file()}


def test_the_demo_archive_uses_the_package_override():
    assert (PROJECT / "overrides").resolve() == (PROJECT / "archive_builder" / "templates" / OVERRIDES).resolve()
    assert "custom_dir: overrides" in (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_header_is_materials_own_but_for_the_search_box():
    """The override copies Material's header to show the search box with the search plugin off:
    when Material changes its header, this says the copy needs its change made again."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = override_files()[f"{OVERRIDES}/partials/header.html"]
    start = theirs.index('    {% if "material/search" in config.plugins %}')
    end = theirs.index("    {% if config.repo_url %}")
    body = ours[ours.index("-#}\n") + 4:]
    assert body.startswith(theirs[theirs.index("-#}\n") + 4:start])
    assert body.endswith(theirs[end:])
    assert '{% include "partials/search.html" %}' in body
