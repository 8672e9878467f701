"""What one document says about the glossary: plain, frozen records.

The directive and the read-time passes write these into the domain, keyed by
document; nothing here knows about other documents. They pickle with the
environment, so their shape is versioned by ``ENV_VERSION`` in ``__init__``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Related:
    """One related-term entry as written: the name the author used, and the note."""

    target: str
    note: str
    lineno: int
    anchor: str  #: id of the entry on its page, so a backlink lands on it


@dataclass(frozen=True)
class Faq:
    question: str
    answer: str


@dataclass(frozen=True)
class Reference:
    """One ``{term}`` reference, wherever it is written."""

    target: str
    anchor: str  #: id placed just before the reference
    lineno: int
    from_term: str | None  #: node id of the term whose section holds it, if any


@dataclass(frozen=True)
class Term:
    """What a ``pmterm`` directive defines."""

    name: str
    docname: str
    lineno: int
    node_id: str
    category: str | None
    aliases: tuple[str, ...]
    summary: str
    definition: str
    #: why / practice / pitfalls as plain-text blocks (paragraphs or list items)
    why: tuple[str, ...]
    practice: tuple[str, ...]
    pitfalls: tuple[str, ...]
    related: tuple[Related, ...]
    faqs: tuple[Faq, ...]
    #: The name and aliases as written in the source, when a translation shows others
    #: (see :mod:`pmterm.translated`); references to them still link here.
    source_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then the aliases, as the page shows them."""
        return (self.name, *self.aliases)

    @property
    def link_names(self) -> tuple[str, ...]:
        """Every spelling that links here: the shown names, then the source's."""
        return (*self.names, *(n for n in self.source_names if n not in self.names))


@dataclass(frozen=True)
class Passage:
    """The prose of one section (or one FAQ) of a page, for unlinked mentions.

    Only text a reader sees as running prose is kept (see :mod:`pmterm.prose`);
    what was left out (links, code) is a barrier no name can span."""

    anchor: str  #: id of the section, "" for text outside any section
    title: str  #: the section's heading, the FAQ's question, or the page title
    blocks: tuple[tuple[int, str], ...]  #: (line, text) of each paragraph-like block
    links: tuple[str, ...]  #: names the passage links to with ``{term}`` or ``related``
