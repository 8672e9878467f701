"""Sentences and the summary: the definition's first sentence.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets)
when the next word starts with a capital letter or a digit, except after a known
abbreviation ("Dr.", "e.g.", "Fig."), an initial ("J.") or dotted initials
("U.S."). A word-by-word scan with a list is easier to extend and to test than one
regular expression of look-behinds.
"""

from __future__ import annotations

import re

#: Lower-case abbreviations (without their final full stop) that do not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "e.g", "i.e", "cf", "vs", "approx", "ca", "no", "nos", "fig", "figs", "eq",
        "vol", "p", "pp", "ch", "sec", "dr", "mr", "mrs", "ms", "prof", "st", "jr",
        "sr", "mt", "inc", "ltd", "co", "corp", "dept", "est", "al",
    }
)  # fmt: skip

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_DOTTED = re.compile(r"^(?:[^\W\d_]\.)+$")  # "J." or "U.S." (capital letters only)


def _ends_sentence(word: str, following: str) -> bool:
    core = word.rstrip(_CLOSERS)
    if not core or core[-1] not in ".!?":
        return False
    start = following.lstrip(_OPENERS)
    if not start or not (start[0].isupper() or start[0].isdigit()):
        return False
    if core[-1] != ".":
        return True
    bare = core.lstrip(_OPENERS)
    if _DOTTED.match(bare) and bare.isupper():
        return False  # an initial or dotted initials
    return bare[:-1].casefold() not in ABBREVIATIONS


def sentences(text: str) -> list[str]:
    """Split prose into sentences; whitespace (including line separators) is collapsed."""
    words = text.split()
    found: list[str] = []
    current: list[str] = []
    for i, word in enumerate(words):
        current.append(word)
        if i + 1 < len(words) and _ends_sentence(word, words[i + 1]):
            found.append(" ".join(current))
            current = []
    if current:
        found.append(" ".join(current))
    return found


def first_sentence(text: str) -> str:
    """The summary: the definition's first sentence."""
    found = sentences(text)
    return found[0] if found else ""
