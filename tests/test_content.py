"""The real glossary meets the editorial bar, and the check catches each defect."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from content_check import Problem, check

from conftest import PROJECT, parse_warnings, sphinx_build

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


#: The fewest terms each category should hold (the 300-term plan).
MINIMUM = {
    "core-concepts": 22,
    "strategy-vision": 25,
    "research-discovery": 30,
    "prioritization-frameworks": 26,
    "planning-roadmapping": 24,
    "agile-delivery": 35,
    "metrics-analytics": 38,
    "growth-go-to-market": 28,
    "ai-technical": 40,
    "career-growth": 24,
}


def build_site(srcdir: Path, tmp_path: Path) -> tuple[dict[str, object], str]:
    app = sphinx_build(srcdir, tmp_path / "build")
    return json.loads((app.outdir / "glossary.json").read_text("utf-8")), app.warning.getvalue()


def test_the_glossary_meets_the_bar(real_site: SphinxTestApp) -> None:
    assert real_site.warning.getvalue() == ""
    data = json.loads((real_site.outdir / "glossary.json").read_text("utf-8"))
    assert len(data["terms"]) >= 300
    per_category = Counter(t["category"]["slug"] for t in data["terms"])
    assert {c: n for c, n in per_category.items() if n < MINIMUM[c]} == {}
    assert check(data) == []


def term(name: str, *, related: list[str], **parts: str) -> str:
    """A complete, original fixture entry; *parts* replace a part's MyST body."""
    n = name.lower()
    body = {
        "definition": f"{name} is fixture term {n}. Its second sentence says more about {n}.",
        "why": f":::{{why}}\nWhy {n} matters to the people who read about {n} here.\n:::",
        "practice": ":::{practice}\n" + "".join(f"- Step {i} of {n}\n" for i in range(4)) + ":::",
        "pitfalls": ":::{pitfalls}\n"
        + "".join(f"- Pitfall {i} of {n}\n" for i in range(3))
        + ":::",
        "faqs": "".join(
            f":::{{faq}} Question {i} about {n}?\nAnswer {i} about {n}.\n:::\n" for i in range(2)
        ),
    }
    body.update(parts)
    rel = "".join(f":::{{related}} {r}\nnote from {n} to {r}\n:::\n" for r in related)
    return (
        f"::::{{pmterm}} {name}\n:category: roles\n\n"
        + "\n\n".join([*body.values(), rel])
        + "\n::::\n"
    )


LONG = "Long Summary is " + "a very long " * 15 + "first sentence. Then a second one."
SHARED = "Both twins share this summary."  # too short to count as boilerplate too
BOILER = "- This pitfall sentence was pasted into two different entries by mistake.\n"
FIXTURE = {
    "good-a": term("Good A", related=["Good B", "Good C", "No Pitfalls"]),
    "good-b": term("Good B", related=["Good A", "Good C", "Few Steps"]),
    "good-c": term("Good C", related=["Good A", "Good B", "Long Summary"]),
    "no-pitfalls": term("No Pitfalls", related=["Good A", "Good B", "Good C"], pitfalls=""),
    "few-steps": term(
        "Few Steps",
        related=["Good A", "Good B", "Twin One"],
        practice=":::{practice}\n- One\n- Two\n:::",
    ),
    "long-summary": term("Long Summary", related=["Good A", "Good B", "Twin Two"], definition=LONG),
    "twin-one": term(
        "Twin One",
        related=["Good A", "Good B", "Copy One"],
        definition=f"{SHARED} Twin one differs here.",
    ),
    "twin-two": term(
        "Twin Two",
        related=["Good A", "Good B", "Copy Two"],
        definition=f"{SHARED} Twin two differs here.",
    ),
    "copy-one": term(
        "Copy One",
        related=["Good A", "Good B", "Copy Two"],
        pitfalls=":::{pitfalls}\n"
        + BOILER
        + "- Own pitfall one of copy one\n- Own pitfall two of copy one\n:::",
    ),
    "copy-two": term(
        "Copy Two",
        related=["Good A", "Good B", "Copy One"],
        pitfalls=":::{pitfalls}\n"
        + BOILER
        + "- Own pitfall one of copy two\n- Own pitfall two of copy two\n:::",
    ),
    "lonely": term("Lonely", related=["Good A", "Good B", "Good C"]),
    # The same question in two entries, once with the pair the other way round.
    "asks-one": term(
        "Asks One",
        related=["Good A", "Good B", "Asks Two"],
        faqs=":::{faq} What is the difference between KPIs and OKRs?\nOne answer.\n:::\n"
        ":::{faq} Question two about asks one?\nAnswer two about asks one.\n:::\n",
    ),
    "asks-two": term(
        "Asks Two",
        related=["Good A", "Good B", "Asks One"],
        faqs=":::{faq} What's the difference between OKRs and KPIs?\nAnother answer.\n:::\n"
        ":::{faq} Question two about asks two?\nAnswer two about asks two.\n:::\n",
    ),
    # An alias that is another term's name (the build warns; the check names it too).
    "zz-borrower": term("Borrower", related=["Good A", "Good B", "Stock Talk"]).replace(
        ":category: roles", ":category: roles\n:aliases: Lonely"
    ),
    "stock-talk": term(
        "Stock Talk",
        related=["Good A", "Good B", "Borrower"],
        why=":::{why}\nIt gives everyone a shared vocabulary for stock talk.\n:::",
    ),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> list[Problem]:
    src = tmp_path_factory.mktemp("content") / "src"
    shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-graph", src)
    for path in (src / "glossary").glob("*.md"):
        path.unlink()
    (src / "page.md").write_text("# Notes\n\nNothing here.\n", encoding="utf-8")
    for slug, text in FIXTURE.items():
        (src / "glossary" / f"{slug}.md").write_text(text, encoding="utf-8")
    data, warnings = build_site(src, tmp_path_factory.mktemp("content-build"))
    # Only the planted alias clash is warned about by the build itself.
    assert [w.type for w in parse_warnings(warnings)] == ["pmterm.duplicate-term"], warnings
    return check(data)


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("No Pitfalls", "missing-part"),
        ("Few Steps", "too-few"),
        ("Long Summary", "long-summary"),
        ("Twin One", "shared-summary"),
        ("Twin Two", "shared-summary"),
        ("Copy One", "boilerplate"),
        ("Copy Two", "boilerplate"),
        ("Lonely", "orphan"),
        ("Asks One", "repeated-question"),
        ("Asks Two", "repeated-question"),
        ("Borrower", "alias-is-a-name"),
        ("Stock Talk", "stock-phrase"),
    ],
)
def test_each_defect_is_reported(broken: list[Problem], name: str, rule: str) -> None:
    assert rule in {p.rule for p in broken if p.term == name}


def test_complete_terms_pass(broken: list[Problem]) -> None:
    flagged = {p.term for p in broken}
    assert not flagged & {"Good A", "Good B", "Good C"}
    assert len(broken) == 12, broken
