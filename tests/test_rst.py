"""A project written in reStructuredText only (no MyST-Parser) authors terms with
``.. pmterm::`` and its parts, and gets the same pages, warnings and backlinks."""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, build_root, parse_warnings, sphinx_build

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, str]:
    return build_root("pmterm-rst", tmp_path_factory)


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


def text(node: object) -> str:
    return " ".join(node.get_text(" ", strip=True).replace("¶", "").split())  # type: ignore[attr-defined]


def test_it_builds_without_warnings_and_generates_rst_pages(
    built: tuple[SphinxTestApp, str],
) -> None:
    app, warnings = built
    assert parse_warnings(warnings) == [], warnings
    assert "myst_parser" not in app.extensions
    generated = sorted(
        p.relative_to(app.srcdir).as_posix() for p in (app.srcdir / "glossary").rglob("*")
    )
    assert generated == [
        "glossary/a-z.rst",
        "glossary/alpha.rst",
        "glossary/beta.rst",
        "glossary/categories",
        "glossary/categories/methods.rst",
        "glossary/categories/roles.rst",
    ]


def test_a_term_page_has_every_part(built: tuple[SphinxTestApp, str]) -> None:
    app, _ = built
    term = soup(app, "glossary/alpha").select_one("section.pmterm")
    assert term["id"] == "term-Alpha-Role"
    assert text(term.h1) == "Alpha Role"
    assert [text(h) for h in term.find_all("h2")] == [
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
    assert meta.find("a")["href"] == "categories/roles.html"
    assert text(meta.find("a")) == "Roles & People"
    assert [text(a) for a in meta.select(".pmterm-alias")] == ["AR", "First Role"]
    assert text(term.select_one("section.pmterm-definition em")) == "what"
    assert term.select_one("section.pmterm-why p a")["href"] == "https://example.org"
    assert len(term.select("section.pmterm-practice li")) == 2
    assert text(term.select_one("section.pmterm-pitfalls strong")) == "Pitfall one."
    related = term.select_one("ul.pmterm-related-list li")
    assert related.a["href"] == "beta.html#term-Beta-Method"
    assert text(related) == "Beta Method — the method this role runs"
    faqs = term.select("details.pmterm-faq")
    assert [text(f.summary) for f in faqs] == ["Is the alpha role senior ?", "Does it write code?"]
    assert text(faqs[0].summary.em) == "senior"
    assert text(faqs[0].select_one(".pmterm-faq-answer")) == "Yes, it reports to the board."


def test_backlinks_previews_and_lists(built: tuple[SphinxTestApp, str]) -> None:
    app, _ = built
    beta = soup(app, "glossary/beta")
    groups = {
        text(kind): [text(a) for a in kind.find_next_sibling("ul").select("a")]
        for kind in beta.select(".pmterm-backlink-kind")
    }
    assert groups == {
        "Terms that list it as related": ["Alpha Role"],
        "Terms that mention it": ["Alpha Role"],
        "Other pages that mention it": ["A page that cites terms"],
    }
    page = soup(app, "page")
    links = page.select("a.pmterm-preview")
    assert [a["href"] for a in links] == [
        "glossary/alpha.html#term-Alpha-Role",
        "glossary/alpha.html#term-Alpha-Role",
        "glossary/beta.html#term-Beta-Method",
    ]
    assert links[0]["title"].startswith("Alpha Role (Roles & People) — The alpha role owns")
    roles = soup(app, "glossary/categories/roles")
    assert [text(li) for li in roles.select("ul.pmterm-term-list li")] == [
        "Alpha Role — The alpha role owns what gets built."
    ]
    az = soup(app, "glossary/a-z")
    assert "Beta Method" in [text(a) for a in az.select(".pmterm-az-list a")]


BROKEN = """\
.. pmterm:: Broken Role
   :category: roles

   A definition.

   .. faq:: A question without an answer?

   .. related:: Nowhere Term

      does not exist

.. why::

   A part outside any term.
"""


def test_mistakes_in_rst_are_located(tmp_path_factory: pytest.TempPathFactory) -> None:
    src = tmp_path_factory.mktemp("rst-broken") / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-rst", src)
    (src / "glossary" / "broken.rst").write_text(BROKEN, encoding="utf-8")
    app = sphinx_build(src)
    where = {
        (Path(w.file).relative_to(src).as_posix(), w.line, w.type)
        for w in parse_warnings(app.warning.getvalue())
    }
    assert where == {
        ("glossary/broken.rst", 6, "pmterm.incomplete-faq"),
        ("glossary/broken.rst", 8, "pmterm.unknown-related"),
        ("glossary/broken.rst", 12, "pmterm.misplaced"),
    }


def test_generated_pages_nobody_lists_give_no_toctree_warning(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Without ``pmterm-categories`` no toctree lists the generated pages; they are
    orphans, so a ``-W`` build of a project that only writes terms passes."""
    src = tmp_path_factory.mktemp("rst-plain") / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-rst", src)
    (src / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   page\n", encoding="utf-8")
    app = sphinx_build(src)
    assert parse_warnings(app.warning.getvalue()) == []
    assert (app.outdir / "glossary" / "categories" / "roles.html").is_file()
