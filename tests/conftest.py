"""Shared fixtures: Sphinx's own test fixtures, pointed at our test roots."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences  # type: ignore[attr-defined]

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

#: The terms of the ``pmterm-basic`` root, in reading order (accents and case ignored).
BASIC_TERMS = [
    "2x2 Matrix",
    "Alpha Role",
    "Beta Method",
    "Éclair Review",
    "Gamma Lead",
    "Дорожная карта",
]

WARNING_LINE = re.compile(
    r"^(?P<file>[^\s:]+?)(?::(?P<line>\d+))?: WARNING: (?P<message>.*?)(?: \[(?P<type>[\w.-]+)\])?$"
)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return PROJECT / "tests" / "roots"


@dataclass(frozen=True)
class LoggedWarning:
    file: str
    line: int | None
    message: str
    type: str | None


def parse_warnings(text: str) -> list[LoggedWarning]:
    """Split Sphinx's warning stream into located records."""
    found = []
    for raw in strip_escape_sequences(text).splitlines():
        match = WARNING_LINE.match(raw.strip())
        if match:
            line = match["line"]
            found.append(
                LoggedWarning(
                    match["file"], int(line) if line else None, match["message"], match["type"]
                )
            )
    return found


def sphinx_build(
    srcdir: Path,
    builddir: Path | None = None,
    buildername: str = "html",
    parallel: int = 0,
    confoverrides: dict[str, object] | None = None,
) -> SphinxTestApp:
    """Build *srcdir* with Sphinx's test application; warnings stay in ``app.warning``."""
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=builddir,
        status=StringIO(),
        warning=StringIO(),
        parallel=parallel,
        confoverrides=confoverrides or {},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def build_root(
    testroot: str,
    tmp_path_factory: pytest.TempPathFactory,
    buildername: str = "html",
    **confoverrides: object,
) -> tuple[SphinxTestApp, str]:
    """Build a copy of a test root once (for module-scoped fixtures); return app and warnings."""
    srcdir = tmp_path_factory.mktemp(testroot) / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / f"test-{testroot}", srcdir)
    app = sphinx_build(srcdir, buildername=buildername, confoverrides=confoverrides)
    return app, app.warning.getvalue()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The project itself, built once per test session from a copy of its sources."""
    src = tmp_path_factory.mktemp("site") / "src"
    ignore = shutil.ignore_patterns("_build", ".venv", ".nox", ".git", "tests", "*.pyc", ".*cache")
    shutil.copytree(PROJECT, src, ignore=ignore)
    return sphinx_build(src)


@dataclass(frozen=True)
class Installed:
    """The package as a user gets it: built, installed in a fresh venv, used by a project."""

    dist: Path  #: the folder holding the sdist and the wheel built from it
    python: Path  #: the fresh virtual environment's interpreter
    rst: Path  #: HTML of the rST test root, built before MyST-Parser was installed
    rst_log: str  #: what that build printed on stderr
    demo: Path  #: HTML of the demo project (Markdown terms, alabaster), built with -W -n
    demo_log: str  #: what that build printed on stderr


def run(*command: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run *command* outside this test session's ``sys.path``; fail with its output."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the sdist, then the wheel from it (as pip would), install the wheel into a
    new virtual environment that holds nothing else of this repository, and build
    there with ``sphinx-build`` (no ``sys.path`` line anywhere): the rST root with
    the bare package, then the demo project after ``pip install pmterm[myst]``."""
    base = tmp_path_factory.mktemp("package")
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT / name, src / name)
    shutil.copytree(
        PROJECT / "_ext", src / "_ext", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    dist = base / "dist"
    run(sys.executable, "-m", "build", "--outdir", dist, src)  # the sdist, then its wheel
    wheel = next(dist.glob("pmterm-*.whl"))
    venv = base / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"

    def build(root: str) -> tuple[Path, str]:
        src = base / root
        shutil.copytree(PROJECT / "tests" / "roots" / f"test-pmterm-{root}", src)
        out = src / "_build" / "html"
        built = run(
            python, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", src, out, cwd=base
        )
        return out, built.stderr

    run(python, "-m", "pip", "install", "--quiet", wheel)
    found = "import importlib.util as u; print(u.find_spec('myst_parser') is not None)"
    assert run(python, "-c", found).stdout.strip() == "False"  # the bare package: no MyST
    rst, rst_log = build("rst")
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[myst]")
    demo, demo_log = build("demo")
    return Installed(dist, python, rst, rst_log, demo, demo_log)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """The system's Chromium, one per test module (the browser test modules skip, or
    fail in CI, where there is none)."""
    from browsing import ARGS, chromium
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), args=ARGS)
        yield launched
        launched.close()
