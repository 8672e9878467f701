"""Hover and focus previews on every link to a term, added late from the model.

Every link to a term (``{term}`` references, related terms, backlinks, lists)
carries the term's name, category and summary in its ``title`` and the class
``pmterm-preview``. Without JavaScript the browser shows the title and assistive
technology reads it as the link's description. For ``pmterm.js``, each HTML page
also carries a small JSON map from each preview link's address to the term's name,
category and summary (:func:`add_preview_data`), so the script reads structured data
and never takes a display string apart. Nothing is fetched at run time, so previews
work offline, from ``file://`` and on any host.

A preview is added only where the link really goes to the term it describes, so
link and preview always agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import NoUri

from .domain import TARGET_ATTRIBUTE, glossary
from .references import ANCHOR_ATTRIBUTE
from .scriptdata import script_safe_json
from .uris import refnode

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .model import Link, Preview

PREVIEW_CLASS = "pmterm-preview"
#: Attribute of a previewed reference node: (name, category, summary).
DATA_ATTRIBUTE = "pmterm_preview"
#: Id of the page's JSON map for ``pmterm.js``.
MAP_ID = "pmterm-previews"


def mark(node: nodes.Element, preview: Preview | None) -> None:
    """Give a reference node *preview*."""
    if preview is None or not isinstance(node, nodes.reference):
        return
    node["reftitle"] = preview.title
    node[DATA_ATTRIBUTE] = (preview.name, preview.category, preview.summary)
    if PREVIEW_CLASS not in node["classes"]:
        node["classes"].append(PREVIEW_CLASS)


def href(ref: nodes.reference) -> str:
    """The ``href`` the HTML writer gives *ref* (the previews map is keyed by it)."""
    if "refuri" in ref:
        return str(ref["refuri"])
    return "#" + str(ref.get("refid", ""))


def add_preview_data(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the page's previews as JSON for ``pmterm.js``."""
    if doctree is None or not isinstance(context.get("body"), str):
        return
    found: dict[str, dict[str, str]] = {}
    for ref in doctree.findall(nodes.reference):
        data = ref.get(DATA_ATTRIBUTE)
        if data:
            name, category, summary = data
            found[href(ref)] = {"name": name, "category": category, "summary": summary}
    if found:
        context["body"] += json_script(found, MAP_ID)


def json_script(data: object, element_id: str) -> str:
    """*data* in an inert JSON data block."""
    text = script_safe_json(data)
    return f'<script type="application/json" id="{element_id}">{text}</script>\n'


def _points_to(builder: Builder, fromdoc: str, ref: nodes.reference, link: Link) -> bool:
    """Whether *ref* is the link Sphinx would make from *fromdoc* to *link*."""
    try:
        expected = refnode(builder, fromdoc, link.docname, link.anchor, nodes.inline())
    except NoUri:
        return False
    return all(ref.get(key) == expected.get(key) for key in ("refid", "refuri"))


def add_previews(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: preview every link made for a term name on the page."""
    model = glossary(app.env)
    for ref in list(doctree.findall(nodes.reference)):
        name = ref.get(TARGET_ATTRIBUTE)
        if name is None:
            continue
        link = model.target(name)
        if link is not None and _points_to(app.builder, docname, ref, link):
            mark(ref, link.preview)
    for anchor in list(doctree.findall(nodes.inline)):
        name = anchor.get(ANCHOR_ATTRIBUTE)
        if name is None or anchor.parent is None:
            continue
        siblings = anchor.parent.children
        index = siblings.index(anchor)
        following = siblings[index + 1] if index + 1 < len(siblings) else None
        link = model.target(name)
        if not isinstance(following, nodes.reference) or link is None:
            continue
        if _points_to(app.builder, docname, following, link):
            mark(following, link.preview)


def link_node(builder: Builder, fromdoc: str, link: Link) -> nodes.Element:
    """A reference to *link* with its preview, or plain text where the builder has
    no address for it (a page left out of a LaTeX document, say)."""
    text = nodes.inline(link.label, link.label)
    try:
        ref = refnode(builder, fromdoc, link.docname, link.anchor, text)
    except NoUri:
        return text
    mark(ref, link.preview)
    return ref
