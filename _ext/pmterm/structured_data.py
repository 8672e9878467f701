"""What search engines and link previews read: JSON-LD, meta description, Open Graph.

Term pages get a schema.org ``DefinedTerm`` and, if they have FAQs, an ``FAQPage``;
the glossary home gets the ``DefinedTermSet``. Every page with a term gets a meta
description from its summary and the usual social preview tags. Values are
escaped for where they land: JSON inside ``<script>`` has ``<``, ``>`` and ``&``
written as ``\\u`` escapes (so ``</script>`` in a term cannot end the script), and
attribute values are HTML-escaped.
"""

from __future__ import annotations

import html
import posixpath
from typing import TYPE_CHECKING, Any

from .domain import glossary
from .scriptdata import script_safe_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .records import Term

SCHEMA_ORG = "https://schema.org"
PAGE_BUILDERS = ("html", "dirhtml")


def script_json(data: Any) -> str:
    """A JSON-LD ``<script>`` element."""
    return f'<script type="application/ld+json">{script_safe_json(data)}</script>'


def meta(attribute: str, key: str, value: str) -> str:
    return f'<meta {attribute}="{key}" content="{html.escape(value, quote=True)}">'


def page_url(app: Sphinx, pagename: str, docname: str, anchor: str = "") -> str:
    """Absolute when ``html_baseurl`` is set (as Read the Docs builds should), else relative."""
    builder: Builder = app.builder
    base = app.config.html_baseurl
    uri = builder.get_target_uri(docname) if base else builder.get_relative_uri(pagename, docname)
    if base:
        uri = base.rstrip("/") + "/" + uri
    elif not uri:  # the page itself: its own file name, never an empty address
        uri = posixpath.basename(builder.get_target_uri(docname)) or "./"
    return f"{uri}#{anchor}" if anchor else uri


def defined_term_set(app: Sphinx, pagename: str) -> dict[str, Any]:
    return {
        "@type": "DefinedTermSet",
        "name": app.config.project,
        "url": page_url(app, pagename, app.config.root_doc),
    }


def term_json(app: Sphinx, pagename: str, record: Term) -> list[dict[str, Any]]:
    term: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "DefinedTerm",
        "name": record.name,
        "description": record.summary,
        "url": page_url(app, pagename, record.docname, record.node_id),
        "inDefinedTermSet": defined_term_set(app, pagename),
    }
    if record.aliases:
        term["alternateName"] = list(record.aliases)
    found = [term]
    if record.faqs:
        found.append(
            {
                "@context": SCHEMA_ORG,
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": faq.question,
                        "acceptedAnswer": {"@type": "Answer", "text": faq.answer},
                    }
                    for faq in record.faqs
                ],
            }
        )
    return found


def add_structured_data(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: add JSON-LD and meta tags to term pages and the home page."""
    # Only for builders whose pages are web pages at their own address: EPUB wants
    # XHTML and has no URLs, and a single page has no page per term.
    if doctree is None or app.builder.name not in PAGE_BUILDERS:
        return
    model = glossary(app.env)
    tags: list[str] = []
    records = model.on_page(pagename)
    home_page = pagename == app.config.root_doc
    if records and not home_page:
        record = records[0]
        tags.append(meta("name", "description", record.summary or record.name))
        tags.append(meta("property", "og:title", record.name))
        tags.append(meta("property", "og:description", record.summary))
        tags.append(meta("property", "og:type", "article"))
    # Terms may sit on any page, the home page included: each gets its JSON-LD.
    tags.extend(script_json(data) for r in records for data in term_json(app, pagename, r))
    if home_page:
        home = {"@context": SCHEMA_ORG, **defined_term_set(app, pagename)}
        home["hasDefinedTerm"] = [
            {
                "@type": "DefinedTerm",
                "name": t.name,
                "url": page_url(app, pagename, t.docname, t.node_id),
            }
            for t in model.owned
        ]
        tags.append(meta("property", "og:title", app.config.project))
        tags.append(script_json(home))
    elif not records:
        return
    tags.append(meta("property", "og:site_name", app.config.project))
    tags.append(meta("name", "twitter:card", "summary"))
    if app.config.html_baseurl:
        tags.append(meta("property", "og:url", page_url(app, pagename, pagename)))
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"
