"""Every authoring mistake gives a located ``pmterm.<subtype>`` warning, and nothing else breaks."""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from myst_parser import __version__ as myst_version

from conftest import build_root, parse_warnings
from pmterm.warnings import Subtype

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

# subtype -> (file of the test root, line of the mistake)
EXPECTED: dict[Subtype, tuple[str, int]] = {
    Subtype.MISSING_NAME: ("glossary/missing-name.md", 1),
    Subtype.MISSING_DEFINITION: ("glossary/missing-definition.md", 1),
    Subtype.MISSING_CATEGORY: ("glossary/missing-category.md", 1),
    Subtype.UNKNOWN_CATEGORY: ("glossary/unknown-category.md", 1),
    Subtype.BAD_OPTION: ("glossary/bad-option.md", 1),
    Subtype.UNKNOWN_RELATED: ("glossary/unknown-related.md", 6),
    Subtype.SELF_RELATED: ("glossary/self-related.md", 7),
    Subtype.INCOMPLETE_RELATED: ("glossary/incomplete-related.md", 6),
    Subtype.DUPLICATE_TERM: ("glossary/zz-duplicate-term.md", 1),
    Subtype.DUPLICATE_PART: ("glossary/duplicate-part.md", 10),
    Subtype.INCOMPLETE_FAQ: ("glossary/incomplete-faq.md", 6),
    Subtype.MISPLACED: ("page.md", 5),
    Subtype.BAD_CONFIG: ("conf.py", 6),
    Subtype.ENCODING: ("glossary/bad-utf8.md", 4),
    Subtype.MULTIPLE_TERMS: ("glossary/two-terms.md", 7),
    Subtype.LONG_NAME: ("glossary/long-name.md", 1),
    Subtype.TERM_CLASH: ("glossary/clash.md", 1),
    Subtype.GENERATED_CLASH: ("glossary/categories/kept.md", 1),
}

#: Before 5.2, MyST-Parser gives a directive its body without the option lines (so an
#: option written twice cannot be seen) and locates its own unknown-option warning at
#: line 1 of a file named ``.md.rst``; the authoring guide says so.
MYST_5_2 = pytest.mark.skipif(
    tuple(int(n) for n in myst_version.split(".")[:2]) < (5, 2),
    reason="MyST-Parser < 5.2 hides option lines from directives",
)

# More bad input, beyond one case per subtype: (file, line, type)
MORE: list[object] = [
    pytest.param("glossary/dup-option.md", 1, "pmterm.bad-option", marks=MYST_5_2),  # twice
    ("glossary/punctuation.md", 1, "pmterm.missing-name"),  # a name of punctuation only
    # a term whose page has no title; MyST numbers a directive nested in a colon
    # fence one line after its opening line
    ("glossary/in-note.md", 3, "pmterm.misplaced"),
    ("glossary/nested-faq.md", 9, "pmterm.misplaced"),  # an FAQ inside a part
    ("page.md", 9, "ref.term"),  # a non-glossary page citing a missing term (Sphinx's own)
    # MyST's own, at the option
    pytest.param("glossary/unknown-option.md", 3, "myst.directive_option", marks=MYST_5_2),
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, str]:
    return build_root("pmterm-warnings", tmp_path_factory)


#: Subtypes only a LaTeX build gives, provoked in ``test_builders``.
LATEX_ONLY = {Subtype.LATEX_CHARACTER}
#: Subtypes off by default, provoked where they are turned on (``test_mentions``).
OPT_IN = {Subtype.UNLINKED_MENTION}
#: Subtypes of a broken installation, provoked in ``test_package``.
PACKAGE_ONLY = {Subtype.MISSING_STATIC}


def test_every_subtype_is_provoked_here() -> None:
    assert set(EXPECTED) | LATEX_ONLY | OPT_IN | PACKAGE_ONLY == set(Subtype)


@pytest.mark.parametrize("subtype", list(EXPECTED), ids=lambda s: s.subtype)
def test_warning_is_located_and_typed(broken: tuple[SphinxTestApp, str], subtype: Subtype) -> None:
    app, text = broken
    file, line = EXPECTED[subtype]
    hits = [w for w in parse_warnings(text) if w.type == f"pmterm.{subtype.subtype}"]
    assert hits, f"no pmterm.{subtype.subtype} warning in:\n{text}"
    where = {(Path(w.file).relative_to(app.srcdir).as_posix(), w.line or 0) for w in hits}
    assert (file, line) in where


@pytest.mark.parametrize(("file", "line", "kind"), MORE)
def test_more_bad_input_is_located(
    broken: tuple[SphinxTestApp, str], file: str, line: int, kind: str
) -> None:
    app, text = broken
    where = {
        (Path(w.file).relative_to(app.srcdir).as_posix(), w.line, w.type)
        for w in parse_warnings(text)
    }
    assert (file, line, kind) in where


def test_cycles_long_names_and_bad_bytes_still_render(broken: tuple[SphinxTestApp, str]) -> None:
    app, _ = broken
    for slug, name in [("cycle-a", "Cycle A"), ("cycle-b", "Cycle B"), ("bad-utf8", "Latin One")]:
        page = BeautifulSoup(
            (app.outdir / "glossary" / f"{slug}.html").read_text("utf-8"), "html.parser"
        )
        assert page.select_one("section.pmterm h1").get_text(strip=True).rstrip("¶") == name
    cycle = BeautifulSoup(
        (app.outdir / "glossary" / "cycle-a.html").read_text("utf-8"), "html.parser"
    )
    assert cycle.select_one("#cycle-a-linked-from li a")["href"] == (
        "cycle-b.html#related-cycle-b-Cycle-A"
    )
    latin = (app.outdir / "glossary" / "bad-utf8.html").read_text("utf-8")
    assert "caf\ufffd au lait" in latin
    long_page = (app.outdir / "glossary" / "long-name.html").read_text("utf-8")
    assert "Very Long Name " * 66 in long_page
    two = BeautifulSoup(
        (app.outdir / "glossary" / "two-terms.html").read_text("utf-8"), "html.parser"
    )
    assert [
        h.get_text(strip=True).rstrip("¶")
        for h in two.select("section.pmterm > h1, section.pmterm > h2")
    ][:1] == ["First Here"]
    assert two.select_one("section#term-Second-Here") is not None


def test_alias_equal_to_another_terms_name_is_a_duplicate(
    broken: tuple[SphinxTestApp, str],
) -> None:
    _, text = broken
    dupes = [w for w in parse_warnings(text) if w.type == "pmterm.duplicate-term"]
    assert any(w.file.endswith("zz-alias-clash.md") and '"Valid Two"' in w.message for w in dupes)


def test_no_traceback_and_only_expected_warnings(broken: tuple[SphinxTestApp, str]) -> None:
    _, text = broken
    assert "Traceback" not in text and "Exception" not in text
    types = {w.type for w in parse_warnings(text)}
    ours = {f"pmterm.{s.subtype}" for s in set(Subtype) - LATEX_ONLY - OPT_IN - PACKAGE_ONLY}
    expected = ours | {"ref.term", "myst.directive_option"}
    assert types == expected, text


def test_valid_terms_still_render_with_their_parts(broken: tuple[SphinxTestApp, str]) -> None:
    app, _ = broken
    one = BeautifulSoup(
        (app.outdir / "glossary" / "valid-one.html").read_text("utf-8"), "html.parser"
    )
    assert one.select_one("section.pmterm h1").get_text(strip=True).rstrip("¶") == "Valid One"
    assert one.select_one("ul.pmterm-related-list a")["href"] == "valid-two.html#term-Valid-Two"
    assert one.select_one("details.pmterm-faq summary").get_text(strip=True) == "Is it valid?"
    two = BeautifulSoup(
        (app.outdir / "glossary" / "valid-two.html").read_text("utf-8"), "html.parser"
    )
    assert two.select_one("ul.pmterm-related-list a")["href"] == "valid-one.html#term-Valid-One"
    page = BeautifulSoup((app.outdir / "page.html").read_text("utf-8"), "html.parser")
    assert (
        page.select_one("a.reference.internal")["href"] == "glossary/valid-one.html#term-Valid-One"
    )
    # The first definition in document order keeps a contested name; the other still has a page.
    dup = BeautifulSoup(
        (app.outdir / "glossary" / "zz-duplicate-term.html").read_text("utf-8"), "html.parser"
    )
    assert dup.select_one("section.pmterm h1") is not None


def test_an_authors_file_where_a_page_would_be_generated_is_kept(
    broken: tuple[SphinxTestApp, str],
) -> None:
    app, text = broken
    source = (app.srcdir / "glossary" / "categories" / "kept.md").read_text("utf-8")
    assert source.startswith("# Kept by the author")
    page = (app.outdir / "glossary" / "categories" / "kept.html").read_text("utf-8")
    assert "must survive every build" in page
    clash = next(w for w in parse_warnings(text) if w.type == "pmterm.generated-clash")
    assert "glossary/categories/kept.md" in clash.message and "pmterm_categories" in clash.message


def test_misplaced_and_unnamed_content_is_kept(broken: tuple[SphinxTestApp, str]) -> None:
    app, _ = broken
    page = (app.outdir / "page.html").read_text("utf-8")
    assert "A part outside any term." in page
    unnamed = (app.outdir / "glossary" / "missing-name.html").read_text("utf-8")
    assert "A definition without a name." in unnamed


def test_dangling_related_entry_is_plain_text(broken: tuple[SphinxTestApp, str]) -> None:
    app, _ = broken
    page = BeautifulSoup(
        (app.outdir / "glossary" / "unknown-related.html").read_text("utf-8"), "html.parser"
    )
    item = page.select_one("ul.pmterm-related-list li")
    assert item.find("a") is None
    assert item.get_text(" ", strip=True) == "Nowhere Term — does not exist"


def test_every_subtype_can_be_suppressed(tmp_path_factory: pytest.TempPathFactory) -> None:
    _, text = build_root(
        "pmterm-warnings",
        tmp_path_factory,
        suppress_warnings=[f"pmterm.{s.subtype}" for s in Subtype],
    )
    assert [w for w in parse_warnings(text) if (w.type or "").startswith("pmterm")] == []
    assert "ref.term" in text  # only ours are silenced
    assert "myst.directive_option" in text
