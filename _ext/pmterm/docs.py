"""Directives that document the extension from its own code, so the pages cannot drift.

``pmterm-options`` lists every ``pmterm_*`` setting of :data:`pmterm.config.OPTIONS`
with its type, default and what a change rebuilds (the warnings page does the same
for warning subtypes with ``pmterm-warnings``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .config import OPTIONS

REBUILDS = {
    "env": "re-reads every page",
    "html": "rewrites the HTML pages",
    "": "changes only what the next build reports",
}


class OptionsDirective(SphinxDirective):
    """Every ``pmterm_*`` setting: name, type, default, what a change rebuilds, and why."""

    def run(self) -> list[nodes.Node]:
        dl = nodes.definition_list(classes=["pmterm-options"])
        for option in OPTIONS:
            kinds = " or ".join(t.__name__ for t in option.types)
            facts = nodes.paragraph(
                "",
                "",
                nodes.Text("Type "),
                nodes.literal(kinds, kinds),
                nodes.Text(", default "),
                nodes.literal(repr(option.default), repr(option.default)),
                nodes.Text(f"; a change {REBUILDS[option.rebuild]}."),
                classes=["pmterm-option-facts"],
            )
            doc, messages = self.parse_inline(option.doc, lineno=self.lineno)
            dl += nodes.definition_list_item(
                "",
                nodes.term("", "", nodes.literal(option.name, option.name)),
                nodes.definition("", facts, nodes.paragraph("", "", *doc), *messages),
            )
        return [dl]
