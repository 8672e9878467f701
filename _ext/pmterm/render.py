"""Late rendering: what depends on other pages or on the output format.

* :class:`FaqDetailsTransform` turns each generic FAQ into ``<details>`` for HTML
  builders only; EPUB, LaTeX and text keep a plain question and answer.
* :func:`fill_indexes` replaces :class:`~pmterm.nodes.pmterm_index` placeholders on
  ``doctree-resolved`` from the domain's data, so lists are never stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from .directives import category_docname
from .domain import TermRecord, pmterm_domain
from .nodes import details, pmterm_index, summary

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class FaqDetailsTransform(SphinxPostTransform):
    """Make FAQs collapsible in HTML with ``<details>``: works without JavaScript."""

    default_priority = 200
    builders = ("html", "dirhtml", "singlehtml")

    def run(self, **kwargs: Any) -> None:
        for faq in list(self.document.findall(nodes.container)):
            if "pmterm-faq" not in faq["classes"]:
                continue
            question, *answer = faq.children
            box = details("", classes=["pmterm-faq"], ids=faq["ids"])
            box += summary("", "", *question.children[0].children, classes=["pmterm-faq-question"])
            box.extend(answer)
            faq.replace_self(box)


def fill_indexes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace term-list placeholders with lists built from every page's terms."""
    placeholders = list(doctree.findall(pmterm_index))
    if not placeholders:
        return
    terms = sorted(
        pmterm_domain(app.env).all_terms(), key=lambda r: (r["name"].lower(), r["docname"])
    )
    owners = pmterm_domain(app.env).registry.owners
    terms = [t for t in terms if owners.get(t["name"].lower()) is t]
    for node in placeholders:
        if node["category"] is None:
            node.replace_self(_category_list(app, docname, terms))
        else:
            node.replace_self(
                _term_list(app, docname, [t for t in terms if t["category"] == node["category"]])
            )


def _term_list(app: Sphinx, docname: str, terms: list[TermRecord]) -> nodes.Element:
    if not terms:
        return nodes.paragraph("", "No terms in this category yet.", classes=["pmterm-empty"])
    items = nodes.bullet_list(classes=["pmterm-term-list"])
    for term in terms:
        link = make_refnode(
            app.builder,
            docname,
            term["docname"],
            term["node_id"],
            nodes.inline(term["name"], term["name"]),
        )
        para = nodes.paragraph("", "", link)
        if term["summary"]:
            para += nodes.Text(" — " + term["summary"])
        items += nodes.list_item("", para)
    return items


def _category_list(app: Sphinx, docname: str, terms: list[TermRecord]) -> nodes.Element:
    items = nodes.bullet_list(classes=["pmterm-category-list"])
    for category in app.config.pmterm_categories:
        count = sum(1 for t in terms if t["category"] == category["slug"])
        target = category_docname(app.config, category["slug"])
        ref = make_refnode(
            app.builder, docname, target, "", nodes.inline(category["name"], category["name"])
        )
        para = nodes.paragraph(
            "", "", ref, nodes.Text(f" ({count} {'term' if count == 1 else 'terms'})")
        )
        if category.get("description"):
            para += nodes.Text(" — " + category["description"])
        items += nodes.list_item("", para)
    return items
