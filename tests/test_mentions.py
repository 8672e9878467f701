"""Unlinked mentions: the report finds exactly the planted mentions, and keeps up
with incremental builds.

The ``pmterm-mentions`` root plants mentions in every form the report must find
(any case, plural, possessive, an abbreviation, hyphen for space, overlapping
names) and in every place it must not look (code, a literal block, a heading, a
link, a section that already links the term, an FAQ question, the term's own
page, an alias that is an ordinary word).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sphinx.util.console import strip_escape_sequences  # type: ignore[attr-defined]

from conftest import PROJECT, build_root, parse_warnings, sphinx_build
from pmterm import mentions
from pmterm.mentions import Matcher, compile_spelling, matchable

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

ROOT = PROJECT / "tests" / "roots" / "test-pmterm-mentions"
ON: dict[str, object] = {"pmterm_report_unlinked_mentions": True}

#: (file, line, term, words as written): everything the report must find, and no more.
PLANTED = {
    ("page.md", 3, "Product Strategy", "PRODUCT STRATEGY"),  # any case; longest name
    ("page.md", 4, "North Star Metric", "north star metric’s"),  # possessive
    ("page.md", 4, "Objectives and Key Results", "OKRs"),  # abbreviation, plural
    ("page.md", 9, "User Story", "user stories"),  # plural of a name of two words
    ("page.md", 19, "Strategy", "Strategies"),  # the section links a longer name only
    ("glossary/product-strategy.md", 5, "Roadmap", "roadmaps"),
    ("glossary/roadmap.md", 11, "Strategy", "strategy"),  # an FAQ's answer
    ("glossary/okr.md", 6, "North Star Metric", "north-star metric"),  # hyphen for space
}


def found(app: SphinxTestApp, text: str) -> set[tuple[str, int, str, str]]:
    hits = set()
    for w in parse_warnings(text):
        assert w.type == "pmterm.unlinked-mention", w
        written, term = w.message.split('"')[1], w.message.split('"')[3]
        hits.add((Path(w.file).relative_to(app.srcdir).as_posix(), w.line or 0, term, written))
    return hits


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, str]:
    return build_root("pmterm-mentions", tmp_path_factory, pmterm_report_unlinked_mentions=True)


def test_the_report_finds_exactly_the_planted_mentions(
    reported: tuple[SphinxTestApp, str],
) -> None:
    app, text = reported
    assert found(app, text) == PLANTED


def test_the_report_is_off_by_default_and_the_health_file_has_it_anyway(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    app, text = build_root("pmterm-mentions", tmp_path_factory)
    assert parse_warnings(text) == []
    data = json.loads((app.outdir / "glossary-health.json").read_text("utf-8"))
    listed = {
        (page["page"], m["line"], m["term"], m["text"])
        for page in data["unlinked_mentions"]
        for m in page["mentions"]
    }
    assert listed == {(f.removesuffix(".md"), line, t, w) for f, line, t, w in PLANTED}


# -- the matcher on its own ------------------------------------------------------------


def match(names: list[str], text: str) -> list[tuple[str, str]]:
    patterns = [p for n in names if (p := compile_spelling(n)) is not None]
    return [(key, written) for _, key, written in Matcher(patterns).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the roadmaps", [("roadmap", "roadmaps")]),
        ("Roadmap's owner", [("roadmap", "Roadmap's")]),
        ("ROADMAP", [("roadmap", "ROADMAP")]),
        ("a roadmapping day", []),  # whole words only
        ("two OKRs and an OKR", [("okr", "OKRs"), ("okr", "OKR")]),
        ("okrs", []),  # an abbreviation matches in capitals only
        ("product strategies", [("product strategy", "product strategies")]),
        ("product-strategy talk", [("product strategy", "product-strategy")]),
        ("a strategy", [("strategy", "strategy")]),
        ("product \x00 strategy", [("strategy", "strategy")]),  # a link in between
        ("the product's strategy", [("strategy", "strategy")]),
        ("Build vs. Buy", [("build vs. buy", "Build vs. Buy")]),
        ("build vs buy", []),  # punctuation other than dashes must be there
        ("companies", [("company", "companies")]),
        ("café culture", [("café culture", "café culture")]),  # composed text, NFC
        (
            "sprint planning, then a sprint",
            [("sprint planning", "sprint planning"), ("sprint", "sprint")],
        ),  # longest first
    ],
)
def test_the_matcher(text: str, expected: list[tuple[str, str]]) -> None:
    names = ["Roadmap", "OKR", "Product Strategy", "Strategy", "Build vs. Buy", "Company"]
    names += ["Sprint", "Sprint Planning"]
    assert match([*names, "Cafe\u0301 Culture"], text) == expected


def test_an_alias_of_one_ordinary_word_is_not_searched_but_an_abbreviation_is() -> None:
    assert not matchable("Story", is_name=False)
    assert matchable("Story", is_name=True)
    assert matchable("OKR", is_name=False)
    assert matchable("CoD", is_name=False)
    assert matchable("Story Points", is_name=False)


# -- incremental builds ------------------------------------------------------------------


def mentions_of(app: SphinxTestApp) -> set[tuple[str, int, str, str]]:
    return found(app, app.warning.getvalue())


def html_pages(outdir: Path) -> dict[str, bytes]:
    pages = {p.relative_to(outdir).as_posix(): p.read_bytes() for p in outdir.rglob("*.html")}
    pages["glossary-health.json"] = (outdir / "glossary-health.json").read_bytes()
    return pages


def edit(path: Path, old: str, new: str) -> None:
    from test_incremental import edit as edit_file

    edit_file(path, old, new)


def test_adding_a_link_elsewhere_updates_the_report(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    first = sphinx_build(src, tmp_path / "out", confoverrides=ON)
    assert mentions_of(first) == PLANTED
    edit(src / "glossary" / "okr.md", "north-star metric", "{term}`north-star metric <NSM>`")
    again = sphinx_build(src, tmp_path / "out", confoverrides=ON)
    assert mentions_of(again) == PLANTED - {
        ("glossary/okr.md", 6, "North Star Metric", "north-star metric")
    }
    clean = sphinx_build(src, tmp_path / "clean", confoverrides=ON)
    incremental, fresh = html_pages(tmp_path / "out" / "html"), html_pages(clean.outdir)
    assert sorted(p for p in fresh if incremental.get(p) != fresh[p]) == []
    health = json.loads(incremental["glossary-health.json"])
    assert "glossary/okr" not in {page["page"] for page in health["unlinked_mentions"]}
    assert "North Star Metric" not in health["linked_from_nowhere"]


def test_a_new_term_finds_its_mentions_on_pages_not_read_again(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    sphinx_build(src, tmp_path / "out", confoverrides=ON)
    (src / "glossary" / "quarter.md").write_text(
        "::::{pmterm} Quarter\n:category: methods\n\nA quarter is three months.\n::::\n",
        encoding="utf-8",
    )
    again = sphinx_build(src, tmp_path / "out", confoverrides=ON)
    status = strip_escape_sequences(again.status.getvalue())
    read = set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status))
    assert "glossary/okr" not in read and "glossary/quarter" in read
    assert ("glossary/okr.md", 5, "Quarter", "quarter") in mentions_of(again)


def test_an_edit_matches_only_the_pages_it_reads_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The matching is memoised per page: an edit that changes no name re-matches
    only the edited page (the benchmark's edit stays cheap at any size)."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    sphinx_build(src, tmp_path / "out", confoverrides=ON)
    matched: list[int] = []
    real = mentions.hits

    def counting(passages: object, match: Matcher) -> tuple[mentions.Hit, ...]:
        matched.append(1)
        return real(passages, match)  # type: ignore[arg-type]

    monkeypatch.setattr(mentions, "hits", counting)
    edit(src / "page.md", "Strategies differ.", "Strategies differ a lot.")
    again = sphinx_build(src, tmp_path / "out", confoverrides=ON)
    assert len(matched) == 1
    assert mentions_of(again) == PLANTED


def test_names_sharing_a_first_word_cost_nothing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand names starting with the same word: each word of the text is still
    compared with at most a few names (the scan walks a trie, never a list)."""
    patterns = [p for i in range(1000) if (p := compile_spelling(f"Term {i}")) is not None]
    match = Matcher(patterns)
    compared: list[int] = []
    real = Matcher._matches

    def counting(*args: object) -> bool:
        compared.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(Matcher, "_matches", staticmethod(counting))
    text = " ".join(f"term {i * 7 % 1000} and terms" for i in range(200))
    found = match.find(text)
    assert len(found) == 200
    assert len(compared) <= 2 * len(text.split())


def test_a_parallel_build_reports_the_same(tmp_path: Path) -> None:
    """Prose is merged from parallel readers like every other record."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    serial = sphinx_build(src, tmp_path / "serial", confoverrides=ON)
    parallel = sphinx_build(src, tmp_path / "parallel", parallel=2, confoverrides=ON)
    assert mentions_of(parallel) == mentions_of(serial) == PLANTED
    files = [app.outdir / "glossary-health.json" for app in (serial, parallel)]
    assert files[0].read_bytes() == files[1].read_bytes()
