"""A term page in every builder: structure, links, FAQs, index and inventory."""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.util.inventory import InventoryFile

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup(
        (app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
    )


@pytest.fixture
def html(app: SphinxTestApp) -> SphinxTestApp:
    app.build()
    assert app.warning.getvalue() == ""
    return app


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_term_page_has_title_meta_and_parts_in_order(html: SphinxTestApp) -> None:
    page = soup(html, "glossary/alpha")
    term = page.select_one("section.pmterm")
    assert term is not None
    assert term["id"] == "term-Alpha-Role"
    assert term.h1.get_text(strip=True).rstrip("¶") == "Alpha Role"
    headings = [h.get_text(strip=True).rstrip("¶") for h in term.find_all("h2")]
    assert headings == [
        "Definition",
        "Why it matters",
        "How it works in practice",
        "Common pitfalls",
        "Related terms",
        "Frequently asked questions",
        "How it connects",
        "Linked from",
    ]
    meta = term.select_one("p.pmterm-meta")
    category = meta.find("a")
    assert category.get_text() == "Roles & People"
    assert category["href"] == "categories/roles.html"
    assert [a.get_text() for a in meta.select(".pmterm-alias")] == ["AR", "First Role"]
    # MyST inside parts survives: emphasis, links, lists.
    assert term.select_one("section.pmterm-definition em").get_text() == "what"
    assert term.select_one("section.pmterm-why p a")["href"] == "https://example.org"
    assert len(term.select("section.pmterm-practice li")) == 2
    back = term.select_one("p.pmterm-back a")
    assert back["href"] == "../index.html"


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_parts_are_listed_in_the_page_toc(html: SphinxTestApp) -> None:
    toc = html.env.tocs["glossary/alpha"]
    titles = [n.astext() for n in toc.findall(nodes.reference)]
    assert titles[:3] == ["Alpha Role", "Definition", "Why it matters"]
    assert "Frequently asked questions" in titles


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_faqs_are_details_elements(html: SphinxTestApp) -> None:
    faqs = soup(html, "glossary/alpha").select("section.pmterm-faqs > details.pmterm-faq")
    assert len(faqs) == 2
    first = faqs[0]
    assert " ".join(first.summary.get_text().split()) == "Is the alpha role senior?"
    assert first.summary.find("em").get_text() == "senior"
    assert (
        first.select_one(".pmterm-faq-answer").get_text(strip=True)
        == "Yes, it reports to the board."
    )
    assert not first.has_attr("open")


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_related_terms_link_to_their_anchor_with_note(html: SphinxTestApp) -> None:
    items = soup(html, "glossary/alpha").select("ul.pmterm-related-list > li")
    links = [(li.a["href"], li.a.get_text()) for li in items]
    assert links == [
        ("beta.html#term-Beta-Method", "Beta Method"),
        ("gamma.html#term-Gamma-Lead", "GM"),
    ]
    assert items[0].get_text(" ", strip=True).endswith("— the method this role runs")


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_term_role_resolves_names_aliases_and_case(html: SphinxTestApp) -> None:
    links = soup(html, "page").select(".body a.reference.internal")
    hrefs = {a.get_text(): a["href"] for a in links}
    assert hrefs == {
        "Alpha Role": "glossary/alpha.html#term-Alpha-Role",
        "AR": "glossary/alpha.html#term-Alpha-Role",
        "alpha role": "glossary/alpha.html#term-Alpha-Role",
        "the method": "glossary/beta.html#term-Beta-Method",
    }


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_inventory_lists_terms_and_aliases_as_std_term(html: SphinxTestApp) -> None:
    with open(html.outdir / "objects.inv", "rb") as f:
        inventory = InventoryFile.load(f, "https://example.org", lambda base, uri: f"{base}/{uri}")
    terms = inventory.data["std:term"] if hasattr(inventory, "data") else inventory["std:term"]
    uris = {name: item[2] if isinstance(item, tuple) else item.uri for name, item in terms.items()}
    assert uris == {
        "Alpha Role": "https://example.org/glossary/alpha.html#term-Alpha-Role",
        "AR": "https://example.org/glossary/alpha.html#term-Alpha-Role",
        "First Role": "https://example.org/glossary/alpha.html#term-Alpha-Role",
        "Beta Method": "https://example.org/glossary/beta.html#term-Beta-Method",
        "Gamma Lead": "https://example.org/glossary/gamma.html#term-Gamma-Lead",
        "GM": "https://example.org/glossary/gamma.html#term-Gamma-Lead",
        "2x2 Matrix": "https://example.org/glossary/digits.html#term-2x2-Matrix",
        "Éclair Review": "https://example.org/glossary/accent.html#term-Eclair-Review",
        "ER": "https://example.org/glossary/accent.html#term-Eclair-Review",
        "Дорожная карта": "https://example.org/glossary/cyrillic.html#term-0",
    }


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_terms_and_aliases_are_in_the_general_index(html: SphinxTestApp) -> None:
    index = soup(html, "genindex")
    entries = {a.get_text(): a["href"] for a in index.select("table.indextable a")}
    assert entries["Alpha Role"] == "glossary/alpha.html#term-Alpha-Role"
    assert entries["AR"] == "glossary/alpha.html#term-Alpha-Role"
    assert entries["GM"] == "glossary/gamma.html#term-Gamma-Lead"


@pytest.mark.sphinx("html", testroot="pmterm-basic")
def test_category_pages_are_generated_with_their_terms(html: SphinxTestApp) -> None:
    roles = soup(html, "glossary/categories/roles")
    assert roles.h1.get_text(strip=True).rstrip("¶") == "Roles & People"
    assert roles.select_one(".pmterm-category-description").get_text() == "Who does the work."
    items = [li.get_text(" ", strip=True) for li in roles.select("ul.pmterm-term-list > li")]
    assert items == [
        "Alpha Role — The alpha role owns what gets built.",
        "Gamma Lead — Gamma Lead runs several alpha roles.",
    ]
    home = [
        li.get_text(" ", strip=True)
        for li in soup(html, "index").select("ul.pmterm-category-list > li")
    ]
    assert home == [
        "Roles & People (2 terms) — Who does the work.",
        "Methods (4 terms) — How the work gets done.",
    ]


@pytest.mark.sphinx("text", testroot="pmterm-basic")
def test_text_builder_writes_faqs_as_plain_questions_and_answers(app: SphinxTestApp) -> None:
    app.build()
    text = (app.outdir / "glossary" / "alpha.txt").read_text(encoding="utf-8")
    assert "**Is the alpha role *senior*?**\n\nYes, it reports to the board." in text
    assert "<details" not in text and "<summary" not in text
    assert "* *Beta Method* — the method this role runs" in text


@pytest.mark.sphinx("latex", testroot="pmterm-basic")
def test_latex_builder_writes_faqs_as_plain_questions_and_answers(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "glossary.tex").read_text(encoding="utf-8")
    assert r"\sphinxstyleemphasis{senior}" in tex
    assert "Yes, it reports to the board." in tex
    assert "details" not in tex
    # Categories and the A to Z are chapters; each term is a section of the A to Z.
    assert r"\chapter{A to Z}" in tex
    assert r"\section{Alpha Role}" in tex
    assert r"\subsection{Frequently asked questions}" in tex


@pytest.mark.sphinx("epub", testroot="pmterm-basic")
def test_epub_has_no_details_elements(app: SphinxTestApp) -> None:
    app.build()
    page = BeautifulSoup(
        (app.outdir / "glossary" / "alpha.xhtml").read_text(encoding="utf-8"), "html.parser"
    )
    assert page.find("details") is None
    assert (
        page.select_one(".pmterm-faq .pmterm-faq-question strong").get_text()
        == "Is the alpha role senior?"
    )
