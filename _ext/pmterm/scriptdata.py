"""JSON inside an HTML ``<script>`` element, escaped so that no value can end it.

Structured data (JSON-LD), the previews map and the search scorer's data all put
JSON in a page; ``<``, ``>`` and ``&`` become ``\\u`` escapes, which JSON and
JavaScript read back as the same characters.
"""

from __future__ import annotations

import json


def script_safe_json(data: object, *, ensure_ascii: bool = False) -> str:
    """*data* as JSON (keys sorted) that is safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=ensure_ascii, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
