"""Hostile strings stay text everywhere a glossary string lands.

Names, aliases, summaries, FAQ questions and notes with ``<``, ``>``, ``&``, both
quotes, ``</script>``, ``{{``, ``%`` and right-to-left text are checked by parsing
each output (HTML, attributes, JSON-LD, the search index, glossary.json), never by
grepping it.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from sphinx import version_info as sphinx_version

from conftest import build_root

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

NAME = "A/B <Test> & \"Quotes\" 'Single' {{ x }} 100%"
ALIASES = ["</script><script>alert(1)</script>", "مدير المنتج", "{% raw %}"]
SUMMARY = "Evil names <b>stay text</b> & so does </script> with \"quotes\" and 'single' ones."
QUESTION = 'Is <b>this</b> "safe" & sound? </script>'
NOTE = 'note with <i>angle</i> & </script> and "quotes"'
PREVIEW = f"{NAME} (Roles & People) — {SUMMARY}"
# Sphinx's SmartQuotes curls quotes in the text it shows (not in attributes or data).
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app, warnings = build_root(
        "pmterm-escaping", tmp_path_factory, html_baseurl="https://x.example/"
    )
    assert warnings == ""
    return app


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


def text(node: Any) -> str:
    """Visible text with whitespace collapsed and typographic quotes straightened."""
    return " ".join(node.get_text().split()).rstrip("¶").translate(STRAIGHT)


def test_page_shows_the_strings_as_text(site: SphinxTestApp) -> None:
    page = soup(site, "glossary/evil")
    term = page.select_one("section.pmterm")
    assert text(term.h1) == NAME
    assert [text(a) for a in term.select(".pmterm-alias")] == ALIASES
    assert text(term.select_one("section.pmterm-definition p")).startswith(SUMMARY)
    assert term.select_one("section.pmterm-definition b") is None
    summary = term.select_one("details.pmterm-faq > summary")
    assert text(summary) == QUESTION
    assert summary.find("b") is None and summary.find("script") is None
    assert text(term.select_one("ul.pmterm-related-list li")) == f"Plain — {NOTE}"
    # No script came from the content: only files, JSON-LD, and the theme's own snippet.
    for script in page.find_all("script"):
        assert "alert" not in (script.get("src") or ""), script
        if script.get("type") == "application/json":  # the preview map: data, never run
            assert script.get("id") == "pmterm-previews"
            json.loads(str(script.string))
        elif not script.get("src") and script.get("type") != "application/ld+json":
            assert str(script.string).startswith("document.getElementById('searchbox')"), script


def test_attributes_carry_the_strings_verbatim(site: SphinxTestApp) -> None:
    links = soup(site, "page").select("a.pmterm-preview")
    assert [a["title"] for a in links] == [PREVIEW, PREVIEW]
    assert [text(a) for a in links] == [NAME, "مدير المنتج"]
    plain = soup(site, "glossary/plain")
    assert plain.select_one("ul.pmterm-related-list a")["title"] == PREVIEW
    # The preview map carries the same strings as data, for every preview link.
    page = soup(site, "page")
    previews = json.loads(str(page.select_one("script#pmterm-previews").string))
    for a in links:
        assert previews[a["href"]]["name"] == NAME
        assert previews[a["href"]]["summary"] == SUMMARY
    evil = soup(site, "glossary/evil")
    assert evil.select_one('meta[name="description"]')["content"] == SUMMARY
    assert evil.select_one('meta[property="og:title"]')["content"] == NAME


def test_json_ld_parses_and_round_trips(site: SphinxTestApp) -> None:
    scripts = soup(site, "glossary/evil").select('script[type="application/ld+json"]')
    term, faq = (json.loads(str(s.string)) for s in scripts)
    assert term["name"] == NAME
    assert term["alternateName"] == ALIASES
    assert term["description"] == SUMMARY
    assert faq["mainEntity"][0]["name"] == QUESTION
    raw = (site.outdir / "glossary" / "evil.html").read_text("utf-8")
    body = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(body)["name"] == NAME  # no "</script>" inside ended it early


def test_search_index_holds_plain_text(site: SphinxTestApp) -> None:
    script = (site.outdir / "searchindex.js").read_text("utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    # What the reader sees: Sphinx 9 stores titles as text and escapes them when it
    # shows them; Sphinx 8 stores them escaped and inserts them as HTML.
    shown = index["titles"] if sphinx_version >= (9,) else map(html.unescape, index["titles"])
    assert NAME in [t.translate(STRAIGHT) for t in shown]
    # Terms and aliases reach the search through the general index (Sphinx keeps
    # glossary terms out of its object list); entries are stored in lower case.
    entries = index["indexentries"]
    assert {NAME.lower(), *(a.lower() for a in ALIASES)} <= entries.keys()


def test_export_round_trips(site: SphinxTestApp) -> None:
    data = json.loads((site.outdir / "glossary.json").read_text("utf-8"))
    evil = next(t for t in data["terms"] if t["name"] == NAME)
    assert evil["aliases"] == ALIASES
    assert evil["summary"] == SUMMARY
    assert evil["faqs"][0]["question"] == QUESTION
    assert evil["related"][0]["note"] == NOTE
    assert data["aliases"]["</script><script>alert(1)</script>"] == NAME


def test_lists_show_the_strings_as_text(site: SphinxTestApp) -> None:
    az = soup(site, "glossary/a-z")
    entries = [text(a) for a in az.select(".pmterm-az-list a")]
    assert NAME in entries and "</script><script>alert(1)</script>" in entries
    roles = soup(site, "glossary/categories/roles")
    assert text(roles.select_one(".pmterm-term-list li")) == f"{NAME} — {SUMMARY}"
