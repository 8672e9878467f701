"""Which unchanged pages to rewrite because other pages changed.

A page shows things that live on other pages: its terms' backlinks, where its
related terms and ``{term}`` references point, and generated lists. All of that is
the page's :class:`~pmterm.model.PageView`, which is also what the renderer draws
from; its digest is kept per page, and after reading any page whose digest moved
is handed back to Sphinx through ``env-get-updated``. An edit therefore rewrites
the pages it affects and no others, and a no-op build rewrites nothing.
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
    changed = []
    for docname in sorted({*domain.terms, *domain.references, *domain.indexes}):
        view = model.page_view(docname)
        digest = hashlib.sha256(repr(view).encode()).hexdigest()
        if domain.digests.get(docname) != digest:
            domain.digests[docname] = digest
            changed.append(docname)
    return changed
