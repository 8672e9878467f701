"""Chromium and a local web server, shared by the browser tests and ``make screenshots``.

Both use the system's Chromium (Debian's ``chromium`` package, or ``PMTERM_CHROMIUM``),
never a downloaded browser, and serve the built site on the loopback interface, as
a reader gets it: Sphinx's search fetches pages for its snippets, which browsers
refuse on ``file://``.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: As the machine's own Chromium checks: no sandbox as root, no network chatter.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str | None:
    """The path of the system's Chromium, or None."""
    return (
        os.environ.get("PMTERM_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


def require_chromium() -> str:
    """Chromium's path for a browser test module, called at its top: without Chromium
    the module skips and says how to install it; in CI (``CI`` set) that is an error,
    so the browser tests cannot silently skip."""
    import pytest

    path = chromium()
    if path:
        return path
    if os.environ.get("CI"):
        raise RuntimeError(
            "CI must run the browser tests: install Debian's chromium (.ci/run does)"
        )
    pytest.skip(
        "Chromium not found: install it (Debian/Ubuntu: sudo apt-get install chromium) "
        "or set PMTERM_CHROMIUM to its path to run the browser tests",
        allow_module_level=True,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """*site* on ``http://127.0.0.1:<free port>/`` while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join()
