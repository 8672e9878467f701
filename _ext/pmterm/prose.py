"""Read-time pass recording a page's prose, for unlinked mentions.

Only what a reader sees as running text is kept: paragraphs, list items, table
cells, definition-list terms. Headings (section titles, FAQ questions, captions),
code and literal blocks, raw markup, links of every kind and the term's meta line
are left out; where an inline one was, a barrier stops a name from spanning it.
The text is grouped by the innermost section, or by FAQ, since a mention is
reported once per section. Matching against the glossary's names happens after
reading, in the model (:mod:`pmterm.mentions`), so a new term finds its mentions
on pages that are not read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .domain import pmterm_domain
from .mentions import BARRIER
from .names import clean
from .records import Passage

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Subtrees never searched: headings, code, markup, links and machinery.
SKIPPED = (
    nodes.title,
    nodes.subtitle,
    nodes.rubric,
    nodes.caption,
    nodes.label,
    nodes.literal,
    nodes.literal_block,
    nodes.doctest_block,
    nodes.math,
    nodes.math_block,
    nodes.raw,
    nodes.comment,
    nodes.reference,
    nodes.target,
    nodes.substitution_definition,
    nodes.system_message,
    nodes.problematic,
    nodes.image,
    nodes.field_name,
    nodes.option_string,
    addnodes.pending_xref,
    addnodes.toctree,
    addnodes.index,
    addnodes.desc_signature,
)
#: Classes of generated lines that are not prose: the meta line, the back link,
#: an FAQ's question (a heading in all but name).
SKIPPED_CLASSES = frozenset({"pmterm-meta", "pmterm-back", "pmterm-faq-question"})
FAQ_CLASS = "pmterm-faq"


def _is_skipped(node: nodes.Node) -> bool:
    if isinstance(node, SKIPPED):
        return True
    return isinstance(node, nodes.Element) and not SKIPPED_CLASSES.isdisjoint(node["classes"])


def _is_block(node: nodes.Node) -> bool:
    return isinstance(node, nodes.TextElement) and not isinstance(node, nodes.Inline)


def _line(node: nodes.Node) -> int:
    current: nodes.Node | None = node
    while current is not None:
        if current.line:
            return int(current.line)
        current = current.parent
    return 0


def _link_target(node: nodes.Node) -> str | None:
    """The name a ``{term}`` reference or a related entry links to, if *node* is one."""
    if isinstance(node, addnodes.pending_xref) and (
        (node.get("refdomain"), node.get("reftype")) in {("std", "term"), ("pmterm", "related")}
    ):
        return clean(node["reftarget"])
    return None


class _Unit:
    """A passage being collected."""

    def __init__(self, anchor: str, title: str) -> None:
        self.anchor, self.title = anchor, title
        self.blocks: list[tuple[int, str]] = []
        self.links: list[str] = []

    def passage(self) -> Passage:
        return Passage(self.anchor, self.title, tuple(self.blocks), tuple(self.links))


class _Collector:
    def __init__(self, page_title: str) -> None:
        self.units: list[_Unit] = []
        self.page_title = page_title

    def walk(self, node: nodes.Node, unit: _Unit) -> None:
        target = _link_target(node)
        if target is not None:
            unit.links.append(target)
        if _is_skipped(node):
            for xref in node.findall(addnodes.pending_xref):
                if (name := _link_target(xref)) is not None and xref is not node:
                    unit.links.append(name)
            return
        if isinstance(node, nodes.section) or (
            isinstance(node, nodes.container) and FAQ_CLASS in node["classes"]
        ):
            unit = self._unit(node, unit)
        if _is_block(node):
            parts: list[str] = []
            self._text(node, parts, unit)
            text = "".join(parts)
            if text.strip(BARRIER):
                unit.blocks.append((_line(node), text))
            return
        for child in node.children:
            self.walk(child, unit)

    def _unit(self, node: nodes.Element, parent: _Unit) -> _Unit:
        if isinstance(node, nodes.section):
            title = node[0].astext() if node.children and isinstance(node[0], nodes.title) else ""
            # A page's title section is the page itself: link to the page (a link to the
            # root document's title has no target in LaTeX, where it is the cover).
            top = isinstance(node.parent, nodes.document)
            unit = _Unit(node["ids"][0] if node["ids"] and not top else parent.anchor, title)
        else:  # an FAQ: its question is its heading
            question = next(
                (
                    c
                    for c in node.children
                    if isinstance(c, nodes.Element) and "pmterm-faq-question" in c["classes"]
                ),
                None,
            )
            unit = _Unit(parent.anchor, question.astext() if question is not None else "")
        self.units.append(unit)
        return unit

    def _text(self, node: nodes.Node, parts: list[str], unit: _Unit) -> None:
        if isinstance(node, nodes.Text):
            parts.append(str(node))
            return
        target = _link_target(node)
        if target is not None:
            unit.links.append(target)
        if _is_skipped(node):
            parts.append(BARRIER)
            return
        for child in node.children:
            self._text(child, parts, unit)


def collect_prose(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: record the page's prose, by section, in the domain."""
    docname = app.env.docname
    title = app.env.titles[docname].astext() if docname in app.env.titles else ""
    collector = _Collector(title)
    top = _Unit("", title)
    collector.units.append(top)
    collector.walk(doctree, top)
    passages = [u.passage() for u in collector.units if u.blocks]
    if passages:
        pmterm_domain(app.env).add_prose(docname, passages)
