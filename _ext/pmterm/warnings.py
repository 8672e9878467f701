"""One warning type, ``pmterm``, with named subtypes authors can suppress.

Every problem the extension reports goes through :func:`warn`, so each message
carries a location and a subtype listed in :class:`Subtype`. The authoring guide
renders this enum (see :mod:`pmterm.directives`), so the documented list cannot
drift from the code.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("pmterm")

WARNING_TYPE = "pmterm"


class Subtype(Enum):
    """Warning subtypes: value is the subtype, the docstring tells the author the fix."""

    MISSING_NAME = (
        "missing-name",
        "A ``pmterm`` directive has no term name, or a name with no letters or digits. "
        "Put the term's name after the directive: ``:::{pmterm} Head of Product``.",
    )
    LONG_NAME = (
        "long-name",
        "A term name or alias is longer than 100 characters; it still works but makes "
        "unreadable titles, links and previews. Shorten it and move the rest into the "
        "definition.",
    )
    MISSING_DEFINITION = (
        "missing-definition",
        "The term has no definition. Write at least one paragraph directly inside "
        "the directive, before its parts; its first sentence becomes the summary.",
    )
    MISSING_CATEGORY = (
        "missing-category",
        "The term has no ``:category:`` option. Add one with a category slug from "
        "``pmterm_categories`` in ``conf.py``.",
    )
    UNKNOWN_CATEGORY = (
        "unknown-category",
        "The ``:category:`` is not a slug declared in ``pmterm_categories``. Fix the "
        "spelling or declare the category in ``conf.py``.",
    )
    BAD_OPTION = (
        "bad-option",
        "An option is given without a value (``:aliases:`` with nothing after it), or "
        "twice. Give it one value, once.",
    )
    UNKNOWN_RELATED = (
        "unknown-related",
        "A related term names no term or alias of the glossary; it is shown as plain "
        "text. Fix the name, or write the missing term.",
    )
    SELF_RELATED = (
        "self-related",
        "A term lists itself (or one of its aliases) as related; the entry is dropped. Remove it.",
    )
    INCOMPLETE_RELATED = (
        "incomplete-related",
        "A ``related`` part has no term name or no note. Write the term after the "
        "directive name and a one-line note as its body.",
    )
    DUPLICATE_TERM = (
        "duplicate-term",
        "The same term or alias (ignoring case) is defined twice, or an alias equals "
        "another term's name. The first definition in document order keeps it; rename "
        "or remove the other.",
    )
    DUPLICATE_PART = (
        "duplicate-part",
        "A term has the same part (``why``, ``practice`` or ``pitfalls``) twice; the "
        "second is appended to the first. Merge them.",
    )
    INCOMPLETE_FAQ = (
        "incomplete-faq",
        "An ``faq`` part has no question or no answer; it is dropped. Put the question "
        "after the directive name and the answer in its body.",
    )
    BAD_CONFIG = (
        "bad-config",
        "``pmterm_categories`` in ``conf.py`` has an entry without a ``slug`` and a "
        "``name``, or two entries with one slug. Fix the entry; it is ignored until then.",
    )
    ENCODING = (
        "encoding",
        "A source file is not valid UTF-8. The build goes on with each bad byte shown "
        "as the replacement character (U+FFFD); re-save the file as UTF-8 in your editor.",
    )
    MULTIPLE_TERMS = (
        "multiple-terms",
        "A page holds more than one ``pmterm`` directive. Both terms work, but the "
        "page is titled after the first; give each term its own file.",
    )
    TERM_CLASH = (
        "term-clash",
        "A term's name or alias is also an entry of a plain Sphinx ``glossary`` "
        "directive. References to it go to that entry and carry no preview; rename one.",
    )
    LATEX_CHARACTER = (
        "latex-character",
        "A character cannot be typeset by the LaTeX engine in use (``pdflatex`` by default, "
        "as on Read the Docs); the PDF shows ``?`` instead. Set ``latex_engine = "
        "'xelatex'`` or ``'lualatex'`` with a font that has it, or load the font encoding "
        "it needs in ``latex_elements['fontenc']``.",
    )
    GENERATED_CLASH = (
        "generated-clash",
        "A file of yours sits where the extension would generate a page (a category "
        "page or the A to Z). Your file is kept and the page is not generated; move "
        "your file, or point ``pmterm_category_dir`` or ``pmterm_az_docname`` elsewhere.",
    )
    MISPLACED = (
        "misplaced",
        "A part (``why``, ``practice``, ``pitfalls``, ``related``, ``faq``) is used "
        "outside a ``pmterm`` directive or inside another part, or a ``pmterm`` is "
        "nested in another directive. Parts go directly into their term's ``pmterm``; "
        "a ``pmterm`` goes at the top level of its page.",
    )
    UNLINKED_MENTION = (
        "unlinked-mention",
        "A term's name or alias appears in prose without a ``{term}`` link. Only given "
        "when ``pmterm_report_unlinked_mentions = True`` is set in ``conf.py`` (the "
        "health page lists them always). Link the first mention in a part where it helps "
        "the reader, or leave it.",
    )

    MISSING_STATIC = (
        "missing-static",
        "The installed pmterm package lacks one of its own CSS or JavaScript files (the "
        "warning names it), so pages do not load it: hover previews fall back to the "
        "browser's plain tooltip. Reinstall pmterm; if it persists, report it.",
    )

    def __init__(self, subtype: str, advice: str) -> None:
        self.subtype = subtype
        self.advice = advice


def warn(subtype: Subtype, message: str, location: Any) -> None:
    """Log a located ``pmterm.<subtype>`` warning (suppressible by ``suppress_warnings``)."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype.subtype)
