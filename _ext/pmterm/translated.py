"""Records from the page as readers get it: after Sphinx's i18n transform.

The ``pmterm`` directive writes its record while the page is parsed, before
Sphinx's ``Locale`` transform replaces each translatable title, paragraph and
phrase with its translation from the project's catalogs (``language`` and
``locale_dirs``). This transform runs right after that one and takes the text of
every record from the page as it now stands: the term's name and aliases, its
definition and summary, its parts, related notes and FAQs, the index entries, and
a generated category page's name and description. Previews, meta tags, JSON-LD,
lists and ``glossary.json`` therefore show what the page shows. The name and
aliases as written stay linkable (``Term.source_names``), so ``{term}`` references
to either spelling resolve.

It runs on every build, translated or not, so records always describe the final
page; without a translation it finds the text the directive recorded.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .directives import _blocks, _text
from .domain import pmterm_domain
from .names import clean
from .placement import is_term_section
from .records import Faq, Related, Term
from .summary import first_sentence

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class TranslatedRecords(SphinxTransform):
    """Refresh the page's records from its (translated) doctree."""

    #: After ``Locale`` (20) and its follow-ups (25); before domains collect (850).
    default_priority = 30

    def apply(self, **kwargs: Any) -> None:
        domain = pmterm_domain(self.env)
        docname = self.env.docname
        for section in self.document.findall(nodes.section):
            if "pmterm-category-page" in section["classes"]:
                domain.category_texts[docname] = _category(section)
        terms = domain.terms.get(docname)
        if not terms:
            return
        sections = {
            s["ids"][0]: s for s in self.document.findall(nodes.section) if is_term_section(s)
        }
        for i, term in enumerate(terms):
            found = sections.get(term.node_id)
            if found is not None:
                terms[i] = _read(term, found)


def _category(section: nodes.section) -> tuple[str, str, str]:
    description = next(
        (
            p.astext()
            for p in section.findall(nodes.paragraph)
            if "pmterm-category-description" in p["classes"]
        ),
        "",
    )
    return (section["pmterm_category"], clean(section[0].astext()), description)


def _classed(node: nodes.Element, cls: str, kind: type[nodes.Element]) -> list[nodes.Element]:
    return [n for n in node.findall(kind) if cls in n["classes"]]


def _read(term: Term, section: nodes.section) -> Term:
    """*term* with the text its section shows."""
    parts: dict[str, nodes.section] = {}
    for child in section.children:
        if isinstance(child, nodes.section):
            parts.update((c, child) for c in child["classes"])
    name = clean(section[0].astext()) or term.name
    aliases = tuple(clean(n.astext()) for n in _classed(section, "pmterm-alias", nodes.inline))
    if len(aliases) != len(term.aliases):
        aliases = term.aliases  # never lose an alias to an odd translation
    definition = term.definition
    if "pmterm-definition" in parts:
        definition = "\n\n".join(
            n.astext() for n in parts["pmterm-definition"][1:] if isinstance(n, nodes.paragraph)
        )
    blocks = {
        kind: _blocks(parts[f"pmterm-{kind}"].children[1:]) if f"pmterm-{kind}" in parts else ()
        for kind in ("why", "practice", "pitfalls")
    }
    _update_index(section, name, aliases)
    source_names = term.source_names or term.names
    return dataclasses.replace(
        term,
        name=name,
        aliases=aliases,
        summary=first_sentence(definition),
        definition=definition,
        why=blocks["why"],
        practice=blocks["practice"],
        pitfalls=blocks["pitfalls"],
        related=tuple(_related(r, section) for r in term.related),
        faqs=_faqs(term.faqs, parts.get("pmterm-faqs")),
        source_names=() if source_names == (name, *aliases) else source_names,
    )


def _related(record: Related, section: nodes.section) -> Related:
    item = next((i for i in section.findall(nodes.list_item) if record.anchor in i["ids"]), None)
    if item is None:
        return record
    notes = _classed(item, "pmterm-related-note", nodes.inline)
    rest = item.children[1:]
    note = "\n\n".join([notes[0].astext(), *(n.astext() for n in rest)]) if notes else _text(rest)
    return dataclasses.replace(record, note=note.strip())


def _faqs(records: tuple[Faq, ...], part: nodes.section | None) -> tuple[Faq, ...]:
    if part is None:
        return records
    boxes = _classed(part, "pmterm-faq", nodes.container)
    if len(boxes) != len(records):
        return records
    return tuple(
        Faq(question=box[0].astext(), answer=_text(list(box[1].children))) for box in boxes
    )


def _update_index(section: nodes.section, name: str, aliases: tuple[str, ...]) -> None:
    """The general index (and so the search) lists the names the page shows."""
    for index in section.children:
        if isinstance(index, addnodes.index) and index["entries"]:
            target = index["entries"][0][2]
            index["entries"] = [("single", name, target, "main", None)] + [
                ("single", alias, target, "", None) for alias in aliases
            ]
            return


def register(app: Sphinx) -> None:
    app.add_transform(TranslatedRecords)
