"""Cross-document storage: what each document defines and references, keyed by it.

Purging a document is a ``pop``; merging parallel readers copies the readers'
documents. The domain derives nothing itself: after reading, :func:`freeze`
builds the read-only :class:`~pmterm.model.Glossary` from this data in document
order, so serial, parallel and incremental builds agree. The model lives on the
domain object, which is never pickled, and is replaced on every build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.errors import NoUri
from sphinx.util.matching import Matcher

from . import model
from .config import category_docname
from .uris import refnode

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .records import Passage, Reference, Term


#: Attribute of a reference node made for a term name: the name, for its preview.
TARGET_ATTRIBUTE = "pmterm_target"


class PmTermDomain(Domain):
    """Holds the glossary's records; the standard domain holds their cross-reference targets."""

    name = "pmterm"
    label = "Product-management glossary"
    data_version = 5
    initial_data: ClassVar[dict[str, Any]] = {
        "terms": {},  # docname -> list[Term]
        "references": {},  # docname -> list[Reference]
        "indexes": {},  # docname -> generated lists on that page, e.g. ["az"]
        "digests": {},  # docname -> digest of what the page shows from other pages
        "prose": {},  # docname -> list[Passage], for unlinked mentions
        # docname -> (matcher fingerprint, hits): a memo of matching the page's prose
        # against every name, so an edit re-matches only the pages it re-reads
        "mention_hits": {},
        "categories": {},  # category page -> (slug, name, description) as it shows them
    }

    _glossary: model.Glossary | None = None

    @property
    def terms(self) -> dict[str, list[Term]]:
        terms: dict[str, list[Term]] = self.data["terms"]
        return terms

    @property
    def references(self) -> dict[str, list[Reference]]:
        references: dict[str, list[Reference]] = self.data["references"]
        return references

    @property
    def indexes(self) -> dict[str, list[str]]:
        indexes: dict[str, list[str]] = self.data["indexes"]
        return indexes

    @property
    def digests(self) -> dict[str, str]:
        digests: dict[str, str] = self.data["digests"]
        return digests

    @property
    def glossary(self) -> model.Glossary:
        """The model of this build (made on ``env-updated``; see :func:`freeze`)."""
        if self._glossary is None:
            raise RuntimeError("the pmterm model is read before the build has read its sources")
        return self._glossary

    def add_term(self, term: Term) -> None:
        self.terms.setdefault(term.docname, []).append(term)

    def add_references(self, docname: str, references: list[Reference]) -> None:
        self.references[docname] = references

    @property
    def prose(self) -> dict[str, list[Passage]]:
        prose: dict[str, list[Passage]] = self.data["prose"]
        return prose

    @property
    def category_texts(self) -> dict[str, tuple[str, str, str]]:
        texts: dict[str, tuple[str, str, str]] = self.data["categories"]
        return texts

    def add_index(self, docname: str, kind: str) -> None:
        self.indexes.setdefault(docname, []).append(kind)

    def add_prose(self, docname: str, passages: list[Passage]) -> None:
        self.prose[docname] = passages

    def clear_doc(self, docname: str) -> None:
        for key in self.initial_data:
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in self.initial_data:
            for docname in docnames & otherdata[key].keys():
                self.data[key][docname] = otherdata[key][docname]

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
        """Link a related-term entry; an unknown one stays plain text (warned once elsewhere).

        The link records the name it was made for; :mod:`pmterm.previews` adds the
        preview late, like on every other link to a term."""
        link = self.glossary.target(target)
        if link is None:
            return contnode  # type: ignore[return-value]  # Sphinx replaces the xref with it
        shown = self.glossary.shown_name(target)
        if shown != target:  # a translated build: the entry shows the translated name
            contnode = nodes.inline(shown, shown, classes=contnode["classes"])
        try:
            ref = refnode(builder, fromdocname, link.docname, link.anchor, contnode)
        except NoUri:  # a builder with no page for it (e.g. LaTeX without the document)
            return contnode  # type: ignore[return-value]
        ref[TARGET_ATTRIBUTE] = target
        return ref

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


def freeze(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: build this build's model from the merged records."""
    domain = pmterm_domain(env)
    pages = {*domain.references, *domain.prose}
    titles = {d: env.titles[d].astext() for d in pages if d in env.titles}
    maintainer = Matcher(env.config.pmterm_maintainer_pages)
    domain._glossary = model.build(
        domain.terms,
        domain.references,
        domain.indexes,
        titles,
        env.config,
        {c["slug"]: category_docname(env.config, c["slug"]) for c in env.config.pmterm_categories},
        prose=domain.prose,
        mention_hits=domain.data["mention_hits"],
        maintainer_pages=[d for d in env.found_docs if maintainer(d)],
        category_texts=domain.category_texts,
    )


def glossary(env: BuildEnvironment) -> model.Glossary:
    """The model of the current build."""
    return pmterm_domain(env).glossary


def pmterm_domain(env: BuildEnvironment) -> PmTermDomain:
    return env.domains["pmterm"]  # type: ignore[return-value]
