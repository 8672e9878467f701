"""Late rendering: what depends on other pages or on the output format.

* :class:`FaqDetailsTransform` turns each generic FAQ into ``<details>`` for HTML
  builders only; EPUB, LaTeX and text keep a plain question and answer.
* :func:`resolve_placeholders` fills term lists, the A to Z index and backlinks on
  ``doctree-resolved`` from the domain's data, so they are never stale.
"""

from __future__ import annotations

import string
import unicodedata
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from .directives import category_docname
from .domain import PmTermDomain, TermRecord, pmterm_domain
from .nodes import details, pmterm_backlinks, pmterm_index, summary
from .previews import mark
from .sorting import reading_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .backlinks import Backlink

DIGITS = "0–9"


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


def resolve_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace list and backlink placeholders with content built from every page."""
    domain = pmterm_domain(app.env)
    builder = app.builder
    for node in list(doctree.findall(pmterm_index)):
        kind = node["kind"]
        if kind == "category":
            terms = [t for t in domain.owned_terms() if t["category"] == node["category"]]
            node.replace_self(term_list(builder, docname, terms))
        elif kind == "categories":
            node.replace_self(category_list(app, docname, domain))
        else:
            node.replace_self(az_index(builder, docname, domain))
    for placeholder in list(doctree.findall(pmterm_backlinks)):
        record = domain.term_of(docname, placeholder["term_id"])
        placeholder.replace_self(backlink_list(builder, docname, domain, record))


def _link(
    builder: Builder,
    fromdoc: str,
    todoc: str,
    anchor: str,
    text: str,
    preview: TermRecord | None = None,
) -> nodes.Element:
    link = make_refnode(builder, fromdoc, todoc, anchor, nodes.inline(text, text))
    if preview is not None:
        mark(link, builder.config, preview)
    return link


def term_list(builder: Builder, docname: str, terms: list[TermRecord]) -> nodes.Element:
    if not terms:
        return nodes.paragraph("", "No terms in this category yet.", classes=["pmterm-empty"])
    items = nodes.bullet_list(classes=["pmterm-term-list"])
    for term in terms:
        para = nodes.paragraph(
            "", "", _link(builder, docname, term["docname"], term["node_id"], term["name"], term)
        )
        if term["summary"]:
            para += nodes.Text(" — " + term["summary"])
        items += nodes.list_item("", para)
    return items


def category_list(app: Sphinx, docname: str, domain: PmTermDomain) -> nodes.Element:
    counts: dict[str | None, int] = {}
    for term in domain.owned_terms():
        counts[term["category"]] = counts.get(term["category"], 0) + 1
    items = nodes.bullet_list(classes=["pmterm-category-list"])
    for category in app.config.pmterm_categories:
        count = counts.get(category["slug"], 0)
        target = category_docname(app.config, category["slug"])
        para = nodes.paragraph(
            "",
            "",
            _link(app.builder, docname, target, "", category["name"]),
            nodes.Text(f" ({count} {'term' if count == 1 else 'terms'})"),
        )
        if category["description"]:
            para += nodes.Text(" — " + category["description"])
        items += nodes.list_item("", para)
    return items


def initial(name: str) -> str:
    """The A to Z group of a name: its first letter without accents, ``0–9`` for a
    digit, or the letter itself for other scripts."""
    first = next((ch for ch in name if ch.isalnum()), "")
    if not first:
        return "#"
    base = unicodedata.normalize("NFKD", first)[0].upper()
    if base.isdigit():
        return DIGITS
    return base if base in string.ascii_uppercase else first.upper()


def _group_order(key: str) -> tuple[int, str]:
    if key in (DIGITS, "#"):
        return (0, key)
    return (1 if key in string.ascii_uppercase else 2, key)


def _group_id(key: str) -> str:
    if key in string.ascii_uppercase:
        return f"az-{key.lower()}"
    return "az-digits" if key == DIGITS else f"az-u{ord(key[0]):04x}"


def az_entries(domain: PmTermDomain) -> list[tuple[str, TermRecord, bool]]:
    """Every owned name and alias as (shown text, term, is alias), in reading order."""
    entries = [
        (spelled, record, spelled != record["name"])
        for record in domain.owned_terms()
        for spelled in (record["name"], *record["aliases"])
        if domain.registry.owners.get(spelled.lower()) is record
    ]
    return sorted(entries, key=lambda e: reading_order(e[0]))


def az_index(builder: Builder, docname: str, domain: PmTermDomain) -> nodes.Element:
    groups: dict[str, list[tuple[str, TermRecord, bool]]] = {}
    for entry in az_entries(domain):
        groups.setdefault(initial(entry[0]), []).append(entry)
    keys = sorted({*groups, *string.ascii_uppercase}, key=_group_order)
    bar = nodes.bullet_list(classes=["pmterm-az-bar"])
    for key in keys:
        if key in groups:
            ref = nodes.reference("", key, internal=True, refid=_group_id(key))
            bar += nodes.list_item("", nodes.paragraph("", "", ref))
        else:
            bar += nodes.list_item("", nodes.paragraph("", key), classes=["pmterm-az-empty"])
    container = nodes.container("", bar, classes=["pmterm-az"])
    for key in (k for k in keys if k in groups):
        section = nodes.section("", nodes.title(key, key), ids=[_group_id(key)])
        items = nodes.bullet_list(classes=["pmterm-az-list"])
        for shown, record, is_alias in groups[key]:
            para = nodes.paragraph(
                "",
                "",
                _link(builder, docname, record["docname"], record["node_id"], shown, record),
            )
            if is_alias:
                para += nodes.Text(f" (see {record['name']})")
            items += nodes.list_item("", para)
        section += items
        container += section
    return container


def backlink_list(
    builder: Builder, docname: str, domain: PmTermDomain, record: TermRecord | None
) -> nodes.Element:
    links = domain.backlinks(record) if record is not None else None
    if not links:
        return nodes.paragraph("", "No other page links here yet.", classes=["pmterm-empty"])
    out = nodes.container(classes=["pmterm-backlink-groups"])
    groups: list[tuple[str, list[Backlink]]] = [
        ("Terms that list it as related", links.related),
        ("Terms that mention it", links.terms),
        ("Other pages that mention it", links.pages),
    ]
    for label, group in groups:
        if not group:
            continue
        out += nodes.paragraph("", label, classes=["pmterm-backlink-kind"])
        items = nodes.bullet_list(classes=["pmterm-backlink-list"])
        for link in group:
            source = domain.term_of(link.docname, link.term_id) if link.term_id else None
            para = nodes.paragraph(
                "", "", _link(builder, docname, link.docname, link.anchor, link.label, source)
            )
            if link.note:
                para += nodes.Text(" — " + link.note)
            items += nodes.list_item("", para)
        out += items
    return out


def mark_term_references(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: add previews to the page's resolved ``{term}`` links."""
    domain = pmterm_domain(app.env)
    targets = {r["anchor"]: r["target"] for r in domain.references.get(docname, [])}
    if not targets:
        return
    for anchor in doctree.findall(nodes.inline):
        ids = anchor["ids"]
        if not ids or ids[0] not in targets:
            continue
        record = domain.registry.lookup(targets[ids[0]])
        following = anchor.parent[anchor.parent.index(anchor) + 1]
        if record is not None and isinstance(following, nodes.reference):
            mark(following, app.config, record)
