"""The glossary as one read-only model, built once per build after reading.

The domain stores what each document says (:mod:`pmterm.records`). Everything
that depends on several documents is derived here, once, on ``env-updated``: who
owns each name, the owned terms in reading order, backlinks, the A to Z, category
lists, previews, unlinked mentions (:mod:`pmterm.mentions`) and the health figures
(:mod:`pmterm.health`). Every output (cross-references, rendering, previews, export,
structured data, incremental digests) reads this model; nothing else derives.

:meth:`Glossary.page_view` is everything one page shows from other pages. The
renderer draws from it and the incremental digest hashes it, so a field added to
a list line can never leave a page stale.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from . import health as _health
from . import mentions as _mentions
from .config import Category, categories
from .names import name_key
from .sorting import reading_order

if TYPE_CHECKING:
    from sphinx.config import Config

    from .records import Passage, Reference, Term

DIGITS = "0–9"


@dataclass(frozen=True)
class Preview:
    """What a link to a term shows on hover or focus."""

    name: str
    category: str  #: the category's name, or ""
    summary: str

    @property
    def title(self) -> str:
        """``Name (Category) — summary``: the native tooltip without JavaScript."""
        label = f"{self.name} ({self.category})" if self.category else self.name
        return f"{label} — {self.summary}" if self.summary else label


@dataclass(frozen=True)
class Link:
    """A link to a place on some page, with its label, note and (for terms) preview."""

    docname: str
    anchor: str
    label: str
    note: str = ""
    preview: Preview | None = None


@dataclass(frozen=True)
class Backlinks:
    """What points at one term, each group deduplicated and in reading order."""

    related: tuple[Link, ...] = ()
    terms: tuple[Link, ...] = ()
    pages: tuple[Link, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.related or self.terms or self.pages)


@dataclass(frozen=True)
class CategoryCount:
    """A category as the home page lists it."""

    category: Category
    docname: str
    count: int


@dataclass(frozen=True)
class AzEntry:
    """One name or alias in the A to Z."""

    shown: str
    link: Link
    alias_of: str = ""  #: the term's name when *shown* is an alias


@dataclass(frozen=True)
class AzGroup:
    key: str  #: "A" … "Z", "0–9", "#", or a letter of another script
    anchor: str
    entries: tuple[AzEntry, ...]  #: empty for a letter with no entry


@dataclass(frozen=True)
class Letter:
    """One letter of the compact A to Z bar: a link into the A to Z page, or None."""

    key: str
    link: Link | None


@dataclass(frozen=True)
class Neighbours:
    """A term's place in its category: the category's name and the terms either side."""

    category: str
    previous: Link | None
    next: Link | None


@dataclass(frozen=True)
class Neighbourhood:
    """What a term's diagram shows: its related terms and the terms that link to it.

    Each is a link to the term, with its preview. A related term that also links
    back is *mutual* and drawn once. At most :data:`MAP_LIMIT` of each kind are
    drawn, so a page does not grow with the glossary; ``more`` counts the rest."""

    name: str
    related: tuple[tuple[Link, bool], ...] = ()  #: (link, mutual)
    incoming: tuple[Link, ...] = ()
    more: int = 0


#: How many related terms, and how many terms linking here, a diagram draws.
MAP_LIMIT = 8


@dataclass(frozen=True)
class PageView:
    """Everything a page shows that comes from other pages.

    ``targets`` is where each name the page links to (related entries and
    ``{term}`` references) goes; ``backlinks`` and ``lists`` fill the page's
    placeholders. Rendering reads only this, and its digest decides rewrites.
    """

    targets: tuple[tuple[str, Link | None], ...] = ()
    backlinks: tuple[tuple[str, Backlinks], ...] = ()
    lists: tuple[tuple[str, object], ...] = ()
    neighbours: tuple[tuple[str, Neighbours], ...] = ()
    #: The category of each term on the page, as its link shows it (translated or not).
    categories: tuple[Category | None, ...] = ()
    maps: tuple[tuple[str, Neighbourhood], ...] = ()


@dataclass(frozen=True)
class Duplicate:
    """A name a definition tried to claim that an earlier one already owns."""

    loser: Term
    name: str
    owner: Term


@dataclass
class Glossary:
    """The whole glossary, derived once from the domain's per-document records."""

    terms: tuple[Term, ...]  #: every definition, in document order (docname, line)
    references: Mapping[str, tuple[Reference, ...]]  #: docname -> its references
    indexes: Mapping[str, tuple[str, ...]]  #: docname -> generated lists it holds
    page_titles: Mapping[str, str]
    categories: Mapping[str, Category]
    category_docnames: Mapping[str, str]
    prose: Mapping[str, tuple[Passage, ...]] = field(default_factory=dict)
    #: per page, the matcher's fingerprint and the names found in its prose (a memo
    #: kept on the environment; see :mod:`pmterm.mentions`)
    mention_hits: MutableMapping[str, tuple[str, tuple[_mentions.Hit, ...]]] = field(
        default_factory=dict
    )
    summary_limit: int = 160
    #: pages about the site (``pmterm_maintainer_pages``): never listed as backlinks
    maintainer_pages: frozenset[str] = frozenset()
    az_docname: str = ""  #: the A to Z page ("" for none)
    owners: dict[str, Term] = field(default_factory=dict)
    duplicates: list[Duplicate] = field(default_factory=list)

    def __post_init__(self) -> None:
        for term in self.terms:
            for spelled in term.link_names:
                owner = self.owners.setdefault(name_key(spelled), term)
                if owner is not term:
                    self.duplicates.append(Duplicate(term, spelled, owner))

    # -- names -----------------------------------------------------------------

    def lookup(self, name: str) -> Term | None:
        """The term that owns *name* (name or alias, compared by :func:`name_key`)."""
        return self.owners.get(name_key(name))

    def owns(self, term: Term) -> bool:
        return self.owners.get(name_key(term.name)) is term

    @cached_property
    def owned(self) -> tuple[Term, ...]:
        """Terms that own their name, in reading order: what lists and exports show."""
        return tuple(sorted((t for t in self.terms if self.owns(t)), key=_by_name))

    def owned_names(self) -> list[tuple[str, Term]]:
        """Every owned spelling (name or alias) with its term, sorted by key."""
        found: list[tuple[str, Term]] = []
        for term in self.owned:
            found.extend((s, term) for s in term.names if self.owners.get(name_key(s)) is term)
        return sorted(found, key=lambda e: (name_key(e[0]), e[0]))

    def owned_link_names(self) -> list[tuple[str, Term]]:
        """:meth:`owned_names` and the source's spellings of translated names: every
        spelling a ``{term}`` reference may use."""
        found: list[tuple[str, Term]] = []
        for term in self.owned:
            found.extend((s, term) for s in term.link_names if self.owners.get(name_key(s)) is term)
        return sorted(found, key=lambda e: (name_key(e[0]), e[0]))

    def shown_name(self, name: str) -> str:
        """*name* as the page shows it: the translation of a source spelling, else itself."""
        term = self.lookup(name)
        if term is None or not term.source_names:
            return name
        key = name_key(name)
        if any(name_key(n) == key for n in term.names):
            return name
        pairs = zip(term.source_names, term.names, strict=False)
        return next((shown for source, shown in pairs if name_key(source) == key), name)

    def term_at(self, docname: str, node_id: str) -> Term | None:
        return self._by_place.get((docname, node_id))

    @cached_property
    def _by_place(self) -> dict[tuple[str, str], Term]:
        return {(t.docname, t.node_id): t for t in self.terms}

    def on_page(self, docname: str) -> tuple[Term, ...]:
        return self._by_page.get(docname, ())

    @cached_property
    def _by_page(self) -> dict[str, tuple[Term, ...]]:
        pages: dict[str, list[Term]] = {}
        for term in self.terms:
            pages.setdefault(term.docname, []).append(term)
        return {d: tuple(ts) for d, ts in pages.items()}

    def in_category(self, slug: str) -> tuple[Term, ...]:
        return self._by_category.get(slug, ())

    @cached_property
    def _by_category(self) -> dict[str, tuple[Term, ...]]:
        found: dict[str, list[Term]] = {}
        for term in self.owned:
            if term.category:
                found.setdefault(term.category, []).append(term)
        return {slug: tuple(terms) for slug, terms in found.items()}

    @cached_property
    def neighbours(self) -> dict[tuple[str, str], Neighbours]:
        """Each owned term's previous and next in its category, in reading order."""
        found: dict[tuple[str, str], Neighbours] = {}
        for slug, terms in self._by_category.items():
            category = self.categories[slug].name if slug in self.categories else ""
            links = [self.link_to(t) for t in terms]
            for i, term in enumerate(terms):
                found[term.docname, term.node_id] = Neighbours(
                    category,
                    links[i - 1] if i else None,
                    links[i + 1] if i + 1 < len(links) else None,
                )
        return found

    # -- what links show --------------------------------------------------------

    def preview(self, term: Term) -> Preview:
        category = self.categories.get(term.category or "")
        return Preview(term.name, category.name if category else "", term.summary)

    def link_to(self, term: Term, label: str | None = None) -> Link:
        return Link(term.docname, term.node_id, label or term.name, preview=self.preview(term))

    def target(self, name: str) -> Link | None:
        """Where a reference or related entry naming *name* links, with its preview."""
        term = self.lookup(name)
        return None if term is None else self.link_to(term)

    # -- derived lists ----------------------------------------------------------

    @cached_property
    def backlinks(self) -> dict[tuple[str, str], Backlinks]:
        """Backlinks of every owned term, keyed by (docname, node id) of the term."""
        groups: dict[tuple[str, str], dict[str, list[Link]]] = {}
        seen: set[tuple[str, tuple[str, str], str]] = set()

        def add(kind: str, target: Term, link: Link, source: str) -> None:
            key = (target.docname, target.node_id)
            if (kind, key, source) in seen:
                return
            seen.add((kind, key, source))
            groups.setdefault(key, {}).setdefault(kind, []).append(link)

        for term in self.terms:
            for related in term.related:
                target = self.lookup(related.target)
                if target is not None and target is not term:
                    link = Link(
                        term.docname, related.anchor, term.name, related.note, self.preview(term)
                    )
                    add("related", target, link, term.docname + "#" + term.node_id)
        for docname in sorted(self.references.keys() - self.maintainer_pages):
            for ref in self.references[docname]:
                target = self.lookup(ref.target)
                if target is None:
                    continue
                source = self.term_at(docname, ref.from_term) if ref.from_term else None
                if source is target:
                    continue
                if source is not None:
                    link = Link(docname, ref.anchor, source.name, preview=self.preview(source))
                    add("terms", target, link, docname + "#" + source.node_id)
                else:
                    label = self.page_titles.get(docname, docname)
                    add("pages", target, Link(docname, ref.anchor, label), docname)

        def ordered(links: Iterable[Link]) -> tuple[Link, ...]:
            return tuple(sorted(links, key=lambda b: (*reading_order(b.label), b.docname)))

        return {
            key: Backlinks(
                ordered(kinds.get("related", ())),
                ordered(kinds.get("terms", ())),
                ordered(kinds.get("pages", ())),
            )
            for key, kinds in groups.items()
        }

    @cached_property
    def incoming(self) -> dict[tuple[str, str], tuple[Term, ...]]:
        """The terms that list or mention each term, in reading order (its backlinks
        that are terms, as terms rather than places)."""
        found: dict[tuple[str, str], dict[tuple[str, str], Term]] = {}

        def add(source: Term | None, target: Term | None) -> None:
            if source is not None and target is not None and source is not target:
                into = found.setdefault((target.docname, target.node_id), {})
                into[source.docname, source.node_id] = source

        for term in self.owned:
            for related in term.related:
                add(term, self.lookup(related.target))
        for docname, refs in self.references.items():
            for ref in refs:
                if ref.from_term:
                    source = self.term_at(docname, ref.from_term)
                    add(
                        source if source is not None and self.owns(source) else None,
                        self.lookup(ref.target),
                    )
        return {k: tuple(sorted(v.values(), key=_by_name)) for k, v in found.items()}

    def neighbourhood(self, term: Term) -> Neighbourhood:
        """What *term*'s diagram draws (see :class:`Neighbourhood`)."""
        linking = self.incoming.get((term.docname, term.node_id), ())
        related: list[Term] = []
        for entry in term.related:
            target = self.lookup(entry.target)
            if target is not None and target is not term and target not in related:
                related.append(target)
        others = [t for t in linking if t not in related]
        return Neighbourhood(
            term.name,
            tuple((self.link_to(t), t in linking) for t in related[:MAP_LIMIT]),
            tuple(self.link_to(t) for t in others[:MAP_LIMIT]),
            max(0, len(others) - MAP_LIMIT),
        )

    def backlinks_of(self, term: Term) -> Backlinks:
        return self.backlinks.get((term.docname, term.node_id), Backlinks())

    @cached_property
    def az(self) -> tuple[AzGroup, ...]:
        """Every owned name and alias by initial, with a group for every letter A to Z."""
        entries = sorted(
            (
                AzEntry(shown, self.link_to(term, shown), "" if shown == term.name else term.name)
                for shown, term in self.owned_names()
            ),
            key=lambda e: reading_order(e.shown),
        )
        groups: dict[str, list[AzEntry]] = {}
        for entry in entries:
            groups.setdefault(initial(entry.shown), []).append(entry)
        keys = sorted({*groups, *string.ascii_uppercase}, key=_group_order)
        return tuple(AzGroup(k, _group_id(k), tuple(groups.get(k, ()))) for k in keys)

    @cached_property
    def category_counts(self) -> tuple[CategoryCount, ...]:
        return tuple(
            CategoryCount(c, self.category_docnames[c.slug], len(self.in_category(c.slug)))
            for c in self.categories.values()
        )

    @cached_property
    def letters(self) -> tuple[Letter, ...]:
        """The A to Z's letters, each linking to its group on the A to Z page."""
        if not self.az_docname:
            return ()
        return tuple(
            Letter(g.key, Link(self.az_docname, g.anchor, g.key) if g.entries else None)
            for g in self.az
        )

    def category_links(self, slug: str) -> tuple[Link, ...]:
        return tuple(self.link_to(t) for t in self.in_category(slug))

    @cached_property
    def mentions(self) -> tuple[_mentions.Mention, ...]:
        """Every unlinked mention of a term, in document order."""
        return _mentions.find_unlinked(self, self.prose, self.mention_hits)

    @cached_property
    def health(self) -> _health.Health:
        """The glossary's figures for maintainers (the health page and its JSON)."""
        return _health.figures(self)

    # -- per page -----------------------------------------------------------------

    def list_content(self, kind: str) -> object:
        """The content of a generated list (``category:<slug>``, ``categories``, ``az``,
        ``health``, ``az-bar``)."""
        if kind == "health":
            return self.health
        if kind.startswith("category:"):
            return self.category_links(kind.partition(":")[2])
        if kind == "categories":
            return self.category_counts
        if kind == "az-bar":
            return self.letters
        return self.az

    def page_view(self, docname: str) -> PageView:
        names: list[str] = []
        backlinks = []
        neighbours = []
        maps = []
        for term in self.on_page(docname):
            if self.owns(term):
                maps.append((term.node_id, self.neighbourhood(term)))
            names.extend(r.target for r in term.related)
            backlinks.append((term.node_id, self.backlinks_of(term)))
            around = self.neighbours.get((term.docname, term.node_id))
            if around is not None:
                neighbours.append((term.node_id, around))
        names.extend(r.target for r in self.references.get(docname, ()))
        return PageView(
            targets=tuple((n, self.target(n)) for n in dict.fromkeys(names)),
            backlinks=tuple(backlinks),
            lists=tuple((k, self.list_content(k)) for k in self.indexes.get(docname, ())),
            neighbours=tuple(neighbours),
            categories=tuple(self.categories.get(t.category or "") for t in self.on_page(docname)),
            maps=tuple(maps),
        )


def _by_name(term: Term) -> tuple[str, str]:
    return reading_order(term.name)


def initial(name: str) -> str:
    """The A to Z group of a name: its first letter without accents, ``0–9`` for a
    digit, or the letter itself for other scripts."""
    first = next((ch for ch in name if ch.isalnum()), "")
    if not first:
        return "#"
    base = unicodedata.normalize("NFKD", first)[0].upper()
    if base.isdigit():
        return DIGITS
    return base if base in string.ascii_uppercase else first.upper()


def _group_order(key: str) -> tuple[int, str]:
    if key in (DIGITS, "#"):
        return (0, key)
    return (1 if key in string.ascii_uppercase else 2, key)


def _group_id(key: str) -> str:
    if key in string.ascii_uppercase:
        return f"az-{key.lower()}"
    return "az-digits" if key == DIGITS else f"az-u{ord(key[0]):04x}"


def build(
    terms: Mapping[str, list[Term]],
    references: Mapping[str, list[Reference]],
    indexes: Mapping[str, list[str]],
    page_titles: Mapping[str, str],
    config: Config,
    category_docname: Mapping[str, str],
    prose: Mapping[str, list[Passage]] | None = None,
    mention_hits: MutableMapping[str, tuple[str, tuple[_mentions.Hit, ...]]] | None = None,
    maintainer_pages: Iterable[str] = (),
    category_texts: Mapping[str, tuple[str, str, str]] | None = None,
) -> Glossary:
    """Derive the model from the domain's records (document order decides ties).

    *category_texts* maps a category page to the ``(slug, name, description)`` it
    shows (translated in a translated build); a category whose generated page says
    so is named that way everywhere."""
    declared = categories(config)
    for docname, (slug, name, description) in (category_texts or {}).items():
        if slug in declared and category_docname.get(slug) == docname:
            declared[slug] = Category(slug, name, description)
    ordered = tuple(
        term for docname in sorted(terms) for term in sorted(terms[docname], key=lambda t: t.lineno)
    )
    glossary = Glossary(
        terms=ordered,
        references={d: tuple(refs) for d, refs in references.items()},
        indexes={d: tuple(kinds) for d, kinds in indexes.items()},
        page_titles=dict(page_titles),
        categories=declared,
        category_docnames=dict(category_docname),
        prose={d: tuple(passages) for d, passages in (prose or {}).items()},
        mention_hits=mention_hits if mention_hits is not None else {},
        summary_limit=config.pmterm_summary_max_length,
        maintainer_pages=frozenset(maintainer_pages),
        az_docname=config.pmterm_az_docname,
    )
    # Derive everything now, in the main process, before parallel writers fork.
    for derived in (
        "owned",
        "backlinks",
        "az",
        "letters",
        "_by_category",
        "neighbours",
        "incoming",
        "category_counts",
        "_by_place",
        "_by_page",
        "mentions",
        "health",
    ):
        getattr(glossary, derived)
    return glossary
