"""Incremental, parallel and clean builds give the same pages.

Each edit below is applied to a built copy of a test root; the incremental
rebuild must then produce exactly the pages a clean build of the edited sources
produces. Parallel and serial builds of a glossary large enough for Sphinx to
really split the work must agree too.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences  # type: ignore[attr-defined]

from conftest import PROJECT, sphinx_build
from pmterm import model, render

if TYPE_CHECKING:
    from collections.abc import Callable

GRAPH = PROJECT / "tests" / "roots" / "test-pmterm-graph"


def build(srcdir: Path, builddir: Path, parallel: int = 0) -> SphinxTestApp:
    return sphinx_build(srcdir, builddir, parallel=parallel)


def written_docs(status: str) -> set[str]:
    """Docnames a build wrote, from its status output (chunks of a parallel write too)."""
    found: set[str] = set()
    for line in strip_escape_sequences(status).splitlines():
        match = re.match(r"writing output\.\.\. \[\s*\d+%\] (.+)$", line.strip())
        if match:
            found.update(d for d in match[1].split(" .. ") if d)
    return found


def pages(outdir: Path) -> dict[str, bytes]:
    """Every page and glossary.json of a build, by path."""
    found = {p.relative_to(outdir).as_posix(): p.read_bytes() for p in outdir.rglob("*.html")}
    found["glossary.json"] = (outdir / "glossary.json").read_bytes()
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    _touch(path)


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    _touch(path)


def _touch(path: Path) -> None:
    """Move the mtime clearly past the last build, whatever the clock's resolution."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


DELTA = """::::{pmterm} Delta
:category: methods

Delta is new and mentions {term}`Gamma`.

:::{related} Alpha
new neighbour
:::
::::
"""

EDITS: dict[str, Callable[[Path], None]] = {
    "add a term": lambda src: write(src / "glossary" / "delta.md", DELTA),
    "delete a term": lambda src: (src / "glossary" / "beta.md").unlink(),
    "rename a term": lambda src: edit(
        src / "glossary" / "beta.md", "{pmterm} Beta", "{pmterm} Bet"
    ),
    "change a category": lambda src: edit(
        src / "glossary" / "alpha.md", ":category: roles", ":category: methods"
    ),
    "change a summary": lambda src: edit(
        src / "glossary" / "alpha.md", "Alpha is the first term.", "Alpha comes first."
    ),
    "add a related entry": lambda src: edit(
        src / "glossary" / "gamma.md",
        "uses {term}`Beta`.",
        "uses {term}`Beta`.\n\n:::{related} AL\nits lead\n:::",
    ),
    "remove a related entry": lambda src: edit(
        src / "glossary" / "beta.md", ":::{related} Alpha\nits role\n:::", ""
    ),
    "add a reference in a term": lambda src: edit(
        src / "glossary" / "gamma.md", "the third term", "the third term after {term}`Alpha`"
    ),
    "remove a reference in a term": lambda src: edit(
        src / "glossary" / "beta.md", "Usually {term}`AL`.", "Usually AL."
    ),
    "add a reference in a page": lambda src: edit(
        src / "page.md", "Mentions {term}`Alpha`.", "Mentions {term}`Alpha` and {term}`Gamma`."
    ),
    "remove a reference in a page": lambda src: edit(
        src / "page.md", "Mentions {term}`Alpha`.", "Mentions nothing."
    ),
}


@pytest.mark.parametrize("change", list(EDITS))
def test_incremental_build_matches_clean_build(change: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(GRAPH, src)
    build(src, tmp_path / "incremental")
    before = pages(tmp_path / "incremental" / "html")
    EDITS[change](src)
    build(src, tmp_path / "incremental")
    build(src, tmp_path / "clean")
    after = pages(tmp_path / "incremental" / "html")
    clean = pages(tmp_path / "clean" / "html")
    assert after.keys() - {"glossary/beta.html"} == clean.keys() - {"glossary/beta.html"}
    differing = sorted(p for p in clean if after.get(p) != clean[p])
    assert differing == [], f"stale after '{change}': {differing}"
    assert after != before  # the edit did change something


def test_noop_rebuild_reads_and_writes_no_page(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(GRAPH, src)
    build(src, tmp_path / "out")
    outdir = tmp_path / "out" / "html"
    stamps = {
        p: p.stat().st_mtime_ns for p in [*outdir.glob("**/*.html"), outdir / "glossary.json"]
    }
    app = build(src, tmp_path / "out")
    status = app.status.getvalue()
    assert "0 added, 0 changed, 0 removed" in status
    assert written_docs(status) == set()
    docs = {p for p in stamps if p.name not in {"genindex.html", "search.html"}}
    assert [p.name for p in docs if p.stat().st_mtime_ns != stamps[p]] == []


def test_editing_a_definition_rewrites_only_pages_that_show_it(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(GRAPH, src)
    build(src, tmp_path / "out")
    edit(src / "glossary" / "gamma.md", "Gamma is the third term", "Gamma is the last term")
    status = build(src, tmp_path / "out").status.getvalue()
    # Gamma's own page and the pages that show its summary: its category's list,
    # the A to Z, Beta, whose backlink to Gamma carries Gamma's preview, and Alpha,
    # whose link to the next term of its category does too. Sphinx itself always
    # rewrites the root document after any change.
    assert written_docs(status) == {
        "glossary/gamma",
        "glossary/categories/roles",
        "glossary/a-z",
        "glossary/beta",
        "glossary/alpha",
        "index",
    }


def synthetic_glossary(root: Path, count: int) -> None:
    """A glossary of *count* terms, each related to two others and citing a third."""
    shutil.copytree(GRAPH, root)
    for path in (root / "glossary").glob("*.md"):
        path.unlink()
    (root / "page.md").write_text("# Notes\n\nMentions {term}`Term 7` and {term}`T3`.\n")
    for i in range(count):
        body = (
            f"::::{{pmterm}} Term {i}\n:category: {'roles' if i % 3 else 'methods'}\n"
            f":aliases: T{i}\n\nTerm {i} is number {i}. "
            f"It cites {{term}}`Term {(i * 7 + 3) % count}`.\n\n"
            f":::{{related}} Term {(i + 1) % count}\nnext\n:::\n\n"
            f":::{{related}} T{(i * 5 + 2) % count}\nskip\n:::\n\n"
            f":::{{faq}} Why {i}?\nBecause {{term}}`T{(i + 11) % count}`.\n:::\n::::\n"
        )
        (root / "glossary" / f"term-{i:03d}.md").write_text(body, encoding="utf-8")


def test_parallel_build_matches_serial_build(tmp_path: Path) -> None:
    synthetic_glossary(tmp_path / "src", 60)
    serial = build(tmp_path / "src", tmp_path / "serial")
    parallel = build(tmp_path / "src", tmp_path / "parallel", parallel=2)
    # Sphinx really split the work: it reports reading and writing in chunks.
    assert re.search(
        r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+",
        strip_escape_sequences(parallel.status.getvalue()),
    )
    for app in (serial, parallel):
        assert "parallel" not in app.warning.getvalue()
    a, b = pages(tmp_path / "serial" / "html"), pages(tmp_path / "parallel" / "html")
    assert a.keys() == b.keys()
    assert sorted(p for p in a if a[p] != b[p]) == []


def test_a_new_field_in_a_backlink_line_rewrites_the_pages_that_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Add a field to backlink lines, as a developer would: the model fills it, the
    renderer shows it. Nothing else is told about it, yet an edit that changes only
    that field rewrites the pages showing it, because the digest hashes the same
    page view the renderer reads."""

    @dataclasses.dataclass(frozen=True)
    class TaggedLink(model.Link):
        aliases: tuple[str, ...] = ()

    plain = model.Glossary.backlinks.func  # type: ignore[attr-defined]

    def tagged(self: model.Glossary) -> dict[tuple[str, str], model.Backlinks]:
        def tag(links: tuple[model.Link, ...]) -> tuple[model.Link, ...]:
            return tuple(
                TaggedLink(
                    link.docname,
                    link.anchor,
                    link.label,
                    link.note,
                    link.preview,
                    aliases=term.aliases,
                )
                if (term := self.lookup(link.label)) is not None
                else link
                for link in links
            )

        return {
            key: model.Backlinks(tag(b.related), tag(b.terms), tag(b.pages))
            for key, b in plain(self).items()
        }

    prop = functools.cached_property(tagged)
    prop.__set_name__(model.Glossary, "backlinks")
    monkeypatch.setattr(model.Glossary, "backlinks", prop)
    shown = render.backlink_list

    def show_aliases(builder: object, docname: str, links: model.Backlinks | None) -> object:
        out = shown(builder, docname, links)  # type: ignore[arg-type]
        names = [a for link in (links.related if links else ()) for a in link.aliases]  # type: ignore[attr-defined]
        out += nodes.paragraph("", "aliases: " + ", ".join(names))
        return out

    monkeypatch.setattr(render, "backlink_list", show_aliases)

    src = tmp_path / "src"
    shutil.copytree(GRAPH, src)
    build(src, tmp_path / "incremental")
    before = pages(tmp_path / "incremental" / "html")
    # Beta lists Alpha as related; only Beta's aliases change.
    edit(src / "glossary" / "beta.md", ":category: methods", ":category: methods\n:aliases: BM")
    status = build(src, tmp_path / "incremental").status.getvalue()
    assert "glossary/alpha" in written_docs(status)
    build(src, tmp_path / "clean")
    after = pages(tmp_path / "incremental" / "html")
    clean = pages(tmp_path / "clean" / "html")
    assert b"aliases: BM" in after["glossary/alpha.html"]
    assert sorted(p for p in clean if after.get(p) != clean[p]) == []
    assert after["glossary/alpha.html"] != before["glossary/alpha.html"]
