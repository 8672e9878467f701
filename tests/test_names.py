"""Names compare after NFC and case folding; a clash with a plain glossary entry is
warned and its link and preview agree; the standard domain is fed through one adapter."""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.util.inventory import InventoryFile

from conftest import build_root, parse_warnings

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

CAFE = unicodedata.normalize("NFD", "Café Culture")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, str]:
    return build_root("pmterm-names", tmp_path_factory)


def page(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


def test_references_find_a_name_in_another_unicode_form_and_case(
    built: tuple[SphinxTestApp, str],
) -> None:
    app, _ = built
    links = page(app, "index").select("p a.reference")
    by_text = {a.get_text(): a for a in links}
    precomposed = by_text[unicodedata.normalize("NFC", "café culture")]
    assert precomposed["href"] == "glossary/cafe.html#term-Cafe-Culture"
    assert "pmterm-preview" in precomposed["class"]
    assert by_text["cc"]["href"] == "glossary/cafe.html#term-Cafe-Culture"
    decomposed = by_text[unicodedata.normalize("NFD", "CAFÉ culture")]
    assert decomposed["href"] == "glossary/cafe.html#term-Cafe-Culture"
    assert by_text["STRASSE"]["href"] == "glossary/cafe.html#term-Cafe-Culture"  # ß folds to ss


def test_related_entries_resolve_across_unicode_forms(built: tuple[SphinxTestApp, str]) -> None:
    app, _ = built
    link = page(app, "glossary/shared").select_one("ul.pmterm-related-list a")
    assert link["href"] == "cafe.html#term-Cafe-Culture"
    assert link["title"].startswith(unicodedata.normalize("NFC", CAFE))


def test_clash_with_a_plain_glossary_entry_is_warned_and_link_and_preview_agree(
    built: tuple[SphinxTestApp, str],
) -> None:
    app, text = built
    clashes = [w for w in parse_warnings(text) if w.type == "pmterm.term-clash"]
    assert [(w.file.rpartition("/")[2], w.line) for w in clashes] == [("shared.md", 1)]
    assert "plain.md" in clashes[0].message
    shadowed = next(a for a in page(app, "index").select("p a") if a.get_text() == "Shared Word")
    assert shadowed["href"].startswith("plain.html#")
    assert "title" not in shadowed.attrs  # no preview of a term it does not go to
    assert "pmterm-preview" not in shadowed["class"]


def test_only_the_clash_is_warned(built: tuple[SphinxTestApp, str]) -> None:
    _, text = built
    assert {w.type for w in parse_warnings(text)} == {"pmterm.term-clash"}, text


def test_inventory_has_every_spelling_once_with_the_canonical_form(
    built: tuple[SphinxTestApp, str],
) -> None:
    app, _ = built
    with (app.outdir / "objects.inv").open("rb") as f:
        inventory = InventoryFile.load(f, "https://example.org", lambda *a: "/".join(a))
    terms = inventory["std:term"]
    # Names are shown and filed in NFC, whatever form the author typed.
    assert unicodedata.normalize("NFC", CAFE) in terms and "CC" in terms and "Straße" in terms
    assert CAFE not in terms
    assert "Shared Word" in terms  # the plain glossary's entry
