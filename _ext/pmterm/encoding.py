"""Source text as authors see it: undecodable bytes and invisible line breaks.

Undecodable bytes become a located warning instead of a crashed build.

Sphinx 9 reads sources with a strict decoder, so a single byte that is not UTF-8
in one glossary file aborts the whole build with a traceback. For projects whose
``source_encoding`` is UTF-8, this module has the environment read with the same
codec plus an error handler that replaces each bad byte with U+FFFD and remembers
that it did; the ``source-read`` handler then warns with the file and the lines
affected. The configuration itself is left alone (Sphinx deprecates any other
``source_encoding`` value and would warn on every build).

Python's ``str.splitlines()``, which docutils and MyST use, also breaks lines at
U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR and a few control characters that
editors show within a line. One of those pasted into an FAQ question would cut the
question and move the rest into the answer; :func:`normalise_line_breaks` makes them
spaces, so every line is the line the author sees.
"""

from __future__ import annotations

import codecs
import encodings.utf_8_sig as utf_8_sig
from typing import TYPE_CHECKING

from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from typing_extensions import Buffer

CODEC = "pmterm-utf-8"
_HANDLER = "pmterm-replace"
_errors_seen: list[int] = []  # per process; reads within a process are sequential


def _replace(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _errors_seen.append(error.start)
    return "\ufffd", error.end


class _IncrementalDecoder(utf_8_sig.IncrementalDecoder):
    def __init__(self, errors: str = "strict") -> None:
        super().__init__(_HANDLER)


def _decode(data: Buffer, errors: str = "strict", /) -> tuple[str, int]:
    return utf_8_sig.decode(data, _HANDLER)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != CODEC:
        return None
    return codecs.CodecInfo(
        name=CODEC,
        encode=utf_8_sig.encode,
        decode=_decode,
        incrementalencoder=utf_8_sig.IncrementalEncoder,
        incrementaldecoder=_IncrementalDecoder,
        streamreader=utf_8_sig.StreamReader,
        streamwriter=utf_8_sig.StreamWriter,
    )


codecs.register_error(_HANDLER, _replace)
codecs.register(_search)


def use_tolerant_codec(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: read UTF-8 sources with the tolerant codec."""
    if codecs.lookup(app.config.source_encoding).name in {"utf-8", "utf-8-sig"}:
        env.settings["input_encoding"] = CODEC


#: Characters ``str.splitlines()`` treats as line ends but editors show within a line.
_HIDDEN_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


def normalise_line_breaks(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: line and paragraph separators become spaces."""
    source[0] = source[0].translate(_HIDDEN_BREAKS)


def warn_undecodable(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: report the lines where bytes could not be decoded."""
    if not _errors_seen:
        return
    _errors_seen.clear()
    lines = sorted({n for n, text in enumerate(source[0].splitlines(), 1) if "\ufffd" in text})
    for line in lines or [1]:
        warn(
            Subtype.ENCODING,
            "bytes that are not UTF-8 were replaced with U+FFFD; re-save the file as UTF-8",
            (docname, line),
        )
