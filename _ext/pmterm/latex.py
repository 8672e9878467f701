"""LaTeX (the PDF): every character either typesets or is replaced with a warning.

Read the Docs builds PDFs with Sphinx's default engine, ``pdflatex``, which stops
on the first character its font encodings do not cover ("Unicode character …
not set up for use with LaTeX"). For that engine this module

* declares a few common symbols pdflatex lacks (arrows, comparison signs, the
  minus sign, check marks) in the preamble, on ``config-inited``;
* replaces any other character it cannot typeset with ``?`` in text and index
  entries, with a located ``pmterm.latex-character`` warning, so the build never
  stops on a character.

Greek and Cyrillic count as covered when ``latex_elements['fontenc']`` loads
``LGR`` or ``X2``/``T2A``. The Unicode engines (``xelatex``, ``lualatex``) are
left alone: they typeset whatever the chosen font has.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Symbols pdflatex does not know by default, and how to typeset them.
DECLARED: dict[str, str] = {
    "→": r"\ensuremath{\rightarrow}",
    "←": r"\ensuremath{\leftarrow}",
    "↑": r"\ensuremath{\uparrow}",
    "↓": r"\ensuremath{\downarrow}",
    "↔": r"\ensuremath{\leftrightarrow}",
    "⇒": r"\ensuremath{\Rightarrow}",
    "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}",
    "≠": r"\ensuremath{\neq}",
    "≈": r"\ensuremath{\approx}",
    "−": r"\ensuremath{-}",
    "∞": r"\ensuremath{\infty}",
    "√": r"\ensuremath{\surd}",
    "✓": r"\ensuremath{\checkmark}",
}
#: Punctuation and symbols that pdflatex with T1 and textcomp typesets.
_PUNCTUATION = set("–—‘’‚“”„†‡•…‰′″‹›€™№")
_GREEK = range(0x370, 0x400)
_CYRILLIC = range(0x400, 0x530)


def _typesets(ch: str, fontenc: str) -> bool:
    code = ord(ch)
    if code < 0x7F or 0xA0 <= code < 0x180 or ch in _PUNCTUATION or ch in DECLARED:
        return ch.isprintable() or ch in "\n\t"
    if code in _GREEK:
        return "LGR" in fontenc
    if code in _CYRILLIC:
        return "X2" in fontenc or "T2A" in fontenc
    return False


def _pdflatex(config: Config) -> bool:
    return bool(config.latex_engine == "pdflatex")


def declare_symbols(app: Sphinx, config: Config) -> None:
    """``config-inited``: add :data:`DECLARED` to the pdflatex preamble."""
    if not _pdflatex(config):
        return
    lines = [f"\\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{{tex}}}" for ch, tex in DECLARED.items()]
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + "\n" + "\n".join(lines) + "\n"
    config.latex_elements = elements


class _Replacer:
    """Replaces what pdflatex cannot typeset, warning once per place and character."""

    def __init__(self, fontenc: str) -> None:
        self.fontenc = fontenc
        self.warned: set[tuple[int, str]] = set()

    def __call__(self, text: str, where: nodes.Node) -> str:
        bad = {ch for ch in text if not _typesets(ch, self.fontenc)}
        for ch in sorted(bad):
            located = _located(where)
            if (id(located), ch) in self.warned:
                continue
            self.warned.add((id(located), ch))
            name = unicodedata.name(ch, "unnamed character")
            warn(
                Subtype.LATEX_CHARACTER,
                f'"{ch}" (U+{ord(ch):04X} {name}) cannot be typeset by pdflatex; the PDF shows "?"',
                located,
            )
        return "".join("?" if ch in bad else ch for ch in text)


def replace_untypesettable(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (connected last, so generated lists are covered too)."""
    if app.builder.name != "latex" or not _pdflatex(app.config):
        return
    replace = _Replacer(str(app.config.latex_elements.get("fontenc", "")))
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None:
            continue
        cleaned = replace(str(text), parent)
        if cleaned != str(text):
            parent.replace(text, nodes.Text(cleaned))
    for index in doctree.findall(addnodes.index):
        index["entries"] = [
            (kind, replace(value, index), *rest) for kind, value, *rest in index["entries"]
        ]


def add_labels(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: anchors on list items and inline spans become targets.

    The LaTeX writer writes a ``\\label`` for targets and sections but not for ids on
    other nodes, so backlinks to a related entry or to the sentence that mentions a
    term would print "page ??". A target carrying the same ids gives them a label."""
    if app.builder.name != "latex":
        return
    for node in list(doctree.findall(nodes.Element)):
        if isinstance(node, (nodes.list_item, nodes.inline)) and node["ids"]:
            node.insert(0, nodes.target("", "", ids=list(node["ids"])))
            node["ids"] = []


def _located(node: nodes.Node) -> nodes.Node:
    """The nearest node that knows its source line."""
    while node.parent is not None and not (node.source and node.line):
        node = node.parent
    return node
