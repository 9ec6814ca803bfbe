"""The site's search index in two bundles (archive_builder/publish/search_bundles.py): the pages of the
archive's last two years and every undated page in pagefind/, older pages in pagefind-earlier/,
which a rebuild keeps from the last site while the words it was made from are the same. A reader
searches both at once; a rebuild after a new meeting indexes again only the recent pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser import browser_test, serve
from clerk_archive import archive, minutes, new_archive
from test_site_search import _fragments, _wait_for_results, results, search

from archive_builder.publish.search_bundles import searched_digest

OLD = "2019-03-05_planning-committee_minutes.txt"
MIDDLE = "2024-03-05_planning-committee_minutes.txt"
LATEST = "2025-03-04_planning-committee_minutes.txt"
SOURCES = {
    OLD: minutes(date="Tuesday 5 March 2019", business="RESOLVED that the xylophone museum footbridge repairs be approved."),
    MIDDLE: minutes(date="Tuesday 5 March 2024", business="RESOLVED that the quarry footbridge be noted."),
    LATEST: minutes(date="Tuesday 4 March 2025", business="RESOLVED that the harbour footbridge be noted."),
}
OLD_PAGES = {"/meetings/planning-committee/2019-03-05/", "/documents/2019-03-05-planning-committee-minutes/"}


def _bundle_pages(site_dir: Path, bundle: str) -> set[str]:
    return {fragment["url"] for fragment in _fragments(site_dir, (bundle,))}


def _entry(site_dir: Path, bundle: str) -> Path:
    return site_dir / bundle / "pagefind-entry.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = new_archive(tmp_path_factory.mktemp("bundles") / "archive", SOURCES)
    run = archive(root, "build", "--quiet")
    assert run.exit_code == 0, run.stderr
    return root


def test_pages_from_before_the_last_two_years_are_indexed_apart(built):
    site = built / "site"
    earlier = _bundle_pages(site, "pagefind-earlier")
    recent = _bundle_pages(site, "pagefind")
    assert earlier == OLD_PAGES
    assert {"/meetings/planning-committee/2024-03-05/", "/meetings/planning-committee/2025-03-04/"} <= recent
    assert any(url.startswith("/people/") for url in recent)  # undated pages are with the recent ones
    assert not earlier & recent


@browser_test
def test_a_reader_searches_both_bundles_at_once(page, built):
    with serve(built / "site") as url:
        page.goto(url)
        assert [r["page"] for r in search(page, "xylophone")][:1] == ["/meetings/planning-committee/2019-03-05/"]
        assert "/meetings/planning-committee/2024-03-05/" in [r["page"] for r in search(page, "quarry")]
        years = page.locator("select[data-filter='year'] option").all_text_contents()
        assert {"2019", "2024", "2025"} <= set(years)
        everything = search(page, "footbridge")
        page.locator("select[data-filter='year']").select_option("2019")
        _wait_for_results(page)
        narrowed = results(page)
        assert narrowed and len(narrowed) < len(everything)
        assert all("2019" in r["where"] for r in narrowed)


def test_a_new_meeting_keeps_the_earlier_bundle_and_indexes_the_recent_pages_again(built, tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(built, root, symlinks=True)
    before = _entry(root / "site", "pagefind-earlier").stat().st_ino
    # The new meeting approves the 2019 minutes: the 2019 meeting's page gains a link, which the index leaves out.
    (root / "sources" / "2025-06-03_planning-committee_minutes.txt").write_text(minutes(
        date="Tuesday 3 June 2025",
        business="RESOLVED that the minutes of the meeting held on 5 March 2019 be approved as a correct record. "
                 "RESOLVED that the zeppelin hangar be noted."), encoding="utf-8")
    run = archive(root, "build", "--quiet")
    assert run.exit_code == 0, run.stderr
    site = root / "site"
    assert "3 June 2025" in run.page("meetings/planning-committee/2019-03-05")  # the older page changed...
    assert _entry(site, "pagefind-earlier").stat().st_ino == before  # ...but its bundle was kept
    assert _bundle_pages(site, "pagefind-earlier") == OLD_PAGES
    assert "/meetings/planning-committee/2025-06-03/" in _bundle_pages(site, "pagefind")
    # and the kept bundle holds what a build from scratch of the same sources indexes
    scratch = new_archive(tmp_path / "scratch", {p.name: p.read_text(encoding="utf-8") for p in (root / "sources").iterdir()})
    assert archive(scratch, "build", "--quiet").exit_code == 0
    kept, anew = (sorted(_fragments(s, ("pagefind-earlier",)), key=lambda f: f["url"]) for s in (site, scratch / "site"))
    assert kept == anew


def test_new_words_on_an_earlier_page_make_its_bundle_anew(built, tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(built, root, symlinks=True)
    before = _entry(root / "site", "pagefind-earlier").stat().st_ino
    (root / "sources" / OLD).write_text(SOURCES[OLD].replace("xylophone", "ocarina"), encoding="utf-8")
    run = archive(root, "build", "--quiet")
    assert run.exit_code == 0, run.stderr
    site = root / "site"
    assert _entry(site, "pagefind-earlier").stat().st_ino != before
    words = " ".join(f["content"] for f in _fragments(site, ("pagefind-earlier",)) if "2019-03-05" in f["url"]).lower()
    assert "ocarina" in words and "xylophone" not in words


def test_a_new_year_moves_pages_into_the_earlier_bundle(built, tmp_path):
    root = tmp_path / "archive"
    shutil.copytree(built, root, symlinks=True)
    (root / "sources" / "2027-01-12_planning-committee_minutes.txt").write_text(
        minutes(date="Tuesday 12 January 2027"), encoding="utf-8")
    run = archive(root, "build", "--quiet")
    assert run.exit_code == 0, run.stderr
    earlier = _bundle_pages(root / "site", "pagefind-earlier")  # 2025 and before: 2026 and 2027 are recent
    assert OLD_PAGES | {"/meetings/planning-committee/2024-03-05/", "/meetings/planning-committee/2025-03-04/"} <= earlier
    assert "/meetings/planning-committee/2027-01-12/" in _bundle_pages(root / "site", "pagefind")


def test_an_archive_within_two_years_has_one_bundle(built, tmp_path):
    root = new_archive(tmp_path / "archive", {MIDDLE: SOURCES[MIDDLE], LATEST: SOURCES[LATEST]})
    assert archive(root, "build", "--quiet").exit_code == 0
    assert not (root / "site" / "pagefind-earlier").exists()
    assert (root / "site" / "pagefind" / "archive-bundles.json").read_text() == '{"merge": []}'
    # and an earlier bundle of a last site goes when its pages become recent again
    (root / "sources" / OLD).write_text(SOURCES[OLD], encoding="utf-8")
    assert archive(root, "build", "--quiet").exit_code == 0
    assert (root / "site" / "pagefind-earlier").is_dir()
    (root / "sources" / OLD).unlink()
    assert archive(root, "build", "--quiet").exit_code == 0
    assert not (root / "site" / "pagefind-earlier").exists()


def test_the_digest_of_a_page_leaves_out_only_what_the_index_leaves_out():
    page = ("# Meeting\n\n<p>The words.</p>\n\n"
            '<div class="archive-next" markdown>\n\n**What happened next**\n\n- [a link](x.md)\n\n</div>\n\n'
            '<p class="archive-series" markdown="span">Part of a series: [x](y.md)</p>\n')
    same_words = page.replace("[a link](x.md)", "[another link](z.md)").replace("[x](y.md)", "[w](v.md)")
    assert searched_digest(page) == searched_digest(same_words)
    assert searched_digest(page) != searched_digest(page.replace("The words.", "Other words."))


def test_pagefind_is_given_only_the_pages_it_indexes(tmp_path, monkeypatch):
    """The listing pages (home, indexes, registers, the follow-up tracker), which the site's template
    does not mark for the search, are not even given to Pagefind: at 1,000 meetings they are megabytes
    of tables it would read only to leave out. An override changed by hand may mark them: then every
    page is given."""
    from archive_builder.build import build
    from archive_builder.config import load_config
    from archive_builder.publish import site as publish

    given: list[str] = []
    pagefind_run = publish._pagefind_run

    def recording(executable, site_dir, pages, bundle, state_dir):
        given.extend(pages)
        return pagefind_run(executable, site_dir, pages, bundle, state_dir)

    monkeypatch.setattr(publish, "_pagefind_run", recording)
    root = new_archive(tmp_path / "archive", SOURCES)
    build(load_config(root))
    listings = {"index.html", "meetings/index.html", "people/index.html", "decisions/2025/index.html", "followups/index.html"}
    assert not listings & set(given)
    assert "meetings/planning-committee/2025-03-04/index.html" in given
    assert any(page.startswith("people/") and page != "people/index.html" for page in given)  # a person's page is searched
    assert OLD_PAGES | {"/meetings/planning-committee/2025-03-04/"} <= _bundle_pages(root / "site", "pagefind") | _bundle_pages(
        root / "site", "pagefind-earlier")

    main = root / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(publish.MARKS_FACETED_PAGES, "archive_facets or true"),
                    encoding="utf-8")
    given.clear()
    build(load_config(root))
    assert listings <= set(given)


def test_an_archive_whose_search_script_predates_the_bundles_keeps_one_and_is_told(tmp_path):
    root = new_archive(tmp_path / "archive", SOURCES)
    script = root / "overrides" / "assets" / "javascripts" / "archive-search.js"
    script.write_text(script.read_text(encoding="utf-8").replace("archive-bundles.json", "gone.json"), encoding="utf-8")
    run = archive(root, "build")
    assert run.exit_code == 0, run.stderr
    assert not (root / "site" / "pagefind-earlier").exists()
    assert OLD_PAGES <= _bundle_pages(root / "site", "pagefind")  # every page is searched still
    assert "archive-search.js is older than the search index in parts" in run.report
