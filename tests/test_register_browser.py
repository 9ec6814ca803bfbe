"""The decision register and the follow-up tracker in a real browser (Debian's Chromium, headless):
sorting by a column heading, filtering by words and by committee, the whole table without
JavaScript, and no sideways scrolling on a phone."""

from __future__ import annotations

import shutil

import pytest
import yaml
from browser import browser_test, serve, sync_api

from archive_builder.config import Config
from archive_builder.publish.site import publish

pytestmark = browser_test
expect = sync_api.expect

REGISTER = "decisions/2018/"
ROWS = 7  # the sample archive's resolutions of 2018 that may be shown (the exempt item's are not)


@pytest.fixture(scope="module")
def site_url(sample_site):
    with serve(sample_site.site_dir) as url:
        yield url


def _visible_dates(page) -> list[str]:
    return page.locator(".archive-table tbody tr:visible time").evaluate_all(
        "nodes => nodes.map(node => node.getAttribute('datetime'))"
    )


def _visible_rows(page):
    return page.locator(".archive-table tbody tr:visible")


def _errors(page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    return found


def test_clicking_the_date_heading_sorts_by_date_both_ways(page, site_url):
    errors = _errors(page)
    page.goto(site_url + REGISTER)
    date = page.locator(".archive-table th").first
    expect(date).to_have_attribute("aria-sort", "descending")  # the page's own order: newest first
    first = _visible_dates(page)
    assert first == sorted(first, reverse=True) and len(set(first)) == 2

    date.get_by_role("button", name="Date").click()
    expect(date).to_have_attribute("aria-sort", "ascending")
    ascending = _visible_dates(page)
    assert ascending == sorted(first)

    date.get_by_role("button", name="Date").click()
    expect(date).to_have_attribute("aria-sort", "descending")
    assert _visible_dates(page) == sorted(first, reverse=True)

    # Another column sorts by its words; the date heading is no longer marked.
    page.locator(".archive-table th").nth(5).get_by_role("button").click()  # Outcome
    outcomes = _visible_rows(page).locator("td:nth-child(6)").all_inner_texts()
    assert outcomes == sorted(outcomes, key=str.casefold)
    expect(date).not_to_have_attribute("aria-sort", "descending")
    assert errors == []


def test_typing_a_word_keeps_only_the_rows_that_hold_it(page, site_url):
    page.goto(site_url + REGISTER)
    expect(_visible_rows(page)).to_have_count(ROWS)
    page.get_by_label("Filter", exact=True).fill("budget")
    expect(_visible_rows(page)).to_have_count(1)
    expect(_visible_rows(page).first).to_contain_text("That the budget be reviewed in March 2019.")
    expect(page.locator(".archive-table-count")).to_have_text(f"Showing 1 of {ROWS} resolutions.")
    assert page.locator(".archive-table tbody tr").count() == ROWS  # the others are hidden, not removed
    page.get_by_label("Filter", exact=True).fill("")
    expect(_visible_rows(page)).to_have_count(ROWS)


def test_choosing_a_committee_outcome_or_action_status_filters_the_rows(page, site_url):
    page.goto(site_url + REGISTER)
    committee = page.get_by_label("Committee", exact=True)
    assert committee.locator("option").all_inner_texts() == ["All", "Cabinet", "Joint ICT Committee"]
    committee.select_option("Cabinet")
    expect(_visible_rows(page)).to_have_count(1)
    expect(_visible_rows(page).first).to_contain_text("Datacentre link procurement")
    committee.select_option("Joint ICT Committee")
    expect(_visible_rows(page)).to_have_count(ROWS - 1)
    page.get_by_label("Actions", exact=True).select_option("overdue")
    expect(_visible_rows(page)).to_have_count(1)
    expect(_visible_rows(page).first).to_contain_text("That the budget be reviewed")
    page.get_by_label("Actions", exact=True).select_option("")
    page.get_by_label("Outcome", exact=True).select_option("Lost")
    expect(_visible_rows(page)).to_have_count(1)
    committee.select_option("Cabinet")  # filters add up: Cabinet lost nothing
    expect(_visible_rows(page)).to_have_count(0)
    expect(page.locator(".archive-table-count")).to_have_text(f"Showing 0 of {ROWS} resolutions.")


def test_without_javascript_the_whole_table_is_there_in_order(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for address, rows in ((REGISTER, ROWS), ("followups/", 3)):
            page.goto(site_url + address)
            expect(page.locator(".archive-table tbody tr")).to_have_count(rows)
            expect(page.locator(".archive-table tbody tr:visible")).to_have_count(rows)
            expect(page.locator(".archive-table-controls")).to_have_count(0)
            assert page.locator(".archive-table th button").count() == 0
        page.goto(site_url + REGISTER)
        dates = _visible_dates(page)
        assert dates == sorted(dates, reverse=True)
    finally:
        context.close()


def test_the_tracker_filters_by_status(page, site_url):
    page.goto(site_url + "followups/")
    expect(_visible_rows(page)).to_have_count(3)
    page.get_by_label("Status", exact=True).select_option("overdue")
    expect(_visible_rows(page)).to_have_count(1)
    expect(_visible_rows(page).first).to_contain_text("Review the budget")


def test_pages_fit_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        for address in (REGISTER, "followups/", "committees/joint-ict/", "people/", "people/anne-smith/",
                        "meetings/joint-ict/2018-10-16/", "meetings/cabinet/2018-11-20/"):
            phone.goto(site_url + address)
            width, client = phone.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert width <= client + 1, f"{address} scrolls sideways on a phone: {width} > {client}"
    finally:
        context.close()


def test_the_script_also_runs_on_pages_material_brings_in_by_instant_navigation(browser, sample_site, tmp_path):
    """With navigation.instant on, Material swaps the page's content without a page load: the script
    enhances the register through Material's document$ as well."""
    root = tmp_path / "instant"
    shutil.copytree(sample_site.config.root, root, ignore=shutil.ignore_patterns("site", ".archive"))
    context = browser.new_context()
    try:
        page = context.new_page()
        with serve(root / "site") as url:  # served from the folder the site is built into next
            config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
            config["theme"]["features"].append("navigation.instant")
            config["site_url"] = url  # instant navigation only takes over links within the site's address
            (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
            publish(Config(root=root, site_name=sample_site.archive.site_name), strict=True)
            page.goto(url)
            page.evaluate("window.__sameDocument = true")
            page.locator(".md-tabs").get_by_role("link", name="Decisions", exact=True).click()
            page.wait_for_url("**/decisions/")
            page.locator("article").get_by_role("link", name="2018", exact=True).click()
            page.wait_for_url("**/decisions/2018/")
            expect(page.locator(".archive-table-controls")).to_have_count(1)
            assert page.evaluate("window.__sameDocument === true")  # no page load happened
            page.get_by_label("Filter", exact=True).fill("budget")
            expect(_visible_rows(page)).to_have_count(1)
    finally:
        context.close()
