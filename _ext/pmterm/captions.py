"""Toctree captions that assistive technology can place: headings with a level.

A toctree caption (``:caption: About this site``) is how a Sphinx site groups its
navigation, and the glossary uses one to put the pages about the site after the
glossary. Sphinx writes the caption as ``<p class="caption" role="heading">``
without ``aria-level``, which ARIA requires of a heading (axe reports it as a
serious violation). Before the theme draws its sidebar from the template's
``toctree()`` (``html-page-context``, like :mod:`pmterm.navigation`), each caption
it returns is given ``aria-level="2"``: captions sit directly under the site's
title in every theme's sidebar.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

#: Run before themes (default priority 500) read ``toctree`` from the context.
PRIORITY = 450

#: The opening tag Sphinx's HTML writer gives a toctree caption.
_CAPTION = re.compile(r'(<p class="caption" role="heading")(?![^>]*aria-level)')


def level_captions(html: str) -> str:
    """*html* with every toctree caption given ``aria-level="2"``."""
    return _CAPTION.sub(r'\1 aria-level="2"', html)


def add_caption_levels(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: wrap the template's ``toctree()`` so captions get a level."""
    toctree: Callable[..., str] | None = context.get("toctree")
    if toctree is None:
        return

    def levelled(**kwargs: Any) -> str:
        return level_captions(toctree(**kwargs))

    context["toctree"] = levelled
