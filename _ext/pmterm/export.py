"""``glossary.json``: the whole glossary as data, written next to the HTML pages.

The shape is described by ``glossary.schema.json`` (shipped beside this module and
shown in the site). Terms are sorted by name and every list has a fixed order, so
two builds of the same sources write byte-identical files; the file is only
rewritten when its content changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain import glossary
from .sorting import reading_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .model import Glossary, Link
    from .records import Term

SCHEMA = Path(__file__).parent / "glossary.schema.json"
FORMAT_VERSION = 1
HTML_BUILDERS = ("html", "dirhtml")


def _url(builder: Builder, docname: str, anchor: str = "") -> str:
    uri = builder.get_target_uri(docname)
    return f"{uri}#{anchor}" if anchor else uri


def term_data(app: Sphinx, model: Glossary, record: Term) -> dict[str, Any]:
    builder = app.builder
    related = []
    for entry in record.related:
        target = model.lookup(entry.target)
        related.append(
            {
                "name": target.name if target else entry.target,
                "url": _url(builder, target.docname, target.node_id) if target else None,
                "note": entry.note,
            }
        )
    links = model.backlinks_of(record)

    def linked(group: tuple[Link, ...]) -> list[dict[str, str]]:
        return [
            {
                "name": b.label,
                "url": _url(builder, b.docname, b.anchor),
                **({"note": b.note} if b.note else {}),
            }
            for b in group
        ]

    category = model.categories.get(record.category or "")
    return {
        "name": record.name,
        "slug": record.docname.rpartition("/")[2],
        "url": _url(builder, record.docname, record.node_id),
        "category": {"slug": category.slug, "name": category.name} if category else None,
        "aliases": list(record.aliases),
        "summary": record.summary,
        "definition": record.definition,
        "why": list(record.why),
        "practice": list(record.practice),
        "pitfalls": list(record.pitfalls),
        "related": related,
        "backlinks": {
            "related": linked(links.related),
            "terms": linked(links.terms),
            "pages": linked(links.pages),
        },
        "faqs": [{"question": f.question, "answer": f.answer} for f in record.faqs],
    }


def glossary_data(app: Sphinx) -> dict[str, Any]:
    model = glossary(app.env)
    aliases = sorted(
        ((shown, t.name) for shown, t in model.owned_names() if shown != t.name),
        key=lambda pair: reading_order(pair[0]),
    )
    return {
        "version": FORMAT_VERSION,
        "project": app.config.project,
        "categories": [
            {
                "slug": c.slug,
                "name": c.name,
                "description": c.description,
                "terms": [t.name for t in model.in_category(c.slug)],
            }
            for c in model.categories.values()
        ],
        "terms": [term_data(app, model, t) for t in model.owned],
        "aliases": dict(aliases),
    }


def write_glossary_json(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write ``glossary.json`` for HTML builds, if it changed."""
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    write_json(Path(app.outdir, "glossary.json"), glossary_data(app))


def write_json(path: Path, data: object) -> None:
    """*data* as indented JSON at *path*, written only if it changed (so an unchanged
    build leaves the file's time alone)."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
