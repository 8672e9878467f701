"""Property-based: random glossaries build, and what they show matches what they say.

Hypothesis generates sets of terms with names drawn from Unicode letters,
punctuation and markup characters, aliases that sometimes collide, related lists
that sometimes dangle, and ``{term}`` references. Each example is built with
Sphinx; a small model of the rules (first definition in document order owns a
name, ignoring case) predicts the backlinks and the warnings.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_incremental import build

from conftest import PROJECT, parse_warnings

ALPHABET = st.sampled_from(list("abcxyzABCXYZ019 -/&<>\"'%{}.!?éßжم"))
# Sphinx's SmartQuotes makes shown text typographic; undo it to compare with sources.
SMART = {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "---", "–": "--", "…": "..."}
STRAIGHT = str.maketrans(SMART)


def clean(text: str) -> str:
    return " ".join(text.split())


names = st.text(ALPHABET, min_size=1, max_size=12).map(clean).filter(lambda n: re.search(r"\w", n))
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


@st.composite
def glossaries(draw: st.DrawFn) -> list[Term]:
    pool = draw(st.lists(names, min_size=2, max_size=6))
    # Some names differ only in case: collisions on purpose.
    pool += [n.upper() for n in draw(st.lists(st.sampled_from(pool), max_size=1))]
    terms = [Term(n) for n in pool]
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
        safe = [n for n in others if re.fullmatch(r"\w[\w .!?'\"%&/-]*", n)]
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


# Each example is a real Sphinx build (about a second), so keep the count modest.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries())
def test_random_glossaries(terms: list[Term]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(PROJECT / "tests" / "roots" / "test-pmterm-graph", src)
        for path in (src / "glossary").glob("*.md"):
            path.unlink()
        for i, term in enumerate(terms):
            (src / "glossary" / f"t{i:02d}.md").write_text(source(term), "utf-8")
        app = build(src, Path(tmp) / "out")  # never raises
        warnings = parse_warnings(app.warning.getvalue())
        assert "Traceback" not in app.warning.getvalue()
        outdir = Path(tmp) / "out" / "html"
        data = json.loads((outdir / "glossary.json").read_text("utf-8"))
        # Every term has its page, titled with its name.
        for i, term in enumerate(terms):
            page = BeautifulSoup(
                (outdir / "glossary" / f"t{i:02d}.html").read_text("utf-8"), "html.parser"
            )
            title = page.select_one("section.pmterm h1")
            assert title is not None
            assert " ".join(title.get_text().split()).rstrip("¶").translate(STRAIGHT) == term.name

    owners, collisions = model(terms)
    exported = {t["name"]: t for t in data["terms"]}
    owned = [t for t in terms if owners[key(t.name)] is t]
    assert sorted(exported) == sorted(t.name for t in owned)

    # Backlinks match the sources exactly, in both directions.
    for term in owned:
        # A relation naming the relating term's own name or alias is dropped as
        # self-related, even when another term owns that name.
        expected_related = {
            s.name
            for s in terms
            if s is not term
            and any(owners.get(key(r)) is term and key(r) not in own(s) for r in s.related)
        }
        expected_mentions = {
            s.name
            for s in terms
            if s is not term and any(owners.get(key(m)) is term for m in s.mentions)
        }
        links = exported[term.name]["backlinks"]
        assert {b["name"] for b in links["related"]} == expected_related
        assert {b["name"] for b in links["terms"]} == expected_mentions

    # Every dangling relation and every collision was reported, in the right file.
    by_file: dict[str, set[str | None]] = {}
    for w in warnings:
        by_file.setdefault(Path(w.file).stem, set()).add(w.type)
    for i, term in enumerate(terms):
        kinds = by_file.get(f"t{i:02d}", set())
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
