"""Keep the HTML sidebar short: term pages are in the document, not in the sidebar.

Term pages sit in the A to Z page's toctree, so every builder includes them. Themes
such as furo draw the whole toctree on every page, which at a thousand terms would
put a thousand links on each page. Before the theme asks for it (``html-page-context``
at a priority below the default), the template's ``toctree()`` is limited to the
depth of the A to Z page: its entry shows, its hundreds of children do not. Readers
reach terms through the category pages, the A to Z and the search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Run before themes (default priority 500) read ``toctree`` from the context.
PRIORITY = 400


def _depth(env: BuildEnvironment, docname: str) -> int | None:
    """How many toctree levels below the root document *docname* is (None if absent)."""
    level = {env.config.root_doc: 0}
    queue = [env.config.root_doc]
    while queue:
        parent = queue.pop(0)
        for child in env.toctree_includes.get(parent, ()):
            if child not in level:
                level[child] = level[parent] + 1
                queue.append(child)
    return level.get(docname)


def limit_sidebar(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: cap the template's ``toctree()`` above the term pages."""
    toctree: Callable[..., str] | None = context.get("toctree")
    az = app.config.pmterm_az_docname
    if toctree is None or not az or not app.config.pmterm_sidebar_hides_terms:
        return
    depth = _depth(app.env, az)
    if depth is None or depth == 0:
        return

    def limited(**kwargs: Any) -> str:
        wanted = int(kwargs.get("maxdepth", -1) or -1)
        kwargs["maxdepth"] = depth if wanted < 1 else min(wanted, depth)
        return toctree(**kwargs)

    context["toctree"] = limited
