"""Keep the HTML sidebar short and cheap: term pages are in the document, not in it.

Term pages sit in the A to Z page's toctree, so every builder includes them. Themes
such as furo draw the whole toctree on every page, which at a thousand terms would
put a thousand links on each page, and Sphinx resolves the full tree for every page
it writes, which makes a large glossary's build quadratic. Before the theme asks for
it (``html-page-context`` at a priority below the default), the template's
``toctree()`` is limited to the depth of the A to Z page (its entry shows, its
hundreds of children do not), and its output is reused for every page that would
get the same HTML: same visible ancestors, same place in the output tree. Readers
reach terms through the category pages, the A to Z and the search.

Sphinx resolves every sub-toctree of a page before it prunes the result to
``maxdepth``, so even a capped sidebar would copy the table of contents of every
term page. While the sidebar is drawn, pages at the cap show their tables of
contents without their sub-toctrees, but for the entry on the way to the page being
written (:func:`_shallow_tocs`): the pruned result is the same, "current" classes
included, and the work no longer grows with the glossary.
"""

from __future__ import annotations

import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx import addnodes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: Run before themes (default priority 500) read ``toctree`` from the context.
PRIORITY = 400


@dataclass
class _Tree:
    """Each document's depth below the root and its parent in the toctree."""

    depth: dict[str, int]
    parent: dict[str, str]

    def ancestors(self, docname: str) -> list[str]:
        chain = [docname]
        while chain[-1] in self.parent:
            chain.append(self.parent[chain[-1]])
        return chain


def _tree(env: BuildEnvironment) -> _Tree:
    root = env.config.root_doc
    depth, parent = {root: 0}, {}
    queue = [root]
    while queue:
        doc = queue.pop(0)
        for child in env.toctree_includes.get(doc, ()):
            if child not in depth:
                depth[child], parent[child] = depth[doc] + 1, doc
                queue.append(child)
    return _Tree(depth, parent)


def _shallow_tocs(
    env: BuildEnvironment, tree: _Tree, depth: int, pagename: str
) -> dict[str, nodes.bullet_list]:
    """Copies of the tables of contents of the pages at *depth* (the cap) whose
    sub-toctrees keep only the entry on the way to *pagename*: the only one that
    matters to a sidebar capped at *depth*, because it marks the branch "current"."""
    chain = set(tree.ancestors(pagename))
    shallow = {}
    for docname, level in tree.depth.items():
        toc = env.tocs.get(docname)
        if level != depth or toc is None or not any(toc.findall(addnodes.toctree)):
            continue
        copy = toc.deepcopy()
        for sub in list(copy.findall(addnodes.toctree)):
            kept = [(title, ref) for title, ref in sub["entries"] if ref in chain]
            if kept:
                sub["entries"] = kept
            else:
                sub.parent.remove(sub)
        shallow[docname] = copy
    return shallow


@contextmanager
def _swapped(env: BuildEnvironment, tocs: dict[str, nodes.bullet_list]) -> Iterator[None]:
    saved = {docname: env.tocs[docname] for docname in tocs}
    env.tocs.update(tocs)
    try:
        yield
    finally:
        env.tocs.update(saved)


# Per builder (one build): the toctree and the rendered sidebars, by key.
_state: weakref.WeakKeyDictionary[Builder, tuple[_Tree, dict[Any, str]]] = (
    weakref.WeakKeyDictionary()
)


def limit_sidebar(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: cap the template's ``toctree()`` above the term pages."""
    toctree: Callable[..., str] | None = context.get("toctree")
    az = app.config.pmterm_az_docname
    if toctree is None or not az or not app.config.pmterm_sidebar_hides_terms:
        return
    if app.builder not in _state:
        _state[app.builder] = (_tree(app.env), {})
    tree, rendered = _state[app.builder]
    depth = tree.depth.get(az)
    if not depth:
        return
    shown = tuple(d for d in tree.ancestors(pagename) if tree.depth.get(d, depth + 1) <= depth)
    # A page in the sidebar is drawn as the current page; one below the cap (a term)
    # is not, though its visible ancestors are the same.
    drawn = bool(shown) and shown[0] == pagename
    place = app.builder.get_relative_uri(pagename, app.config.root_doc)

    def limited(**kwargs: Any) -> str:
        wanted = int(kwargs.get("maxdepth", -1) or -1)
        kwargs["maxdepth"] = depth if wanted < 1 else min(wanted, depth)
        # Pages with the same visible ancestors at the same place get the same HTML.
        key = (shown, drawn, place, tuple(sorted(kwargs.items())))
        if key not in rendered:
            with _swapped(app.env, _shallow_tocs(app.env, tree, depth, pagename)):
                rendered[key] = toctree(**kwargs)
        return rendered[key]

    context["toctree"] = limited
