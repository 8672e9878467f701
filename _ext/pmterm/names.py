"""How two spellings of a name are compared: one key, used everywhere.

Names are compared after Unicode NFC normalisation, case folding and collapsing
whitespace, so "Café" typed with a combining accent, "CAFÉ" and "café" are the
same term in ``{term}`` references, related entries, aliases and duplicate checks.
"""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """The comparison key of a term name, alias or reference target."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def clean(name: str) -> str:
    """A name as shown: NFC, single spaces, and line or paragraph separators as spaces."""
    return unicodedata.normalize("NFC", " ".join(name.split()))
