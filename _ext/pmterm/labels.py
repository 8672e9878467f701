"""Every word the extension itself writes on a page, in the reader's language.

Labels go through Sphinx's translation machinery with the extension's own message
domain, ``pmterm``, so they follow the project's ``language``; catalogs ship in
``locale/<language>/LC_MESSAGES/pmterm.po`` (and ``.mo``), and ``make catalogs``
re-extracts and compiles them. A label is marked with :func:`N_` where it is
declared and translated with :func:`_` where it is shown, so ids derived from a
label (``#alpha-why-it-matters``) stay the same in every language.

The project's own text (names, definitions, FAQs, category names) is not here: it
is translated by Sphinx from the project's catalogs (see :mod:`pmterm.translated`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation, get_translator

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "pmterm"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for it)
    """Mark *message* for extraction; it is translated where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a label for *count*, in the project's language."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def register(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, LOCALE_DIR)
