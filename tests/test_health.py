"""The health page and glossary-health.json show the known figures of a test root.

The ``pmterm-mentions`` root has six terms whose links, FAQs, summaries and
mentions are counted by hand below; the page must show exactly those, as an SVG
chart in HTML and as a table in other builders.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import build_root, parse_warnings
from pmterm.healthpage import SCHEMA

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

#: The figures of the ``pmterm-mentions`` root, counted by hand.
FIGURES: dict[str, Any] = {
    "version": 1,
    "summary_limit": 160,
    "terms": 7,
    "categories": [
        {"slug": "roles", "name": "Roles & People", "terms": 3},
        {"slug": "methods", "name": "Methods", "terms": 4},
        {"slug": "unused", "name": "Unused", "terms": 0},
    ],
    "uncategorised": [],
    # no related entry, reference or page points at them (Cohort: only a page does)
    "linked_from_nowhere": ["North Star Metric", "Roadmap", "User Story"],
    # no related entry and no reference (Cohort has a reference only)
    "linking_nowhere": ["North Star Metric", "Objectives and Key Results"],
    "most_linked": [
        # related from Strategy and Roadmap, and linked from the page
        {"name": "Product Strategy", "links": 3},
        # related from Product Strategy, cited by Cohort, and linked from the page
        {"name": "Strategy", "links": 3},
        {"name": "Cohort", "links": 1},  # linked from the page
        {"name": "Objectives and Key Results", "links": 1},  # related from User Story
    ],
    "long_summaries": [{"name": "North Star Metric", "length": 172}],
    "faqs": [
        {"name": "Cohort", "faqs": 0},
        {"name": "North Star Metric", "faqs": 0},
        {"name": "Objectives and Key Results", "faqs": 0},
        {"name": "Product Strategy", "faqs": 0},
        {"name": "Roadmap", "faqs": 1},
        {"name": "Strategy", "faqs": 0},
        {"name": "User Story", "faqs": 2},
    ],
    # Roadmap's "product strategy" is the name in another case: not an alias
    "related_to_aliases": [
        {"term": "User Story", "related": "OKR", "name": "Objectives and Key Results"}
    ],
}


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app, text = build_root("pmterm-mentions", tmp_path_factory)
    assert parse_warnings(text) == []
    return app


@pytest.fixture(scope="module")
def page(html: SphinxTestApp) -> BeautifulSoup:
    return BeautifulSoup((html.outdir / "health.html").read_text("utf-8"), "html.parser")


def section(page: BeautifulSoup, ident: str) -> Any:
    return page.find("section", id=ident)


def names(node: Any) -> list[str]:
    return [a.get_text() for a in node.select("li a")]


def test_the_json_has_the_known_figures(html: SphinxTestApp) -> None:
    data = json.loads((html.outdir / "glossary-health.json").read_text("utf-8"))
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    mentions = data.pop("unlinked_mentions")
    assert data == FIGURES
    # The page with most mentions first, each mention with its place.
    assert [(p["page"], len(p["mentions"])) for p in mentions] == [
        ("page", 5),
        ("glossary/okr", 1),
        ("glossary/product-strategy", 1),
        ("glossary/roadmap", 1),
    ]
    assert mentions[0]["mentions"][0] == {
        "term": "Product Strategy",
        "text": "PRODUCT STRATEGY",
        "line": 3,
        "section": "Planning notes",
        "url": "page.html",  # the page's title section is the page
    }
    assert mentions[3]["mentions"][0]["section"] == "Is a North Star Metric on it?"


def test_the_chart_is_an_accessible_svg_with_the_counts(page: BeautifulSoup) -> None:
    svg = section(page, "terms-per-category").find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Terms per category"
    assert svg.find(id=desc_id).get_text() == "Roles & People: 3; Methods: 4; Unused: 0."
    labels = [t.get_text() for t in svg.select("text.pmterm-chart-label")]
    values = [t.get_text() for t in svg.select("text.pmterm-chart-value")]
    assert list(zip(labels, values, strict=True)) == [
        ("Roles & People", "3"),
        ("Methods", "4"),
        ("Unused", "0"),
    ]
    widths = [float(r["width"]) for r in svg.select("rect.pmterm-chart-bar")]
    assert widths[0] == pytest.approx(0.75 * widths[1], abs=0.1) and widths[2] == 0
    assert page.find("script", src=lambda s: s and "chart" in s) is None
    assert section(page, "terms-per-category").find("table") is None  # the SVG only


def test_the_page_lists_the_known_terms(page: BeautifulSoup) -> None:
    assert names(section(page, "nothing-links-here")) == FIGURES["linked_from_nowhere"]
    assert names(section(page, "links-nowhere")) == FIGURES["linking_nowhere"]
    most = section(page, "most-linked").select("ol > li")
    assert [li.get_text(" ", strip=True) for li in most] == [
        "Product Strategy — 3 links",
        "Strategy — 3 links",
        "Cohort — 1 link",
        "Objectives and Key Results — 1 link",
    ]
    long = section(page, "long-summaries").select("li")
    assert [li.get_text(" ", strip=True) for li in long] == ["North Star Metric — 172 characters"]
    aliases = section(page, "aliases-in-related-entries").select("li")
    assert aliases[0].get_text(" ", strip=True) == (
        "User Story lists “OKR”, an alias of “Objectives and Key Results”"
    )
    assert aliases[0].a["href"] == "glossary/user-story.html#related-user-story-OKR"


def test_the_page_tables_mentions_and_faqs(page: BeautifulSoup) -> None:
    rows = section(page, "unlinked-mentions").select("tbody tr")
    assert [
        (r.select("td")[0].get_text(strip=True), r.select("td")[1].get_text(strip=True))
        for r in rows
    ] == [("Planning notes", "5"), ("Objectives and Key Results", "1"), ("Product Strategy", "1"),
          ("Roadmap", "1")]  # fmt: skip
    assert rows[0].select("td")[2].find("ul").parent.name == "td"  # no list in a <p>
    first = rows[0].select("td")[2].select("li")[0]
    assert first.get_text(" ", strip=True) == (
        "Product Strategy as “PRODUCT STRATEGY”, in Planning notes , line 3"
    )
    term, place = first.select("a")
    assert term["href"] == "glossary/product-strategy.html#term-Product-Strategy"
    assert "pmterm-preview" in term["class"]  # links to terms carry previews
    assert place["href"] == "page.html"
    faqs = section(page, "faqs").select("tbody tr")
    assert [[td.get_text(strip=True) for td in r.select("td")] for r in faqs] == [
        ["0", "5"],
        ["1", "1"],
        ["2", "1"],
    ]


def test_the_limit_is_a_setting(tmp_path_factory: pytest.TempPathFactory) -> None:
    app, _ = build_root("pmterm-mentions", tmp_path_factory, pmterm_summary_max_length=40)
    data = json.loads((app.outdir / "glossary-health.json").read_text("utf-8"))
    assert data["summary_limit"] == 40
    # Only Roadmap (30 characters) and Strategy (38) stay within 40.
    assert [s["name"] for s in data["long_summaries"]] == [
        "Cohort",
        "North Star Metric",
        "Objectives and Key Results",
        "Product Strategy",
        "User Story",
    ]


def test_epub_has_the_table_not_the_svg(tmp_path_factory: pytest.TempPathFactory) -> None:
    """EPUB pages are XHTML too, but inline SVG would have to be declared in the
    package; the EPUB shows the table."""
    app, text = build_root("pmterm-mentions", tmp_path_factory, buildername="epub")
    assert parse_warnings(text) == []
    page = BeautifulSoup((app.outdir / "health.xhtml").read_text("utf-8"), "html.parser")
    chart = section(page, "terms-per-category")
    assert chart.find("svg") is None
    assert [td.get_text(strip=True) for td in chart.select("tbody td")][:2] == [
        "Roles & People",
        "3",
    ]


def test_other_builders_show_a_table_instead_of_svg(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    app, text = build_root("pmterm-mentions", tmp_path_factory, buildername="text")
    assert parse_warnings(text) == []
    health = (app.outdir / "health.txt").read_text("utf-8")
    assert "<svg" not in health
    chart = health.partition("Terms per category")[2].partition("Nothing links here")[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in chart.splitlines()]
    assert [r for r in rows if len(r) == 2 and r[1].isdigit()] == [
        ["Roles & People", "3"],
        ["Methods", "4"],
        ["Unused", "0"],
    ]


def test_the_page_speaks_the_projects_language(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The report's own words are labels too; links sit where the translation puts them."""
    app, text = build_root("pmterm-mentions", tmp_path_factory, language="de")
    assert parse_warnings(text) == []
    page = BeautifulSoup((app.outdir / "health.html").read_text("utf-8"), "html.parser")
    summary = page.select_one("section#health > p").get_text(" ", strip=True)
    assert summary.startswith("7 Begriffe in 3 Kategorien; 8 unverlinkte Erwähnungen auf 4 Seiten")
    table = section(page, "unlinked-mentions")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "Seite",
        "Erwähnungen",
        "Ohne Link erwähnte Begriffe",
    ]
    first = table.select("tbody tr")[0].select("td")[2].select("li")[0]
    assert first.get_text(" ", strip=True) == (
        "Product Strategy als „PRODUCT STRATEGY“, in Planning notes , Zeile 3"
    )
    assert [a["href"] for a in first.select("a")][1] == "page.html"
    svg = section(page, "terms-per-category").find("svg")
    assert svg.find("title").get_text() == "Begriffe je Kategorie"
