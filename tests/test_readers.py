"""What readers and search engines get: previews on every term link, JSON-LD, meta tags."""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from conftest import BASIC_TERMS, build_root
from pmterm import STATIC_DIR

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

ALPHA = "Alpha Role (Roles & People) — The alpha role owns what gets built."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app, warnings = build_root("pmterm-basic", tmp_path_factory, html_baseurl="https://pm.example/")
    assert warnings == ""
    return app


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


def previews(page: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(): str(a["title"]) for a in page.select("a.pmterm-preview")}


def test_term_references_carry_name_category_and_summary(site: SphinxTestApp) -> None:
    found = previews(soup(site, "page"))
    assert found == {
        "Alpha Role": ALPHA,
        "AR": ALPHA,
        "alpha role": ALPHA,
        "the method": ("Beta Method (Methods) — Beta Method is a way of working."),
    }


def test_related_backlinks_and_lists_carry_previews(site: SphinxTestApp) -> None:
    beta = soup(site, "glossary/beta")
    assert beta.select_one("ul.pmterm-related-list a.pmterm-preview")["title"] == ALPHA
    alpha = soup(site, "glossary/alpha")
    backlink = alpha.select_one("ul.pmterm-backlink-list a.pmterm-preview")
    assert backlink["title"] == "Beta Method (Methods) — Beta Method is a way of working."
    roles = previews(soup(site, "glossary/categories/roles"))
    assert roles["Alpha Role"] == ALPHA
    az = previews(soup(site, "glossary/a-z"))
    assert az["AR"] == ALPHA


def test_preview_assets_are_small_and_loaded(site: SphinxTestApp) -> None:
    size = sum(
        len(gzip.compress((STATIC_DIR / f).read_bytes())) for f in ("pmterm.js", "pmterm.css")
    )
    assert size <= 5 * 1024
    head = soup(site, "page").head
    assert head.select_one('script[src*="pmterm.js"]').has_attr("defer")
    assert head.select_one('link[href*="pmterm.css"]') is not None


def json_ld(page: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(str(s.string)) for s in page.select('script[type="application/ld+json"]')]


def test_term_page_has_defined_term_and_faq_page(site: SphinxTestApp) -> None:
    page = soup(site, "glossary/alpha")
    term, faq = json_ld(page)
    assert term == {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": "Alpha Role",
        "alternateName": ["AR", "First Role"],
        "description": "The alpha role owns what gets built.",
        "url": "https://pm.example/glossary/alpha.html#term-Alpha-Role",
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": "Test Glossary",
            "url": "https://pm.example/index.html",
        },
    }
    assert faq["@type"] == "FAQPage"
    assert faq["mainEntity"][0] == {
        "@type": "Question",
        "name": "Is the alpha role senior?",
        "acceptedAnswer": {"@type": "Answer", "text": "Yes, it reports to the board."},
    }
    assert (
        page.select_one('meta[name="description"]')["content"]
        == "The alpha role owns what gets built."
    )
    assert page.select_one('meta[property="og:title"]')["content"] == "Alpha Role"
    assert (
        page.select_one('meta[property="og:url"]')["content"]
        == "https://pm.example/glossary/alpha.html"
    )


def test_home_page_has_the_defined_term_set(site: SphinxTestApp) -> None:
    (home,) = json_ld(soup(site, "index"))
    assert home["@type"] == "DefinedTermSet"
    names = [t["name"] for t in home["hasDefinedTerm"]]
    assert names == BASIC_TERMS
    assert (
        home["hasDefinedTerm"][1]["url"] == "https://pm.example/glossary/alpha.html#term-Alpha-Role"
    )


def test_term_without_faqs_has_no_faq_page(site: SphinxTestApp) -> None:
    assert [d["@type"] for d in json_ld(soup(site, "glossary/gamma"))] == ["DefinedTerm"]
