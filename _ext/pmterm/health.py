"""The glossary's health in figures, derived once per build by the model.

What maintainers want to see of the whole glossary: how the terms spread over
the categories, which terms nothing links to and which link to nothing, the most
linked terms, unlinked mentions per page, summaries over the length limit
(``pmterm_summary_max_length``), FAQs per entry, and related entries that name
an alias instead of the term's name. :mod:`pmterm.healthpage` renders these on the
health page and writes them to ``glossary-health.json``; being part of that page's
view, they also decide when it is rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .names import name_key
from .sorting import reading_order

if TYPE_CHECKING:
    from .mentions import Mention
    from .model import CategoryCount, Glossary, Link
    from .records import Term

#: How many terms "most linked" shows.
MOST_LINKED = 10


@dataclass(frozen=True)
class Count:
    """A term with a number (links to it, characters of its summary, FAQs)."""

    link: Link
    count: int


@dataclass(frozen=True)
class PlacedMention:
    """An unlinked mention, with a link to the term and one to the section it is in."""

    term: Link
    place: Link
    mention: Mention


@dataclass(frozen=True)
class PageMentions:
    """The unlinked mentions on one page."""

    page: Link
    mentions: tuple[PlacedMention, ...]


@dataclass(frozen=True)
class AliasRelated:
    """A related entry that names an alias: where it is, what it says, the name to use."""

    place: Link
    written: str
    name: str


@dataclass(frozen=True)
class Health:
    summary_limit: int
    terms: int
    categories: tuple[CategoryCount, ...]
    uncategorised: tuple[Link, ...]
    linked_from_nowhere: tuple[Link, ...]
    linking_nowhere: tuple[Link, ...]
    most_linked: tuple[Count, ...]
    mentions: tuple[PageMentions, ...]
    long_summaries: tuple[Count, ...]
    faqs: tuple[Count, ...]  #: every term, in reading order
    related_to_aliases: tuple[AliasRelated, ...]

    @property
    def mention_count(self) -> int:
        return sum(len(page.mentions) for page in self.mentions)


def _key(term: Term) -> tuple[str, str]:
    return (term.docname, term.node_id)


def _mentions(model: Glossary) -> tuple[PageMentions, ...]:
    from .model import Link  # the model imports this module

    pages: dict[str, list[PlacedMention]] = {}
    for mention in model.mentions:
        term = model.lookup(mention.term)
        if term is None:
            continue
        place = Link(mention.docname, mention.anchor, mention.section or mention.docname)
        pages.setdefault(mention.docname, []).append(
            PlacedMention(model.link_to(term), place, mention)
        )
    found = []
    for docname, placed in pages.items():
        owner = model.on_page(docname)
        if owner:
            page = model.link_to(owner[0])
        else:
            page = Link(docname, "", model.page_titles.get(docname, docname))
        found.append(PageMentions(page, tuple(placed)))
    return tuple(sorted(found, key=lambda p: (-len(p.mentions), *reading_order(p.page.label))))


def figures(model: Glossary) -> Health:
    """The figures of *model*."""
    from .model import Link  # the model imports this module

    owned = model.owned
    links_in = {t.name: model.backlinks_of(t) for t in owned}

    def count_in(term: Term) -> int:
        b = links_in[term.name]
        return len(b.related) + len(b.terms) + len(b.pages)

    most = sorted(
        (t for t in owned if count_in(t)), key=lambda t: (-count_in(t), *reading_order(t.name))
    )
    aliases = []
    for term in owned:
        for related in term.related:
            target = model.lookup(related.target)
            if target is not None and name_key(related.target) != name_key(target.name):
                place = Link(term.docname, related.anchor, term.name, preview=model.preview(term))
                aliases.append(AliasRelated(place, related.target, target.name))
    # Terms that link to another term: every source in the model's link graph.
    linking = {_key(source) for sources in model.incoming.values() for source in sources}
    return Health(
        summary_limit=model.summary_limit,
        terms=len(owned),
        categories=model.category_counts,
        uncategorised=tuple(model.link_to(t) for t in owned if t.category not in model.categories),
        linked_from_nowhere=tuple(model.link_to(t) for t in owned if not links_in[t.name]),
        linking_nowhere=tuple(model.link_to(t) for t in owned if _key(t) not in linking),
        most_linked=tuple(Count(model.link_to(t), count_in(t)) for t in most[:MOST_LINKED]),
        mentions=_mentions(model),
        long_summaries=tuple(
            Count(model.link_to(t), len(t.summary))
            for t in owned
            if len(t.summary) > model.summary_limit
        ),
        faqs=tuple(Count(model.link_to(t), len(t.faqs)) for t in owned),
        related_to_aliases=tuple(aliases),
    )
