"""Where terms and parts may go: one read-time pass over each page.

Directives build what they are given without looking around; this pass then
checks the page as a whole. A part (``why``, ``faq`` …) that no term consumed, a
term nested in another directive, and a second term on a page each get a
``pmterm.misplaced`` or ``pmterm.multiple-terms`` warning at their own line.
Nothing the author wrote is dropped: a stray part is replaced by its text, an
FAQ's question and a related entry's name included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .nodes import pmterm_part
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def is_term_section(node: nodes.Node) -> bool:
    return isinstance(node, nodes.section) and "pmterm" in node["classes"]


def check_placement(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: warn about misplaced parts and terms, keeping their text."""
    for part in list(doctree.findall(pmterm_part)):
        kind = part["kind"]
        inside = _inside(part, pmterm_part)
        where = "inside another part" if inside else "outside a pmterm directive"
        warn(
            Subtype.MISPLACED,
            f'"{kind}" part {where}; parts go directly inside their term. Shown as plain text',
            part,
        )
        part.replace_self(_as_text(part))
    terms = [s for s in doctree.findall(nodes.section) if is_term_section(s)]
    for section in terms:
        name = section[0].astext()
        if _inside(section, nodes.section, is_term_section):
            warn(
                Subtype.MISPLACED,
                f'term "{name}" is nested in another term; give it its own page',
                section,
            )
        elif not isinstance(section.parent, (nodes.document, nodes.section)):
            warn(
                Subtype.MISPLACED,
                f'term "{name}" is nested in another directive; '
                "put it at the top level of its page",
                section,
            )
    for section in terms[1:]:
        warn(
            Subtype.MULTIPLE_TERMS,
            f'term "{section[0].astext()}" is not the first term on a page already '
            f'titled "{terms[0][0].astext()}"',
            section,
        )


def _inside(node: nodes.Node, kind: type, test: object = None) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind) and (test is None or test(parent)):  # type: ignore[operator]
            return True
        parent = parent.parent
    return False


def _as_text(part: pmterm_part) -> list[nodes.Node]:
    """A stray part's content, with its argument (question or related name) kept."""
    argument = part["argument"]
    if not argument:
        return list(part.children)
    lead = nodes.paragraph("", "", nodes.strong(argument, argument))
    lead.source, lead.line = part.source, part.line
    return [lead, *part.children]
