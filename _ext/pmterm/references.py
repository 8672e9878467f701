"""Read-time passes over a whole page: term references (for backlinks) and where
terms were placed.

Each reference gets an empty anchor just before it, so a backlink lands on the
sentence that mentions the term, not on the top of the page. What is recorded is
only what the page itself says (target name, anchor, enclosing term); which term
a name points to is decided later, from the whole glossary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .domain import ReferenceRecord, pmterm_domain
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def collect_references(app: Sphinx, doctree: nodes.document) -> None:
    """Record the page's term references in the domain (``doctree-read``)."""
    docname = app.env.docname
    records: list[ReferenceRecord] = []
    xrefs = [n for n in doctree.findall(addnodes.pending_xref) if _is_term_xref(n)]
    for number, xref in enumerate(xrefs, 1):
        anchor = f"pmterm-ref-{number}"
        parent = xref.parent
        parent.insert(parent.index(xref), nodes.inline("", "", ids=[anchor]))
        records.append(
            ReferenceRecord(
                target=" ".join(xref["reftarget"].split()),
                anchor=anchor,
                lineno=xref.line or 0,
                from_term=_enclosing_term(xref),
            )
        )
    if records:
        pmterm_domain(app.env).add_references(docname, records)


def _is_term_xref(node: addnodes.pending_xref) -> bool:
    return bool(node.get("refdomain") == "std" and node.get("reftype") == "term")


def _enclosing_term(node: nodes.Node) -> str | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and "pmterm" in parent["classes"]:
            return str(parent["ids"][0])
        parent = parent.parent
    return None


def check_term_placement(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about a term nested in another directive: its page then has no title."""
    domain = pmterm_domain(app.env)
    for section in doctree.findall(nodes.section):
        if "pmterm" not in section["classes"] or isinstance(
            section.parent, (nodes.document, nodes.section)
        ):
            continue
        record = domain.term_of(app.env.docname, section["ids"][0])
        warn(
            Subtype.MISPLACED,
            f'term "{section[0].astext()}" is nested in another directive; '
            "put it at the top level of its page",
            (app.env.docname, record["lineno"]) if record else section,
        )
