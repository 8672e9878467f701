"""Which unchanged pages to rewrite because other pages changed.

A page shows things that live on other pages: its terms' backlinks, where its
related terms and ``{term}`` references point, and generated lists. All of that is
the page's :class:`~pmterm.model.PageView`, which is also what the renderer draws
from; its digest is kept per page, and after reading any page whose digest moved
is handed back to Sphinx through ``env-get-updated``. An edit therefore rewrites
the pages it affects and no others, and a no-op build rewrites nothing.

Term pages also show their neighbours in the A to Z page's toctree (the previous
and next links themes draw). Sphinx does not rewrite a page when only its
neighbours change, so those are part of the digest too.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from .domain import pmterm_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def pages_changed_by_others(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose view of other pages changed since the last build."""
    domain = pmterm_domain(env)
    model = domain.glossary
    relations = env.collect_relations()
    changed = []
    for docname in sorted({*domain.terms, *domain.references, *domain.indexes}):
        shown = (model.page_view(docname), relations.get(docname))
        digest = hashlib.sha256(repr(shown).encode()).hexdigest()
        if domain.digests.get(docname) != digest:
            domain.digests[docname] = digest
            changed.append(docname)
    return changed
