"""Read-time pass over a page's ``{term}`` references, for backlinks and previews.

Each reference gets an empty anchor just before it, so a backlink lands on the
sentence that mentions the term, not on the top of the page. The anchor's id
includes the page, so anchors stay unique when a builder joins every page into
one document (single page HTML, LaTeX, EPUB). What is recorded is only what the
page itself says (target name, anchor, enclosing term); which term a name points
to is decided later, from the whole glossary.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .domain import pmterm_domain
from .names import clean
from .placement import is_term_section
from .records import Reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Attribute of a reference's anchor: the name the reference was written for.
ANCHOR_ATTRIBUTE = "pmterm_ref_target"


def collect_references(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: record the page's term references in the domain."""
    docname = app.env.docname
    records: list[Reference] = []
    xrefs = [n for n in doctree.findall(addnodes.pending_xref) if _is_term_xref(n)]
    page = nodes.make_id(docname) or hashlib.sha1(docname.encode()).hexdigest()[:8]
    for number, xref in enumerate(xrefs, 1):
        anchor = f"pmterm-ref-{page}-{number}"
        target = clean(xref["reftarget"])
        parent = xref.parent
        mark = nodes.inline("", "", ids=[anchor])
        mark[ANCHOR_ATTRIBUTE] = target
        parent.insert(parent.index(xref), mark)
        records.append(Reference(target, anchor, xref.line or 0, _enclosing_term(xref)))
    if records:
        pmterm_domain(app.env).add_references(docname, records)


def _is_term_xref(node: addnodes.pending_xref) -> bool:
    return bool(node.get("refdomain") == "std" and node.get("reftype") == "term")


def _enclosing_term(node: nodes.Node) -> str | None:
    parent = node.parent
    while parent is not None:
        if is_term_section(parent):
            return str(parent["ids"][0])
        parent = parent.parent
    return None
