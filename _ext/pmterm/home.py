"""The glossary home page: category cards, a compact A to Z bar and a search box.

* **Cards.** When sphinx-design is loaded, ``pmterm-categories`` also prepares its
  categories as a sphinx-design grid of cards, made by sphinx-design's own
  ``grid`` and ``grid-item-card`` directives (parsed at read time in the page's
  own markup language, so their output is whatever the installed sphinx-design
  makes). The grid waits inside the list placeholder; each card's term count is a
  placeholder of its own, filled late from the page view like the list. HTML
  builders show the cards; PDF, EPUB, text and projects without sphinx-design get
  the plain list of :func:`pmterm.render.category_list`.
* **A to Z bar** (``pmterm-az-bar``): the A to Z page's letters, linking to it, the
  letters without terms dimmed; HTML builders only (on paper it would be noise).
* **Search box** (``pmterm-search``): a form to the site's search page, written only
  by HTML builders that make one (not single page HTML, not EPUB).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective, is_directive_registered
from sphinx.util.nodes import make_id, make_refnode

from .labels import N_, _, ngettext
from .nodes import pmterm_count, pmterm_searchbox

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from .model import CategoryCount, Letter

HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
CARD_CLASS = "pmterm-category-card"
SEARCH_LABEL = N_("Search the glossary")
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _escaped(text: str) -> str:
    """*text* as literal inline markup: every ASCII punctuation mark escaped, which
    both MyST (CommonMark) and reStructuredText read as the character itself."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def _is_markdown(directive: SphinxDirective) -> bool:
    path = directive.env.doc2path(directive.env.docname)
    return bool(directive.config.source_suffix.get(path.suffix) == "markdown")


def card_grid(directive: SphinxDirective, cards: list[tuple[str, str, str, str]]) -> list[Any]:
    """A sphinx-design grid of linked cards, one per (slug, name, description, docname),
    each with a count placeholder after its title; [] without sphinx-design."""
    if not cards or not all(is_directive_registered(d) for d in ("grid", "grid-item-card")):
        return []
    options = [":gutter: 3", ":class-container: pmterm-category-grid"]
    items = []
    for _slug, name, description, docname in cards:
        card = [
            f":link: /{docname}",
            ":link-type: doc",
            f":class-card: {CARD_CLASS}",
            ":shadow: none",
            "",
            _escaped(description) if description else "",
        ]
        items.append((_escaped(name), card))
    if _is_markdown(directive):  # tilde fences: a title may hold backticks
        lines = ["~~~~~{grid} 1 1 2 2", *options, ""]
        for title, card in items:
            lines += [f"~~~~{{grid-item-card}} {title}", *card, "~~~~", ""]
        lines.append("~~~~~")
    else:
        lines = [".. grid:: 1 1 2 2", *(f"   {o}" for o in options), ""]
        for title, card in items:
            lines += [f"   .. grid-item-card:: {title}", *(f"      {c}" for c in card), ""]
    grid = directive.parse_text_to_nodes("\n".join(lines))
    bodies = [
        n
        for g in grid
        for n in g.findall(nodes.container)
        if n.get("design_component") == "card-body"
    ]
    if len(bodies) != len(cards):  # not the structure this module knows: use the list
        return []
    for body, (slug, *_rest) in zip(bodies, cards, strict=True):
        first = body.children[0] if body.children else None
        titled = isinstance(first, nodes.Element) and first.get("design_component") == "card-title"
        at = 1 if titled else 0
        body.insert(at, pmterm_count(slug=slug))
    return grid


def category_cards(
    builder: Builder, grid: list[nodes.Node], counts: tuple[CategoryCount, ...]
) -> list[nodes.Node] | None:
    """The prepared grid with its counts filled in, or None where the list is better."""
    if builder.name not in HTML_BUILDERS or not grid:
        return None
    by_slug = {c.category.slug: c.count for c in counts}
    for placeholder in [p for g in grid for p in g.findall(pmterm_count)]:
        count = by_slug.get(placeholder["slug"], 0)
        text = ngettext("{count} term", "{count} terms", count).format(count=count)
        placeholder.replace_self(nodes.paragraph(text, text, classes=["pmterm-category-count"]))
    return grid


def az_bar(builder: Builder, fromdoc: str, letters: tuple[Letter, ...]) -> list[nodes.Node]:
    """The compact letter bar, each letter with terms linking into the A to Z page."""
    if builder.name not in HTML_BUILDERS or not letters:
        return []
    bar = nodes.bullet_list(classes=["pmterm-az-bar", "pmterm-az-compact"])
    for letter in letters:
        if letter.link is not None:
            text = nodes.inline(letter.key, letter.key)
            ref = make_refnode(builder, fromdoc, letter.link.docname, letter.link.anchor, text)
            item = nodes.list_item("", nodes.paragraph("", "", ref))
        else:
            item = nodes.list_item("", nodes.paragraph("", letter.key), classes=["pmterm-az-empty"])
        bar += item
    return [bar]


class SearchDirective(SphinxDirective):
    """``pmterm-search``: a search box on the page, sent to the site's search."""

    def run(self) -> list[nodes.Node]:
        box_id = make_id(self.env, self.state.document, "", "pmterm-search")
        return [pmterm_searchbox(ids=[box_id], classes=["pmterm-search"])]


def visit_searchbox_html(self: HTML5Translator, node: pmterm_searchbox) -> None:
    builder = self.builder
    if not getattr(builder, "search", False) or builder.name not in ("html", "dirhtml"):
        raise nodes.SkipNode
    action = builder.get_relative_uri(builder.current_docname, "search")
    field = f"{node['ids'][0]}-q"
    label = html.escape(_(SEARCH_LABEL))
    hint = html.escape(_("A term or an abbreviation"))
    button = html.escape(_("Search"))  # outside the f-string, where pybabel finds it
    self.body.append(
        f'<form class="pmterm-search" action="{html.escape(action)}" method="get" '
        f'role="search" aria-label="{label}">'
        f'<label for="{field}">{label}</label>'
        f'<span class="pmterm-search-row">'
        f'<input id="{field}" type="search" name="q" autocomplete="off" '
        f'placeholder="{hint}">'
        f'<button type="submit">{button}</button></span></form>\n'
    )
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """The search box: its node (written by HTML builders only) and directive."""
    skip = {fmt: (_skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(
        pmterm_searchbox,
        html=(visit_searchbox_html, None),
        **skip,  # type: ignore[arg-type]
    )
    app.add_directive("pmterm-search", SearchDirective)


def _skip(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode
