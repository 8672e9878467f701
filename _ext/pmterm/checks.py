"""What only the whole glossary reveals: duplicate names, dangling relations, and
(when asked for) unlinked mentions."""

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


def report_unlinked_mentions(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a located warning per unlinked mention, if asked for
    with ``pmterm_report_unlinked_mentions`` (off by default)."""
    if not app.config.pmterm_report_unlinked_mentions:
        return
    for mention in glossary(env).mentions:
        warn(
            Subtype.UNLINKED_MENTION,
            f'"{mention.text}" mentions the term "{mention.term}" without a link; '
            f"link it with {{term}}`{mention.text} <{mention.term}>` where that helps the reader",
            (mention.docname, mention.line or None),
        )
