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
