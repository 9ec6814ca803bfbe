"""The built site in a real browser (Debian's Chromium, headless, via Playwright): a reader goes
from the home page to a meeting, lands on a resolution's own address, and downloads a document."""

from __future__ import annotations

from pathlib import Path

import fixtures_archive as fx
import pytest
from browser import browser_test, serve, sync_api

pytestmark = browser_test
expect = sync_api.expect


@pytest.fixture(scope="session")
def site_url(sample_site):
    """The built sample site served over HTTP on a free local port for the session."""
    with serve(sample_site.site_dir) as url:
        yield url


def test_reader_follows_a_meeting_to_a_resolution_and_downloads_its_minutes(page, site_url, sample_site):
    page.goto(site_url)
    page.get_by_role("link", name="Tuesday 16 October 2018").first.click()
    page.wait_for_url("**/meetings/joint-ict/2018-10-16/")
    expect(page.locator("h1")).to_contain_text("Joint ICT Committee, Tuesday 16 October 2018")

    resolution = page.locator("#item-6-r2a")
    expect(resolution).not_to_be_in_viewport()  # further down the page than a screen
    resolution.get_by_role("link", name="Link to this resolution").click()
    page.wait_for_url("**/meetings/joint-ict/2018-10-16/#item-6-r2a")
    _assert_scrolled_to(page, "#item-6-r2a")

    page.get_by_role("link", name="Minutes, Joint ICT Committee, 16 October 2018").click()
    page.wait_for_url(f"**/documents/{fx.MINUTES}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "minutes-2018-10-16.pdf"
    source = sample_site.config.sources_dir / "joint-ict/minutes-2018-10-16.pdf"
    assert Path(download.path()).read_bytes() == source.read_bytes()


def test_a_resolution_address_opens_at_the_resolution(page, site_url):
    page.goto(site_url + "meetings/joint-ict/2018-10-16/#item-6-r2b")
    _assert_scrolled_to(page, "#item-6-r2b")
    assert page.evaluate("window.scrollY") > 0  # the browser scrolled down to it
    expect(page.locator("#item-6-r2b .archive-context")).to_have_text(
        "Joint ICT Committee, 16 October 2018, item 6: Update report"
    )


def test_meeting_page_fits_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        for address in ("meetings/joint-ict/2018-10-16/", f"documents/{fx.PACK_REPORT}/", "decisions/2018/"):
            phone.goto(site_url + address)
            widths = phone.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1] + 1, f"{address} scrolls sideways on a phone: {widths}"
    finally:
        context.close()


def _assert_scrolled_to(page, selector: str) -> None:
    """The element is in view, and its top is not hidden under Material's fixed header."""
    target = page.locator(selector)
    expect(target).to_be_in_viewport()
    box = target.bounding_box()
    header = page.locator(".md-header").bounding_box()
    viewport = page.viewport_size
    assert box is not None and header is not None and viewport is not None
    assert header["height"] - 1 <= box["y"] < viewport["height"], (box, header)
