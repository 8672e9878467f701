"""The authoring format: ``pmterm`` and the parts nested in it.

A term is one ``pmterm`` directive. Paragraphs written directly in it are the
definition; the other parts are nested directives, so each part's body is plain
MyST (links, lists, emphasis, ``{term}`` references)::

    ::::{pmterm} Head of Product
    :category: career-growth
    :aliases: Head of Product Management

    Definition paragraphs...

    :::{why}
    :::
    :::{practice}
    :::
    :::{pitfalls}
    :::
    :::{related} Chief Product Officer
    One-line note.
    :::
    :::{faq} A question readers ask?
    The answer.
    :::
    ::::
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import docname_join
from sphinx.util.docutils import SphinxDirective
from sphinx.util.matching import patfilter
from sphinx.util.nodes import make_id

from .config import categories, category_docname
from .domain import pmterm_domain
from .home import card_grid
from .labels import N_, _
from .names import clean, name_key
from .nodes import pmterm_backlinks, pmterm_index, pmterm_map, pmterm_pager, pmterm_part
from .records import Faq, Related, Term
from .summary import first_sentence
from .termnav import breadcrumb
from .warnings import Subtype, warn

#: Parts that appear once, in this order, each under its own heading.
#: Headings are marked here and translated where shown (see :mod:`pmterm.labels`).
SECTION_PARTS: dict[str, str] = {
    "why": N_("Why it matters"),
    "practice": N_("How it works in practice"),
    "pitfalls": N_("Common pitfalls"),
}
RELATED_TITLE = N_("Related terms")
FAQ_TITLE = N_("Frequently asked questions")
DEFINITION_TITLE = N_("Definition")
BACKLINKS_TITLE = N_("Linked from")
MAP_TITLE = N_("How it connects")
AZ_TITLE = N_("A to Z")


def split_aliases(value: str | None) -> list[str]:
    return [a for a in (clean(part) for part in (value or "").split(",")) if a]


class PmTermDirective(SphinxDirective):
    """Define one glossary term: a titled section with its parts, registered as a ``term``."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "category": directives.unchanged,
        "aliases": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        name = clean(self.arguments[0]) if self.arguments else ""
        if not re.search(r"\w", name):
            warn(
                Subtype.MISSING_NAME,
                "pmterm directive without a term name; its content is shown as an unnamed term",
                location,
            )
            content = self.parse_content_to_nodes()
            section = nodes.section("", nodes.title("", _("Unnamed term")), *content)
            section["ids"].append(make_id(self.env, self.state.document, "", "unnamed-term"))
            return [section]

        for long_name in (
            n for n in (name, *split_aliases(self.options.get("aliases"))) if len(n) > 100
        ):
            warn(
                Subtype.LONG_NAME,
                f'name "{long_name[:40]}…" is {len(long_name)} characters long',
                location,
            )
        for option in self._repeated_options():
            warn(Subtype.BAD_OPTION, f'option ":{option}:" of term "{name}" given twice', location)
        for option, value in self.options.items():
            if option == "aliases" and not split_aliases(value):
                warn(
                    Subtype.BAD_OPTION,
                    f'empty ":{option}:" of term "{name}"; remove it or list aliases',
                    location,
                )
        category = self._category(name)
        aliases = self._aliases(name)

        parts = self._collect_parts(name, self.parse_content_to_nodes())

        definition_nodes = parts.pop("definition")
        definition_text = "\n\n".join(
            n.astext() for n in definition_nodes if isinstance(n, nodes.paragraph)
        )
        if not definition_text.strip():
            warn(Subtype.MISSING_DEFINITION, f'term "{name}" has no definition paragraph', location)

        term_id = make_id(self.env, self.state.document, "term", name)
        heading = nodes.title(name, name)
        self.set_source_info(heading)  # a translatable message of the project's catalog
        section = nodes.section("", heading, ids=[term_id], classes=["pmterm"])
        self.set_source_info(section)
        self.state.document.note_explicit_target(section)
        section += addnodes.index(
            entries=[("single", name, term_id, "main", None)]
            + [("single", alias, term_id, "", None) for alias in aliases]
        )
        section += self._meta_line(category, aliases)
        section += self._part_section(DEFINITION_TITLE, definition_nodes, "pmterm-definition")
        for kind, title in SECTION_PARTS.items():
            if parts[kind]:
                section += self._part_section(title, parts[kind], f"pmterm-{kind}")

        related_list, related = self._related(name, aliases, parts["related"])
        if related_list is not None:
            section += self._part_section(RELATED_TITLE, [related_list], "pmterm-related")
        faq_nodes, faqs = self._faqs(parts["faq"])
        if faq_nodes:
            section += self._part_section(FAQ_TITLE, faq_nodes, "pmterm-faqs")
        diagram = pmterm_map(term_id=term_id, docname=self.env.docname)
        # Drawn from other pages, so left out of the search index (Sphinx's
        # "no-search" class): a search for a term should not find every page that
        # merely lists it.
        section += self._part_section(MAP_TITLE, [diagram], "pmterm-map-part", "no-search")
        placeholder = pmterm_backlinks(term_id=term_id, docname=self.env.docname)
        section += self._part_section(
            BACKLINKS_TITLE, [placeholder], "pmterm-backlinks", "no-search"
        )
        section += pmterm_pager(term_id=term_id, docname=self.env.docname)
        section += self._back_link()

        pmterm_domain(self.env).add_term(
            Term(
                name=name,
                docname=self.env.docname,
                lineno=self.lineno,
                node_id=term_id,
                category=category,
                aliases=tuple(aliases),
                summary=first_sentence(definition_text),
                definition=definition_text,
                why=_blocks(parts["why"]),
                practice=_blocks(parts["practice"]),
                pitfalls=_blocks(parts["pitfalls"]),
                related=tuple(related),
                faqs=tuple(faqs),
            )
        )
        if category is None:
            return [section]
        where = categories(self.config)[category]
        return [breadcrumb(self, where, category_docname(self.config, category)), section]

    @property
    def _page(self) -> str:
        """The page's name as an id prefix (``north-star-metric``)."""
        return nodes.make_id(self.env.docname.rpartition("/")[2]) or "term"

    # -- options ---------------------------------------------------------------

    def _repeated_options(self) -> list[str]:
        """Options written more than once (the parser silently keeps only one)."""
        names: list[str] = []
        for line in self.block_text.splitlines()[1:]:
            match = re.match(r"\s*:([\w-]+):", line)
            if not match:
                break
            names.append(match[1])
        return sorted({n for n in names if names.count(n) > 1})

    def _category(self, name: str) -> str | None:
        value = (self.options.get("category") or "").strip()
        if not value:
            warn(
                Subtype.MISSING_CATEGORY, f'term "{name}" has no ":category:"', self.get_location()
            )
            return None
        known = categories(self.config)
        if value not in known:
            warn(
                Subtype.UNKNOWN_CATEGORY,
                f'term "{name}" has unknown category "{value}" (known: {", ".join(sorted(known))})',
                self.get_location(),
            )
            return None
        return value

    def _aliases(self, name: str) -> list[str]:
        aliases: list[str] = []
        seen = {name_key(name)}
        for alias in split_aliases(self.options.get("aliases")):
            if name_key(alias) in seen:
                warn(
                    Subtype.DUPLICATE_TERM,
                    f'alias "{alias}" of "{name}" repeats the term\'s name or another alias',
                    self.get_location(),
                )
                continue
            seen.add(name_key(alias))
            aliases.append(alias)
        return aliases

    # -- parts -----------------------------------------------------------------

    def _collect_parts(self, name: str, body: list[nodes.Node]) -> dict[str, list[Any]]:
        parts: dict[str, list[Any]] = {"definition": [], "related": [], "faq": []}
        parts.update({kind: [] for kind in SECTION_PARTS})
        for node in body:
            if not isinstance(node, pmterm_part):
                parts["definition"].append(node)  # parts nested deeper: see placement
                continue
            kind = node["kind"]
            if kind in SECTION_PARTS:
                if parts[kind]:
                    warn(Subtype.DUPLICATE_PART, f'term "{name}" has a second "{kind}" part', node)
                parts[kind].extend(node.children)
            else:
                parts[kind].append(node)
        return parts

    def _part_section(self, title: str, content: list[nodes.Node], *classes: str) -> nodes.section:
        # Prefixed with the page, so ids stay unique when a builder joins every page
        # into one document (single page HTML).
        section_id = make_id(self.env, self.state.document, self._page, title.lower())
        shown = _(title)
        section = nodes.section(
            "", nodes.title(shown, shown), *content, ids=[section_id], classes=list(classes)
        )
        self.state.document.note_explicit_target(section)
        return section

    def _related(
        self, name: str, aliases: list[str], entries: list[pmterm_part]
    ) -> tuple[nodes.bullet_list | None, list[Related]]:
        own = {name_key(n) for n in (name, *aliases)}
        items = nodes.bullet_list(classes=["pmterm-related-list"])
        records: list[Related] = []
        for entry in entries:
            target = entry["argument"]
            if not target or not entry.children:
                warn(
                    Subtype.INCOMPLETE_RELATED,
                    f'related entry of "{name}" needs a term name and a one-line note',
                    entry,
                )
                if not target:
                    continue
            if name_key(target) in own:
                warn(Subtype.SELF_RELATED, f'term "{name}" lists itself as related', entry)
                continue
            xref = addnodes.pending_xref(
                "",
                nodes.inline(target, target, classes=["xref", "pmterm-related-term"]),
                refdomain="pmterm",
                reftype="related",
                reftarget=target,
                refdoc=self.env.docname,
                refexplicit=False,
            )
            para = nodes.paragraph("", "", xref)
            # The note's line, so anything reported about its text is located.
            para.source, para.line = entry.source, (entry.children or [entry])[0].line
            note = _inline_children(entry.children)
            if note:
                para += nodes.Text(" — ")
                raw = getattr(entry.children[0], "rawsource", "")
                phrase = _translatable(nodes.inline(raw, "", *note), entry.children[0])
                para += nodes.inline("", "", phrase, classes=["pmterm-related-note"])
            anchor = make_id(self.env, self.state.document, f"related-{self._page}", target)
            item = nodes.list_item("", para, ids=[anchor])
            item.extend(entry.children[1:] if note else entry.children)
            items += item
            records.append(
                Related(
                    target=target,
                    note=_text(entry.children),
                    lineno=entry.line or self.lineno,
                    anchor=anchor,
                )
            )
        return (items if records else None), records

    def _faqs(self, entries: list[pmterm_part]) -> tuple[list[nodes.Node], list[Faq]]:
        out: list[nodes.Node] = []
        records: list[Faq] = []
        for entry in entries:
            question = entry["argument"]
            if not question or not entry.children:
                warn(
                    Subtype.INCOMPLETE_FAQ,
                    "FAQ needs a question after the directive name and an answer as its body",
                    entry,
                )
                continue
            inline, messages = self.parse_inline(question, lineno=entry.line or self.lineno)
            strong = _translatable(nodes.strong(question, "", *inline), entry)
            # A question is a line of text with inline markup, never raw HTML: it
            # also lands in JSON-LD and previews, where markup would be a hazard.
            for raw in list(strong.findall(nodes.raw)):
                raw.replace_self(nodes.Text(raw.astext()))
            heading = nodes.paragraph("", "", strong, classes=["pmterm-faq-question"])
            answer = nodes.container("", *entry.children, classes=["pmterm-faq-answer"])
            out.append(nodes.container("", heading, answer, *messages, classes=["pmterm-faq"]))
            records.append(Faq(question=heading.astext(), answer=_text(entry.children)))
        return out, records

    def _meta_line(self, category: str | None, aliases: list[str]) -> nodes.paragraph:
        para = nodes.paragraph(classes=["pmterm-meta"])
        if category:
            cat = categories(self.config)[category]
            para += nodes.inline("", _("Category:") + " ", classes=["pmterm-label"])
            # Not explicit: the link shows the category page's title, which is the
            # category's name, translated with that page in a translated build.
            para += nodes.inline(
                "",
                "",
                addnodes.pending_xref(
                    "",
                    nodes.inline(cat.name, cat.name),
                    refdomain="std",
                    reftype="doc",
                    reftarget="/" + category_docname(self.config, category),
                    refdoc=self.env.docname,
                    refexplicit=False,
                ),
                classes=["pmterm-category"],
            )
        if aliases:
            if category:
                para += nodes.Text(" · ")
            para += nodes.inline("", _("Also known as:") + " ", classes=["pmterm-label"])
            for i, alias in enumerate(aliases):
                if i:
                    para += nodes.Text(", ")
                phrase = nodes.inline(alias, alias)
                self.set_source_info(phrase)
                para += nodes.inline(
                    "", "", _translatable(phrase, phrase), classes=["pmterm-alias"]
                )
        return para

    def _back_link(self) -> nodes.paragraph:
        text = _("Back to the glossary")
        return nodes.paragraph(
            "",
            "",
            addnodes.pending_xref(
                "",
                nodes.inline(text, text),
                refdomain="std",
                reftype="doc",
                reftarget="/" + self.config.root_doc,
                refdoc=self.env.docname,
                refexplicit=True,
            ),
            classes=["pmterm-back"],
        )


class PartDirective(SphinxDirective):
    """A part of a term; its body is MyST. Its argument is the related term or the question."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        """A part node for the enclosing term to take; ``placement`` warns if none does."""
        kind = self.name.split(":")[-1]
        argument = clean(self.arguments[0]) if self.arguments else ""
        part = pmterm_part("", *self.parse_content_to_nodes(), kind=kind, argument=argument)
        self.set_source_info(part)
        return [part]


class _IndexDirective(SphinxDirective):
    """A directive whose output is a list filled late from every page's terms."""

    def index(self, kind: str) -> pmterm_index:
        pmterm_domain(self.env).add_index(self.env.docname, kind)
        return pmterm_index(kind=kind, docname=self.env.docname)

    def titled_section(self, title: str, shown: str | None = None) -> nodes.section:
        """The page's title section, for directives that make a whole generated page.

        Its id comes from *title*; *shown* (a translated label) is what readers see."""
        shown = title if shown is None else shown
        section = nodes.section(
            "", nodes.title(shown, shown), ids=[make_id(self.env, self.state.document, "", title)]
        )
        self.state.document.note_explicit_target(section)
        return section


class CategoryDirective(_IndexDirective):
    """The body of a generated category page: its title, description and term list."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        slug = self.arguments[0]
        category = categories(self.config).get(slug)
        if category is None:
            warn(
                Subtype.UNKNOWN_CATEGORY,
                f'no category "{slug}" in pmterm_categories',
                self.get_location(),
            )
            return []
        section = self.titled_section(category.name)
        # The name and description are the project's text: translatable messages of the
        # page, which pmterm.translated reads back for every list that shows them.
        section["classes"].append("pmterm-category-page")
        section["pmterm_category"] = slug
        self.set_source_info(section[0])
        if category.description:
            description = nodes.paragraph(
                category.description,
                category.description,
                classes=["pmterm-category-description"],
            )
            self.set_source_info(description)
            section += description
        section += self.index(f"category:{slug}")
        return [section]


class AzDirective(_IndexDirective):
    """The body of the generated A to Z page: every term and alias by initial, and a
    hidden toctree of every page in its folder.

    The toctree makes term pages part of the document, so every builder includes
    them (a PDF, an EPUB or the single page HTML holds them in alphabetical order,
    like a printed glossary). It is a globbed toctree, so Sphinx itself re-reads this
    page when pages are added or removed."""

    def run(self) -> list[nodes.Node]:
        section = self.titled_section(AZ_TITLE, _(AZ_TITLE))
        for title in section.findall(nodes.title):  # the extension's label, not the project's
            title["translatable"] = False
        section += self.index("az")
        docname = self.env.docname
        pages = sorted(patfilter(self.env.found_docs - {docname}, docname_join(docname, "*")))
        toctree = addnodes.toctree(
            parent=docname,
            entries=[(None, page) for page in pages],
            includefiles=pages,
            maxdepth=-1,
            caption=None,
            glob=True,
            hidden=True,
            includehidden=False,
            numbered=0,
            titlesonly=False,
        )
        self.set_source_info(toctree)
        section += nodes.compound("", toctree, classes=["toctree-wrapper"])
        return [section]


class CategoriesDirective(_IndexDirective):
    """The glossary home's way in: categories with descriptions and counts, and the
    (hidden) toctree of the generated pages, in the order ``conf.py`` declares them.
    ``:caption:`` heads that toctree in the navigation, like a toctree's own."""

    option_spec: ClassVar[dict[str, Any]] = {"caption": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        docnames = [category_docname(self.config, c["slug"]) for c in self.config.pmterm_categories]
        if self.config.pmterm_az_docname:
            docnames.append(self.config.pmterm_az_docname)
        docnames = [d for d in docnames if d != self.env.docname]
        # Sphinx writes a caption as role="heading" without aria-level; the
        # navigation gets one from pmterm.captions.
        caption = self.options.get("caption")
        toctree = addnodes.toctree(
            parent=self.env.docname,
            entries=[(None, d) for d in docnames],
            includefiles=docnames,
            maxdepth=1,
            glob=False,
            hidden=True,
            includehidden=False,
            numbered=0,
            titlesonly=True,
        )
        if caption:
            toctree["caption"] = caption
            toctree["rawcaption"] = caption
        self.set_source_info(toctree)
        wrapper = nodes.compound("", toctree, classes=["toctree-wrapper"])
        placeholder = self.index("categories")
        cards = [
            (c.slug, c.name, c.description, category_docname(self.config, c.slug))
            for c in categories(self.config).values()
        ]
        placeholder.extend(card_grid(self, cards))  # HTML shows these cards, if made
        return [placeholder, wrapper]


class AzBarDirective(_IndexDirective):
    """A compact bar of the A to Z page's letters, for the home page (HTML only)."""

    def run(self) -> list[nodes.Node]:
        return [self.index("az-bar")]


class WarningsDirective(SphinxDirective):
    """Document every warning subtype from :class:`Subtype`, so the guide cannot drift."""

    def run(self) -> list[nodes.Node]:
        dl = nodes.definition_list(classes=["pmterm-warnings"])
        for subtype in Subtype:
            code = f"pmterm.{subtype.subtype}"
            advice, messages = self.parse_inline(subtype.advice, lineno=self.lineno)
            dl += nodes.definition_list_item(
                "",
                nodes.term("", "", nodes.literal(code, code)),
                nodes.definition("", nodes.paragraph("", "", *advice), *messages),
            )
        return [dl]


def _translatable(node: nodes.Element, origin: nodes.Node) -> nodes.Element:
    """Mark an inline phrase as a message of the project's catalog (``-b gettext``
    extracts it; a translated build replaces it), located where *origin* is.

    Sphinx unwraps translatable ``inline`` nodes after reading, so a class that must
    reach the page goes on an enclosing node."""
    node["translatable"] = True
    node.source, node.line = origin.source, origin.line
    return node


def _inline_children(body: list[nodes.Node]) -> list[nodes.Node]:
    """The note's first paragraph as inline nodes, to sit on the related entry's line."""
    if body and isinstance(body[0], nodes.paragraph):
        return list(body[0].children)
    return []


def _blocks(body: list[nodes.Node]) -> tuple[str, ...]:
    """A part as plain-text blocks: each list item, or each paragraph, on its own."""
    blocks: list[str] = []
    for node in body:
        if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            blocks.extend(" ".join(item.astext().split()) for item in node.children)
        elif isinstance(node, nodes.Element) and node.astext().strip():
            blocks.append(" ".join(node.astext().split()))
    return tuple(blocks)


def _text(body: list[nodes.Node]) -> str:
    return "\n\n".join(n.astext() for n in body).strip()
