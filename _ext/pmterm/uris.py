"""Links between documents, with each page-to-page address computed once per build.

A glossary page links to the same few pages many times (related terms, backlinks,
previews), and the A to Z links to every term. Sphinx's ``make_refnode`` asks the
builder for a relative URI on every call, and that quoting work showed up as the
largest cost of the extension's own code in profiles. :func:`refnode` builds the
same node, from a cached address per (from, to) pair and builder.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.builders import Builder

_cache: weakref.WeakKeyDictionary[Builder, dict[tuple[str, str], str]] = weakref.WeakKeyDictionary()


def relative_uri(builder: Builder, fromdoc: str, todoc: str) -> str:
    """``builder.get_relative_uri``, remembered (raises ``NoUri`` like it)."""
    known = _cache.setdefault(builder, {})
    key = (fromdoc, todoc)
    if key not in known:
        known[key] = builder.get_relative_uri(fromdoc, todoc)
    return known[key]


def refnode(
    builder: Builder, fromdoc: str, todoc: str, anchor: str, child: nodes.Node
) -> nodes.reference:
    """What ``sphinx.util.nodes.make_refnode`` returns, with a cached address."""
    node = nodes.reference("", "", internal=True)
    if fromdoc == todoc and anchor:
        node["refid"] = anchor
    else:
        uri = relative_uri(builder, fromdoc, todoc)
        node["refuri"] = f"{uri}#{anchor}" if anchor else uri
    node += child
    return node
