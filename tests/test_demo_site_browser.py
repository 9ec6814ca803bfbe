"""The demo site as the public meets it, in headless Chromium: from the home page to a meeting, to one
decision's own address, and to a source document's download; and on a phone-sized screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser_test, serve, sync_api
from demo import PROJECT

pytestmark = browser_test
expect = sync_api.expect

MEETING = "meetings/environment-and-transport/2024-09-12/"
RESOLUTION = "item-6-r2a"  # Bus Services on Harbour Road, (2)(a): a letter to the bus operator


@pytest.fixture(scope="module")
def demo_url(demo_site):
    with serve(demo_site.site_dir) as url:
        yield url


def test_home_to_meeting_to_resolution_to_download(page, demo_url):
    page.goto(demo_url)
    expect(page.locator("h1")).to_contain_text("Demo committee archive")
    page.get_by_role("link", name="Thursday 12 September 2024").click()
    page.wait_for_url(f"**/{MEETING}")
    expect(page.locator("h1")).to_contain_text("Environment and Transport Committee")

    resolution = page.locator(f"#{RESOLUTION}")
    expect(resolution).to_contain_text("Harbourline Buses")
    resolution.get_by_role("link", name="Link to this resolution").click()
    page.wait_for_url(f"**/{MEETING}#{RESOLUTION}")
    expect(resolution).to_be_in_viewport()
    expect(resolution.locator(".archive-context")).to_contain_text("12 September 2024, item 6: Bus Services on Harbour Road")

    page.locator("a[href*='documents/2024-09-12-environment-and-transport-printed-minutes/']").first.click()
    page.wait_for_url("**/documents/2024-09-12-environment-and-transport-printed-minutes/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download (PDF)").click()
    download = download_info.value
    source = PROJECT / "sources" / "2024-09-12_environment-and-transport_printed-minutes.pdf"
    assert download.suggested_filename == source.name
    assert Path(download.path()).read_bytes() == source.read_bytes()


def test_a_shared_resolution_address_lands_on_the_resolution(page, demo_url):
    page.goto(f"{demo_url}{MEETING}#{RESOLUTION}")
    expect(page.locator(f"#{RESOLUTION}")).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0


def test_a_private_item_shows_only_that_it_was_taken_in_private(page, demo_url):
    page.goto(f"{demo_url}meetings/environment-and-transport/2025-03-13/")
    depot = page.locator("#item-11")
    expect(depot).to_contain_text("Wharf Lane Depot: Lease Renewal")
    expect(page.locator("body")).to_contain_text("taken in private")
    expect(page.locator("body")).not_to_contain_text("CONFIDENTIAL-DEMO-TEXT")


def test_pages_fit_a_phone_screen(browser, demo_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        for address in ("", MEETING, "meetings/environment-and-transport/2025-03-13/", "documents/",
                        "documents/2025-03-13-environment-and-transport-report-hdc-2025-004-riverside-cycle-path/",
                        "decisions/2024/", "people/"):
            phone.goto(demo_url + address)
            width, client = phone.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width <= client + 1, f"{address or 'home'} scrolls sideways on a phone: {width} > {client}"
    finally:
        context.close()
