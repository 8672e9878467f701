"""Docutils nodes of the extension.

The directive builds a term from standard docutils nodes (sections, paragraphs,
lists) so every builder can write it. Only these nodes are ours:

* :class:`pmterm_part` is a transient marker: a part directive returns it and the
  enclosing ``pmterm`` directive consumes it, so it never reaches a writer.
* :class:`pmterm_index` and :class:`pmterm_backlinks` are placeholders for what
  depends on other pages (a category's terms, the A to Z, a term's backlinks);
  they are filled on ``doctree-resolved``.
* :class:`pmterm_count` is a category card's count, filled with its list;
  :class:`pmterm_searchbox` is the home page's search form (see :mod:`pmterm.home`).
* :class:`pmterm_pager` is a term's previous and next, filled late;
  :class:`pmterm_nav` is a navigation landmark (see :mod:`pmterm.termnav`).
* :class:`pmterm_map` is a term's neighbourhood diagram, filled late.
* :class:`details` / :class:`summary` exist only in HTML builds, made from a
  generic FAQ by :mod:`pmterm.render`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class pmterm_part(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """A part of a term (``kind``, ``argument``) waiting for its ``pmterm`` directive."""


class pmterm_index(nodes.General, nodes.Element):  # noqa: N801
    """Where a generated list of terms goes (``category`` set, or all terms)."""


class pmterm_backlinks(nodes.General, nodes.Element):  # noqa: N801
    """Where a term's backlinks go (``term_id``); filled on ``doctree-resolved``."""


class pmterm_count(nodes.General, nodes.Element):  # noqa: N801
    """Where a category card's term count goes (``slug``); filled with its list."""


class pmterm_searchbox(nodes.General, nodes.Element):  # noqa: N801
    """A search form (:mod:`pmterm.home`); HTML builders with a search page only."""


class pmterm_pager(nodes.General, nodes.Element):  # noqa: N801
    """Where a term's previous and next in its category go (``term_id``); filled late."""


class pmterm_nav(nodes.General, nodes.Element):  # noqa: N801
    """A ``<nav>`` landmark (``label``) on web pages; other builders leave it out."""


class pmterm_map(nodes.General, nodes.Element):  # noqa: N801
    """A term's neighbourhood diagram: a placeholder (``term_id``, ``docname``) until
    filled late with its layout and one reference per box (:mod:`pmterm.neighbourhood`)."""


class details(nodes.General, nodes.Element):  # noqa: N801
    """An HTML ``<details>`` element: a collapsible FAQ that needs no JavaScript."""


class summary(nodes.General, nodes.TextElement):  # noqa: N801
    """The always-visible ``<summary>`` line of :class:`details`."""


def visit_details_html(self: HTML5Translator, node: details) -> None:
    self.body.append(self.starttag(node, "details"))


def depart_details_html(self: HTML5Translator, node: details) -> None:
    self.body.append("</details>\n")


def visit_summary_html(self: HTML5Translator, node: summary) -> None:
    self.body.append(self.starttag(node, "summary"))


def depart_summary_html(self: HTML5Translator, node: summary) -> None:
    self.body.append("</summary>\n")


def _unexpected(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Placeholders are replaced before writing; drop any that slipped through."""
    raise nodes.SkipNode


def _passthrough(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Non-HTML writers render the children of an HTML-only node as plain blocks."""


_NON_HTML = ("latex", "text", "man", "texinfo")


def register(app: Sphinx) -> None:
    """Register the nodes with a visitor for every common builder."""
    skip = {fmt: (_unexpected, None) for fmt in ("html", *_NON_HTML)}
    app.add_node(pmterm_part, **skip)  # type: ignore[arg-type]
    app.add_node(pmterm_index, **skip)  # type: ignore[arg-type]
    app.add_node(pmterm_backlinks, **skip)  # type: ignore[arg-type]
    app.add_node(pmterm_count, **skip)  # type: ignore[arg-type]
    app.add_node(pmterm_pager, **skip)  # type: ignore[arg-type]
    plain = {fmt: (_passthrough, _passthrough) for fmt in _NON_HTML}
    app.add_node(
        details,
        html=(visit_details_html, depart_details_html),
        **plain,  # type: ignore[arg-type]
    )
    app.add_node(
        summary,
        html=(visit_summary_html, depart_summary_html),
        **plain,  # type: ignore[arg-type]
    )
