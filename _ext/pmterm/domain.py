"""Cross-document data: every term, keyed by the document that defines it.

The domain is the single store other modules read from. Purging a document is a
``pop``; merging parallel readers copies the readers' documents. Which definition
owns a name (when two collide) is decided once, after reading, from this data in
document order, so serial, parallel and incremental builds agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypedDict

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util.nodes import make_refnode

from .backlinks import Backlinks, compute_backlinks
from .previews import mark
from .sorting import reading_order
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class RelatedRecord(TypedDict):
    """One related-term entry as written: the name the author used, and the note."""

    target: str
    note: str
    lineno: int
    anchor: str  # id of the entry on its page, so a backlink lands on it


class ReferenceRecord(TypedDict):
    """One ``{term}`` reference, wherever it is written."""

    target: str
    anchor: str  # id placed just before the reference
    lineno: int
    from_term: str | None  # node id of the term whose section holds it, if any


class FaqRecord(TypedDict):
    question: str
    answer: str


class TermRecord(TypedDict):
    """What a ``pmterm`` directive defines; plain data so it pickles and merges."""

    name: str
    docname: str
    lineno: int
    node_id: str
    category: str | None
    aliases: list[str]
    summary: str
    definition: str
    #: why / practice / pitfalls as plain-text blocks (paragraphs or list items)
    why: list[str]
    practice: list[str]
    pitfalls: list[str]
    related: list[RelatedRecord]
    faqs: list[FaqRecord]


@dataclass
class Registry:
    """Who owns each lower-cased name or alias, and which definitions lost."""

    owners: dict[str, TermRecord] = field(default_factory=dict)
    #: (record that lost, name it tried to claim, record that kept it)
    duplicates: list[tuple[TermRecord, str, TermRecord]] = field(default_factory=list)

    def lookup(self, name: str) -> TermRecord | None:
        return self.owners.get(name.strip().lower())


class PmTermDomain(Domain):
    """Holds the glossary's terms; the standard domain holds their cross-reference targets."""

    name = "pmterm"
    label = "Product-management glossary"
    data_version = 3
    initial_data: ClassVar[dict[str, Any]] = {
        "terms": {},  # docname -> list[TermRecord]
        "references": {},  # docname -> list[ReferenceRecord]
        "indexes": {},  # docname -> list of generated lists on that page, e.g. ["az"]
        "digests": {},  # docname -> digest of what the page shows from other pages
    }

    _registry: Registry | None = None
    _owned: list[TermRecord] | None = None
    _backlinks: dict[tuple[str, str], Backlinks] | None = None

    @property
    def terms(self) -> dict[str, list[TermRecord]]:
        terms: dict[str, list[TermRecord]] = self.data["terms"]
        return terms

    @property
    def references(self) -> dict[str, list[ReferenceRecord]]:
        references: dict[str, list[ReferenceRecord]] = self.data["references"]
        return references

    @property
    def indexes(self) -> dict[str, list[str]]:
        indexes: dict[str, list[str]] = self.data["indexes"]
        return indexes

    @property
    def digests(self) -> dict[str, str]:
        digests: dict[str, str] = self.data["digests"]
        return digests

    def add_term(self, record: TermRecord) -> None:
        self.terms.setdefault(record["docname"], []).append(record)
        self.invalidate()

    def add_references(self, docname: str, records: list[ReferenceRecord]) -> None:
        self.references[docname] = records
        self.invalidate()

    def clear_doc(self, docname: str) -> None:
        for key in self.initial_data:
            self.data[key].pop(docname, None)
        self.invalidate()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in self.initial_data:
            for docname in docnames & otherdata[key].keys():
                self.data[key][docname] = otherdata[key][docname]
        self.invalidate()

    def invalidate(self) -> None:
        """Forget what was derived from the data (call after any change to it)."""
        self._registry = None
        self._owned = None
        self._backlinks = None

    def term_of(self, docname: str, node_id: str) -> TermRecord | None:
        return next((r for r in self.terms.get(docname, ()) if r["node_id"] == node_id), None)

    def owned_terms(self) -> list[TermRecord]:
        """The terms that own their name, in reading order: what lists and exports show.

        Computed once per build; every list, export and digest reads it."""
        if self._owned is None:
            owners = self.registry.owners
            found = [r for r in self.all_terms() if owners.get(r["name"].lower()) is r]
            self._owned = sorted(found, key=lambda r: reading_order(r["name"]))
        return self._owned

    def all_terms(self) -> Iterator[TermRecord]:
        """Every term in document order (docname, then line): the order that decides ties."""
        for docname in sorted(self.terms):
            yield from sorted(self.terms[docname], key=lambda r: r["lineno"])

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = _build_registry(self.all_terms())
        return self._registry

    def backlinks(self, record: TermRecord) -> Backlinks:
        """What points at *record*, from the whole glossary (computed once per build)."""
        if self._backlinks is None:
            titles = {
                d: self.env.titles[d].astext() for d in self.references if d in self.env.titles
            }
            self._backlinks = compute_backlinks(self, titles)
        return self._backlinks.get((record["docname"], record["node_id"]), Backlinks())

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """Link a related-term entry; an unknown one stays plain text (warned once elsewhere)."""
        record = self.registry.lookup(target)
        if record is not None:
            link = make_refnode(
                builder, fromdocname, record["docname"], record["node_id"], contnode
            )
            mark(link, env.config, record)
            return link
        if target.lower() in env.domains.standard_domain._terms:
            docname, node_id = env.domains.standard_domain._terms[target.lower()]
            title = target
        else:
            return contnode  # type: ignore[return-value]  # Sphinx replaces the xref with it
        return make_refnode(builder, fromdocname, docname, node_id, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []  # terms are found through the standard domain's ``term`` role


def _build_registry(records: Iterator[TermRecord]) -> Registry:
    registry = Registry()
    for record in records:
        for claimed in (record["name"], *record["aliases"]):
            key = claimed.lower()
            owner = registry.owners.get(key)
            if owner is None:
                registry.owners[key] = record
            elif owner is not record:
                registry.duplicates.append((record, claimed, owner))
    return registry


def register_with_std(app: Any, env: BuildEnvironment) -> None:
    """Make every owned name and alias a ``std:term`` pointing at its term's anchor.

    Done after reading (``env-updated``), from the merged data, so the owner of a
    contested name does not depend on which process read which file first.
    """
    domain = pmterm_domain(env)
    domain.invalidate()
    std = env.domains.standard_domain
    ours = {(r["docname"], r["node_id"]) for r in domain.all_terms()}
    for stale in [k for k, v in std.objects.items() if k[0] == "term" and v in ours]:
        del std.objects[stale]
    for lowered in [k for k, v in std._terms.items() if v in ours]:
        del std._terms[lowered]
    for lowered, record in sorted(domain.registry.owners.items()):
        if lowered in std._terms:  # a plain ``glossary`` directive got there first
            continue
        spelled = next(n for n in (record["name"], *record["aliases"]) if n.lower() == lowered)
        target = (record["docname"], record["node_id"])
        std.objects["term", spelled] = target
        std._terms[lowered] = target


def check_consistency(app: Any, env: BuildEnvironment) -> None:
    """Warn about what only the whole glossary reveals: duplicates and dangling relations."""
    registry = pmterm_domain(env).registry
    for record, claimed, owner in registry.duplicates:
        warn(
            Subtype.DUPLICATE_TERM,
            f'"{claimed}" is already defined by the term "{owner["name"]}" '
            f"in {owner['docname']}; this definition of it is ignored",
            (record["docname"], record["lineno"]),
        )
    std_terms = env.domains.standard_domain._terms
    for record in pmterm_domain(env).all_terms():
        for related in record["related"]:
            if (
                registry.lookup(related["target"]) is None
                and related["target"].lower() not in std_terms
            ):
                warn(
                    Subtype.UNKNOWN_RELATED,
                    f'related term "{related["target"]}" of "{record["name"]}" '
                    "is not in the glossary",
                    (record["docname"], related["lineno"]),
                )


def pmterm_domain(env: BuildEnvironment) -> PmTermDomain:
    return env.domains["pmterm"]  # type: ignore[return-value]
