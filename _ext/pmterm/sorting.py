"""The one order readers see terms in, everywhere: lists, A to Z, backlinks."""

from __future__ import annotations

import unicodedata


def reading_order(name: str) -> tuple[str, str]:
    """Sort key that ignores case and accents ("Éclair" files under E), then the name."""
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    return (stripped.casefold(), name)
