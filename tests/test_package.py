"""pmterm as another project installs it: a complete package with honest dependencies.

The rest of the suite loads the extension from ``_ext`` on ``sys.path``; these tests
use the sdist and the wheel built from it, installed into a fresh virtual
environment, as a user's ``pip install`` would (the ``installed`` fixture in
``conftest``). The browser half, that previews run in such a project, is in
``test_browser``.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import ast
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from packaging.requirements import Requirement

from conftest import PROJECT, Installed, build_root, parse_warnings, run

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.package

PACKAGE = PROJECT / "_ext" / "pmterm"


def package_files() -> set[str]:
    """Every file of the package folder, as ``pmterm/<path>``: all of it must ship."""
    return {
        "pmterm/" + p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_sdist_and_the_wheel_carry_every_file_of_the_package(installed: Installed) -> None:
    expected = package_files()
    assert {"pmterm/static/pmterm.js", "pmterm/static/pmterm.css"} <= expected
    assert "pmterm/glossary.schema.json" in expected
    wheel = next(installed.dist.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        assert expected - set(archive.namelist()) == set()
    sdist = next(installed.dist.glob("*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = {n.partition("/_ext/")[2] for n in archive.getnames() if "/_ext/" in n}
    assert expected - names == set()


def wheel_requirements(installed: Installed) -> list[Requirement]:
    wheel = next(installed.dist.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = HeaderParser().parsestr(archive.read(name).decode())
    return [Requirement(r) for r in metadata.get_all("Requires-Dist") or []]


def _imports(tree: ast.Module) -> Iterator[str]:
    """Top-level names the module imports at run time (not under ``TYPE_CHECKING``)."""
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import):
                yield from (a.name.partition(".")[0] for a in inner.names)
            elif isinstance(inner, ast.ImportFrom) and inner.level == 0 and inner.module:
                yield inner.module.partition(".")[0]


def test_the_package_requires_what_it_imports_and_nothing_else(installed: Installed) -> None:
    imported = {
        name
        for path in PACKAGE.glob("*.py")
        for name in _imports(ast.parse(path.read_text("utf-8")))
        if name not in sys.stdlib_module_names and name != "__future__"
    }
    assert imported == {"sphinx", "docutils"}
    required = {r.name.lower() for r in wheel_requirements(installed) if r.marker is None}
    assert required == imported
    extras = {(r.name.lower(), str(r.marker)) for r in wheel_requirements(installed) if r.marker}
    assert ("myst-parser", 'extra == "myst"') in extras  # Markdown is optional


def test_the_fresh_environment_holds_the_wheel_and_no_site_dependency(
    installed: Installed,
) -> None:
    where = run(installed.python, "-c", "import pmterm; print(pmterm.__file__)").stdout
    assert "site-packages" in where and str(PROJECT) not in where
    run(installed.python, "-m", "pip", "check")
    for module in ("furo", "sphinx_design"):
        found = run(
            installed.python, "-c", f"import importlib.util as u; print(u.find_spec('{module}'))"
        )
        assert found.stdout.strip() == "None", module


def test_a_new_project_builds_with_no_warning_under_w(installed: Installed) -> None:
    assert parse_warnings(installed.demo_log) == []
    assert "WARNING" not in installed.demo_log and "ERROR" not in installed.demo_log
    page = BeautifulSoup(
        (installed.demo / "glossary" / "roux.html").read_text("utf-8"), "html.parser"
    )
    assert page.select_one("section.pmterm h1").get_text(strip=True).rstrip("¶") == "Roux"
    backlinks = [a.get_text() for a in page.select("section.pmterm-backlinks li a")]
    assert set(backlinks) == {"Mise en Place", "Béchamel"}


def test_a_restructuredtext_project_needs_no_myst_parser(installed: Installed) -> None:
    """The rST root was built after ``pip install pmterm``, before the ``myst`` extra."""
    assert parse_warnings(installed.rst_log) == []
    assert "WARNING" not in installed.rst_log and "ERROR" not in installed.rst_log
    page = BeautifulSoup(
        (installed.rst / "glossary" / "alpha.html").read_text("utf-8"), "html.parser"
    )
    assert page.select_one("section.pmterm h1").get_text(strip=True).rstrip("¶") == "Alpha Role"
    assert page.select("details.pmterm-faq")


def static_references(outdir: Path) -> dict[Path, set[str]]:
    """Every ``_static`` file each page of *outdir* links, scripts and styles included."""
    found: dict[Path, set[str]] = {}
    for page in outdir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag):
                value = str(element.get(attribute) or "")
                if value and "_static/" in value and not urlsplit(value).scheme:
                    found.setdefault(page, set()).add(unquote(urlsplit(value).path))
    return found


@pytest.mark.parametrize("project", ["demo", "rst"])
def test_every_static_file_a_page_references_exists(installed: Installed, project: str) -> None:
    outdir: Path = getattr(installed, project)
    references = static_references(outdir)
    term = next((outdir / "glossary").glob("*.html"))
    assert {"../_static/pmterm.js", "../_static/pmterm.css"} <= references[term]
    missing = [
        f"{page.relative_to(outdir)}: {ref}"
        for page, refs in references.items()
        for ref in refs
        if not (page.parent / ref).is_file()
    ]
    assert missing == []


def test_a_missing_static_file_is_a_located_warning_not_a_dead_reference(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package that lost ``pmterm.js``: the build says so, and no page asks for it."""
    from pmterm import assets

    static = tmp_path_factory.mktemp("static")
    (static / "pmterm.css").write_text((assets.STATIC_DIR / "pmterm.css").read_text("utf-8"))
    monkeypatch.setattr(assets, "STATIC_DIR", static)
    app, text = build_root("pmterm-basic", tmp_path_factory)
    hits = [w for w in parse_warnings(text) if w.type == "pmterm.missing-static"]
    assert [(Path(w.file).name, w.line) for w in hits] == [("conf.py", 2)]  # `extensions`
    assert str(static / "pmterm.js") in hits[0].message
    references = static_references(app.outdir)
    assert all("_static/pmterm.js" not in r for refs in references.values() for r in refs)
    assert any("_static/pmterm.css" in r for refs in references.values() for r in refs)
