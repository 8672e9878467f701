"""Property-based: random glossaries build, and what they show matches what they say.

Hypothesis generates sets of terms with names drawn from Unicode letters,
combining marks, line and paragraph separators, dashes, quotes, right-to-left
letters, punctuation and markup characters; aliases that sometimes collide,
related lists that sometimes dangle, and ``{term}`` references. Terms are placed
in the glossary folder, in another folder or on the home page. Each example is
built with Sphinx; a small model of the rules (first definition in document order
owns a name, compared after NFC and case folding) predicts the backlinks and the
warnings. CI runs 200 examples from a fixed seed; failures found are kept in
Hypothesis's example database and replayed first.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from test_incremental import build

from conftest import PROJECT, parse_warnings

ALPHABET = st.sampled_from([*"abcxyzABCXYZ019 -/&<>\"'%{}.!?éßжم", *"\u0301\u2028\u2029—–“”«»אب"])
# Sphinx's SmartQuotes makes shown text typographic; undo it to compare with sources.
SMART = {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "---", "–": "--", "…": "..."}
STRAIGHT = str.maketrans(SMART)


def clean(text: str) -> str:
    """Single ASCII spaces, trimmed; line separators stay in, to reach the sources."""
    return " ".join(text.split(" ")).strip().strip("\u2028\u2029").strip()


def shown(name: str) -> str:
    """A name as pages show it: NFC, any whitespace (separators too) one space."""
    return unicodedata.normalize("NFC", " ".join(name.split()))


names = (
    st.text(ALPHABET, min_size=1, max_size=12)
    .map(clean)
    .filter(lambda n: re.search(r"\w", n) and n == n.strip() and shown(n))
)
# MyST reads an options block as YAML, so an option value that starts with a quote,
# a brace or another YAML indicator is YAML syntax, not text (the authoring guide
# says to quote such values); aliases here start with a letter or digit.
alias_names = names.filter(lambda n: n[0].isalnum())


@dataclass
class Term:
    name: str
    aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    place: str = "glossary"  # "glossary", "more" (outside the A to Z folder) or "index"


@st.composite
def glossaries(draw: st.DrawFn) -> list[Term]:
    pool = draw(st.lists(names, min_size=2, max_size=6))
    # Some names differ only in case: collisions on purpose.
    pool += [n.upper() for n in draw(st.lists(st.sampled_from(pool), max_size=1))]
    terms = [Term(n) for n in pool]
    home: int | None = draw(st.one_of(st.none(), st.integers(0, len(terms) - 1)))
    for i, term in enumerate(terms):
        term.place = "index" if i == home else draw(st.sampled_from(["glossary", "more"]))
    for term in terms:
        others = [n for n in pool if n != term.name]
        drawn = draw(st.lists(alias_names, max_size=2))
        term.aliases = list(dict.fromkeys(a for a in drawn if a != term.name))
        colliding = [n for n in others if n[0].isalnum() and n not in term.aliases]
        collide: bool = draw(st.booleans())
        if colliding and collide:
            term.aliases.append(draw(st.sampled_from(colliding)))  # collides with a name
        candidates = [*others, "Nowhere To Be Found"]
        term.related = list(dict.fromkeys(draw(st.lists(st.sampled_from(candidates), max_size=3))))
        # Role syntax: "<...>" is an explicit target, a leading "!" or "~" changes the
        # role's meaning; references here are written to plain names only.
        safe = [n for n in others if re.fullmatch(r"\w[\w .!?'\"%&/\u2028—–«»-]*", n)]
        if safe:
            term.mentions = list(dict.fromkeys(draw(st.lists(st.sampled_from(safe), max_size=2))))
    return terms


def source(term: Term) -> str:
    lines = [f"::::{{pmterm}} {term.name}", ":category: roles"]
    if term.aliases:
        lines.append(":aliases: " + ", ".join(term.aliases))
    mentions = " ".join(f"{{term}}`{m}`" for m in term.mentions)
    lines += ["", f"It is defined here. {mentions}".strip(), ""]
    for target in term.related:
        lines += [f":::{{related}} {target}", "a note", ":::", ""]
    return "\n".join([*lines, "::::", ""])


def key(name: str) -> str:
    """How names compare: NFC, case folded, whitespace collapsed (the documented rule)."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def own(term: Term) -> set[str]:
    return {key(term.name), *(key(a) for a in term.aliases)}


def model(terms: list[Term]) -> tuple[dict[str, Term], set[str]]:
    """Owners of every name and alias, and the names that collide."""
    owners: dict[str, Term] = {}
    collisions: set[str] = set()
    for term in terms:
        for claimed in [term.name, *term.aliases]:
            name = key(claimed)
            if name in owners and owners[name] is not term:
                collisions.add(name)
            owners.setdefault(name, term)
    return owners, collisions


def docname(term: Term, i: int) -> str:
    return "index" if term.place == "index" else f"{term.place}/t{i:02d}"


def display(text: str) -> str:
    """Shown text compared without SmartQuotes' typography."""
    return " ".join(text.split()).rstrip("¶").translate(STRAIGHT)


# Each example is a real Sphinx build (about half a second): 40 locally, 200 in CI.
@seed(20261129)
@settings(
    max_examples=200 if os.environ.get("CI") else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(glossaries())
def test_random_glossaries(terms: list[Term]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-graph", src)
        for path in (src / "glossary").glob("*.md"):
            path.unlink()
        (src / "more").mkdir()
        for i, term in enumerate(terms):
            if term.place == "index":
                with (src / "index.md").open("a", encoding="utf-8") as index:
                    index.write("\n" + source(term))
            else:
                (src / f"{docname(term, i)}.md").write_text(source(term), "utf-8")
        app = build(src, Path(tmp) / "out")  # never raises
        warnings = parse_warnings(app.warning.getvalue())
        assert "Traceback" not in app.warning.getvalue()
        outdir = Path(tmp) / "out" / "html"
        data = json.loads((outdir / "glossary.json").read_text("utf-8"))
        # Every term has its page, titled with its name as pages show it.
        for i, term in enumerate(terms):
            page = BeautifulSoup(
                (outdir / f"{docname(term, i)}.html").read_text("utf-8"), "html.parser"
            )
            section = page.select_one("section.pmterm")
            assert section is not None
            title = section.find(re.compile("^h[1-6]$"))
            assert title is not None
            assert display(title.get_text()) == display(shown(term.name))

    # Document order (by page, then line) decides who owns a contested name.
    doc_of = {id(t): docname(t, i) for i, t in enumerate(terms)}
    terms = sorted(terms, key=lambda t: doc_of[id(t)])
    owners, collisions = model(terms)
    exported = {t["name"]: t for t in data["terms"]}
    owned = [t for t in terms if owners[key(t.name)] is t]
    assert sorted(exported) == sorted(shown(t.name) for t in owned)

    # Backlinks match the sources exactly, in both directions.
    for term in owned:
        # A relation naming the relating term's own name or alias is dropped as
        # self-related, even when another term owns that name.
        expected_related = {
            shown(s.name)
            for s in terms
            if s is not term
            and any(owners.get(key(r)) is term and key(r) not in own(s) for r in s.related)
        }
        expected_mentions = {
            shown(s.name)
            for s in terms
            if s is not term and any(owners.get(key(m)) is term for m in s.mentions)
        }
        links = exported[shown(term.name)]["backlinks"]
        assert {b["name"] for b in links["related"]} == expected_related
        assert {b["name"] for b in links["terms"]} == expected_mentions

    # Every dangling relation and every collision was reported, in the right file.
    by_file: dict[str, set[str | None]] = {}
    for w in warnings:
        where = Path(w.file).relative_to(src).with_suffix("").as_posix()
        by_file.setdefault(where, set()).add(w.type)
    for term in terms:
        kinds = by_file.get(doc_of[id(term)], set())
        if any(owners.get(key(r)) is None for r in term.related):
            assert "pmterm.unknown-related" in kinds
        if any(key(r) in own(term) for r in term.related):
            assert "pmterm.self-related" in kinds
        lost = [
            c
            for c in [term.name, *term.aliases]
            if key(c) in collisions and owners[key(c)] is not term
        ]
        if lost:
            assert "pmterm.duplicate-term" in kinds
