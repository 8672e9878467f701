"""Who points at each term: computed from the whole glossary, never stored.

A term's backlinks come from three kinds of source, each deduplicated by source
and sorted by name: terms that list it as related (with their note), terms that
mention it with ``{term}``, and other pages that do. A term never lists itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .sorting import reading_order

if TYPE_CHECKING:
    from .domain import PmTermDomain, TermRecord


@dataclass(frozen=True)
class Backlink:
    """One place that points at a term: its page, anchor, label and (for related) note."""

    docname: str
    anchor: str
    label: str
    note: str = ""
    term_id: str = ""  # node id of the source term, if the source is a term


@dataclass
class Backlinks:
    related: list[Backlink] = field(default_factory=list)
    terms: list[Backlink] = field(default_factory=list)
    pages: list[Backlink] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.related or self.terms or self.pages)


def compute_backlinks(
    domain: PmTermDomain, page_title: dict[str, str]
) -> dict[tuple[str, str], Backlinks]:
    """Backlinks of every owned term, keyed by (docname, node id) of the term."""
    registry = domain.registry
    result: dict[tuple[str, str], Backlinks] = {}
    seen: set[tuple[str, tuple[str, str], str]] = set()

    def add(kind: str, target: TermRecord, link: Backlink, source: str) -> None:
        key = (target["docname"], target["node_id"])
        if (kind, key, source) in seen:
            return
        seen.add((kind, key, source))
        getattr(result.setdefault(key, Backlinks()), kind).append(link)

    for record in domain.all_terms():
        for related in record["related"]:
            target = registry.lookup(related["target"])
            if target is not None and target is not record:
                link = Backlink(
                    record["docname"], related["anchor"], record["name"], related["note"]
                )
                add("related", target, link, record["node_id"] + record["docname"])
    for docname in sorted(domain.references):
        for ref in domain.references[docname]:
            target = registry.lookup(ref["target"])
            if target is None:
                continue
            source_term = domain.term_of(docname, ref["from_term"]) if ref["from_term"] else None
            if source_term is target:
                continue
            if source_term is not None:
                link = Backlink(
                    docname, ref["anchor"], source_term["name"], "", source_term["node_id"]
                )
                add("terms", target, link, source_term["node_id"] + docname)
            else:
                add(
                    "pages",
                    target,
                    Backlink(docname, ref["anchor"], page_title.get(docname, docname)),
                    docname,
                )
    for links in result.values():
        for group in (links.related, links.terms, links.pages):
            group.sort(key=lambda b: (*reading_order(b.label), b.docname))
    return result
