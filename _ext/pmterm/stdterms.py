"""Terms and aliases as the standard domain's ``term`` objects: the one adapter.

Sphinx's ``{term}`` role, its inventory (``objects.inv``, which intersphinx reads)
and other extensions know terms only through the standard domain. Its public
``note_object`` files a term under the document being *read*, and registering at
read time would let the order of parallel readers decide who owns a contested
name. So after reading, from the model, this module writes each owned name and
alias into ``StandardDomain.objects`` (the public mapping ``note_object`` itself
fills) and never touches the internal ``_terms``. References that differ from a
name in case or Unicode form reach :func:`resolve_missing_term` through Sphinx's
public ``missing-reference`` event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri

from .domain import TARGET_ATTRIBUTE, glossary
from .names import name_key
from .uris import refnode
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment


def _ours(env: BuildEnvironment) -> set[tuple[str, str]]:
    return {(t.docname, t.node_id) for t in glossary(env).terms}


def register_terms(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated`` (after the model): file every owned spelling as a ``std:term``."""
    std: StandardDomain = env.domains.standard_domain
    ours = _ours(env)
    for key in [k for k, place in std.objects.items() if k[0] == "term" and place in ours]:
        del std.objects[key]
    for spelled, term in glossary(env).owned_link_names():
        if ("term", spelled) not in std.objects:  # another glossary keeps its entry (warned)
            std.objects["term", spelled] = (term.docname, term.node_id)


def check_clashes(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a term or alias that another ``std:term`` also names."""
    std: StandardDomain = env.domains.standard_domain
    model = glossary(env)
    ours = _ours(env)
    others: dict[str, tuple[str, str]] = {}
    for (objtype, name), place in std.objects.items():
        if objtype == "term" and place not in ours:
            others.setdefault(name_key(name), (name, place[0]))
    for spelled, term in model.owned_names():
        clash = others.get(name_key(spelled))
        if clash is None:
            continue
        name, docname = clash
        warn(
            Subtype.TERM_CLASH,
            f'"{spelled}" of the term "{term.name}" is also the glossary entry "{name}" '
            f"in {env.doc2path(docname)}; references to it go to that entry. "
            "Rename one of them",
            (term.docname, term.lineno),
        )


def resolve_missing_term(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """``missing-reference``: a ``{term}`` whose case or Unicode form differs from the name."""
    if node.get("refdomain") != "std" or node.get("reftype") != "term":
        return None
    target = node["reftarget"]
    link = glossary(env).target(target)
    if link is None:
        return None
    try:
        ref = refnode(app.builder, node["refdoc"], link.docname, link.anchor, contnode)
    except NoUri:
        return None
    ref[TARGET_ATTRIBUTE] = target
    return ref
