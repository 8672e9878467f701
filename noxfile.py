"""Both ends of the supported range, each in a virtual environment of its own.

``pyproject.toml`` claims a range for each library the extension builds on: Sphinx,
docutils and, for Markdown, MyST-Parser. ``nox -s lowest`` installs the lowest
version each range allows, exactly; ``nox -s highest`` the newest release each
range allows today. Both run the test suite (arguments after ``--`` go to pytest).
``make test`` runs them after the pinned suite, so CI tests what is claimed.

The test tools and the site's theme keep their pinned versions
(``requirements/dev.txt``), so only the ranged libraries differ from the pinned run.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nox
from packaging.requirements import Requirement

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["lowest", "highest"]

ROOT = Path(__file__).parent
#: The libraries whose claimed range is tested at both ends.
RANGED = ("sphinx", "docutils", "myst-parser")


def _project() -> dict[str, object]:
    project: dict[str, object] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))[
        "project"
    ]
    return project


def claimed() -> list[Requirement]:
    """The ranges ``pyproject.toml`` claims for :data:`RANGED`."""
    project = _project()
    extras: dict[str, list[str]] = project["optional-dependencies"]  # type: ignore[assignment]
    found = [Requirement(r) for r in [*project["dependencies"], *extras["myst"]]]  # type: ignore[misc]
    ranged = [r for r in found if r.name.lower() in RANGED]
    assert sorted(r.name.lower() for r in ranged) == sorted(RANGED), ranged
    return ranged


def lowest() -> list[str]:
    """``name==X`` for the ``>=X`` bound of each claimed range."""
    pins = []
    for requirement in claimed():
        (low,) = (s.version for s in requirement.specifier if s.operator == ">=")
        pins.append(f"{requirement.name}=={low}")
    return pins


def _tools() -> list[str]:
    """What the tests and the site need besides the ranged libraries, unversioned."""
    extras: dict[str, list[str]] = _project()["optional-dependencies"]  # type: ignore[assignment]
    names = {Requirement(r).name.lower() for r in [*extras["test"], *extras["site"]]}
    return sorted(names - set(RANGED))


def _constraints(session: nox.Session) -> Path:
    """The pinned versions of :func:`_tools`, as a pip constraints file."""
    tools = set(_tools())
    pins = [
        line
        for line in (ROOT / "requirements" / "dev.txt").read_text("utf-8").splitlines()
        if (match := re.match(r"([A-Za-z0-9._-]+)==", line)) and match[1].lower() in tools
    ]
    # Not session.create_tmp(): it points TMPDIR into the repository, where the tests'
    # copies of the site would then copy themselves.
    path = Path(session.virtualenv.location) / "constraints.txt"
    path.write_text("\n".join(pins) + "\n", encoding="utf-8")
    return path


def _test(session: nox.Session, ranged: list[str], *upgrade: str) -> None:
    session.install("-c", str(_constraints(session)), *upgrade, *_tools(), *ranged)
    session.run(
        "python", "-c", "import sphinx, docutils, myst_parser as m; "
        "print('Sphinx', sphinx.__version__, 'docutils', docutils.__version__, "
        "'MyST-Parser', m.__version__)",
    )  # fmt: skip
    # The wheel tests build and install the package themselves; the pinned run has them.
    session.run("python", "-m", "pytest", "-m", "not package", *session.posargs)


@nox.session(name="lowest")
def test_lowest(session: nox.Session) -> None:
    """The suite with the lowest claimed Sphinx, docutils and MyST-Parser."""
    _test(session, lowest())


@nox.session(name="highest")
def test_highest(session: nox.Session) -> None:
    """The suite with the newest Sphinx, docutils and MyST-Parser the ranges allow."""
    _test(session, [str(r) for r in claimed()], "--upgrade", "--upgrade-strategy", "eager")
