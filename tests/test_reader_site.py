"""The reader's site as built: search data, maintainer pages, home page, term pages.

What a browser does with it is in ``test_browser_reader``; these tests read the
built files.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from conftest import build_root

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def maintained(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The basic root with its page that cites terms declared a maintainer page."""
    app, warnings = build_root("pmterm-basic", tmp_path_factory, pmterm_maintainer_pages=["page"])
    assert warnings == ""
    return app


def search_index(app: SphinxTestApp) -> dict[str, Any]:
    text = (app.outdir / "searchindex.js").read_text("utf-8")
    match = re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL)
    assert match is not None
    data: dict[str, Any] = json.loads(match[1])
    return data


def test_search_index_points_every_spelling_at_the_page_as_a_main_entry(
    maintained: SphinxTestApp,
) -> None:
    """Sphinx's search shows a page once per anchor: a term page's title, text and
    index matches must share one (none), and aliases must rank as main entries."""
    index = search_index(maintained)
    alpha = index["docnames"].index("glossary/alpha")
    for spelled in ("alpha role", "ar"):  # the name and an alias
        entries = index["indexentries"][spelled]
        assert entries == [[alpha, "", 1]], spelled
    # The general index keeps the anchor.
    genindex = soup(maintained, "genindex")
    hrefs = {a.get_text(): a["href"] for a in genindex.select("a")}
    assert hrefs["Alpha Role"] == "glossary/alpha.html#term-Alpha-Role"


def test_maintainer_pages_are_not_backlinks_and_the_search_ranks_them_last(
    maintained: SphinxTestApp,
) -> None:
    page = soup(maintained, "glossary/alpha")
    labels = [p.get_text() for p in page.select(".pmterm-backlink-kind")]
    assert labels == ["Terms that list it as related", "Terms that mention it"]
    assert "page.html" not in {a["href"].split("#")[0] for a in page.select(".pmterm-backlinks a")}
    search = soup(maintained, "search")
    data = next(
        s.string for s in search.select("script") if s.string and "pmtermSearch" in s.string
    )
    assert json.loads(data.partition("=")[2].strip().rstrip(";")) == {"demoted": ["page"]}
    # The scorer Sphinx embeds in the search's language data.
    assert "pmtermSearch" in (maintained.outdir / "_static" / "language_data.js").read_text()


# -- the real site: reader's navigation and maintainer pages ----------------------


@pytest.fixture(scope="module")
def site(real_site: SphinxTestApp) -> SphinxTestApp:
    assert real_site.warning.getvalue() == ""
    return real_site


def navigation(page: BeautifulSoup) -> list[tuple[str, str, list[str]]]:
    """The sidebar's groups: (caption, its aria-level, the link texts under it)."""
    groups = []
    for caption in page.select(".sidebar-tree p.caption"):
        assert caption["role"] == "heading"
        links = [a.get_text(strip=True) for a in caption.find_next_sibling("ul").select("a")]
        groups.append((caption.get_text(strip=True), str(caption.get("aria-level", "")), links))
    return groups


@pytest.mark.parametrize("docname", ["index", "glossary/head-of-product", "about/authoring"])
def test_navigation_shows_the_glossary_then_the_pages_about_the_site(
    site: SphinxTestApp, docname: str
) -> None:
    page = soup(site, docname)
    categories = [c["name"] for c in site.config.pmterm_categories]
    assert navigation(page) == [
        ("The glossary", "2", [*categories, "A to Z"]),
        (
            "About this site",
            "2",
            ["Authoring guide", "Warnings", "The glossary as data", "Performance"],
        ),
    ]
    home = page.select_one("a.sidebar-brand")["href"]
    assert home == "#" if docname == "index" else home.endswith("index.html")


def test_backlinks_list_only_reader_pages(site: SphinxTestApp) -> None:
    """The authoring guide cites Head of Product; readers are not sent there."""
    assert "Head of Product" in soup(site, "about/authoring").get_text()
    page = soup(site, "glossary/head-of-product")
    sources = {a["href"].split("#")[0] for a in page.select("section.pmterm-backlinks a")}
    assert sources and not [s for s in sources if "about/" in s]
