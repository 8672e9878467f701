"""Sphinx's own search, tuned so that a term comes first, once, with its summary.

Sphinx's search lists a page once per anchor: a term's page would come back as
``page.html`` (title and full-text matches) and again as ``page.html#term-…`` (its
index entries). A term page *is* the term, so on HTML builders the index entries of
a page's title term point at the page itself (:func:`merge_search_entries`, on the
resolved doctree the search indexer reads; the general index keeps its anchors).
Every spelling is a main entry, so a name or an alias outranks any page that only
mentions it (Sphinx ranks non-main index entries last).

The rest is Sphinx's documented scorer hook, ``html_search_scorer``, set to
``static/pmterm-scorer.js`` unless the project has its own:

* pages matching ``pmterm_maintainer_pages`` rank below every glossary page (the
  search page carries their names, :func:`add_search_data`);
* a term page's snippet is its summary (its ``<meta name="description">``), and
  code is left out of other snippets, so raw MyST never shows as a result.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from .domain import glossary
from .scriptdata import script_safe_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

SCORER = Path(__file__).parent / "static" / "pmterm-scorer.js"
#: Global the scorer reads on the search page.
DATA_NAME = "pmtermSearch"


def install_scorer(app: Sphinx, config: Config) -> None:
    """``config-inited``: use the glossary's scorer unless the project set one."""
    if not config.html_search_scorer:
        config.html_search_scorer = str(SCORER)


def merge_search_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a title term's index entries point at its page, as main
    entries, so the search shows the page once and ranks every spelling first."""
    if not getattr(app.builder, "search", False):
        return
    sections = list(doctree.findall(nodes.section))
    if not sections or "pmterm" not in sections[0]["classes"]:
        return
    own = {t.node_id for t in glossary(app.env).on_page(docname)}
    title_id = next((i for i in sections[0]["ids"] if i in own), None)
    for index in sections[0].findall(addnodes.index):
        index["entries"] = [
            (kind, value, "" if target == title_id else target, "main", key)
            for kind, value, target, _main, key in index["entries"]
        ]


def add_search_data(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: on the search page only, the pages the scorer ranks last."""
    if templatename != "search.html" or app.config.html_search_scorer != str(SCORER):
        return
    data = script_safe_json(
        {"demoted": sorted(glossary(app.env).maintainer_pages)}, ensure_ascii=True
    )
    app.add_js_file(None, body=f"window.{DATA_NAME} = {data};")
