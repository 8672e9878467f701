"""Shared fixtures: Sphinx's own test fixtures, pointed at our test roots."""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences  # type: ignore[attr-defined]

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
    ignore = shutil.ignore_patterns("_build", ".venv", ".git", "tests", "*.pyc", ".*cache")
    shutil.copytree(PROJECT, src, ignore=ignore)
    return sphinx_build(src)
