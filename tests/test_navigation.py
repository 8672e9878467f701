"""Generated navigation and backlinks on the basic test root."""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.builders.html import StandaloneHTMLBuilder

from pmterm.model import initial

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.testing.util import SphinxTestApp


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup(
        (app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
    )


def groups(page: BeautifulSoup, section_id: str) -> dict[str, list[tuple[str, str]]]:
    """Backlink groups of a term page: label -> [(link text + note, href)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    label = ""
    for node in page.select_one(f"section#{section_id} .pmterm-backlink-groups").children:
        if getattr(node, "name", None) == "p":
            label = node.get_text()
        elif getattr(node, "name", None) == "ul":
            out[label] = [(li.get_text(" ", strip=True), li.a["href"]) for li in node.select("li")]
    return out


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_backlinks_are_grouped_sorted_deduplicated_and_exact(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    found = groups(soup(app, "glossary/alpha"), "alpha-linked-from")
    assert found == {
        # Gamma relates to "AR" (an alias): it still counts; Alpha never lists itself.
        # Sorted ignoring accents: Éclair files under E.
        "Terms that list it as related": [
            ("Beta Method — who runs it", "beta.html#related-beta-Alpha-Role"),
            ("Éclair Review — who asks for it", "accent.html#related-accent-Alpha-Role"),
            ("Gamma Lead — the role it manages", "gamma.html#related-gamma-AR"),
        ],
        # Beta mentions it in an FAQ answer; Éclair twice, listed once at the first place.
        "Terms that mention it": [
            ("Beta Method", "beta.html#pmterm-ref-glossary-beta-1"),
            ("Éclair Review", "accent.html#pmterm-ref-glossary-accent-1"),
        ],
        # page.md cites it three times (name, alias, lower case): one entry.
        "Other pages that mention it": [
            ("A page that cites terms", "../page.html#pmterm-ref-page-1")
        ],
    }


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_backlink_anchors_exist_where_they_point(app: SphinxTestApp) -> None:
    app.build()
    page = soup(app, "page")
    first = page.select_one("#pmterm-ref-page-1")
    assert first is not None
    assert first.find_next("a").get_text() == "Alpha Role"
    beta = soup(app, "glossary/beta")
    assert beta.select_one("li#related-beta-Alpha-Role a").get_text() == "Alpha Role"


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_term_without_backlinks_says_so(app: SphinxTestApp) -> None:
    app.build()
    page = soup(app, "glossary/digits")
    assert page.select_one("section#digits-linked-from .pmterm-empty").get_text() == (
        "No other page links here yet."
    )


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_a_to_z_lists_terms_and_aliases_by_initial(app: SphinxTestApp) -> None:
    app.build()
    page = soup(app, "glossary/a-z")
    sections = {
        s["id"]: [(li.get_text(" ", strip=True), li.a["href"]) for li in s.select("li")]
        for s in page.select(".pmterm-az > section")
    }
    assert list(sections) == ["az-digits", "az-a", "az-b", "az-e", "az-f", "az-g", "az-u0414"]
    assert sections["az-digits"] == [("2x2 Matrix", "digits.html#term-2x2-Matrix")]
    assert sections["az-a"] == [
        ("Alpha Role", "alpha.html#term-Alpha-Role"),
        ("AR (see Alpha Role)", "alpha.html#term-Alpha-Role"),
    ]
    assert sections["az-e"] == [
        ("Éclair Review", "accent.html#term-Eclair-Review"),
        ("ER (see Éclair Review)", "accent.html#term-Eclair-Review"),
    ]
    assert sections["az-u0414"] == [("Дорожная карта", "cyrillic.html#term-0")]
    bar = page.select(".pmterm-az-bar > li")
    linked = [li.a["href"] for li in bar if li.a]
    assert linked == [f"#{key}" for key in sections]
    assert len(bar) == 26 + 2  # A to Z, 0–9 and Д
    assert "pmterm-az-empty" in bar[3]["class"]  # C has no terms: shown, not linked


@pytest.mark.parametrize(
    ("name", "group"),
    [("Alpha", "A"), ("éclair", "E"), ("2x2", "0–9"), ("/etc", "E"), ("Ωmega", "Ω"), ("—", "#")],
)
def test_initial(name: str, group: str) -> None:
    assert initial(name) == group


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_home_links_categories_and_a_to_z_in_the_sidebar(app: SphinxTestApp) -> None:
    app.build()
    toctree = app.env.toctree_includes["index"]
    assert toctree[:3] == [
        "glossary/categories/roles",
        "glossary/categories/methods",
        "glossary/a-z",
    ]
    # Term pages are part of the document, under the A to Z page, in name order...
    terms = app.env.toctree_includes["glossary/a-z"]
    assert terms == sorted(terms) and "glossary/alpha" in terms
    assert "orphan" not in app.env.metadata["glossary/alpha"]
    # ...but the sidebar stops above them, on every page.
    for docname in ("index", "glossary/alpha", "glossary/a-z"):
        sidebar = soup(app, docname).select_one(".sphinxsidebar")
        assert sidebar is not None
        assert sidebar.find("a", string="A to Z") is not None
        assert sidebar.find("a", string="Alpha Role") is None
    # A term page is under the A to Z, not the A to Z itself (the A to Z page is
    # written first, and its sidebar must not be reused for its terms).
    link = soup(app, "glossary/alpha").select_one(".sphinxsidebar").find("a", string="A to Z")
    assert link["href"] == "a-z.html"
    assert "current" in link.parent["class"]
    link = soup(app, "glossary/a-z").select_one(".sphinxsidebar").find("a", string="A to Z")
    assert link["href"] == "#"


class _CountingTocs(dict):  # type: ignore[type-arg]
    """``env.tocs`` that records which pages' tables of contents are read."""

    def __init__(self, tocs: Mapping[str, object]) -> None:
        super().__init__(tocs)
        self.read: set[str] = set()

    def __getitem__(self, docname: str) -> object:
        self.read.add(docname)
        return super().__getitem__(docname)


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_the_capped_sidebar_is_sphinxs_own_without_reading_term_pages(
    app: SphinxTestApp,
) -> None:
    """The sidebar is the tree Sphinx draws at the A to Z page's depth, "current"
    classes included, but drawing it never reads the tables of contents of other
    term pages (that work would grow with N)."""
    from pmterm import navigation

    app.build()
    builder, env = app.builder, app.env
    assert isinstance(builder, StandaloneHTMLBuilder)
    terms = set(env.toctree_includes["glossary/a-z"])
    depth = navigation._tree(env).depth["glossary/a-z"]  # where the cap is
    kwargs = {"collapse": False, "includehidden": True, "titles_only": True}
    for docname in ("index", "glossary/alpha", "glossary/a-z", "page"):
        navigation._state.pop(builder, None)  # nothing cached from the build
        full = builder._get_local_toctree(docname, maxdepth=depth, **kwargs)
        counting = _CountingTocs(env.tocs)
        env.tocs, saved = counting, env.tocs  # type: ignore[assignment]
        try:
            context = {"toctree": lambda d=docname, **kw: builder._get_local_toctree(d, **kw)}
            navigation.limit_sidebar(app, docname, "page.html", context, None)
            capped = context["toctree"](maxdepth=-1, **kwargs)
        finally:
            env.tocs = saved
        assert capped == full
        assert "Alpha Role" not in capped and "A to Z" in capped
        # At most the page's own table of contents, to mark its branch "current".
        assert not counting.read & (terms - {docname}), docname
        assert env.tocs["glossary/a-z"] is saved["glossary/a-z"]  # put back as it was
