"""Late rendering: what depends on other pages or on the output format.

* :class:`FaqDetailsTransform` turns each generic FAQ into ``<details>`` for HTML
  builders only; EPUB, LaTeX and text keep a plain question and answer.
* :func:`resolve_placeholders` fills term lists, the A to Z index and backlinks on
  ``doctree-resolved``. It reads only the page's :class:`~pmterm.model.PageView`,
  the same object the incremental digest hashes, so a page is rewritten whenever
  what it shows from other pages changes.

The page a placeholder belongs to is taken from the node, not from the event:
builders that join documents (LaTeX, single page HTML) resolve them all under
the root document's name. A link with no address in a builder becomes text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .domain import glossary
from .home import az_bar, category_cards
from .labels import N_, _, ngettext
from .model import Link
from .neighbourhood import render as draw_map
from .nodes import details, pmterm_backlinks, pmterm_index, pmterm_map, pmterm_pager, summary
from .previews import link_node
from .termnav import pager

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .model import AzGroup, Backlinks, CategoryCount, PageView

BACKLINK_GROUPS = (
    ("related", N_("Terms that list it as related")),
    ("terms", N_("Terms that mention it")),
    ("pages", N_("Other pages that mention it")),
)


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
    """``doctree-resolved``: replace list and backlink placeholders from the page views."""
    model = glossary(app.env)
    builder = app.builder
    views: dict[str, PageView] = {}

    def view_of(node: nodes.Element) -> PageView:
        page = node["docname"]
        if page not in views:
            views[page] = model.page_view(page)
        return views[page]

    # One walk over the page (it can be long) finds every kind of placeholder.
    for node in list(doctree.findall(_is_placeholder)):
        assert isinstance(node, nodes.Element)  # what _is_placeholder keeps
        view = view_of(node)
        if isinstance(node, pmterm_index):
            node.replace_self(
                index_content(builder, docname, node, dict(view.lists).get(node["kind"]))
            )
        elif isinstance(node, pmterm_backlinks):
            links = dict(view.backlinks).get(node["term_id"])
            node.replace_self(backlink_list(builder, docname, links))
        elif isinstance(node, pmterm_map):
            term_id = node["term_id"]
            node.replace_self(draw_map(builder, docname, term_id, dict(view.maps).get(term_id)))
        else:
            around = dict(view.neighbours).get(node["term_id"])
            node.replace_self(pager(builder, docname, around))


def _is_placeholder(node: nodes.Node) -> bool:
    # A drawn map is a pmterm_map too; only the placeholder lacks its diagram.
    if isinstance(node, pmterm_map):
        return "diagram" not in node
    return isinstance(node, (pmterm_index, pmterm_backlinks, pmterm_pager))


def index_content(
    builder: Builder, docname: str, node: pmterm_index, content: Any
) -> nodes.Node | list[nodes.Node]:
    """A generated list: a category's terms, the category cards or list, the A to Z."""
    kind = node["kind"]
    if kind.startswith("category:"):
        return term_list(builder, docname, content)
    if kind == "categories":
        cards = category_cards(builder, list(node.children), content)
        return cards or category_list(builder, docname, content)
    if kind == "az-bar":
        return az_bar(builder, docname, content)
    return az_index(builder, docname, content)


def term_list(builder: Builder, docname: str, links: tuple[Link, ...]) -> nodes.Element:
    if not links:
        return nodes.paragraph("", _("No terms in this category yet."), classes=["pmterm-empty"])
    items = nodes.bullet_list(classes=["pmterm-term-list"])
    for link in links:
        para = nodes.paragraph("", "", link_node(builder, docname, link))
        if link.preview is not None and link.preview.summary:
            para += nodes.Text(" — " + link.preview.summary)
        items += nodes.list_item("", para)
    return items


def category_list(
    builder: Builder, docname: str, counts: tuple[CategoryCount, ...]
) -> nodes.Element:
    items = nodes.bullet_list(classes=["pmterm-category-list"])
    for entry in counts:
        category = entry.category
        link = link_node(builder, docname, Link(entry.docname, "", category.name))
        count = entry.count
        terms = ngettext("{count} term", "{count} terms", count).format(count=count)
        para = nodes.paragraph("", "", link, nodes.Text(f" ({terms})"))
        if category.description:
            para += nodes.Text(" — " + category.description)
        items += nodes.list_item("", para)
    return items


def az_index(builder: Builder, docname: str, groups: tuple[AzGroup, ...]) -> nodes.Element:
    bar = nodes.bullet_list(classes=["pmterm-az-bar"])
    for group in groups:
        if group.entries:
            ref = nodes.reference("", group.key, internal=True, refid=group.anchor)
            bar += nodes.list_item("", nodes.paragraph("", "", ref))
        else:
            bar += nodes.list_item("", nodes.paragraph("", group.key), classes=["pmterm-az-empty"])
    container = nodes.container("", bar, classes=["pmterm-az"])
    for group in (g for g in groups if g.entries):
        section = nodes.section("", nodes.title(group.key, group.key), ids=[group.anchor])
        items = nodes.bullet_list(classes=["pmterm-az-list"])
        for entry in group.entries:
            para = nodes.paragraph("", "", link_node(builder, docname, entry.link))
            if entry.alias_of:
                para += nodes.Text(" (" + _("see {name}").format(name=entry.alias_of) + ")")
            items += nodes.list_item("", para)
        section += items
        container += section
    return container


def backlink_list(builder: Builder, docname: str, links: Backlinks | None) -> nodes.Element:
    if not links:
        return nodes.paragraph("", _("No other page links here yet."), classes=["pmterm-empty"])
    out = nodes.container(classes=["pmterm-backlink-groups"])
    for kind, label in BACKLINK_GROUPS:
        group: tuple[Link, ...] = getattr(links, kind)
        if not group:
            continue
        out += nodes.paragraph("", _(label), classes=["pmterm-backlink-kind"])
        items = nodes.bullet_list(classes=["pmterm-backlink-list"])
        for link in group:
            para = nodes.paragraph("", "", link_node(builder, docname, link))
            if link.note:
                para += nodes.Text(" — " + link.note)
            items += nodes.list_item("", para)
        out += items
    return out
