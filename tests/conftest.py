"""Shared fixtures: Sphinx's own test fixtures, pointed at our test roots."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

WARNING_LINE = re.compile(
    r"^(?P<file>[^\s:]+?)(?::(?P<line>\d+))?: WARNING: (?P<message>.*?)(?: \[(?P<type>[\w.-]+)\])?$"
)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return PROJECT / "tests" / "roots"


@dataclass(frozen=True)
class Warning_:
    file: str
    line: int | None
    message: str
    type: str | None


def parse_warnings(text: str) -> list[Warning_]:
    """Split Sphinx's warning stream into located records."""
    found = []
    for raw in text.splitlines():
        match = WARNING_LINE.match(raw.strip())
        if match:
            line = match["line"]
            found.append(Warning_(match["file"], int(line) if line else None, match["message"], match["type"]))
    return found
