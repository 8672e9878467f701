"""The extension's own CSS and JavaScript, shipped in ``static/`` beside this module.

A page references an asset only if its file is there. A package that lost one (a
packaging mistake, or a file deleted by hand) gives a ``pmterm.missing-static``
warning naming the missing file (at the
``extensions`` line of ``conf.py``), never a page whose browser asks for a file that
the build did not copy. ``static/`` itself is added to ``html_static_path`` on
``config-inited`` (see :func:`pmterm.add_static_path`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .config import config_location
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
#: The stylesheets and scripts every HTML page gets, in the order they load.
CSS_FILES = ("pmterm.css",)
JS_FILES = ("pmterm.js",)


def add_assets(app: Sphinx) -> None:
    """``builder-inited``: reference each asset whose file exists; warn about the others."""
    for name in (*CSS_FILES, *JS_FILES):
        path = STATIC_DIR / name
        if not path.is_file():
            if app.builder.format == "html":
                # Located where the project enables the extension; the path is in the text.
                warn(
                    Subtype.MISSING_STATIC,
                    f"the installed pmterm package has no {path}, so pages do not load "
                    f"static/{name}; reinstall pmterm",
                    config_location(app, "extensions"),
                )
            continue
        if name in CSS_FILES:
            app.add_css_file(name)
        else:
            app.add_js_file(name, loading_method="defer")
