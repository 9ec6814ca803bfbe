"""What a reader's browser downloads to search the site: the bytes fetched (as sent over the wire,
compressed where the server compresses) for a first search on a freshly opened page, then for a
second search on the same page. Measured in Debian's headless Chromium, the site served on 127.0.0.1,
through the site's own search box, as a reader would type."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import launch, serve  # noqa: E402  (the tests' server and browser: the same set-up)


def search_bytes(site_dir: Path, queries: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    first, second = queries[:2]
    with serve(site_dir) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            fetched = _count_bytes(page)
            page.goto(url, wait_until="networkidle")
            opened = fetched.total
            _search(page, first)
            after_first = fetched.total
            _search(page, second)
            after_second = fetched.total
        finally:
            browser.close()
    return {"page": opened, "first": after_first - opened, "second": after_second - after_first}


class _Counter:
    def __init__(self) -> None:
        self.total = 0

    def add(self, request) -> None:
        sizes = request.sizes()
        self.total += sizes["responseBodySize"] + sizes["responseHeadersSize"]


def _count_bytes(page) -> _Counter:
    """Bytes received for every request of the page and of its workers (Pagefind searches in a Web
    Worker, whose requests a page-level DevTools session does not see): bodies as sent, and headers."""
    counter = _Counter()
    page.context.on("requestfinished", counter.add)
    return counter


def _search(page, query: str) -> None:
    """Type the query into the search box, wait for the results (or the no-result message)."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").first.click()
    box.fill("")
    box.type(query, delay=20)
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta') &&"
        " !/searching|loading/i.test(document.querySelector('.md-search-result__meta').textContent)"
        " && document.querySelector('.md-search-result__meta').textContent.trim() !== ''",
        timeout=30000,
    )
    page.wait_for_load_state("networkidle")
