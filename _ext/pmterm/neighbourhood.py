"""A picture of each term's neighbourhood: an SVG diagram drawn at build time.

The term is in the middle; the terms that link to it are above it, its related
terms below it, each a link to that term with its preview (the page's JSON map
covers them like any other link). Lines join every term to a trunk through the
middle, arrows pointing the way the link goes; a related term that links back
has arrows both ways.

**Why a layout of our own.** The picture is a star (one term, at most
:data:`~pmterm.model.MAP_LIMIT` neighbours above and below), which a two-column
grid around a central trunk lays out exactly: boxes in separate rows and columns
cannot overlap, and lines run only in the gutters. A general graph layout would
not do better here and costs more: Graphviz is a program run per page (seconds
per hundred pages, an installed binary on every machine), and force-directed
layouts (networkx and the like) place points, not labelled boxes, so their labels
overlap and need a second pass anyway. This module is about a hundred lines of
arithmetic with no dependency.

The layout is fixed at build time in a narrow box (:data:`WIDTH` units) that
scales with the column, so it reads on a phone; colours come from furo's CSS
variables in ``pmterm.css``, so it follows light and dark mode. Screen readers
get the diagram's ``<title>`` and a ``<desc>`` that says the same in words, and
each box is a link named after its term. Labels wrap on estimated glyph widths
(generous, DejaVu Sans-like) and longer names are cut with an ellipsis; the
browser tests check the rendered boxes.

HTML builders draw it; EPUB, PDF and text get the text alternative instead (an
EPUB with inline SVG needs manifest properties Sphinx does not write, and LaTeX
cannot take inline SVG).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .labels import N_, _, ngettext
from .nodes import pmterm_map
from .previews import href, link_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from .model import Neighbourhood

SVG_BUILDERS = ("html", "dirhtml", "singlehtml")

WIDTH = 360  #: user units; the SVG scales to the column
BOX = 154  #: width of a neighbour's box: two columns and a 52-unit gutter
TRUNK = WIDTH / 2
CENTRE = 240  #: width of the term's own box
PAD = 7
FONT = 13
LINE = 16
CENTRE_FONT = 14
CENTRE_LINE = 18
ROW_GAP = 10
BANK_GAP = 26  #: between a bank of boxes and the term's box
LABEL = 18  #: height of a bank's caption
MAX_LINES = 3

INCOMING_CAPTION = N_("Terms that link to it")
RELATED_CAPTION = N_("Related terms")


# -- text measure ------------------------------------------------------------------

_NARROW = set("il.,:;'|!()[]/-ftrIj ")
_WIDE = set("MWmw@%")


def text_width(text: str, size: float) -> float:
    """A generous estimate of *text*'s width at *size* (sans-serif glyphs)."""
    total = 0.0
    for ch in text:
        if ch in _NARROW:
            total += 0.36
        elif ch in _WIDE:
            total += 0.98
        elif ch.isupper() or ch.isdigit():
            total += 0.74
        else:
            total += 0.63
    return total * size


def wrap(text: str, width: float, size: float, max_lines: int = MAX_LINES) -> list[str]:
    """*text* in lines that fit *width*, at most *max_lines* (the last cut with …)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
            continue
        while text_width(word, size) > width:  # a word longer than a line: split it
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "-", size) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        lines.append(word)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1].rstrip()
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines or [""]


# -- layout --------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]
    kind: str  #: "centre", "incoming" or "related"
    index: int = -1  #: the box's link among the node's references (-1: none)
    mutual: bool = False


@dataclass(frozen=True)
class Diagram:
    height: float
    boxes: tuple[Box, ...]
    lines: tuple[tuple[float, float, float, float, str], ...]  #: x1 y1 x2 y2 markers
    captions: tuple[tuple[float, str], ...]  #: (baseline y, text)
    more: tuple[float, str] | None = None


def _bank(
    names: list[tuple[str, bool]], y: float, kind: str, first_index: int
) -> tuple[list[Box], float]:
    """Boxes two to a row from *y*; returns them and the y below the last row."""
    boxes: list[Box] = []
    for row in range(0, len(names), 2):
        pair = names[row : row + 2]
        wrapped = [wrap(name, BOX - 2 * PAD, FONT) for name, _ in pair]
        height = max(len(w) for w in wrapped) * LINE + 2 * PAD
        for col, ((_name, mutual), lines) in enumerate(zip(pair, wrapped, strict=True)):
            x = 0 if col == 0 else WIDTH - BOX
            i = first_index + row + col
            boxes.append(Box(x, y, BOX, height, tuple(lines), kind, i, mutual))
        y += height + ROW_GAP
    return boxes, y - ROW_GAP


def layout(view: Neighbourhood) -> Diagram:
    """Where every box, line and caption of *view*'s diagram goes."""
    boxes: list[Box] = []
    lines: list[tuple[float, float, float, float, str]] = []
    captions: list[tuple[float, str]] = []
    more = None
    y = 0.0
    incoming = [(link.label, False) for link in view.incoming]
    related = [(link.label, mutual) for link, mutual in view.related]
    if incoming:
        captions.append((y + 12, _(INCOMING_CAPTION)))
        top, y = _bank(incoming, y + LABEL, "incoming", 0)
        boxes += top
        if view.more:
            more = (y + 16, _more(view.more))
            y += 22
        y += BANK_GAP
    name_lines = wrap(view.name, CENTRE - 2 * PAD, CENTRE_FONT)
    centre = Box(
        (WIDTH - CENTRE) / 2,
        y,
        CENTRE,
        len(name_lines) * CENTRE_LINE + 2 * PAD,
        tuple(name_lines),
        "centre",
    )
    boxes.append(centre)
    if incoming:
        top_boxes = [b for b in boxes if b.kind == "incoming"]
        first = top_boxes[0].y + top_boxes[0].h / 2
        lines.append((TRUNK, first, TRUNK, centre.y, "end"))
        for b in top_boxes:
            mid = b.y + b.h / 2
            edge = b.x + b.w if b.x == 0 else b.x
            lines.append((edge, mid, TRUNK, mid, ""))
    y = centre.y + centre.h
    if related:
        y += BANK_GAP
        captions.append((y + 12, _(RELATED_CAPTION)))
        bottom, y = _bank(related, y + LABEL, "related", len(incoming))
        boxes += bottom
        last = bottom[-1].y + bottom[-1].h / 2
        lines.append((TRUNK, centre.y + centre.h, TRUNK, last, ""))
        for b in bottom:
            mid = b.y + b.h / 2
            edge = b.x + b.w if b.x == 0 else b.x
            lines.append((TRUNK, mid, edge, mid, "both" if b.mutual else "end"))
    return Diagram(y + 2, tuple(boxes), tuple(lines), tuple(captions), more)


# -- the text alternative ------------------------------------------------------------


def _more(count: int) -> str:
    return ngettext(
        "and {count} more, listed under “Linked from”",
        "and {count} more, listed under “Linked from”",
        count,
    ).format(count=count)


def _names(labels: list[str]) -> str:
    """The list "A, B and C" in the project's language."""
    if len(labels) == 1:
        return labels[0]
    return _("{items} and {last}").format(items=_(", ").join(labels[:-1]), last=labels[-1])


def description(view: Neighbourhood) -> str:
    """The diagram in words, for screen readers and for books."""
    parts = []
    if view.related:
        names = [
            _("{name} (which links back)").format(name=link.label) if mutual else link.label
            for link, mutual in view.related
        ]
        parts.append(
            _("{name} lists as related {names}.").format(name=view.name, names=_names(names))
        )
    if view.incoming:
        names = [link.label for link in view.incoming]
        if view.more:
            names.append(
                ngettext("{count} more term", "{count} more terms", view.more).format(
                    count=view.more
                )
            )
        parts.append(
            ngettext("{names} links to {name}.", "{names} link to {name}.", len(names)).format(
                names=_names(names), name=view.name
            )
        )
    if not parts:
        parts.append(_("No other term links to or from {name} yet.").format(name=view.name))
    return " ".join(parts)


# -- late rendering ----------------------------------------------------------------


def render(
    builder: Builder, fromdoc: str, term_id: str, view: Neighbourhood | None
) -> list[nodes.Node]:
    """The diagram for HTML builders; its text alternative for every other."""
    if view is None:
        return []
    text = description(view)
    if builder.name not in SVG_BUILDERS:
        return [nodes.paragraph(text, text, classes=["pmterm-map-text"])]
    node = pmterm_map(term_id=term_id, diagram=layout(view), description=text, name=view.name)
    for link in [*view.incoming, *(link for link, _mutual in view.related)]:
        node += link_node(builder, fromdoc, link)
    return [node]


# -- SVG -------------------------------------------------------------------------------


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _title(name: str) -> str:
    return _("How {name} connects to other terms").format(name=name)


def svg(node: pmterm_map) -> str:
    """The diagram as inline SVG; ids are prefixed with the term's, so several
    diagrams can share a page (single page HTML)."""
    diagram: Diagram = node["diagram"]
    prefix = f"pmterm-map-{node['term_id']}"
    height = _num(diagram.height)
    out = [
        f'<figure class="pmterm-map">'
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pmterm-map-svg" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="group" '
        f'aria-labelledby="{prefix}-title" aria-describedby="{prefix}-desc">',
        f'<title id="{prefix}-title">{_attr(_title(node["name"]))}</title>',
        f'<desc id="{prefix}-desc">{_attr(node["description"])}</desc>',
        "<defs>",
        f'<marker id="{prefix}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" '
        f'markerHeight="6" orient="auto-start-reverse">'
        f'<path class="pmterm-map-arrow" d="M0,0 L8,4 L0,8 z"/></marker>',
        "</defs>",
    ]
    for x1, y1, x2, y2, markers in diagram.lines:
        ends = ""
        if markers in ("end", "both"):
            ends += f' marker-end="url(#{prefix}-arrow)"'
        if markers == "both":
            ends += f' marker-start="url(#{prefix}-arrow)"'
        out.append(
            f'<line class="pmterm-map-line" x1="{_num(x1)}" y1="{_num(y1)}" '
            f'x2="{_num(x2)}" y2="{_num(y2)}"{ends}/>'
        )
    for y, text in diagram.captions:
        out.append(f'<text class="pmterm-map-caption" x="0" y="{_num(y)}">{_attr(text)}</text>')
    if diagram.more is not None:
        y, text = diagram.more
        out.append(f'<text class="pmterm-map-more" x="0" y="{_num(y)}">{_attr(text)}</text>')
    references = list(node.children)
    for box in diagram.boxes:
        out.append(_box(box, references[box.index] if box.index >= 0 else None))
    out.append("</svg></figure>\n")
    return "".join(out)


def _box(box: Box, ref: nodes.Node | None) -> str:
    centre = box.kind == "centre"
    size, line = (CENTRE_FONT, CENTRE_LINE) if centre else (FONT, LINE)
    rect = (
        f'<rect class="pmterm-map-box pmterm-map-{box.kind}" x="{_num(box.x)}" '
        f'y="{_num(box.y)}" width="{_num(box.w)}" height="{_num(box.h)}" rx="6"/>'
    )
    top = box.y + box.h / 2 - (len(box.lines) - 1) * line / 2  # each line's centre
    spans = "".join(
        f'<tspan x="{_num(box.x + box.w / 2)}" y="{_num(top + i * line)}">{_attr(text)}</tspan>'
        for i, text in enumerate(box.lines)
    )
    label = (
        f'<text class="pmterm-map-label" text-anchor="middle" dominant-baseline="central" '
        f'font-size="{size}">{spans}</text>'
    )
    if not isinstance(ref, nodes.reference):
        return f"<g>{rect}{label}</g>"
    data = ref.get("pmterm_preview")
    title = ref.get("reftitle", "")
    name = data[0] if data else ref.astext()
    classes = " ".join(ref["classes"])
    return (
        f'<a href="{_attr(href(ref))}" class="{_attr(classes)}" title="{_attr(title)}" '
        f'aria-label="{_attr(name)}">{rect}{label}</a>'
    )


def visit_map_html(self: HTML5Translator, node: pmterm_map) -> None:
    self.body.append(svg(node))
    raise nodes.SkipNode


def _skip(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """The diagram's node: SVG for HTML; other builders never see it (text instead)."""
    skip = {fmt: (_skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(pmterm_map, html=(visit_map_html, None), **skip)  # type: ignore[arg-type]
