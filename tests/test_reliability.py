"""Adversarial input that once lost text or data: each case, built and checked.

The ``pmterm-reliability`` root puts a term on the home page, an FAQ outside its
term, a line separator inside a question, em dashes inside a name and a related
entry whose backlink must carry a preview like every other link to a term.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from conftest import build_root, parse_warnings

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

DASHED = "Build — Measure — Learn"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, str]:
    return build_root("pmterm-reliability", tmp_path_factory)


def page(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(str(s.string)) for s in soup.find_all("script", type="application/ld+json")]


def test_a_term_on_the_home_page_keeps_the_home_pages_data_valid(
    built: tuple[SphinxTestApp, str],
) -> None:
    app, _ = built
    data = {d["@type"]: d for d in json_ld(page(app, "index"))}
    assert set(data) == {"DefinedTermSet", "DefinedTerm"}
    home = data["DefinedTermSet"]
    assert home["url"] == "index.html"
    assert {t["name"] for t in home["hasDefinedTerm"]} >= {"Home Term", DASHED}
    term = data["DefinedTerm"]
    assert term["url"] == "index.html#term-Home-Term"
    assert term["inDefinedTermSet"]["url"] == "index.html"


def test_an_faq_outside_its_term_keeps_question_and_answer(
    built: tuple[SphinxTestApp, str],
) -> None:
    app, text = built
    body = page(app, "glossary/faq-outside").select_one("div.body").get_text(" ", strip=True)
    assert "Where did my question go?" in body
    assert "The answer survives too." in body
    where = {(w.file.rpartition("/")[2], w.line, w.type) for w in parse_warnings(text)}
    assert ("faq-outside.md", 7, "pmterm.misplaced") in where


def test_a_line_separator_in_a_question_is_a_space(built: tuple[SphinxTestApp, str]) -> None:
    app, _ = built
    faqs = page(app, "glossary/separator").select("details.pmterm-faq")
    assert len(faqs) == 1
    assert faqs[0].summary.get_text(strip=True) == "Is this still one question after the separator?"
    answer = faqs[0].select_one(".pmterm-faq-answer").get_text(" ", strip=True)
    assert answer == "Yes, and this is the whole answer."


def test_every_backlink_to_a_term_carries_its_preview(built: tuple[SphinxTestApp, str]) -> None:
    app, _ = built
    home = page(app, "index")
    related = [a for a in home.select(".pmterm-backlink-list a") if a.get_text() == DASHED]
    assert related, "the related backlink is missing"
    previews = json.loads(str(home.select_one("script#pmterm-previews").string))
    for link in related:
        assert "pmterm-preview" in link["class"]
        assert link["title"].startswith(f"{DASHED} (Methods) — ")
        assert previews[link["href"]] == {
            "name": DASHED,
            "category": "Methods",
            "summary": f"{DASHED} is the loop at the heart of lean startup.",
        }


def test_only_the_planted_mistake_is_warned(built: tuple[SphinxTestApp, str]) -> None:
    _, text = built
    assert [(w.file.rpartition("/")[2], w.type) for w in parse_warnings(text)] == [
        ("faq-outside.md", "pmterm.misplaced")
    ]
