"""Where a term sits: a breadcrumb above it and its neighbours in its category below.

* The **breadcrumb** (glossary home › the term's category) depends only on the
  term's own category, so the directive makes it at read time.
* **Previous and next** within the category depend on the other terms, so they are
  computed once in the model (:attr:`pmterm.model.Glossary.neighbours`), shown in
  the page view (so the incremental digest rewrites a page when a neighbour comes,
  goes or is renamed) and rendered late from a :class:`~pmterm.nodes.pmterm_pager`
  placeholder. Each page costs a dictionary lookup, whatever the glossary's size.

Both are navigation on a web page: the HTML and dirhtml builders write them as
``<nav>`` landmarks; single page HTML, EPUB, PDF and text leave them out (a book
has its own order, and on paper a link to the next page is noise).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .labels import N_, _
from .nodes import pmterm_nav
from .previews import link_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.util.docutils import SphinxDirective
    from sphinx.writers.html5 import HTML5Translator

    from .config import Category
    from .model import Neighbours

#: Builders that write the navigation; the others leave it out.
WEB_BUILDERS = ("html", "dirhtml")
HOME_LABEL = N_("Glossary")
BREADCRUMB_LABEL = N_("Breadcrumb")


def _doc_link(directive: SphinxDirective, docname: str, text: str) -> addnodes.pending_xref:
    return addnodes.pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="std",
        reftype="doc",
        reftarget="/" + docname,
        refdoc=directive.env.docname,
        refexplicit=True,
    )


def breadcrumb(directive: SphinxDirective, category: Category, docname: str) -> pmterm_nav:
    """Glossary › Category, as an ordered list in a ``nav`` landmark."""
    trail = nodes.enumerated_list(classes=["pmterm-breadcrumb-list"])
    for target, text in ((directive.config.root_doc, _(HOME_LABEL)), (docname, category.name)):
        trail += nodes.list_item("", nodes.paragraph("", "", _doc_link(directive, target, text)))
    # Kept out of the search index: every term page would match its category's name.
    nav = pmterm_nav(
        "", trail, label=_(BREADCRUMB_LABEL), classes=["pmterm-breadcrumb", "no-search"]
    )
    directive.set_source_info(nav)
    return nav


def pager(builder: Builder, fromdoc: str, around: Neighbours | None) -> list[nodes.Node]:
    """Previous and next term of the category, or nothing outside web pages."""
    if builder.name not in WEB_BUILDERS or around is None or not (around.previous or around.next):
        return []
    category = around.category
    nav = pmterm_nav(
        "",
        label=_("Terms in {category}").format(category=category),
        classes=["pmterm-pager", "no-search"],
    )
    for link, cls, label in (
        (around.previous, "pmterm-pager-previous", _("Previous in {category}")),
        (around.next, "pmterm-pager-next", _("Next in {category}")),
    ):
        label = label.format(category=category)
        if link is None:
            continue
        ref = link_node(builder, fromdoc, link)
        nav += nodes.paragraph(
            "",
            "",
            nodes.inline(label, label, classes=["pmterm-pager-label"]),
            ref,
            classes=[cls],
        )
    return [nav]


def visit_nav_html(self: HTML5Translator, node: pmterm_nav) -> None:
    if self.builder.name not in WEB_BUILDERS:
        raise nodes.SkipNode
    label = html.escape(node["label"], quote=True)
    classes = " ".join(node["classes"])
    self.body.append(f'<nav class="{classes}" aria-label="{label}">')


def depart_nav_html(self: HTML5Translator, node: pmterm_nav) -> None:
    self.body.append("</nav>\n")


def _skip(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """The ``nav`` node: written by the web builders, left out by every other."""
    skip = {fmt: (_skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(
        pmterm_nav,
        html=(visit_nav_html, depart_nav_html),
        **skip,  # type: ignore[arg-type]
    )
