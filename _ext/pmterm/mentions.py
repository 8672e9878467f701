"""Unlinked mentions: a term's name written in prose where no ``{term}`` link is.

Each page's prose is recorded at read time (:mod:`pmterm.prose`); matching it
against the names of the whole glossary happens here, once per build, for the
model. Names are matched on words, not characters: every name is a path in a trie
over words, the text is split into words once, and a scan walks the trie from each
word that starts some name (an Aho-Corasick-style scan over words), so the cost
grows with the text, not with the number of names, even when a thousand names share
their first word.

What counts as a mention:

* whole words in any letter case, with the last word in a plural or possessive
  form ("roadmaps", "the north star metric's"); spaces and hyphens or dashes
  between words are interchangeable ("product-market fit", "product market fit");
* the longest name wins where names overlap: "product strategy" is a mention of
  Product Strategy, not of Strategy;
* an abbreviation (a word with two or more capitals: "OKR", "CoD", "SAFe")
  matches only as written, plus a lower-case plural "s" ("OKRs"), so "cod" or
  "safe" are not mentions;
* an alias of one ordinary word ("Roadmap", "Story", "Launch") is not matched:
  in prose it is usually just the word. Term names are always matched;
* code, literal blocks, headings, FAQ questions, links and the term's own page
  are never searched (see :mod:`pmterm.prose`).

Only the first unlinked mention of a term in each section (or FAQ) is reported,
and none in a section that already links to the term.

Matching results are memoised per page, keyed by a fingerprint of every matched
spelling: an edit re-matches only the pages it re-reads, and a change to the
names (a new term, a new alias) re-matches every page.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .names import name_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Glossary
    from .records import Passage, Term

#: A word: letters and digits, with inner apostrophes ("strategy's", "don't").
WORD = re.compile(r"(\w+(?:['’]\w+)*)")
#: Characters that join the words of a name interchangeably with a space.
JOINERS = frozenset("-‐‑‒–—")
#: What prose collection puts where it leaves something out (a link, code): no
#: name spans it.
BARRIER = " \x00 "
POSSESSIVES = ("'s", "’s")


def _joiner(sep: str) -> str:
    """A separator between two words, normalised: whitespace and dashes become one space."""
    stripped = "".join(sep.split())
    return " " if all(ch in JOINERS for ch in stripped) else stripped


def is_abbreviation(word: str) -> bool:
    """A word with two or more capitals ("OKR", "CoD", "SAFe") matches only as written."""
    return sum(ch.isupper() for ch in word) >= 2


def _plurals(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if len(word) > 1 and word[-1] in "yY" and word[-2].lower() not in "aeiou":
        forms.add(word[:-1] + "ies")
    return forms


def word_forms(word: str, exact: bool) -> frozenset[str]:
    """Every written form of a name's last word: plural and possessive, folded unless *exact*."""
    if exact:
        forms = {word, word + "s"}
    else:
        word = word.casefold()
        forms = _plurals(word)
    return frozenset(forms | {f + p for f in forms for p in POSSESSIVES})


@dataclass(frozen=True)
class Pattern:
    """One matchable spelling of a name or alias, as words."""

    key: str  #: :func:`name_key` of the spelling, to find its term
    words: tuple[str, ...]  #: folded words, or as written where ``exact``
    exact: tuple[bool, ...]
    seps: tuple[str, ...]  #: normalised separators between the words
    lead: str  #: punctuation the spelling starts with ("" mostly)
    trail: str  #: punctuation it ends with ("C++")
    last: frozenset[str]  #: accepted forms of the last word


def compile_spelling(spelling: str) -> Pattern | None:
    """The pattern of *spelling*, or None if it has no word."""
    parts = WORD.split(unicodedata.normalize("NFC", spelling))
    words = parts[1::2]
    if not words:
        return None
    exact = tuple(is_abbreviation(w) for w in words)
    folded = tuple(w if e else w.casefold() for w, e in zip(words, exact, strict=True))
    return Pattern(
        key=name_key(spelling),
        words=folded,
        exact=exact,
        seps=tuple(_joiner(s) for s in parts[2:-1:2]),
        lead="".join(parts[0].split()),
        trail="".join(parts[-1].split()),
        last=word_forms(words[-1], exact[-1]),
    )


def matchable(spelling: str, is_name: bool) -> bool:
    """Whether prose is searched for *spelling*: not for an alias of one ordinary word."""
    if is_name:
        return True
    words = WORD.findall(spelling)
    return len(words) > 1 or any(is_abbreviation(w) for w in words) or bool(WORD.sub("", spelling))


@dataclass(frozen=True)
class Hit:
    """A spelling found in a page's prose (before links and owners are considered)."""

    passage: int  #: index of the passage on its page
    line: int
    key: str  #: :func:`name_key` of the spelling matched
    text: str  #: the words as written


class _Node:
    """A node of the word trie: the words that may follow, and the names that end here
    (by each written form of their last word)."""

    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: dict[str, list[Pattern]] = {}


class Matcher:
    """Every matchable spelling of the glossary in a trie over words.

    A word of a name is kept folded, or as written for an abbreviation; the two
    never collide, since a folded word has no capitals. The last word is kept in
    every written form (plural, possessive), so a scan looks each word of the text
    up in a dictionary and never compares it with names one by one."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns = tuple(sorted(set(patterns), key=lambda p: (p.key, p.words)))
        self._root = _Node()
        for pattern in self.patterns:
            node = self._root
            for word in pattern.words[:-1]:
                node = node.children.setdefault(word, _Node())
            for form in pattern.last:
                node.ends.setdefault(form, []).append(pattern)
        #: every key a name can start with: most words of a text are in no name
        self._starts = frozenset(self._root.children) | frozenset(self._root.ends)
        text = repr([(p.key, p.words, p.exact, p.seps, p.lead, p.trail) for p in self.patterns])
        self.fingerprint = hashlib.sha256(text.encode()).hexdigest()

    def find(self, text: str) -> list[tuple[int, str, str]]:
        """``(line offset, key, words as written)`` of each name in *text*, left to right,
        the longest name winning at each place."""
        parts = WORD.split(unicodedata.normalize("NFC", text))
        words = parts[1::2]
        found: list[tuple[int, str, str]] = []
        i = 0
        starts = self._starts
        while i < len(words):
            word = words[i]
            if word not in starts and word.casefold() not in starts:
                i += 1
                continue
            pattern = self._longest_at(parts, words, i)
            if pattern is None:
                i += 1
                continue
            end = i + len(pattern.words)
            offset = sum(p.count("\n") for p in parts[: 2 * i + 1])
            written = " ".join("".join(parts[2 * i + 1 : 2 * end]).split())
            found.append((offset, pattern.key, written))
            i = end
        return found

    def _longest_at(self, parts: list[str], words: list[str], i: int) -> Pattern | None:
        """The longest name starting at word *i*, walking the trie along the text."""
        best: Pattern | None = None
        frontier = [self._root]
        j = i
        while frontier and j < len(words):
            word = words[j]
            folded = word.casefold()
            keys = (folded,) if folded == word else (word, folded)
            for node in frontier:
                for key in keys:
                    for pattern in node.ends.get(key, ()):
                        if self._matches(pattern, parts, words, i):
                            best = pattern
                            break
            frontier = [c for node in frontier for key in keys if (c := node.children.get(key))]
            j += 1
        return best

    @staticmethod
    def _matches(pattern: Pattern, parts: list[str], words: list[str], i: int) -> bool:
        size = len(pattern.words)
        if i + size > len(words):
            return False
        for j in range(size):
            word = words[i + j]
            if j == size - 1:
                if (word if pattern.exact[j] else word.casefold()) not in pattern.last:
                    return False
            elif (word if pattern.exact[j] else word.casefold()) != pattern.words[j]:
                return False
            if j and _joiner(parts[2 * (i + j)]) != pattern.seps[j - 1]:
                return False
        if pattern.lead and not "".join(parts[2 * i].split()).endswith(pattern.lead):
            return False
        after = "".join(parts[2 * (i + size)].split())
        return not pattern.trail or after.startswith(pattern.trail)


def matcher(model: Glossary) -> Matcher:
    """The matcher for every owned, matchable spelling of *model*."""
    patterns = []
    for spelled, term in model.owned_names():
        if matchable(spelled, spelled == term.name):
            pattern = compile_spelling(spelled)
            if pattern is not None:
                patterns.append(pattern)
    return Matcher(patterns)


def hits(passages: Iterable[Passage], match: Matcher) -> tuple[Hit, ...]:
    """Every spelling found in a page's passages."""
    found: list[Hit] = []
    for number, passage in enumerate(passages):
        for line, text in passage.blocks:
            for offset, key, written in match.find(text):
                found.append(Hit(number, line + offset if line else 0, key, written))
    return tuple(found)


@dataclass(frozen=True)
class Mention:
    """An unlinked mention of a term: where it is, and the words as written."""

    term: str  #: the term's name
    docname: str
    line: int
    anchor: str  #: id of the section (or FAQ's section) it is in, "" for the page top
    section: str  #: the section's heading (or the FAQ's question, or the page title)
    text: str


def find_unlinked(
    model: Glossary,
    prose: Mapping[str, tuple[Passage, ...]],
    memo: MutableMapping[str, tuple[str, tuple[Hit, ...]]],
) -> tuple[Mention, ...]:
    """The first unlinked mention of each term in each passage, in document order.

    *memo* (kept on the environment) holds each page's hits with the matcher's
    fingerprint; only pages re-read since, or every page when a name changed,
    are matched again."""
    match = matcher(model)
    found: list[Mention] = []
    for docname in sorted(prose):
        passages = prose[docname]
        cached = memo.get(docname)
        if cached is None or cached[0] != match.fingerprint:
            cached = (match.fingerprint, hits(passages, match))
            memo[docname] = cached
        own = {t.name for t in model.on_page(docname)}
        reported: set[tuple[int, str]] = set()
        for hit in cached[1]:
            term = model.owners.get(hit.key)
            if term is None or term.name in own or (hit.passage, term.name) in reported:
                continue
            passage = passages[hit.passage]
            if _links_to(model, passage, term):
                continue
            reported.add((hit.passage, term.name))
            found.append(
                Mention(term.name, docname, hit.line, passage.anchor, passage.title, hit.text)
            )
    for stale in memo.keys() - prose.keys():
        del memo[stale]
    return tuple(found)


def _links_to(model: Glossary, passage: Passage, term: Term) -> bool:
    return any(model.lookup(name) is term for name in passage.links)
