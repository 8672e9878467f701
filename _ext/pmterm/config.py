"""Configuration values and their validation (warned once, at ``config-inited``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


@dataclass(frozen=True)
class Category:
    """One entry of ``pmterm_categories``, validated."""

    slug: str
    name: str
    description: str


def categories(config: Config) -> dict[str, Category]:
    """The declared categories by slug, in the order ``conf.py`` gives them."""
    return {
        c["slug"]: Category(c["slug"], c["name"], c["description"])
        for c in config.pmterm_categories
    }


def category_docname(config: Config, slug: str) -> str:
    """The docname of a category's generated page."""
    return f"{config.pmterm_category_dir.strip('/')}/{slug}"


@dataclass(frozen=True)
class Option:
    """One ``pmterm_*`` setting: registered from here and documented from here (the
    reuse page renders :data:`OPTIONS` with the ``pmterm-options`` directive)."""

    name: str
    default: object
    types: tuple[type, ...]
    #: what Sphinx redoes when it changes: "env" re-reads, "html" rewrites, "" nothing
    rebuild: Literal["env", "html", ""]
    doc: str  #: for readers of the reuse page (MyST inline markup)


OPTIONS: tuple[Option, ...] = (
    Option(
        "pmterm_categories",
        [],
        (list, tuple),
        "env",
        "The glossary's categories, in the order pages list them: one dict per category "
        'with a ``"slug"`` (what a term\'s ``:category:`` names), a ``"name"`` and an optional '
        '``"description"``. Each gets a generated page.',
    ),
    Option(
        "pmterm_category_dir",
        "glossary/categories",
        (str,),
        "env",
        "The folder, relative to the source directory, where the category pages are generated.",
    ),
    Option(
        "pmterm_az_docname",
        "glossary/a-z",
        (str,),
        "env",
        'The document name of the generated A to Z page, or ``""`` for none. Its '
        "toctree holds every page of its folder, so term pages written there are in "
        "the document (PDF, EPUB, single page) without a toctree of your own.",
    ),
    Option(
        "pmterm_sidebar_hides_terms",
        True,
        (bool,),
        "html",
        "Whether the HTML sidebar stops above the term pages, so a large glossary does "
        "not put every term on every page. Readers reach terms through the category "
        "pages, the A to Z and the search.",
    ),
    Option(
        "pmterm_report_unlinked_mentions",
        False,
        (bool,),
        "",
        "Whether each unlinked mention of a term in prose is also a "
        "``pmterm.unlinked-mention`` warning; the health page lists them either way.",
    ),
    Option(
        "pmterm_summary_max_length",
        160,
        (int,),
        "",
        "The longest summary, in characters, before the health page lists it as too long.",
    ),
    Option(
        "pmterm_maintainer_pages",
        [],
        (list, tuple),
        "env",
        "Pages about the site rather than the glossary, as glob patterns of document names "
        '(``["about/*"]``): left out of backlinks and ranked last by the search.',
    ),
)


def register(app: Sphinx) -> None:
    # Categories change what the directives read (titles, links): rebuild "env".
    for option in OPTIONS:
        app.add_config_value(
            option.name, option.default, option.rebuild, types=frozenset(option.types)
        )
    app.connect("config-inited", validate)


def validate(app: Sphinx, config: Config) -> None:
    """Keep only well-formed categories with unique slugs, warning about the rest."""
    good: list[dict[str, str]] = []
    slugs: set[str] = set()
    for i, entry in enumerate(config.pmterm_categories):
        ok = isinstance(entry, dict) and all(
            isinstance(entry.get(k), str) and entry[k].strip() for k in ("slug", "name")
        )
        if not ok or entry["slug"] in slugs:
            warn(
                Subtype.BAD_CONFIG,
                f"pmterm_categories[{i}] needs a unique 'slug' and a 'name': {entry!r}",
                config_location(app, "pmterm_categories"),
            )
            continue
        slugs.add(entry["slug"])
        good.append(
            {
                "slug": entry["slug"],
                "name": entry["name"],
                "description": str(entry.get("description", "")),
            }
        )
    config.pmterm_categories = good


def config_location(app: Sphinx, name: str) -> str:
    """``conf.py:<line>`` of the assignment to *name*, so the warning points at it."""
    conf = app.confdir / "conf.py"
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    line = next((i for i, text in enumerate(lines, 1) if text.startswith(name)), 1)
    return f"{conf}:{line}"
