"""Which unchanged pages must be rewritten because other pages changed.

A page shows things that live on other pages: its terms' backlinks, where its
related terms and ``{term}`` references point, and generated lists (a category's
terms, the A to Z, the counts on the home page). For every such page we keep a
digest of exactly those inputs; after reading, any page whose digest moved is
handed back to Sphinx through ``env-get-updated``. An edit therefore rewrites the
pages it affects and no others, and a no-op build rewrites nothing.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from .domain import pmterm_domain
from .render import az_entries

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import PmTermDomain, TermRecord


def _where(domain: PmTermDomain, name: str) -> tuple[str, ...] | None:
    """Where a name links to, and the preview that link carries."""
    record = domain.registry.lookup(name)
    return None if record is None else _shown(record)


def _shown(record: TermRecord) -> tuple[str, ...]:
    return (
        record["docname"],
        record["node_id"],
        record["name"],
        str(record["category"]),
        record["summary"],
    )


def _index_inputs(domain: PmTermDomain, kind: str) -> Any:
    if kind.startswith("category:"):
        slug = kind.partition(":")[2]
        return [
            (t["name"], t["docname"], t["node_id"], t["summary"])
            for t in domain.owned_terms()
            if t["category"] == slug
        ]
    if kind == "categories":
        return sorted((str(t["category"]), t["name"]) for t in domain.owned_terms())
    return [(shown, alias, *_shown(r)) for shown, r, alias in az_entries(domain)]


def page_inputs(domain: PmTermDomain, docname: str, index_cache: dict[str, Any]) -> list[Any]:
    """Everything *docname* shows that comes from other pages."""
    inputs: list[Any] = []
    for record in domain.terms.get(docname, []):
        links = domain.backlinks(record)
        inputs.append(("backlinks", record["node_id"], repr(links)))
        for link in (*links.related, *links.terms):
            source = domain.term_of(link.docname, link.term_id)
            inputs.append(("preview", _shown(source) if source else None))
        inputs.extend(
            ("related", r["target"], _where(domain, r["target"])) for r in record["related"]
        )
    inputs.extend(
        ("ref", ref["target"], _where(domain, ref["target"]))
        for ref in domain.references.get(docname, [])
    )
    for kind in domain.indexes.get(docname, []):
        if kind not in index_cache:
            index_cache[kind] = _index_inputs(domain, kind)
        inputs.append(("index", kind, index_cache[kind]))
    return inputs


def pages_changed_by_others(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose inputs from other pages changed since last build."""
    domain = pmterm_domain(env)
    index_cache: dict[str, Any] = {}
    changed = []
    for docname in sorted({*domain.terms, *domain.references, *domain.indexes}):
        text = repr(page_inputs(domain, docname, index_cache)).encode()
        digest = hashlib.sha256(text).hexdigest()
        if domain.digests.get(docname) != digest:
            domain.digests[docname] = digest
            changed.append(docname)
    return changed
