"""The reader's site in Chromium: search order, navigation, home page, term pages,
previews and the neighbourhood diagram.

The site is served over HTTP on the loopback interface, as a reader gets it:
Sphinx's search fetches pages for its snippets, which browsers refuse on
``file://``. Chromium and its skip rules are those of ``test_browser``.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from typing import TYPE_CHECKING, Any

import pytest
from test_browser import ARGS, CHROMIUM

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp

from playwright.sync_api import sync_playwright

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(real_site: SphinxTestApp) -> Path:
    return real_site.outdir


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<free port>/ for the module's tests."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def exported(site: Path) -> dict[str, Any]:
    """The glossary as data (the export), to compare what pages show with."""
    data: dict[str, Any] = json.loads((site / "glossary.json").read_text("utf-8"))
    return data


def visit(browser: Browser, url: str, viewport: dict[str, int] = DESKTOP, **context: Any) -> Page:
    page = browser.new_context(viewport=viewport, **context).new_page()  # type: ignore[arg-type]
    page.goto(url)
    return page


# -- search ---------------------------------------------------------------------


def search(browser: Browser, served: str, query: str) -> list[tuple[str, str]]:
    """Each result of the site's search as (href, snippet), best first."""
    page = visit(browser, f"{served}search.html?q={query}")
    page.locator("#search-results p.search-summary:not(:empty)").wait_for(timeout=15000)
    items = page.locator("#search-results ul.search > li")
    # Snippets arrive as each result's page is fetched: wait for all of them.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#search-results ul.search > li')]"
        ".every(li => li.querySelector('p.context'))",
        timeout=15000,
    )
    found = [
        (
            str(items.nth(i).locator("a").first.get_attribute("href")),
            " ".join(items.nth(i).locator("p.context").inner_text().split()),
        )
        for i in range(items.count())
    ]
    page.context.close()
    return found


def summary_of(exported: dict[str, Any], docname: str) -> str:
    term = next(t for t in exported["terms"] if t["url"].split("#")[0] == f"{docname}.html")
    return str(term["summary"])


@pytest.mark.parametrize(
    ("query", "docname"),
    [
        ("North Star Metric", "glossary/north-star-metric"),  # the name
        ("north star", "glossary/north-star-metric"),  # part of it
        ("HoP", "glossary/head-of-product"),  # an alias that other pages mention
        ("CPO", "glossary/chief-product-officer"),  # an alias, on the home page too
    ],
)
def test_search_gives_the_term_first_once_with_its_summary(
    browser: Browser, served: str, exported: dict[str, Any], query: str, docname: str
) -> None:
    results = search(browser, served, query)
    assert results, f"no result for {query!r}"
    first, snippet = results[0]
    assert first == f"{docname}.html"
    assert snippet == summary_of(exported, docname)
    pages = [href.split("#")[0] for href, _ in results]
    assert len(pages) == len(set(pages)), f"a page listed twice: {pages}"


def test_search_snippets_never_show_source_and_maintainer_pages_come_last(
    browser: Browser, served: str
) -> None:
    # The authoring guide shows "Head of Product" as a complete MyST entry.
    results = search(browser, served, "Head of Product")
    pages = [href.split("#")[0] for href, _ in results]
    assert "about/authoring.html" in pages
    maintainer = [i for i, p in enumerate(pages) if p.startswith("about/")]
    glossary = [i for i, p in enumerate(pages) if not p.startswith("about/")]
    assert min(maintainer) > max(glossary), pages
    for href, snippet in results:
        assert ":::" not in snippet and "{pmterm}" not in snippet, (href, snippet)
        assert ":category:" not in snippet, (href, snippet)
