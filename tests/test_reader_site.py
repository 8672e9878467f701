"""The reader's site as built: search data, maintainer pages, home page, term pages.

What a browser does with it is in ``test_browser_reader``; these tests read the
built files.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from conftest import build_root, parse_warnings

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def maintained(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The basic root with its page that cites terms declared a maintainer page."""
    app, warnings = build_root("pmterm-basic", tmp_path_factory, pmterm_maintainer_pages=["page"])
    assert warnings == ""
    return app


def search_index(app: SphinxTestApp) -> dict[str, Any]:
    text = (app.outdir / "searchindex.js").read_text("utf-8")
    match = re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL)
    assert match is not None
    data: dict[str, Any] = json.loads(match[1])
    return data


def test_search_index_points_every_spelling_at_the_page_as_a_main_entry(
    maintained: SphinxTestApp,
) -> None:
    """Sphinx's search shows a page once per anchor: a term page's title, text and
    index matches must share one (none), and aliases must rank as main entries."""
    index = search_index(maintained)
    alpha = index["docnames"].index("glossary/alpha")
    for spelled in ("alpha role", "ar"):  # the name and an alias
        entries = index["indexentries"][spelled]
        assert entries == [[alpha, "", 1]], spelled
    # The general index keeps the anchor.
    genindex = soup(maintained, "genindex")
    hrefs = {a.get_text(): a["href"] for a in genindex.select("a")}
    assert hrefs["Alpha Role"] == "glossary/alpha.html#term-Alpha-Role"


def test_maintainer_pages_are_not_backlinks_and_the_search_ranks_them_last(
    maintained: SphinxTestApp,
) -> None:
    page = soup(maintained, "glossary/alpha")
    labels = [p.get_text() for p in page.select(".pmterm-backlink-kind")]
    assert labels == ["Terms that list it as related", "Terms that mention it"]
    assert "page.html" not in {a["href"].split("#")[0] for a in page.select(".pmterm-backlinks a")}
    search = soup(maintained, "search")
    data = next(
        s.string for s in search.select("script") if s.string and "pmtermSearch" in s.string
    )
    assert json.loads(data.partition("=")[2].strip().rstrip(";")) == {"demoted": ["page"]}
    # The scorer Sphinx embeds in the search's language data.
    assert "pmtermSearch" in (maintained.outdir / "_static" / "language_data.js").read_text()


# -- the real site: reader's navigation and maintainer pages ----------------------


@pytest.fixture(scope="module")
def site(real_site: SphinxTestApp) -> SphinxTestApp:
    assert real_site.warning.getvalue() == ""
    return real_site


def navigation(page: BeautifulSoup) -> list[tuple[str, str, list[str]]]:
    """The sidebar's groups: (caption, its aria-level, the link texts under it)."""
    groups = []
    for caption in page.select(".sidebar-tree p.caption"):
        assert caption["role"] == "heading"
        links = [a.get_text(strip=True) for a in caption.find_next_sibling("ul").select("a")]
        groups.append((caption.get_text(strip=True), str(caption.get("aria-level", "")), links))
    return groups


@pytest.mark.parametrize("docname", ["index", "glossary/head-of-product", "about/authoring"])
def test_navigation_shows_the_glossary_then_the_pages_about_the_site(
    site: SphinxTestApp, docname: str
) -> None:
    page = soup(site, docname)
    categories = [c["name"] for c in site.config.pmterm_categories]
    assert navigation(page) == [
        ("The glossary", "2", [*categories, "A to Z"]),
        (
            "About this site",
            "2",
            [
                "Authoring guide",
                "Warnings",
                "The glossary as data",
                "Using pmterm in your project",
                "Performance",
                "Glossary health",
            ],
        ),
    ]
    home = page.select_one("a.sidebar-brand")["href"]
    assert home == "#" if docname == "index" else home.endswith("index.html")


def test_backlinks_list_only_reader_pages(site: SphinxTestApp) -> None:
    """The authoring guide cites Head of Product; readers are not sent there."""
    assert "Head of Product" in soup(site, "about/authoring").get_text()
    page = soup(site, "glossary/head-of-product")
    sources = {a["href"].split("#")[0] for a in page.select("section.pmterm-backlinks a")}
    assert sources and not [s for s in sources if "about/" in s]


# -- the home page: cards, letter bar, search box ----------------------------------

#: Names and descriptions with markup characters, which must show as written.
MARKUP_CATEGORIES = [
    {"slug": "roles", "name": "Roles & *People* `x`", "description": "Who _does_ [it](b)."},
    {"slug": "methods", "name": "Methods", "description": "How the work gets done."},
]
WITH_DESIGN = ["myst_parser", "sphinx_design", "pmterm"]


def build_home(
    tmp_path_factory: pytest.TempPathFactory,
    buildername: str = "html",
    rst: bool = False,
    language: str = "en",
) -> SphinxTestApp:
    """The basic root with sphinx-design and a home page made of the home directives."""
    from conftest import PROJECT, sphinx_build

    src = tmp_path_factory.mktemp("home") / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-basic", src)
    (src / "index.md").unlink()
    if rst:
        body = "Test glossary\n=============\n\n.. pmterm-search::\n\n.. pmterm-az-bar::\n\n"
        body += ".. pmterm-categories::\n\n.. toctree::\n\n   page\n"
        (src / "index.rst").write_text(body, "utf-8")
    else:
        body = "# Test glossary\n\n:::{pmterm-search}\n:::\n\n:::{pmterm-az-bar}\n:::\n\n"
        body += ":::{pmterm-categories}\n:::\n\n:::{toctree}\npage\n:::\n"
        (src / "index.md").write_text(body, "utf-8")
    app = sphinx_build(
        src,
        buildername=buildername,
        confoverrides={
            "extensions": WITH_DESIGN,
            "pmterm_categories": MARKUP_CATEGORIES,
            "version": "1",  # EPUB asks for these
            "copyright": "2026",
            "language": language,
        },
    )
    # The basic root has Cyrillic names, which pdflatex cannot typeset (warned).
    warnings = parse_warnings(app.warning.getvalue())
    assert [w for w in warnings if w.type != "pmterm.latex-character"] == []
    assert app.warning.getvalue().count("WARNING") == len(warnings)
    return app


def cards(page: BeautifulSoup) -> list[tuple[str, str, str, str]]:
    """Each category card: (title, count, description, link)."""
    return [
        (
            card.select_one(".sd-card-title").get_text(strip=True),
            card.select_one(".pmterm-category-count").get_text(strip=True),
            card.select_one(".sd-card-body > p:last-child").get_text(strip=True),
            str(card.select_one("a.sd-stretched-link")["href"]),
        )
        for card in page.select(".pmterm-category-grid .sd-card.pmterm-category-card")
    ]


@pytest.mark.parametrize("rst", [False, True], ids=["myst", "rst"])
def test_home_shows_categories_as_sphinx_design_cards(
    tmp_path_factory: pytest.TempPathFactory, rst: bool
) -> None:
    page = soup(build_home(tmp_path_factory, rst=rst), "index")
    assert cards(page) == [
        (
            "Roles & *People* `x`",
            "2 terms",
            "Who _does_ [it](b).",
            "glossary/categories/roles.html",
        ),
        ("Methods", "4 terms", "How the work gets done.", "glossary/categories/methods.html"),
    ]
    # The link's text (hidden, read by screen readers) is the category page's title.
    link = page.select_one(".sd-card a.sd-stretched-link")
    assert link.get_text(strip=True) == "Roles & *People* `x`"
    assert page.select("ul.pmterm-category-list") == []
    # The compact letter bar links into the A to Z page; letters without terms do not link.
    bar = page.select_one("ul.pmterm-az-bar.pmterm-az-compact")
    links = {a.get_text(): a["href"] for a in bar.select("a")}
    assert links["A"] == "glossary/a-z.html#az-a"
    assert "Z" not in links and "Z" in [li.get_text() for li in bar.select("li.pmterm-az-empty")]
    # The search box sends its query to the search page.
    form = page.select_one("form.pmterm-search[role=search]")
    assert form["action"] == "search.html" and form.select_one("input[name=q]")
    assert form.select_one("label")["for"] == form.select_one("input")["id"]


def test_home_cards_and_search_box_speak_the_projects_language(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    page = soup(build_home(tmp_path_factory, language="fr"), "index")
    assert [count for _, count, _, _ in cards(page)] == ["2 termes", "4 termes"]
    form = page.select_one("form.pmterm-search[role=search]")
    assert form["aria-label"] == "Rechercher dans le glossaire"
    assert form.select_one("label").get_text() == "Rechercher dans le glossaire"
    assert form.select_one("input")["placeholder"] == "Un terme ou une abréviation"
    assert form.select_one("button").get_text() == "Rechercher"


@pytest.mark.parametrize("buildername", ["text", "latex", "epub", "singlehtml"])
def test_home_is_a_plain_list_where_cards_and_search_mean_nothing(
    tmp_path_factory: pytest.TempPathFactory, buildername: str
) -> None:
    app = build_home(tmp_path_factory, buildername)
    if buildername == "text":
        text = (app.outdir / "index.txt").read_text("utf-8")
        assert "Roles & *People* `x` (2 terms) — Who _does_ [it](b)." in text
        assert "Search the glossary" not in text
    elif buildername == "latex":
        tex = (app.outdir / "glossary.tex").read_text("utf-8")
        assert "Search the glossary" not in tex and "sd-card" not in tex
        assert "(2 terms)" in tex
    else:
        name = "index.xhtml" if buildername == "epub" else "index.html"
        page = BeautifulSoup((app.outdir / name).read_text("utf-8"), "html.parser")
        assert page.select("form.pmterm-search") == []
        if buildername == "epub":
            assert len(page.select("ul.pmterm-category-list > li")) == 2
            assert page.select(".pmterm-az-compact") == []
        else:  # one page of HTML: cards, but no search page to send a query to
            assert len(cards(page)) == 2


# -- term pages: breadcrumb, previous and next ---------------------------------------


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app, warnings = build_root("pmterm-basic", tmp_path_factory)
    assert warnings == ""
    return app


def pager_links(page: BeautifulSoup) -> dict[str, tuple[str, str, str]]:
    """previous/next -> (label, term, href) of a term page's pager."""
    found = {}
    for kind in ("previous", "next"):
        item = page.select_one(f"nav.pmterm-pager .pmterm-pager-{kind}")
        if item is not None:
            label = item.select_one(".pmterm-pager-label").get_text()
            found[kind] = (label, item.a.get_text(), str(item.a["href"]))
    return found


def test_term_page_has_a_breadcrumb_to_its_category(basic: SphinxTestApp) -> None:
    page = soup(basic, "glossary/alpha")
    nav = page.select_one("nav.pmterm-breadcrumb[aria-label=Breadcrumb]")
    trail = [(a.get_text(), a["href"]) for a in nav.select("ol > li a")]
    assert trail == [("Glossary", "../index.html"), ("Roles & People", "categories/roles.html")]
    # Above the term's name, and out of the search index.
    assert nav.find_next(re.compile("^h1$")).get_text(strip=True).rstrip("¶") == "Alpha Role"
    assert "no-search" in nav["class"]


def test_term_page_links_to_the_previous_and_next_term_of_its_category(
    basic: SphinxTestApp,
) -> None:
    # Methods, in reading order: 2x2 Matrix, Beta Method, Éclair Review, Дорожная карта.
    assert pager_links(soup(basic, "glossary/digits")) == {
        "next": ("Next in Methods", "Beta Method", "beta.html#term-Beta-Method"),
    }
    assert pager_links(soup(basic, "glossary/beta")) == {
        "previous": ("Previous in Methods", "2x2 Matrix", "digits.html#term-2x2-Matrix"),
        "next": ("Next in Methods", "Éclair Review", "accent.html#term-Eclair-Review"),
    }
    page = soup(basic, "glossary/gamma")  # Roles: Alpha Role, Gamma Lead
    assert pager_links(page) == {
        "previous": ("Previous in Roles & People", "Alpha Role", "alpha.html#term-Alpha-Role"),
    }
    assert page.select_one("nav.pmterm-pager")["aria-label"] == "Terms in Roles & People"
    # Each is a term link like any other, with its preview.
    assert "pmterm-preview" in page.select_one("nav.pmterm-pager a")["class"]


@pytest.mark.parametrize("buildername", ["text", "singlehtml"])
def test_breadcrumb_and_pager_are_left_out_of_books_and_text(
    tmp_path_factory: pytest.TempPathFactory, buildername: str
) -> None:
    app, warnings = build_root("pmterm-basic", tmp_path_factory, buildername)
    assert warnings == ""
    if buildername == "text":
        text = (app.outdir / "glossary" / "beta.txt").read_text("utf-8")
        assert "Next in Methods" not in text and "Breadcrumb" not in text
        assert not text.lstrip().startswith("Glossary")
    else:
        page = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
        assert page.select("nav.pmterm-pager, nav.pmterm-breadcrumb") == []


# -- the neighbourhood diagram ---------------------------------------------------------


def test_diagram_layout_never_overlaps_and_every_label_fits() -> None:
    """The largest diagram there can be, with names long enough to wrap and be cut."""
    from pmterm import neighbourhood as nb
    from pmterm.model import MAP_LIMIT, Link, Neighbourhood

    names = [
        "Application Programming Interface",
        "W" * 40,
        "Reach, Impact, Confidence, Effort (RICE) Scoring Model for Product Teams",
        "AI",
        "Retrieval-Augmented Generation",
        "Jobs to Be Done",
        "Minimum Viable Product",
        "Wizard-of-Oz Prototype",
    ]
    view = Neighbourhood(
        "Product Requirements Document and Everything Around It",
        tuple((Link("d", f"r{i}", n), i % 2 == 0) for i, n in enumerate(names)),
        tuple(Link("d", f"i{i}", n) for i, n in enumerate(reversed(names))),
        more=5,
    )
    assert len(view.related) == len(view.incoming) == MAP_LIMIT
    diagram = nb.layout(view)
    boxes = diagram.boxes
    assert len(boxes) == 2 * MAP_LIMIT + 1
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.x + a.w <= nb.WIDTH and a.y >= 0 and a.y + a.h <= diagram.height
        size = nb.CENTRE_FONT if a.kind == "centre" else nb.FONT
        assert 1 <= len(a.lines) <= nb.MAX_LINES
        assert all(nb.text_width(line, size) <= a.w - 2 * nb.PAD for line in a.lines), a.lines
        for b in boxes[i + 1 :]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, (a, b)
    cut = [b for b in boxes if b.lines[0].startswith("WWW")]
    assert len(cut) == 2 and all(b.lines[-1].endswith("…") for b in cut)  # too long: cut
    # Lines run in the gutter or between a box's edge and the trunk, never into a box.
    for x1, y1, x2, y2, _ in diagram.lines:
        assert x1 == x2 or y1 == y2  # upright or level
        for box in boxes:
            across_x = min(x1, x2) < box.x + box.w - 0.5 and max(x1, x2) > box.x + 0.5
            across_y = min(y1, y2) < box.y + box.h - 0.5 and max(y1, y2) > box.y + 0.5
            assert not (across_x and across_y), ((x1, y1, x2, y2), box)
    text = nb.description(view)
    assert "and 5 more terms link to" in text
    assert "Application Programming Interface (which links back)" in text


def svg_links(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(str(a["aria-label"]), str(a["href"])) for a in page.select("figure.pmterm-map svg a")]


def test_every_term_page_has_its_diagram_with_links_and_previews(basic: SphinxTestApp) -> None:
    page = soup(basic, "glossary/alpha")
    figure = page.select_one("section.pmterm-map-part figure.pmterm-map")
    svg = figure.select_one("svg")
    assert svg["role"] == "group"
    title = svg.select_one("title").get_text()
    desc = svg.select_one("desc").get_text()
    assert title == "How Alpha Role connects to other terms"
    assert svg["aria-labelledby"] == svg.select_one("title")["id"]
    assert svg["aria-describedby"] == svg.select_one("desc")["id"]
    # Alpha lists Beta and Gamma (by its alias GM), which both list it back; Éclair
    # lists it and mentions it twice, and is drawn once.
    assert desc == (
        "Alpha Role lists as related Beta Method (which links back) and Gamma Lead "
        "(which links back). Éclair Review links to Alpha Role."
    )
    assert svg_links(page) == [
        ("Éclair Review", "accent.html#term-Eclair-Review"),
        ("Beta Method", "beta.html#term-Beta-Method"),
        ("Gamma Lead", "gamma.html#term-Gamma-Lead"),
    ]
    previews = json.loads(str(page.select_one("script#pmterm-previews").string))
    for name, href in svg_links(page):
        assert previews[href]["name"] == name
    box = page.select_one("figure.pmterm-map svg a")
    assert "pmterm-preview" in box["class"] and box["title"].startswith("Éclair Review (Methods)")
    # Every term page has one, even with nothing around it.
    for name in ("beta", "gamma", "accent", "digits", "cyrillic"):
        assert len(soup(basic, f"glossary/{name}").select("figure.pmterm-map svg")) == 1


@pytest.mark.parametrize("buildername", ["text", "latex", "epub"])
def test_books_and_text_get_the_diagram_in_words(
    tmp_path_factory: pytest.TempPathFactory, buildername: str
) -> None:
    app, warnings = build_root(
        "pmterm-basic", tmp_path_factory, buildername, version="1", copyright="2026"
    )
    assert [w for w in parse_warnings(warnings) if w.type != "pmterm.latex-character"] == []
    words = "Éclair Review links to Alpha Role."
    if buildername == "text":
        text = (app.outdir / "glossary" / "alpha.txt").read_text("utf-8")
        assert "How it connects" in text and words in text
    elif buildername == "latex":
        tex = (app.outdir / "glossary.tex").read_text("utf-8")
        assert words.replace("É", "\\'{E}") in tex or words in tex
        assert "<svg" not in tex
    else:
        page = (app.outdir / "glossary" / "alpha.xhtml").read_text("utf-8")
        assert "<svg" not in page and words in page
