"""The page for other projects ("Using pmterm in your project") matches the code."""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import re
import tomllib
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from packaging.requirements import Requirement

from conftest import PROJECT
from pmterm.config import OPTIONS

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def test_every_option_is_documented_with_its_type_and_default(real_site: SphinxTestApp) -> None:
    page = BeautifulSoup(
        (real_site.outdir / "about" / "reuse.html").read_text("utf-8"), "html.parser"
    )
    items = page.select("dl.pmterm-options > dt")
    assert [dt.get_text(strip=True).rstrip("¶") for dt in items] == [o.name for o in OPTIONS]
    for dt, option in zip(items, OPTIONS, strict=True):
        facts = " ".join(dt.find_next_sibling("dd").get_text(" ", strip=True).split())
        assert repr(option.default) in facts and option.types[0].__name__ in facts
    assert {o.name for o in OPTIONS} == {
        name for name in real_site.config.values if name.startswith("pmterm_")
    }


def test_the_stated_version_range_is_the_claimed_one() -> None:
    """The table on the page states the ranges pyproject.toml claims (and nox tests)."""
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text("utf-8"))["project"]
    claimed = {
        (r := Requirement(text)).name.lower(): r.specifier
        for text in [*project["dependencies"], *project["optional-dependencies"]["myst"]]
    }
    page = (PROJECT / "about" / "reuse.md").read_text("utf-8")
    rows = re.findall(
        r"^\| (Sphinx|docutils|MyST-Parser)[^|]* \| ([\d.]+) \| ([\d.]+) \|$", page, re.M
    )
    stated = {name.lower(): f"<{high},>={low}" for name, low, high in rows}
    assert stated == {name: str(spec) for name, spec in claimed.items()}
