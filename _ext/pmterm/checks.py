"""What only the whole glossary reveals: duplicate names and dangling relations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .domain import glossary
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: warn once per duplicate name and unknown related term."""
    model = glossary(env)
    for dup in model.duplicates:
        warn(
            Subtype.DUPLICATE_TERM,
            f'"{dup.name}" is already defined by the term "{dup.owner.name}" '
            f"in {dup.owner.docname}; this definition of it is ignored",
            (dup.loser.docname, dup.loser.lineno),
        )
    std_terms = {name for kind, name in env.domains.standard_domain.objects if kind == "term"}
    for term in model.terms:
        for related in term.related:
            if model.lookup(related.target) is None and related.target not in std_terms:
                warn(
                    Subtype.UNKNOWN_RELATED,
                    f'related term "{related.target}" of "{term.name}" is not in the glossary',
                    (term.docname, related.lineno),
                )
