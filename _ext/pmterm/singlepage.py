"""Single page HTML (``singlehtml``, Read the Docs' HTML zip): links that stay on the page.

On one page every cross-page link is a same-page fragment, but Sphinx 9 writes a
link to an anchor on another page as ``#document-<page>#<anchor>``, which no
browser resolves. After every other late step (``doctree-resolved``, connected
last), such links are cut to ``#<anchor>``; the anchors themselves are unique
across pages (see the page-prefixed ids in :mod:`pmterm.directives`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def fix_single_page_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: ``#document-x#anchor`` becomes ``#anchor`` in singlehtml."""
    if app.builder.name != "singlehtml":
        return
    root = "#document-" + app.config.root_doc
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if uri.startswith("#document-") and uri.count("#") > 1:
            ref["refuri"] = "#" + uri.rpartition("#")[2]
        elif uri == root:  # the root document has no marker: it is the top of the page
            ref["refuri"] = "#"


_DOUBLE_FRAGMENT = re.compile(r'href="#document-[^"#]*#')


def fix_single_page_toc(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the same repair in the page's table of contents, which
    Sphinx renders from the environment rather than from the doctree."""
    if app.builder.name == "singlehtml" and isinstance(context.get("toc"), str):
        context["toc"] = _DOUBLE_FRAGMENT.sub('href="#', context["toc"])
