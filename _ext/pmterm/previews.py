"""Hover and focus previews of terms, built at build time from the domain's data.

Every link to a term (``{term}`` references, related terms, backlinks, lists)
carries the term's name, category and summary in its ``title`` and the class
``pmterm-preview``. Without JavaScript the browser shows the title and assistive
technology reads it as the link's description; ``pmterm.js`` turns it into a
styled tooltip that also opens on keyboard focus and closes with Escape. Nothing
is fetched at run time, so previews work offline, from ``file://`` and on any host,
and a page carries only the previews of the links it has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.config import Config

    from .domain import TermRecord

PREVIEW_CLASS = "pmterm-preview"


def preview_text(config: Config, record: TermRecord) -> str:
    """``Name (Category) — summary``: the format ``pmterm.js`` splits for display."""
    names = {c["slug"]: c["name"] for c in config.pmterm_categories}
    category = names.get(record["category"] or "", "")
    label = f"{record['name']} ({category})" if category else record["name"]
    return f"{label} — {record['summary']}" if record["summary"] else label


def mark(node: nodes.Element, config: Config, record: TermRecord) -> None:
    """Give a reference node the preview of *record*."""
    if isinstance(node, nodes.reference):
        node["reftitle"] = preview_text(config, record)
        if PREVIEW_CLASS not in node["classes"]:
            node["classes"].append(PREVIEW_CLASS)
