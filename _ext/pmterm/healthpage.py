"""The health page and ``glossary-health.json``: the figures of :mod:`pmterm.health`.

A maintainers' page writes its own headings and puts one ``pmterm-health``
directive under each, naming the figure it shows::

    ## Terms per category

    :::{pmterm-health} categories
    :::

Each directive is a placeholder filled on ``doctree-resolved`` from the page's
view, so the page changes whenever the figures do. Terms per category is a small
SVG bar chart in the HTML builders (no JavaScript; ``role="img"`` with a text
alternative; colours from the theme, so it reads in light and dark mode) and a
table in every other builder. Every HTML build also writes the same figures to
``glossary-health.json`` beside ``glossary.json``.
"""

from __future__ import annotations

import string
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .domain import glossary, pmterm_domain
from .export import FORMAT_VERSION, HTML_BUILDERS, write_json
from .labels import _, ngettext
from .previews import link_node

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from .health import Count, Health
    from .model import Link

HEALTH_KIND = "health"
JSON_NAME = "glossary-health.json"
SCHEMA = Path(__file__).parent / "glossary-health.schema.json"
#: Builders whose pages show the chart as inline SVG (EPUB would have to declare it).
SVG_BUILDERS = ("html", "dirhtml", "singlehtml")


class pmterm_health(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Where one figure of the health page goes (``figure``, ``docname``)."""


class pmterm_chart(nodes.General, nodes.Element):  # noqa: N801
    """A bar chart (``title``, ``bars``: label and value pairs). HTML pages draw it as
    SVG; other builders show its children, a table of the same numbers."""


class HealthDirective(SphinxDirective):
    """One figure of the glossary's health, rendered late from the model."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        figure = self.arguments[0]
        if figure not in FIGURES:
            raise self.error(
                f'unknown figure "{figure}" for pmterm-health; one of: {", ".join(FIGURES)}'
            )
        domain = pmterm_domain(self.env)
        if HEALTH_KIND not in domain.indexes.get(self.env.docname, []):
            domain.add_index(self.env.docname, HEALTH_KIND)
        node = pmterm_health(figure=figure, docname=self.env.docname)
        self.set_source_info(node)
        return [node]


# -- rendering ------------------------------------------------------------------


def _para(*children: nodes.Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    para = nodes.paragraph(classes=list(classes))
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _none(text: str = "") -> nodes.paragraph:
    return _para(text or _("None."), classes=["pmterm-empty"])


def _sentence(template: str, **parts: nodes.Node | str) -> list[nodes.Node | str]:
    """A translated *template* with its ``{fields}`` filled by text or by links, so a
    translation can put the links where its language wants them."""
    out: list[nodes.Node | str] = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            out.append(literal)
        if field is not None:
            out.append(parts[field])
    return out


def _cell(content: nodes.Node | str) -> nodes.Node:
    """A table cell's content: a list as it is, anything else in a paragraph."""
    if isinstance(content, nodes.Sequential) and isinstance(content, nodes.Element):
        return content
    return _para(content)


def _table(headers: Sequence[str], rows: Sequence[Sequence[nodes.Node | str]]) -> nodes.table:
    table = nodes.table(classes=["pmterm-health-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", _para(h)) for h in headers))
    body = nodes.tbody()
    for cells in rows:
        # Block content (a list) goes straight into the cell: a list inside a
        # paragraph is invalid HTML, and EPUBCheck rejects it.
        body += nodes.row("", *(nodes.entry("", _cell(c)) for c in cells))
    # Column widths in characters (the text builder's unit; others take them as ratios).
    widths = [len(h) for h in headers]
    for row in body.children:
        for i, entry in enumerate(row.children):
            widths[i] = max(widths[i], min(50, len(entry.astext())))
    group.extend(nodes.colspec(colwidth=w + 2) for w in widths)
    group += head
    group += body
    return table


def _link_list(builder: Builder, docname: str, links: Sequence[Link]) -> nodes.Element:
    if not links:
        return _none()
    items = nodes.bullet_list(classes=["pmterm-health-list"])
    for link in links:
        items += nodes.list_item("", _para(link_node(builder, docname, link)))
    return items


def _counts(
    builder: Builder, docname: str, counts: Sequence[Count], unit: Callable[[int], str]
) -> nodes.Element:
    if not counts:
        return _none()
    items = nodes.enumerated_list(classes=["pmterm-health-list"])
    for entry in counts:
        items += nodes.list_item(
            "", _para(link_node(builder, docname, entry.link), f" — {unit(entry.count)}")
        )
    return items


def _links(count: int) -> str:
    return ngettext("{count} link", "{count} links", count).format(count=count)


def _characters(count: int) -> str:
    return ngettext("{count} character", "{count} characters", count).format(count=count)


def render_summary(builder: Builder, docname: str, health: Health) -> list[nodes.Node]:
    # Each ngettext call spells out its literals, so Babel extracts them.
    terms, categories = health.terms, len(health.categories)
    mentions, pages = health.mention_count, len(health.mentions)
    summaries = len(health.long_summaries)
    text = _(
        "{terms} in {categories}; {mentions} on {pages}; {unlinked} linked from nowhere, "
        "{unlinking} linking nowhere; {summaries} over {limit} characters."
    ).format(
        terms=ngettext("{count} term", "{count} terms", terms).format(count=terms),
        categories=ngettext("{count} category", "{count} categories", categories).format(
            count=categories
        ),
        mentions=ngettext("{count} unlinked mention", "{count} unlinked mentions", mentions).format(
            count=mentions
        ),
        pages=ngettext("{count} page", "{count} pages", pages).format(count=pages),
        unlinked=len(health.linked_from_nowhere),
        unlinking=len(health.linking_nowhere),
        summaries=ngettext("{count} summary", "{count} summaries", summaries).format(
            count=summaries
        ),
        limit=health.summary_limit,
    )
    return [_para(text)]


def render_categories(builder: Builder, docname: str, health: Health) -> list[nodes.Node]:
    rows: list[list[nodes.Node | str]] = []
    for entry in health.categories:
        link = link_node(builder, docname, _category_link(entry.docname, entry.category.name))
        rows.append([link, str(entry.count)])
    chart = pmterm_chart(
        title=_("Terms per category"),
        bars=[(e.category.name, e.count) for e in health.categories],
    )
    chart += _table([_("Category"), _("Terms")], rows)
    out: list[nodes.Node] = [chart]
    if health.uncategorised:
        out.append(_para(_("Terms without a known category:")))
        out.append(_link_list(builder, docname, health.uncategorised))
    return out


def _category_link(docname: str, label: str) -> Link:
    from .model import Link

    return Link(docname, "", label)


def render_mentions(builder: Builder, docname: str, health: Health) -> list[nodes.Node]:
    if not health.mentions:
        return [_none(_("No unlinked mentions."))]
    rows: list[list[nodes.Node | str]] = []
    for page in health.mentions:
        cell = nodes.bullet_list(classes=["pmterm-health-mentions"])
        for placed in page.mentions:
            line = placed.mention.line
            template = (
                _("{term} as “{written}”, in {place}, line {line}")
                if line
                else _("{term} as “{written}”, in {place}")
            )
            words = _sentence(
                template,
                term=link_node(builder, docname, placed.term),
                written=placed.mention.text,
                place=link_node(builder, docname, placed.place),
                line=str(line),
            )
            cell += nodes.list_item("", _para(*words))
        rows.append([link_node(builder, docname, page.page), str(len(page.mentions)), cell])
    headers = [_("Page"), _("Mentions"), _("Terms mentioned without a link")]
    return [_table(headers, rows)]


def render_faqs(builder: Builder, docname: str, health: Health) -> list[nodes.Node]:
    spread: dict[int, int] = {}
    for entry in health.faqs:
        spread[entry.count] = spread.get(entry.count, 0) + 1
    rows: list[list[nodes.Node | str]] = [[str(k), str(spread[k])] for k in sorted(spread)]
    table = _table([_("FAQs"), _("Entries")], rows)
    none = [e.link for e in health.faqs if e.count == 0]
    return [table, _para(_("Entries without an FAQ:")), _link_list(builder, docname, none)]


def render_aliases(builder: Builder, docname: str, health: Health) -> list[nodes.Node]:
    if not health.related_to_aliases:
        return [_none()]
    items = nodes.bullet_list(classes=["pmterm-health-list"])
    for entry in health.related_to_aliases:
        items += nodes.list_item(
            "",
            _para(
                *_sentence(
                    _("{place} lists “{written}”, an alias of “{name}”"),
                    place=link_node(builder, docname, entry.place),
                    written=entry.written,
                    name=entry.name,
                )
            ),
        )
    return [items]


def _figure(render: Callable[[Health], Sequence[Link]]) -> Any:
    return lambda b, d, h: [_link_list(b, d, render(h))]


FIGURES: dict[str, Callable[[Builder, str, Health], list[nodes.Node]]] = {
    "summary": render_summary,
    "categories": render_categories,
    "linked-from-nowhere": _figure(lambda h: h.linked_from_nowhere),
    "linking-nowhere": _figure(lambda h: h.linking_nowhere),
    "most-linked": lambda b, d, h: [_counts(b, d, h.most_linked, _links)],
    "unlinked-mentions": render_mentions,
    "long-summaries": lambda b, d, h: [_counts(b, d, h.long_summaries, _characters)],
    "faqs": render_faqs,
    "related-to-aliases": render_aliases,
}


def resolve_health(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: fill each figure from its page's view."""
    model = glossary(app.env)
    for node in list(doctree.findall(pmterm_health)):
        view = model.page_view(node["docname"])
        health: Health = dict(view.lists)[HEALTH_KIND]  # type: ignore[assignment]
        node.replace_self(FIGURES[node["figure"]](app.builder, docname, health))


# -- the chart ----------------------------------------------------------------------

BAR = 22
GAP = 8
WIDTH = 640


def bar_chart_svg(title: str, bars: Sequence[tuple[str, int]], ident: str) -> str:
    """A horizontal bar chart as inline SVG: labels left, bars, values right."""
    label_width = min(260, 12 + 7 * max((len(label) for label, _ in bars), default=0))
    most = max((value for _, value in bars), default=0) or 1
    span = WIDTH - label_width - 48
    height = len(bars) * (BAR + GAP) + GAP
    desc = "; ".join(f"{label}: {value}" for label, value in bars) + "."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pmterm-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    for i, (label, value) in enumerate(bars):
        y = GAP + i * (BAR + GAP)
        middle = y + BAR / 2
        width = round(span * value / most, 1)
        out.append(
            f'<text class="pmterm-chart-label" x="{label_width - 8}" y="{middle}" '
            f'text-anchor="end" dominant-baseline="central">{escape(label)}</text>'
        )
        out.append(
            f'<rect class="pmterm-chart-bar" x="{label_width}" y="{y}" '
            f'width="{width}" height="{BAR}" rx="2"/>'
        )
        out.append(
            f'<text class="pmterm-chart-value" x="{label_width + width + 6}" y="{middle}" '
            f'dominant-baseline="central">{value}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def visit_chart_html(self: HTML5Translator, node: pmterm_chart) -> None:
    if self.builder.name not in SVG_BUILDERS:
        return  # EPUB: the table inside
    ident = "pmterm-chart-" + "-".join(node["title"].lower().split())
    self.body.append('<figure class="pmterm-chart-figure">\n')
    self.body.append(bar_chart_svg(node["title"], node["bars"], ident))
    self.body.append("\n</figure>\n")
    raise nodes.SkipNode


def _passthrough(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Other builders show the chart's table."""


def _unexpected(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


# -- the JSON -------------------------------------------------------------------------


def health_data(app: Sphinx) -> dict[str, Any]:
    """The figures as data: names, counts and page addresses."""
    health = glossary(app.env).health
    builder = app.builder

    def url(link: Link) -> str:
        uri = builder.get_target_uri(link.docname)
        return f"{uri}#{link.anchor}" if link.anchor else uri

    def names(links: Sequence[Link]) -> list[str]:
        return [link.label for link in links]

    return {
        "version": FORMAT_VERSION,
        "summary_limit": health.summary_limit,
        "terms": health.terms,
        "categories": [
            {"slug": c.category.slug, "name": c.category.name, "terms": c.count}
            for c in health.categories
        ],
        "uncategorised": names(health.uncategorised),
        "linked_from_nowhere": names(health.linked_from_nowhere),
        "linking_nowhere": names(health.linking_nowhere),
        "most_linked": [{"name": c.link.label, "links": c.count} for c in health.most_linked],
        "unlinked_mentions": [
            {
                "page": page.page.docname,
                "title": page.page.label,
                "url": url(page.page),
                "mentions": [
                    {
                        "term": m.mention.term,
                        "text": m.mention.text,
                        "line": m.mention.line,
                        "section": m.mention.section,
                        "url": url(m.place),
                    }
                    for m in page.mentions
                ],
            }
            for page in health.mentions
        ],
        "long_summaries": [
            {"name": c.link.label, "length": c.count} for c in health.long_summaries
        ],
        "faqs": [{"name": c.link.label, "faqs": c.count} for c in health.faqs],
        "related_to_aliases": [
            {"term": a.place.label, "related": a.written, "name": a.name}
            for a in health.related_to_aliases
        ],
    }


def write_health_json(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write ``glossary-health.json`` for HTML builds, if it changed."""
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    write_json(Path(app.outdir, JSON_NAME), health_data(app))


def register(app: Sphinx) -> None:
    skip = {fmt: (_unexpected, None) for fmt in ("html", "latex", "text", "man", "texinfo")}
    app.add_node(pmterm_health, **skip)  # type: ignore[arg-type]
    plain = {fmt: (_passthrough, _passthrough) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(
        pmterm_chart,
        html=(visit_chart_html, _passthrough),
        **plain,  # type: ignore[arg-type]
    )
    app.add_directive("pmterm-health", HealthDirective)
